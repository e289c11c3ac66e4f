//! The fixture corpus, loaded once per bench binary and grouped by callback family.
//!
//! Shared by `parse.rs` and `validate.rs` through `mod common;` (Cargo does not build
//! `benches/common/mod.rs` as a bench target of its own).

#![allow(dead_code)]

use std::sync::LazyLock;
use std::time::Duration;

use zapi_webhooks::CallbackType;

/// The default sampling used by every bench binary unless `--sample-count`, `--min-time`, ... or
/// the matching `DIVAN_*` environment variables say otherwise: enough samples for a stable
/// median, a floor of wall time so the tiny payloads are not measured on a handful of
/// iterations, and a ceiling that keeps `cargo bench -p zapi-webhooks` short on 2 cores.
pub fn divan() -> divan::Divan {
    divan::Divan::default()
        .sample_count(100)
        .min_time(Duration::from_millis(800))
        .max_time(Duration::from_secs(3))
        .config_with_args()
}

/// One payload fixture: `fixtures/<callback>/<name>.json`.
pub struct Payload {
    /// The folder it lives in.
    pub family: CallbackType,
    /// Path relative to `fixtures/`, for messages.
    pub path: String,
    /// The file's bytes, exactly as on disk.
    pub bytes: Vec<u8>,
}

#[path = "../../tests/common/corpus.rs"]
mod corpus;

/// Every payload fixture, in folder order ([`CallbackType::ALL`]) then path order.
pub static CORPUS: LazyLock<Vec<Payload>> = LazyLock::new(load_corpus);

fn load_corpus() -> Vec<Payload> {
    let mut corpus: Vec<Payload> = corpus::fixtures()
        .into_iter()
        .map(|fixture| Payload {
            family: CallbackType::from_name(&fixture.callback)
                .unwrap_or_else(|| panic!("bench setup: {} has no known callback", fixture.path)),
            path: fixture.path,
            bytes: fixture.bytes,
        })
        .collect();
    corpus.sort_by_key(|payload| (payload.family as usize, payload.path.clone()));
    corpus
}

/// A set of payloads measured together: one bench iteration handles each of them once.
pub struct Set {
    /// The payloads' bytes.
    pub payloads: Vec<&'static [u8]>,
    /// Total size in bytes of one pass over the set.
    pub bytes: usize,
}

impl Set {
    /// The payloads of `CORPUS` that `keep` selects.
    pub fn select(keep: impl Fn(&Payload) -> bool) -> Set {
        let payloads: Vec<&'static [u8]> = CORPUS
            .iter()
            .filter(|payload| keep(payload))
            .map(|payload| payload.bytes.as_slice())
            .collect();
        let bytes = payloads.iter().map(|bytes| bytes.len()).sum();
        Set { payloads, bytes }
    }

    /// The whole corpus rewritten compact (no whitespace), top-level keys in their original
    /// order, or with `type` moved first when `type_first`. Nested objects come out with sorted
    /// keys in both variants (they go through `serde_json::Value`), so the two differ only in
    /// where `type` sits.
    pub fn rewritten(type_first: bool) -> Set {
        let payloads: Vec<&'static [u8]> = CORPUS
            .iter()
            .map(|payload| {
                let bytes: &'static [u8] = rewrite(payload, type_first).leak();
                bytes
            })
            .collect();
        let bytes = payloads.iter().map(|bytes| bytes.len()).sum();
        Set { payloads, bytes }
    }

    /// A named set: `all`, `small` (every callback but `received`), a callback's snake_case
    /// name (`received`, `message_status`, ...), or `compact` / `type_first` (see
    /// [`Set::rewritten`]).
    pub fn named(name: &str) -> Set {
        let set = match name {
            "all" => Set::select(|_| true),
            "small" => Set::select(|p| p.family != CallbackType::Received),
            "compact" => Set::rewritten(false),
            "type_first" => Set::rewritten(true),
            other => {
                let family = CallbackType::from_name(other)
                    .unwrap_or_else(|| panic!("bench setup: unknown fixture set `{other}`"));
                Set::select(|p| p.family == family)
            }
        };
        assert!(
            !set.payloads.is_empty(),
            "bench setup: fixture set `{name}` is empty"
        );
        set
    }
}

/// A payload's top-level entries in document order (`serde_json::Value` would sort them).
struct OrderedEntries(Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for OrderedEntries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> serde::de::Visitor<'de> for EntriesVisitor {
            type Value = OrderedEntries;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<OrderedEntries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(OrderedEntries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

/// `payload` as compact JSON, with its `type` entry first when `type_first`.
fn rewrite(payload: &Payload, type_first: bool) -> Vec<u8> {
    let OrderedEntries(mut entries) = serde_json::from_slice(&payload.bytes)
        .unwrap_or_else(|err| panic!("fixture {} is not a JSON object: {err}", payload.path));
    if type_first {
        entries.sort_by_key(|(key, _)| key != "type");
    }
    let mut out = b"{".to_vec();
    for (index, (key, value)) in entries.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, key).expect("writing to a Vec cannot fail");
        out.push(b':');
        serde_json::to_writer(&mut out, value).expect("writing to a Vec cannot fail");
    }
    out.push(b'}');
    out
}
