//! End to end: the router served on `127.0.0.1:0`, driven by a minimal HTTP/1.1 client written
//! over a `TcpStream` (no client library needed). Every request is bounded by a timeout.

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use zapi_webhooks::{Callback, CallbackType, Kind};
use zapi_webhooks_receiver::{
    Config, DirSink, HandlerError, KeepReason, KeptPayload, LOG_TARGET, MemorySink, RawSink,
    Webhook, router,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const JSON: Option<&str> = Some("application/json");
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

// ---------------------------------------------------------------------------------------------
// Log capture: the crate logs through the `log` facade; the tests record its lines.

static LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target() == LOG_TARGET
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            let line = format!("{} {}", record.level(), record.args());
            LINES
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(line);
        }
    }

    fn flush(&self) {}
}

fn capture_logs() {
    // Only the first call installs it; the others find it there.
    if log::set_logger(&Capture).is_ok() {
        log::set_max_level(log::LevelFilter::Debug);
    }
}

/// The captured lines containing `needle`.
fn logged(needle: &str) -> Vec<String> {
    LINES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .filter(|line| line.contains(needle))
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Server and client.

struct Server {
    addr: SocketAddr,
    rx: mpsc::Receiver<Webhook>,
    sink: Arc<MemorySink>,
}

async fn serve(config: Config) -> io::Result<SocketAddr> {
    capture_logs();
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    // Runs until the test's runtime shuts down.
    tokio::spawn(async move { axum::serve(listener, router(config)).await });
    Ok(addr)
}

/// A server handing webhooks to a channel of `queue` slots and keeping raw bodies in memory.
async fn start(body_limit: usize, keep_unmodeled: bool, queue: usize) -> io::Result<Server> {
    let (tx, rx) = mpsc::channel(queue);
    let sink = Arc::new(MemorySink::new(100));
    let config = Config::new(tx, Arc::clone(&sink))
        .body_limit(body_limit)
        .keep_unmodeled(keep_unmodeled);
    let addr = serve(config).await?;
    Ok(Server { addr, rx, sink })
}

async fn start_default() -> io::Result<Server> {
    start(64 * 1024, false, 256).await
}

#[derive(Clone, Copy)]
enum Framing {
    ContentLength,
    Chunked,
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn headers(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn json(&self) -> Result<Value, serde_json::Error> {
        serde_json::from_slice(&self.body)
    }
}

fn invalid(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.into())
}

/// Sends one request with `Connection: close` and reads the whole answer.
async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
    framing: Framing,
) -> io::Result<Reply> {
    let exchange = async {
        let mut wire = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
        if let Some(content_type) = content_type {
            wire.push_str(&format!("Content-Type: {content_type}\r\n"));
        }
        let mut wire = match framing {
            Framing::ContentLength => {
                wire.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
                let mut wire = wire.into_bytes();
                wire.extend_from_slice(body);
                wire
            }
            Framing::Chunked => {
                wire.push_str("Transfer-Encoding: chunked\r\n\r\n");
                wire.into_bytes()
            }
        };
        if let Framing::Chunked = framing {
            for chunk in body.chunks(4096) {
                wire.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                wire.extend_from_slice(chunk);
                wire.extend_from_slice(b"\r\n");
            }
            wire.extend_from_slice(b"0\r\n\r\n");
        }

        let stream = TcpStream::connect(addr).await?;
        // Write and read at once: the server may answer (413) and close before reading the
        // whole body, so a failed write is not an error as long as an answer comes. (Readiness
        // plus `try_*` keeps tokio's `io-util` feature, and a second tokio build, out of the
        // tests.)
        let writer = async {
            let mut sent = 0;
            while sent < wire.len() {
                if stream.writable().await.is_err() {
                    break;
                }
                match stream.try_write(&wire[sent..]) {
                    Ok(n) => sent += n,
                    Err(err) if err.kind() == io::ErrorKind::WouldBlock => {}
                    Err(_) => break,
                }
            }
        };
        let reader = async {
            let mut answer = Vec::new();
            let mut buf = [0u8; 8192];
            loop {
                stream.readable().await?;
                match stream.try_read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => answer.extend_from_slice(&buf[..n]),
                    Err(err) if err.kind() == io::ErrorKind::WouldBlock => {}
                    Err(_) if !answer.is_empty() => break,
                    Err(err) => return Err(err),
                }
            }
            Ok(answer)
        };
        let ((), answer) = tokio::join!(writer, reader);
        parse_reply(&answer?)
    };
    tokio::time::timeout(REQUEST_TIMEOUT, exchange)
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, format!("{method} {path}")))?
}

fn parse_reply(answer: &[u8]) -> io::Result<Reply> {
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| {
            invalid(format!(
                "no end of head in {:?}",
                String::from_utf8_lossy(answer)
            ))
        })?;
    let head = std::str::from_utf8(&answer[..split]).map_err(|e| invalid(e.to_string()))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| invalid(format!("bad status line {status_line:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let rest = &answer[split + 4..];
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    let body = if chunked {
        dechunk(rest)?
    } else {
        rest.to_vec()
    };
    if let Some((_, length)) = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
    {
        if length.parse::<usize>().ok() != Some(body.len()) {
            return Err(invalid(format!(
                "Content-Length {length} but {} bytes",
                body.len()
            )));
        }
    }
    Ok(Reply {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &[u8]) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| invalid("bad chunk size line"))?;
        let size_text = std::str::from_utf8(&rest[..end]).map_err(|e| invalid(e.to_string()))?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|e| invalid(e.to_string()))?;
        rest = &rest[end + 2..];
        if size == 0 {
            return Ok(body);
        }
        let chunk = rest.get(..size).ok_or_else(|| invalid("short chunk"))?;
        body.extend_from_slice(chunk);
        rest = rest.get(size + 2..).ok_or_else(|| invalid("short chunk"))?;
    }
}

async fn post(addr: SocketAddr, path: &str, body: &[u8]) -> io::Result<Reply> {
    request(addr, "POST", path, JSON, body, Framing::ContentLength).await
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Fails with the reply shown, for readable assertion messages.
fn expect_status(reply: &Reply, status: u16, what: &str) -> TestResult {
    if reply.status != status {
        return Err(format!(
            "{what}: expected {status}, got {} with {}",
            reply.status,
            String::from_utf8_lossy(&reply.body)
        )
        .into());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Tests.

#[tokio::test]
async fn every_fixture_is_accepted_and_handed_to_the_handler() -> TestResult {
    let mut server = start_default().await?;
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(fixtures_dir().join("manifest.json"))?)?;
    let entries = manifest["fixtures"]
        .as_array()
        .ok_or("manifest.json has no fixtures array")?;

    let mut seen = 0;
    let mut folders: Vec<_> = std::fs::read_dir(fixtures_dir())?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    for folder in folders {
        let mut files: Vec<_> = std::fs::read_dir(fixtures_dir().join(&folder))?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".json") && name != "manifest.json")
            .collect();
        files.sort();
        for file in files {
            let relative = format!("{folder}/{file}");
            let entry = entries
                .iter()
                .find(|e| e["path"] == relative.as_str())
                .ok_or_else(|| format!("{relative} is not in manifest.json"))?;
            let callback = entry["callback"].as_str().ok_or("no callback")?;
            let kind = entry["kind"].as_str().ok_or("no kind")?;
            let body = std::fs::read(fixtures_dir().join(&relative))?;
            let path = format!("/webhook/{callback}");

            let reply = post(server.addr, &path, &body).await?;
            expect_status(&reply, 200, &relative)?;
            let summary = reply.json()?;
            assert_eq!(summary["callback"], callback, "{relative}");
            assert_eq!(summary["kind"], kind, "{relative}");
            assert_eq!(summary["kept"], false, "{relative}");

            // The handler ran before the answer was sent.
            let webhook = server.rx.try_recv()?;
            assert_eq!(
                webhook.callback.callback_type().map(CallbackType::as_str),
                Some(callback),
                "{relative}"
            );
            assert_eq!(webhook.callback.kind_name(), kind, "{relative}");
            assert_eq!(webhook.path, path);
            assert_eq!(webhook.body, body, "{relative}");
            assert_eq!(webhook.kept, None);
            seen += 1;
        }
    }
    assert!(seen >= 100, "only {seen} fixtures found");
    assert_eq!(seen, entries.len(), "fixture files vs manifest entries");
    assert!(server.sink.is_empty(), "no fixture is unknown");
    Ok(())
}

#[tokio::test]
async fn bad_json_is_400_with_a_pointer() -> TestResult {
    let mut server = start_default().await?;
    let cases: [(&[u8], &str); 6] = [
        (br#"{"type":"ReceivedCallback","phone":}"#, "/phone"),
        // Truncated after a complete member: the core crate reports `/?` here (a placeholder
        // for "the next key"), so only the presence of a pointer is checked.
        (br#"{"type":"ReceivedCallback","text":{"message":"hi"}"#, ""),
        (b"", ""),
        (b"[1, 2]", ""),
        (b"\"ReceivedCallback\"", ""),
        (b"null", ""),
    ];
    for (body, pointer) in cases {
        let shown = String::from_utf8_lossy(body);
        let reply = post(server.addr, "/", body).await?;
        expect_status(&reply, 400, &shown)?;
        assert_eq!(reply.headers("content-type"), ["application/json"]);
        let error = reply.json()?;
        let message = error["error"].as_str().ok_or("no error message")?;
        assert!(!message.is_empty(), "{shown}");
        assert!(error["pointer"].is_string(), "{shown}: {error}");
        // Syntax errors point at the value being read when it broke; check the prefix only.
        let got = error["pointer"].as_str().unwrap_or_default();
        assert!(
            got.starts_with(pointer),
            "{shown}: pointer {got:?}, wanted {pointer:?}"
        );
    }
    assert!(server.rx.try_recv().is_err(), "nothing reached the handler");
    Ok(())
}

/// The pointers listed in a summary's `unexpected`.
fn summary_unexpected(summary: &Value) -> Result<Vec<&str>, &'static str> {
    Ok(summary["unexpected"]
        .as_array()
        .ok_or("no unexpected list")?
        .iter()
        .filter_map(Value::as_str)
        .collect())
}

#[tokio::test]
async fn retyped_field_is_accepted_logged_and_kept_byte_for_byte() -> TestResult {
    let mut server = start_default().await?;
    let body = br#"{"type":"ReceivedCallback","fromMe":"yes","text":{"message":"hi"}}"#;
    let reply = post(server.addr, "/webhook/retyped", body).await?;
    expect_status(&reply, 200, "fromMe as a string")?;
    let summary = reply.json()?;
    assert_eq!(summary["callback"], "received");
    assert_eq!(summary["kind"], "text");
    assert_eq!(summary_unexpected(&summary)?, ["/fromMe"]);
    assert_eq!(summary["unmodeled"], serde_json::json!([]));
    assert_eq!(summary["kept"], true);

    let webhook = server.rx.try_recv()?;
    assert_eq!(webhook.unexpected.len(), 1);
    let value = &webhook.unexpected[0];
    assert_eq!(value.pointer, "/fromMe");
    assert_eq!(value.expected, "a boolean");
    assert_eq!(value.found, "string \"yes\"");
    assert_eq!(webhook.callback.kind_name(), "text");
    assert_eq!(webhook.callback.unexpected(), webhook.unexpected);
    assert_eq!(webhook.kept.as_deref(), Some("memory #1"));
    assert_eq!(webhook.body, &body[..]);

    let kept = server.sink.take();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].reason, KeepReason::UnexpectedValues);
    assert_eq!(kept[0].body, &body[..], "byte for byte");
    assert_eq!(kept[0].unexpected, webhook.unexpected);
    assert_eq!(kept[0].path, "/webhook/retyped");

    let lines = logged("/webhook/retyped: ReceivedCallback text: unexpected values");
    assert!(
        lines.iter().any(|l| l.starts_with("WARN")
            && l.contains(r#"/fromMe: invalid type: string "yes", expected a boolean"#)),
        "{lines:?}"
    );
    assert!(!logged("/webhook/retyped: unexpected-values payload kept at memory #1").is_empty());
    assert!(logged("/webhook/retyped: 400").is_empty());
    Ok(())
}

#[tokio::test]
async fn retyped_content_is_accepted_logged_and_kept() -> TestResult {
    let mut server = start_default().await?;
    let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","text":"hi"}"#;
    let reply = post(server.addr, "/webhook/retyped-content", body).await?;
    expect_status(&reply, 200, "text as a string")?;
    let summary = reply.json()?;
    assert_eq!(summary["kind"], "text");
    assert_eq!(summary_unexpected(&summary)?, ["/text"]);
    assert_eq!(summary["kept"], true);

    let webhook = server.rx.try_recv()?;
    assert_eq!(webhook.callback.message_kind(), Some(Kind::Text));
    assert_eq!(webhook.unexpected.len(), 1);
    assert_eq!(webhook.unexpected[0].pointer, "/text");
    assert_eq!(webhook.unexpected[0].found, "string \"hi\"");
    assert!(webhook.unmodeled.is_empty(), "{:?}", webhook.unmodeled);

    let kept = server.sink.take();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].reason, KeepReason::UnexpectedValues);
    assert_eq!(kept[0].body, &body[..]);

    let lines = logged("/webhook/retyped-content: ReceivedCallback text: unexpected values");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("WARN") && l.contains(r#"/text: invalid type: string "hi""#)),
        "{lines:?}"
    );
    Ok(())
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() -> TestResult {
    const LIMIT: usize = 4096;
    let mut server = start(LIMIT, false, 16).await?;
    // A valid payload padded with spaces to exactly `size` bytes.
    let padded = |size: usize| {
        let mut body = br#"{"type":"ConnectedCallback"}"#.to_vec();
        body.resize(size, b' ');
        body
    };

    for framing in [Framing::ContentLength, Framing::Chunked] {
        let at_limit = request(server.addr, "POST", "/", JSON, &padded(LIMIT), framing).await?;
        expect_status(&at_limit, 200, "exactly at the limit")?;
        assert_eq!(server.rx.try_recv()?.callback.kind_name(), "connected");

        for size in [LIMIT + 1, 4 * LIMIT, 1024 * 1024] {
            let over = request(server.addr, "POST", "/", JSON, &padded(size), framing).await?;
            expect_status(&over, 413, &format!("{size} bytes"))?;
            let error = over.json()?;
            assert!(
                error["error"].as_str().is_some_and(|e| e.contains("4096")),
                "{error}"
            );
        }
    }
    assert!(server.rx.try_recv().is_err());
    Ok(())
}

#[tokio::test]
async fn only_json_content_types_are_accepted() -> TestResult {
    let mut server = start_default().await?;
    let body = br#"{"type":"ConnectedCallback","connected":true}"#;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("application/jsonx"),
        Some("text/json"),
        None,
    ] {
        let what = format!("{content_type:?}");
        let reply = request(
            server.addr,
            "POST",
            "/",
            content_type,
            body,
            Framing::ContentLength,
        )
        .await?;
        expect_status(&reply, 415, &what)?;
        assert!(reply.json()?["error"].is_string(), "{what}");
    }
    assert!(server.rx.try_recv().is_err());

    for content_type in [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON;charset=UTF-8",
    ] {
        let reply = request(
            server.addr,
            "POST",
            "/",
            Some(content_type),
            body,
            Framing::ContentLength,
        )
        .await?;
        expect_status(&reply, 200, content_type)?;
        assert_eq!(server.rx.try_recv()?.callback.kind_name(), "connected");
    }
    Ok(())
}

#[tokio::test]
async fn other_methods_are_405_with_allow() -> TestResult {
    let mut server = start_default().await?;
    for method in ["GET", "PUT", "DELETE", "PATCH"] {
        for path in ["/", "/webhook/received"] {
            let what = format!("{method} {path}");
            let body: &[u8] = if method == "GET" { b"" } else { b"{}" };
            let reply = request(
                server.addr,
                method,
                path,
                JSON,
                body,
                Framing::ContentLength,
            )
            .await?;
            expect_status(&reply, 405, &what)?;
            assert_eq!(reply.headers("allow"), ["POST"], "{what}");
            assert!(reply.json()?["error"].is_string(), "{what}");
        }
    }
    assert!(server.rx.try_recv().is_err());
    Ok(())
}

#[tokio::test]
async fn unknown_callback_type_is_kept_byte_for_byte() -> TestResult {
    let mut server = start_default().await?;
    // Odd spacing, a BOM, escapes and a number form that re-serializing would change.
    let body = concat!(
        "\u{feff}{ \"type\" : \"FutureCallback\",\n",
        "  \"amount\": 1.50,\t\"name\": \"Jos\\u00e9\" }\n"
    );
    let reply = post(server.addr, "/hooks/future", body.as_bytes()).await?;
    expect_status(&reply, 200, "unknown callback")?;
    let summary = reply.json()?;
    assert_eq!(summary["callback"], "unknown");
    assert_eq!(summary["type"], "FutureCallback");
    assert_eq!(summary["kept"], true);

    let kept = server.sink.take();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].body, body.as_bytes(), "byte for byte");
    assert_eq!(kept[0].reason, KeepReason::UnknownCallback);
    assert_eq!(kept[0].type_value.as_deref(), Some("FutureCallback"));
    assert_eq!(kept[0].path, "/hooks/future");

    let webhook = server.rx.try_recv()?;
    assert!(matches!(webhook.callback, Callback::Unknown(_)));
    assert_eq!(webhook.kept.as_deref(), Some("memory #1"));
    assert!(!logged("unknown callback type \"FutureCallback\"").is_empty());
    Ok(())
}

#[tokio::test]
async fn unknown_message_kind_is_kept_byte_for_byte() -> TestResult {
    let mut server = start_default().await?;
    let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","fromMe":false,
        "hologramMessage": {"frames": [1, 2, 3]}}"#;
    let reply = post(server.addr, "/webhook/received", body).await?;
    expect_status(&reply, 200, "unknown kind")?;
    let summary = reply.json()?;
    assert_eq!(summary["callback"], "received");
    assert_eq!(summary["kind"], "unknown");
    assert_eq!(summary["kept"], true);

    let kept = server.sink.take();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].body, &body[..]);
    assert_eq!(kept[0].reason, KeepReason::UnknownKind);

    let webhook = server.rx.try_recv()?;
    assert_eq!(webhook.callback.message_kind(), Some(Kind::Unknown));
    assert!(webhook.unmodeled.iter().any(|p| p == "/hologramMessage"));
    assert!(!logged("unknown message kind, unmodeled fields /hologramMessage").is_empty());
    Ok(())
}

#[tokio::test]
async fn extra_fields_are_accepted_and_their_pointers_logged() -> TestResult {
    let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","zzNewTopLevel":1,
        "text":{"message":"hi","zzNewInText":true}}"#;
    let wanted = ["/zzNewTopLevel", "/text/zzNewInText"];

    let mut server = start_default().await?;
    let reply = post(server.addr, "/", body).await?;
    expect_status(&reply, 200, "extra fields")?;
    let summary = reply.json()?;
    assert_eq!(summary["kind"], "text");
    assert_eq!(summary["kept"], false);
    let mut listed: Vec<&str> = summary["unmodeled"]
        .as_array()
        .ok_or("no unmodeled list")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    listed.sort_unstable();
    let mut expected = wanted.to_vec();
    expected.sort_unstable();
    assert_eq!(listed, expected);

    let webhook = server.rx.try_recv()?;
    for pointer in wanted {
        assert!(webhook.unmodeled.iter().any(|p| p == pointer), "{pointer}");
        let lines = logged(pointer);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("WARN") && l.contains("unmodeled fields")),
            "{pointer} not logged: {lines:?}"
        );
    }
    assert!(
        server.sink.is_empty(),
        "known kinds are not kept by default"
    );

    // With keep_unmodeled on, the body is kept as well.
    let mut keeping = start(64 * 1024, true, 16).await?;
    let reply = post(keeping.addr, "/", body).await?;
    expect_status(&reply, 200, "extra fields, keep_unmodeled")?;
    assert_eq!(reply.json()?["kept"], true);
    let kept = keeping.sink.take();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].reason, KeepReason::Unmodeled);
    assert_eq!(kept[0].body, &body[..]);
    assert_eq!(kept[0].unmodeled.len(), 2);
    assert!(keeping.rx.try_recv().is_ok());
    Ok(())
}

#[tokio::test]
async fn dir_sink_writes_one_file_per_unknown_payload() -> TestResult {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("receiver-dir-sink-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (tx, mut rx) = mpsc::channel(16);
    let addr = serve(Config::new(tx, DirSink::new(&dir)?)).await?;

    let bodies: [&[u8]; 4] = [
        br#"{"type":"FutureCallback","n":1}"#,
        br#"{"type":"FutureCallback","n":1}"#,
        br#"{"type":"ReceivedCallback","hologramMessage":{}}"#,
        br#"{"type":"ReceivedCallback","fromMe":"true","text":{"message":"hi"}}"#,
    ];
    let mut files = Vec::new();
    for body in bodies {
        let reply = post(addr, "/", body).await?;
        expect_status(&reply, 200, "dir sink")?;
        let file = rx.try_recv()?.kept.ok_or("not kept")?;
        assert_eq!(std::fs::read(&file)?, body);
        files.push(file);
    }
    files.sort();
    files.dedup();
    assert_eq!(files.len(), 4, "one file each, even for equal bodies");
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("-unknown-callback-FutureCallback.json"))
    );
    assert!(files.iter().any(|f| f.ends_with("-unknown-kind.json")));
    assert!(files.iter().any(|f| f.ends_with("-unexpected-values.json")));
    assert_eq!(std::fs::read_dir(&dir)?.count(), 4);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[tokio::test]
async fn a_full_or_closed_queue_is_503() -> TestResult {
    let mut server = start(64 * 1024, false, 1).await?;
    let body = br#"{"type":"ConnectedCallback"}"#;
    expect_status(&post(server.addr, "/", body).await?, 200, "first")?;
    let busy = post(server.addr, "/", body).await?;
    expect_status(&busy, 503, "queue full")?;
    assert_eq!(busy.headers("retry-after"), ["1"]);
    assert!(server.rx.try_recv().is_ok());
    expect_status(&post(server.addr, "/", body).await?, 200, "after draining")?;

    drop(server.rx);
    let closed = post(server.addr, "/", body).await?;
    expect_status(&closed, 503, "queue closed")?;
    assert!(closed.headers("retry-after").is_empty());
    Ok(())
}

/// A sink whose disk is always full.
struct FullDisk;

impl RawSink for FullDisk {
    fn keep(&self, _payload: &KeptPayload) -> io::Result<String> {
        Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
    }
}

#[tokio::test]
async fn closure_handler_and_a_failing_sink() -> TestResult {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let handler = move |webhook: Webhook| -> Result<(), HandlerError> {
        counter.fetch_add(1, Ordering::SeqCst);
        if webhook.path == "/refuse" {
            return Err(HandlerError::Failed("refused on purpose".to_owned()));
        }
        Ok(())
    };
    let addr = serve(Config::new(handler, FullDisk)).await?;

    expect_status(
        &post(addr, "/", br#"{"type":"ConnectedCallback"}"#).await?,
        200,
        "known",
    )?;
    assert_eq!(calls.load(Ordering::SeqCst), 1);

    let refused = post(addr, "/refuse", br#"{"type":"ConnectedCallback"}"#).await?;
    expect_status(&refused, 500, "handler refused")?;
    assert!(
        refused.json()?["error"]
            .as_str()
            .is_some_and(|e| e.contains("refused on purpose"))
    );
    assert_eq!(calls.load(Ordering::SeqCst), 2);

    // Not keeping an unknown payload is an error, and the handler never sees it.
    let unkept = post(addr, "/", br#"{"type":"FutureCallback"}"#).await?;
    expect_status(&unkept, 500, "sink failed")?;
    assert_eq!(unkept.json()?["error"], "could not keep the raw body");
    assert!(!logged("could not keep a unknown-callback payload: disk full").is_empty());
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    Ok(())
}
