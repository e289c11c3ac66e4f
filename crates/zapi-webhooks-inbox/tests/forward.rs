//! The worker and the forwarder against a real HTTP sink that verifies every signature with
//! the stock `standardwebhooks` crate: bodies unaltered, retries with backoff, per-chat order
//! under failures, dead letters and replay; the in-process handler forms. Every backend.

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::http::StatusCode;
use bytes::Bytes;
use common::sink;
use zapi_webhooks::Callback;
use zapi_webhooks_inbox::{
    BoxFuture, CircuitBreaker, Delivery, Facts, Forwarder, Inserted, NewDelivery, Replay,
    RetryPolicy, ServiceHandler, SigningSecret, Store, Worker, handler_fn,
};

/// A body of chat `chat` (or none), unique to `n`; `marker` lands in the text.
fn body(n: u32, chat: Option<&str>, marker: &str) -> Bytes {
    Bytes::from(match chat {
        Some(chat) => format!(
            r#"{{"type":"ReceivedCallback","instanceId":"I1","phone":"{chat}","messageId":"M{n}","text":{{"message":"{marker} {n}"}}}}"#
        ),
        None => format!(
            r#"{{"type":"MessageStatusCallback","instanceId":"I1","status":"READ","ids":["M{n}"],"momment":{n}}}"#
        ),
    })
}

async fn insert(store: &Arc<dyn Store>, body: &Bytes) -> (i64, String) {
    let callback = Callback::from_slice(body).expect("the test body parses");
    let facts = Facts::of(&callback);
    let key = facts.dedupe_key.clone();
    match store
        .insert(NewDelivery::new(facts, "/webhook", body.clone()))
        .await
        .expect("insert")
    {
        Inserted::New(id) => (id, key),
        other => panic!("expected a new delivery, got {other:?}"),
    }
}

/// Waits up to 20 s for `done`.
async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..2000 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

/// A worker running in the background until the returned stop is called.
fn spawn(worker: Worker) -> impl FnOnce() -> tokio::task::JoinHandle<()> {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(worker.run(async move {
        let _ = stopped.await;
    }));
    move || {
        let _ = stop.send(());
        handle
    }
}

fn fast_retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        base: Duration::from_millis(20),
        max_delay: Duration::from_millis(200),
    }
}

fn forwarder(url: &str, secret: &SigningSecret) -> Forwarder {
    Forwarder::new(url, secret.clone(), Duration::from_secs(5)).expect("forwarder")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwards_signed_unaltered_bodies() {
    let dir = tempfile::tempdir().expect("temp dir");
    for store in common::stores(dir.path()).await {
        let secret = SigningSecret::generate();
        let sink = sink::start(&secret.to_whsec(), sink::always_ok()).await;
        let mut sent = HashMap::new();
        for n in 0..30 {
            let chat = [Some("A"), Some("B"), None][n as usize % 3];
            let body = body(n, chat, "hello");
            let (_, key) = insert(&store, &body).await;
            sent.insert(key, body);
        }
        let stop = spawn(Worker::new(store.clone(), forwarder(&sink.url, &secret)));
        wait_for("30 deliveries", || sink.delivered().len() == 30).await;
        stop().await.expect("worker");
        let got = sink.got();
        assert_eq!(got.len(), 30, "{} attempts for 30 deliveries", got.len());
        for g in &got {
            assert!(g.verified, "signature of {}", g.id);
            assert_eq!(sent.get(&g.id), Some(&g.body), "body of {}", g.id);
            assert_eq!(g.attempt, 1);
            let expected_kind = if g.callback == "ReceivedCallback" {
                "text"
            } else {
                "message_status"
            };
            assert_eq!(g.kind, expected_kind);
        }
        let stats = store.stats().await.expect("stats");
        assert_eq!(
            (stats.delivered, stats.pending, stats.dead),
            (30, 0, 0),
            "{}",
            store.backend()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_attempts_are_retried_and_each_chat_keeps_its_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for store in common::stores(dir.path()).await {
        let secret = SigningSecret::generate();
        // Every third message fails its first two attempts.
        let policy: sink::Policy = Arc::new(|_, attempt, body| {
            let text = String::from_utf8_lossy(body);
            if text.contains("flaky") && attempt <= 2 {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                StatusCode::OK
            }
        });
        let sink = sink::start(&secret.to_whsec(), policy).await;
        let mut order: HashMap<&str, Vec<String>> = HashMap::new();
        for n in 0..24 {
            let chat = ["X", "Y", "Z"][n as usize % 3];
            let marker = if n % 4 == 0 { "flaky" } else { "fine" };
            let (_, key) = insert(&store, &body(n, Some(chat), marker)).await;
            order.entry(chat).or_default().push(key);
        }
        let gateway_metrics = Arc::new(zapi_webhooks_inbox::Metrics::default());
        let worker = Worker::new(store.clone(), forwarder(&sink.url, &secret))
            .retry(fast_retries(5))
            .metrics(gateway_metrics.clone());
        let stop = spawn(worker);
        wait_for("24 deliveries", || sink.delivered().len() == 24).await;
        stop().await.expect("worker");

        let delivered = sink.delivered();
        for (chat, keys) in &order {
            let seen: Vec<String> = delivered
                .iter()
                .filter(|g| {
                    String::from_utf8_lossy(&g.body).contains(&format!("\"phone\":\"{chat}\""))
                })
                .map(|g| g.id.clone())
                .collect();
            assert_eq!(
                &seen,
                keys,
                "chat {chat} out of order ({})",
                store.backend()
            );
        }
        let failed = sink.got().iter().filter(|g| g.status == 503).count();
        assert_eq!(
            failed,
            6 * 2,
            "two failed attempts for each of the 6 flaky ones"
        );
        assert!(sink.got().iter().all(|g| g.verified));
        let retries = gateway_metrics.retries.load(Ordering::Relaxed);
        assert_eq!(retries, 12);
        let stats = store.stats().await.expect("stats");
        assert_eq!((stats.delivered, stats.pending, stats.dead), (24, 0, 0));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_dies_after_its_last_attempt_and_replays() {
    let dir = tempfile::tempdir().expect("temp dir");
    for store in common::stores(dir.path()).await {
        let secret = SigningSecret::generate();
        let healed = Arc::new(AtomicBool::new(false));
        let seen_healed = healed.clone();
        let policy: sink::Policy = Arc::new(move |_, _, body| {
            let poison = String::from_utf8_lossy(body).contains("poison");
            if poison && !seen_healed.load(Ordering::SeqCst) {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::OK
            }
        });
        let sink = sink::start(&secret.to_whsec(), policy).await;
        let (poison_id, poison_key) = insert(&store, &body(1, Some("X"), "poison")).await;
        let (_, after_key) = insert(&store, &body(2, Some("X"), "fine")).await;
        let worker =
            Worker::new(store.clone(), forwarder(&sink.url, &secret)).retry(fast_retries(3));
        let stop = spawn(worker);
        wait_for("the next message of the chat", || {
            sink.delivered().iter().any(|g| g.id == after_key)
        })
        .await;
        let attempts = sink.got().iter().filter(|g| g.id == poison_key).count();
        assert_eq!(attempts, 3, "max_attempts 3");
        // The sink has answered; the worker records the outcome just after.
        let mut stats = store.stats().await.expect("stats");
        for _ in 0..500 {
            if (stats.dead, stats.delivered) == (1, 1) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
            stats = store.stats().await.expect("stats");
        }
        assert_eq!((stats.dead, stats.delivered), (1, 1), "{}", store.backend());
        let dead = store
            .list(zapi_webhooks_inbox::Filter {
                state: Some(zapi_webhooks_inbox::State::Dead),
                ..Default::default()
            })
            .await
            .expect("list");
        assert_eq!(dead.len(), 1);
        assert_eq!((dead[0].id, dead[0].attempts), (poison_id, 3));
        assert_eq!(dead[0].last_error.as_deref(), Some("status 500"));

        healed.store(true, Ordering::SeqCst);
        assert_eq!(store.replay(Replay::AllDead).await.expect("replay"), 1);
        wait_for("the replayed delivery", || {
            sink.delivered().iter().any(|g| g.id == poison_key)
        })
        .await;
        stop().await.expect("worker");
        assert_eq!(store.stats().await.expect("stats").delivered, 2);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_target_that_keeps_failing_pauses_the_worker_until_a_probe_succeeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    for store in common::stores(dir.path()).await {
        let secret = SigningSecret::generate();
        let down = Arc::new(AtomicBool::new(true));
        let seen_down = down.clone();
        let policy: sink::Policy = Arc::new(move |_, _, _| {
            if seen_down.load(Ordering::SeqCst) {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                StatusCode::OK
            }
        });
        let sink = sink::start(&secret.to_whsec(), policy).await;
        for n in 0..40 {
            insert(&store, &body(n, None, "status")).await;
        }
        let metrics = Arc::new(zapi_webhooks_inbox::Metrics::default());
        let probe = Duration::from_millis(150);
        let worker = Worker::new(store.clone(), forwarder(&sink.url, &secret))
            .retry(fast_retries(50))
            .concurrency(4)
            .circuit_breaker(CircuitBreaker { failures: 3, probe })
            .metrics(metrics.clone());
        let stop = spawn(worker);
        wait_for("the pause", || metrics.paused.load(Ordering::SeqCst) == 1).await;
        // Paused: one attempt at a time, one per probe interval (without the breaker, 40
        // deliveries retried every 20 to 200 ms make hundreds of attempts in this time).
        tokio::time::sleep(Duration::from_millis(100)).await;
        let before = sink.got().len();
        tokio::time::sleep(Duration::from_millis(900)).await;
        let probes = sink.got().len() - before;
        assert!(
            (1..=7).contains(&probes),
            "{probes} attempts in 900 ms while paused ({})",
            store.backend()
        );
        let text = metrics.render(None);
        assert!(text.lines().any(|l| l == "zapi_inbox_paused 1"), "{text}");

        down.store(false, Ordering::SeqCst);
        wait_for("every delivery", || {
            let delivered: std::collections::HashSet<String> =
                sink.delivered().into_iter().map(|g| g.id).collect();
            delivered.len() == 40
        })
        .await;
        stop().await.expect("worker");
        assert_eq!(metrics.paused.load(Ordering::SeqCst), 0, "resumed");
        let got = sink.got();
        let failed = got.iter().filter(|g| g.status == 503).count();
        // The attempts under way when it paused (at most the concurrency, 4, after the 3 that
        // paused it) and the probes: the other deliveries kept their attempts.
        assert!(
            failed <= 3 + 4 + probes + 3,
            "{failed} failed attempts ({})",
            store.backend()
        );
        assert_eq!(sink.delivered().len(), 40, "each delivered once");
        let first_attempts = got
            .iter()
            .filter(|g| g.attempt == 1 && g.status == 200)
            .count();
        assert!(
            first_attempts >= 40 - failed,
            "{first_attempts} deliveries on their first attempt"
        );
        let stats = store.stats().await.expect("stats");
        assert_eq!((stats.delivered, stats.pending, stats.dead), (40, 0, 0));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_process_handlers_get_at_least_once_processing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = zapi_webhooks_inbox::open(&format!("sqlite:{}", dir.path().join("a.db").display()))
        .await
        .expect("open");
    for n in 0..10 {
        insert(&store, &body(n, Some("X"), "hi")).await;
    }
    // An async fn that fails each delivery's first attempt.
    let seen: Arc<Mutex<Vec<(i64, u32)>>> = Arc::default();
    let record = seen.clone();
    let handler = handler_fn(move |delivery: Delivery| {
        let record = record.clone();
        async move {
            record
                .lock()
                .expect("lock")
                .push((delivery.id, delivery.attempts));
            if delivery.attempts == 1 {
                Err("not yet")
            } else {
                Ok(())
            }
        }
    });
    let stop = spawn(Worker::new(store.clone(), handler).retry(fast_retries(3)));
    wait_for("10 processed", || {
        seen.lock()
            .map(|s| s.iter().filter(|(_, a)| *a == 2).count() == 10)
            .unwrap_or(false)
    })
    .await;
    stop().await.expect("worker");
    let seen = seen.lock().expect("lock").clone();
    // One chat: strictly one delivery after the other, each failing once then succeeding.
    let expected: Vec<(i64, u32)> = (1..=10).flat_map(|id| [(id, 1), (id, 2)]).collect();
    assert_eq!(seen, expected);

    // A tower service.
    #[derive(Clone)]
    struct Count(Arc<Mutex<Vec<i64>>>);
    impl tower_service::Service<Delivery> for Count {
        type Response = ();
        type Error = String;
        type Future = BoxFuture<'static, Result<(), String>>;
        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), String>> {
            Poll::Ready(Ok(()))
        }
        fn call(&mut self, delivery: Delivery) -> Self::Future {
            let list = self.0.clone();
            Box::pin(async move {
                list.lock().map_err(|e| e.to_string())?.push(delivery.id);
                Ok(())
            })
        }
    }
    let store = zapi_webhooks_inbox::open(&format!("sqlite:{}", dir.path().join("b.db").display()))
        .await
        .expect("open");
    for n in 0..5 {
        insert(&store, &body(n, None, "")).await;
    }
    let ids = Arc::new(Mutex::new(Vec::new()));
    let stop = spawn(Worker::new(
        store.clone(),
        ServiceHandler::new(Count(ids.clone())),
    ));
    wait_for("5 processed", || {
        ids.lock().map(|i| i.len() == 5).unwrap_or(false)
    })
    .await;
    stop().await.expect("worker");
    assert_eq!(store.stats().await.expect("stats").delivered, 5);
}

#[test]
fn the_forward_target_must_be_an_http_url() {
    let secret = SigningSecret::generate();
    for url in ["ftp://example.com/x", "not a url", "/relative", "http://"] {
        let error = Forwarder::new(url, secret.clone(), Duration::from_secs(1))
            .err()
            .expect(url);
        assert!(error.to_string().starts_with("forward target:"), "{error}");
    }
    assert!(Forwarder::new("https://example.com/hook", secret, Duration::from_secs(1)).is_ok());
    assert!(SigningSecret::parse("whsec_c2hvcnQ=").is_err(), "too short");
    let shown = format!("{:?}", SigningSecret::generate());
    assert_eq!(shown, "SigningSecret(redacted)");
}
