//! Not a benchmark: a plain loop over the `parse` bench's fixture sets, for profilers
//! (`perf`, `valgrind --tool=callgrind`) that need a steady workload without divan's sampling
//! around it. Instruction counts from callgrind do not depend on what else the machine runs,
//! so they settle typed-against-`Value` comparisons that wall time on a busy machine cannot.
//!
//! ```text
//! cargo bench -p zapi-webhooks --bench parse_loop --no-run   # prints the binary's path
//! BIN=target/release/deps/parse_loop-<hash>
//! $BIN callback all 2000          # TARGET SET ITERATIONS
//! valgrind --tool=callgrind $BIN value received 200
//! perf record -g $BIN callback type_first 5000
//! ```
//!
//! TARGET is `from_slice` (`Callback::from_slice`), `callback`
//! (`serde_json::from_slice::<Callback>`), `value` (`Value`) or `ignored`
//! (`IgnoredAny`); SET is any set of the `parse` bench (`all`, `received`, `small`, a callback
//! name, `compact`, `type_first`). Without arguments (as under a plain `cargo bench`) it does
//! nothing.

use std::hint::black_box;
use std::time::Instant;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;
use zapi_webhooks::Callback;

mod common;

use common::Set;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let [target, set, iterations] = args.as_slice() else {
        println!("parse_loop: usage: parse_loop TARGET SET ITERATIONS (nothing to do)");
        return;
    };
    let iterations: u64 = iterations
        .parse()
        .unwrap_or_else(|err| panic!("ITERATIONS `{iterations}` is not a count: {err}"));
    let name = set;
    let set = Set::named(name);
    let elapsed = match target.as_str() {
        "from_slice" => run_from_slice(&set, iterations),
        "callback" => run::<Callback>(&set, iterations),
        "value" => run::<Value>(&set, iterations),
        "ignored" => run::<IgnoredAny>(&set, iterations),
        other => panic!("TARGET `{other}` is not one of from_slice, callback, value, ignored"),
    };
    let seconds = elapsed.as_secs_f64();
    let passes = iterations as f64;
    println!(
        "parse_loop {target} {name}: {iterations} passes of {} payloads ({} bytes) in {seconds:.3} s: \
         {:.1} MB/s, {:.0} payloads/s",
        set.payloads.len(),
        set.bytes,
        passes * set.bytes as f64 / seconds / 1e6,
        passes * set.payloads.len() as f64 / seconds,
    );
}

/// `serde_json::from_slice::<T>` over the set, `iterations` times.
fn run<T: DeserializeOwned>(set: &Set, iterations: u64) -> std::time::Duration {
    run_with(set, iterations, |bytes| {
        serde_json::from_slice::<T>(bytes).map_err(|err| err.to_string())
    })
}

/// `Callback::from_slice` over the set, `iterations` times.
fn run_from_slice(set: &Set, iterations: u64) -> std::time::Duration {
    run_with(set, iterations, |bytes| {
        Callback::from_slice(bytes).map_err(|err| err.to_string())
    })
}

/// Parses every payload of the set with `parse`, `iterations` times, dropping each result.
fn run_with<T>(
    set: &Set,
    iterations: u64,
    parse: impl Fn(&[u8]) -> Result<T, String>,
) -> std::time::Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        for bytes in &set.payloads {
            let parsed = parse(black_box(bytes))
                .unwrap_or_else(|err| panic!("a fixture does not parse: {err}"));
            black_box(parsed);
        }
    }
    start.elapsed()
}
