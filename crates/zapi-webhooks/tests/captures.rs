//! The anonymized real captures (`fixtures/captures/`, see its README): each parses to the
//! callback and kind its manifest names, writes back exactly, carries no value of an unexpected
//! JSON type, and has no unmodeled key but the ones an application added (named in the
//! manifest's `app_added_keys`).

use std::path::Path;

use serde_json::Value;
use zapi_webhooks::{Callback, Content};

fn captures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/captures")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_capture_is_typed_lossless_and_fully_modeled() {
    let dir = captures_dir();
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(dir.join("manifest.json")).expect("read fixtures/captures/manifest.json"),
    )
    .expect("the manifest is JSON");
    let captures = manifest["captures"].as_array().expect("a `captures` array");
    let mut failures = Vec::new();
    for entry in captures {
        let path = entry["path"].as_str().expect("path");
        for key in ["repository", "path", "commit"] {
            if entry["source"][key].as_str().is_none_or(str::is_empty) {
                failures.push(format!("{path}: no source {key}"));
            }
        }
        let bytes = std::fs::read(dir.join(path)).unwrap_or_else(|err| panic!("{path}: {err}"));
        let original: Value = serde_json::from_slice(&bytes).expect("a capture is JSON");
        let callback = match Callback::from_slice(&bytes) {
            Ok(callback) => callback,
            Err(err) => {
                failures.push(format!("{path}: {err}"));
                continue;
            }
        };
        let name = callback
            .kind()
            .callback_type()
            .map_or("unknown", |c| c.as_str());
        if name != entry["callback"] || callback.kind().as_str() != entry["kind"] {
            failures.push(format!(
                "{path}: manifest says {}/{}, parsed as {name}/{}",
                entry["callback"],
                entry["kind"],
                callback.kind().as_str()
            ));
        }
        if let Some(expected) = entry["notification"].as_str() {
            let found = callback.as_received().and_then(|r| match &r.content {
                Content::Notification(n) if !n.is_unknown() => Some(n.as_str().to_owned()),
                _ => None,
            });
            if found.as_deref() != Some(expected) {
                failures.push(format!(
                    "{path}: notification {found:?}, expected {expected}"
                ));
            }
        }
        if serde_json::to_value(&callback).ok().as_ref() != Some(&original) {
            failures.push(format!("{path}: not written back exactly"));
        }
        let unexpected = callback.unexpected();
        if !unexpected.is_empty() {
            failures.push(format!("{path}: unexpected values {unexpected:?}"));
        }
        let allowed: Vec<String> = strings(&entry["app_added_keys"])
            .into_iter()
            .map(|key| {
                if key.starts_with('/') {
                    key
                } else {
                    format!("/{key}")
                }
            })
            .collect();
        let unmodeled = callback.unmodeled();
        if unmodeled != allowed {
            failures.push(format!(
                "{path}: unmodeled {unmodeled:?}, manifest allows {allowed:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(captures.len() >= 30, "{} captures", captures.len());
}

/// Every JSON file under `fixtures/captures/` is in the manifest, and the other way round.
#[test]
fn manifest_lists_every_capture_file() {
    let dir = captures_dir();
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("read"))
            .expect("JSON");
    let mut listed: Vec<String> = manifest["captures"]
        .as_array()
        .expect("captures")
        .iter()
        .filter_map(|entry| entry["path"].as_str().map(str::to_owned))
        .collect();
    listed.sort();
    let mut files = Vec::new();
    for folder in std::fs::read_dir(&dir).expect("list captures") {
        let folder = folder.expect("entry").path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder).expect("list folder") {
            let file = file.expect("entry").path();
            if file.extension().is_some_and(|ext| ext == "json") {
                let relative = file.strip_prefix(&dir).expect("inside").to_string_lossy();
                files.push(relative.replace('\\', "/"));
            }
        }
    }
    files.sort();
    assert_eq!(listed, files);
}
