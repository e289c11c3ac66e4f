//! The store against its floors, without HTTP: the CPU (user + system) and the wall time per
//! stored delivery of
//!
//! - `file`: the bodies appended to a file, synced (`fdatasync`) after every batch: what the
//!   disk costs at the least;
//! - `sqlite`: SQLite doing the store's inserts (its tables and indexes, the same statements, WAL
//!   mode, SQLite's own checkpoints) on one thread, the log synced after every batch: SQLite's
//!   floor for the store's schema;
//! - `sqlite-key`: SQLite with a leaner schema than the store's, one table of the key (unique)
//!   and the body, the same way: what the dedupe alone costs in SQLite;
//! - `store`: [`SqliteStore`] as `serve` uses it, `batch` inserts at once through
//!   [`Store::insert`], on a runtime of one thread (its writer, syncer and checkpointer threads
//!   beside it).
//!
//! For `store`, the deliveries per transaction and per sync of the log follow (the `sqlite`
//! row's are `BATCH`), and the CPU of each of its threads (Linux only, from `/proc`, in clock
//! ticks): the runtime's thread (this one), the writer, the syncer and the checkpointer.
//!
//! Each is measured in the same run over the same deliveries (the fixtures, each made a new
//! event by a unique `instanceId`); the ratios are to `file`. Pin it to one core to compare with
//! `bench/load.sh`, whose server runs on one:
//!
//! ```text
//! taskset -c 0 cargo bench -p zapi-webhooks-inbox --bench store_floor -- [ROWS] [BATCH]
//! ```
//!
//! (defaults 100 000 and 48, about the deliveries one commit of `serve` takes at 64
//! connections). The store's directory is a new one under the system's temporary directory
//! (`TMPDIR`), removed afterwards.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use rusqlite::{Connection, params};
use zapi_webhooks::Callback;
use zapi_webhooks_inbox::{Facts, NewDelivery, SqliteStore, Store};

/// The CPU this process has used, user and system, in seconds (`None` off Linux).
fn cpu_seconds() -> Option<f64> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: getrusage fills the struct it is given, which lives on this stack.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: as above; RUSAGE_SELF is a valid `who`.
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
            return None;
        }
        let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        Some(seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
    #[cfg(not(target_os = "linux"))]
    None
}

/// Each thread of this process: its id, its name and the CPU, user and system, in seconds, it
/// has used (none off Linux, or where `/proc` cannot be read).
fn threads_cpu() -> Vec<(u64, String, f64)> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: sysconf has no preconditions.
        let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
        let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
            return Vec::new();
        };
        tasks
            .flatten()
            .filter_map(|task| {
                let id: u64 = task.file_name().to_str()?.parse().ok()?;
                let stat = std::fs::read_to_string(task.path().join("stat")).ok()?;
                // `pid (name) state ...`: the name may hold spaces, the fields after it do not.
                let (head, rest) = stat.rsplit_once(") ")?;
                let name = head.split_once(" (")?.1.to_owned();
                let fields: Vec<&str> = rest.split(' ').collect();
                let user: f64 = fields.get(11)?.parse().ok()?;
                let system: f64 = fields.get(12)?.parse().ok()?;
                Some((id, name, (user + system) / ticks as f64))
            })
            .collect()
    }
    #[cfg(not(target_os = "linux"))]
    Vec::new()
}

/// The fixture files' bodies (`manifest.json` aside), in path order.
fn fixtures(dir: &Path, found: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            fixtures(&path, found);
        } else if path.extension().is_some_and(|e| e == "json") && !path.ends_with("manifest.json")
        {
            if let Ok(body) = std::fs::read(&path) {
                found.push((path.display().to_string(), body));
            }
        }
    }
}

/// `rows` deliveries cycling through the fixtures, each its own event (a unique `instanceId`).
fn deliveries(rows: usize) -> Vec<NewDelivery> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut found = Vec::new();
    fixtures(&root, &mut found);
    found.sort();
    let objects: Vec<serde_json::Map<String, serde_json::Value>> = found
        .iter()
        .filter_map(|(_, body)| serde_json::from_slice(body).ok())
        .collect();
    assert!(!objects.is_empty(), "no fixtures under {}", root.display());
    (0..rows)
        .map(|i| {
            let mut object = objects[i % objects.len()].clone();
            object.insert("instanceId".to_owned(), format!("floor-{i}").into());
            let body = serde_json::to_vec(&object).expect("a map serializes");
            let callback = Callback::from_slice(&body).expect("a fixture parses");
            NewDelivery::new(Facts::of(&callback), "/webhook", Bytes::from(body))
        })
        .collect()
}

/// What one way of storing cost: seconds of CPU and of wall time.
struct Cost {
    cpu: Option<f64>,
    wall: f64,
}

fn measure(work: impl FnOnce()) -> Cost {
    let cpu = cpu_seconds();
    let started = Instant::now();
    work();
    let wall = started.elapsed().as_secs_f64();
    Cost {
        cpu: cpu.zip(cpu_seconds()).map(|(before, after)| after - before),
        wall,
    }
}

fn file(dir: &Path, deliveries: &[NewDelivery], batch: usize) {
    let mut log = std::fs::File::create(dir.join("bodies")).expect("creates the file");
    let mut pending = Vec::new();
    for chunk in deliveries.chunks(batch) {
        pending.clear();
        for delivery in chunk {
            pending.extend_from_slice(&delivery.body);
        }
        log.write_all(&pending).expect("writes");
        log.sync_data().expect("syncs");
    }
}

fn sqlite(dir: &Path, deliveries: &[NewDelivery], batch: usize) {
    let path = dir.join("sqlite.db");
    // The store's schema, made by the store itself (its migrations), then closed.
    let runtime = runtime();
    runtime.block_on(async {
        drop(SqliteStore::open(&path).await.expect("opens"));
    });
    let conn = Connection::open(&path).expect("opens");
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        .expect("WAL");
    in_batches(&conn, &path, deliveries, batch, |conn, delivery| {
        let facts = &delivery.facts;
        conn.prepare_cached(
            "INSERT INTO deliveries (dedupe_key, callback, kind, chat, instance, order_key, \
             path, received_at, next_attempt_at, state, attempts) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending', 0) \
             ON CONFLICT (dedupe_key) DO NOTHING",
        )
        .and_then(|mut insert| {
            insert.execute(params![
                facts.dedupe_key,
                facts.callback,
                facts.kind,
                facts.chat,
                facts.instance,
                facts.order_key(),
                delivery.path,
                delivery.received_at,
                delivery.received_at,
            ])
        })
        .expect("inserts");
        let id = conn.last_insert_rowid();
        conn.prepare_cached("INSERT INTO delivery_bodies (id, body) VALUES (?1, ?2)")
            .and_then(|mut insert| insert.execute(params![id, &delivery.body[..]]))
            .expect("inserts the body");
    });
}

/// Runs `insert` for each of `deliveries` on `conn` (the database at `path`), `batch` to a
/// transaction, the log synced after each.
fn in_batches(
    conn: &Connection,
    path: &Path,
    deliveries: &[NewDelivery],
    batch: usize,
    mut insert: impl FnMut(&Connection, &NewDelivery),
) {
    let log = std::fs::OpenOptions::new()
        .write(true)
        .open(format!("{}-wal", path.display()))
        .expect("the log exists");
    for chunk in deliveries.chunks(batch) {
        conn.execute_batch("BEGIN IMMEDIATE").expect("begins");
        for delivery in chunk {
            insert(conn, delivery);
        }
        conn.execute_batch("COMMIT").expect("commits");
        log.sync_data().expect("syncs");
    }
}

fn sqlite_key(dir: &Path, deliveries: &[NewDelivery], batch: usize) {
    let path = dir.join("key.db");
    let conn = Connection::open(&path).expect("opens");
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
         CREATE TABLE keyed (id INTEGER PRIMARY KEY, dedupe_key TEXT NOT NULL UNIQUE, \
         body BLOB NOT NULL);",
    )
    .expect("creates");
    in_batches(&conn, &path, deliveries, batch, |conn, delivery| {
        conn.prepare_cached(
            "INSERT INTO keyed (dedupe_key, body) VALUES (?1, ?2) \
             ON CONFLICT (dedupe_key) DO NOTHING",
        )
        .and_then(|mut insert| {
            insert.execute(params![delivery.facts.dedupe_key, &delivery.body[..]])
        })
        .expect("inserts");
    });
}

/// What [`store`] saw of the store's work.
#[derive(Default)]
struct StoreRun {
    /// The CPU seconds each of its threads spent (the runtime's thread named `runtime`).
    threads: Vec<(String, f64)>,
    /// Its transactions ([`SqliteStore::commits`]) and syncs ([`SqliteStore::syncs`]).
    commits: u64,
    syncs: u64,
}

/// Stores `deliveries` through [`SqliteStore`], `batch` inserts at once.
fn store(dir: &Path, deliveries: Vec<NewDelivery>, batch: usize) -> StoreRun {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid has no preconditions.
    let runtime_thread = u64::try_from(unsafe { libc::gettid() }).unwrap_or(0);
    #[cfg(not(target_os = "linux"))]
    let runtime_thread = 0;
    let before = threads_cpu();
    runtime().block_on(async {
        let store = Arc::new(
            SqliteStore::open(dir.join("store.db"))
                .await
                .expect("opens"),
        );
        let queue = Arc::new(std::sync::Mutex::new(deliveries));
        let tasks: Vec<_> = (0..batch)
            .map(|_| {
                let store = store.clone();
                let queue = queue.clone();
                tokio::spawn(async move {
                    loop {
                        let next = queue.lock().expect("not poisoned").pop();
                        let Some(delivery) = next else { break };
                        store.insert(delivery).await.expect("stores");
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("the task ends");
        }
        // Before the store is dropped: its threads end with it. They started within this
        // call, so all they spent is the store's; of this thread, only what it spent here.
        let threads = threads_cpu()
            .into_iter()
            .filter_map(|(id, name, cpu)| {
                let earlier = before.iter().find(|(i, ..)| *i == id).map(|(.., c)| *c);
                match (id == runtime_thread, earlier) {
                    (true, Some(earlier)) => Some(("runtime".to_owned(), cpu - earlier)),
                    (false, None) => Some((name, cpu)),
                    _ => None,
                }
            })
            .collect::<Vec<_>>();
        StoreRun {
            threads,
            commits: store.commits(),
            syncs: store.syncs(),
        }
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

fn main() {
    let numbers: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let rows = numbers.first().copied().unwrap_or(100_000).max(1);
    let batch = numbers.get(1).copied().unwrap_or(48).max(1);
    let all = deliveries(rows);
    let mean = all.iter().map(|d| d.body.len()).sum::<usize>() / rows;
    println!("{rows} deliveries (bodies of {mean} bytes on average), batches of {batch}");
    let mut costs = Vec::new();
    let mut run = StoreRun::default();
    for name in ["file", "sqlite", "sqlite-key", "store"] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let cost = match name {
            "file" => measure(|| file(dir.path(), &all, batch)),
            "sqlite" => measure(|| sqlite(dir.path(), &all, batch)),
            "sqlite-key" => measure(|| sqlite_key(dir.path(), &all, batch)),
            _ => {
                let copies = all.clone();
                measure(|| run = store(dir.path(), copies, batch))
            }
        };
        costs.push((name, cost));
    }
    let per_row = |seconds: f64| seconds * 1e6 / rows as f64;
    let floor = &costs[0].1;
    for (name, cost) in &costs {
        let cpu = match (cost.cpu, floor.cpu) {
            (Some(cpu), Some(floor)) => format!(
                "CPU {:>5.2} us/delivery ({:>4.2}x file)",
                per_row(cpu),
                cpu / floor
            ),
            _ => "CPU not measured here".to_owned(),
        };
        println!(
            "{name:10} {cpu}  wall {:>5.2} us/delivery ({:>4.2}x file)",
            per_row(cost.wall),
            cost.wall / floor.wall
        );
    }
    let per = |count: u64| rows as f64 / count.max(1) as f64;
    println!(
        "  store's transactions {} ({:.1} deliveries each), syncs {} ({:.1} each)",
        run.commits,
        per(run.commits),
        run.syncs,
        per(run.syncs)
    );
    // The runtime's thread first, then the store's own (the kernel's names, cut at 15 bytes:
    // `zapi-inbox-sqli` is the writer, `-sync` the syncer, `-chec` the checkpointer).
    run.threads
        .sort_by_key(|(name, _)| (name != "runtime", name.clone()));
    for (name, cpu) in &run.threads {
        println!("  store's {name:16} CPU {:>5.2} us/delivery", per_row(*cpu));
    }
}
