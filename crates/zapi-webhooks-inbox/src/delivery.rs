//! What the inbox stores and hands out: deliveries, their states and the store's counts.

use std::fmt;
use std::str::FromStr;

use bytes::Bytes;

use crate::facts::Facts;

/// A delivery to store: its body as received (decoded if it came compressed) and its facts.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct NewDelivery {
    /// What the callback says about itself (dedupe key, callback, kind, chat, instance).
    pub facts: Facts,
    /// The path it was posted to (`/webhook/received`).
    pub path: String,
    /// When it arrived, in milliseconds since the Unix epoch.
    pub received_at: i64,
    /// The body, byte for byte.
    pub body: Bytes,
}

impl NewDelivery {
    /// A delivery arriving now.
    pub fn new(facts: Facts, path: impl Into<String>, body: Bytes) -> NewDelivery {
        NewDelivery {
            facts,
            path: path.into(),
            received_at: now_millis(),
            body,
        }
    }
}

/// What storing a delivery did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Inserted {
    /// Stored, under this id; it is on disk.
    New(i64),
    /// A delivery with the same dedupe key was already stored: nothing was written but the
    /// duplicate count.
    Duplicate,
}

/// Where a delivery is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum State {
    /// Waiting for its (next) attempt.
    Pending,
    /// Claimed by a worker, whose lease ends at [`Delivery::next_attempt_at`]; when it ends
    /// without an answer, the delivery is claimable again.
    InFlight,
    /// Processed (forwarded with a 2xx answer, or the handler returned `Ok`).
    Delivered,
    /// Every attempt failed; kept until replayed.
    Dead,
}

impl State {
    /// Every state, in the order of a delivery's life.
    pub const ALL: [State; 4] = [
        State::Pending,
        State::InFlight,
        State::Delivered,
        State::Dead,
    ];

    /// The name stored in the database and shown by the CLI: `pending`, `in_flight`,
    /// `delivered`, `dead`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::InFlight => "in_flight",
            State::Delivered => "delivered",
            State::Dead => "dead",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for State {
    type Err = String;

    fn from_str(text: &str) -> Result<State, String> {
        State::ALL
            .into_iter()
            .find(|state| state.as_str() == text)
            .ok_or_else(|| {
                format!("unknown state {text:?}: expected pending, in_flight, delivered or dead")
            })
    }
}

/// A stored delivery.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Delivery {
    /// Its id in the store, growing in arrival order.
    pub id: i64,
    /// The key its duplicates share; sent as `webhook-id` when forwarded.
    pub dedupe_key: String,
    /// The callback's type (`ReceivedCallback`).
    pub callback: String,
    /// Its kind (`text`, `message_status`).
    pub kind: String,
    /// Its chat, when it names one.
    pub chat: Option<String>,
    /// Its instance, when it names one.
    pub instance: Option<String>,
    /// The path it was posted to.
    pub path: String,
    /// When it arrived (milliseconds since the Unix epoch).
    pub received_at: i64,
    /// The body exactly as stored.
    pub body: Bytes,
    /// Its state.
    pub state: State,
    /// How many attempts were started (a claim counts as one).
    pub attempts: u32,
    /// When it may be attempted next; for [`State::InFlight`], when the lease ends.
    pub next_attempt_at: i64,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}

/// How an attempt ended, as the worker reports it to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// Done.
    Delivered,
    /// Failed; try again at `at` (milliseconds since the Unix epoch).
    Retry {
        /// When to try again.
        at: i64,
        /// Why it failed.
        error: String,
    },
    /// Failed for the last time.
    Dead {
        /// Why it failed.
        error: String,
    },
}

impl Outcome {
    /// The values of the finish statement's state, next attempt time, finish time and error.
    pub(crate) fn columns(&self, now: i64) -> (State, i64, Option<i64>, Option<&str>) {
        match self {
            Outcome::Delivered => (State::Delivered, now, Some(now), None),
            Outcome::Retry { at, error } => (State::Pending, *at, None, Some(error)),
            Outcome::Dead { error } => (State::Dead, now, Some(now), Some(error)),
        }
    }
}

/// The store's counts: what `zapi-webhooks inbox stats` prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stats {
    /// Deliveries accepted: stored ones plus duplicates.
    pub received: u64,
    /// Deliveries not stored again because their dedupe key was already stored.
    pub duplicates: u64,
    /// Stored and not yet processed (waiting or in flight).
    pub pending: u64,
    /// Of those, claimed by a worker right now.
    pub in_flight: u64,
    /// Processed.
    pub delivered: u64,
    /// Failed every attempt.
    pub dead: u64,
}

impl Stats {
    /// Adds `count` stored deliveries in the state named `state`.
    pub(crate) fn add(&mut self, state: &str, count: u64) {
        match state.parse::<State>() {
            Ok(State::Pending) => self.pending += count,
            Ok(State::InFlight) => {
                self.pending += count;
                self.in_flight += count;
            }
            Ok(State::Delivered) => self.delivered += count,
            Ok(State::Dead) => self.dead += count,
            Err(_) => {}
        }
        self.received += count;
    }
}

/// Which deliveries [`Store::list`](crate::Store::list) returns; every criterion given must hold.
///
/// Build it with `..Filter::default()` for the criteria not given.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only in this state.
    pub state: Option<State>,
    /// Only of this chat.
    pub chat: Option<String>,
    /// Only of this kind.
    pub kind: Option<String>,
    /// Only with an id greater than this (to page through).
    pub after_id: Option<i64>,
    /// At most this many (oldest first); `None` for all.
    pub limit: Option<u64>,
}

/// Which deliveries [`Store::replay`](crate::Store::replay) sets back to pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Replay {
    /// This one, whatever its state but in flight.
    One(i64),
    /// Every dead delivery.
    AllDead,
}

/// Milliseconds since the Unix epoch, now.
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
