//! `zapi-webhooks`: validate Z-API webhook payloads (files, folders, NDJSON captures, standard
//! input) against the `zapi-webhooks` models and schemas, print those schemas, list the
//! callbacks and kinds the models know, and send payloads to an endpoint as Z-API does.

mod check;
mod inbox;
mod input;
mod kinds;
mod output;
mod pipeline;
mod send;
mod serve;

use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use zapi_webhooks::CallbackType;
use zapi_webhooks::schema::{Flavor, Target};

use crate::check::Checker;
use crate::input::Layout;
use crate::output::Format;
use crate::pipeline::{Diagnostics, Options};

/// Exit status: every payload valid (and lossless).
const EXIT_OK: u8 = 0;
/// Exit status: some payload invalid (or not lossless).
const EXIT_INVALID: u8 = 1;
/// Exit status: a usage or I/O error (wins over [`EXIT_INVALID`]).
const EXIT_ERROR: u8 = 2;

/// Validate Z-API webhook payloads, print their JSON Schemas, list the callbacks and kinds, send
/// payloads to an endpoint.
#[derive(Debug, Parser)]
#[command(name = "zapi-webhooks", version, propagate_version = true)]
#[command(
    after_help = "Exit status of `validate`: 0 when every payload is valid (and lossless), 1 \
    when some payload is not, 2 on a usage or I/O error (2 wins over 1)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Validate(ValidateArgs),
    Schema(SchemaArgs),
    Kinds(KindsArgs),
    Send(SendArgs),
    Serve(serve::ServeArgs),
    Inbox(inbox::InboxArgs),
}

/// Check payloads: callback, kind, schema validity, lossless round trip, unmodeled keys.
///
/// For each payload: which callback and content kind the model reads, whether the JSON Schema
/// accepts it (permissive, or strict with --strict; the models' verdict, or the validator's
/// too with --schema), whether the model writes it back as the
/// same JSON value (lossless), which keys no model knows (JSON pointers), and every error
/// (JSON pointer + message: the model's parse error, its values of an unexpected JSON type, and
/// with --schema, the schema's issues).
///
/// A payload is valid when it has no error. The exit status is 0 when every payload is valid
/// and lossless, 1 when some payload is not, 2 when a path cannot be read or the command line
/// is wrong (2 wins over 1). An unreadable path is named on standard error and the other paths
/// are still checked.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    zapi-webhooks validate fixtures\n  \
    zapi-webhooks validate --strict capture.ndjson\n  \
    zapi-webhooks validate --format json capture.ndjson | jq 'select(.valid | not)'\n  \
    curl -s https://example.com/hook.json | zapi-webhooks validate -")]
struct ValidateArgs {
    /// Files, folders, or `-` for standard input.
    ///
    /// A `*.json` file (or any file not ending in .ndjson/.jsonl) holds one payload. A
    /// `*.ndjson` or `*.jsonl` file holds one payload per line, read line by line (any size, in
    /// bounded memory); blank lines are skipped. A folder stands for every *.json, *.ndjson
    /// and *.jsonl file below it, in path order, except files named `manifest.json` (the
    /// fixtures' index; name one explicitly to check it). Standard input holds one payload,
    /// or one per line with --ndjson.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,

    /// Validate against the strict schema: keys that no model knows are errors.
    ///
    /// Without it the permissive schema is used: unmodeled keys are allowed (and listed).
    #[arg(long)]
    strict: bool,

    /// Also run the JSON Schema validator on every payload.
    ///
    /// Without it the verdict comes from the models, which give the schema's verdict without
    /// running it: the permissive schema accepts exactly what the models type with no value of
    /// an unexpected JSON type, so no validator runs; in the strict flavour the validator runs
    /// only on a known callback with unmodeled keys (tests check the verdicts agree on every
    /// fixture, capture and thousands of mutants). `valid` and every field but `errors` are the
    /// same either way; with --schema, an invalid payload's errors also carry the schema's own
    /// wording of issues at places the models do not name. Slower: about 1.4x to 1.7x the CPU
    /// time on a large NDJSON capture.
    #[arg(long)]
    schema: bool,

    /// Output format.
    ///
    /// `human`: one line per problem payload (invalid or not lossless) with its errors, then a
    /// summary; "typed with unexpected values" there means that the model read the payload
    /// but kept some values verbatim because their JSON type is not the one it expects (for
    /// example `"fromMe": "yes"`), and "could not be typed" that the model could not read the
    /// payload at all (not JSON, not an object). `json`: one JSON object per payload per line,
    /// with the keys `source` (`path` or `path:line`), `callback` (snake name, or null),
    /// `kind` (or null when the payload could not be typed), `valid`, `lossless` (null when the
    /// payload could not be typed), `unmodeled` (JSON pointers), `unexpected` (objects with
    /// `pointer`, `expected` and `found`: the values of an unexpected JSON type, each also an
    /// error) and `errors` (objects with `pointer` and `message`); no summary.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Read standard input (`-`) as NDJSON: one payload per line.
    #[arg(long)]
    ndjson: bool,

    /// Worker threads checking payloads [default: the number of CPUs].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<NonZeroUsize>,
}

/// Print the JSON Schema (draft 2020-12) of one callback, or of any callback.
///
/// The schemas are generated from the models; they are the files under `schemas/` in the
/// repository.
#[derive(Debug, Args)]
struct SchemaArgs {
    /// The callback, by snake name (e.g. `received`) or `type` value (e.g. `ReceivedCallback`).
    /// Omitted: the union schema of every callback (`callback.schema.json`).
    #[arg(value_name = "CALLBACK", value_parser = parse_callback)]
    callback: Option<CallbackType>,

    /// The strict flavour: keys that no model knows are rejected (`additionalProperties:
    /// false`).
    #[arg(long)]
    strict: bool,
}

/// List every callback and content kind the models know.
///
/// Every payload gets a kind: for received callbacks the content kind (chosen by the content
/// key, e.g. `image`), for the other callbacks the callback's name, and `unknown` for a
/// received callback with no known content key or a callback of an unknown type.
#[derive(Debug, Args)]
struct KindsArgs {
    /// Output format: a `human` table, or one `json` document.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// POST payloads to a URL the way Z-API calls a webhook, and summarize the answers.
///
/// Each payload is one request: method POST, `Content-Type: application/json`, the body bytes
/// exactly as read (no re-serialization), with `z-api-token: T` when --token is given and
/// gzipped with `Content-Encoding: gzip` when --gzip is. Redirects are not followed and no proxy
/// is used: requests go to the URL given and nowhere else. `https://` URLs are verified against
/// Mozilla's root certificates (bundled; the system's store is not read), or against the
/// certificate authorities of --ca-cert; there is no option to skip verification.
///
/// The summary gives the requests sent, the counts per HTTP status, the connection errors (no
/// answer, timeout), the latency percentiles (p50, p90, p99, max, of the answered requests,
/// from sending to the end of the response), requests per second, and the first failures
/// (non-2xx, with the start of the response body, or the connection error).
///
/// The exit status is 0 when every request got a 2xx answer, 1 otherwise, 2 on a usage error or
/// an input that cannot be read (then nothing is sent).
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    zapi-webhooks send http://127.0.0.1:3000/webhook --kind text --token secret\n  \
    zapi-webhooks send http://127.0.0.1:3000/webhook fixtures --concurrency 8 --repeat 10\n  \
    zapi-webhooks send http://127.0.0.1:3000/webhook capture.ndjson --rate 50 --gzip --format json\n  \
    zapi-webhooks send https://localhost:8443/webhook --kind text --ca-cert dev-ca.pem")]
struct SendArgs {
    /// The endpoint to POST to: an http:// or https:// URL.
    #[arg(value_name = "URL")]
    url: String,

    /// Files, folders, or `-` for standard input, read as `validate` reads them.
    ///
    /// A `*.ndjson` or `*.jsonl` file is one payload per line (blank lines skipped), any other
    /// file one payload; a folder stands for every *.json, *.ndjson and *.jsonl file below it,
    /// in path order (files named `manifest.json` skipped); standard input is one payload, or
    /// one per line with --ndjson. The payloads are held in memory.
    #[arg(value_name = "PATH", required_unless_present = "kind")]
    paths: Vec<PathBuf>,

    /// Also send the fixtures of this kind (as `zapi-webhooks kinds` names them: `text`,
    /// `image`, `message_status`, ...).
    ///
    /// The fixtures are read at run time from the repository's `fixtures` folder (not compiled
    /// into the binary: they live outside this crate, and copying them would give them a second
    /// home): --fixtures DIR, else `fixtures` in the current folder, else the `fixtures` folder
    /// of the repository this binary was built from, when it is still there.
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,

    /// The fixtures folder --kind reads.
    #[arg(long, value_name = "DIR", requires = "kind")]
    fixtures: Option<PathBuf>,

    /// Send this token as the `z-api-token` header.
    #[arg(long, value_name = "T")]
    token: Option<String>,

    /// For https:// URLs, trust the certificate authorities of this PEM file instead of the
    /// bundled Mozilla roots (e.g. the CA of a development certificate).
    #[arg(long, value_name = "FILE")]
    ca_cert: Option<PathBuf>,

    /// Gzip each body and send `Content-Encoding: gzip`.
    #[arg(long)]
    gzip: bool,

    /// Requests in flight at once (worker threads).
    #[arg(long, value_name = "N", default_value_t = NonZeroUsize::MIN)]
    concurrency: NonZeroUsize,

    /// Requests per second overall, at most: request i is started no sooner than i/R seconds
    /// after the first. Default: as fast as the concurrency allows.
    #[arg(long, value_name = "R", value_parser = parse_positive)]
    rate: Option<f64>,

    /// Send the whole set N times.
    #[arg(long, value_name = "N", default_value_t = NonZeroUsize::MIN)]
    repeat: NonZeroUsize,

    /// The limit of one request in seconds, from connecting to the end of the response.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = parse_positive)]
    timeout: f64,

    /// Output format: a `human` summary, or one `json` object with the keys `sent`, `status`
    /// (counts by HTTP status), `errors` (connection errors), `p50_ms`, `p90_ms`, `p99_ms`,
    /// `max_ms`, `requests_per_second` and `failures` (the first ones, each `{"source",
    /// "status", "body"}`; `status` null for a connection error, `body` its message).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Read standard input (`-`) as NDJSON: one payload per line.
    #[arg(long)]
    ndjson: bool,
}

/// Parses a finite number greater than zero.
fn parse_positive(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() && value > 0.0 => Ok(value),
        _ => Err("expected a number greater than 0".to_owned()),
    }
}

/// Parses a callback named by its snake name or its `type` value.
fn parse_callback(name: &str) -> Result<CallbackType, String> {
    CallbackType::from_name(name)
        .or_else(|| CallbackType::from_type_value(name))
        .ok_or_else(|| {
            let names: Vec<&str> = CallbackType::ALL.iter().map(|c| c.as_str()).collect();
            format!("unknown callback; expected one of: {}", names.join(", "))
        })
}

/// mimalloc rather than the system allocator: bulk validation allocates for every line and
/// the gateway for every delivery; with glibc's allocator, malloc and free took about a fifth
/// of `validate`'s CPU and 7 % of `serve`'s.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Validate(args) => validate(&args),
        Command::Schema(args) => print_schema(&args),
        Command::Kinds(args) => print_kinds(&args),
        Command::Send(args) => send(&args),
        Command::Serve(args) => report("serve", serve::run(&args)),
        Command::Inbox(args) => report("inbox", inbox::run(&args)),
    };
    ExitCode::from(status)
}

/// The exit status of a command that returns its error as text (printed on stderr).
fn report(command: &str, result: Result<(), String>) -> u8 {
    match result {
        Ok(()) => EXIT_OK,
        Err(error) => {
            eprintln!("zapi-webhooks {command}: {error}");
            EXIT_ERROR
        }
    }
}

fn validate(args: &ValidateArgs) -> u8 {
    let diagnostics = Diagnostics::new();
    let stdin_layout = if args.ndjson {
        Layout::Lines
    } else {
        Layout::Whole
    };
    let stdin_count = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        eprintln!("zapi-webhooks: `-` (standard input) can be given only once");
        return EXIT_ERROR;
    }
    let inputs = input::expand(&args.paths, stdin_layout, &mut |error| {
        diagnostics.unreadable(&error);
    });
    let flavor = if args.strict {
        Flavor::Strict
    } else {
        Flavor::Permissive
    };
    let options = Options {
        checker: Checker::new(flavor, args.schema),
        format: args.format,
        jobs: args
            .jobs
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get),
    };
    let outcome = match pipeline::run(inputs, options, &diagnostics) {
        Ok(outcome) => outcome,
        Err(error) => {
            eprintln!("zapi-webhooks: {error}");
            return EXIT_ERROR;
        }
    };
    if args.format == Format::Human && !outcome.stdout_closed {
        let mut stdout = io::stdout().lock();
        let written = output::write_summary(
            &mut stdout,
            &outcome.tally,
            &outcome.unmodeled,
            outcome.unreadable,
        )
        .and_then(|()| stdout.flush());
        if let Err(error) = written {
            if error.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("zapi-webhooks: cannot write the results: {error}");
                return EXIT_ERROR;
            }
        }
    }
    if outcome.tally.checked == 0 && outcome.unreadable == 0 {
        eprintln!(
            "zapi-webhooks: warning: no payload found (folders are searched for *.json, *.ndjson and *.jsonl)"
        );
    }
    if outcome.unreadable > 0 {
        EXIT_ERROR
    } else if outcome.tally.has_problems() {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}

fn send(args: &SendArgs) -> u8 {
    match send_inner(args) {
        Ok(status) => status,
        Err(message) => {
            eprintln!("zapi-webhooks: {message}");
            EXIT_ERROR
        }
    }
}

fn send_inner(args: &SendArgs) -> Result<u8, String> {
    send::check_url(&args.url)?;
    let ca_certs = args
        .ca_cert
        .as_deref()
        .map(send::read_ca_certs)
        .transpose()?;
    if args.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err("`-` (standard input) can be given only once".to_owned());
    }
    let stdin_layout = if args.ndjson {
        Layout::Lines
    } else {
        Layout::Whole
    };
    let mut unreadable = Vec::new();
    let inputs = input::expand(&args.paths, stdin_layout, &mut |error| {
        unreadable.push(error.to_string());
    });
    if let Some(first) = unreadable.first() {
        return Err(format!("{first}; nothing was sent"));
    }
    let mut payloads = send::collect(&inputs, None)?;
    if let Some(kind) = &args.kind {
        let names = kinds::names();
        if !names.contains(&kind.as_str()) {
            return Err(format!(
                "unknown kind {kind:?}; expected one of: {}",
                names.join(", ")
            ));
        }
        let folder = match &args.fixtures {
            Some(folder) => folder.clone(),
            None => send::default_fixtures()?,
        };
        if !folder.is_dir() {
            return Err(format!(
                "the fixtures folder {} is not a folder",
                folder.display()
            ));
        }
        let mut unreadable = Vec::new();
        let fixtures = input::expand(std::slice::from_ref(&folder), Layout::Whole, &mut |error| {
            unreadable.push(error.to_string());
        });
        if let Some(first) = unreadable.first() {
            return Err(format!("{first}; nothing was sent"));
        }
        let found = send::collect(&fixtures, Some(kind))?;
        if found.is_empty() {
            return Err(format!("no fixture of kind {kind} in {}", folder.display()));
        }
        payloads.extend(found);
    }
    if payloads.is_empty() {
        return Err("no payload to send".to_owned());
    }
    if args.gzip {
        for payload in &mut payloads {
            payload.body =
                send::gzip(&payload.body).map_err(|error| format!("cannot gzip: {error}"))?;
        }
    }
    let options = send::Options {
        url: args.url.clone(),
        ca_certs,
        token: args.token.clone(),
        gzip: args.gzip,
        concurrency: args.concurrency.get(),
        rate: args.rate,
        repeat: args.repeat.get(),
        timeout: Duration::from_secs_f64(args.timeout),
    };
    let summary = send::run(&payloads, &options).map_err(|error| error.to_string())?;
    match send::print(&summary, &args.url, args.format) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) => return Err(format!("cannot write the summary: {error}")),
    }
    Ok(if summary.all_ok() {
        EXIT_OK
    } else {
        EXIT_INVALID
    })
}

fn print_schema(args: &SchemaArgs) -> u8 {
    let target = args.callback.map_or(Target::Any, Target::One);
    let flavor = if args.strict {
        Flavor::Strict
    } else {
        Flavor::Permissive
    };
    let schema = zapi_webhooks::schema::schema(target, flavor);
    print_json(&schema)
}

fn print_kinds(args: &KindsArgs) -> u8 {
    match args.format {
        Format::Human => print_text(&kinds::table()),
        Format::Json => print_json(&kinds::json()),
    }
}

/// Prints a JSON value, pretty, with a final newline.
fn print_json(value: &serde_json::Value) -> u8 {
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut stdout, value)
        .map_err(io::Error::from)
        .and_then(|()| writeln!(stdout))
        .and_then(|()| stdout.flush());
    finish_output(written)
}

fn print_text(text: &str) -> u8 {
    let mut stdout = io::stdout().lock();
    finish_output(
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush()),
    )
}

fn finish_output(written: io::Result<()>) -> u8 {
    match written {
        Ok(()) => EXIT_OK,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(error) => {
            eprintln!("zapi-webhooks: cannot write the output: {error}");
            EXIT_ERROR
        }
    }
}
