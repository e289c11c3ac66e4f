//! The one mechanism behind every model: a single pass over the JSON object, known keys into
//! typed fields, every other key kept in an `extra` map.
//!
//! serde's `flatten` would keep unknown keys too, but it buffers the whole object into serde's
//! private `Content` tree first, which costs more than parsing into `serde_json::Value`. The
//! [`crate::lossless_object!`] macro instead writes, for each model, a visitor that matches
//! keys as they stream by.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;

use crate::error::pointer_of;

/// An object model that reads itself key by key.
///
/// Implemented by `lossless_object!` for every model: the fields first, then the extra members
/// through [`Members`], then the `extra` map.
pub(crate) trait Object: Default {
    /// Reads the value of `key`, streaming it from `map` into the right field.
    fn read_entry<'de, A: MapAccess<'de>>(
        &mut self,
        key: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// Stores a value that was already parsed into a `Value` (see `Callback`'s dispatch).
    fn take_entry(&mut self, key: Cow<'_, str>, value: Value) -> Result<(), EntryError>;

    /// Runs after the last key.
    fn finish(&mut self) {}

    /// The `extra` map: every key the model does not know, with its value as sent.
    fn extra_mut(&mut self) -> &mut serde_json::Map<String, Value>;

    /// How many entries [`Object::serialize_entries`] writes.
    fn entry_count(&self) -> usize;

    /// Writes every present field, then the extra keys.
    fn serialize_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// The keys owned by a model's extra members (the `members { ... }` block of
/// `lossless_object!`), handled between the typed fields and the `extra` map.
///
/// Every hook defaults to "no member keys"; `lossless_object!` implements it empty for a model
/// without members, so for those the calls compile away. A model with members implements it by
/// hand.
pub(crate) trait Members {
    /// Reads the value of `key` if a member owns the key; `false` leaves it to `extra`. Only
    /// called for keys that are not fields.
    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        _key: &str,
        _map: &mut A,
    ) -> Result<bool, A::Error> {
        Ok(false)
    }

    /// Stores an already-parsed value if a member owns `key`; otherwise gives it back for
    /// `extra`.
    fn take_member(&mut self, _key: &str, value: Value) -> Result<Option<Value>, EntryError> {
        Ok(Some(value))
    }

    /// Runs after the last key.
    fn finish_members(&mut self) {}

    /// How many entries [`Members::serialize_members`] writes.
    fn member_count(&self) -> usize {
        0
    }

    /// Writes the members' entries, after the fields and before `extra`.
    fn serialize_members<M: SerializeMap>(&self, _map: &mut M) -> Result<(), M::Error> {
        Ok(())
    }

    /// Adds the JSON pointers of whatever the members did not model.
    fn collect_member_unmodeled(&self, _pointer: &mut String, _out: &mut Vec<String>) {}

    /// Adds the values of an unexpected JSON type the members kept.
    fn collect_member_unexpected(
        &self,
        _pointer: &mut String,
        _out: &mut Vec<crate::diagnostics::UnexpectedValue>,
    ) {
    }

    /// Adds the schemas of the keys the members own, after the fields' properties.
    #[cfg(feature = "schema")]
    fn member_properties(
        _generator: &mut schemars::SchemaGenerator,
        _properties: &mut serde_json::Map<String, Value>,
    ) {
    }
}

/// A key, borrowed from the input when it has no escapes.
pub(crate) struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Reads the value of the key just read, as a `T`. Never inlined, on purpose: a model's
/// `read_entry` (and `Content`'s) then holds one call per key instead of a copy of the whole
/// parse of the key's type, and every key of one type shares one copy of that code. The typed
/// parse is bound by the instruction cache, not by the instructions it runs (see
/// `benches/README.md`, "Keys before `type` and code size").
#[inline(never)]
pub(crate) fn next_value<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: &mut A,
) -> Result<T, A::Error> {
    map.next_value()
}

/// Reads the value of the key just read into `slot`, like [`next_value`]; the old value is
/// dropped here too, so that its drop code is not copied into every caller either.
#[inline(never)]
pub(crate) fn read_into<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    slot: &mut T,
    map: &mut A,
) -> Result<(), A::Error> {
    *slot = map.next_value()?;
    Ok(())
}

/// A field that failed to convert from an already-parsed `Value`, with where it failed.
#[derive(Debug)]
pub(crate) struct EntryError {
    /// JSON pointer of the failing value, relative to the object that owns the entry.
    pub pointer: String,
    /// What was expected and found.
    pub message: String,
}

std::thread_local! {
    /// The pointer of the last [`EntryError`] turned into a deserializer error on this thread.
    /// A deserializer's error type carries only a message, so the pointer travels beside it, as
    /// a value, to [`crate::ParseError`]; it is never written into the message and parsed back.
    static FAILED_ENTRY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

impl EntryError {
    /// Converts into the deserializer's error type: the message as it is (any character), the
    /// pointer handed to [`take_failed_entry`].
    pub fn into_de<E: de::Error>(self) -> E {
        FAILED_ENTRY.with(|cell| *cell.borrow_mut() = Some(self.pointer));
        E::custom(self.message)
    }
}

/// The pointer of the entry whose failure the latest deserializer error on this thread reports,
/// if it came from an [`EntryError`]; taking it clears it. Call [`forget_failed_entry`] before
/// a parse whose error is read this way, so that no earlier failure is taken for it.
pub(crate) fn take_failed_entry() -> Option<String> {
    FAILED_ENTRY.with(|cell| cell.borrow_mut().take())
}

/// Clears what [`take_failed_entry`] would return.
pub(crate) fn forget_failed_entry() {
    FAILED_ENTRY.with(|cell| *cell.borrow_mut() = None);
}

/// Converts a buffered `Value` into a field type; on failure, finds the JSON pointer inside it.
pub(crate) fn from_value_at<T: DeserializeOwned>(key: &str, value: Value) -> Result<T, EntryError> {
    let nested = matches!(value, Value::Object(_) | Value::Array(_));
    if !nested {
        return T::deserialize(value).map_err(|err| EntryError {
            pointer: crate::error::push_token(String::new(), key),
            message: err.to_string(),
        });
    }
    serde_path_to_error::deserialize::<_, T>(value).map_err(|err| {
        let inner = pointer_of(err.path());
        EntryError {
            pointer: crate::error::push_token(String::new(), key) + &inner,
            message: err.into_inner().to_string(),
        }
    })
}

/// `Deserialize` for every [`Object`]: one pass over the map.
pub(crate) fn deserialize_object<'de, T: Object, D: Deserializer<'de>>(
    deserializer: D,
    expecting: &'static str,
) -> Result<T, D::Error> {
    struct ObjectVisitor<T>(&'static str, PhantomData<T>);
    impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut out = T::default();
            while let Some(Key(key)) = map.next_key()? {
                out.read_entry(key, &mut map)?;
            }
            out.finish();
            Ok(out)
        }
    }
    deserializer.deserialize_map(ObjectVisitor(expecting, PhantomData))
}

/// `Serialize` for every [`Object`].
pub(crate) fn serialize_object<T: Object, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(value.entry_count()))?;
    value.serialize_entries(&mut map)?;
    map.end()
}

/// Joins `///` lines into one description.
#[cfg(feature = "schema")]
pub(crate) fn doc_text(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str("\n\n");
            }
            continue;
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
        out.push_str(line);
    }
    out.trim_end().to_owned()
}

/// The schema of a property: its type's schema (nullable) with the field's description.
#[cfg(feature = "schema")]
pub(crate) fn property_schema<T: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
    description: &[&str],
) -> Value {
    let mut schema = generator.subschema_for::<crate::Field<T>>().to_value();
    let mut text = doc_text(description);
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str("May be absent or null.");
    if let Value::Object(map) = &mut schema {
        map.insert("description".to_owned(), Value::String(text));
    }
    schema
}

/// The schema of an object model: its properties, no required keys (every documented field may
/// be absent), and any other key allowed (the permissive flavour; see `crate::schema` for the
/// strict one).
#[cfg(feature = "schema")]
pub(crate) fn object_schema(
    title: &str,
    description: &[&str],
    properties: serde_json::Map<String, Value>,
) -> schemars::Schema {
    let mut map = serde_json::Map::new();
    map.insert("title".to_owned(), Value::String(title.to_owned()));
    let text = doc_text(description);
    if !text.is_empty() {
        map.insert("description".to_owned(), Value::String(text));
    }
    map.insert("type".to_owned(), Value::String("object".to_owned()));
    map.insert("properties".to_owned(), Value::Object(properties));
    schemars::Schema::from(map)
}
