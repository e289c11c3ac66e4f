//! The floor of bulk validation: lexing every line of an NDJSON capture with
//! `serde::de::IgnoredAny`, on one core, from bytes already in memory. `benches/ndjson.sh` runs
//! it next to `zapi-webhooks validate` on the same capture and prints the ratio.
//!
//! Usage: `cargo bench -p zapi-webhooks-cli --bench lex_floor -- CAPTURE.ndjson [RUNS]`.
//! Prints one line, `floor <best wall seconds> s, cpu <best CPU seconds> s (<lines> lines,
//! <invalid> not JSON, best of RUNS)`. The CPU time is this thread's time on a CPU (Linux's
//! `/proc/thread-self/schedstat`; `nan` elsewhere), which a busy machine changes less than the
//! wall time.

use std::time::Instant;

use serde::de::IgnoredAny;

fn main() {
    // `cargo bench` passes `--bench`; anything starting with `-` is not ours.
    let mut args = std::env::args().skip(1).filter(|arg| !arg.starts_with('-'));
    let Some(path) = args.next() else {
        eprintln!("usage: lex_floor CAPTURE.ndjson [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(2);
        }
    };
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let (mut lines, mut invalid) = (0u64, 0u64);
    for _ in 0..runs.max(1) {
        (lines, invalid) = (0, 0);
        let started = Instant::now();
        let cpu_started = thread_cpu_seconds();
        for line in bytes.split(|&b| b == b'\n').filter(|line| !line.is_empty()) {
            lines += 1;
            if serde_json::from_slice::<IgnoredAny>(std::hint::black_box(line)).is_err() {
                invalid += 1;
            }
        }
        best = best.min(started.elapsed().as_secs_f64());
        best_cpu = best_cpu.min(thread_cpu_seconds() - cpu_started);
    }
    println!(
        "floor {best:.3} s, cpu {best_cpu:.3} s ({lines} lines, {invalid} not JSON, best of {})",
        runs.max(1)
    );
}

/// This thread's time on a CPU so far, in seconds (`NaN` when the kernel does not say).
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |nanoseconds| nanoseconds / 1e9)
}
