//! One suite, run against every backend: SQLite always, Postgres when
//! `ZAPI_INBOX_POSTGRES_URL` is set (and required under `CI=true`).

mod common;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use zapi_webhooks::Callback;
use zapi_webhooks_inbox::{
    Facts, Filter, Inserted, NewDelivery, Outcome, Replay, State, Store, now_millis,
};

const LEASE: Duration = Duration::from_secs(60);

/// A delivery of chat `chat` (none for `None`) whose body is unique to `n`.
fn delivery(n: u32, chat: Option<&str>) -> NewDelivery {
    let body = match chat {
        Some(chat) => format!(
            r#"{{"type":"ReceivedCallback","instanceId":"I1","phone":"{chat}","messageId":"M{n}","text":{{"message":"n{n}"}}}}"#
        ),
        None => format!(r#"{{"type":"ConnectedCallback","instanceId":"I1","momment":{n}}}"#),
    };
    let callback = Callback::from_slice(body.as_bytes()).expect("the test body parses");
    let facts = Facts::of(&callback);
    NewDelivery::new(facts, "/webhook", Bytes::from(body))
}

fn new_id(inserted: Inserted) -> i64 {
    match inserted {
        Inserted::New(id) => id,
        other => panic!("expected a new delivery, got {other:?}"),
    }
}

/// Runs `suite` once per backend.
async fn each_backend<F, Fut>(suite: F)
where
    F: Fn(Arc<dyn Store>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("temp dir");
    for store in common::stores(dir.path()).await {
        eprintln!("backend {}", store.backend());
        suite(store).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stores_once_and_counts_duplicates() {
    each_backend(|store| async move {
        let first = delivery(1, Some("5511"));
        let body = first.body.clone();
        let id = new_id(store.insert(first.clone()).await.expect("insert"));
        assert_eq!(
            store.insert(first).await.expect("insert again"),
            Inserted::Duplicate
        );
        let stats = store.stats().await.expect("stats");
        assert_eq!(
            (
                stats.received,
                stats.duplicates,
                stats.pending,
                stats.delivered,
                stats.dead
            ),
            (2, 1, 1, 0, 0)
        );
        let listed = store.list(Filter::default()).await.expect("list");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].id, id);
        assert_eq!(listed[0].body, body, "the body comes back byte for byte");
        assert_eq!(listed[0].state, State::Pending);
        assert_eq!(listed[0].chat.as_deref(), Some("5511"));
        assert_eq!(listed[0].kind, "text");
        assert_eq!(listed[0].callback, "ReceivedCallback");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_duplicates_are_resolved_by_the_store() {
    each_backend(|store| async move {
        let mut tasks = Vec::new();
        for n in 0..40 {
            let store = store.clone();
            // 20 different deliveries, each sent twice at the same time.
            tasks.push(tokio::spawn(async move {
                store.insert(delivery(n % 20, None)).await
            }));
        }
        let mut new = 0;
        for task in tasks {
            if let Inserted::New(_) = task.await.expect("task").expect("insert") {
                new += 1;
            }
        }
        assert_eq!(new, 20);
        let stats = store.stats().await.expect("stats");
        assert_eq!(
            (stats.received, stats.duplicates, stats.pending),
            (40, 20, 20)
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chat_is_claimed_in_arrival_order() {
    each_backend(|store| async move {
        let x1 = new_id(store.insert(delivery(1, Some("X"))).await.expect("x1"));
        let x2 = new_id(store.insert(delivery(2, Some("X"))).await.expect("x2"));
        let x3 = new_id(store.insert(delivery(3, Some("X"))).await.expect("x3"));
        let y1 = new_id(store.insert(delivery(4, Some("Y"))).await.expect("y1"));
        let free = new_id(store.insert(delivery(5, None)).await.expect("free"));
        let free2 = new_id(store.insert(delivery(6, None)).await.expect("free2"));

        let ids = |claimed: &[zapi_webhooks_inbox::Delivery]| -> Vec<i64> {
            claimed.iter().map(|d| d.id).collect()
        };
        let claimed = store.claim(10, LEASE).await.expect("claim");
        assert_eq!(ids(&claimed), [x1, y1, free, free2]);
        assert!(
            claimed
                .iter()
                .all(|d| d.state == State::InFlight && d.attempts == 1)
        );
        // Nothing more while x1 is in flight.
        assert!(store.claim(10, LEASE).await.expect("claim").is_empty());

        // x1 fails and waits for a retry far ahead: x2 and x3 still wait behind it.
        let retry = Outcome::Retry {
            at: now_millis() + 3_600_000,
            error: "status 500".into(),
        };
        assert!(store.finish(x1, 1, retry).await.expect("finish"));
        assert!(store.claim(10, LEASE).await.expect("claim").is_empty());

        // Replayed (due now), x1 comes back first, then x2 after it is delivered.
        assert_eq!(store.replay(Replay::One(x1)).await.expect("replay"), 1);
        let claimed = store.claim(10, LEASE).await.expect("claim");
        assert_eq!(ids(&claimed), [x1]);
        assert!(
            store
                .finish(x1, 1, Outcome::Delivered)
                .await
                .expect("finish")
        );
        let claimed = store.claim(10, LEASE).await.expect("claim");
        assert_eq!(ids(&claimed), [x2]);

        // A dead delivery does not block its chat.
        let dead = Outcome::Dead {
            error: "gave up".into(),
        };
        assert!(store.finish(x2, 1, dead).await.expect("finish"));
        let claimed = store.claim(10, LEASE).await.expect("claim");
        assert_eq!(ids(&claimed), [x3]);

        let stats = store.stats().await.expect("stats");
        assert_eq!(
            (stats.delivered, stats.dead, stats.in_flight, stats.pending),
            (1, 1, 4, 4)
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_lease_gives_the_delivery_to_the_next_claim() {
    each_backend(|store| async move {
        let id = new_id(store.insert(delivery(1, Some("X"))).await.expect("insert"));
        let first = store
            .claim(1, Duration::from_millis(1))
            .await
            .expect("claim");
        assert_eq!(first.len(), 1);
        tokio::time::sleep(Duration::from_millis(20)).await;
        let second = store.claim(1, LEASE).await.expect("claim again");
        assert_eq!(second.len(), 1);
        assert_eq!((second[0].id, second[0].attempts), (id, 2));
        // The first worker's late answer no longer counts; the second's does.
        assert!(!store.finish(id, 1, Outcome::Delivered).await.expect("late"));
        assert!(
            store
                .finish(id, 2, Outcome::Delivered)
                .await
                .expect("finish")
        );
        assert!(
            !store
                .finish(id, 2, Outcome::Delivered)
                .await
                .expect("twice")
        );
        assert_eq!(store.stats().await.expect("stats").delivered, 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_claimed_as_it_is_stored_keeps_order_dedupe_and_leases() {
    each_backend(|store| async move {
        let short = Duration::from_millis(1);
        let (inserted, claimed) = store
            .insert_claimed(delivery(1, Some("X")), short)
            .await
            .expect("insert claimed");
        let id = new_id(inserted);
        // SQLite claims it as it stores it; a backend may also leave it to a claim.
        if store.backend() == "sqlite" {
            assert!(claimed.is_some(), "sqlite did not claim it");
        }
        if let Some(claimed) = &claimed {
            assert_eq!(
                (claimed.id, claimed.state, claimed.attempts),
                (id, State::InFlight, 1)
            );
            assert!(claimed.body.ends_with(b"}"));
            assert!(claimed.next_attempt_at >= claimed.received_at);
        }
        // The same chat's next delivery waits for it, claimed or not.
        let (inserted, next_claimed) = store
            .insert_claimed(delivery(2, Some("X")), LEASE)
            .await
            .expect("insert next");
        let next = new_id(inserted);
        assert!(next_claimed.is_none(), "a chat's later delivery overtook");
        // Another chat's does not wait.
        let (other, _) = store
            .insert_claimed(delivery(3, Some("Y")), LEASE)
            .await
            .expect("insert other");
        new_id(other);
        // A duplicate is neither stored nor claimed.
        let (duplicate, none) = store
            .insert_claimed(delivery(1, Some("X")), LEASE)
            .await
            .expect("duplicate");
        assert_eq!((duplicate, none.map(|d| d.id)), (Inserted::Duplicate, None));

        // Its lease ends (the process died): a claim takes it, as the next attempt.
        tokio::time::sleep(Duration::from_millis(20)).await;
        let again: Vec<_> = store
            .claim(10, LEASE)
            .await
            .expect("claim")
            .into_iter()
            .filter(|d| d.chat.as_deref() == Some("X"))
            .map(|d| (d.id, d.attempts))
            .collect();
        let attempts = if claimed.is_some() { 2 } else { 1 };
        assert_eq!(again, vec![(id, attempts)]);
        if claimed.is_some() {
            assert!(!store.finish(id, 1, Outcome::Delivered).await.expect("late"));
        }
        assert!(
            store
                .finish(id, attempts, Outcome::Delivered)
                .await
                .expect("finish")
        );
        // Only then the chat's next delivery.
        let then: Vec<i64> = store
            .claim(10, LEASE)
            .await
            .expect("claim next")
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(then, vec![next]);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dead_deliveries_are_kept_listed_and_replayed() {
    each_backend(|store| async move {
        for n in 0..3 {
            store
                .insert(delivery(n, Some(&format!("C{n}"))))
                .await
                .expect("insert");
        }
        let claimed = store.claim(10, LEASE).await.expect("claim");
        assert_eq!(claimed.len(), 3);
        for d in &claimed[..2] {
            let dead = Outcome::Dead {
                error: format!("status 500 for {}", d.id),
            };
            assert!(store.finish(d.id, d.attempts, dead).await.expect("finish"));
        }
        let dead = store
            .list(Filter {
                state: Some(State::Dead),
                ..Filter::default()
            })
            .await
            .expect("list dead");
        assert_eq!(dead.len(), 2);
        assert!(
            dead[0]
                .last_error
                .as_deref()
                .is_some_and(|e| e.starts_with("status 500"))
        );
        let by_chat = store
            .list(Filter {
                chat: Some("C2".into()),
                ..Filter::default()
            })
            .await
            .expect("list by chat");
        assert_eq!(by_chat.len(), 1);
        assert_eq!(by_chat[0].state, State::InFlight);
        let by_kind = store
            .list(Filter {
                kind: Some("image".into()),
                ..Filter::default()
            })
            .await
            .expect("list by kind");
        assert!(by_kind.is_empty());
        let page = store
            .list(Filter {
                after_id: Some(dead[0].id),
                limit: Some(1),
                ..Filter::default()
            })
            .await
            .expect("page");
        assert_eq!(page.len(), 1);
        assert_eq!(page[0].id, dead[1].id);
        // An in-flight delivery is not replayed (its worker holds it).
        assert_eq!(
            store
                .replay(Replay::One(claimed[2].id))
                .await
                .expect("replay"),
            0
        );

        assert_eq!(store.replay(Replay::AllDead).await.expect("replay"), 2);
        let again = store.claim(10, LEASE).await.expect("claim");
        assert_eq!(again.len(), 2);
        assert!(again.iter().all(|d| d.attempts == 1), "attempts start over");
        let stats = store.stats().await.expect("stats");
        assert_eq!((stats.dead, stats.pending, stats.in_flight), (0, 3, 3));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reopening_keeps_everything_and_migrates_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    for location in common::locations(dir.path()).await {
        let body;
        {
            let store = zapi_webhooks_inbox::open(&location).await.expect("open");
            let first = delivery(7, Some("X"));
            body = first.body.clone();
            new_id(store.insert(first).await.expect("insert"));
        }
        let store = zapi_webhooks_inbox::open(&location).await.expect("reopen");
        let listed = store.list(Filter::default()).await.expect("list");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].body, body);
        assert_eq!(
            store.insert(delivery(7, Some("X"))).await.expect("again"),
            Inserted::Duplicate
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_commits_concurrent_inserts_together() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(
        zapi_webhooks_inbox::SqliteStore::open(dir.path().join("inbox.db"))
            .await
            .expect("open"),
    );
    let before = store.commits();
    let syncs_before = store.syncs();
    let mut tasks = Vec::new();
    for n in 0..500 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store.insert(delivery(n, None)).await
        }));
    }
    for task in tasks {
        new_id(task.await.expect("task").expect("insert"));
    }
    let commits = store.commits() - before;
    eprintln!("500 concurrent inserts: {commits} commits");
    assert!(
        commits < 250,
        "{commits} commits for 500 inserts: no group commit"
    );
    // The syncer makes one sync for every commit made while the previous sync was under way,
    // so there are at most as many syncs as commits, and at least one.
    let syncs = store.syncs() - syncs_before;
    eprintln!("500 concurrent inserts: {syncs} syncs of the log");
    assert!(
        (1..=commits).contains(&syncs),
        "{syncs} syncs for {commits} commits: each answer needs a sync, and a sync covers one commit or more"
    );
    assert_eq!(store.stats().await.expect("stats").pending, 500);
}

#[test]
fn a_bad_location_is_a_clear_error() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        for (location, expected) in [
            (
                "mysql://x",
                "the store must be sqlite:PATH or postgres://URL",
            ),
            ("sqlite:", "sqlite: needs a file path"),
            (
                "sqlite:/nonexistent-dir/x/inbox.db",
                "cannot open /nonexistent-dir/x/inbox.db",
            ),
            (
                "postgres://user:hunter2@127.0.0.1:1/db",
                "postgres: cannot connect",
            ),
        ] {
            let error = zapi_webhooks_inbox::open(location)
                .await
                .err()
                .expect(location);
            let shown = error.to_string();
            assert!(shown.contains(expected), "{location}: {shown}");
            assert!(!shown.contains("hunter2"), "{shown}");
        }
    });
}

/// What the note checker below runs in a child process of this test binary: asks for the
/// Postgres URL, as every suite here does.
#[test]
fn postgres_url_asked() {
    let _ = common::postgres_url();
}

/// Without a Postgres URL (and outside CI), the skipped Postgres tests are said on the test
/// binary's standard error even though the harness captures the tests' own output: this
/// binary, run again for `postgres_url_asked` alone with the variables removed, must show the
/// note.
#[test]
fn skipped_postgres_tests_are_said_past_the_capture() {
    let binary = std::env::current_exe().expect("this test binary");
    let run = std::process::Command::new(binary)
        .args(["--exact", "postgres_url_asked", "--test-threads", "1"])
        .env_remove(common::POSTGRES_URL)
        .env_remove("CI")
        .output()
        .expect("the test binary runs again");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "the probe ran: {stdout}");
    assert!(
        stderr.contains("NOTE: Postgres tests NOT run (store):"),
        "no visible note on stderr: {stderr}"
    );
    assert!(stderr.contains(common::POSTGRES_URL), "{stderr}");
}
