//! Helpers shared by the integration tests: the fixture corpus and a `Value` diff that names the
//! JSON pointer where two values differ.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

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

/// `<workspace>/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// One entry of `fixtures/manifest.json`.
#[derive(Debug, Clone)]
pub struct FixtureEntry {
    /// Path relative to `fixtures/`.
    pub path: String,
    /// Snake-case callback name (`received`, ...).
    pub callback: String,
    /// Snake-case kind name (`text`, ..., or the callback name).
    pub kind: String,
    /// The notification value, for the `notification` kind.
    pub notification: Option<String>,
    /// The payload.
    pub value: Value,
    /// The raw bytes of the file.
    pub bytes: Vec<u8>,
}

/// Every payload fixture listed in the manifest, with its contents.
pub fn fixtures() -> Vec<FixtureEntry> {
    let dir = fixtures_dir();
    let manifest_text = std::fs::read_to_string(dir.join("manifest.json"))
        .unwrap_or_else(|err| panic!("cannot read fixtures/manifest.json: {err}"));
    let manifest: Value = serde_json::from_str(&manifest_text).expect("manifest.json is JSON");
    let entries = manifest["fixtures"]
        .as_array()
        .expect("manifest.json has a `fixtures` array");
    assert!(!entries.is_empty(), "the manifest lists no fixtures");
    entries
        .iter()
        .map(|entry| {
            let field = |name: &str| {
                entry[name]
                    .as_str()
                    .unwrap_or_else(|| panic!("manifest entry without `{name}`: {entry}"))
                    .to_owned()
            };
            let path = field("path");
            let bytes = std::fs::read(dir.join(&path))
                .unwrap_or_else(|err| panic!("cannot read fixture {path}: {err}"));
            let value = serde_json::from_slice(&bytes)
                .unwrap_or_else(|err| panic!("fixture {path} is not JSON: {err}"));
            FixtureEntry {
                callback: field("callback"),
                kind: field("kind"),
                notification: entry["notification"].as_str().map(str::to_owned),
                path,
                value,
                bytes,
            }
        })
        .collect()
}

/// The first place where `actual` differs from `expected`, as "pointer: what", or `None`.
pub fn first_difference(expected: &Value, actual: &Value) -> Option<String> {
    zapi_webhooks::json_pointer::first_difference(expected, actual).map(|d| d.to_string())
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
