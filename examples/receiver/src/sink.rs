//! Where the raw bodies of payloads nobody models yet are kept: [`RawSink`], with a directory
//! ([`DirSink`]) and an in-memory ([`MemorySink`]) implementation.

use std::collections::VecDeque;
use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use zapi_webhooks::UnexpectedValue;

/// Why a payload's raw body is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeepReason {
    /// The `type` is not a callback the crate models (or there is no `type`).
    UnknownCallback,
    /// A `ReceivedCallback` whose message kind the crate does not model.
    UnknownKind,
    /// A known callback with values whose JSON type is not the one the models expect (e.g.
    /// `"fromMe": "true"`): the models keep them verbatim, and the raw body shows what Z-API
    /// sent (see [`zapi_webhooks::UnexpectedValue`]).
    UnexpectedValues,
    /// A known callback and kind, but with keys no model knows (kept only when
    /// [`crate::Config::keep_unmodeled`] is on).
    Unmodeled,
}

impl KeepReason {
    /// A stable kebab-case name, used in file names and logs: `unknown-callback`,
    /// `unknown-kind`, `unexpected-values` or `unmodeled`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeepReason::UnknownCallback => "unknown-callback",
            KeepReason::UnknownKind => "unknown-kind",
            KeepReason::UnexpectedValues => "unexpected-values",
            KeepReason::Unmodeled => "unmodeled",
        }
    }
}

impl fmt::Display for KeepReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A payload whose raw body is to be kept, with what is known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptPayload {
    /// Why it is kept.
    pub reason: KeepReason,
    /// The request path it was posted to.
    pub path: String,
    /// The `type` value as sent, if it was a string.
    pub type_value: Option<String>,
    /// JSON pointers of the keys no model knows.
    pub unmodeled: Vec<String>,
    /// The values kept although their JSON type is not the one the models expect, with their
    /// JSON pointers (see [`zapi_webhooks::Callback::unexpected`]).
    pub unexpected: Vec<UnexpectedValue>,
    /// When the request was received.
    pub received_at: SystemTime,
    /// The request body, byte for byte.
    pub body: Bytes,
}

/// Keeps raw bodies. Called from a blocking thread (`tokio::task::spawn_blocking`), so an
/// implementation may do blocking I/O.
///
/// The returned string says where the body went (a file path, a slot number, ...); it is
/// logged and handed to the [`crate::WebhookHandler`]. An error makes the server answer 500,
/// so the sender knows the delivery was not fully handled.
pub trait RawSink: Send + Sync + 'static {
    /// Keeps `payload`, returning where it went.
    fn keep(&self, payload: &KeptPayload) -> io::Result<String>;
}

impl<T: RawSink + ?Sized> RawSink for Arc<T> {
    fn keep(&self, payload: &KeptPayload) -> io::Result<String> {
        (**self).keep(payload)
    }
}

impl<T: RawSink + ?Sized> RawSink for Box<T> {
    fn keep(&self, payload: &KeptPayload) -> io::Result<String> {
        (**self).keep(payload)
    }
}

/// Writes each body, byte for byte, to its own file in a directory.
///
/// Names look like `1718000000123-4242-000007-unknown-callback-FooCallback.json`: the receive
/// time in Unix milliseconds, the process id, a per-sink counter, the [`KeepReason`] and, for
/// unknown callbacks, the `type` value reduced to `[A-Za-z0-9_]` (at most 40 characters). Files
/// are created with `create_new`, so an existing file is never overwritten; a clash moves on to
/// the next counter value. Sorting the names sorts by receive time.
#[derive(Debug)]
pub struct DirSink {
    dir: PathBuf,
    counter: AtomicU64,
}

/// How many names [`DirSink`] tries before giving up on a payload.
const NAME_ATTEMPTS: usize = 100;

impl DirSink {
    /// A sink writing into `dir`, which is created (with its parents) if missing.
    pub fn new(dir: impl Into<PathBuf>) -> io::Result<DirSink> {
        let dir = dir.into();
        fs::create_dir_all(&dir)?;
        Ok(DirSink {
            dir,
            counter: AtomicU64::new(0),
        })
    }

    /// The directory the files go to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file_name(&self, payload: &KeptPayload, n: u64) -> String {
        let millis = payload
            .received_at
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let mut name = format!(
            "{millis:013}-{}-{n:06}-{}",
            std::process::id(),
            payload.reason
        );
        if payload.reason == KeepReason::UnknownCallback {
            let type_part: String = payload
                .type_value
                .as_deref()
                .unwrap_or("no-type")
                .chars()
                .map(|c| match c {
                    'A'..='Z' | 'a'..='z' | '0'..='9' | '_' | '-' => c,
                    _ => '_',
                })
                .take(40)
                .collect();
            if !type_part.is_empty() {
                name.push('-');
                name.push_str(&type_part);
            }
        }
        name.push_str(".json");
        name
    }
}

impl RawSink for DirSink {
    fn keep(&self, payload: &KeptPayload) -> io::Result<String> {
        for _ in 0..NAME_ATTEMPTS {
            let n = self.counter.fetch_add(1, Ordering::Relaxed);
            let path = self.dir.join(self.file_name(payload, n));
            let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => file,
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(err) => return Err(err),
            };
            if let Err(err) = file.write_all(&payload.body).and_then(|()| file.flush()) {
                // Do not leave a truncated body behind.
                drop(file);
                let _ = fs::remove_file(&path);
                return Err(err);
            }
            return Ok(path.display().to_string());
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "no free file name in {} after {NAME_ATTEMPTS} tries",
                self.dir.display()
            ),
        ))
    }
}

/// Keeps payloads in memory, the newest `capacity` of them (older ones are dropped first).
///
/// Meant for tests and for inspecting a running server from code; share it with
/// `Arc<MemorySink>`, which is a [`RawSink`] too.
#[derive(Debug)]
pub struct MemorySink {
    capacity: usize,
    inner: Mutex<MemoryInner>,
}

#[derive(Debug, Default)]
struct MemoryInner {
    payloads: VecDeque<KeptPayload>,
    total: u64,
}

impl MemorySink {
    /// A sink holding at most `capacity` payloads.
    pub fn new(capacity: usize) -> MemorySink {
        MemorySink {
            capacity,
            inner: Mutex::new(MemoryInner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, MemoryInner> {
        // A panic while holding the lock cannot leave the queue half-updated, so a poisoned
        // lock is still usable.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A copy of the payloads held, oldest first.
    pub fn payloads(&self) -> Vec<KeptPayload> {
        self.lock().payloads.iter().cloned().collect()
    }

    /// Removes and returns the payloads held, oldest first.
    pub fn take(&self) -> Vec<KeptPayload> {
        self.lock().payloads.drain(..).collect()
    }

    /// How many payloads are held now.
    pub fn len(&self) -> usize {
        self.lock().payloads.len()
    }

    /// Whether no payload is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many payloads were ever kept, including dropped and taken ones.
    pub fn total(&self) -> u64 {
        self.lock().total
    }
}

impl RawSink for MemorySink {
    fn keep(&self, payload: &KeptPayload) -> io::Result<String> {
        let mut inner = self.lock();
        inner.total += 1;
        let number = inner.total;
        if self.capacity == 0 {
            return Ok(format!("memory #{number} (dropped: capacity 0)"));
        }
        while inner.payloads.len() >= self.capacity {
            inner.payloads.pop_front();
        }
        inner.payloads.push_back(payload.clone());
        Ok(format!("memory #{number}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(reason: KeepReason, type_value: Option<&str>, body: &'static [u8]) -> KeptPayload {
        KeptPayload {
            reason,
            path: "/".to_owned(),
            type_value: type_value.map(str::to_owned),
            unmodeled: Vec::new(),
            unexpected: Vec::new(),
            received_at: UNIX_EPOCH + std::time::Duration::from_millis(1_700_000_000_123),
            body: Bytes::from_static(body),
        }
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("zapi-receiver-sink-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn dir_sink_writes_unique_files_byte_for_byte() -> io::Result<()> {
        let dir = temp_dir("unique");
        let sink = DirSink::new(&dir)?;
        let body: &'static [u8] = b"\xEF\xBB\xBF{\"type\": \"Weird/Callback \xC3\xA9\"}\n";
        let first = sink.keep(&payload(
            KeepReason::UnknownCallback,
            Some("Weird/Callback é"),
            body,
        ))?;
        let second = sink.keep(&payload(
            KeepReason::UnknownCallback,
            Some("Weird/Callback é"),
            body,
        ))?;
        assert_ne!(first, second);
        assert!(
            first.ends_with("-000000-unknown-callback-Weird_Callback__.json"),
            "{first}"
        );
        assert!(first.contains("1700000000123-"), "{first}");
        assert_eq!(fs::read(&first)?, body);
        assert_eq!(fs::read(&second)?, body);
        fs::remove_dir_all(&dir)
    }

    #[test]
    fn dir_sink_skips_taken_names() -> io::Result<()> {
        let dir = temp_dir("taken");
        let sink = DirSink::new(&dir)?;
        let p = payload(KeepReason::UnknownKind, None, b"{}");
        let taken = dir.join(sink.file_name(&p, 0));
        fs::write(&taken, b"do not overwrite")?;
        let kept = sink.keep(&p)?;
        assert_ne!(Path::new(&kept), taken);
        assert!(kept.ends_with("-000001-unknown-kind.json"), "{kept}");
        let retyped = sink.keep(&payload(KeepReason::UnexpectedValues, None, b"{}"))?;
        assert!(
            retyped.ends_with("-000002-unexpected-values.json"),
            "{retyped}"
        );
        assert_eq!(fs::read(&taken)?, b"do not overwrite");
        fs::remove_dir_all(&dir)
    }

    #[test]
    fn memory_sink_drops_oldest_beyond_capacity() -> io::Result<()> {
        let sink = MemorySink::new(2);
        for body in [&b"1"[..], b"2", b"3"] {
            sink.keep(&payload(KeepReason::Unmodeled, None, body))?;
        }
        let bodies: Vec<_> = sink.payloads().into_iter().map(|p| p.body).collect();
        assert_eq!(bodies, [Bytes::from_static(b"2"), Bytes::from_static(b"3")]);
        assert_eq!(sink.total(), 3);
        assert_eq!(sink.take().len(), 2);
        assert!(sink.is_empty());
        Ok(())
    }
}
