//! The verdict without the schema validator equals the validator's.
//!
//! `validate` takes validity from the models ([`Inspector::models_as_schema`]) unless asked for
//! `--schema`. These tests check, on every fixture, every capture and a seeded set of
//! generated mutants (values retyped, nulled, keys dropped, added, renamed, nested objects
//! replaced, `type` changed), that the models' verdict is the JSON Schema validator's, in both
//! flavours, that the rest of the report is the same with and without the validator (the
//! validator only adds its own wording to the errors of invalid payloads), and that the CLI's
//! rows are the same with and without `--schema`.

mod common;

use std::process::Command;

use serde_json::{Value, json};
use zapi_webhooks::inspect::{Inspector, Report};
use zapi_webhooks::schema::Flavor;
use zapi_webhooks::validate;

/// Mutants generated per run (with the fixed seed below: the same ones every run).
const MUTANTS: usize = 3000;
const SEED: u64 = 0x005a_4150_492d_3231;

/// Every fixture and capture file, as its bytes.
fn corpus() -> Vec<Vec<u8>> {
    common::fixture_files()
        .iter()
        .map(|path| std::fs::read(path).expect("read a fixture"))
        .collect()
}

/// JSON pointers of every value below the root of `value`.
fn locations(value: &Value, pointer: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map
            .iter()
            .map(|(key, child)| (key.replace('~', "~0").replace('/', "~1"), child))
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, child)| (i.to_string(), child))
            .collect(),
        _ => Vec::new(),
    };
    for (token, child) in children {
        let here = format!("{pointer}/{token}");
        out.push(here.clone());
        locations(child, &here, out);
    }
}

/// A replacement value of any JSON type.
fn any_value(rng: &mut fastrand::Rng) -> Value {
    match rng.u8(0..11) {
        0 => Value::Null,
        1 => Value::Bool(rng.bool()),
        2 => json!(rng.i64(..)),
        3 => json!(rng.u64(..)),
        4 => json!(rng.f64() * 1.0e6 + 0.5),
        5 => json!("UNSEEN_VALUE_42"),
        6 => json!(rng.u32(..).to_string()),
        7 => json!([]),
        8 => json!(["x", 1, {"k": null}]),
        9 => json!({}),
        _ => json!({"k": "v", "n": {"deep": [true]}}),
    }
}

/// Applies one random change to `value`.
fn mutate(value: &mut Value, rng: &mut fastrand::Rng) {
    let mut all = Vec::new();
    locations(value, "", &mut all);
    let at = if all.is_empty() {
        String::new()
    } else {
        all[rng.usize(..all.len())].clone()
    };
    let (parent, token) = at.rsplit_once('/').unwrap_or(("", ""));
    let token = token.replace("~1", "/").replace("~0", "~");
    match rng.u8(0..9) {
        // `type` changed: another callback, the other spelling, an unknown one, not a string.
        0 => {
            let types = [
                json!("ReceivedCallback"),
                json!("ReceivedCallBack"),
                json!("MessageStatusCallback"),
                json!("DeliveryCallback"),
                json!("PresenceChatCallback"),
                json!("ConnectedCallback"),
                json!("DisconnectedCallback"),
                json!("NewsletterCallback"),
                json!(5),
                Value::Null,
            ];
            value["type"] = types[rng.usize(..types.len())].clone();
        }
        // A key dropped (or an array item removed).
        1 => match value.pointer_mut(parent) {
            Some(Value::Object(map)) => drop(map.remove(&token)),
            Some(Value::Array(items)) => match token.parse::<usize>() {
                Ok(i) if i < items.len() => drop(items.remove(i)),
                _ => {}
            },
            _ => {}
        },
        // A key added to an object (the root or the picked one).
        2 => {
            let target = if value.pointer(&at).is_some_and(Value::is_object) {
                at.clone()
            } else {
                String::new()
            };
            let key = format!("brandNew{}", rng.u8(..));
            let new = any_value(rng);
            if let Some(Value::Object(map)) = value.pointer_mut(&target) {
                map.insert(key, new);
            }
        }
        // A key renamed.
        3 => {
            if let Some(Value::Object(map)) = value.pointer_mut(parent) {
                if let Some(old) = map.remove(&token) {
                    map.insert(format!("{token}_renamed"), old);
                }
            }
        }
        // A nested object replaced by another value (or any value retyped).
        4 | 5 => {
            let new = any_value(rng);
            if let Some(slot) = value.pointer_mut(&at) {
                *slot = new;
            }
        }
        // Nulled.
        6 => {
            if let Some(slot) = value.pointer_mut(&at) {
                *slot = Value::Null;
            }
        }
        // A string that is a number becomes the number, and a number a string.
        7 => {
            if let Some(slot) = value.pointer_mut(&at) {
                *slot = match slot.take() {
                    Value::String(s) => s.parse::<u64>().map_or(json!(12), Value::from),
                    Value::Number(n) => Value::String(n.to_string()),
                    other => other,
                };
            }
        }
        // An object replaced by an empty one or one with foreign keys.
        _ => {
            if let Some(slot) = value.pointer_mut(&at) {
                if slot.is_object() {
                    *slot = if rng.bool() {
                        json!({})
                    } else {
                        json!({"foreign": 1})
                    };
                }
            }
        }
    }
}

/// The corpus and `MUTANTS` mutants of it (1 to 3 changes each), as compact JSON bytes.
fn payloads() -> Vec<Vec<u8>> {
    let corpus = corpus();
    let values: Vec<Value> = corpus
        .iter()
        .map(|bytes| serde_json::from_slice(bytes).expect("fixtures are JSON"))
        .collect();
    let mut rng = fastrand::Rng::with_seed(SEED);
    let mut out = corpus;
    for _ in 0..MUTANTS {
        let mut value = values[rng.usize(..values.len())].clone();
        for _ in 0..rng.usize(1..4) {
            mutate(&mut value, &mut rng);
        }
        out.push(serde_json::to_vec(&value).expect("serialize a mutant"));
    }
    out
}

/// `report` with the errors taken out (compared apart).
fn without_errors(report: &Report) -> Report {
    let mut report = report.clone();
    report.errors.clear();
    report
}

#[test]
fn the_models_verdict_is_the_schema_validators_on_fixtures_captures_and_mutants() {
    let payloads = payloads();
    let mut verdicts = [[0usize; 2]; 2];
    for flavor in Flavor::ALL {
        let fast = Inspector::models_as_schema(flavor);
        let full = Inspector::with_schema(flavor);
        for bytes in &payloads {
            let value: Value = serde_json::from_slice(bytes).expect("JSON");
            let schema_valid = validate(&value, flavor).is_ok();
            let quick = fast.inspect(bytes);
            assert_eq!(
                quick.valid,
                schema_valid,
                "{flavor:?}: models say valid={} but the schema says {schema_valid} for {}\n{:?}",
                quick.valid,
                String::from_utf8_lossy(bytes),
                quick.errors
            );
            let slow = full.inspect(bytes);
            assert_eq!(without_errors(&quick), without_errors(&slow), "{flavor:?}");
            for problem in &quick.errors {
                assert!(
                    slow.errors.contains(problem),
                    "{flavor:?}: {problem:?} missing with the schema for {}",
                    String::from_utf8_lossy(bytes)
                );
            }
            if slow.valid {
                assert!(slow.errors.is_empty() && quick.errors.is_empty());
            } else {
                assert!(
                    !quick.errors.is_empty(),
                    "an invalid payload names a problem"
                );
            }
            verdicts[usize::from(flavor == Flavor::Strict)][usize::from(schema_valid)] += 1;
        }
    }
    // Both verdicts, in both flavours, on many payloads: the comparison proves something.
    for (flavor, [invalid, valid]) in Flavor::ALL.iter().zip(verdicts) {
        assert!(
            invalid > 500 && valid > 500,
            "{flavor:?}: {invalid} invalid, {valid} valid"
        );
    }
}

/// Runs `validate --format json` over `capture` with `args`: the rows (parsed) and the exit
/// status.
fn rows(capture: &std::path::Path, args: &[&str]) -> (Vec<Value>, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
        .args(["validate", "--format", "json", "-j", "2"])
        .args(args)
        .arg(capture)
        .output()
        .expect("run zapi-webhooks");
    let rows = output
        .stdout
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).expect("each row is JSON"))
        .collect();
    (rows, output.status.code())
}

#[test]
fn cli_rows_are_the_same_with_and_without_schema() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let capture = dir.path().join("mutants.ndjson");
    let mut lines = Vec::new();
    for bytes in payloads() {
        let value: Value = serde_json::from_slice(&bytes).expect("JSON");
        lines.extend(serde_json::to_vec(&value).expect("serialize"));
        lines.push(b'\n');
    }
    // Lines that are not a callback at all.
    lines.extend(b"{nope\n[1,2]\n\"text\"\n{\"type\":\"ReceivedCallback\"} trailing\n");
    std::fs::write(&capture, &lines).expect("write the capture");
    for strict in [false, true] {
        let flag: &[&str] = if strict { &["--strict"] } else { &[] };
        let (fast, fast_status) = rows(&capture, flag);
        let (full, full_status) = rows(&capture, &[flag, &["--schema"]].concat());
        assert_eq!(fast_status, full_status, "strict={strict}");
        assert_eq!(fast.len(), MUTANTS + corpus().len() + 4);
        assert_eq!(fast.len(), full.len());
        let mut invalid = 0;
        for (quick, slow) in fast.iter().zip(&full) {
            let mut quick_rest = quick.clone();
            let mut slow_rest = slow.clone();
            let quick_errors = quick_rest["errors"].take();
            let slow_errors = slow_rest["errors"].take();
            assert_eq!(quick_rest, slow_rest, "strict={strict}");
            let slow_errors = slow_errors.as_array().expect("errors is an array");
            for error in quick_errors.as_array().expect("errors is an array") {
                assert!(slow_errors.contains(error), "{error} in {quick} / {slow}");
            }
            invalid += usize::from(quick["valid"] == false);
        }
        assert!(
            invalid > 500,
            "strict={strict}: only {invalid} invalid rows"
        );
    }
}
