//! End-to-end tests of `zapi-webhooks send` against a small HTTP server started in the test.
//!
//! The server ([`TestServer`]) is a plain `std::net::TcpListener` with a thread per connection:
//! it records each request (method, path, headers, body) and answers the status its `answer`
//! function gives for the body. Only [`TestServer::start`], [`TestServer::url`] and
//! [`TestServer::requests`] are used by the tests, so it can be swapped for the real receiver
//! (`zapi-webhooks-axum`) behind the same three calls.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use zapi_webhooks::Callback;

use common::{fixture_files, fixtures_dir};

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Recorded {
    method: String,
    path: String,
    /// Header names in lower case.
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

/// Decides the status for a request body.
type Answer = fn(&[u8]) -> u16;

struct TestServer {
    url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl TestServer {
    /// Starts a server on 127.0.0.1 (any free port) answering `answer(body)` to each request.
    fn start(answer: Answer) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&requests);
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let recorded = Arc::clone(&recorded);
                thread::spawn(move || serve(stream, answer, &recorded));
            }
        });
        TestServer {
            url: format!("http://127.0.0.1:{port}/webhook"),
            requests,
        }
    }

    fn url(&self) -> &str {
        &self.url
    }

    /// The requests received so far.
    fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().expect("lock").clone()
    }
}

/// Serves the requests of one connection (HTTP/1.1 keep-alive) until the client closes it.
fn serve(stream: TcpStream, answer: Answer, recorded: &Mutex<Vec<Recorded>>) {
    let mut writer = stream.try_clone().expect("clone stream");
    let mut reader = BufReader::new(stream);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or_default().to_owned();
        let path = parts.next().unwrap_or_default().to_owned();
        let mut headers = BTreeMap::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
            }
        }
        let length: usize = headers
            .get("content-length")
            .and_then(|value| value.parse().ok())
            .expect("the client sends Content-Length");
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let status = answer(&body);
        recorded.lock().expect("lock").push(Recorded {
            method,
            path,
            headers,
            body,
        });
        let reply = if (200..300).contains(&status) {
            "ok".to_owned()
        } else {
            format!("rejected with {status}")
        };
        let response = format!(
            "HTTP/1.1 {status} Whatever\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{reply}",
            reply.len()
        );
        if writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

fn ok(_: &[u8]) -> u16 {
    200
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
}

/// The bytes of every fixture file of a kind (files below `fixtures/`, `manifest.json` aside),
/// sorted.
fn fixtures_of_kind(kind: &str) -> Vec<Vec<u8>> {
    let files = fixture_files();
    let mut bodies: Vec<Vec<u8>> = files
        .iter()
        .map(|path| std::fs::read(path).expect("fixture"))
        .filter(|bytes| Callback::from_slice(bytes).is_ok_and(|c| c.kind().as_str() == kind))
        .collect();
    bodies.sort();
    assert!(!bodies.is_empty(), "no fixture of kind {kind}");
    bodies
}

fn sorted_bodies(requests: &[Recorded]) -> Vec<Vec<u8>> {
    let mut bodies: Vec<Vec<u8>> = requests.iter().map(|r| r.body.clone()).collect();
    bodies.sort();
    bodies
}

fn json_summary(stdout: &[u8]) -> Value {
    serde_json::from_slice(stdout).expect("one JSON object")
}

#[test]
fn text_fixtures_arrive_byte_for_byte_with_the_token() {
    let server = TestServer::start(ok);
    bin()
        .args(["send", server.url(), "--kind", "text", "--token", "s3cret"])
        .assert()
        .success();
    let requests = server.requests();
    assert_eq!(sorted_bodies(&requests), fixtures_of_kind("text"));
    for request in &requests {
        assert_eq!(request.method, "POST");
        assert_eq!(request.path, "/webhook");
        assert_eq!(request.headers["content-type"], "application/json");
        assert_eq!(request.headers["z-api-token"], "s3cret");
        assert!(!request.headers.contains_key("content-encoding"));
    }
}

#[test]
fn no_token_header_without_token() {
    let server = TestServer::start(ok);
    let fixtures = fixtures_dir();
    bin()
        .args(["send", server.url(), "--kind", "delivery", "--fixtures"])
        .arg(&fixtures)
        .assert()
        .success();
    let requests = server.requests();
    assert_eq!(sorted_bodies(&requests), fixtures_of_kind("delivery"));
    assert!(
        requests
            .iter()
            .all(|r| !r.headers.contains_key("z-api-token"))
    );
}

#[test]
fn gzip_bodies_decompress_to_the_same_bytes() {
    let server = TestServer::start(ok);
    bin()
        .args(["send", server.url(), "--kind", "text", "--gzip"])
        .assert()
        .success();
    let requests = server.requests();
    let mut bodies: Vec<Vec<u8>> = requests
        .iter()
        .map(|request| {
            assert_eq!(request.headers["content-encoding"], "gzip");
            assert_eq!(request.headers["content-type"], "application/json");
            let mut body = Vec::new();
            flate2::read::GzDecoder::new(&request.body[..])
                .read_to_end(&mut body)
                .expect("gzip body");
            body
        })
        .collect();
    bodies.sort();
    assert_eq!(bodies, fixtures_of_kind("text"));
}

#[test]
fn repeat_sends_the_set_again_with_concurrency() {
    let server = TestServer::start(ok);
    let output = bin()
        .args(["send", server.url(), "--kind", "text", "--repeat", "3"])
        .args(["--concurrency", "4", "--format", "json"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let expected = fixtures_of_kind("text");
    let mut tripled: Vec<Vec<u8>> = expected.iter().flat_map(|b| vec![b.clone(); 3]).collect();
    tripled.sort();
    assert_eq!(sorted_bodies(&server.requests()), tripled);
    let summary = json_summary(&output.stdout);
    assert_eq!(summary["sent"], expected.len() * 3);
    assert_eq!(summary["status"]["200"], expected.len() * 3);
    assert_eq!(summary["errors"], 0);
    assert_eq!(summary["failures"], serde_json::json!([]));
}

#[test]
fn rate_paces_the_requests() {
    let server = TestServer::start(ok);
    let dir = tempfile::tempdir().expect("temp dir");
    let capture = dir.path().join("capture.ndjson");
    let line = r#"{"type":"ReceivedCallback","phone":"5544999999999","text":{"message":"oi"}}"#;
    std::fs::write(&capture, format!("{line}\n").repeat(20)).expect("write");
    let started = Instant::now();
    bin()
        .args(["send", server.url(), "--rate", "100", "--concurrency", "4"])
        .arg(&capture)
        .assert()
        .success();
    assert!(started.elapsed() >= Duration::from_millis(190));
    assert_eq!(server.requests().len(), 20);
}

/// Answers 500 to the payloads whose body holds `"fromMe":true`.
fn reject_from_me(body: &[u8]) -> u16 {
    if body.windows(13).any(|w| w == br#""fromMe":true"#) {
        500
    } else {
        200
    }
}

#[test]
fn json_summary_counts_statuses_and_lists_failures() {
    let server = TestServer::start(reject_from_me);
    let dir = tempfile::tempdir().expect("temp dir");
    let capture = dir.path().join("capture.ndjson");
    std::fs::write(
        &capture,
        concat!(
            r#"{"type":"ReceivedCallback","fromMe":true,"text":{"message":"1"}}"#,
            "\n\n",
            r#"{"type":"ReceivedCallback","fromMe":false,"text":{"message":"2"}}"#,
            "\n",
            r#"{"type":"ReceivedCallback","fromMe":false,"text":{"message":"3"}}"#,
            "\n",
        ),
    )
    .expect("write");
    let output = bin()
        .args(["send", server.url(), "--format", "json"])
        .arg(&capture)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let summary = json_summary(&output.stdout);
    assert_eq!(summary["sent"], 3);
    assert_eq!(summary["status"], serde_json::json!({"200": 2, "500": 1}));
    assert_eq!(summary["errors"], 0);
    for key in [
        "p50_ms",
        "p90_ms",
        "p99_ms",
        "max_ms",
        "requests_per_second",
    ] {
        assert!(summary[key].as_f64().is_some_and(|v| v >= 0.0), "{key}");
    }
    let failures = summary["failures"].as_array().expect("failures");
    assert_eq!(failures.len(), 1);
    assert_eq!(
        failures[0]["source"],
        format!("{}:1", capture.display()).as_str()
    );
    assert_eq!(failures[0]["status"], 500);
    assert_eq!(failures[0]["body"], "rejected with 500");
    // Bodies exactly as read: each line without its line ending.
    let bodies = sorted_bodies(&server.requests());
    assert!(
        bodies
            .iter()
            .all(|b| b.starts_with(b"{") && b.ends_with(b"}"))
    );
}

#[test]
fn human_summary_names_the_failures() {
    let server = TestServer::start(reject_from_me);
    let output = bin()
        .args(["send", server.url(), "-"])
        .write_stdin(r#"{"type":"ReceivedCallback","fromMe":true,"text":{"message":"1"}}"#)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(stdout.contains("1 request to"), "{stdout}");
    assert!(
        stdout.contains("status: 500: 1; connection errors: 0"),
        "{stdout}"
    );
    assert!(
        stdout.contains("<stdin>: 500: rejected with 500"),
        "{stdout}"
    );
}

#[test]
fn connection_errors_are_counted() {
    // A port that was free a moment ago: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let output = bin()
        .args(["send", &format!("http://127.0.0.1:{port}/webhook")])
        .args(["--kind", "text", "--format", "json", "--timeout", "5"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let summary = json_summary(&output.stdout);
    let count = fixtures_of_kind("text").len();
    assert_eq!(summary["sent"], count);
    assert_eq!(summary["errors"], count);
    assert_eq!(summary["status"], serde_json::json!({}));
    let failures = summary["failures"].as_array().expect("failures");
    assert!(!failures.is_empty());
    assert!(failures.iter().all(|f| f["status"].is_null()));
}

#[test]
fn usage_errors_exit_2_and_send_nothing() {
    let server = TestServer::start(ok);
    for args in [
        vec!["send", server.url()],
        vec!["send", server.url(), "--kind", "no_such_kind"],
        vec!["send", server.url(), "no/such/file.json"],
        vec!["send", "https:///webhook", "--kind", "text"],
        vec!["send", "ftp://127.0.0.1/webhook", "--kind", "text"],
        vec!["send", "not a url", "--kind", "text"],
        vec!["send", server.url(), "--kind", "text", "--rate", "0"],
        vec![
            "send",
            server.url(),
            "--kind",
            "text",
            "--fixtures",
            "no/such/folder",
        ],
    ] {
        bin().args(&args).assert().code(2);
    }
    assert!(server.requests().is_empty());
}
