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

/// Every payload fixture listed in the manifest, with its contents: the docs examples.
pub fn fixtures() -> Vec<FixtureEntry> {
    load("", "fixtures")
}

/// Every real capture listed in `fixtures/captures/manifest.json` (paths relative to
/// `fixtures/`, e.g. `captures/received/text__group_reply.json`).
pub fn captures() -> Vec<FixtureEntry> {
    load("captures/", "captures")
}

/// The entries of `fixtures/<folder>manifest.json`'s array `list`, with their files.
fn load(folder: &str, list: &str) -> Vec<FixtureEntry> {
    let dir = fixtures_dir().join(folder);
    let manifest_text = std::fs::read_to_string(dir.join("manifest.json"))
        .unwrap_or_else(|err| panic!("cannot read fixtures/{folder}manifest.json: {err}"));
    let manifest: Value = serde_json::from_str(&manifest_text).expect("a manifest is JSON");
    let entries = manifest[list]
        .as_array()
        .unwrap_or_else(|| panic!("fixtures/{folder}manifest.json has no `{list}` array"));
    assert!(
        !entries.is_empty(),
        "fixtures/{folder}manifest.json lists nothing"
    );
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
                .unwrap_or_else(|err| panic!("cannot read fixture {folder}{path}: {err}"));
            let value = serde_json::from_slice(&bytes)
                .unwrap_or_else(|err| panic!("fixture {folder}{path} is not JSON: {err}"));
            FixtureEntry {
                callback: field("callback"),
                kind: field("kind"),
                notification: entry["notification"].as_str().map(str::to_owned),
                path: format!("{folder}{path}"),
                value,
                bytes,
            }
        })
        .collect()
}
