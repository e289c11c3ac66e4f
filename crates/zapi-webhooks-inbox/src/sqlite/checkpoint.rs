//! Checkpoints of the write-ahead log, off the writer's path: a thread of its own copies the
//! log into the database file while the writer goes on committing; the writer then copies only
//! what was committed meanwhile, so that the log starts over from its beginning. A checkpoint
//! within the writer (SQLite's automatic one, or the writer's own of the whole log) held every
//! delivery waiting behind it for the time of copying the log and syncing the file: the
//! longest waits of the gateway under load.

use std::cell::Cell;
use std::os::raw::c_int;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use rusqlite::Connection;
use rusqlite::hooks::Wal;

use crate::store::StoreError;

/// The log's size, in pages, from which the checkpointer copies it into the database file.
const CHECKPOINT_PAGES: c_int = 1000;

/// What the writer copies itself once a pass has copied the rest (what was committed during
/// the pass): at most this many pages, or a quarter of the log, whichever is more; the longer
/// the log, the longer a pass takes and the more is committed meanwhile, so a fixed bound alone
/// could keep the checkpointer passing while the log grows. More, and it makes another pass.
const REST_PAGES: c_int = 256;

/// The log's size from which the writer checkpoints it itself whatever the checkpointer has
/// done (a stall of the writer: the log's bound, should the checkpointer fall far behind).
const FORCED_PAGES: c_int = 32 * CHECKPOINT_PAGES;

thread_local! {
    /// The pages in the write-ahead log after the writer's last commit (the writer is the one
    /// thread committing on its connection).
    static WAL_PAGES: Cell<c_int> = const { Cell::new(0) };
}

/// The writer's WAL hook: SQLite calls it after each commit with the log's size in pages.
fn note_wal_size(_: &Wal, pages: c_int) -> rusqlite::Result<()> {
    WAL_PAGES.set(pages);
    Ok(())
}

/// Replaces SQLite's automatic checkpoint on the writer's connection with [`Checkpoints`].
pub(super) fn hook(conn: &Connection) {
    conn.wal_hook(Some(note_wal_size));
}

/// The pages in the log after the writer's last commit.
pub(super) fn wal_pages() -> c_int {
    WAL_PAGES.get()
}

/// What the checkpointer's last pass did: the log it ran on (its [`Shared::log`] number) and
/// how many of its pages it copied.
type Pass = (u64, c_int);

/// What the writer and the checkpointer share.
#[derive(Default)]
struct Shared {
    /// Counts the times the log started over: a pass's count of pages is only of its log.
    log: AtomicU64,
    last_pass: Mutex<Option<Pass>>,
}

/// The writer's side of the checkpoints: asks for passes, and finishes the log once a pass
/// has copied most of it. The checkpointer thread ends with it.
pub(super) struct Checkpoints {
    /// Wakes the checkpointer; one pass waits at most.
    due: mpsc::SyncSender<()>,
    shared: Arc<Shared>,
    /// The log's size at the previous commit: a smaller one means it started over.
    pages_before: c_int,
    /// [`CHECKPOINT_PAGES`] and [`FORCED_PAGES`] (smaller in tests).
    pass_at: c_int,
    forced_at: c_int,
}

impl Checkpoints {
    /// Starts the checkpointer on its own connection to the database at `path`.
    pub(super) fn start(path: &Path) -> Result<Checkpoints, StoreError> {
        let conn = Connection::open(path)
            .map_err(|e| StoreError::new(format!("sqlite: cannot open {}: {e}", path.display())))?;
        // A checkpoint syncs the database file before it lets the log start over.
        conn.execute_batch("PRAGMA synchronous = FULL;")?;
        let (due, passes) = mpsc::sync_channel(1);
        let shared = Arc::new(Shared::default());
        let theirs = shared.clone();
        std::thread::Builder::new()
            .name("zapi-inbox-checkpoint".to_owned())
            .spawn(move || {
                super::sched::as_batch();
                // Ends when the writer is gone.
                while passes.recv().is_ok() {
                    let log = theirs.log.load(Ordering::Acquire);
                    match passive(&conn) {
                        Ok((_, copied)) => {
                            if let Ok(mut last) = theirs.last_pass.lock() {
                                *last = Some((log, copied));
                            }
                        }
                        Err(error) => eprintln!("inbox store: sqlite: checkpoint failed: {error}"),
                    }
                }
            })
            .map_err(|e| StoreError::new(format!("sqlite: cannot start the checkpointer: {e}")))?;
        Ok(Checkpoints {
            due,
            shared,
            pages_before: 0,
            pass_at: CHECKPOINT_PAGES,
            forced_at: FORCED_PAGES,
        })
    }

    /// Runs after each of the writer's transactions, after its answers. Once the log holds
    /// [`CHECKPOINT_PAGES`], asks the checkpointer for a pass; once a pass of this log has
    /// copied all but [`REST_PAGES`] of it (or a quarter), copies the rest itself (a PASSIVE
    /// checkpoint: it never waits for a reader), so that the next transaction starts the log
    /// over.
    pub(super) fn after_commit(&mut self, conn: &Connection) {
        let pages = wal_pages();
        if pages < self.pages_before {
            self.shared.log.fetch_add(1, Ordering::AcqRel);
        }
        self.pages_before = pages;
        if pages < self.pass_at {
            return;
        }
        let log = self.shared.log.load(Ordering::Acquire);
        let copied = match self.shared.last_pass.lock() {
            Ok(last) => last.and_then(|(of, copied)| (of == log).then_some(copied)),
            Err(_) => None,
        };
        let mostly_copied =
            copied.is_some_and(|c| c <= pages && pages - c <= REST_PAGES.max(pages / 4));
        if !mostly_copied && pages < self.forced_at {
            // Already asked when a pass waits: nothing to add then.
            let _ = self.due.try_send(());
            return;
        }
        if !mostly_copied {
            eprintln!(
                "inbox store: sqlite: the checkpointer fell behind ({pages} pages of log): the \
                 writer copies them itself"
            );
        }
        match passive(conn) {
            Ok((pages_now, copied)) if copied == pages_now => {
                if let Ok(mut last) = self.shared.last_pass.lock() {
                    *last = None;
                }
            }
            // A pass under way holds the checkpoint: the next commit tries again.
            Ok(_) => {}
            Err(error) => eprintln!("inbox store: sqlite: checkpoint failed: {error}"),
        }
    }
}

/// A PASSIVE checkpoint: copies what no reader still needs; `(pages in the log, pages copied)`.
fn passive(conn: &Connection) -> rusqlite::Result<(c_int, c_int)> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
        Ok((row.get(1)?, row.get(2)?))
    })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use rusqlite::params;

    use super::*;
    use crate::sqlite::{SQL, prepare};

    /// Commits `pages` bodies of one page each.
    fn fill(conn: &Connection, first: i64, pages: c_int) {
        let page = vec![7_u8; 4096];
        conn.execute_batch("BEGIN IMMEDIATE").expect("begins");
        for id in first..first + i64::from(pages) {
            conn.prepare_cached(&SQL.insert_body)
                .and_then(|mut insert| insert.execute(params![id, page]))
                .expect("inserts");
        }
        conn.execute_batch("COMMIT").expect("commits");
    }

    /// Smaller sizes than the store's, for tests that fill the log.
    const PASS_AT: c_int = 400;
    const FORCED_AT: c_int = 1600;

    fn small(mut checkpoints: Checkpoints) -> Checkpoints {
        checkpoints.pass_at = PASS_AT;
        checkpoints.forced_at = FORCED_AT;
        checkpoints
    }

    fn last_pass(checkpoints: &Checkpoints) -> Option<Pass> {
        *checkpoints.shared.last_pass.lock().expect("not poisoned")
    }

    /// A small transaction of the writer's, and what follows it.
    fn commit_one(conn: &Connection, checkpoints: &mut Checkpoints) {
        conn.execute(&SQL.count_duplicates, [1]).expect("updates");
        checkpoints.after_commit(conn);
    }

    /// A store's file, its writer's connection and checkpoints (at the test sizes).
    struct Rig {
        _dir: tempfile::TempDir,
        path: std::path::PathBuf,
        conn: Connection,
        checkpoints: Checkpoints,
    }

    impl Rig {
        fn new() -> Rig {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let path = dir.path().join("inbox.db");
            let conn = prepare(&path).expect("opens");
            let checkpoints = small(Checkpoints::start(&path).expect("starts"));
            Rig {
                _dir: dir,
                path,
                conn,
                checkpoints,
            }
        }

        /// Waits until the checkpointer's last pass is no longer `before`.
        fn pass_after(&self, before: Option<Pass>) -> Option<Pass> {
            let asked = Instant::now();
            while last_pass(&self.checkpoints) == before {
                assert!(asked.elapsed() < Duration::from_secs(10), "no pass");
                std::thread::sleep(Duration::from_millis(5));
            }
            last_pass(&self.checkpoints)
        }

        /// Fills the log past `PASS_AT`; then, as if a pass had copied it while the writer
        /// committed `more` pages, records that pass and commits them (a reader's snapshot
        /// keeps the log from starting over meanwhile). The log's sizes before and after.
        fn pass_while_committing(&mut self, more: c_int) -> (c_int, c_int) {
            fill(&self.conn, 0, PASS_AT);
            let logged = wal_pages();
            let reader = Connection::open(&self.path).expect("opens");
            reader.execute_batch("BEGIN").expect("begins");
            let _: i64 = reader
                .query_row("SELECT COUNT(*) FROM delivery_bodies", [], |row| row.get(0))
                .expect("reads");
            let other = Connection::open(&self.path).expect("opens");
            assert_eq!(passive(&other).expect("checkpoints"), (logged, logged));
            *self
                .checkpoints
                .shared
                .last_pass
                .lock()
                .expect("not poisoned") = Some((0, logged));
            fill(&self.conn, i64::from(logged), more);
            reader.execute_batch("COMMIT").expect("ends");
            (logged, wal_pages())
        }

        /// One more transaction: the log must start over with it.
        fn assert_log_starts_over(&mut self) {
            commit_one(&self.conn, &mut self.checkpoints);
            let pages = wal_pages();
            assert!(pages < 10, "{pages} pages after the checkpoint");
        }
    }

    /// No checkpoint runs within a commit (the WAL hook replaces SQLite's automatic one); the
    /// checkpointer copies the log, and the log starts over.
    #[test]
    fn the_checkpointer_copies_the_log_and_the_log_starts_over() {
        let mut rig = Rig::new();
        fill(&rig.conn, 0, PASS_AT);
        let logged = wal_pages();
        assert!(logged > PASS_AT, "{logged} pages in the log");
        rig.checkpoints.after_commit(&rig.conn);
        assert_eq!(
            rig.pass_after(None),
            Some((0, logged)),
            "the whole log copied"
        );
        // Nothing was committed meanwhile: the next transaction starts the log over.
        rig.assert_log_starts_over();
        assert_eq!(rig.checkpoints.shared.log.load(Ordering::Acquire), 1);
    }

    /// What the writer committed while a pass ran, the writer copies itself; then the log
    /// starts over.
    #[test]
    fn the_writer_copies_what_it_committed_during_a_pass() {
        let mut rig = Rig::new();
        let (logged, grown) = rig.pass_while_committing(20);
        assert!(grown >= logged + 20, "{grown} pages");
        rig.checkpoints.after_commit(&rig.conn);
        assert_eq!(
            last_pass(&rig.checkpoints),
            None,
            "the rest copied by the writer"
        );
        rig.assert_log_starts_over();
        assert_eq!(rig.checkpoints.shared.log.load(Ordering::Acquire), 1);
    }

    /// More committed during a pass than the writer copies itself: another pass first.
    #[test]
    fn a_long_rest_is_another_pass() {
        let mut rig = Rig::new();
        let (logged, grown) = rig.pass_while_committing(REST_PAGES + 50);
        rig.checkpoints.after_commit(&rig.conn);
        // The writer copied nothing; the checkpointer's pass copies the log as it is now.
        assert_eq!(rig.pass_after(Some((0, logged))), Some((0, grown)));
        rig.assert_log_starts_over();
    }

    /// The log stays bounded when no pass has copied it: the writer then copies it all.
    #[test]
    fn the_writer_copies_a_log_grown_past_the_bound_itself() {
        let mut rig = Rig::new();
        fill(&rig.conn, 0, FORCED_AT);
        rig.checkpoints.after_commit(&rig.conn);
        assert_eq!(last_pass(&rig.checkpoints), None, "no pass was asked for");
        rig.assert_log_starts_over();
    }
}
