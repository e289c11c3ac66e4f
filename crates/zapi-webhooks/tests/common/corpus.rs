//! The fixture corpus: every payload listed in `fixtures/manifest.json`, with its manifest
//! entry, in manifest order. The one fixture walker of the core crate's tests and benches
//! (the benches include this file with `#[path]`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

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
