//! [`Settings`]: what the binary reads from its arguments and environment.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::DEFAULT_BODY_LIMIT;

/// The address the binary listens on unless told otherwise: loopback only, for a
/// TLS-terminating proxy in front of it.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// The directory raw bodies of unknown payloads go to unless told otherwise.
pub const DEFAULT_UNKNOWN_DIR: &str = "unknown-payloads";

/// The binary's `--help` text.
pub const USAGE: &str = "\
Receives Z-API webhooks and parses them with zapi-webhooks.

Usage: zapi-webhooks-receiver-example [OPTIONS]

Options (each also read from the environment variable shown; an option wins over it):
  --addr <HOST:PORT>       Address to listen on [env ZAPI_RECEIVER_ADDR] [default: 127.0.0.1:8080]
  --body-limit <SIZE>      Largest body accepted, larger ones get 413; bytes, or with a
                           KiB/MiB suffix [env ZAPI_RECEIVER_BODY_LIMIT] [default: 1MiB]
  --unknown-dir <DIR>      Where raw bodies of unknown callbacks and kinds are written
                           [env ZAPI_RECEIVER_UNKNOWN_DIR] [default: unknown-payloads]
  --keep-unmodeled         Also keep raw bodies that only have unmodeled fields
                           [env ZAPI_RECEIVER_KEEP_UNMODELED=1]
  -h, --help               Print this help

Log level: ZAPI_RECEIVER_LOG=error|warn|info|debug|trace [default: info]

Every path accepts POST with Content-Type: application/json; the path is handed to the
handler, so e.g. /webhook/received and /webhook/message_status can be told apart.
";

/// The binary's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Largest body accepted, in bytes.
    pub body_limit: usize,
    /// Where raw bodies of unknown payloads are written.
    pub unknown_dir: PathBuf,
    /// Whether bodies that only have unmodeled fields are kept too.
    pub keep_unmodeled: bool,
}

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run the server with these settings.
    Run(Settings),
    /// Print [`USAGE`] and exit.
    Help,
}

impl Settings {
    /// Reads the settings from `args` (without the program name) and `env` (a lookup such as
    /// `|name| std::env::var(name).ok()`); an argument overrides its environment variable.
    pub fn parse<I, E>(args: I, env: E) -> Result<Command, String>
    where
        I: IntoIterator<Item = String>,
        E: Fn(&str) -> Option<String>,
    {
        let mut addr = env("ZAPI_RECEIVER_ADDR");
        let mut body_limit = env("ZAPI_RECEIVER_BODY_LIMIT");
        let mut unknown_dir = env("ZAPI_RECEIVER_UNKNOWN_DIR");
        let mut keep_unmodeled = match env("ZAPI_RECEIVER_KEEP_UNMODELED").as_deref() {
            None | Some("" | "0" | "false" | "no") => false,
            Some("1" | "true" | "yes") => true,
            Some(other) => {
                return Err(format!(
                    "ZAPI_RECEIVER_KEEP_UNMODELED: expected 1/true/yes or 0/false/no, got {other:?}"
                ));
            }
        };

        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name.to_owned(), Some(value)),
                _ => (arg.clone(), None),
            };
            let slot = match name.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "--keep-unmodeled" if inline.is_none() => {
                    keep_unmodeled = true;
                    continue;
                }
                "--addr" => &mut addr,
                "--body-limit" => &mut body_limit,
                "--unknown-dir" => &mut unknown_dir,
                _ => return Err(format!("unexpected argument {arg:?} (see --help)")),
            };
            let value = match inline {
                Some(value) => value.to_owned(),
                None => args
                    .next()
                    .ok_or_else(|| format!("{name} needs a value (see --help)"))?,
            };
            *slot = Some(value);
        }

        let addr = addr.as_deref().unwrap_or(DEFAULT_ADDR);
        let addr = addr
            .parse()
            .map_err(|err| format!("address {addr:?}: {err} (expected e.g. 127.0.0.1:8080)"))?;
        let body_limit = match body_limit {
            Some(text) => parse_size(&text)?,
            None => DEFAULT_BODY_LIMIT,
        };
        let unknown_dir = PathBuf::from(unknown_dir.as_deref().unwrap_or(DEFAULT_UNKNOWN_DIR));
        Ok(Command::Run(Settings {
            addr,
            body_limit,
            unknown_dir,
            keep_unmodeled,
        }))
    }
}

/// Parses a size: plain bytes (`65536`), or a number with a `B`, `K`/`KiB`/`KB` or
/// `M`/`MiB`/`MB` suffix (binary multiples either way). Zero is refused.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, unit) = trimmed.split_at(split);
    let multiplier: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1024,
        "m" | "mb" | "mib" => 1024 * 1024,
        _ => {
            return Err(format!(
                "size {text:?}: unknown unit (use bytes, KiB or MiB)"
            ));
        }
    };
    let number: usize = digits
        .parse()
        .map_err(|_| format!("size {text:?}: expected a number, e.g. 1MiB or 65536"))?;
    match number.checked_mul(multiplier) {
        Some(0) => Err(format!("size {text:?}: must be more than zero")),
        Some(size) => Ok(size),
        None => Err(format!("size {text:?}: too large")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: &[(&str, &str)]) -> Result<Command, String> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Settings::parse(args.iter().map(|a| (*a).to_owned()), |name| {
            env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    fn run(args: &[&str], env: &[(&str, &str)]) -> Settings {
        match parse(args, env) {
            Ok(Command::Run(settings)) => settings,
            other => panic!("expected settings, got {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let settings = run(&[], &[]);
        assert_eq!(settings.addr.to_string(), DEFAULT_ADDR);
        assert_eq!(settings.body_limit, 1024 * 1024);
        assert_eq!(settings.unknown_dir, PathBuf::from(DEFAULT_UNKNOWN_DIR));
        assert!(!settings.keep_unmodeled);
    }

    #[test]
    fn args_override_env() {
        let env = [
            ("ZAPI_RECEIVER_ADDR", "0.0.0.0:9000"),
            ("ZAPI_RECEIVER_BODY_LIMIT", "2MiB"),
            ("ZAPI_RECEIVER_UNKNOWN_DIR", "/tmp/env"),
            ("ZAPI_RECEIVER_KEEP_UNMODELED", "1"),
        ];
        let from_env = run(&[], &env);
        assert_eq!(from_env.addr.to_string(), "0.0.0.0:9000");
        assert_eq!(from_env.body_limit, 2 * 1024 * 1024);
        assert_eq!(from_env.unknown_dir, PathBuf::from("/tmp/env"));
        assert!(from_env.keep_unmodeled);

        let from_args = run(
            &[
                "--addr",
                "[::1]:8081",
                "--body-limit=64KiB",
                "--unknown-dir",
                "raw",
            ],
            &env,
        );
        assert_eq!(from_args.addr.to_string(), "[::1]:8081");
        assert_eq!(from_args.body_limit, 64 * 1024);
        assert_eq!(from_args.unknown_dir, PathBuf::from("raw"));
    }

    #[test]
    fn help_and_errors() {
        assert_eq!(parse(&["--help"], &[]), Ok(Command::Help));
        assert_eq!(parse(&["--addr", "x", "-h"], &[]), Ok(Command::Help));
        assert!(parse(&["--addr"], &[]).is_err_and(|e| e.contains("needs a value")));
        assert!(parse(&["--addr", "nope"], &[]).is_err_and(|e| e.contains("\"nope\"")));
        assert!(parse(&["--port", "1"], &[]).is_err_and(|e| e.contains("--port")));
        assert!(parse(&["--keep-unmodeled=1"], &[]).is_err());
        assert!(parse(&[], &[("ZAPI_RECEIVER_KEEP_UNMODELED", "maybe")]).is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("65536"), Ok(65536));
        assert_eq!(parse_size("1MiB"), Ok(1 << 20));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("2m"), Ok(2 << 20));
        assert_eq!(parse_size("10B"), Ok(10));
        assert!(parse_size("0").is_err());
        assert!(parse_size("1GiB").is_err());
        assert!(parse_size("MiB").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999999999999999").is_err());
    }
}
