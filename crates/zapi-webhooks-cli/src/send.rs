//! `send`: POST payloads to an endpoint the way Z-API calls a webhook, and summarize the
//! answers (counts per HTTP status, failures, latency percentiles, requests per second).
//!
//! The payloads are read with the same code as `validate` ([`input::read_payloads`]) and held in
//! memory (the set is sent `--repeat` times). Worker threads (`--concurrency`) take the next
//! request from a shared counter; with `--rate`, request `i` (0-based, over the whole run) is not
//! started before `i / rate` seconds after the start, which paces the run overall whatever the
//! concurrency.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use serde::Serialize;
use zapi_webhooks::Callback;

use crate::input::{self, Input, Sink};
use crate::output::{Format, Source};

/// The header carrying the token, as Z-API sends it (its "client token" security option).
pub const TOKEN_HEADER: &str = "z-api-token";
/// Failures listed in the summary, at most.
const FAILURES_SHOWN: usize = 10;
/// Bytes of a failure's response body kept in the summary, at most.
const BODY_SHOWN: usize = 500;
/// Bytes of a response body read (to reuse the connection), at most.
const BODY_READ: u64 = 1024 * 1024;

/// One payload to send: where it came from and the body bytes (gzipped with `--gzip`).
pub struct Payload {
    /// The input's label.
    pub label: Arc<str>,
    /// The 1-based line number, for line-per-payload inputs.
    pub line: Option<u64>,
    /// The request body.
    pub body: Vec<u8>,
}

impl Payload {
    fn source(&self) -> String {
        Source {
            label: &self.label,
            line: self.line,
        }
        .to_string()
    }
}

/// Collects payloads read by [`input::read_payloads`].
struct Collector {
    buf: Vec<u8>,
    label: Arc<str>,
    payloads: Vec<Payload>,
    /// Keep only the payloads of this kind (for `--kind`).
    kind: Option<String>,
}

impl Sink for Collector {
    fn buffer(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }

    fn consumed(&mut self, _bytes: u64) {}

    fn payload(&mut self, start: usize, end: usize, line: Option<u64>) -> bool {
        let body = self.buf[start..end].to_vec();
        self.buf.clear();
        let keep = match &self.kind {
            None => true,
            Some(kind) => {
                Callback::from_slice(&body).is_ok_and(|callback| callback.kind().as_str() == kind)
            }
        };
        if keep {
            self.payloads.push(Payload {
                label: Arc::clone(&self.label),
                line,
                body,
            });
        }
        true
    }
}

/// Reads every payload of `inputs`, in order, keeping only those of `kind` when given. Stops at
/// the first input that cannot be read, with its message.
pub fn collect(inputs: &[Input], kind: Option<&str>) -> Result<Vec<Payload>, String> {
    let mut collector = Collector {
        buf: Vec::new(),
        label: Arc::from(""),
        payloads: Vec::new(),
        kind: kind.map(str::to_owned),
    };
    for input in inputs {
        collector.label = Arc::clone(&input.label);
        input::read_payloads(input, &mut collector)?;
    }
    Ok(collector.payloads)
}

/// The fixtures folder `--kind` reads when `--fixtures` is not given: `fixtures` in the current
/// folder, else the repository's `fixtures` folder next to the crate this binary was built from
/// (when it is still there, as in `cargo run` and `cargo test`).
pub fn default_fixtures() -> Result<PathBuf, String> {
    let here = PathBuf::from("fixtures");
    if here.is_dir() {
        return Ok(here);
    }
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    if built_from.is_dir() {
        return Ok(built_from);
    }
    Err(format!(
        "--kind reads the fixtures of the zapi-webhooks repository at run time, and there is no \
         `fixtures` folder in the current folder nor at {}; run from the repository root or \
         give the folder with --fixtures DIR",
        built_from.display()
    ))
}

/// How to send.
#[derive(Debug, Clone)]
pub struct Options {
    /// The endpoint (an `http://` or `https://` URL).
    pub url: String,
    /// For `https://`: the certificate authorities to trust instead of the bundled Mozilla
    /// roots (from `--ca-cert`), or `None` for the bundled roots.
    pub ca_certs: Option<Vec<ureq::tls::Certificate<'static>>>,
    /// Sent as the `z-api-token` header.
    pub token: Option<String>,
    /// Gzip the bodies (`Content-Encoding: gzip`).
    pub gzip: bool,
    /// Worker threads, each with a request in flight at most.
    pub concurrency: usize,
    /// Requests per second overall, at most.
    pub rate: Option<f64>,
    /// Times the whole set is sent.
    pub repeat: usize,
    /// The limit of one request, from connecting to the end of the response.
    pub timeout: Duration,
}

/// Checks the URL: an `http://` or `https://` URL with a host.
pub fn check_url(url: &str) -> Result<(), String> {
    let uri: ureq::http::Uri = url
        .parse()
        .map_err(|error| format!("invalid URL {url:?}: {error}"))?;
    match uri.scheme_str() {
        Some("http" | "https") if uri.host().is_some() => Ok(()),
        _ => Err(format!(
            "invalid URL {url:?}: expected http://HOST[:PORT]/PATH or https://HOST[:PORT]/PATH"
        )),
    }
}

/// Reads the certificate authorities of a PEM file (`--ca-cert`): every `CERTIFICATE` block,
/// other blocks skipped. An unreadable file, a malformed block, or a file with no certificate is
/// an error naming the file.
pub fn read_ca_certs(path: &Path) -> Result<Vec<ureq::tls::Certificate<'static>>, String> {
    let pem = std::fs::read(path)
        .map_err(|error| format!("--ca-cert {}: cannot read: {error}", path.display()))?;
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(cert)) => certs.push(cert),
            Ok(_) => {}
            Err(error) => {
                return Err(format!(
                    "--ca-cert {}: not a PEM file: {error}",
                    path.display()
                ));
            }
        }
    }
    if certs.is_empty() {
        return Err(format!(
            "--ca-cert {}: no CERTIFICATE block found (expected PEM)",
            path.display()
        ));
    }
    Ok(certs)
}

/// Gzips a body.
pub fn gzip(body: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4 + 64),
        flate2::Compression::default(),
    );
    encoder.write_all(body)?;
    encoder.finish()
}

/// The answer to one request.
struct Answer {
    /// Index of the request over the run.
    index: usize,
    /// The HTTP status, or the connection error.
    status: Result<u16, String>,
    /// From sending to the end of the response body.
    latency: Duration,
    /// The start of the response body, for failures (non-2xx).
    body: Option<String>,
}

/// What a run found.
#[derive(Debug)]
pub struct Summary {
    /// Requests sent (answered or not).
    pub sent: usize,
    /// Requests answered, by HTTP status.
    pub status: std::collections::BTreeMap<u16, usize>,
    /// Requests that got no answer (connection error, timeout).
    pub errors: usize,
    /// Latency percentiles of the answered requests, in milliseconds.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// The slowest.
    pub max_ms: f64,
    /// The whole run's duration.
    pub elapsed: Duration,
    /// Failures (non-2xx or no answer), first ones by request order: source, status (`None`
    /// for no answer), response body or error (truncated).
    pub failures: Vec<(String, Option<u16>, String)>,
    /// Failures in all.
    pub failure_count: usize,
}

impl Summary {
    /// `true` when every request got a 2xx answer.
    pub fn all_ok(&self) -> bool {
        self.failure_count == 0
    }

    fn requests_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.sent as f64 / seconds
        } else {
            0.0
        }
    }

    /// The summary as one JSON object, keys in the documented order.
    pub fn to_json(&self) -> JsonSummary<'_> {
        JsonSummary {
            sent: self.sent,
            status: self
                .status
                .iter()
                .map(|(status, count)| (status.to_string(), *count))
                .collect(),
            errors: self.errors,
            p50_ms: round(self.p50_ms),
            p90_ms: round(self.p90_ms),
            p99_ms: round(self.p99_ms),
            max_ms: round(self.max_ms),
            requests_per_second: round(self.requests_per_second()),
            failures: self
                .failures
                .iter()
                .map(|(source, status, body)| JsonFailure {
                    source,
                    status: *status,
                    body,
                })
                .collect(),
        }
    }

    /// The summary as text.
    pub fn to_text(&self, url: &str) -> String {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "{} request{} to {url} in {:.2} s ({:.1} requests/s)",
            self.sent,
            if self.sent == 1 { "" } else { "s" },
            self.elapsed.as_secs_f64(),
            self.requests_per_second()
        );
        let statuses: Vec<String> = self
            .status
            .iter()
            .map(|(status, count)| format!("{status}: {count}"))
            .collect();
        let _ = writeln!(
            text,
            "status: {}; connection errors: {}",
            if statuses.is_empty() {
                "none".to_owned()
            } else {
                statuses.join(", ")
            },
            self.errors
        );
        if self.status.is_empty() {
            let _ = writeln!(text, "latency: none (no answer)");
        } else {
            let _ = writeln!(
                text,
                "latency: p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                self.p50_ms, self.p90_ms, self.p99_ms, self.max_ms
            );
        }
        if self.failure_count > 0 {
            let _ = writeln!(
                text,
                "failures ({} in all{}):",
                self.failure_count,
                if self.failure_count > self.failures.len() {
                    format!(", the first {}", self.failures.len())
                } else {
                    String::new()
                }
            );
            for (source, status, body) in &self.failures {
                let status = status.map_or_else(|| "no answer".to_owned(), |s| s.to_string());
                let _ = writeln!(text, "  {source}: {status}: {body}");
            }
        }
        text
    }
}

/// The `--format json` summary.
#[derive(Debug, Serialize)]
pub struct JsonSummary<'a> {
    sent: usize,
    status: std::collections::BTreeMap<String, usize>,
    errors: usize,
    p50_ms: f64,
    p90_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    requests_per_second: f64,
    failures: Vec<JsonFailure<'a>>,
}

/// One failure of the `--format json` summary.
#[derive(Debug, Serialize)]
struct JsonFailure<'a> {
    source: &'a str,
    status: Option<u16>,
    body: &'a str,
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// Sends every payload `repeat` times and summarizes the answers. Returns an error only when a
/// worker thread cannot be started.
pub fn run(payloads: &[Payload], options: &Options) -> io::Result<Summary> {
    let roots = match &options.ca_certs {
        Some(certs) => ureq::tls::RootCerts::new_with_certs(certs),
        None => ureq::tls::RootCerts::WebPki,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .tls_config(ureq::tls::TlsConfig::builder().root_certs(roots).build())
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        // Only ever the URL given: no redirect, no proxy from the environment.
        .max_redirects(0)
        .proxy(None)
        .build()
        .into();
    let total = payloads.len() * options.repeat;
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    let answers: Vec<Answer> = thread::scope(|scope| -> io::Result<Vec<Answer>> {
        let mut workers = Vec::new();
        for _ in 0..options.concurrency.clamp(1, total.max(1)) {
            let agent = agent.clone();
            let next = &next;
            workers.push(
                thread::Builder::new()
                    .name("zapi-webhooks-send".to_owned())
                    .spawn_scoped(scope, move || {
                        let mut answers = Vec::new();
                        loop {
                            let index = next.fetch_add(1, Ordering::Relaxed);
                            if index >= total {
                                break;
                            }
                            if let Some(rate) = options.rate {
                                let due = started + Duration::from_secs_f64(index as f64 / rate);
                                let now = Instant::now();
                                if due > now {
                                    thread::sleep(due - now);
                                }
                            }
                            let payload = &payloads[index % payloads.len()];
                            answers.push(send_one(&agent, options, index, payload));
                        }
                        answers
                    })?,
            );
        }
        let mut answers = Vec::with_capacity(total);
        for worker in workers {
            match worker.join() {
                Ok(more) => answers.extend(more),
                Err(_) => {
                    return Err(io::Error::other("internal error: a worker thread panicked"));
                }
            }
        }
        Ok(answers)
    })?;
    let elapsed = started.elapsed();
    Ok(summarize(answers, payloads, elapsed))
}

fn send_one(agent: &ureq::Agent, options: &Options, index: usize, payload: &Payload) -> Answer {
    let mut request = agent
        .post(&options.url)
        .header("Content-Type", "application/json");
    if let Some(token) = &options.token {
        request = request.header(TOKEN_HEADER, token);
    }
    if options.gzip {
        request = request.header("Content-Encoding", "gzip");
    }
    let sent_at = Instant::now();
    let answer = request.send(&payload.body[..]).and_then(|mut response| {
        let status = response.status().as_u16();
        let mut body = Vec::new();
        response
            .body_mut()
            .as_reader()
            .take(BODY_READ)
            .read_to_end(&mut body)
            .map_err(ureq::Error::from)?;
        Ok((status, body))
    });
    let latency = sent_at.elapsed();
    match answer {
        Ok((status, body)) => Answer {
            index,
            status: Ok(status),
            latency,
            body: (!(200..300).contains(&status)).then(|| truncate(&body)),
        },
        Err(error) => Answer {
            index,
            status: Err(error.to_string()),
            latency,
            body: None,
        },
    }
}

/// The start of a response body, as text.
fn truncate(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(BODY_SHOWN)]);
    if body.len() > BODY_SHOWN {
        format!("{text}... ({} bytes)", body.len())
    } else {
        text.into_owned()
    }
}

fn summarize(mut answers: Vec<Answer>, payloads: &[Payload], elapsed: Duration) -> Summary {
    answers.sort_by_key(|answer| answer.index);
    let mut summary = Summary {
        sent: answers.len(),
        status: std::collections::BTreeMap::new(),
        errors: 0,
        p50_ms: 0.0,
        p90_ms: 0.0,
        p99_ms: 0.0,
        max_ms: 0.0,
        elapsed,
        failures: Vec::new(),
        failure_count: 0,
    };
    let mut latencies = Vec::with_capacity(answers.len());
    for answer in &answers {
        let failure = match &answer.status {
            Ok(status) => {
                *summary.status.entry(*status).or_insert(0) += 1;
                latencies.push(answer.latency);
                answer
                    .body
                    .as_ref()
                    .map(|body| (Some(*status), body.clone()))
            }
            Err(error) => {
                summary.errors += 1;
                Some((None, error.clone()))
            }
        };
        if let Some((status, body)) = failure {
            summary.failure_count += 1;
            if summary.failures.len() < FAILURES_SHOWN {
                let source = payloads[answer.index % payloads.len()].source();
                summary.failures.push((source, status, body));
            }
        }
    }
    latencies.sort_unstable();
    let ms = |duration: Duration| duration.as_secs_f64() * 1000.0;
    summary.p50_ms = percentile(&latencies, 50.0).map_or(0.0, ms);
    summary.p90_ms = percentile(&latencies, 90.0).map_or(0.0, ms);
    summary.p99_ms = percentile(&latencies, 99.0).map_or(0.0, ms);
    summary.max_ms = latencies.last().copied().map_or(0.0, ms);
    summary
}

/// The nearest-rank percentile of sorted values.
fn percentile(sorted: &[Duration], percent: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// Prints the summary in `format`.
pub fn print(summary: &Summary, url: &str, format: Format) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match format {
        Format::Human => stdout.write_all(summary.to_text(url).as_bytes())?,
        Format::Json => {
            serde_json::to_writer(&mut stdout, &summary.to_json())?;
            writeln!(stdout)?;
        }
    }
    stdout.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&values, 50.0), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&values, 99.0), Some(Duration::from_millis(99)));
        assert_eq!(
            percentile(&values[..1], 90.0),
            Some(Duration::from_millis(1))
        );
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn urls() {
        assert!(check_url("http://127.0.0.1:8080/hook").is_ok());
        assert!(check_url("https://example.com/hook").is_ok());
        assert!(check_url("https:///hook").is_err());
        assert!(check_url("ftp://example.com").is_err());
        assert!(check_url("not a url").is_err());
    }

    #[test]
    fn long_bodies_are_cut() {
        let body = vec![b'x'; BODY_SHOWN + 10];
        let text = truncate(&body);
        assert!(text.ends_with(&format!("... ({} bytes)", BODY_SHOWN + 10)));
        assert_eq!(truncate(b"oops"), "oops");
    }
}
