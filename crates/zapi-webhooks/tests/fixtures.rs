//! The fixture corpus (every example of the Z-API docs): each one parses to the callback and
//! kind its manifest names, round-trips losslessly, and is snapshotted.

mod common;

use std::collections::BTreeSet;

use common::{first_difference, fixtures, fixtures_dir};
use zapi_webhooks::{Callback, Content};

#[test]
fn every_fixture_parses_to_its_callback_and_kind() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let callback = match Callback::from_slice(&fixture.bytes) {
            Ok(callback) => callback,
            Err(err) => {
                failures.push(format!("{}: does not parse: {err}", fixture.path));
                continue;
            }
        };
        let callback_name = callback.callback_type().map_or("unknown", |t| t.as_str());
        if callback_name != fixture.callback || callback.kind_name() != fixture.kind {
            failures.push(format!(
                "{}: manifest says {}/{}, parsed as {}/{}",
                fixture.path,
                fixture.callback,
                fixture.kind,
                callback_name,
                callback.kind_name()
            ));
        }
        if fixture.kind == "unknown" || callback_name == "unknown" {
            failures.push(format!(
                "{}: docs examples must never be unknown",
                fixture.path
            ));
        }
        if let Some(expected) = &fixture.notification {
            let found = callback.as_received().and_then(|r| match &r.content {
                Content::Notification(n) => Some(n.clone()),
                _ => None,
            });
            match found {
                Some(n) if n.as_str() == expected && !n.is_unknown() => {}
                other => failures.push(format!(
                    "{}: expected known notification {expected}, found {other:?}",
                    fixture.path
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_round_trips_losslessly() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let parsed: Callback = match serde_json::from_slice(&fixture.bytes) {
            Ok(parsed) => parsed,
            Err(err) => {
                failures.push(format!("{}: {err}", fixture.path));
                continue;
            }
        };
        let back = serde_json::to_value(&parsed).expect("models serialize");
        if let Some(diff) = first_difference(&fixture.value, &back) {
            failures.push(format!("{}: {diff}", fixture.path));
        }
        // And the bytes written back parse to the same model.
        let again: Callback =
            serde_json::from_slice(&serde_json::to_vec(&parsed).expect("serialize"))
                .expect("re-parse");
        if again != parsed {
            failures.push(format!(
                "{}: re-parse gives a different model",
                fixture.path
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_is_fully_modeled() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        if let Ok(parsed) = Callback::from_slice(&fixture.bytes) {
            let unmodeled = parsed.unmodeled();
            if !unmodeled.is_empty() {
                failures.push(format!("{}: unmodeled {unmodeled:?}", fixture.path));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn manifest_and_fixture_files_agree() {
    let listed: BTreeSet<String> = fixtures().into_iter().map(|f| f.path).collect();
    let mut on_disk = BTreeSet::new();
    for callback in zapi_webhooks::CallbackType::ALL {
        let dir = fixtures_dir().join(callback.as_str());
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()));
        for entry in entries {
            let name = entry.expect("dir entry").file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".json") {
                on_disk.insert(format!("{}/{name}", callback.as_str()));
            }
        }
    }
    assert_eq!(
        listed, on_disk,
        "fixtures/manifest.json and the fixture files differ"
    );
    // Every callback has at least one fixture, and every kind folder matches its callback.
    for callback in zapi_webhooks::CallbackType::ALL {
        assert!(
            listed
                .iter()
                .any(|p| p.starts_with(&format!("{}/", callback.as_str()))),
            "no fixture for {callback}"
        );
    }
}

#[test]
fn snapshots_of_every_fixture() {
    insta::glob!("../../../fixtures", "*/*.json", |path| {
        if path.parent().and_then(|p| p.file_name()) == Some("webhook_config".as_ref()) {
            return;
        }
        let bytes = std::fs::read(path).expect("read fixture");
        let callback = Callback::from_slice(&bytes).expect("fixture parses");
        insta::assert_debug_snapshot!(callback);
    });
}
