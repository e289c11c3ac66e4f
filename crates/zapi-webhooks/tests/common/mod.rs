//! Helpers shared by the integration tests: the fixture corpus and a `Value` diff that names the
//! JSON pointer where two values differ.

#![allow(dead_code)]

use serde_json::Value;

/// Where proptest keeps the seeds of failing cases: next to the test source, as
/// `tests/<test>.proptest-regressions` (committed; replayed before any new case). The default,
/// `SourceParallel`, looks for a `lib.rs` above the source, which integration tests do not have.
pub const PROPTEST_PERSISTENCE: proptest::test_runner::FileFailurePersistence =
    proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions");

/// The proptest configuration of every property in these tests: `cases` cases (overridden by
/// `PROPTEST_CASES`), failures persisted by [`PROPTEST_PERSISTENCE`].
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(PROPTEST_PERSISTENCE)),
        ..proptest::test_runner::Config::default()
    }
}

mod corpus;
#[allow(unused_imports)]
pub use corpus::{FixtureEntry, captures, fixtures, fixtures_dir};

/// The first place where `actual` differs from `expected`, as "pointer: what", or `None`.
pub fn first_difference(expected: &Value, actual: &Value) -> Option<String> {
    zapi_webhooks::diagnostics::first_difference(expected, actual).map(|d| d.to_string())
}

#[test]
fn first_difference_names_the_pointer() {
    use serde_json::json;
    let a = json!({"x": {"y": [1, 2, {"z/w": null}]}});
    assert_eq!(first_difference(&a, &a), None);
    let b = json!({"x": {"y": [1, 2, {"z/w": 0}]}});
    assert_eq!(
        first_difference(&a, &b).as_deref(),
        Some("/x/y/2/z~1w: expected null, found 0")
    );
    let c = json!({"x": {"y": [1, 2.0, {"z/w": null}]}});
    assert_eq!(
        first_difference(&a, &c).as_deref(),
        Some("/x/y/1: expected 2, found 2.0")
    );
    let d = json!({"x": {"y": [1, 2, {"z/w": null}]}, "extra": 1});
    assert_eq!(
        first_difference(&a, &d).as_deref(),
        Some("/extra: key added")
    );
    assert_eq!(
        first_difference(&d, &a).as_deref(),
        Some("/extra: key dropped")
    );
}
