//! `zapi-webhooks inbox stats|list|replay|export` on a real SQLite store filled through the
//! inbox crate; the export read back by `validate` and by `send` (into a running `serve`).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use bytes::Bytes;
use serde_json::Value;
use zapi_webhooks::Callback;
use zapi_webhooks_inbox::{Facts, NewDelivery, Outcome};

fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
        .args(args)
        .env_remove("ZAPI_INBOX_STORE")
        .output()
        .expect("run zapi-webhooks")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A store with 6 deliveries: 2 delivered, 1 dead, 3 pending (one pretty-printed over several
/// lines), and one duplicate.
fn fill(path: &Path) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let store = zapi_webhooks_inbox::open(&format!("sqlite:{}", path.display()))
            .await
            .expect("open");
        for n in 0..6 {
            let chat = if n % 2 == 0 { "5511" } else { "5522" };
            let body = if n == 5 {
                format!("{{\n  \"type\": \"ReceivedCallback\",\n  \"instanceId\": \"I\",\n  \"phone\": \"{chat}\",\n  \"messageId\": \"M{n}\",\n  \"image\": {{\"caption\": \"a\\nb\"}}\n}}")
            } else {
                format!(r#"{{"type":"ReceivedCallback","instanceId":"I","phone":"{chat}","messageId":"M{n}","text":{{"message":"n{n}"}}}}"#)
            };
            let callback = Callback::from_slice(body.as_bytes()).expect("parses");
            let delivery = NewDelivery::new(Facts::of(&callback), "/webhook", Bytes::from(body));
            store.insert(delivery.clone()).await.expect("insert");
            if n == 0 {
                store.insert(delivery).await.expect("duplicate");
            }
        }
        let claimed = store.claim(10, Duration::from_secs(60)).await.expect("claim");
        // The first of each chat: 1 and 2 (ids), delivered; then 3 claimed and dead.
        assert_eq!(claimed.len(), 2);
        for d in &claimed {
            store.finish(d.id, 1, Outcome::Delivered).await.expect("finish");
        }
        let claimed = store.claim(1, Duration::from_secs(60)).await.expect("claim");
        let dead = Outcome::Dead { error: "status 500".into() };
        store.finish(claimed[0].id, 1, dead).await.expect("finish");
        // What stays claimed would block listing nothing; leave the rest pending.
    });
}

#[test]
fn stats_list_replay_and_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("inbox.db");
    fill(&db);
    let store = format!("sqlite:{}", db.display());

    let stats: Value = serde_json::from_str(&stdout(&bin(&[
        "inbox", "stats", "--store", &store, "--format", "json",
    ])))
    .expect("stats JSON");
    assert_eq!(
        stats,
        serde_json::json!({"received": 7, "duplicates": 1, "pending": 3, "delivered": 2, "dead": 1})
    );
    let human = stdout(&bin(&["inbox", "stats", "--store", &store]));
    assert_eq!(
        human,
        "received 7 (duplicates 1), pending 3 (in flight 0), delivered 2, dead 1\n"
    );

    let list = stdout(&bin(&[
        "inbox", "list", "--store", &store, "--format", "json",
    ]));
    let rows: Vec<Value> = list
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0]["dedupe_key"], "v1:received:I:M0");
    assert_eq!(rows[0]["state"], "delivered");
    assert_eq!(rows[5]["kind"], "image");
    let dead = stdout(&bin(&[
        "inbox", "list", "--store", &store, "--state", "dead",
    ]));
    assert_eq!(dead.lines().count(), 1, "{dead}");
    assert!(
        dead.contains("dead") && dead.contains("(status 500)"),
        "{dead}"
    );
    let dead_id: i64 = dead
        .split_whitespace()
        .next()
        .and_then(|id| id.parse().ok())
        .expect("an id");
    let chat = stdout(&bin(&[
        "inbox", "list", "--store", &store, "--chat", "5522", "--format", "json",
    ]));
    assert_eq!(chat.lines().count(), 3);
    let kind = stdout(&bin(&[
        "inbox", "list", "--store", &store, "--kind", "image", "--format", "json",
    ]));
    assert_eq!(kind.lines().count(), 1);
    let limited = stdout(&bin(&["inbox", "list", "--store", &store, "--limit", "2"]));
    assert_eq!(limited.lines().count(), 2);

    // Export: one line per body, read by validate.
    let export = bin(&["inbox", "export", "--store", &store]);
    let ndjson = stdout(&export);
    assert_eq!(ndjson.lines().count(), 6);
    assert!(
        ndjson.contains(r#""caption": "a\nb""#),
        "escapes stay as they were: {ndjson}"
    );
    let file = dir.path().join("export.ndjson");
    std::fs::write(&file, &export.stdout).expect("write");
    let validated = bin(&["validate", "--format", "json", file.to_str().expect("path")]);
    let reports = stdout(&validated);
    assert_eq!(reports.lines().count(), 6, "{reports}");
    for line in reports.lines() {
        let report: Value = serde_json::from_str(line).expect("report");
        assert_eq!(report["valid"], true, "{report}");
        assert_eq!(report["lossless"], true, "{report}");
    }
    let pending = stdout(&bin(&[
        "inbox", "export", "--store", &store, "--state", "pending",
    ]));
    assert_eq!(pending.lines().count(), 3);

    // Replay.
    let replayed = stdout(&bin(&["inbox", "replay", "--store", &store, "--dead"]));
    assert_eq!(replayed, "replayed 1\n");
    let again = bin(&["inbox", "replay", "--store", &store, "--dead"]);
    assert_eq!(stdout(&again), "replayed 0\n");
    let one = stdout(&bin(&[
        "inbox",
        "replay",
        "--store",
        &store,
        &dead_id.to_string(),
    ]));
    assert_eq!(one, "replayed 1\n");
    let unknown = bin(&["inbox", "replay", "--store", &store, "999"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no delivery 999"));
    let stats: Value = serde_json::from_str(&stdout(&bin(&[
        "inbox", "stats", "--store", &store, "--format", "json",
    ])))
    .expect("stats JSON");
    assert_eq!(
        (stats["pending"].as_u64(), stats["dead"].as_u64()),
        (Some(4), Some(0))
    );

    // `send` reads the export too: into a running serve with a store of its own.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port");
    let second = format!("sqlite:{}", dir.path().join("second.db").display());
    let secret = zapi_webhooks_inbox::SigningSecret::generate().to_whsec();
    let mut serve = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--token",
            "tok-inbox-test",
        ])
        .args([
            "--store",
            &second,
            "--forward-to",
            "http://127.0.0.1:9/unused",
            "--signing-secret",
            &secret,
        ])
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let url = format!("http://127.0.0.1:{port}/webhook");
    // Sent once, after serve listens: a send started before would have some of its requests
    // refused and the rest stored, and sending again would store duplicates.
    let listens = (0..100).any(|_| {
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() || {
            std::thread::sleep(Duration::from_millis(100));
            false
        }
    });
    let sent = listens.then(|| {
        bin(&[
            "send",
            "--token",
            "tok-inbox-test",
            "--format",
            "json",
            &url,
            file.to_str().expect("path"),
        ])
    });
    let _ = serve.kill();
    let _ = serve.wait();
    let sent = sent.expect("serve listens within 10 s");
    let summary: Value = serde_json::from_str(&stdout(&sent)).expect("summary");
    assert_eq!(summary["status"]["200"], 6, "{summary}");
    let received: Value = serde_json::from_str(&stdout(&bin(&[
        "inbox", "stats", "--store", &second, "--format", "json",
    ])))
    .expect("stats JSON");
    assert_eq!(received["received"], 6);
}

#[test]
fn a_bad_store_is_a_usage_error() {
    let output = bin(&["inbox", "stats", "--store", "redis://x"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "zapi-webhooks inbox: inbox store: the store must be sqlite:PATH or postgres://URL"
        ),
        "{stderr}"
    );
}
