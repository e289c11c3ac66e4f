//! Fuzz target `full_path`: bytes → `Callback` → validate → serialize → re-parse.
//!
//! For every input the target checks, and panics (a libFuzzer "crash") when one fails:
//!
//! 1. `Callback::from_slice` and `serde_json::from_slice::<Callback>` agree (same Ok/Err, same
//!    value). `from_slice` skips a leading UTF-8 byte order mark by design, so the plain serde
//!    parsers below are given the input without it.
//! 2. Bytes that `Callback` accepts are JSON: `serde_json::Value` accepts them too.
//! 3. Lossless: the parsed callback serializes to exactly the `Value` of the input, and the
//!    serialized bytes parse back to an equal `Callback`.
//! 4. Schema ⇔ serde agreement: for every input that is JSON, `Callback` parses exactly when
//!    the permissive schema accepts the `Value`, and the strict schema never accepts what the
//!    permissive one rejects.
//! 5. A data error points at a value that exists in the input (its JSON pointer resolves).
//!
//! Two divergences of check 4 are documented by the crate and never reported:
//!
//! * a JSON number that `serde_json` stores as an `f64` with no fractional part (`1.0`, `1e3`,
//!   `-0`, or an integer beyond the `u64`/`i64` range) in an integer field is an "integer" to
//!   JSON Schema but is rejected by the models;
//! * a key repeated in one object must have the right type in every occurrence for the models,
//!   while the schema only sees the last one; and with `type` repeated at the top level, the
//!   values read before the last `type` are checked against the model in force when they were
//!   read (finding 1c, documented rather than changed).
//!
//! Every finding so far is fixed or documented (see fuzz/README.md); none is skipped.

#![no_main]

use std::collections::HashSet;
use std::fmt;

use libfuzzer_sys::fuzz_target;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use zapi_webhooks::schema::Flavor;
use zapi_webhooks::{Callback, ParseError, ParseErrorKind};

fuzz_target!(|data: &[u8]| check(data));

/// The UTF-8 byte order mark, which `Callback::from_slice` documents that it skips.
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn check(input: &[u8]) {
    let parsed = Callback::from_slice(input);
    let data = input.strip_prefix(BOM).unwrap_or(input);

    // 1. The crate's entry point and plain serde must agree.
    match (&parsed, serde_json::from_slice::<Callback>(data)) {
        (Ok(a), Ok(b)) => assert_eq!(*a, b, "from_slice and serde_json::from_slice disagree"),
        (Err(_), Err(_)) => {}
        (a, b) => panic!(
            "from_slice and serde_json::from_slice disagree on success: {:?} vs {:?}",
            a.as_ref().map(|_| ()),
            b.map(|_| ())
        ),
    }

    let value = match serde_json::from_slice::<Value>(data) {
        Ok(value) => value,
        Err(err) => {
            // 2. Not JSON: the models must refuse it as well.
            assert!(
                parsed.is_err(),
                "Callback accepted bytes that serde_json::Value rejects ({err})"
            );
            return;
        }
    };

    let permissive = zapi_webhooks::validate(&value, Flavor::Permissive);
    let strict = zapi_webhooks::validate(&value, Flavor::Strict);
    assert!(
        strict.is_err() || permissive.is_ok(),
        "strict schema accepts a payload that the permissive schema rejects: {permissive:?}"
    );

    match parsed {
        Ok(callback) => {
            // 4. Everything the models accept, the permissive schema accepts.
            if let Err(issues) = permissive {
                panic!("Callback parsed but the permissive schema rejects the payload: {issues:?}");
            }
            lossless(&value, &callback);
            // Cheap accessors must not panic on anything that parsed.
            let _ = (
                callback.kind_name(),
                callback.type_value(),
                callback.unmodeled(),
            );
        }
        Err(err) => {
            // 5. A data error's pointer names a value of the input.
            let at = value.pointer(err.pointer());
            assert!(
                err.kind() != ParseErrorKind::Data || at.is_some(),
                "error pointer {:?} does not resolve in the input: {err}",
                err.pointer()
            );
            // 4. What the models reject, the permissive schema rejects, except for the two
            // documented divergences.
            if permissive.is_ok()
                && !at.is_some_and(is_integral_float)
                && !is_repeated_key_error(data, &err)
            {
                panic!("the permissive schema accepts a payload that Callback rejects: {err}");
            }
        }
    }
}

/// 3. Serializing gives back the input's `Value`, and the output parses to the same callback.
fn lossless(value: &Value, callback: &Callback) {
    let written = serde_json::to_value(callback).expect("a parsed Callback serializes");
    assert_eq!(
        &written, value,
        "serialized Callback differs from the input JSON"
    );

    let bytes = serde_json::to_vec(callback).expect("a parsed Callback serializes to bytes");
    let reparsed = Callback::from_slice(&bytes)
        .unwrap_or_else(|err| panic!("serialized Callback does not parse back: {err}"));
    assert_eq!(
        &reparsed, callback,
        "serialized Callback parses back to a different Callback"
    );
}

/// A JSON number held as an `f64` with no fractional part: `1.0`, `1e3`, or an integer that
/// does not fit `u64`/`i64`. JSON Schema calls it an integer; the models do not.
fn is_integral_float(value: &Value) -> bool {
    match value {
        Value::Number(n) if n.is_f64() => n.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => false,
    }
}

/// A divergence the crate documents (`Callback` docs, "Repeated keys"): every value of a
/// repeated key must have the right type for its field, while `Value`, and so the schema,
/// only sees the last one. `{"phone": 1, "phone": "5544"}` is rejected by the models and
/// accepted by the schema. `true` when the error points at (or inside) a repeated key.
fn is_repeated_key_error(data: &[u8], err: &ParseError) -> bool {
    let at = err.pointer();
    repeated_keys(data).iter().any(|p| {
        p == "/type"
            || at == p
            || at
                .strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with('/'))
    })
}

/// The JSON pointers of every key that an object of the JSON text repeats (after unescaping),
/// e.g. `/type` or `/image/caption`. Empty for text that is not JSON.
fn repeated_keys(data: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(data);
    let scan = Scan {
        pointer: String::new(),
        out: &mut out,
    };
    match scan.deserialize(&mut de) {
        Ok(()) => out,
        Err(_) => Vec::new(),
    }
}

/// Appends one reference token to a JSON pointer (RFC 6901 escaping).
fn push_token(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", token.replace('~', "~0").replace('/', "~1"))
}

/// Walks one JSON value at `pointer`, recording repeated keys in `out`.
struct Scan<'a> {
    pointer: String,
    out: &'a mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Scan<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            let item = Scan {
                pointer: push_token(&self.pointer, &index.to_string()),
                out: &mut *self.out,
            };
            if seq.next_element_seed(item)?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let pointer = push_token(&self.pointer, &key);
            if !keys.insert(key) && !self.out.contains(&pointer) {
                self.out.push(pointer.clone());
            }
            map.next_value_seed(Scan {
                pointer,
                out: &mut *self.out,
            })?;
        }
        Ok(())
    }
}
