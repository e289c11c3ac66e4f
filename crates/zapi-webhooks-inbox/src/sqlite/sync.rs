//! The log's sync, by the store itself. The writer's connection commits with
//! `synchronous = NORMAL`, so SQLite writes a transaction's pages to the write-ahead log without
//! syncing it; the writer then syncs the log file itself (`fdatasync`, not SQLite's `fsync`,
//! which also writes the file's times to disk on every commit), and only then answers the
//! transaction's requests: every answer follows the sync of its transaction, as with
//! `synchronous = FULL`.
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
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// The writer's syncs of the log, after each commit and before its answers; once one fails,
/// it refuses everything.
pub(super) struct Flusher {
    flush: Flush,
    syncs: Arc<AtomicU64>,
    broken: bool,
}

impl Flusher {
    /// Makes the log durable with `flush`, counting its syncs in `syncs`.
    pub(super) fn new(flush: Flush, syncs: Arc<AtomicU64>) -> Flusher {
        Flusher {
            flush,
            syncs,
            broken: false,
        }
    }

    /// Whether a sync failed: the writer then runs nothing more.
    pub(super) fn check(&self) -> Result<(), StoreError> {
        if self.broken { Err(broken()) } else { Ok(()) }
    }

    /// Syncs what was committed (the writer runs nothing once [`Flusher::check`] fails, so
    /// this is never called after a failed sync).
    pub(super) fn flush(&mut self) -> Result<(), StoreError> {
        self.syncs.fetch_add(1, Ordering::Relaxed);
        (self.flush)().map_err(|e| {
            self.broken = true;
            eprintln!(
                "inbox store: sqlite: cannot sync the write-ahead log: {e}; the store takes no \
                 further request until it is opened again"
            );
            StoreError::new(format!("sqlite: cannot sync the write-ahead log: {e}"))
        })
    }
}

fn broken() -> StoreError {
    StoreError::new(
        "sqlite: an earlier sync of the write-ahead log failed: the store takes no further \
         request until it is opened again",
    )
}
