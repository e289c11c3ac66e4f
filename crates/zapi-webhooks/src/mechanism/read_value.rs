//! Reading the typed [`Callback`] out of an already-parsed `serde_json::Value`, `type` first
//! (behind [`Callback::from_value`]).
//!
//! `Callback`'s visitor reads every key seen before `type` into a `ReceivedCallback` and, when
//! `type` names another callback, moves what it read to that model through its JSON; keys
//! after `type` go straight into their model. A `serde_json::Value` object iterates its keys
//! in sorted order, so reading it as it is puts most keys before `type` and, for every callback
//! but a received one, takes the road that reads each value twice. [`callback_from_value`]
//! hands the visitor the `type` entry first and every other entry after it, so the whole
//! object takes the direct road. The result is the same model: the
//! library reads the same entries either way, only faster.

use crate::Callback;
use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

/// Reads a callback from a parsed JSON value. On failure, reads it again with path tracking
/// (only then) to name the JSON pointer of the offending value.
pub(crate) fn callback_from_value(value: &Value) -> Result<Callback, crate::ParseError> {
    let result = match value {
        Value::Object(map) => Callback::deserialize(TypeFirst(map)),
        // Not an object: let serde word the failure.
        other => Callback::deserialize(other),
    };
    result.map_err(|plain| {
        crate::mechanism::object::forget_failed_entry();
        let located = match value {
            Value::Object(map) => serde_path_to_error::deserialize::<_, Callback>(TypeFirst(map)),
            other => serde_path_to_error::deserialize::<_, Callback>(other),
        };
        match located {
            Err(err) => {
                let pointer = crate::error::pointer_of(err.path());
                crate::ParseError::from_json(pointer, err.into_inner())
            }
            Ok(_) => crate::ParseError::from_json(String::new(), plain),
        }
    })
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
