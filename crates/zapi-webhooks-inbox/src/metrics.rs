//! Counters and latency histograms, rendered in Prometheus' text format.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::delivery::Stats;

/// The upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// A latency histogram (cumulative on rendering).
#[derive(Debug, Default)]
pub struct Histogram {
    counts: [AtomicU64; BUCKETS.len() + 1],
    sum_micros: AtomicU64,
}

impl Histogram {
    /// Records one observation.
    pub fn observe(&self, took: Duration) {
        let seconds = took.as_secs_f64();
        let bucket = BUCKETS
            .iter()
            .position(|bound| seconds <= *bound)
            .unwrap_or(BUCKETS.len());
        self.counts[bucket].fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        self.sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    fn render(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        let mut total = 0;
        for (i, count) in self.counts.iter().enumerate() {
            total += count.load(Ordering::Relaxed);
            match BUCKETS.get(i) {
                Some(bound) => {
                    let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {total}");
                }
                None => {
                    let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {total}");
                }
            }
        }
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum {sum}\n{name}_count {total}");
    }
}

/// What the gateway and its worker count. Shared (`Arc`) between them.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct Metrics {
    /// Deliveries stored.
    pub stored: AtomicU64,
    /// Deliveries answered 200 without being stored again.
    pub duplicates: AtomicU64,
    /// Deliveries that could not be stored (answered 503).
    pub store_errors: AtomicU64,
    /// Deliveries processed (forwarded with a 2xx answer).
    pub forwarded: AtomicU64,
    /// Failed attempts that will be tried again.
    pub retries: AtomicU64,
    /// Deliveries whose last attempt failed.
    pub dead: AtomicU64,
    /// 1 while the worker's [`CircuitBreaker`](crate::CircuitBreaker) has paused it, else 0.
    pub paused: AtomicU64,
    /// From the request's arrival to its answer, for stored deliveries and duplicates.
    pub accept_latency: Histogram,
    /// Of each attempt to process a delivery.
    pub forward_latency: Histogram,
    /// From a delivery's arrival to its processing.
    pub end_to_end_latency: Histogram,
}

impl Metrics {
    /// Adds one to `counter`.
    pub fn count(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// The metrics in Prometheus' text format; with the store's counts (`pending` and the
    /// rest as gauges) when they could be read.
    pub fn render(&self, stats: Option<&Stats>) -> String {
        let mut out = String::new();
        let counters = [
            (
                "zapi_inbox_received_total",
                "Deliveries accepted: stored or duplicate.",
                self.stored.load(Ordering::Relaxed) + self.duplicates.load(Ordering::Relaxed),
            ),
            (
                "zapi_inbox_stored_total",
                "Deliveries stored.",
                self.stored.load(Ordering::Relaxed),
            ),
            (
                "zapi_inbox_duplicates_total",
                "Deliveries not stored again: their dedupe key was stored.",
                self.duplicates.load(Ordering::Relaxed),
            ),
            (
                "zapi_inbox_store_errors_total",
                "Deliveries that could not be stored (answered 503).",
                self.store_errors.load(Ordering::Relaxed),
            ),
            (
                "zapi_inbox_forwarded_total",
                "Deliveries processed.",
                self.forwarded.load(Ordering::Relaxed),
            ),
            (
                "zapi_inbox_retries_total",
                "Failed attempts to be tried again.",
                self.retries.load(Ordering::Relaxed),
            ),
            (
                "zapi_inbox_dead_total",
                "Deliveries whose last attempt failed.",
                self.dead.load(Ordering::Relaxed),
            ),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP zapi_inbox_paused 1 while failures in a row have paused the worker (one \
             probing attempt at a time), else 0.\n# TYPE zapi_inbox_paused gauge\n\
             zapi_inbox_paused {}",
            self.paused.load(Ordering::Relaxed)
        );
        if let Some(stats) = stats {
            let gauges = [
                (
                    "zapi_inbox_pending",
                    "Stored deliveries not yet processed (in the store, all replicas).",
                    stats.pending,
                ),
                (
                    "zapi_inbox_in_flight",
                    "Deliveries being processed now (in the store).",
                    stats.in_flight,
                ),
                (
                    "zapi_inbox_delivered",
                    "Processed deliveries (in the store).",
                    stats.delivered,
                ),
                (
                    "zapi_inbox_dead",
                    "Dead deliveries (in the store).",
                    stats.dead,
                ),
            ];
            for (name, help, value) in gauges {
                let _ = writeln!(
                    out,
                    "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
                );
            }
        }
        self.accept_latency.render(
            &mut out,
            "zapi_inbox_accept_seconds",
            "From a delivery's arrival to its answer.",
        );
        self.forward_latency.render(
            &mut out,
            "zapi_inbox_forward_seconds",
            "Of each attempt to process a delivery.",
        );
        self.end_to_end_latency.render(
            &mut out,
            "zapi_inbox_end_to_end_seconds",
            "From a delivery's arrival to its processing.",
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_gauges_and_cumulative_buckets() {
        let metrics = Metrics::default();
        Metrics::count(&metrics.stored);
        Metrics::count(&metrics.duplicates);
        metrics.accept_latency.observe(Duration::from_micros(300));
        metrics.accept_latency.observe(Duration::from_millis(3));
        metrics.accept_latency.observe(Duration::from_secs(9));
        let stats = Stats {
            pending: 4,
            ..Stats::default()
        };
        let text = metrics.render(Some(&stats));
        for line in [
            "zapi_inbox_received_total 2",
            "zapi_inbox_duplicates_total 1",
            "zapi_inbox_pending 4",
            "zapi_inbox_accept_seconds_bucket{le=\"0.0005\"} 1",
            "zapi_inbox_accept_seconds_bucket{le=\"0.005\"} 2",
            "zapi_inbox_accept_seconds_bucket{le=\"5\"} 2",
            "zapi_inbox_accept_seconds_bucket{le=\"+Inf\"} 3",
            "zapi_inbox_accept_seconds_count 3",
            "# TYPE zapi_inbox_forwarded_total counter",
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "missing {line:?} in\n{text}"
            );
        }
    }
}
