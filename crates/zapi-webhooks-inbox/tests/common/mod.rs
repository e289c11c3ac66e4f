//! What the inbox's tests share: a fresh store per backend, and the Postgres switch.

#![allow(dead_code)]

use std::sync::Arc;

use tokio_postgres::NoTls;
use zapi_webhooks_inbox::{Store, open};

/// The variable that names the Postgres server the tests use.
pub const POSTGRES_URL: &str = "ZAPI_INBOX_POSTGRES_URL";

/// The Postgres URL, or `None` (with the visible note) when it is not set; under `CI=true`
/// a missing URL fails the test.
pub fn postgres_url() -> Option<String> {
    match std::env::var(POSTGRES_URL) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{POSTGRES_URL} is not set under CI=true: .ci/postgres starts a server and sets it"
            );
            note_postgres_skipped();
            None
        }
    }
}

/// Says, once per test binary, that its Postgres tests did not run. Written to the process's
/// standard error itself: the test harness captures what `eprintln!` prints and shows it only
/// for a failing test, so a passing test's note would never be seen.
fn note_postgres_skipped() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\nNOTE: Postgres tests NOT run ({}): set \
             {POSTGRES_URL}=postgres://USER@127.0.0.1:PORT/DB (`source .ci/postgres` starts one)",
            // The test target this module is compiled into (`store`, `serve`, ...).
            env!("CARGO_CRATE_NAME")
        );
    });
}

/// A URL for a new, empty schema of the Postgres database at `url`: every test gets its own.
pub async fn fresh_postgres(url: &str) -> String {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .expect("connect to the test Postgres");
    tokio::spawn(connection);
    let schema = format!("t{:016x}", fastrand::u64(..));
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .await
        .expect("create the test schema");
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-csearch_path%3D{schema}")
}

/// A store location of each backend there is: a new SQLite file in `dir`, and a new Postgres
/// schema when the server is configured.
pub async fn locations(dir: &std::path::Path) -> Vec<String> {
    let mut found = vec![format!("sqlite:{}", dir.join("inbox.db").display())];
    if let Some(url) = postgres_url() {
        found.push(fresh_postgres(&url).await);
    }
    found
}

/// Opens every backend's store in turn.
pub async fn stores(dir: &std::path::Path) -> Vec<Arc<dyn Store>> {
    let mut stores = Vec::new();
    for location in locations(dir).await {
        stores.push(open(&location).await.expect("open the store"));
    }
    stores
}

pub mod sink;
