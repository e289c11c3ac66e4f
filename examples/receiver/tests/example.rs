//! The example binary over loopback: started as a user would start it, driven with raw HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    addr: SocketAddr,
    dir: tempfile::TempDir,
    /// Every line the server wrote to stderr so far (read by a thread, so it never blocks).
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary on a free port with `args`, and reads the address it prints.
fn start(args: &[&str]) -> Server {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks-receiver-example"));
    command
        .args([
            "--addr",
            "127.0.0.1:0",
            "--body-limit",
            "64KiB",
            "--unknown-dir",
        ])
        .arg(dir.path())
        .args(args)
        .env_remove("ZAPI_WEBHOOK_TOKEN");
    launch(command, dir)
}

/// Spawns `command`, a server that prints `listening on http://ADDR` first on stderr.
fn launch(mut command: Command, dir: tempfile::TempDir) -> Server {
    let mut child = command
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let stderr = child.stderr.take().expect("stderr");
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let (first, first_line) = std::sync::mpsc::channel();
    let lines = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = first.send(line.clone());
            if let Ok(mut lines) = lines.lock() {
                lines.push(line);
            }
        }
    });
    let line: String = first_line.recv().expect("a first line");
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .parse()
        .expect("an address");
    Server {
        child,
        addr,
        dir,
        log,
    }
}

/// POSTs `body` to `path` with `headers`; the status and the response body.
fn post(addr: SocketAddr, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connects");
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).expect("writes");
    stream.write_all(body).expect("writes the body");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("reads");
    let response = String::from_utf8_lossy(&bytes).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (status, body)
}

/// Posts `body` and asserts the answer is 200.
fn post_200(addr: SocketAddr, path: &str, headers: &[(&str, &str)], body: &[u8]) {
    let (status, answer) = post(addr, path, headers, body);
    assert_eq!(status, 200, "{path}: {answer}");
}

const JSON: (&str, &str) = ("Content-Type", "application/json");
const TOKEN: (&str, &str) = ("z-api-token", "0123456789abcdef01234567");
/// The file in `--unknown-dir` that the receiver appends untyped bodies to.
const UNTYPED: &str = "untyped.ndjson";

/// The bodies kept in [`UNTYPED`], one per line, in the order they were written; the folder
/// holds nothing else.
fn kept(server: &Server) -> Vec<Vec<u8>> {
    let names: Vec<_> = std::fs::read_dir(server.dir.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(names, [UNTYPED], "one file, created at the start");
    let bytes = std::fs::read(server.dir.path().join(UNTYPED)).expect("read");
    assert!(
        bytes.is_empty() || bytes.ends_with(b"\n"),
        "every line ends with a line feed"
    );
    bytes
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(<[u8]>::to_vec)
        .collect()
}

#[test]
fn authenticated_deliveries_are_answered_200_and_the_untyped_kept() {
    let server = start(&["--token", TOKEN.1]);
    let text = br#"{"type":"ReceivedCallback","phone":"5511900000001","text":{"message":"hi"}}"#;
    assert_eq!(post(server.addr, "/webhook", &[JSON, TOKEN], text).0, 200);
    assert!(
        kept(&server).is_empty(),
        "a fully typed payload is not kept"
    );

    let retyped = br#"{"type":"ReceivedCallback","fromMe":"yes","text":{"message":"hi"}}"#;
    // The token in the path, as a Z-API panel URL carries it.
    let in_path = format!("/webhook/{}", TOKEN.1);
    assert_eq!(post(server.addr, &in_path, &[JSON], retyped).0, 200);
    let unknown = br#"{"type":"FutureCallback","x":1}"#;
    post_200(server.addr, "/webhook", &[JSON, TOKEN], unknown);
    let kept = kept(&server);
    assert_eq!(kept.len(), 2);
    let log = log_with(&server, "unexpected value /fromMe");
    // Logged under the path with its token redacted.
    assert!(
        log.contains("/webhook/{token}: text: unexpected value /fromMe"),
        "{log}"
    );
    // Without --verbose, a fully typed delivery is not logged (the first request was one, and
    // a line of it would come before the one above).
    assert!(!log.contains("v1:received:d="), "{log}");
    assert!(!log.contains(TOKEN.1), "the token is never logged: {log}");
    assert!(kept.contains(&retyped.to_vec()) && kept.contains(&unknown.to_vec()));

    // gzip, as Z-API may send it.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text).expect("gzip");
    let gzipped = encoder.finish().expect("gzip");
    let gzip = ("Content-Encoding", "gzip");
    assert_eq!(
        post(server.addr, "/webhook", &[JSON, TOKEN, gzip], &gzipped).0,
        200
    );
}

/// The floor of the load benchmark reads every body whole and answers 200, on both routes.
#[test]
fn the_floor_reads_each_body_and_answers_200() {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks-receiver-floor"));
    command.args(["--listen", "127.0.0.1:0"]);
    let floor = launch(command, tempfile::tempdir().expect("temp dir"));
    let body = vec![b'x'; 100_000];
    assert_eq!(
        post(floor.addr, "/webhook", &[JSON], &body),
        (200, "read 100000 bytes".to_owned())
    );
    assert_eq!(
        post(floor.addr, "/webhook/any/path", &[], b"{}"),
        (200, "read 2 bytes".to_owned())
    );
}

#[test]
fn refusals() {
    let server = start(&["--token", TOKEN.1]);
    let body = br#"{"type":"ConnectedCallback"}"#;
    let (status, answer) = post(server.addr, "/webhook", &[JSON], body);
    assert_eq!(status, 401, "{answer}");
    assert!(!answer.contains(TOKEN.1));
    let wrong = ("z-api-token", "0123456789abcdef01234568");
    assert_eq!(post(server.addr, "/webhook", &[JSON, wrong], body).0, 401);
    let (status, answer) = post(server.addr, "/webhook", &[JSON, TOKEN], b"[1, 2]");
    assert_eq!(status, 400);
    assert!(answer.contains(r#""pointer":"""#), "{answer}");
    assert_eq!(post(server.addr, "/webhook", &[TOKEN], body).0, 415);
    // A wrong token in the path, and a right header on a path-token URL: the same 401.
    let (status, wrong_path) = post(server.addr, "/webhook/not-the-token", &[JSON], body);
    assert_eq!(status, 401);
    let (status, header_on_path) = post(server.addr, "/webhook/received", &[JSON, TOKEN], body);
    assert_eq!(status, 401);
    assert_eq!(
        wrong_path, header_on_path,
        "one answer for every authentication failure"
    );
    assert_eq!(wrong_path, answer_401(&server, body));
}

/// The server's log once a line contains `needle` (the log is read by a thread: it is given
/// two seconds to catch up).
fn log_with(server: &Server, needle: &str) -> String {
    let mut log = String::new();
    for _ in 0..100 {
        log = server
            .log
            .lock()
            .map(|lines| lines.join("\n"))
            .unwrap_or_default();
        if log.contains(needle) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    log
}

#[test]
fn verbose_logs_every_delivery_with_its_handler_and_dedupe_key() {
    let server = start(&["--token", TOKEN.1, "--verbose"]);
    let text = br#"{"type":"ReceivedCallback","phone":"5511900000001","text":{"message":"hi"}}"#;
    let in_path = format!("/webhook/{}", TOKEN.1);
    assert_eq!(post(server.addr, &in_path, &[JSON], text).0, 200);
    let log = log_with(&server, "v1:received:d=");
    // By the handler the router chose, under the path with its token redacted.
    assert!(
        log.contains("/webhook/{token}: message v1:received:d="),
        "{log}"
    );
    assert!(!log.contains(TOKEN.1), "the token is never logged: {log}");
}

/// The answer to a request without any token.
fn answer_401(server: &Server, body: &[u8]) -> String {
    post(server.addr, "/webhook", &[JSON], body).1
}

#[test]
fn tokens_per_instance() {
    let server = start(&["--token", "A1=token-of-a,B2=token-of-b"]);
    let body = br#"{"type":"ConnectedCallback","instanceId":"B2"}"#;
    assert_eq!(
        post(
            server.addr,
            "/webhook",
            &[JSON, ("z-api-token", "token-of-b")],
            body
        )
        .0,
        200
    );
    assert_eq!(
        post(
            server.addr,
            "/webhook",
            &[JSON, ("z-api-token", "token-of-a")],
            body
        )
        .0,
        401
    );
    // The instance and its token in the path; another instance's token is refused.
    let to_b = br#"{"type":"ConnectedCallback","instanceId":"B2"}"#;
    assert_eq!(
        post(server.addr, "/webhook/B2/token-of-b", &[JSON], to_b).0,
        200
    );
    assert_eq!(
        post(server.addr, "/webhook/B2/token-of-a", &[JSON], to_b).0,
        401
    );
    assert_eq!(
        post(server.addr, "/webhook/token-of-b", &[JSON], to_b).0,
        200
    );
}

#[test]
fn a_token_is_required_unless_explicitly_not() {
    let output = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks-receiver-example"))
        .args(["--listen", "127.0.0.1:0"])
        .env_remove("ZAPI_WEBHOOK_TOKEN")
        .output()
        .expect("runs");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--token"));
    let server = start(&["--insecure-no-token"]);
    assert_eq!(
        post(server.addr, "/webhook", &[JSON], br#"{"type":"X"}"#).0,
        200
    );
}

#[test]
fn concurrent_untyped_deliveries_are_each_kept() {
    let server = start(&["--token", TOKEN.1]);
    let (threads, each) = (8, 25);
    std::thread::scope(|scope| {
        for thread in 0..threads {
            let addr = server.addr;
            scope.spawn(move || {
                for i in 0..each {
                    let body = format!(r#"{{"type":"FutureCallback","thread":{thread},"i":{i}}}"#);
                    let (status, answer) = post(addr, "/webhook", &[JSON, TOKEN], body.as_bytes());
                    assert_eq!(status, 200, "{answer}");
                }
            });
        }
    });
    let mut kept: Vec<String> = kept(&server)
        .into_iter()
        .map(|bytes| String::from_utf8(bytes).expect("UTF-8"))
        .collect();
    kept.sort();
    let mut sent: Vec<String> = (0..threads)
        .flat_map(|thread| {
            (0..each)
                .map(move |i| format!(r#"{{"type":"FutureCallback","thread":{thread},"i":{i}}}"#))
        })
        .collect();
    sent.sort();
    assert_eq!(kept, sent, "one line per delivery, none interleaved");
}

/// A body with line breaks (whitespace between tokens) is kept on one line that holds the same
/// JSON, so that the file stays one body per line.
#[test]
fn a_pretty_printed_untyped_body_is_one_line_with_the_same_json() {
    let server = start(&["--token", TOKEN.1]);
    let pretty = b"{\r\n  \"type\": \"FutureCallback\",\n  \"text\": \"a\\nb\"\n}";
    post_200(server.addr, "/webhook", &[JSON, TOKEN], pretty);
    let compact = br#"{"type":"FutureCallback","i":1}"#;
    post_200(server.addr, "/webhook", &[JSON, TOKEN], compact);
    let kept = kept(&server);
    assert_eq!(kept.len(), 2);
    assert_eq!(
        kept[0],
        b"{    \"type\": \"FutureCallback\",   \"text\": \"a\\nb\" }"
    );
    assert_eq!(kept[1], compact, "a compact body is kept byte for byte");
    let json = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).expect("JSON");
    assert_eq!(json(&kept[0]), json(pretty));
}

#[test]
fn with_an_inbox_deliveries_are_stored_then_handled_once() {
    let inbox = tempfile::tempdir().expect("temp dir");
    let store = format!("sqlite:{}", inbox.path().join("inbox.db").display());
    let server = start(&["--token", TOKEN.1, "--inbox", &store]);
    let unknown = br#"{"type":"FutureCallback","instanceId":"I","x":1}"#;
    let typed = br#"{"type":"ReceivedCallback","instanceId":"I","messageId":"M1","phone":"5511","text":{"message":"hi"}}"#;
    for _ in 0..2 {
        // The second round is a retry of the first: stored once, handled once.
        let (status, body) = post(server.addr, "/webhook", &[JSON, TOKEN], unknown);
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            post(server.addr, "/webhook/received", &[JSON, TOKEN], typed).0,
            200
        );
    }
    assert_eq!(post(server.addr, "/webhook", &[JSON], typed).0, 401);
    // Handled after the answer: wait for the worker.
    for _ in 0..200 {
        if !kept(&server).is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        kept(&server),
        [unknown.to_vec()],
        "the untyped body kept once"
    );
    let metrics = {
        let mut stream = TcpStream::connect(server.addr).expect("connects");
        write!(
            stream,
            "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .expect("writes");
        let mut text = String::new();
        stream.read_to_string(&mut text).expect("reads");
        text
    };
    for line in [
        "zapi_inbox_stored_total 2",
        "zapi_inbox_duplicates_total 2",
        "zapi_inbox_forwarded_total 2",
    ] {
        assert!(
            metrics.lines().any(|l| l == line),
            "no {line:?} in {metrics}"
        );
    }
}
