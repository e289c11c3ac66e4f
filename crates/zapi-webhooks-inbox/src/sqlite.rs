//! The SQLite backend: one file in WAL mode, written by one thread that commits every waiting
//! request in one transaction (group commit); a second thread syncs the log after each commit
//! and only then answers its requests ([`sync`]); the log is copied into the file by a thread
//! of its own ([`checkpoint`]).

mod checkpoint;
mod sched;
mod sync;

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use rusqlite::types::Type;
use rusqlite::{Connection, Row, params};
use tokio::sync::oneshot;

use self::checkpoint::Checkpoints;
use self::sync::{Flush, Syncer};
use crate::delivery::{
    Delivery, Filter, Inserted, NewDelivery, Outcome, Replay, State, Stats, now_millis,
};
use crate::migrate;
use crate::sql;
use crate::store::{Store, StoreError, StoreFuture};

/// The most requests one transaction takes.
const MAX_BATCH: usize = 1024;

/// The statements of [`sql`] in SQLite's form, written once (the statement cache is looked up
/// by text: building it for each call cost a `format!` and a `replace` per statement).
struct Statements {
    insert_pending: String,
    insert_claimed: String,
    insert_body: String,
    count_duplicates: String,
    order_key_open: String,
    claim: String,
    finish: String,
    list: String,
    replay_one: String,
    replay_dead: String,
}

static SQL: LazyLock<Statements> = LazyLock::new(|| Statements {
    insert_pending: sql::for_sqlite(&sql::insert(false, "")),
    insert_claimed: sql::for_sqlite(&sql::insert(true, "")),
    insert_body: sql::for_sqlite(sql::INSERT_BODY),
    count_duplicates: sql::for_sqlite(sql::COUNT_DUPLICATES),
    order_key_open: sql::for_sqlite(sql::ORDER_KEY_OPEN),
    claim: sql::for_sqlite(&sql::claim(" INDEXED BY deliveries_due", "")),
    finish: sql::for_sqlite(sql::FINISH),
    list: sql::for_sqlite(&sql::list()),
    replay_one: sql::for_sqlite(sql::REPLAY_ONE),
    replay_dead: sql::for_sqlite(sql::REPLAY_DEAD),
});

/// A store in one SQLite file (created if missing), durable on every commit.
///
/// Every request (insert, claim, finish, ...) is handed to one writer thread. The thread takes
/// every request waiting, runs them all in one transaction (should one fail, that transaction
/// is rolled back and run again with each request in a savepoint of its own, which undoes it
/// alone), commits once, and hands the transaction to a syncer thread, which syncs the
/// write-ahead log (`fdatasync`, once for every transaction committed since its last sync) and
/// only then answers them all; the writer meanwhile runs the next transaction. Deliveries
/// arriving while a commit or a sync is under way therefore share the next one: the rate is
/// bounded by the work per delivery, not by the disk's syncs per second. The log is
/// copied into the database file by a checkpointer thread while the writer goes on; the writer
/// copies only the rest, between transactions and after their answers, never within a commit.
///
/// Other processes may open the same file (the CLI's `inbox` commands do while `serve` runs):
/// they wait up to 5 s for the write lock.
pub struct SqliteStore {
    jobs: mpsc::Sender<Box<dyn Job>>,
    commits: Arc<AtomicU64>,
    syncs: Arc<AtomicU64>,
    /// A second connection for what only reads (`stats`, `list`): in WAL mode a reader never
    /// waits for the writer, nor holds it up.
    reader: Arc<std::sync::Mutex<Connection>>,
}

/// A request for the writer thread.
trait Job: Send {
    /// Runs within the transaction, keeping its result for [`Job::answer`]; says whether it
    /// succeeded. It may run a second time, in the writer's second transaction (see
    /// [`write_loop`]).
    fn run(&mut self, conn: &Connection) -> bool;
    /// Answers with the last run's result, once the transaction's fate is known.
    fn answer(self: Box<Self>, commit: Result<(), StoreError>);
    /// Answers with `error`, without running.
    fn fail(self: Box<Self>, error: StoreError);
}

struct Call<F, T> {
    work: F,
    answer: oneshot::Sender<Result<T, StoreError>>,
    result: Option<Result<T, StoreError>>,
}

impl<F, T> Job for Call<F, T>
where
    F: FnMut(&Connection) -> Result<T, StoreError> + Send,
    T: Send + 'static,
{
    fn run(&mut self, conn: &Connection) -> bool {
        let result = (self.work)(conn);
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn answer(self: Box<Self>, commit: Result<(), StoreError>) {
        let result = self
            .result
            .unwrap_or_else(|| Err(StoreError::new("sqlite: the request did not run")));
        // The caller may have gone (a closed connection): nothing to tell it then.
        let _ = self.answer.send(commit.and(result));
    }

    fn fail(self: Box<Self>, error: StoreError) {
        let _ = self.answer.send(Err(error));
    }
}

impl SqliteStore {
    /// Opens (or creates) the store at `path` and brings its schema up to date.
    pub async fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        SqliteStore::open_flushing(path.as_ref(), None).await
    }

    /// [`SqliteStore::open`], the log made durable by `flush` rather than by syncing its file
    /// (tests stand in for the disk with it).
    async fn open_flushing(path: &Path, flush: Option<Flush>) -> Result<SqliteStore, StoreError> {
        let path = path.to_owned();
        let reader_path = path.clone();
        let (opened, is_open) = oneshot::channel();
        let (jobs, queue) = mpsc::channel::<Box<dyn Job>>();
        let commits = Arc::new(AtomicU64::new(0));
        let counted = commits.clone();
        let syncs = Arc::new(AtomicU64::new(0));
        let synced = syncs.clone();
        std::thread::Builder::new()
            .name("zapi-inbox-sqlite".to_owned())
            .spawn(move || {
                sched::as_batch();
                let started = prepare(&path).and_then(|conn| {
                    let flush = match flush {
                        Some(flush) => flush,
                        None => sync::log_file(&conn)?,
                    };
                    let syncer = Syncer::start(flush, synced)?;
                    Ok((conn, Checkpoints::start(&path)?, syncer))
                });
                match started {
                    Ok((conn, mut checkpoints, syncer)) => {
                        let _ = opened.send(Ok(()));
                        write_loop(&conn, &queue, &counted, &mut checkpoints, &syncer);
                    }
                    Err(error) => {
                        let _ = opened.send(Err(error));
                    }
                }
            })
            .map_err(|e| StoreError::new(format!("sqlite: cannot start the writer: {e}")))?;
        is_open
            .await
            .map_err(|_| StoreError::new("sqlite: the writer stopped while opening"))??;
        let reader = Connection::open(&reader_path).map_err(|e| {
            StoreError::new(format!(
                "sqlite: cannot open {}: {e}",
                reader_path.display()
            ))
        })?;
        reader.busy_timeout(Duration::from_secs(5))?;
        Ok(SqliteStore {
            jobs,
            commits,
            syncs,
            reader: Arc::new(std::sync::Mutex::new(reader)),
        })
    }

    /// Runs `work` on the reading connection, on a blocking thread.
    async fn read<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let reader = self.reader.clone();
        tokio::task::spawn_blocking(move || {
            let conn = reader
                .lock()
                .map_err(|_| StoreError::new("sqlite: the reading connection failed"))?;
            work(&conn)
        })
        .await
        .map_err(|e| StoreError::new(format!("sqlite: the reading thread failed: {e}")))?
    }

    /// How many transactions the writer has committed since the store was opened: fewer than
    /// the requests answered when group commit shared them.
    pub fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }

    /// How many syncs of the write-ahead log the store has made since the store was opened:
    /// one after each commit, or one for the commits made while the previous sync was under
    /// way.
    pub fn syncs(&self) -> u64 {
        self.syncs.load(Ordering::Relaxed)
    }

    /// Runs `work` in the writer's next transaction; answers after its commit and the log's
    /// sync. `work` may run twice (only its last run counts), should another request of the
    /// transaction fail.
    async fn run<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        F: FnMut(&Connection) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        self.jobs
            .send(Box::new(Call {
                work,
                answer,
                result: None,
            }))
            .map_err(|_| StoreError::new("sqlite: the writer has stopped"))?;
        answered
            .await
            .map_err(|_| StoreError::new("sqlite: the writer stopped before answering"))?
    }
}

/// Opens the file with durable settings and applies the migrations.
fn prepare(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)
        .map_err(|e| StoreError::new(format!("sqlite: cannot open {}: {e}", path.display())))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::new(format!(
            "sqlite: {} cannot use the write-ahead log (journal mode {mode})",
            path.display()
        )));
    }
    // A commit writes the log without syncing it: the store syncs it itself before any
    // answer (see `sync`). SQLite's page cache of 2 MiB (its default), and no larger: at the
    // end of every transaction SQLite walks the whole cache (a page moved during a split takes
    // a number past every other, so that its truncation of the cache finds no shortcut), 12 %
    // of the gateway's CPU with 64 MiB.
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2048;")?;
    migrate_sqlite(&conn)?;
    // The checkpoints are the checkpointer's and the writer's, between transactions (see
    // `write_loop`): a WAL hook replaces the automatic checkpoint.
    checkpoint::hook(&conn);
    Ok(conn)
}

fn migrate_sqlite(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(migrate::TABLE)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| {
        let applied: Vec<i64> = conn
            .prepare("SELECT version FROM inbox_migrations")?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for migration in migrate::to_apply(&applied)? {
            conn.execute_batch(&migration.sql(migrate::Dialect::Sqlite))?;
            conn.execute(
                "INSERT INTO inbox_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![migration.version, migration.name, now_millis()],
            )?;
        }
        Ok::<(), StoreError>(())
    })();
    match result {
        Ok(()) => conn.execute_batch("COMMIT")?,
        Err(error) => {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(error);
        }
    }
    Ok(())
}

/// The writer: takes every waiting job, one transaction for all, and hands the committed
/// transaction to `syncer`, which answers it once the log is synced; meanwhile the writer goes
/// on with the next.
fn write_loop(
    conn: &Connection,
    queue: &mpsc::Receiver<Box<dyn Job>>,
    commits: &AtomicU64,
    checkpoints: &mut Checkpoints,
    syncer: &Syncer,
) {
    // Ends when every sender is gone, after the jobs already queued.
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        if let Err(error) = syncer.check() {
            for job in batch {
                job.fail(error.clone());
            }
            continue;
        }
        // Every request, without a savepoint of its own: a savepoint makes SQLite copy each
        // page a request first changes into a statement journal (5 % of the gateway's CPU).
        let all_ran = run_cached(conn, "BEGIN IMMEDIATE")
            .is_ok_and(|_| batch.iter_mut().all(|job| job.run(conn)));
        if !all_ran {
            // A request failed (rare: a full disk, a broken file) and may have left changes
            // of its own: nothing of that transaction stays. Again, each request within a
            // savepoint that undoes it alone should it fail again.
            let _ = conn.execute_batch("ROLLBACK");
            if let Err(error) = run_cached(conn, "BEGIN IMMEDIATE") {
                let error = StoreError::from(error);
                for job in batch {
                    job.fail(error.clone());
                }
                continue;
            }
            for job in &mut batch {
                let savepoint = run_cached(conn, "SAVEPOINT job");
                let ok = job.run(conn);
                if savepoint.is_ok() {
                    if !ok {
                        let _ = run_cached(conn, "ROLLBACK TO job");
                    }
                    let _ = run_cached(conn, "RELEASE job");
                }
            }
        }
        let commit = run_cached(conn, "COMMIT")
            .map(drop)
            .map_err(StoreError::from);
        match commit {
            Ok(()) => {
                commits.fetch_add(1, Ordering::Relaxed);
                syncer.after_commit(Box::new(move |durable| {
                    for job in batch {
                        job.answer(durable.clone());
                    }
                }));
            }
            Err(error) => {
                let _ = conn.execute_batch("ROLLBACK");
                for job in batch {
                    job.answer(Err(error.clone()));
                }
            }
        }
        checkpoints.after_commit(conn);
    }
}

/// Runs a statement without parameters, prepared once per connection.
fn run_cached(conn: &Connection, statement: &str) -> rusqlite::Result<usize> {
    conn.prepare_cached(statement)?.execute([])
}

/// When a lease taken at `now` ends.
fn lease_end(now: i64, lease: Duration) -> i64 {
    now.saturating_add(i64::try_from(lease.as_millis()).unwrap_or(i64::MAX))
}

/// Stores `delivery` (pending, or claimed until `claimed_until`), or counts it as a duplicate;
/// `order_key` is its facts' [`Facts::order_key`](crate::Facts::order_key).
fn insert_row(
    conn: &Connection,
    delivery: &NewDelivery,
    order_key: Option<&str>,
    claimed_until: Option<i64>,
) -> Result<Inserted, StoreError> {
    let facts = &delivery.facts;
    let insert = match claimed_until {
        Some(_) => &SQL.insert_claimed,
        None => &SQL.insert_pending,
    };
    let inserted = conn.prepare_cached(insert)?.execute(params![
        facts.dedupe_key,
        facts.callback,
        facts.kind,
        facts.chat,
        facts.instance,
        order_key,
        delivery.path,
        delivery.received_at,
        claimed_until.unwrap_or(delivery.received_at),
    ])?;
    // One row, or none for a duplicate (`ON CONFLICT DO NOTHING`).
    if inserted == 1 {
        let id = conn.last_insert_rowid();
        conn.prepare_cached(&SQL.insert_body)?
            .execute(params![id, &delivery.body[..]])?;
        Ok(Inserted::New(id))
    } else {
        conn.prepare_cached(&SQL.count_duplicates)?.execute([1])?;
        Ok(Inserted::Duplicate)
    }
}

impl sql::ColumnsRow for Row<'_> {
    type Error = rusqlite::Error;

    fn integer(&self, column: usize) -> rusqlite::Result<i64> {
        self.get(column)
    }

    fn text(&self, column: usize) -> rusqlite::Result<Option<String>> {
        self.get(column)
    }

    fn bytes(&self, column: usize) -> rusqlite::Result<Vec<u8>> {
        self.get(column)
    }

    fn invalid(&self, column: usize, problem: String) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            Type::Text,
            Box::new(StoreError::new(problem)),
        )
    }
}

/// A delivery from a row of [`sql::COLUMNS`].
fn delivery(row: &Row<'_>) -> rusqlite::Result<Delivery> {
    sql::delivery(row)
}

impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn insert(&self, delivery: NewDelivery) -> StoreFuture<'_, Inserted> {
        Box::pin(self.run(move |conn| {
            let order_key = delivery.facts.order_key();
            insert_row(conn, &delivery, order_key.as_deref(), None)
        }))
    }

    fn insert_claimed(
        &self,
        delivery: NewDelivery,
        lease: Duration,
    ) -> StoreFuture<'_, (Inserted, Option<Delivery>)> {
        Box::pin(self.run(move |conn| {
            // Within the writer's transaction: nothing of the chat can be stored meanwhile.
            let order_key = delivery.facts.order_key();
            if let Some(key) = &order_key {
                let open: bool = conn
                    .prepare_cached(&SQL.order_key_open)?
                    .query_row(params![key], |row| row.get(0))?;
                if open {
                    return Ok((insert_row(conn, &delivery, Some(key), None)?, None));
                }
            }
            let until = lease_end(now_millis(), lease);
            let inserted = insert_row(conn, &delivery, order_key.as_deref(), Some(until))?;
            let claimed = match inserted {
                Inserted::New(id) => Some(Delivery {
                    id,
                    dedupe_key: delivery.facts.dedupe_key.clone(),
                    callback: delivery.facts.callback.clone(),
                    kind: delivery.facts.kind.clone(),
                    chat: delivery.facts.chat.clone(),
                    instance: delivery.facts.instance.clone(),
                    path: delivery.path.clone(),
                    received_at: delivery.received_at,
                    body: delivery.body.clone(),
                    state: State::InFlight,
                    attempts: 1,
                    next_attempt_at: until,
                    last_error: None,
                }),
                _ => None,
            };
            Ok((inserted, claimed))
        }))
    }

    fn claim(&self, limit: usize, lease: Duration) -> StoreFuture<'_, Vec<Delivery>> {
        Box::pin(self.run(move |conn| {
            let now = now_millis();
            let until = lease_end(now, lease);
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let claimed: Vec<Delivery> = conn
                .prepare_cached(&SQL.claim)?
                .query_map(params![now, limit, until], delivery)?
                .collect::<Result<_, _>>()?;
            Ok(sql::in_arrival_order(claimed))
        }))
    }

    fn finish(&self, id: i64, attempt: u32, outcome: Outcome) -> StoreFuture<'_, bool> {
        Box::pin(self.run(move |conn| {
            let (state, next, finished, error) = outcome.columns(now_millis());
            let changed = conn.prepare_cached(&SQL.finish)?.execute(params![
                id,
                attempt,
                state.as_str(),
                next,
                finished,
                error
            ])?;
            Ok(changed == 1)
        }))
    }

    fn stats(&self) -> StoreFuture<'_, Stats> {
        Box::pin(self.read(|conn| {
            let mut stats = Stats::default();
            let mut statement = conn.prepare_cached(sql::COUNT_BY_STATE)?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let state: String = row.get(0)?;
                let count: i64 = row.get(1)?;
                stats.add(&state, u64::try_from(count).unwrap_or(0));
            }
            let duplicates: i64 = conn.query_row(sql::DUPLICATES, [], |row| row.get(0))?;
            stats.duplicates = u64::try_from(duplicates).unwrap_or(0);
            stats.received += stats.duplicates;
            Ok(stats)
        }))
    }

    fn list(&self, filter: Filter) -> StoreFuture<'_, Vec<Delivery>> {
        Box::pin(self.read(move |conn| {
            let limit = filter
                .limit
                .map_or(i64::MAX, |n| i64::try_from(n).unwrap_or(i64::MAX));
            let found = conn
                .prepare_cached(&SQL.list)?
                .query_map(
                    params![
                        filter.state.map(State::as_str),
                        filter.chat,
                        filter.kind,
                        filter.after_id.unwrap_or(0),
                        limit
                    ],
                    delivery,
                )?
                .collect::<Result<_, _>>()?;
            Ok(found)
        }))
    }

    fn replay(&self, which: Replay) -> StoreFuture<'_, u64> {
        Box::pin(self.run(move |conn| {
            let now = now_millis();
            let changed = match which {
                Replay::One(id) => conn
                    .prepare_cached(&SQL.replay_one)?
                    .execute(params![id, now])?,
                Replay::AllDead => conn
                    .prepare_cached(&SQL.replay_dead)?
                    .execute(params![now])?,
            };
            Ok(changed as u64)
        }))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    /// A request that fails, after changes of its own, leaves nothing behind, and the other
    /// requests of its transaction are stored all the same.
    #[test]
    fn a_failed_request_is_undone_alone() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("inbox.db");
        let conn = prepare(&path).expect("opens");
        let mut checkpoints = Checkpoints::start(&path).expect("starts");
        let (jobs, queue) = mpsc::channel::<Box<dyn Job>>();
        let runs = Arc::new(AtomicU64::new(0));
        let mut answers = Vec::new();
        for id in 1..=3_i64 {
            let (answer, answered) = oneshot::channel();
            let counted = runs.clone();
            let work = move |conn: &Connection| {
                counted.fetch_add(1, Ordering::Relaxed);
                conn.execute(&SQL.insert_body, params![id, b"body".to_vec()])?;
                if id == 2 {
                    return Err(StoreError::new("the second request fails"));
                }
                Ok(id)
            };
            let call = Call {
                work,
                answer,
                result: None,
            };
            jobs.send(Box::new(call)).expect("queued");
            answers.push(answered);
        }
        drop(jobs);
        let syncer = Syncer::start(Box::new(|| Ok(())), Arc::default()).expect("starts");
        write_loop(&conn, &queue, &AtomicU64::new(0), &mut checkpoints, &syncer);
        let answered: Vec<Result<i64, String>> = answers
            .into_iter()
            .map(|a| {
                a.blocking_recv()
                    .expect("answered")
                    .map_err(|e| e.to_string())
            })
            .collect();
        assert_eq!(answered[0], Ok(1));
        assert!(answered[1].as_ref().is_err_and(|e| e.contains("fails")));
        assert_eq!(answered[2], Ok(3));
        let stored: Vec<i64> = conn
            .prepare("SELECT id FROM delivery_bodies ORDER BY id")
            .expect("prepares")
            .query_map([], |row| row.get(0))
            .expect("runs")
            .collect::<Result<_, _>>()
            .expect("reads");
        assert_eq!(stored, [1, 3]);
        // The first transaction stopped at the failure; the second ran every request.
        assert_eq!(runs.load(Ordering::Relaxed), 2 + 3);
    }

    /// Stores one body through the writer, as any request goes.
    async fn store_body(store: &SqliteStore, id: i64) -> Result<i64, StoreError> {
        store
            .run(move |conn| {
                conn.execute(&SQL.insert_body, params![id, b"body".to_vec()])?;
                Ok(id)
            })
            .await
    }

    /// A store whose every sync waits for a message on the sender returned (the directory
    /// holding it goes with the first item).
    async fn held_syncs() -> (tempfile::TempDir, Arc<SqliteStore>, mpsc::Sender<()>) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let (release, released) = mpsc::channel::<()>();
        let flush: Flush = Box::new(move || {
            let _ = released.recv();
            Ok(())
        });
        let store = SqliteStore::open_flushing(&dir.path().join("inbox.db"), Some(flush))
            .await
            .expect("opens");
        (dir, Arc::new(store), release)
    }

    /// Waits until `done` holds, up to 5 s.
    async fn settle(done: impl Fn() -> bool) {
        let waited = Instant::now();
        while !done() && waited.elapsed() < Duration::from_secs(5) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// A commit is answered only once the log is synced: while the sync is held up, so is the
    /// answer.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_answer_waits_for_the_sync_of_its_commit() {
        let (_dir, store, release) = held_syncs().await;
        let storing = tokio::spawn({
            let store = store.clone();
            async move { store_body(&store, 1).await }
        });
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(store.commits(), 1, "committed");
        assert!(!storing.is_finished(), "answered before the log was synced");
        release.send(()).expect("the syncer waits");
        let stored = storing.await.expect("the task ends");
        assert_eq!(stored.map_err(|e| e.to_string()), Ok(1));
        assert_eq!(store.syncs(), 1);
    }

    /// The writer commits the next transaction while the last one's sync is under way, and the
    /// answers keep commit order: the later request is not answered before the earlier one's
    /// sync, and a sync begun after its commit covers it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_next_commit_does_not_wait_for_the_last_sync() {
        let (_dir, store, release) = held_syncs().await;
        let spawn_body = |id| {
            let store = store.clone();
            tokio::spawn(async move { store_body(&store, id).await })
        };
        let first = spawn_body(1);
        settle(|| store.syncs() >= 1).await;
        assert_eq!(store.syncs(), 1, "the first sync started");
        let second = spawn_body(2);
        settle(|| store.commits() >= 2).await;
        assert_eq!(
            store.commits(),
            2,
            "committed while the first sync was held up"
        );
        assert!(
            !first.is_finished() && !second.is_finished(),
            "answered before a sync"
        );
        // The first sync ends: the first request is answered, the second waits for its own.
        release.send(()).expect("the syncer waits");
        let stored = first.await.expect("the task ends");
        assert_eq!(stored.map_err(|e| e.to_string()), Ok(1));
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(
            !second.is_finished(),
            "answered without a sync after its commit"
        );
        assert_eq!(store.syncs(), 2, "the second sync started");
        release.send(()).expect("the syncer waits");
        let stored = second.await.expect("the task ends");
        assert_eq!(stored.map_err(|e| e.to_string()), Ok(2));
    }

    /// A failed sync fails the requests it covered, and every later one without trying again:
    /// after such a failure the kernel may have dropped the pages without a later sync saying
    /// so.
    #[tokio::test]
    async fn after_a_failed_sync_the_store_takes_nothing() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let tries = Arc::new(AtomicU64::new(0));
        let counted = tries.clone();
        let flush: Flush = Box::new(move || {
            counted.fetch_add(1, Ordering::Relaxed);
            Err(std::io::Error::other("the disk is gone"))
        });
        let store = SqliteStore::open_flushing(&dir.path().join("inbox.db"), Some(flush))
            .await
            .expect("opens");
        let first = store_body(&store, 1).await.map_err(|e| e.to_string());
        assert!(
            first
                .as_ref()
                .is_err_and(|e| e.contains("cannot sync the write-ahead log: the disk is gone")),
            "{first:?}"
        );
        let second = store_body(&store, 2).await.map_err(|e| e.to_string());
        assert!(
            second
                .as_ref()
                .is_err_and(|e| e.contains("an earlier sync of the write-ahead log failed")),
            "{second:?}"
        );
        assert_eq!(tries.load(Ordering::Relaxed), 1);
        assert_eq!(store.commits(), 1, "the second request never ran");
    }

    /// The claim runs once per burst of finished attempts: SQLite must not compile it again
    /// each time (it did, 6 % of the gateway's CPU, while its limit was a bare `LIMIT ?`).
    #[test]
    fn the_claim_is_compiled_once() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let conn = prepare(&dir.path().join("inbox.db")).expect("opens");
        let mut statement = conn.prepare(&SQL.claim).expect("prepares");
        for (now, limit) in [(1_i64, 16_i64), (2, 3), (3, 1), (4, 16)] {
            let claimed = statement
                .query_map(params![now, limit, now + 10], delivery)
                .expect("runs")
                .count();
            assert_eq!(claimed, 0);
        }
        let recompiled = statement.get_status(rusqlite::StatementStatus::RePrepare);
        assert_eq!(
            recompiled, 0,
            "the claim was compiled again {recompiled} times"
        );
    }

    /// Every index an insert writes is one the claims or the dedupe need: the bodies are keyed
    /// by SQLite's rowid itself (`BIGINT PRIMARY KEY` would add an index of its own).
    #[test]
    fn the_schema_has_only_the_indexes_the_store_uses() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let conn = prepare(&dir.path().join("inbox.db")).expect("opens");
        let mut statement = conn
            .prepare("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' ORDER BY 1, 2")
            .expect("prepares");
        let indexes: Vec<(String, String)> = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .expect("runs")
            .collect::<Result<_, _>>()
            .expect("reads");
        let names: Vec<String> = indexes.iter().map(|(t, n)| format!("{t}.{n}")).collect();
        assert_eq!(
            names,
            [
                "deliveries.deliveries_due",
                "deliveries.deliveries_open_by_order",
                "deliveries.sqlite_autoindex_deliveries_1",
                "inbox_counters.sqlite_autoindex_inbox_counters_1",
                "inbox_migrations.sqlite_autoindex_inbox_migrations_1",
            ],
            "the dedupe key's unique index, the two the claims use, the counters' and the \
             migrations' keys"
        );
    }
}
