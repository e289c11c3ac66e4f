//! The lossless check from the body's bytes, without building a JSON tree (behind the bulk
//! path of [`crate::inspect::Inspector::models_as_schema`]).
//!
//! Both sides are reduced to a fingerprint of the `serde_json::Value` they stand for: the body
//! while it is lexed ([`of_text`], a serde visitor that keeps nothing), the model while it
//! serializes itself ([`of_model`], a serializer that writes nothing), each as
//! `serde_json::to_value` / `from_slice` would build the value. Equal values give equal
//! fingerprints: an object's entries are combined in any order (a `Value` map has no order),
//! an array's items in order, a number by its `Value` kind (unsigned, negative, float) and
//! bits. The hash is foldhash's quality hasher, seeded at random once per process: fast, not
//! cryptographic, so two different values agree by chance with probability about 2^-64 and a
//! body crafted against it could collide (a collision can only make a report say "lossless"
//! wrongly; the payload and the verdict of validity are not touched). Equal fingerprints are taken as lossless; any other outcome (different
//! fingerprints, a repeated key, a shape not handled here) is no answer, and the caller runs
//! the exact check ([`crate::mechanism::lossless::difference`]), which also names where the
//! two differ.

use std::fmt;
use std::hash::{BuildHasher, Hasher};

use foldhash::quality::{FoldHasher, RandomState};
use std::sync::OnceLock;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Impossible, Serialize};

use crate::mechanism::lossless::{Unequal, refused};

/// What each kind of value is hashed with first.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Tag {
    Null,
    Bool,
    Unsigned,
    Negative,
    Float,
    String,
    Array,
    Object,
    Entry,
}

fn keys() -> &'static RandomState {
    static KEYS: OnceLock<RandomState> = OnceLock::new();
    KEYS.get_or_init(RandomState::default)
}

fn hasher(tag: Tag) -> FoldHasher<'static> {
    let mut hasher = keys().build_hasher();
    hasher.write_u8(tag as u8);
    hasher
}

fn null() -> u64 {
    hasher(Tag::Null).finish()
}

fn boolean(v: bool) -> u64 {
    let mut h = hasher(Tag::Bool);
    h.write_u8(u8::from(v));
    h.finish()
}

fn unsigned(v: u64) -> u64 {
    let mut h = hasher(Tag::Unsigned);
    h.write_u64(v);
    h.finish()
}

/// A signed integer: non-negative ones are unsigned in a `Value`, as `Number::from(i64)` makes them.
fn signed(v: i64) -> u64 {
    match u64::try_from(v) {
        Ok(v) => unsigned(v),
        Err(_) => {
            let mut h = hasher(Tag::Negative);
            h.write_i64(v);
            h.finish()
        }
    }
}

fn float(v: f64) -> u64 {
    // `to_value` writes a non-finite float as null; JSON text has none.
    if !v.is_finite() {
        return null();
    }
    let mut h = hasher(Tag::Float);
    h.write_u64(v.to_bits());
    h.finish()
}

fn string(v: &str) -> u64 {
    let mut h = hasher(Tag::String);
    h.write_usize(v.len());
    h.write(v.as_bytes());
    h.finish()
}

fn entry(key: u64, value: u64) -> u64 {
    let mut h = hasher(Tag::Entry);
    h.write_u64(key);
    h.write_u64(value);
    h.finish()
}

/// Entries combined in any order: their count and their sum.
#[derive(Default)]
struct Entries {
    sum: u64,
    count: u64,
}

impl Entries {
    fn add(&mut self, key: u64, value: u64) {
        self.sum = self.sum.wrapping_add(entry(key, value));
        self.count += 1;
    }

    fn finish(self) -> u64 {
        let mut h = hasher(Tag::Object);
        h.write_u64(self.count);
        h.write_u64(self.sum);
        h.finish()
    }
}

/// Items combined in order.
struct Items {
    hasher: FoldHasher<'static>,
    count: u64,
}

impl Items {
    fn add(&mut self, item: u64) {
        self.hasher.write_u64(item);
        self.count += 1;
    }

    fn finish(mut self) -> u64 {
        self.hasher.write_u64(self.count);
        self.hasher.finish()
    }
}

fn items() -> Items {
    Items {
        hasher: hasher(Tag::Array),
        count: 0,
    }
}

/// The fingerprint of the JSON document `text` (one document, optional whitespace around it),
/// or `None` when it is not JSON.
///
/// A key repeated in an object counts once per time it appears, where a `Value` keeps only the
/// last: such a body's fingerprint has more entries than any model writes back (a model writes
/// each key once), so it never matches and the exact check judges it.
pub(crate) fn of_text(text: &str) -> Option<u64> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let fingerprint = Lex.deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(fingerprint)
}

/// The fingerprint of what `model` serializes to, as `serde_json::to_value` would build it, or
/// `None` for a shape not handled here.
pub(crate) fn of_model<T: Serialize + ?Sized>(model: &T) -> Option<u64> {
    model.serialize(Print).ok()
}

/// Whether the fast check holds for `bytes`: `Some(true)` when the body's fingerprint and that
/// of the callback the models read from it agree, `Some(false)` when they differ, `None` when
/// the bytes are not JSON or not a callback. Behind [`crate::__private::fingerprints_agree`],
/// for the repository's tests.
pub(crate) fn agree(bytes: &[u8]) -> Option<bool> {
    let text = std::str::from_utf8(bytes).ok()?;
    let callback = crate::Callback::from_text(text).ok()?;
    let body = of_text(text)?;
    Some(of_model(&callback) == Some(body))
}

/// Lexes one JSON value into its fingerprint.
#[derive(Clone, Copy)]
struct Lex;

impl<'de> DeserializeSeed<'de> for Lex {
    type Value = u64;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<u64, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Lex {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<u64, E> {
        Ok(null())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<u64, E> {
        Ok(boolean(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        Ok(unsigned(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        Ok(signed(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        Ok(float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
        Ok(string(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<u64, A::Error> {
        let mut out = items();
        while let Some(item) = seq.next_element_seed(Lex)? {
            out.add(item);
        }
        Ok(out.finish())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<u64, A::Error> {
        let mut out = Entries::default();
        while let Some(key) = map.next_key_seed(Lex)? {
            let value = map.next_value_seed(Lex)?;
            out.add(key, value);
        }
        Ok(out.finish())
    }
}

/// Serializes a model into its fingerprint.
#[derive(Clone, Copy)]
struct Print;

/// The eight integer methods of [`Print`].
macro_rules! print_integers {
    ($($method:ident: $int:ty => $how:ident),* $(,)?) => {
        $(
            fn $method(self, v: $int) -> Result<u64, Unequal> {
                Ok($how(v.into()))
            }
        )*
    };
}

impl ser::Serializer for Print {
    type Ok = u64;
    type Error = Unequal;
    type SerializeSeq = PrintItems;
    type SerializeTuple = PrintItems;
    type SerializeTupleStruct = PrintItems;
    type SerializeTupleVariant = Impossible<u64, Unequal>;
    type SerializeMap = PrintEntries;
    type SerializeStruct = Impossible<u64, Unequal>;
    type SerializeStructVariant = Impossible<u64, Unequal>;

    fn serialize_bool(self, v: bool) -> Result<u64, Unequal> {
        Ok(boolean(v))
    }
    print_integers!(
        serialize_i8: i8 => signed, serialize_i16: i16 => signed, serialize_i32: i32 => signed,
        serialize_i64: i64 => signed, serialize_u8: u8 => unsigned, serialize_u16: u16 => unsigned,
        serialize_u32: u32 => unsigned, serialize_u64: u64 => unsigned,
    );
    fn serialize_f32(self, v: f32) -> Result<u64, Unequal> {
        Ok(float(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<u64, Unequal> {
        Ok(float(v))
    }
    fn serialize_char(self, v: char) -> Result<u64, Unequal> {
        Ok(string(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<u64, Unequal> {
        Ok(string(v))
    }
    refused!(
        serialize_i128,
        serialize_u128,
        serialize_bytes,
        serialize_newtype_variant,
        serialize_struct,
        serialize_tuple_variant,
        serialize_struct_variant,
    );
    fn serialize_none(self) -> Result<u64, Unequal> {
        Ok(null())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<u64, Unequal> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<u64, Unequal> {
        Ok(null())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<u64, Unequal> {
        Ok(null())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<u64, Unequal> {
        Ok(string(variant))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<u64, Unequal> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<PrintItems, Unequal> {
        Ok(PrintItems(items()))
    }
    fn serialize_tuple(self, len: usize) -> Result<PrintItems, Unequal> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<PrintItems, Unequal> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<PrintEntries, Unequal> {
        Ok(PrintEntries::default())
    }
}

/// A sequence, a tuple or a tuple struct, item by item.
struct PrintItems(Items);

impl PrintItems {
    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unequal> {
        self.0.add(value.serialize(Print)?);
        Ok(())
    }
}

/// The `serde::ser` compound traits of [`PrintItems`].
macro_rules! print_items {
    ($($compound:ident :: $method:ident),* $(,)?) => {
        $(
            impl ser::$compound for PrintItems {
                type Ok = u64;
                type Error = Unequal;
                fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unequal> {
                    self.item(value)
                }
                fn end(self) -> Result<u64, Unequal> {
                    Ok(self.0.finish())
                }
            }
        )*
    };
}

print_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
);

/// An object, entry by entry. A key written twice counts twice, where `to_value` keeps one:
/// such a model never matches a body (whose keys it read), and the exact check judges it.
#[derive(Default)]
struct PrintEntries {
    entries: Entries,
    /// The key just written, between `serialize_key` and `serialize_value`.
    pending: Option<u64>,
}

impl ser::SerializeMap for PrintEntries {
    type Ok = u64;
    type Error = Unequal;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Unequal> {
        // A string key has the fingerprint of a string, as a body's key has. `to_value` would
        // turn a number or boolean key into its text: such a key (no model writes one) does
        // not match, and the exact check judges it.
        self.pending = Some(key.serialize(Print)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unequal> {
        let key = self.pending.take().ok_or(Unequal)?;
        self.entries.add(key, value.serialize(Print)?);
        Ok(())
    }
    fn end(self) -> Result<u64, Unequal> {
        match self.pending {
            None => Ok(self.entries.finish()),
            Some(_) => Err(Unequal),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Callback;

    /// [`of_text`] of `bytes`, `None` when they are not UTF-8.
    fn of_bytes(bytes: &[u8]) -> Option<u64> {
        of_text(std::str::from_utf8(bytes).ok()?)
    }

    #[test]
    fn equal_values_agree_whatever_the_order_and_spacing() {
        let a = of_bytes(br#"{"a":1,"b":[true,null,"x"],"c":{"d":-2,"e":1.5}}"#);
        let b = of_bytes(b" {\"c\":{\"e\":1.5,\"d\":-2}, \"b\":[true,null,\"\\u0078\"],\"a\":1}\n");
        assert!(a.is_some());
        assert_eq!(a, b);
        for other in [
            &br#"{"a":1,"b":[null,true,"x"],"c":{"d":-2,"e":1.5}}"#[..],
            br#"{"a":1.0,"b":[true,null,"x"],"c":{"d":-2,"e":1.5}}"#,
            br#"{"a":"1","b":[true,null,"x"],"c":{"d":-2,"e":1.5}}"#,
            br#"{"a":1,"b":[true,null,"x"],"c":{"d":-2,"e":1.5},"f":null}"#,
            br#"{"a":1,"a":1,"b":[true,null,"x"],"c":{"d":-2,"e":1.5}}"#,
            br#"{"a":1,"b":[true,null,"x"],"c":{"d":-2,"ee":1.5}}"#,
        ] {
            assert_ne!(a, of_bytes(other), "{}", String::from_utf8_lossy(other));
        }
        assert_eq!(of_bytes(b"{"), None);
        assert_eq!(of_bytes(b"{} {}"), None);
    }

    #[test]
    fn a_model_agrees_with_its_body() {
        let body = br#"{"fromMe":false,"type":"ReceivedCallback","momment":1,"text":{"message":"hi","x":[1,-1,0.5]},"brandNew":{"k":null}}"#;
        let callback = Callback::from_slice(body).expect("reads");
        assert_eq!(of_model(&callback), of_bytes(body));
        let other =
            br#"{"fromMe":false,"type":"ReceivedCallback","momment":1,"text":{"message":"ho"}}"#;
        assert_ne!(of_model(&callback), of_bytes(other));
    }
}
