//! `zapi-webhooks serve` as a process: the real binary on a SQLite file, a real sink (an axum
//! server verifying every signature with the stock `standardwebhooks` crate), the fixture
//! corpus as the load, and `kill -9` in the middle of it.
//!
//! Two replicas on one Postgres too, when `ZAPI_INBOX_POSTGRES_URL` is set (required under
//! `CI=true`).

#[path = "../../zapi-webhooks/tests/common/corpus.rs"]
mod corpus;
#[path = "../../zapi-webhooks-inbox/tests/common/mod.rs"]
mod inbox_common;

use inbox_common::sink;
use tempfile::TempDir;

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use zapi_webhooks::Callback;
use zapi_webhooks_inbox::{Facts, SigningSecret};

const TOKEN: &str = "serve-test-token-5a9e0c";

/// One delivery of the load: its body and its dedupe key.
#[derive(Clone)]
struct Payload {
    body: Vec<u8>,
    key: String,
}

/// Every fixture and capture, `copies` times: copy `c` of a payload with an `instanceId` has
/// `-copyC` appended to it (another instance: another dedupe key), one without gets a key
/// `zapiTestCopy` (another body: another digest).
fn load(copies: usize) -> Vec<Payload> {
    let mut entries = corpus::fixtures();
    entries.extend(corpus::captures());
    let mut payloads = Vec::new();
    for copy in 0..copies {
        for entry in &entries {
            let serde_json::Value::Object(mut object) = entry.value.clone() else {
                continue;
            };
            match object.get("instanceId").and_then(|v| v.as_str()) {
                Some(instance) => {
                    let renamed = format!("{instance}-copy{copy}");
                    object.insert("instanceId".into(), renamed.into());
                }
                None => {
                    object.insert("zapiTestCopy".into(), copy.into());
                }
            }
            let body = serde_json::to_vec(&object).expect("JSON");
            let callback = Callback::from_slice(&body).expect("a fixture parses");
            let key = Facts::of(&callback).dedupe_key;
            payloads.push(Payload { body, key });
        }
    }
    payloads
}

/// A free port on 127.0.0.1 (bound, then released for the server to take).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A running `serve`, its stderr echoed to the test's.
struct Gateway {
    child: Child,
}

impl Gateway {
    /// Starts `serve` with fast retries; `extra` adds flags (`--max-attempts` is 30 unless
    /// given there).
    fn start(port: u16, store: &str, sink: &str, secret: &str, extra: &[&str]) -> Gateway {
        let attempts: &[&str] = if extra.contains(&"--max-attempts") {
            &[]
        } else {
            &["--max-attempts", "30"]
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
            .args([
                "serve",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--token",
                TOKEN,
            ])
            .args([
                "--store",
                store,
                "--forward-to",
                sink,
                "--signing-secret",
                secret,
            ])
            .args(["--retry-base-ms", "50", "--retry-max-ms", "500"])
            .args(["--forward-timeout-ms", "1000"])
            .args(extra)
            .args(attempts)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start zapi-webhooks serve");
        let (ready, listening) = mpsc::channel();
        let stderr = child.stderr.take().expect("stderr");
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                eprintln!("[serve :{port}] {line}");
                if line.contains("listening on") {
                    let _ = ready.send(());
                }
            }
        });
        listening
            .recv_timeout(Duration::from_secs(30))
            .expect("serve prints its address");
        Gateway { child }
    }

    /// `kill -9`.
    fn kill(mut self) {
        self.child.kill().expect("kill -9");
        let _ = self.child.wait();
    }

    /// SIGTERM, then the exit status.
    fn stop(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        self.child.wait().expect("serve exits")
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The sink, on a runtime of its own.
fn start_sink(secret: &str, policy: sink::Policy) -> sink::Running {
    let (sender, started) = mpsc::channel();
    let secret = secret.to_owned();
    thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let running = sink::start(&secret, policy).await;
            sender.send(running).expect("report");
            std::future::pending::<()>().await;
        });
    });
    started.recv().expect("the sink starts")
}

/// Posts `payloads` from `threads` threads; returns the status of each (`None`: no answer).
fn send_all(
    port: u16,
    payloads: &[Payload],
    threads: usize,
    sent: &AtomicUsize,
) -> Vec<Option<u16>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("http://127.0.0.1:{port}/webhook/received");
    let answers = Mutex::new(vec![None; payloads.len()]);
    let next = AtomicUsize::new(0);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(payload) = payloads.get(i) else {
                        break;
                    };
                    let status = agent
                        .post(&url)
                        .header("content-type", "application/json")
                        .header("z-api-token", TOKEN)
                        .send(&payload.body[..])
                        .ok()
                        .map(|r| r.status().as_u16());
                    if status == Some(200) {
                        sent.fetch_add(1, Ordering::Relaxed);
                    }
                    if let Ok(mut answers) = answers.lock() {
                        answers[i] = status;
                    }
                }
            });
        }
    });
    answers.into_inner().expect("answers")
}

/// Asserts that every post of `answers` got a 200.
fn assert_all_200(answers: &[Option<u16>], what: &str) {
    let others: Vec<&Option<u16>> = answers.iter().filter(|s| **s != Some(200)).collect();
    assert!(others.is_empty(), "{what}; not so for {others:?}");
}

/// Waits (two minutes at most) until the sink has received each of `keys` (`webhook-id`s).
fn wait_forwarded<'a>(sink: &sink::Running, keys: impl Iterator<Item = &'a str> + Clone) {
    wait_for("every delivery forwarded", Duration::from_secs(120), || {
        let delivered: HashSet<String> = sink.delivered().into_iter().map(|g| g.id).collect();
        keys.clone().all(|key| delivered.contains(key))
    });
}

fn wait_for(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        thread::sleep(Duration::from_millis(25));
    }
}

/// Whether the sink fails the first attempt of this delivery (one in five).
fn flaky(id: &str) -> bool {
    id.bytes().map(u32::from).sum::<u32>() % 5 == 0
}

/// A sink policy: 503 to the first attempt of the [`flaky`] deliveries, 200 otherwise.
fn flaky_first_attempts() -> sink::Policy {
    Arc::new(|id, attempt, _| {
        if flaky(id) && attempt == 1 {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::OK
        }
    })
}

fn sqlite_store(dir: &Path) -> String {
    format!("sqlite:{}", dir.join("inbox.db").display())
}

/// A sink answering with `policy` and a `serve` (SQLite in a new folder) forwarding to it:
/// the sink, the gateway's port, the gateway, and the folder (removed when dropped).
fn rig(policy: sink::Policy, extra: &[&str]) -> (sink::Running, u16, Gateway, TempDir) {
    let secret = SigningSecret::generate().to_whsec();
    let sink = start_sink(&secret, policy);
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let gateway = Gateway::start(port, &sqlite_store(dir.path()), &sink.url, &secret, extra);
    (sink, port, gateway, dir)
}

/// How the gateway is stopped in the middle of the load.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stop {
    /// `kill -9`: forwards under way at the kill may be forwarded again.
    Kill9,
    /// SIGTERM: a graceful stop finishes and records them, so nothing is forwarded twice.
    Term,
}

#[test]
fn kill_9_mid_stream_loses_nothing_that_got_a_200() {
    stop_mid_stream_and_resend(Stop::Kill9);
}

#[test]
fn sigterm_mid_stream_loses_nothing_and_forwards_nothing_twice() {
    stop_mid_stream_and_resend(Stop::Term);
}

fn stop_mid_stream_and_resend(stop: Stop) {
    let payloads = load(16);
    // Two fixtures may report the same event (a docs example and a capture of it): one key,
    // any of their bodies.
    let mut by_key: HashMap<&str, Vec<&[u8]>> = HashMap::new();
    for payload in &payloads {
        by_key
            .entry(payload.key.as_str())
            .or_default()
            .push(&payload.body[..]);
    }
    assert!(by_key.len() > 1000, "{} distinct deliveries", by_key.len());
    eprintln!(
        "{} deliveries, {} distinct events",
        payloads.len(),
        by_key.len()
    );

    let secret = SigningSecret::generate().to_whsec();
    let sink = start_sink(&secret, flaky_first_attempts());
    let dir = tempfile::tempdir().expect("temp dir");
    let store = sqlite_store(dir.path());
    let port = free_port();

    // Phase 1: load, and kill -9 once a third of it got its 200.
    let gateway = Gateway::start(port, &store, &sink.url, &secret, &[]);
    let ok_count = AtomicUsize::new(0);
    let third = payloads.len() / 3;
    let (first, killed_at) = thread::scope(|scope| {
        let killer = scope.spawn(|| {
            wait_for("a third of the load", Duration::from_secs(120), || {
                ok_count.load(Ordering::Relaxed) >= third
            });
            match stop {
                Stop::Kill9 => gateway.kill(),
                Stop::Term => assert!(gateway.stop().success(), "a clean stop"),
            }
            // The process is gone (waited for): nothing it sends can be later than this.
            Instant::now()
        });
        let answers = send_all(port, &payloads, 8, &ok_count);
        (answers, killer.join().expect("killer"))
    });
    let acknowledged: Vec<&Payload> = payloads
        .iter()
        .zip(&first)
        .filter(|(_, status)| **status == Some(200))
        .map(|(p, _)| p)
        .collect();
    let unanswered = first.iter().filter(|s| s.is_none()).count();
    eprintln!(
        "phase 1: {} answered 200, {unanswered} without an answer (the kill)",
        acknowledged.len()
    );
    assert!(
        unanswered > 0,
        "the kill came after the whole load: make the load larger"
    );
    assert!(
        first.iter().all(|s| matches!(s, None | Some(200))),
        "only 200s or no answer"
    );

    // Phase 2: restart on the same file and resend everything, as Z-API retries.
    let gateway = Gateway::start(port, &store, &sink.url, &secret, &[]);
    let again = send_all(port, &payloads, 8, &AtomicUsize::new(0));
    assert_all_200(&again, "every resend is answered 200");
    wait_forwarded(&sink, by_key.keys().copied());
    let status = gateway.stop();
    assert!(
        status.success(),
        "serve stops cleanly on SIGTERM: {status:?}"
    );

    // Nothing lost, nothing altered, every signature good.
    let got = sink.got();
    assert!(got.iter().all(|g| g.verified), "a signature did not verify");
    let mut successes: HashMap<&str, Vec<&sink::Got>> = HashMap::new();
    for g in got.iter().filter(|g| g.status == 200) {
        let sent: &[&[u8]] = by_key
            .get(g.id.as_str())
            .map_or(&[], |bodies| bodies.as_slice());
        assert!(
            sent.contains(&&g.body[..]),
            "the body of {} differs from every body sent with that key",
            g.id
        );
        successes.entry(g.id.as_str()).or_default().push(g);
    }
    for payload in &acknowledged {
        assert!(
            successes.contains_key(payload.key.as_str()),
            "{} got a 200 and was lost",
            payload.key
        );
    }
    assert_eq!(successes.len(), by_key.len());
    // A delivery forwarded twice is one whose forward was under way at the kill: its first
    // success came before the process was gone (or within a moment after, for a request still
    // in the sink's socket), less than the forward timeout earlier; at most the worker's
    // concurrency of them.
    let twice: Vec<_> = successes.iter().filter(|(_, g)| g.len() > 1).collect();
    for (key, received) in &twice {
        let first_success = received[0].at;
        let in_flight = first_success <= killed_at + Duration::from_millis(200)
            && killed_at.saturating_duration_since(first_success) < Duration::from_secs(2);
        assert!(
            in_flight,
            "{key} was forwarded twice, its first forward {:?} before the kill",
            killed_at.checked_duration_since(first_success)
        );
    }
    assert!(twice.len() <= 16, "{} forwarded twice", twice.len());
    if stop == Stop::Term {
        assert!(
            twice.is_empty(),
            "a graceful stop forwarded {} twice",
            twice.len()
        );
    }
    // The flaky ones failed first and were retried.
    let retried = got.iter().filter(|g| g.status == 503).count();
    assert!(retried > 0, "no first attempt failed");
    for g in got.iter().filter(|g| g.status == 503) {
        assert!(
            successes.contains_key(g.id.as_str()),
            "{} was not retried to success",
            g.id
        );
    }
    eprintln!(
        "{} distinct deliveries forwarded, {} twice (in flight at the kill), {retried} failed first attempts retried",
        successes.len(),
        twice.len()
    );
}

#[test]
fn a_chat_reaches_the_sink_in_arrival_order_despite_failures() {
    // Every message whose text holds "flaky" fails twice.
    let (sink, port, gateway, _dir) = rig(
        Arc::new(|_, attempt, body| {
            if String::from_utf8_lossy(body).contains("flaky") && attempt <= 2 {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::OK
            }
        }),
        &[],
    );
    // Message then status, for 10 messages in each of 4 chats, sent one after the other.
    let mut order: HashMap<String, Vec<String>> = HashMap::new();
    let mut payloads = Vec::new();
    for n in 0..10 {
        for chat in [
            "5511900000001",
            "5511900000002",
            "5511900000003",
            "120363-group",
        ] {
            let marker = if n % 3 == 0 { "flaky" } else { "fine" };
            let message = format!(
                r#"{{"type":"ReceivedCallback","instanceId":"I","phone":"{chat}","messageId":"M{n}{chat}","text":{{"message":"{marker}"}}}}"#
            );
            let status = format!(
                r#"{{"type":"MessageStatusCallback","instanceId":"I","phone":"{chat}","status":"READ","ids":["M{n}{chat}"]}}"#
            );
            for body in [message, status] {
                let body = body.into_bytes();
                let callback = Callback::from_slice(&body).expect("parses");
                let key = Facts::of(&callback).dedupe_key;
                order.entry(chat.to_owned()).or_default().push(key.clone());
                payloads.push(Payload { body, key });
            }
        }
    }
    let answers = send_all(port, &payloads, 1, &AtomicUsize::new(0));
    assert_all_200(&answers, "every delivery answered 200");
    wait_for("80 deliveries", Duration::from_secs(60), || {
        sink.delivered().len() >= 80
    });
    assert!(gateway.stop().success());
    let delivered = sink.delivered();
    assert_eq!(delivered.len(), 80, "each delivered once");
    for (chat, keys) in &order {
        let seen: Vec<&str> = delivered
            .iter()
            .filter(|g| String::from_utf8_lossy(&g.body).contains(&format!("\"phone\":\"{chat}\"")))
            .map(|g| g.id.as_str())
            .collect();
        assert_eq!(
            seen,
            keys.iter().map(String::as_str).collect::<Vec<_>>(),
            "chat {chat}"
        );
    }
    assert_eq!(
        sink.got().iter().filter(|g| g.status == 500).count(),
        4 * 4 * 2
    );
}

#[test]
fn dead_after_max_attempts_then_healthz_and_metrics() {
    let (sink, port, gateway, _dir) = rig(
        Arc::new(|_, _, _| StatusCode::BAD_GATEWAY),
        &["--max-attempts", "3"],
    );
    let body = br#"{"type":"DisconnectedCallback","instanceId":"I","momment":1}"#.to_vec();
    let payload = Payload {
        body,
        key: String::new(),
    };
    let answers = send_all(port, &[payload.clone(), payload], 1, &AtomicUsize::new(0));
    assert_eq!(answers, [Some(200), Some(200)]);
    wait_for("three attempts", Duration::from_secs(30), || {
        sink.got().len() >= 3
    });
    thread::sleep(Duration::from_millis(300));
    assert_eq!(sink.got().len(), 3, "no attempt after the last");

    let get = |path: &str| {
        ureq::get(&format!("http://127.0.0.1:{port}{path}"))
            .call()
            .expect("GET")
            .body_mut()
            .read_to_string()
            .expect("text")
    };
    assert_eq!(get("/healthz"), "ok\n");
    let metrics = get("/metrics");
    for line in [
        "zapi_inbox_received_total 2",
        "zapi_inbox_duplicates_total 1",
        "zapi_inbox_retries_total 2",
        "zapi_inbox_dead_total 1",
        "zapi_inbox_dead 1",
        "zapi_inbox_pending 0",
        "zapi_inbox_accept_seconds_count 2",
    ] {
        assert!(
            metrics.lines().any(|l| l == line),
            "no {line:?} in\n{metrics}"
        );
    }
    assert!(gateway.stop().success());
}

#[test]
fn usage_errors_name_what_is_missing() {
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
            .arg("serve")
            .args(args)
            .env_remove("ZAPI_WEBHOOK_TOKEN")
            .env_remove("ZAPI_INBOX_STORE")
            .env_remove("ZAPI_SIGNING_SECRET")
            .output()
            .expect("run");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let secret = SigningSecret::generate().to_whsec();
    let full = [
        "--token",
        "t",
        "--store",
        "sqlite:x.db",
        "--forward-to",
        "http://127.0.0.1:1/",
        "--signing-secret",
    ];
    let (code, err) = run(&full[..6]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--signing-secret"), "{err}");
    let mut args: Vec<&str> = full.to_vec();
    args.push("whsec_c2hvcnQ=");
    let (code, err) = run(&args);
    assert_eq!(code, Some(2));
    assert!(err.contains("signing secret: 5 bytes"), "{err}");
    let (_, err) = run(&[
        "--store",
        "mysql://x",
        "--forward-to",
        "http://a/",
        "--signing-secret",
        &secret,
        "--token",
        "t",
    ]);
    assert!(err.contains("sqlite:PATH or postgres://URL"), "{err}");
    let (_, err) = run(&[
        "--store",
        "sqlite:x.db",
        "--forward-to",
        "file:///etc/passwd",
        "--signing-secret",
        &secret,
        "--token",
        "t",
    ]);
    assert!(
        err.contains("forward target: \"file:///etc/passwd\""),
        "{err}"
    );
    let (code, out) = {
        let output = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
            .args(["serve", "--print-new-secret"])
            .output()
            .expect("run");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    assert_eq!(code, Some(0));
    assert!(SigningSecret::parse(out.trim()).is_ok(), "{out}");
}

#[test]
fn tokens_in_the_header_the_query_or_the_path() {
    let (sink, port, gateway, _dir) = rig(Arc::new(|_, _, _| StatusCode::OK), &["--query-token"]);
    let post = |path: &str, header: Option<&str>, n: u32| {
        let body = format!(r#"{{"type":"DisconnectedCallback","instanceId":"I","momment":{n}}}"#);
        let mut request = ureq::post(&format!("http://127.0.0.1:{port}{path}"))
            .config()
            .http_status_as_error(false)
            .build()
            .header("content-type", "application/json");
        if let Some(token) = header {
            request = request.header("z-api-token", token);
        }
        request
            .send(body.as_bytes())
            .expect("answer")
            .status()
            .as_u16()
    };
    assert_eq!(post("/webhook", Some(TOKEN), 1), 200);
    assert_eq!(
        post(&format!("/webhook/disconnected?token={TOKEN}"), None, 2),
        200
    );
    assert_eq!(post(&format!("/zapi/{TOKEN}"), None, 3), 200);
    assert_eq!(post("/zapi", Some(TOKEN), 4), 200);
    assert_eq!(post("/webhook", Some("wrong-token"), 5), 401);
    assert_eq!(post("/webhook", None, 6), 401);
    assert_eq!(post("/zapi/wrong-token", None, 7), 401);
    assert_eq!(post("/webhook?token=wrong", None, 8), 401);
    wait_for("four deliveries", Duration::from_secs(30), || {
        sink.delivered().len() >= 4
    });
    thread::sleep(Duration::from_millis(200));
    assert_eq!(
        sink.delivered().len(),
        4,
        "only the authenticated ones were stored"
    );
    assert!(gateway.stop().success());
}

#[test]
fn two_replicas_on_one_postgres_forward_each_delivery_once() {
    let Some(url) = inbox_common::postgres_url() else {
        return;
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let store = runtime.block_on(inbox_common::fresh_postgres(&url));
    let payloads = load(6);
    let distinct: HashSet<&str> = payloads.iter().map(|p| p.key.as_str()).collect();
    let secret = SigningSecret::generate().to_whsec();
    let sink = start_sink(&secret, flaky_first_attempts());
    let ports = [free_port(), free_port()];
    let replicas: Vec<Gateway> = ports
        .iter()
        .map(|port| Gateway::start(*port, &store, &sink.url, &secret, &[]))
        .collect();
    // The same deliveries to both replicas at once, as a retry landing on the other replica.
    let answers: Vec<Vec<Option<u16>>> = thread::scope(|scope| {
        let sending: Vec<_> = ports
            .iter()
            .map(|port| {
                let payloads = &payloads;
                scope.spawn(move || send_all(*port, payloads, 4, &AtomicUsize::new(0)))
            })
            .collect();
        sending
            .into_iter()
            .map(|s| s.join().expect("sender"))
            .collect()
    });
    for answers in &answers {
        assert_all_200(answers, "every delivery answered 200");
    }
    wait_forwarded(&sink, distinct.iter().copied());
    thread::sleep(Duration::from_millis(500));
    for replica in replicas {
        assert!(replica.stop().success());
    }
    let mut times: HashMap<String, usize> = HashMap::new();
    for g in sink.delivered() {
        *times.entry(g.id).or_default() += 1;
    }
    let twice: Vec<_> = times.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "forwarded more than once: {twice:?}");
    assert_eq!(times.len(), distinct.len());
    assert!(sink.got().iter().all(|g| g.verified));
    assert!(
        sink.got().iter().any(|g| g.status == 503),
        "some first attempts failed"
    );

    let stats = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
        .args(["inbox", "stats", "--format", "json", "--store", &store])
        .output()
        .expect("inbox stats");
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("stats JSON");
    let sent = 2 * payloads.len() as u64;
    assert_eq!(stats["received"].as_u64(), Some(sent), "{stats}");
    assert_eq!(
        stats["delivered"].as_u64(),
        Some(distinct.len() as u64),
        "{stats}"
    );
    assert_eq!(
        stats["duplicates"].as_u64(),
        Some(sent - distinct.len() as u64),
        "{stats}"
    );
    assert_eq!(stats["pending"].as_u64(), Some(0), "{stats}");
    eprintln!(
        "two replicas: {sent} deliveries sent, {} distinct, each forwarded once",
        distinct.len()
    );
}
