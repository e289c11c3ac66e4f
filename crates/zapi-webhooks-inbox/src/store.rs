//! The store: one trait, two backends ([`SqliteStore`], [`PostgresStore`]).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use crate::delivery::{Delivery, Filter, Inserted, NewDelivery, Outcome, Replay, Stats};
use crate::postgres::PostgresStore;
use crate::sqlite::SqliteStore;

/// A boxed future that can move between threads: what the [`Store`] methods return, so that
/// a store can be used as `Arc<dyn Store>`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What every [`Store`] method returns: a [`BoxFuture`] of its answer or a [`StoreError`].
pub type StoreFuture<'a, T> = BoxFuture<'a, Result<T, StoreError>>;

/// A durable inbox of deliveries.
///
/// Every method that writes returns once its change is committed (on disk, for SQLite with
/// its durable settings). Deliveries are unique by dedupe key, enforced by the database.
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Stores a delivery, unless one with the same dedupe key is stored (then only the
    /// duplicate count grows). Returns after the commit.
    fn insert(&self, delivery: NewDelivery) -> StoreFuture<'_, Inserted>;

    /// Stores a delivery as [`Store::insert`] does and, when no earlier delivery of its chat
    /// is pending or in flight, claims it for `lease` in the same transaction (in flight, its
    /// first attempt started) and returns it: the caller then attempts it at once, as if a
    /// [`Store::claim`] had returned it (if the caller dies first, the lease ends and a claim
    /// takes it). The gateway hands new deliveries to its process's worker this way, without
    /// a claim of its own. The default claims nothing: a plain insert.
    fn insert_claimed(
        &self,
        delivery: NewDelivery,
        lease: Duration,
    ) -> StoreFuture<'_, (Inserted, Option<Delivery>)> {
        let _ = lease;
        Box::pin(async move { Ok((self.insert(delivery).await?, None)) })
    }

    /// Claims up to `limit` deliveries that are due, the longest due first (new deliveries in
    /// arrival order), for `lease`: each becomes
    /// [`State::InFlight`](crate::State::InFlight) with one more attempt. A delivery is due when
    /// it is pending and its next attempt time has come, or in flight and its lease ended. A
    /// delivery of a chat is not claimed while an earlier one of the same chat is pending or
    /// in flight, so a chat's deliveries are processed in arrival order.
    fn claim(&self, limit: usize, lease: Duration) -> StoreFuture<'_, Vec<Delivery>>;

    /// Records how the attempt `attempt` of delivery `id` ended. Returns `false` when that
    /// attempt no longer holds the delivery (its lease ended and another worker claimed it).
    fn finish(&self, id: i64, attempt: u32, outcome: Outcome) -> StoreFuture<'_, bool>;

    /// The counts of `inbox stats`.
    fn stats(&self) -> StoreFuture<'_, Stats>;

    /// The deliveries that match `filter`, oldest first, bodies included.
    fn list(&self, filter: Filter) -> StoreFuture<'_, Vec<Delivery>>;

    /// Sets deliveries back to pending with their attempts reset, due now. Returns how many.
    fn replay(&self, which: Replay) -> StoreFuture<'_, u64>;
}

/// A store that failed: the database's error, or a store location that is not understood.
/// The message never contains a password from a Postgres URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(String);

impl StoreError {
    pub(crate) fn new(message: impl Into<String>) -> StoreError {
        StoreError(message.into())
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "inbox store: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        StoreError(format!("sqlite: {error}"))
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(error: tokio_postgres::Error) -> StoreError {
        // tokio-postgres' errors name the server's message, never the connection's password.
        StoreError(format!("postgres: {error}"))
    }
}

/// Opens the store a setting names: `sqlite:PATH` (a file, created if missing) or
/// `postgres://...` / `postgresql://...`. Applies the schema's migrations.
///
/// Must be called within a Tokio runtime (the Postgres connection runs on it).
pub async fn open(location: &str) -> Result<Arc<dyn Store>, StoreError> {
    if let Some(path) = location.strip_prefix("sqlite:") {
        let path = path.strip_prefix("//").unwrap_or(path);
        if path.is_empty() {
            return Err(StoreError::new("sqlite: needs a file path: sqlite:PATH"));
        }
        return Ok(Arc::new(SqliteStore::open(path).await?));
    }
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        return Ok(Arc::new(PostgresStore::connect(location).await?));
    }
    Err(StoreError::new(
        "the store must be sqlite:PATH or postgres://URL",
    ))
}
