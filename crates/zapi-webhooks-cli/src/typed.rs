//! Reading the typed [`Callback`] out of an already-parsed `serde_json::Value`, `type` first.
//!
//! `Callback`'s visitor holds every key seen before `type` as a `Value` until `type` says which
//! model to fill, then converts those held values one by one; keys after `type` go straight
//! into their typed fields. A `serde_json::Value` object iterates its keys in sorted order, so
//! reading it as it is puts most keys before `type` and takes the slow road for nearly every
//! field. [`callback_from_value`] hands the visitor the `type` entry first and every other entry
//! after it, so the whole object takes the direct road. The result is the same model: the
//! library reads the same entries either way, only faster.

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use zapi_webhooks::Callback;

/// Reads a callback from a parsed JSON value, or fails (with an error that only says that it
/// failed: callers re-read the bytes with [`Callback::from_slice`] for the located error).
pub fn callback_from_value(value: &Value) -> Result<Callback, serde_json::Error> {
    match value {
        Value::Object(map) => Callback::deserialize(TypeFirst(map)),
        // Not an object: let the library word the failure.
        other => Callback::deserialize(other),
    }
}

/// A JSON object read as a map whose first entry is `type` (when there is one).
struct TypeFirst<'a>(&'a Map<String, Value>);

impl<'de> Deserializer<'de> for TypeFirst<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_map(Entries {
            first: self.0.get_key_value("type"),
            rest: self.0.iter(),
            value: None,
            left: self.0.len(),
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// The entries of a [`TypeFirst`] object: `type`, then the others in the map's order.
struct Entries<'de> {
    first: Option<(&'de String, &'de Value)>,
    rest: serde_json::map::Iter<'de>,
    value: Option<&'de Value>,
    left: usize,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let entry = match self.first.take() {
            Some(entry) => Some(entry),
            None => self.rest.by_ref().find(|(key, _)| key.as_str() != "type"),
        };
        match entry {
            Some((key, value)) => {
                self.value = Some(value);
                self.left = self.left.saturating_sub(1);
                seed.deserialize(BorrowedStrDeserializer::new(key.as_str()))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom(
                "a map value was asked for before its key",
            )),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture reads into the same model through the value, `type` first, as through
    /// the bytes.
    #[test]
    fn same_model_as_from_slice_on_every_fixture() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let mut checked = 0;
        for dir in std::fs::read_dir(root).expect("fixtures folder") {
            let dir = dir.expect("entry").path();
            if !dir.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(&dir).expect("callback folder") {
                let path = file.expect("entry").path();
                let bytes = std::fs::read(&path).expect("fixture");
                let value: Value = serde_json::from_slice(&bytes).expect("fixture is JSON");
                let typed = callback_from_value(&value).expect("reads through the value");
                let direct = Callback::from_slice(&bytes).expect("reads through the bytes");
                assert_eq!(typed, direct, "{}", path.display());
                checked += 1;
            }
        }
        assert!(checked > 50, "only {checked} fixtures found");
    }

    #[test]
    fn keys_before_type_and_unknown_callbacks() {
        let value = serde_json::json!({"a": 1, "phone": "55", "type": "ReceivedCallback",
            "text": {"message": "hi"}, "zz": [1]});
        let typed = callback_from_value(&value).expect("reads");
        assert_eq!(typed.kind_name(), "text");
        assert_eq!(
            typed.unmodeled(),
            Callback::from_value(value.clone())
                .expect("reads")
                .unmodeled()
        );
        let unknown = serde_json::json!({"b": 1, "type": "Nope"});
        assert!(matches!(
            callback_from_value(&unknown),
            Ok(Callback::Unknown(_))
        ));
        let untyped = serde_json::json!({"b": 1});
        assert!(matches!(
            callback_from_value(&untyped),
            Ok(Callback::Unknown(_))
        ));
        assert!(callback_from_value(&serde_json::json!([1])).is_err());
        assert!(callback_from_value(&serde_json::json!({"type": 3})).is_err());
    }
}
