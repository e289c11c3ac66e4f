//! The statements both backends run, written once with Postgres' `$N` parameters (SQLite reads
//! them as `?N`, see [`for_sqlite`]). Only the claim differs: Postgres adds
//! `FOR UPDATE SKIP LOCKED` so that workers on several replicas never claim the same row, and
//! SQLite names the index of due deliveries (without statistics its planner would walk every
//! open delivery, in backoff or not, on every claim), and SQLite's insert reads the new id from
//! the connection rather than `RETURNING`. Reading a delivery back from a row is here too, once
//! for both ([`delivery`] over each backend's [`ColumnsRow`]).

use bytes::Bytes;

use crate::delivery::{Delivery, State};

/// The columns of a [`Delivery`], in the order the backends read them; the
/// body, kept in a table of its own, last.
pub(crate) const COLUMNS: &str = "id, dedupe_key, callback, kind, chat, instance, path, \
    received_at, state, attempts, next_attempt_at, last_error, \
    (SELECT body FROM delivery_bodies AS b WHERE b.id = deliveries.id)";

/// A row of [`COLUMNS`] as a backend reads it: the few typed reads [`delivery`] makes.
pub(crate) trait ColumnsRow {
    /// The backend's error.
    type Error;
    /// An integer column.
    fn integer(&self, column: usize) -> Result<i64, Self::Error>;
    /// A text column that may be null.
    fn text(&self, column: usize) -> Result<Option<String>, Self::Error>;
    /// A blob column.
    fn bytes(&self, column: usize) -> Result<Vec<u8>, Self::Error>;
    /// The error for a value of `column` that is not what a delivery holds there.
    fn invalid(&self, column: usize, problem: String) -> Self::Error;
}

/// The delivery in a row of [`COLUMNS`], from either backend.
pub(crate) fn delivery<R: ColumnsRow>(row: &R) -> Result<Delivery, R::Error> {
    let text = |column| {
        row.text(column)?
            .ok_or_else(|| row.invalid(column, "null where text is expected".to_owned()))
    };
    let attempts = row.integer(9)?;
    Ok(Delivery {
        id: row.integer(0)?,
        dedupe_key: text(1)?,
        callback: text(2)?,
        kind: text(3)?,
        chat: row.text(4)?,
        instance: row.text(5)?,
        path: text(6)?,
        received_at: row.integer(7)?,
        state: text(8)?
            .parse::<State>()
            .map_err(|problem| row.invalid(8, problem))?,
        attempts: u32::try_from(attempts)
            .map_err(|_| row.invalid(9, format!("{attempts} attempts")))?,
        next_attempt_at: row.integer(10)?,
        last_error: row.text(11)?,
        body: Bytes::from(row.bytes(12)?),
    })
}

/// `$1..$9`: dedupe key, callback, kind, chat, instance, order key, path, arrival, next
/// attempt time. Inserts nothing for a duplicate. `claimed` stores it already claimed (in
/// flight, its first attempt started, `$9` the lease's end) for the worker of the process that
/// stores it; otherwise it waits (pending, `$9` its first attempt time). `returning` follows
/// the statement: Postgres reads the new id with `RETURNING id` (no row for a duplicate);
/// SQLite, without it, from the connection (a `RETURNING` costs SQLite a temporary table per
/// insert).
pub(crate) fn insert(claimed: bool, returning: &str) -> String {
    let (state, attempts) = if claimed {
        ("in_flight", 1)
    } else {
        ("pending", 0)
    };
    format!(
        "INSERT INTO deliveries \
         (dedupe_key, callback, kind, chat, instance, order_key, path, received_at, \
         next_attempt_at, state, attempts) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '{state}', {attempts}) \
         ON CONFLICT (dedupe_key) DO NOTHING{returning}"
    )
}

/// `$1`: an order key. Whether a delivery with it is pending or in flight: a new delivery of
/// that chat must then wait for it.
pub(crate) const ORDER_KEY_OPEN: &str = "SELECT EXISTS (SELECT 1 FROM deliveries \
    WHERE order_key = $1 AND state IN ('pending', 'in_flight'))";

/// `$1`: the new delivery's id, `$2`: its body.
pub(crate) const INSERT_BODY: &str = "INSERT INTO delivery_bodies (id, body) VALUES ($1, $2)";

/// `$1`: how many duplicates to add.
pub(crate) const COUNT_DUPLICATES: &str =
    "UPDATE inbox_counters SET value = value + $1 WHERE name = 'duplicates'";

/// `$1`: now, `$2`: how many, `$3`: the lease's end. The longest due first, in the order of
/// the index of due deliveries, so that a claim reads about `$2` entries of it however many
/// wait (ordered by id alone, it sorted every due delivery on each claim). `index` follows the table's name in
/// the choice of rows, `lock` is appended to it. The limit is an expression, not a bare
/// parameter: SQLite plans with the value of a bare `LIMIT ?`, so that a new value makes it
/// compile the statement again, on every claim.
pub(crate) fn claim(index: &str, lock: &str) -> String {
    format!(
        "UPDATE deliveries SET state = 'in_flight', attempts = attempts + 1, next_attempt_at = $3 \
         WHERE id IN (\
            SELECT d.id FROM deliveries AS d{index} \
            WHERE d.state IN ('pending', 'in_flight') AND d.next_attempt_at <= $1 \
            AND (d.order_key IS NULL OR NOT EXISTS (\
                SELECT 1 FROM deliveries AS e \
                WHERE e.order_key = d.order_key AND e.id < d.id \
                AND e.state IN ('pending', 'in_flight'))) \
            ORDER BY d.next_attempt_at, d.id LIMIT CAST($2 AS BIGINT){lock}) \
         RETURNING {COLUMNS}"
    )
}

/// What a claim returns: its rows, which come in no set order, in arrival (id) order.
pub(crate) fn in_arrival_order(mut claimed: Vec<Delivery>) -> Vec<Delivery> {
    claimed.sort_by_key(|d| d.id);
    claimed
}

/// `$1`: id, `$2`: the attempt, `$3`: new state, `$4`: next attempt time, `$5`: finish time
/// (or null), `$6`: the error (or null).
pub(crate) const FINISH: &str = "UPDATE deliveries \
    SET state = $3, next_attempt_at = $4, finished_at = $5, last_error = $6 \
    WHERE id = $1 AND attempts = $2 AND state = 'in_flight'";

/// The number of deliveries per state.
pub(crate) const COUNT_BY_STATE: &str = "SELECT state, COUNT(*) FROM deliveries GROUP BY state";

/// The duplicate count.
pub(crate) const DUPLICATES: &str = "SELECT value FROM inbox_counters WHERE name = 'duplicates'";

/// `$1`: state or null, `$2`: chat or null, `$3`: kind or null, `$4`: ids above, `$5`: how many.
pub(crate) fn list() -> String {
    format!(
        "SELECT {COLUMNS} FROM deliveries \
         WHERE (CAST($1 AS TEXT) IS NULL OR state = $1) \
         AND (CAST($2 AS TEXT) IS NULL OR chat = $2) \
         AND (CAST($3 AS TEXT) IS NULL OR kind = $3) AND id > $4 ORDER BY id LIMIT $5"
    )
}

/// `$1`: id, `$2`: now.
pub(crate) const REPLAY_ONE: &str = "UPDATE deliveries \
    SET state = 'pending', attempts = 0, next_attempt_at = $2, finished_at = NULL, last_error = NULL \
    WHERE id = $1 AND state <> 'in_flight'";

/// `$1`: now.
pub(crate) const REPLAY_DEAD: &str = "UPDATE deliveries \
    SET state = 'pending', attempts = 0, next_attempt_at = $1, finished_at = NULL, last_error = NULL \
    WHERE state = 'dead'";

/// A statement with SQLite's numbered parameters (`?N`) for Postgres' (`$N`); SQLite reads
/// `$N` as a named parameter numbered by first appearance, which is not what is meant.
pub(crate) fn for_sqlite(statement: &str) -> String {
    statement.replace('$', "?")
}
