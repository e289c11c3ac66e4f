//! The fixture corpus (every example of the Z-API docs): each one parses to the callback and
//! kind its manifest names, round-trips losslessly, and is snapshotted.

mod common;

use std::collections::BTreeSet;

use common::{first_difference, fixtures, fixtures_dir};
use serde_json::{Value, json};
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
        let callback_name = callback
            .kind()
            .callback_type()
            .map_or("unknown", |t| t.as_str());
        if callback_name != fixture.callback || callback.kind().as_str() != fixture.kind {
            failures.push(format!(
                "{}: manifest says {}/{}, parsed as {}/{}",
                fixture.path,
                fixture.callback,
                fixture.kind,
                callback_name,
                callback.kind().as_str()
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
        // `captures/` holds the real captures (snapshotted by `snapshots_of_every_capture`),
        // not docs examples.
        if path.parent().and_then(|p| p.file_name()) == Some("captures".as_ref()) {
            return;
        }
        let bytes = std::fs::read(path).expect("read fixture");
        let callback = Callback::from_slice(&bytes).expect("fixture parses");
        insta::assert_debug_snapshot!(callback);
    });
}

/// `Callback::from_value` (the `type`-first reading of a parsed value) gives the same model as
/// reading the bytes, on every fixture.
#[test]
fn from_value_gives_the_same_model_as_from_slice() {
    let mut checked = 0;
    for fixture in fixtures() {
        let typed = Callback::from_value(&fixture.value)
            .unwrap_or_else(|err| panic!("{}: {err}", fixture.path));
        let direct = Callback::from_slice(&fixture.bytes)
            .unwrap_or_else(|err| panic!("{}: {err}", fixture.path));
        assert_eq!(typed, direct, "{}", fixture.path);
        checked += 1;
    }
    assert_eq!(checked, fixtures().len());
    assert!(checked > 100, "only {checked} fixtures");
}

/// Keys before `type`, unknown and missing `type`s, and what is not an object, through
/// `from_value`; errors name the pointer.
#[test]
fn from_value_reads_type_first_and_locates_errors() {
    let value = serde_json::json!({"a": 1, "phone": "55", "type": "ReceivedCallback",
        "text": {"message": "hi"}, "zz": [1]});
    let typed = Callback::from_value(&value).expect("reads");
    assert_eq!(typed.kind().as_str(), "text");
    assert_eq!(typed.unmodeled(), ["/a", "/zz"]);
    let unknown = serde_json::json!({"b": 1, "type": "Nope"});
    assert!(matches!(
        Callback::from_value(&unknown),
        Ok(Callback::Unknown(_))
    ));
    let untyped = serde_json::json!({"b": 1});
    assert!(matches!(
        Callback::from_value(&untyped),
        Ok(Callback::Unknown(_))
    ));
    let array = Callback::from_value(&serde_json::json!([1])).expect_err("not an object");
    assert_eq!(array.pointer(), "");
    // A `type` that is not a string names no callback: unknown, with everything kept.
    let bad_type = Callback::from_value(&serde_json::json!({"type": 3})).expect("an object");
    assert!(matches!(&bad_type, Callback::Unknown(map) if map["type"] == 3));
    // A value of another JSON type costs that value only.
    let deep = serde_json::json!({"type": "ReceivedCallback", "image": {"width": "wide"}});
    let typed = Callback::from_value(&deep).expect("tolerant");
    assert_eq!(typed.kind().as_str(), "image");
    assert_eq!(typed.unexpected()[0].pointer, "/image/width");
    assert_eq!(serde_json::to_value(&typed).expect("writes"), deep);
    let bytes = serde_json::to_vec(&deep).expect("bytes");
    let err = Callback::from_slice_strict(&bytes).expect_err("strict");
    assert_eq!(err.pointer(), "/image/width");
    assert!(
        err.message().contains("invalid type: string \"wide\""),
        "{err}"
    );
}

/// The allocation-free lossless check (`Callback::lossless_difference`) never calls equal what
/// `serde_json::to_value` calls different: on every fixture and on copies of it changed in one
/// place each (a leaf changed, a key dropped, a key added, an array item added).
#[test]
fn lossless_difference_agrees_with_to_value() {
    let mut compared = 0;
    for fixture in fixtures() {
        let callback = Callback::from_value(&fixture.value)
            .unwrap_or_else(|err| panic!("{}: {err}", fixture.path));
        let written = serde_json::to_value(&callback).expect("writes");
        assert_eq!(
            callback.lossless_difference(&fixture.value),
            None,
            "{}",
            fixture.path
        );
        for changed in variants(&fixture.value) {
            let fast = callback.lossless_difference(&changed);
            assert_eq!(
                fast.is_none(),
                written == changed,
                "{}: {changed}",
                fixture.path
            );
            compared += 1;
        }
    }
    assert!(compared > 1000, "only {compared} variants");
}

fn variants(value: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let mut dropped = map.clone();
                dropped.remove(key);
                out.push(Value::Object(dropped));
                for changed in variants(inner) {
                    let mut copy = map.clone();
                    copy.insert(key.clone(), changed);
                    out.push(Value::Object(copy));
                }
            }
            let mut added = map.clone();
            added.insert("zzExtra".to_owned(), json!(1));
            out.push(Value::Object(added));
        }
        Value::Array(items) => {
            let mut longer = items.clone();
            longer.push(Value::Null);
            out.push(Value::Array(longer));
            for (index, inner) in items.iter().enumerate() {
                for changed in variants(inner) {
                    let mut copy = items.clone();
                    copy[index] = changed;
                    out.push(Value::Array(copy));
                }
            }
        }
        Value::Null => out.push(json!(false)),
        Value::Bool(b) => out.push(json!(!b)),
        Value::Number(n) => {
            out.push(json!(n.as_f64().map_or(0.5, |f| f + 1.0)));
            if n.is_u64() {
                out.push(json!(n.as_f64()));
            }
        }
        Value::String(s) => out.push(json!(format!("{s}x"))),
    }
    out
}

/// The library's one diagnosis (`inspect`) finds nothing wrong with any fixture, in either
/// schema flavour: typed as its manifest says, valid, lossless, nothing unmodeled.
#[test]
fn every_fixture_inspects_clean() {
    use zapi_webhooks::inspect::Inspector;
    use zapi_webhooks::schema::Flavor;
    for flavor in Flavor::ALL {
        let inspector = Inspector::with_schema(flavor);
        for fixture in fixtures() {
            let report = inspector.inspect(&fixture.bytes);
            let what = format!("{} ({flavor:?})", fixture.path);
            assert!(
                report.is_json && report.valid,
                "{what}: {:?}",
                report.errors
            );
            assert_eq!(
                report.kind.map(|k| k.as_str()),
                Some(fixture.kind.as_str()),
                "{what}"
            );
            assert_eq!(
                report.callback.map(|c| c.as_str()),
                Some(fixture.callback.as_str()),
                "{what}"
            );
            assert_eq!(
                report.lossless,
                Some(true),
                "{what}: {:?}",
                report.lossless_diff
            );
            assert!(
                report.unmodeled.is_empty(),
                "{what}: {:?}",
                report.unmodeled
            );
            assert!(report.model.is_some(), "{what}");
        }
    }
}

#[test]
fn snapshots_of_every_capture() {
    insta::glob!("../../../fixtures/captures", "*/*.json", |path| {
        let bytes = std::fs::read(path).expect("read capture");
        let callback = Callback::from_slice(&bytes).expect("capture parses");
        insta::assert_debug_snapshot!(callback);
    });
}
