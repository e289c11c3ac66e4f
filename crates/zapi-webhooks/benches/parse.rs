//! Parse throughput over the fixture corpus: the typed lossless parse against
//! `serde_json::Value` and against `serde::de::IgnoredAny` (a syntax-only pass, the floor any
//! parse into memory sits on), each as its users call it:
//!
//! * `CallbackFromSlice`: `Callback::from_slice`, what the axum extractor, the gateway and the
//!   CLI call (it checks the body's UTF-8 once, then parses it as text);
//! * `Callback`, `Value`, `IgnoredAny`: `serde_json::from_slice::<T>` (which checks UTF-8 string
//!   by string);
//! * `ValueFromStr`: `Value` read the way `Callback::from_slice` reads, the body's UTF-8 checked
//!   once (`std::str::from_utf8`), then `serde_json::from_str`: the baseline that gives `Value`
//!   the same single check, so that the typed parse's lead over it is the model's alone.
//!
//! One group per fixture set, each with the five targets side by side:
//!
//! * `all`: the whole corpus (`fixtures/<callback>/*.json`, 110 payloads);
//! * `received`: the `ReceivedCallback` payloads (the bulk of real traffic);
//! * `small`: every other callback together;
//! * `delivery`, `message_status`, `presence_chat`, `connected`, `disconnected`: each alone;
//! * `compact` and `type_first`: the whole corpus rewritten without whitespace, in the original
//!   key order and with `type` moved to the front. Most fixtures (like Z-API's own payloads)
//!   send `type` after a dozen other keys; `Callback` reads the keys before `type` into a
//!   `ReceivedCallback` and moves them when `type` names another callback, so this pair
//!   measures what the key order still costs (see `README.md`, "Keys before `type`").
//!
//! One iteration parses every payload of the set once and drops the result (dropping is part of
//! the cost a webhook handler pays). Throughput is reported in bytes/s (`BytesCount`, the sum of
//! the files' sizes) and payloads/s (`ItemsCount`).
//!
//! ```text
//! cargo bench -p zapi-webhooks --bench parse                          # all 50 benches, ~50 s
//! cargo bench -p zapi-webhooks --bench parse -- '::received::'        # one set
//! cargo bench -p zapi-webhooks --bench parse -- '::all::Callback$' --min-time 3
//! cargo bench -p zapi-webhooks --bench parse -- --list                # the bench paths
//! ```
//!
//! Filters are regexes on the full path, `parse::<set>::<target>` (so `all` alone also
//! matches `small`). Defaults (100 samples, at least 0.8 s and at most 3 s per bench) come
//! from `common::divan()`; any divan flag (`--min-time`, `--sample-count`, ...) or `DIVAN_*`
//! variable overrides them.
//!
//! On a shared or virtualised machine the median moves with whatever else runs; the
//! `fastest` column (best of 1000+ samples) is the stable one to compare targets with, and
//! `benches/parse_loop.rs` under `valgrind --tool=callgrind` gives load-independent
//! instruction counts.

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use serde::de::IgnoredAny;
use serde_json::Value;
use zapi_webhooks::Callback;

mod common;

use common::{CORPUS, Set};

fn main() {
    check_corpus();
    common::divan().main();
}

/// Fails fast, before any timing, if a fixture does not parse or lands in the wrong model: a
/// bench over payloads that error out would measure the error path.
fn check_corpus() {
    for payload in CORPUS.iter() {
        serde_json::from_slice::<Value>(&payload.bytes)
            .unwrap_or_else(|err| panic!("fixture {} is not JSON: {err}", payload.path));
        let callback = serde_json::from_slice::<Callback>(&payload.bytes)
            .unwrap_or_else(|err| panic!("fixture {} does not parse: {err}", payload.path));
        let from_slice = Callback::from_slice(&payload.bytes).ok();
        assert!(
            from_slice.as_ref() == Some(&callback),
            "fixture {}: Callback::from_slice and serde_json::from_slice disagree",
            payload.path
        );
        assert_eq!(
            callback.kind().callback_type(),
            Some(payload.family),
            "fixture {} parsed as the wrong callback",
            payload.path
        );
    }
    for name in ["compact", "type_first"] {
        let set = Set::named(name);
        for (payload, bytes) in CORPUS.iter().zip(&set.payloads) {
            let original = serde_json::from_slice::<Callback>(&payload.bytes).ok();
            let rewritten = serde_json::from_slice::<Callback>(bytes).ok();
            assert!(
                rewritten.is_some() && rewritten == original,
                "fixture {} rewritten for `{name}` parses differently",
                payload.path
            );
        }
    }
}

/// A parse target: how it is read from bytes.
trait Target {
    /// What is kept, then dropped.
    type Parsed;
    /// Reads `bytes`, `None` on an error (fixtures were checked before timing).
    fn parse(bytes: &[u8]) -> Option<Self::Parsed>;
}

/// `serde_json::from_slice` for the targets that are the parsed type themselves.
macro_rules! from_slice_targets {
    ($($ty:ty),*) => {$(
        impl Target for $ty {
            type Parsed = $ty;
            fn parse(bytes: &[u8]) -> Option<$ty> {
                serde_json::from_slice(bytes).ok()
            }
        }
    )*};
}

from_slice_targets!(Callback, Value, IgnoredAny);

/// The crate's own entry point, `Callback::from_slice`.
struct CallbackFromSlice;

impl Target for CallbackFromSlice {
    type Parsed = Callback;
    fn parse(bytes: &[u8]) -> Option<Callback> {
        Callback::from_slice(bytes).ok()
    }
}

/// `Value` with one UTF-8 check for the whole body, as `Callback::from_slice` does it.
struct ValueFromStr;

impl Target for ValueFromStr {
    type Parsed = Value;
    fn parse(bytes: &[u8]) -> Option<Value> {
        let text = std::str::from_utf8(bytes).ok()?;
        serde_json::from_str(text).ok()
    }
}

/// Parses every payload of the set `name` into `T` once per iteration.
fn parse_set<T: Target>(bencher: Bencher, name: &str) {
    let set = Set::named(name);
    bencher
        .counter(BytesCount::new(set.bytes))
        .counter(ItemsCount::new(set.payloads.len()))
        .bench(|| {
            for bytes in &set.payloads {
                let parsed = T::parse(black_box(bytes))
                    .expect("fixtures were checked to parse before timing");
                black_box(parsed);
            }
        });
}

/// One bench group per fixture set, each generic over the parse target.
macro_rules! fixture_sets {
    ($($set:ident),* $(,)?) => {
        $(
            #[doc = concat!("The `", stringify!($set), "` fixture set.")]
            #[divan::bench(types = [CallbackFromSlice, Callback, Value, ValueFromStr, IgnoredAny])]
            fn $set<T: Target>(bencher: Bencher) {
                parse_set::<T>(bencher, stringify!($set));
            }
        )*
    };
}

fixture_sets!(
    all,
    received,
    small,
    delivery,
    message_status,
    presence_chat,
    connected,
    disconnected,
    compact,
    type_first,
);
