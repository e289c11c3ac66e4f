//! Property tests: arbitrary JSON and arbitrary bytes never make the parser panic, and whatever
//! parses is written back exactly.

mod common;

use proptest::prelude::*;
use serde_json::{Map, Value};
use zapi_webhooks::Callback;

/// Keys that reach the typed models, mixed with arbitrary ones.
const KEYS: &[&str] = &[
    "type",
    "momment",
    "phone",
    "fromMe",
    "status",
    "text",
    "message",
    "image",
    "width",
    "notification",
    "notificationParameters",
    "label",
    "ids",
    "lastSeen",
    "hydratedTemplate",
    "header",
    "hydratedButtons",
    "urlButton",
    "location",
    "latitude",
    "document",
    "pageCount",
    "waitingMessage",
    "code",
    "reaction",
    "time",
    "referencedMessage",
    "connected",
];

/// Every accepted `type` spelling of every callback type, and one no callback has.
fn types() -> Vec<&'static str> {
    zapi_webhooks::CallbackType::ALL
        .iter()
        .flat_map(|callback| callback.spellings())
        .chain(["Other"])
        .collect()
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => "\\PC{0,8}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(-1), Just(0)].prop_map(Value::from),
        prop_oneof![Just(u64::MAX), Just(u64::MAX - 1)].prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,16}".prop_map(Value::String),
        "[0-9]{1,25}".prop_map(Value::String),
        prop::sample::select(types()).prop_map(|t| Value::String(t.to_owned())),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An object with a callback `type`, so the typed models are reached.
fn callback_like() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(types()),
        prop::collection::vec((key(), json_value()), 0..10),
    )
        .prop_map(|(t, entries)| {
            let mut map: Map<String, Value> = entries.into_iter().collect();
            map.insert("type".to_owned(), Value::String(t.to_owned()));
            Value::Object(map)
        })
}

fn check_lossless(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(parsed) = Callback::from_slice(bytes) {
        let value: Value = serde_json::from_slice(bytes)
            .map_err(|e| TestCaseError::fail(format!("Callback parsed but Value did not: {e}")))?;
        prop_assert_eq!(serde_json::to_value(&parsed).expect("serialize"), value);
        let again = Callback::from_slice(&serde_json::to_vec(&parsed).expect("serialize"));
        prop_assert_eq!(again.as_ref().ok(), Some(&parsed));
    }
    Ok(())
}

proptest! {
    // Seeds of past failures: `tests/properties.proptest-regressions`, replayed first.
    #![proptest_config(common::proptest_config(1024))]

    #[test]
    fn arbitrary_json_never_panics_and_round_trips(value in json_value()) {
        check_lossless(&serde_json::to_vec(&value).expect("serialize"))?;
    }

    #[test]
    fn callback_shaped_json_never_panics_and_round_trips(value in callback_like()) {
        check_lossless(&serde_json::to_vec(&value).expect("serialize"))?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        check_lossless(&bytes)?;
    }

    #[test]
    fn truncated_fixtures_are_errors_not_panics(cut in any::<prop::sample::Index>(), which in any::<prop::sample::Index>()) {
        let fixtures = fixture_bytes();
        let bytes = fixtures[which.index(fixtures.len())].trim_ascii_end();
        let cut = cut.index(bytes.len());
        let result = Callback::from_slice(&bytes[..cut]);
        prop_assert!(result.is_err(), "a strict prefix of an object is never a complete object");
    }
}

/// The fixtures' bytes, in manifest order: a persisted seed picks the same fixture everywhere.
fn fixture_bytes() -> &'static [Vec<u8>] {
    static BYTES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| common::fixtures().into_iter().map(|f| f.bytes).collect())
}

/// The committed seeds are the ones the properties above replay: the configured persistence
/// resolves, for this file, to `tests/properties.proptest-regressions` (not to a file nobody
/// commits, which is where `Direct("proptest-regressions/...")` and `SourceParallel` pointed).
#[test]
fn committed_regressions_are_replayed() {
    use proptest::test_runner::PersistedSeed;
    let committed: Vec<PersistedSeed> = include_str!("properties.proptest-regressions")
        .lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|line| !line.is_empty())
        .map(|line| {
            line.parse()
                .unwrap_or_else(|()| panic!("unparsable seed line {line:?}"))
        })
        .collect();
    assert!(
        !committed.is_empty(),
        "tests/properties.proptest-regressions holds no seed"
    );
    let persistence = common::proptest_config(1)
        .failure_persistence
        .expect("failure persistence is on");
    // What `proptest!` does before the first new case, with the `file!()` it passes.
    let loaded = persistence.load_persisted_failures2(Some(file!()));
    assert_eq!(
        loaded, committed,
        "the properties do not replay tests/properties.proptest-regressions"
    );
}
