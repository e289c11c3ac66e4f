//! The generated schemas against the models: every fixture valid in both flavours, invalid
//! payloads rejected by both at the same pointer, and "serde accepts" ⇔ "permissive schema
//! accepts" on generated variations of the fixtures.

mod common;

use std::path::Path;

use common::fixtures;
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use zapi_webhooks::schema::{Flavor, Target};
use zapi_webhooks::{Callback, CallbackType, validator};

#[test]
fn every_fixture_is_valid_in_both_flavours_and_its_own_schema() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let own = CallbackType::from_name(&fixture.callback).expect("known callback");
        for flavor in Flavor::ALL {
            for target in [Target::Any, Target::One(own)] {
                if let Err(issues) = validator(target).validate(&fixture.value, flavor) {
                    failures.push(format!(
                        "{} {target:?} {flavor:?}: {issues:?}",
                        fixture.path
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn invalid_payloads() -> Vec<(String, Vec<u8>, String)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let pointers: Map<String, Value> = serde_json::from_slice(
        &std::fs::read(data.join("invalid-pointers.json")).expect("read invalid-pointers.json"),
    )
    .expect("invalid-pointers.json is an object");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(data.join("invalid")).expect("list invalid/") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let pointer = pointers
            .get(&name)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{name} has no expected pointer in invalid-pointers.json"));
        out.push((
            name,
            std::fs::read(&path).expect("read"),
            pointer.to_owned(),
        ));
    }
    out.sort();
    assert_eq!(out.len() + 1, pointers.len(), "every listed payload exists");
    out
}

/// The strict parse and the schema reject each invalid payload at the same pointer; the
/// tolerant parse keeps every JSON object, with the value at that pointer reported as
/// unexpected, and writes it back exactly.
#[test]
fn invalid_payloads_are_rejected_by_models_and_schema_at_the_same_pointer() {
    for (name, bytes, pointer) in invalid_payloads() {
        let err = Callback::from_slice_strict(&bytes).expect_err(&name);
        assert_eq!(err.pointer(), pointer, "{name}: {err}");
        assert!(!err.message().is_empty());
        match Callback::from_slice(&bytes) {
            Ok(tolerant) => {
                let unexpected: Vec<String> = tolerant
                    .unexpected()
                    .into_iter()
                    .map(|u| u.pointer)
                    .collect();
                assert!(unexpected.contains(&pointer), "{name}: {unexpected:?}");
                let original: Value = serde_json::from_slice(&bytes).expect("JSON");
                assert_eq!(
                    serde_json::to_value(&tolerant).expect("ser"),
                    original,
                    "{name}"
                );
            }
            // Only a body that is not a JSON object is refused by the tolerant parse.
            Err(err) => {
                assert_eq!(err.pointer(), "", "{name}: {err}");
                assert!(!bytes.trim_ascii_start().starts_with(b"{"), "{name}: {err}");
            }
        }
        let value: Value = serde_json::from_slice(&bytes).expect("invalid payloads are JSON");
        let issues = validator(Target::Any)
            .validate(&value, Flavor::Permissive)
            .expect_err(&name);
        assert!(
            issues.iter().any(|issue| issue.instance_pointer == pointer),
            "{name}: schema issues {issues:?} do not name {pointer}"
        );
    }
}

#[test]
fn strict_flavour_names_unmodeled_fields_at_every_depth() {
    let mut value = fixtures()
        .into_iter()
        .find(|f| f.kind == "hydrated_template")
        .expect("a template fixture")
        .value;
    value["brandNew"] = json!(1);
    value["hydratedTemplate"]["shiny"] = json!(true);
    assert!(validator(Target::Any).is_valid(&value, Flavor::Permissive));
    let issues = validator(Target::Any)
        .validate(&value, Flavor::Strict)
        .expect_err("strict rejects");
    let mut unmodeled: Vec<&str> = issues
        .iter()
        .flat_map(|i| i.unmodeled.iter().map(String::as_str))
        .collect();
    unmodeled.sort();
    assert_eq!(unmodeled, ["/brandNew", "/hydratedTemplate/shiny"]);
    let parsed = Callback::from_value(&value).expect("models accept");
    let mut from_models = parsed.unmodeled();
    from_models.sort();
    assert_eq!(from_models, unmodeled);
}

// ---- schema ⇔ serde agreement on generated variations of the fixtures ----

/// One change to a payload. `at` picks a location among the payload's locations (modulo).
#[derive(Debug, Clone)]
enum Mutation {
    Drop {
        at: usize,
    },
    Null {
        at: usize,
    },
    AddField {
        at: usize,
        key: String,
        value: Value,
    },
    UnseenString {
        at: usize,
    },
    Retype {
        at: usize,
        value: Value,
    },
    SwapStringNumber {
        at: usize,
    },
    SetType {
        value: Value,
    },
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1.0e6f64..1.0e6).prop_map(|f| json!(f + 0.5)),
        "[a-zA-Z0-9 _-]{0,12}".prop_map(Value::String),
        Just(json!([])),
        Just(json!({})),
        Just(json!(["x", 1])),
        Just(json!({"k": "v"})),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        at.prop_map(|at| Mutation::Drop { at }),
        at.prop_map(|at| Mutation::Null { at }),
        (at, "[a-z][a-zA-Z]{0,8}", scalar()).prop_map(|(at, key, value)| Mutation::AddField {
            at,
            key,
            value
        }),
        at.prop_map(|at| Mutation::UnseenString { at }),
        (at, scalar()).prop_map(|(at, value)| Mutation::Retype { at, value }),
        at.prop_map(|at| Mutation::SwapStringNumber { at }),
        prop_oneof![
            Just(json!("ReceivedCallback")),
            Just(json!("ReceivedCallBack")),
            Just(json!("MessageStatusCallBack")),
            Just(json!("PresenceChatCallback")),
            Just(json!("NewsletterCallback")),
            Just(json!(5)),
            Just(Value::Null),
        ]
        .prop_map(|value| Mutation::SetType { value }),
    ]
}

/// JSON pointers of every value inside `value` (not the root).
fn locations(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let p = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                locations(child, p, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let p = format!("{pointer}/{i}");
                out.push(p.clone());
                locations(child, p, out);
            }
        }
        _ => {}
    }
}

fn parent_and_token(pointer: &str) -> (&str, String) {
    let (parent, token) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    (parent, token.replace("~1", "/").replace("~0", "~"))
}

fn apply(value: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    locations(value, String::new(), &mut all);
    let pick = |at: usize| all.get(at % all.len().max(1)).cloned();
    match mutation {
        Mutation::SetType { value: t } => {
            if let Value::Object(map) = value {
                map.insert("type".to_owned(), t.clone());
            }
        }
        Mutation::AddField { at, key, value: v } => {
            // Add to an object: the root or the picked location if it is one.
            let target = pick(*at)
                .filter(|p| value.pointer(p).is_some_and(Value::is_object))
                .unwrap_or_default();
            if let Some(Value::Object(map)) = value.pointer_mut(&target) {
                map.insert(key.clone(), v.clone());
            }
        }
        Mutation::Drop { at } => {
            if let Some(p) = pick(*at) {
                let (parent, token) = parent_and_token(&p);
                match value.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.remove(&token);
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(i) = token.parse::<usize>() {
                            if i < items.len() {
                                items.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Mutation::Null { at } => set(value, pick(*at), |_| Value::Null),
        Mutation::Retype { at, value: v } => set(value, pick(*at), |_| v.clone()),
        Mutation::UnseenString { at } => set(value, pick(*at), |old| match old {
            Value::String(_) => json!("UNSEEN_VALUE_42"),
            other => other.clone(),
        }),
        Mutation::SwapStringNumber { at } => set(value, pick(*at), |old| match old {
            Value::String(s) => s
                .parse::<u64>()
                .map(Value::from)
                .unwrap_or_else(|_| json!(12)),
            Value::Number(n) => Value::String(n.to_string()),
            other => other.clone(),
        }),
    }
}

fn set(value: &mut Value, pointer: Option<String>, f: impl Fn(&Value) -> Value) {
    if let Some(slot) = pointer.and_then(|p| value.pointer_mut(&p)) {
        *slot = f(slot);
    }
}

proptest! {
    // Seeds of failures are kept in (and replayed from) `tests/schemas.proptest-regressions`.
    #![proptest_config(common::proptest_config(768))]

    /// "The strict parse accepts" ⇔ "the permissive schema accepts", which is also "the
    /// tolerant parse reports no unexpected value and no error" ⇔ "the permissive schema
    /// accepts"; and the tolerant parse accepts every mutant (all are JSON objects) and writes
    /// it back exactly.
    #[test]
    fn strict_parse_accepts_iff_permissive_schema_accepts(
        index in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let all = fixture_values();
        let mut payload = all[index.index(all.len())].clone();
        for m in &mutations {
            apply(&mut payload, m);
        }
        let bytes = serde_json::to_vec(&payload).expect("serialize");
        let tolerant = Callback::from_slice(&bytes);
        prop_assert!(tolerant.is_ok(), "tolerant parse refused {}: {:?}", payload, tolerant.err());
        let clean = tolerant.as_ref().is_ok_and(|parsed| parsed.unexpected().is_empty());
        if let Ok(parsed) = &tolerant {
            prop_assert_eq!(serde_json::to_value(parsed).expect("serialize"), payload.clone());
        }
        let serde_verdict = Callback::from_slice_strict(&bytes);
        prop_assert_eq!(clean, serde_verdict.is_ok());
        let schema_verdict = validator(Target::Any).validate(&payload, Flavor::Permissive);
        prop_assert_eq!(
            serde_verdict.is_ok(),
            schema_verdict.is_ok(),
            "disagreement on {}\nserde: {:?}\nschema: {:?}",
            payload, serde_verdict.as_ref().err(), schema_verdict.as_ref().err()
        );
        match (serde_verdict, schema_verdict) {
            // Accepted means lossless.
            (Ok(parsed), _) => {
                prop_assert_eq!(serde_json::to_value(&parsed).expect("serialize"), payload);
            }
            // Rejected: the models' error names a place the schema also names.
            (Err(err), Err(issues)) => {
                prop_assert!(
                    issues.iter().any(|issue| issue.instance_pointer == err.pointer()),
                    "models say {} but the schema names {:?} in {}",
                    err, issues.iter().map(|i| &i.instance_pointer).collect::<Vec<_>>(), payload
                );
            }
            (Err(_), Ok(())) => {}
        }
    }
}

fn fixture_values() -> &'static [Value] {
    static VALUES: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    VALUES.get_or_init(|| fixtures().into_iter().map(|f| f.value).collect())
}

/// The generator behind the agreement property exercises both verdicts: a property that only
/// ever saw accepted payloads would prove nothing.
#[test]
fn agreement_generator_produces_both_verdicts() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (
        any::<prop::sample::Index>(),
        prop::collection::vec(mutation(), 1..4),
    );
    let all = fixture_values();
    let (mut accepted, mut rejected) = (0, 0);
    for _ in 0..400 {
        let (index, mutations) = strategy.new_tree(&mut runner).expect("tree").current();
        let mut payload = all[index.index(all.len())].clone();
        for m in &mutations {
            apply(&mut payload, m);
        }
        let bytes = serde_json::to_vec(&payload).expect("serialize");
        match Callback::from_slice_strict(&bytes) {
            Ok(_) => accepted += 1,
            Err(_) => rejected += 1,
        }
    }
    assert!(
        accepted >= 80 && rejected >= 80,
        "accepted {accepted}, rejected {rejected}"
    );
}
