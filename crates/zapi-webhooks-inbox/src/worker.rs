//! Processing: a [`Handler`] (an async fn, a `tower::Service`, or the [`Forwarder`]) run by a
//! [`Worker`] that claims due deliveries, retries failures with backoff and jitter, and sends
//! the hopeless ones to the dead state.
//!
//! [`Forwarder`]: crate::Forwarder

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, mpsc};
use tokio::task::JoinSet;

use crate::delivery::{Delivery, Outcome, now_millis};
use crate::metrics::Metrics;
use crate::store::{BoxFuture, Store};

/// Why an attempt failed: a short text recorded with the delivery (`status 503`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}

/// Processes one delivery. `Ok` marks it delivered; `Err` schedules a retry (or, after the
/// last attempt, the dead state). It may be called more than once for one delivery (a crash
/// after the work and before the store recorded it): use [`Delivery::dedupe_key`] to make the
/// work idempotent.
pub trait Handler: Send + Sync + 'static {
    /// Processes `delivery`.
    fn handle(&self, delivery: Delivery) -> BoxFuture<'_, Result<(), Failure>>;
}

/// A [`Handler`] from an async function: see [`handler_fn`].
pub struct HandlerFn<F>(F);

/// Makes a [`Handler`] of an async function or closure taking the [`Delivery`] and returning
/// `Result<(), E>` for any displayable `E`.
///
/// ```
/// use zapi_webhooks_inbox::{Delivery, handler_fn};
///
/// let handler = handler_fn(|delivery: Delivery| async move {
///     println!("{} {} ({} bytes)", delivery.dedupe_key, delivery.kind, delivery.body.len());
///     Ok::<(), std::io::Error>(())
/// });
/// # let _ = handler;
/// ```
pub fn handler_fn<F, Fut, E>(function: F) -> HandlerFn<F>
where
    F: Fn(Delivery) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: fmt::Display,
{
    HandlerFn(function)
}

impl<F, Fut, E> Handler for HandlerFn<F>
where
    F: Fn(Delivery) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: fmt::Display,
{
    fn handle(&self, delivery: Delivery) -> BoxFuture<'_, Result<(), Failure>> {
        let future = (self.0)(delivery);
        Box::pin(async move { future.await.map_err(|e| Failure(e.to_string())) })
    }
}

/// A [`Handler`] from a `tower::Service<Delivery>` (cloned for each delivery, as tower
/// services are): see [`ServiceHandler::new`].
pub struct ServiceHandler<S>(S);

impl<S> ServiceHandler<S> {
    /// Wraps `service`, whose `Ok` response marks the delivery delivered.
    pub fn new(service: S) -> ServiceHandler<S> {
        ServiceHandler(service)
    }
}

impl<S> Handler for ServiceHandler<S>
where
    S: tower_service::Service<Delivery> + Clone + Send + Sync + 'static,
    S::Future: Send,
    S::Error: fmt::Display,
{
    fn handle(&self, delivery: Delivery) -> BoxFuture<'_, Result<(), Failure>> {
        let mut service = self.0.clone();
        Box::pin(async move {
            std::future::poll_fn(|cx: &mut Context<'_>| -> Poll<Result<(), S::Error>> {
                service.poll_ready(cx)
            })
            .await
            .map_err(|e| Failure(e.to_string()))?;
            service
                .call(delivery)
                .await
                .map(drop)
                .map_err(|e| Failure(e.to_string()))
        })
    }
}

/// How failed attempts are retried: exponential backoff with jitter, up to a number of
/// attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; after the last failure the delivery is dead.
    pub max_attempts: u32,
    /// The wait after the first failure; it doubles after each.
    pub base: Duration,
    /// The longest wait.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// 10 attempts, 1 s doubling up to 10 minutes (about 17 minutes in all).
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 10,
            base: Duration::from_secs(1),
            max_delay: Duration::from_secs(600),
        }
    }
}

impl RetryPolicy {
    /// The wait after the failure of attempt `attempt` (1 for the first): `base * 2^(attempt-1)`,
    /// at most `max_delay`, then a random point between half of it and all of it, so that
    /// deliveries that failed together do not all come back together.
    pub fn delay(&self, attempt: u32) -> Duration {
        let doubling = attempt.saturating_sub(1).min(30);
        let full = self
            .base
            .saturating_mul(1u32 << doubling)
            .min(self.max_delay);
        let half = full / 2;
        half + full.saturating_sub(half).mul_f64(fastrand::f64())
    }

    /// How an attempt that failed with `failure` ends: a retry, or dead after the last.
    pub fn outcome(&self, attempt: u32, failure: Failure) -> Outcome {
        if attempt >= self.max_attempts {
            Outcome::Dead { error: failure.0 }
        } else {
            let wait = i64::try_from(self.delay(attempt).as_millis()).unwrap_or(i64::MAX);
            Outcome::Retry {
                at: now_millis().saturating_add(wait),
                error: failure.0,
            }
        }
    }
}

/// Pauses a [`Worker`] whose handler keeps failing, as a forward target that is down makes
/// every attempt fail: after `failures` failed attempts in a row the worker attempts one
/// delivery at a time, one every `probe`, and takes none as it is stored, until an attempt
/// succeeds; then it resumes at full concurrency. Meanwhile deliveries wait in the store, due,
/// without spending their attempts on a target that cannot take them (and without a write to
/// the store for each failure). Set with [`Worker::circuit_breaker`]; a worker has none unless
/// given one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CircuitBreaker {
    /// Failed attempts in a row that pause the worker (at least 1).
    pub failures: u32,
    /// While paused, the time between two probing attempts.
    pub probe: Duration,
}

impl Default for CircuitBreaker {
    /// Paused after 10 failures in a row, one probe a second.
    fn default() -> CircuitBreaker {
        CircuitBreaker {
            failures: 10,
            probe: Duration::from_secs(1),
        }
    }
}

/// The breaker's state, shared by the worker's attempts, its loop and its [`Handoff`].
#[derive(Debug, Default)]
struct Circuit {
    failed_in_a_row: AtomicU32,
    open: AtomicBool,
}

impl Circuit {
    fn is_open(&self) -> bool {
        self.open.load(Ordering::Acquire)
    }

    /// Counts an attempt's result; says whether it closed the circuit.
    fn record(
        &self,
        breaker: &CircuitBreaker,
        failure: Option<&Failure>,
        metrics: &Metrics,
    ) -> bool {
        let Some(failure) = failure else {
            self.failed_in_a_row.store(0, Ordering::Relaxed);
            if self.open.swap(false, Ordering::AcqRel) {
                metrics.paused.store(0, Ordering::Relaxed);
                eprintln!("inbox worker: an attempt succeeded: resuming");
                return true;
            }
            return false;
        };
        let failed = self.failed_in_a_row.fetch_add(1, Ordering::Relaxed) + 1;
        if failed >= breaker.failures.max(1) && !self.open.swap(true, Ordering::AcqRel) {
            metrics.paused.store(1, Ordering::Relaxed);
            eprintln!(
                "inbox worker: {failed} attempts in a row failed (the last: {failure}): pausing, \
                 one attempt every {:?} until one succeeds",
                breaker.probe
            );
        }
        false
    }
}

/// Claims due deliveries from a store and runs a handler on each: at-least-once processing,
/// a chat's deliveries one at a time in arrival order, different chats in parallel.
///
/// ```no_run
/// use std::sync::Arc;
/// use zapi_webhooks_inbox::{Delivery, Worker, handler_fn};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let store = zapi_webhooks_inbox::open("sqlite:inbox.db").await?;
/// let worker = Worker::new(store, handler_fn(|delivery: Delivery| async move {
///     // ... the work, idempotent by delivery.dedupe_key ...
///     Ok::<(), String>(())
/// }));
/// // Runs for a minute (give it your shutdown signal instead).
/// worker.run(tokio::time::sleep(std::time::Duration::from_secs(60))).await;
/// # Ok(())
/// # }
/// ```
pub struct Worker {
    store: Arc<dyn Store>,
    handler: Arc<dyn Handler>,
    retry: RetryPolicy,
    concurrency: usize,
    lease: Duration,
    poll: Duration,
    wake: Arc<Notify>,
    metrics: Arc<Metrics>,
    /// Its free places: what a claim may take, and what a [`Handoff`] takes for the
    /// deliveries it hands over.
    slots: Arc<Semaphore>,
    handed: mpsc::UnboundedSender<Handed>,
    receive: Option<mpsc::UnboundedReceiver<Handed>>,
    breaker: Option<CircuitBreaker>,
    circuit: Arc<Circuit>,
}

/// A delivery claimed as it was stored, with the worker's place it took.
type Handed = (Delivery, OwnedSemaphorePermit);

/// What hands deliveries claimed as they are stored ([`Store::insert_claimed`]) straight to a
/// [`Worker`] of the same process: no claim of the store for them. Made by
/// [`Worker::handoff`]; the [`Gateway`](crate::Gateway) takes one (`Gateway::hand_to`).
#[derive(Clone)]
pub struct Handoff {
    slots: Arc<Semaphore>,
    handed: mpsc::UnboundedSender<Handed>,
    lease: Duration,
    circuit: Arc<Circuit>,
}

impl Handoff {
    /// Takes a free place of the worker, if it has one and is not paused by its
    /// [`CircuitBreaker`]: only then may a delivery be claimed as it is stored.
    pub(crate) fn reserve(&self) -> Option<OwnedSemaphorePermit> {
        if self.circuit.is_open() {
            return None;
        }
        self.slots.clone().try_acquire_owned().ok()
    }

    /// The worker's lease, for the claim.
    pub(crate) fn lease(&self) -> Duration {
        self.lease
    }

    /// Gives the worker `delivery`, claimed with the place `slot`. Should the worker be gone,
    /// the delivery's lease ends and a claim takes it.
    pub(crate) fn hand(&self, delivery: Delivery, slot: OwnedSemaphorePermit) {
        let _ = self.handed.send((delivery, slot));
    }
}

impl Worker {
    /// A worker for `store` running `handler`: 16 deliveries at a time, the default
    /// [`RetryPolicy`], a lease of 5 minutes, a look at the store at least every 250 ms.
    pub fn new(store: Arc<dyn Store>, handler: impl Handler) -> Worker {
        let (handed, receive) = mpsc::unbounded_channel();
        Worker {
            store,
            handler: Arc::new(handler),
            retry: RetryPolicy::default(),
            concurrency: 16,
            lease: Duration::from_secs(300),
            poll: Duration::from_millis(250),
            wake: Arc::new(Notify::new()),
            metrics: Arc::new(Metrics::default()),
            slots: Arc::new(Semaphore::new(16)),
            handed,
            receive: Some(receive),
            breaker: None,
            circuit: Arc::new(Circuit::default()),
        }
    }

    /// Pauses the worker while its handler keeps failing: see [`CircuitBreaker`].
    pub fn circuit_breaker(mut self, breaker: CircuitBreaker) -> Worker {
        self.breaker = Some(breaker);
        self
    }

    /// Sets the retry policy.
    pub fn retry(mut self, retry: RetryPolicy) -> Worker {
        self.retry = retry;
        self
    }

    /// Sets how many deliveries are processed at once (at least 1).
    pub fn concurrency(mut self, deliveries: usize) -> Worker {
        let deliveries = deliveries.max(1);
        // Before `run` no place is taken: the semaphore holds `self.concurrency` permits.
        if deliveries > self.concurrency {
            self.slots.add_permits(deliveries - self.concurrency);
        } else {
            self.slots.forget_permits(self.concurrency - deliveries);
        }
        self.concurrency = deliveries;
        self
    }

    /// What hands deliveries to this worker as they are stored (give it to the
    /// [`Gateway`](crate::Gateway) with `Gateway::hand_to`). Take it after setting the lease.
    pub fn handoff(&self) -> Handoff {
        Handoff {
            slots: self.slots.clone(),
            handed: self.handed.clone(),
            lease: self.lease,
            circuit: self.circuit.clone(),
        }
    }

    /// Sets how long a claim lasts: a delivery whose handler has not finished by then (a
    /// crashed process) is claimed again. Make it longer than the handler ever takes.
    pub fn lease(mut self, lease: Duration) -> Worker {
        self.lease = lease;
        self
    }

    /// Sets how often the store is looked at when nothing woke the worker (deliveries stored
    /// by another process or replica, retries coming due).
    pub fn poll_interval(mut self, poll: Duration) -> Worker {
        self.poll = poll;
        self
    }

    /// Shares `metrics` (the gateway's) instead of the worker's own.
    pub fn metrics(mut self, metrics: Arc<Metrics>) -> Worker {
        self.metrics = metrics;
        self
    }

    /// Uses `wake` to learn of new deliveries at once (the gateway notifies it after each
    /// insert) instead of its own.
    pub fn wake_on(mut self, wake: Arc<Notify>) -> Worker {
        self.wake = wake;
        self
    }

    /// Runs until `shutdown` completes, then stops claiming and waits for the attempts under
    /// way to finish and be recorded.
    pub async fn run(mut self, shutdown: impl Future<Output = ()>) {
        let mut handed = self.receive.take();
        let worker = Arc::new(self);
        let slots = worker.slots.clone();
        let mut running = JoinSet::new();
        let start = |running: &mut JoinSet<()>, delivery: Delivery, slot: OwnedSemaphorePermit| {
            let worker = worker.clone();
            running.spawn(async move {
                worker.attempt(delivery).await;
                drop(slot);
            });
        };
        tokio::pin!(shutdown);
        // Whether to look at the store: not when only a handed-over delivery woke the worker.
        let mut look = true;
        // While the circuit breaker has paused the worker: when it may probe next.
        let mut next_probe = tokio::time::Instant::now();
        loop {
            let mut full_claim = false;
            let paused = worker.circuit.is_open();
            if look {
                // Paused, one probe at a time, once it is due.
                let wanted = if !paused {
                    usize::MAX
                } else if running.is_empty() && tokio::time::Instant::now() >= next_probe {
                    1
                } else {
                    0
                };
                // The places first, so that a handoff cannot take one between the claim and
                // the start of what it returned; those left over are given back.
                let mut places: Vec<OwnedSemaphorePermit> =
                    std::iter::from_fn(|| slots.clone().try_acquire_owned().ok())
                        .take(wanted)
                        .collect();
                if !places.is_empty() {
                    if let Some(breaker) = worker.breaker.filter(|_| paused) {
                        next_probe = tokio::time::Instant::now() + breaker.probe;
                    }
                    match worker.store.claim(places.len(), worker.lease).await {
                        Ok(claimed) => {
                            full_claim = !paused && claimed.len() == places.len();
                            for (delivery, slot) in claimed.into_iter().zip(places.drain(..)) {
                                start(&mut running, delivery, slot);
                            }
                        }
                        Err(error) => eprintln!("inbox worker: cannot claim: {error}"),
                    }
                }
            }
            // After a full claim more may be due: look again once a slot frees up. Paused,
            // neither new deliveries nor the poll matter: only the next probe.
            let paused = worker.circuit.is_open();
            look = tokio::select! {
                () = &mut shutdown => break,
                () = worker.wake.notified(), if !full_claim && !paused => true,
                () = tokio::time::sleep(worker.poll), if !full_claim && !paused => true,
                () = tokio::time::sleep_until(next_probe), if paused => true,
                // A finished delivery may unblock the next of its chat: look then, once for
                // every attempt that has ended by now.
                Some(_) = running.join_next(), if !running.is_empty() => {
                    while running.try_join_next().is_some() {}
                    true
                }
                Some((delivery, slot)) = next_handed(&mut handed) => {
                    // Already claimed: no look at the store for it.
                    start(&mut running, delivery, slot);
                    while let Some(Ok((delivery, slot))) = handed.as_mut().map(|h| h.try_recv()) {
                        start(&mut running, delivery, slot);
                    }
                    false
                }
            };
        }
        // Deliveries handed over before the shutdown are claimed: attempt them too.
        while let Some(Ok((delivery, slot))) = handed.as_mut().map(|h| h.try_recv()) {
            start(&mut running, delivery, slot);
        }
        while running.join_next().await.is_some() {}
    }

    /// One attempt: the handler, then its outcome recorded.
    async fn attempt(&self, delivery: Delivery) {
        let (id, attempt, received_at) = (delivery.id, delivery.attempts, delivery.received_at);
        let started = Instant::now();
        let result = self.handler.handle(delivery).await;
        self.metrics.forward_latency.observe(started.elapsed());
        if let Some(breaker) = &self.breaker
            && self
                .circuit
                .record(breaker, result.as_ref().err(), &self.metrics)
        {
            // Resumed: the deliveries that waited are due.
            self.wake.notify_one();
        }
        let outcome = match result {
            Ok(()) => Outcome::Delivered,
            Err(failure) => self.retry.outcome(attempt, failure),
        };
        match &outcome {
            Outcome::Delivered => {
                Metrics::count(&self.metrics.forwarded);
                let waited = now_millis().saturating_sub(received_at).max(0);
                self.metrics
                    .end_to_end_latency
                    .observe(Duration::from_millis(waited.unsigned_abs()));
            }
            Outcome::Retry { .. } => Metrics::count(&self.metrics.retries),
            Outcome::Dead { error } => {
                Metrics::count(&self.metrics.dead);
                eprintln!("inbox worker: delivery {id} is dead after {attempt} attempts: {error}");
            }
        }
        match self.store.finish(id, attempt, outcome).await {
            Ok(true) => {}
            Ok(false) => eprintln!(
                "inbox worker: delivery {id}: attempt {attempt} outlived its lease; \
                 another claim holds it"
            ),
            // The lease will end and the delivery be attempted again.
            Err(error) => eprintln!("inbox worker: delivery {id}: cannot record: {error}"),
        }
    }
}

/// The next delivery handed over, when there is a receiver.
async fn next_handed(receive: &mut Option<mpsc::UnboundedReceiver<Handed>>) -> Option<Handed> {
    match receive {
        Some(receive) => receive.recv().await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paused_worker_takes_no_delivery_as_it_is_stored() {
        let (handed, _receive) = mpsc::unbounded_channel();
        let circuit = Arc::new(Circuit::default());
        let handoff = Handoff {
            slots: Arc::new(Semaphore::new(2)),
            handed,
            lease: Duration::from_secs(1),
            circuit: circuit.clone(),
        };
        let breaker = CircuitBreaker {
            failures: 2,
            probe: Duration::from_millis(10),
        };
        let metrics = Metrics::default();
        let failure = Failure("status 503".into());
        let place = handoff.reserve();
        assert!(place.is_some());
        drop(place);
        assert!(!circuit.record(&breaker, Some(&failure), &metrics));
        assert!(handoff.reserve().is_some(), "one failure does not pause");
        // A success between failures starts the count over.
        assert!(!circuit.record(&breaker, None, &metrics));
        assert!(!circuit.record(&breaker, Some(&failure), &metrics));
        assert!(handoff.reserve().is_some());
        assert!(!circuit.record(&breaker, Some(&failure), &metrics));
        assert!(circuit.is_open());
        assert_eq!(metrics.paused.load(Ordering::Relaxed), 1);
        assert!(handoff.reserve().is_none(), "paused: no handoff");
        assert!(
            circuit.record(&breaker, None, &metrics),
            "a success resumes"
        );
        assert_eq!(metrics.paused.load(Ordering::Relaxed), 0);
        assert!(handoff.reserve().is_some());
    }

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        let policy = RetryPolicy {
            max_attempts: 5,
            base: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
        };
        for _ in 0..200 {
            let first = policy.delay(1);
            assert!((50..=100).contains(&first.as_millis()), "{first:?}");
            let third = policy.delay(3);
            assert!((200..=400).contains(&third.as_millis()), "{third:?}");
            let capped = policy.delay(30);
            assert!((500..=1000).contains(&capped.as_millis()), "{capped:?}");
        }
        let spread: std::collections::HashSet<u128> =
            (0..50).map(|_| policy.delay(4).as_micros()).collect();
        assert!(spread.len() > 10, "no jitter: {spread:?}");
        assert!(matches!(
            policy.outcome(4, Failure("x".into())),
            Outcome::Retry { .. }
        ));
        assert_eq!(
            policy.outcome(5, Failure("x".into())),
            Outcome::Dead { error: "x".into() }
        );
    }
}
