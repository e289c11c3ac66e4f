//! How the store's own threads (the writer, the syncer and the checkpointer) are scheduled: as
//! batch work, whose wake-ups do not preempt the thread that woke them.
//!
//! On a busy core, a request queued for a sleeping writer made Linux switch to the writer at
//! once (wakeup preemption): the writer took the one or two deliveries queued so far, committed
//! them and slept again, and the runtime's thread and the writer switched back and forth for
//! every few deliveries. With its store on tmpfs, `serve` spent about a quarter of its CPU on
//! that (the futex wake-ups and the context switches). Under `SCHED_BATCH`, a woken writer waits
//! until the thread that woke it blocks or its time slice ends, and then takes every delivery
//! queued meanwhile into one transaction. On an idle core it runs at once, as before; its share
//! of the CPU is the same as any other thread's. Lowering one's own policy to `SCHED_BATCH`
//! needs no privilege; where it is refused, or off Linux, the thread keeps the default.

/// Schedules the calling thread as batch work (Linux's `SCHED_BATCH`); a refusal leaves it as
/// it was.
#[cfg(target_os = "linux")]
pub(super) fn as_batch() {
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: `sched_setscheduler` reads `param` (a valid, initialised value that outlives the
    // call) and changes the calling thread's policy (pid 0); it touches no other memory.
    let _ = unsafe { libc::sched_setscheduler(0, libc::SCHED_BATCH, &param) };
}

/// Off Linux there is no batch policy: the thread keeps the default.
#[cfg(not(target_os = "linux"))]
pub(super) fn as_batch() {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// The scheduling policy of the thread `tid` of this process, from `/proc` (field 41 of
    /// its `stat`, counted after the command name, which may hold spaces).
    fn policy_of(tid: &str) -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/self/task/{tid}/stat")).ok()?;
        let after_name = &stat[stat.rfind(')')? + 2..];
        // Field 3 (the state) is the first after the name; the policy is field 41.
        after_name.split(' ').nth(41 - 3)?.parse().ok()
    }

    /// The threads of this process named `name` (as `/proc` shows it: at most 15 bytes).
    fn threads_named(name: &str) -> Vec<String> {
        let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
            return Vec::new();
        };
        tasks
            .filter_map(Result::ok)
            .filter(|task| {
                std::fs::read_to_string(task.path().join("comm"))
                    .is_ok_and(|comm| comm.trim_end() == name)
            })
            .map(|task| task.file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// The store's writer, syncer and checkpointer run as batch work; the thread that opened
    /// the store keeps its policy.
    #[tokio::test]
    async fn the_stores_threads_are_batch_work() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = crate::SqliteStore::open(dir.path().join("inbox.db"))
            .await
            .expect("opens");
        for name in ["zapi-inbox-sqli", "zapi-inbox-sync", "zapi-inbox-chec"] {
            // Other tests' stores have threads of these names too, some of them ending: a
            // thread gone between the two reads has no policy to check.
            // A new thread takes its name once it runs: the checkpointer may not have yet when
            // `open` returns.
            let mut policies: Vec<u32> = Vec::new();
            for _ in 0..500 {
                policies = threads_named(name)
                    .iter()
                    .filter_map(|tid| policy_of(tid))
                    .collect();
                if !policies.is_empty() {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
            assert!(!policies.is_empty(), "no thread {name}");
            let batch = u32::try_from(libc::SCHED_BATCH).expect("a small number");
            assert!(policies.iter().all(|&p| p == batch), "{name}: {policies:?}");
        }
        let me = std::fs::read_link("/proc/thread-self").expect("this thread in /proc");
        let tid = me
            .file_name()
            .expect("PID/task/TID")
            .to_string_lossy()
            .into_owned();
        let other = u32::try_from(libc::SCHED_OTHER).expect("a small number");
        assert_eq!(policy_of(&tid), Some(other), "the test's own thread");
        drop(store);
    }
}
