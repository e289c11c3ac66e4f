//! The lossless check without building a second JSON tree (behind
//! [`crate::Callback::lossless_difference`]).
//!
//! The plain check is `serde_json::to_value(&callback)? == original`, which allocates a whole
//! new `Value` (every string, every map) only to compare it and throw it away. [`Compare`] is a
//! `serde::Serializer` that walks the original value while the callback serializes itself and
//! stops at the first difference, allocating nothing. It produces what `to_value` would produce
//! for the shapes the models write (maps, sequences, strings, numbers, booleans, null, options,
//! unit variants, newtype structs and variants); for any other shape it gives up, and
//! [`difference`] falls back to `to_value`. It also falls back whenever it sees a difference, to
//! name where it is, so a "differs" answer always comes from the plain check.

use std::fmt;

use crate::diagnostics::{Difference, first_difference};
use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::{Map, Number, Value};

/// The eight `serialize_<integer>` methods of a serializer: `$body`, with `$this` the serializer
/// and `$v` the value.
macro_rules! integers {
    (|$this:ident, $v:ident| -> $ok:ty $body:block) => {
        integers!(@each $this $v $ok $body;
            serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
            serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    };
    (@each $this:ident $v:ident $ok:ty $body:block; $($method:ident: $int:ty),*) => {
        $(
            fn $method(self, $v: $int) -> Result<$ok, Unequal> {
                let $this = self;
                $body
            }
        )*
    };
}

/// `serde::Serializer` methods that give up (`Err(Unequal)`, so [`difference`] asks `to_value`),
/// for the shapes a serializer here does not handle: `refused!(serialize_bytes, ...)` inside
/// the impl. Each method's signature is written here once, whichever serializer refuses it.
macro_rules! refused {
    ($($method:ident),* $(,)?) => {
        $( refused!(@ $method); )*
    };
    (@ serialize_i128) => { refused!(@fn serialize_i128(_: i128) -> Ok); };
    (@ serialize_u128) => { refused!(@fn serialize_u128(_: u128) -> Ok); };
    (@ serialize_f32) => { refused!(@fn serialize_f32(_: f32) -> Ok); };
    (@ serialize_f64) => { refused!(@fn serialize_f64(_: f64) -> Ok); };
    (@ serialize_bytes) => { refused!(@fn serialize_bytes(_: &[u8]) -> Ok); };
    (@ serialize_none) => { refused!(@fn serialize_none() -> Ok); };
    (@ serialize_some) => { refused!(@fn serialize_some<T>(_: &T) -> Ok); };
    (@ serialize_unit) => { refused!(@fn serialize_unit() -> Ok); };
    (@ serialize_unit_struct) => { refused!(@fn serialize_unit_struct(_: &'static str) -> Ok); };
    (@ serialize_newtype_variant) => {
        refused!(@fn serialize_newtype_variant<T>(_: &'static str, _: u32, _: &'static str, _: &T) -> Ok);
    };
    (@ serialize_seq) => { refused!(@fn serialize_seq(_: Option<usize>) -> SerializeSeq); };
    (@ serialize_tuple) => { refused!(@fn serialize_tuple(_: usize) -> SerializeTuple); };
    (@ serialize_tuple_struct) => {
        refused!(@fn serialize_tuple_struct(_: &'static str, _: usize) -> SerializeTupleStruct);
    };
    (@ serialize_tuple_variant) => {
        refused!(@fn serialize_tuple_variant(_: &'static str, _: u32, _: &'static str, _: usize) -> SerializeTupleVariant);
    };
    (@ serialize_map) => { refused!(@fn serialize_map(_: Option<usize>) -> SerializeMap); };
    (@ serialize_struct) => { refused!(@fn serialize_struct(_: &'static str, _: usize) -> SerializeStruct); };
    (@ serialize_struct_variant) => {
        refused!(@fn serialize_struct_variant(_: &'static str, _: u32, _: &'static str, _: usize) -> SerializeStructVariant);
    };
    // One method: `self` and the given arguments, an item type `T` if named, and the result
    // type named after `Self::`.
    (@fn $method:ident $(<$item:ident>)? ($($arg:tt)*) -> $result:ident) => {
        fn $method$(<$item: ?Sized + Serialize>)?(self, $($arg)*) -> Result<Self::$result, Unequal> {
            Err(Unequal)
        }
    };
}
// Also used by the fingerprint's serializers (`fingerprint.rs`).
pub(crate) use refused;

/// `serde::ser` compound traits of [`CompareSeq`], each comparing item by item.
macro_rules! compare_items {
    ($($compound:ident :: $method:ident),* $(,)?) => {
        $(
            impl ser::$compound for CompareSeq<'_> {
                type Ok = ();
                type Error = Unequal;
                fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unequal> {
                    self.item(value)
                }
                fn end(self) -> Result<(), Unequal> {
                    self.finish()
                }
            }
        )*
    };
}

/// Where a payload's model writes it back differently, or `None` when it round-trips.
pub(crate) fn difference<T: Serialize>(model: &T, original: &Value) -> Option<Difference> {
    if model.serialize(Compare(original)).is_ok() {
        return None;
    }
    match serde_json::to_value(model) {
        Ok(written) => first_difference(original, &written),
        Err(error) => Some(Difference::new(
            String::new(),
            format!("the model cannot be written back as JSON: {error}"),
        )),
    }
}

/// Not equal, or a shape [`Compare`] does not handle: either way, ask `to_value`.
#[derive(Debug)]
pub(crate) struct Unequal;

impl fmt::Display for Unequal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("differs from the original value")
    }
}

impl std::error::Error for Unequal {}

impl ser::Error for Unequal {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Unequal
    }
}

fn check(equal: bool) -> Result<(), Unequal> {
    if equal { Ok(()) } else { Err(Unequal) }
}

/// Serializes a value by comparing it to `self.0`, as `serde_json::to_value` would build it.
#[derive(Clone, Copy)]
pub(crate) struct Compare<'a>(pub &'a Value);

impl<'a> Compare<'a> {
    fn number(self, number: Number) -> Result<(), Unequal> {
        check(matches!(self.0, Value::Number(n) if *n == number))
    }

    fn object(self) -> Result<&'a Map<String, Value>, Unequal> {
        match self.0 {
            Value::Object(map) => Ok(map),
            _ => Err(Unequal),
        }
    }

    fn array(self) -> Result<&'a [Value], Unequal> {
        match self.0 {
            Value::Array(items) => Ok(items),
            _ => Err(Unequal),
        }
    }
}

impl<'a> ser::Serializer for Compare<'a> {
    type Ok = ();
    type Error = Unequal;
    type SerializeSeq = CompareSeq<'a>;
    type SerializeTuple = CompareSeq<'a>;
    type SerializeTupleStruct = CompareSeq<'a>;
    type SerializeTupleVariant = Impossible<(), Unequal>;
    type SerializeMap = CompareMap<'a>;
    type SerializeStruct = CompareMap<'a>;
    type SerializeStructVariant = Impossible<(), Unequal>;

    fn serialize_bool(self, v: bool) -> Result<(), Unequal> {
        check(self.0.as_bool() == Some(v))
    }
    integers!(|compare, v| -> () { compare.number(Number::from(v)) });
    refused!(
        serialize_i128,
        serialize_u128,
        serialize_bytes,
        serialize_tuple_variant,
        serialize_struct_variant,
    );
    fn serialize_f32(self, v: f32) -> Result<(), Unequal> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unequal> {
        // `to_value` writes a non-finite float as `null`.
        match Number::from_f64(v) {
            Some(number) => self.number(number),
            None => check(self.0.is_null()),
        }
    }
    fn serialize_char(self, v: char) -> Result<(), Unequal> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unequal> {
        check(self.0.as_str() == Some(v))
    }
    fn serialize_none(self) -> Result<(), Unequal> {
        check(self.0.is_null())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Unequal> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unequal> {
        check(self.0.is_null())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unequal> {
        check(self.0.is_null())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unequal> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unequal> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unequal> {
        let map = self.object()?;
        match map.get(variant) {
            Some(inner) if map.len() == 1 => value.serialize(Compare(inner)),
            _ => Err(Unequal),
        }
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<CompareSeq<'a>, Unequal> {
        Ok(CompareSeq {
            items: self.array()?,
            next: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<CompareSeq<'a>, Unequal> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<CompareSeq<'a>, Unequal> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<CompareMap<'a>, Unequal> {
        Ok(CompareMap::new(self.object()?))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<CompareMap<'a>, Unequal> {
        // serde_json's own private structs (raw values, arbitrary-precision numbers) are not
        // objects: leave them to `to_value`.
        if name.starts_with("$serde_json") {
            return Err(Unequal);
        }
        Ok(CompareMap::new(self.object()?))
    }
}

/// Compares a sequence item by item.
pub(crate) struct CompareSeq<'a> {
    items: &'a [Value],
    next: usize,
}

impl CompareSeq<'_> {
    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unequal> {
        let expected = self.items.get(self.next).ok_or(Unequal)?;
        self.next += 1;
        value.serialize(Compare(expected))
    }

    fn finish(self) -> Result<(), Unequal> {
        check(self.next == self.items.len())
    }
}

// A sequence, a tuple and a tuple struct are all compared item by item.
compare_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
);

/// How many matched keys [`CompareMap`] remembers without allocating.
const INLINE_KEYS: usize = 24;

/// Compares a map entry by entry: every key written must be in the original, with an equal
/// value, and every original key must be written exactly once.
pub(crate) struct CompareMap<'a> {
    map: &'a Map<String, Value>,
    /// The value of the key just written (between `serialize_key` and `serialize_value`).
    pending: Option<&'a Value>,
    /// The original keys matched so far, by address (to catch a key written twice).
    inline: [usize; INLINE_KEYS],
    spilled: Vec<usize>,
    matched: usize,
}

impl<'a> CompareMap<'a> {
    fn new(map: &'a Map<String, Value>) -> CompareMap<'a> {
        CompareMap {
            map,
            pending: None,
            inline: [0; INLINE_KEYS],
            spilled: Vec::new(),
            matched: 0,
        }
    }

    /// Records the original entry a written key matched.
    fn matched(&mut self, (original_key, value): (&'a String, &'a Value)) -> Result<(), Unequal> {
        let address = std::ptr::from_ref::<String>(original_key) as usize;
        if self.matched < INLINE_KEYS {
            if self.inline[..self.matched].contains(&address) {
                return Err(Unequal);
            }
            self.inline[self.matched] = address;
        } else {
            if self.inline.contains(&address) || self.spilled.contains(&address) {
                return Err(Unequal);
            }
            self.spilled.push(address);
        }
        self.matched += 1;
        self.pending = Some(value);
        Ok(())
    }

    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unequal> {
        let expected = self.pending.take().ok_or(Unequal)?;
        value.serialize(Compare(expected))
    }

    fn finish(self) -> Result<(), Unequal> {
        check(self.pending.is_none() && self.matched == self.map.len())
    }
}

impl ser::SerializeMap for CompareMap<'_> {
    type Ok = ();
    type Error = Unequal;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Unequal> {
        let entry = key.serialize(KeyLookup(self.map))?;
        self.matched(entry)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unequal> {
        self.value(value)
    }
    fn end(self) -> Result<(), Unequal> {
        self.finish()
    }
}

impl ser::SerializeStruct for CompareMap<'_> {
    type Ok = ();
    type Error = Unequal;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unequal> {
        let entry = self.map.get_key_value(key).ok_or(Unequal)?;
        self.matched(entry)?;
        self.value(value)
    }
    fn end(self) -> Result<(), Unequal> {
        self.finish()
    }
}

/// Finds the original entry of a written map key. String keys (what the models write) are
/// looked up as they are; numbers and booleans as the text serde_json turns them into; any
/// other key is left to `to_value`.
struct KeyLookup<'a>(&'a Map<String, Value>);

type Entry<'a> = (&'a String, &'a Value);

impl<'a> KeyLookup<'a> {
    fn find(self, key: &str) -> Result<Entry<'a>, Unequal> {
        self.0.get_key_value(key).ok_or(Unequal)
    }
}

impl<'a> ser::Serializer for KeyLookup<'a> {
    type Ok = Entry<'a>;
    type Error = Unequal;
    type SerializeSeq = Impossible<Entry<'a>, Unequal>;
    type SerializeTuple = Impossible<Entry<'a>, Unequal>;
    type SerializeTupleStruct = Impossible<Entry<'a>, Unequal>;
    type SerializeTupleVariant = Impossible<Entry<'a>, Unequal>;
    type SerializeMap = Impossible<Entry<'a>, Unequal>;
    type SerializeStruct = Impossible<Entry<'a>, Unequal>;
    type SerializeStructVariant = Impossible<Entry<'a>, Unequal>;

    fn serialize_str(self, v: &str) -> Result<Entry<'a>, Unequal> {
        self.find(v)
    }
    fn serialize_char(self, v: char) -> Result<Entry<'a>, Unequal> {
        self.find(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bool(self, v: bool) -> Result<Entry<'a>, Unequal> {
        self.find(if v { "true" } else { "false" })
    }
    integers!(|lookup, v| -> Entry<'a> { lookup.find(&v.to_string()) });
    refused!(
        serialize_f32,
        serialize_f64,
        serialize_bytes,
        serialize_none,
        serialize_some,
        serialize_unit,
        serialize_unit_struct,
        serialize_newtype_variant,
        serialize_seq,
        serialize_tuple,
        serialize_tuple_struct,
        serialize_tuple_variant,
        serialize_map,
        serialize_struct,
        serialize_struct_variant,
    );
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Entry<'a>, Unequal> {
        self.find(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Entry<'a>, Unequal> {
        value.serialize(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Callback;
    use serde_json::json;

    #[test]
    fn difference_names_the_place() {
        let original = json!({"type": "ReceivedCallback", "text": {"message": "hi"}});
        let callback = Callback::from_value(&original).expect("reads");
        assert_eq!(difference(&callback, &original), None);
        let other = json!({"type": "ReceivedCallback", "text": {"message": "ho"}});
        let diff = difference(&callback, &other).expect("differs");
        assert_eq!(diff.pointer, "/text/message");
    }

    #[test]
    fn a_key_written_twice_is_caught() {
        struct Twice;
        impl Serialize for Twice {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use ser::SerializeMap;
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("a", &1)?;
                map.serialize_entry("a", &1)?;
                map.end()
            }
        }
        assert!(Twice.serialize(Compare(&json!({"a": 1, "b": 1}))).is_err());
        assert!(Twice.serialize(Compare(&json!({"a": 1}))).is_err());
        // `to_value` keeps one `a`: the plain check calls that equal to {"a": 1}.
        assert_eq!(difference(&Twice, &json!({"a": 1})), None);
    }
}
