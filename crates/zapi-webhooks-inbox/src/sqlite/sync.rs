//! The log's sync, by the store itself. The writer's connection commits with
//! `synchronous = NORMAL`, so SQLite writes a transaction's pages to the write-ahead log without
//! syncing it; the store then syncs the log file itself (`fdatasync`, not SQLite's `fsync`,
//! which also writes the file's times to disk on every commit), on a thread of its own
//! ([`Syncer`]), and only then answers the transaction's requests: every answer follows a sync
//! begun after its transaction's commit, as with `synchronous = FULL`.
//!
//! Whatever SQLite itself syncs stays as it is with `NORMAL`: the log's header whenever the log
//! starts over, and the log and the database file around every checkpoint (a checkpoint syncs
//! the log before it copies it, so it never copies a page that is not on disk yet).
//!
//! Should a sync fail, the kernel may have dropped the pages it was to write, and a later sync
//! would not say so: the requests of that transaction are answered with the error, and the
//! store takes no further request until it is opened again (SQLite then recovers the log from
//! what is on disk).

use std::fs::OpenOptions;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};

use rusqlite::Connection;

use crate::store::StoreError;

/// How a flusher makes the log durable: `fdatasync` of the log file, or a test's stand-in.
pub(super) type Flush = Box<dyn FnMut() -> io::Result<()> + Send>;

/// Syncs the log file of `conn`'s database: SQLite names it after the database file as it
/// opened it (links followed), with `-wal`. The file exists once the connection has read the
/// database in WAL mode; any handle of it syncs what every connection wrote.
pub(super) fn log_file(conn: &Connection) -> Result<Flush, StoreError> {
    let database = conn
        .path()
        .filter(|path| !path.is_empty())
        .ok_or_else(|| StoreError::new("sqlite: the store needs a database file"))?;
    let name = format!("{database}-wal");
    let log = OpenOptions::new().write(true).open(&name).map_err(|e| {
        StoreError::new(format!(
            "sqlite: cannot open the write-ahead log {name}: {e}"
        ))
    })?;
    Ok(Box::new(move || log.sync_data()))
}

/// What the writer hands the syncer with a committed transaction: how to answer its requests,
/// once the sync covering it has said whether it is durable.
pub(super) type Answers = Box<dyn FnOnce(Result<(), StoreError>) + Send>;

/// The syncs of the log, on a thread of their own, so that the writer runs the next
/// transaction while the last one's sync is under way (a sync takes about half a millisecond on
/// a virtual disk, as long as a transaction of dozens of deliveries: the writer waiting for it
/// left the CPU idle a fifth of the time under load).
///
/// The writer hands it each committed transaction's [`Answers`]; it takes every transaction
/// waiting, syncs the log once for them all (`fdatasync` covers every page written before it
/// starts), and answers them in commit order. A transaction is thus answered only after a sync
/// begun after its commit; and since the answers of a transaction wait for a sync that covers
/// every earlier commit too, nothing a request read from an earlier transaction (a claim reads
/// deliveries others stored) is answered before it is durable. Should a sync fail, it answers
/// those transactions with the error, and every later one without syncing again: the writer
/// stops taking requests ([`Syncer::check`]) before those answers go out.
pub(super) struct Syncer {
    batches: mpsc::Sender<Answers>,
    broken: Arc<AtomicBool>,
}

impl Syncer {
    /// Starts the syncer's thread, making the log durable with `flush` and counting its syncs
    /// in `syncs`. The thread ends once the syncer is dropped and what it holds is answered.
    pub(super) fn start(mut flush: Flush, syncs: Arc<AtomicU64>) -> Result<Syncer, StoreError> {
        let (batches, waiting) = mpsc::channel::<Answers>();
        let broken = Arc::new(AtomicBool::new(false));
        let failed = broken.clone();
        std::thread::Builder::new()
            .name("zapi-inbox-sync".to_owned())
            .spawn(move || {
                super::sched::as_batch();
                while let Ok(first) = waiting.recv() {
                    let mut committed = vec![first];
                    committed.extend(waiting.try_iter());
                    let durable = if failed.load(Ordering::Acquire) {
                        Err(broken_error())
                    } else {
                        syncs.fetch_add(1, Ordering::Relaxed);
                        flush().map_err(|e| {
                            // Before any answer: a request sent after one is refused.
                            failed.store(true, Ordering::Release);
                            eprintln!(
                                "inbox store: sqlite: cannot sync the write-ahead log: {e}; the \
                                 store takes no further request until it is opened again"
                            );
                            StoreError::new(format!("sqlite: cannot sync the write-ahead log: {e}"))
                        })
                    };
                    for answers in committed {
                        answers(durable.clone());
                    }
                }
            })
            .map_err(|e| StoreError::new(format!("sqlite: cannot start the syncer: {e}")))?;
        Ok(Syncer { batches, broken })
    }

    /// Whether a sync failed: the writer then runs nothing more.
    pub(super) fn check(&self) -> Result<(), StoreError> {
        if self.broken.load(Ordering::Acquire) {
            Err(broken_error())
        } else {
            Ok(())
        }
    }

    /// Answers a committed transaction once a sync after its commit is done.
    pub(super) fn after_commit(&self, answers: Answers) {
        if let Err(mpsc::SendError(answers)) = self.batches.send(answers) {
            answers(Err(StoreError::new("sqlite: the syncer has stopped")));
        }
    }
}

fn broken_error() -> StoreError {
    StoreError::new(
        "sqlite: an earlier sync of the write-ahead log failed: the store takes no further \
         request until it is opened again",
    )
}
