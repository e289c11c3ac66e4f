//! Value-level tolerance, over every fixture and every value in it: each plausible change of
//! JSON type (number ↔ digit string, boolean → `"true"`/`0`/`1`, integer → fraction, string ↔
//! one-element array, object ↔ scalar, array ↔ scalar, `null`) costs that value only. The
//! payload still parses to the same callback and kind, writes back exactly, and the report of
//! unexpected values names exactly the changed pointer — or nothing, where the models accept the
//! new type (`Timestamp` and `NumberOrString` take digit strings and integers, `Number` takes
//! fractions, `null` is "no value"). Which of the two it must be is decided independently of the
//! models, by the permissive JSON Schema.

mod common;

use common::fixtures;
use serde_json::{Value, json};
use zapi_webhooks::schema::{Flavor, Target};
use zapi_webhooks::{Callback, validator};

/// Every value's pointer, depth first (the root excluded).
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(here.clone());
                pointers(child, here, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let here = format!("{at}/{index}");
                out.push(here.clone());
                pointers(child, here, out);
            }
        }
        _ => {}
    }
}

/// The plausible other JSON types of `value`.
fn retypes(value: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    match value {
        Value::Bool(b) => {
            out.extend([
                json!(b.to_string()),
                json!(u8::from(*b)),
                json!(1 - u8::from(*b)),
            ]);
        }
        Value::Number(n) => {
            out.push(json!(n.to_string()));
            if let Some(i) = n.as_i64() {
                out.push(json!(i as f64 + 0.5));
            }
        }
        Value::String(s) => {
            out.push(json!([s]));
            out.push(json!({ "value": s }));
            if let Ok(n) = s.parse::<u64>() {
                out.push(json!(n));
            }
        }
        Value::Object(_) => out.extend([json!("scalar"), json!(1)]),
        Value::Array(items) => {
            out.push(json!("scalar"));
            if let Some(Value::String(first)) = items.first() {
                out.push(json!(first));
            }
        }
        Value::Null => out.push(json!("now a string")),
    }
    if !value.is_null() {
        out.push(Value::Null);
    }
    out
}

/// Changes that are not a value's type changing but a signal the models read: `type` picks the
/// callback, a content key set to `null` means "no content", `waitingMessage: true` is a kind.
fn changes_the_meaning(pointer: &str, new: &Value, kind: &str) -> bool {
    let top = pointer.matches('/').count() == 1;
    let key = pointer.trim_start_matches('/');
    pointer == "/type"
        || (top
            && new.is_null()
            && zapi_webhooks::Kind::ALL
                .iter()
                .any(|k| k.content_key() == Some(key)))
        || (kind == "waiting_message" && pointer == "/waitingMessage")
}

#[test]
fn every_retyped_value_costs_only_itself() {
    let permissive = validator(Target::Any);
    let (mut mutants, mut reported, mut accepted) = (0, 0, 0);
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let mut all = Vec::new();
        pointers(&fixture.value, String::new(), &mut all);
        for pointer in &all {
            let Some(old) = fixture.value.pointer(pointer) else {
                continue;
            };
            for new in retypes(old) {
                if changes_the_meaning(pointer, &new, &fixture.kind) {
                    continue;
                }
                let mut mutant = fixture.value.clone();
                if let Some(slot) = mutant.pointer_mut(pointer) {
                    *slot = new.clone();
                }
                mutants += 1;
                let what = format!("{} {pointer} = {new}", fixture.path);
                let bytes = serde_json::to_vec(&mutant).expect("serialize");
                let parsed = match Callback::from_slice(&bytes) {
                    Ok(parsed) => parsed,
                    Err(err) => {
                        failures.push(format!("{what}: refused: {err}"));
                        continue;
                    }
                };
                if parsed.kind().as_str() != fixture.kind {
                    failures.push(format!("{what}: kind {}", parsed.kind().as_str()));
                }
                if serde_json::to_value(&parsed).ok().as_ref() != Some(&mutant) {
                    failures.push(format!("{what}: not written back exactly"));
                }
                let found: Vec<String> =
                    parsed.unexpected().into_iter().map(|u| u.pointer).collect();
                let schema_accepts = permissive.is_valid(&mutant, Flavor::Permissive);
                let expected: Vec<String> = if schema_accepts {
                    accepted += 1;
                    Vec::new()
                } else {
                    reported += 1;
                    vec![pointer.clone()]
                };
                if found != expected {
                    failures.push(format!("{what}: reported {found:?}, expected {expected:?}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {mutants} mutants:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{mutants} mutants: {reported} reported at their pointer, {accepted} accepted");
    // Both outcomes are exercised, many times.
    assert!(mutants > 5_000, "{mutants} mutants");
    assert!(
        reported > 1_000 && accepted > 500,
        "reported {reported}, accepted {accepted}"
    );
}
