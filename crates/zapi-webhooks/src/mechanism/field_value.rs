//! [`FieldValue`]: what every type a model's field can hold knows about itself — how to be read
//! tolerantly, what it expects, and how to list what it kept without modeling (unmodeled keys)
//! or without typing (values of an unexpected JSON type).

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess};
use serde_json::{Map, Number, Value};

use crate::diagnostics::{UnexpectedValue, push as push_token};
use crate::{Field, NumberOrString, Timestamp};

pub(crate) mod sealed {
    /// Keeps [`super::FieldValue`] implemented by this crate's types only.
    pub trait Sealed {}
}

/// A type a model's field can hold. Sealed: implemented by this crate's models, open enums and
/// quirk types, and by `String`, `bool`, `u64`, `serde_json::Number`, `serde_json::Value` and
/// `Vec`s of them. Its items are the crate's machinery, not API.
pub trait FieldValue: sealed::Sealed + Sized {
    /// `true` for types that never hold unmodeled keys nor unexpected values inside them
    /// (strings, numbers, open enums, ...): containers skip them without building a pointer.
    #[doc(hidden)]
    const LEAF: bool = false;

    /// `true` for types that take any JSON value (`serde_json::Value`): read as they are.
    #[doc(hidden)]
    const ANY: bool = false;

    /// What the type expects, in the words of error messages (`a boolean`).
    #[doc(hidden)]
    fn expected() -> Cow<'static, str>;

    /// Takes an owned string whole, without copying it, when the type is made of one; gives it
    /// back otherwise (the default), to be read borrowed.
    #[doc(hidden)]
    fn from_owned_string(value: String) -> Result<Self, String> {
        Err(value)
    }

    /// Reads a JSON object met where this type is expected: the value, or (for types that do
    /// not take objects) the object as a `Value`, kept as unexpected.
    #[doc(hidden)]
    fn read_map<'de, A: MapAccess<'de>>(map: A) -> Result<Result<Self, Value>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Err)
    }

    /// Reads a JSON array met where this type is expected, like [`FieldValue::read_map`].
    #[doc(hidden)]
    fn read_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Result<Self, Value>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Err)
    }

    /// Appends the JSON pointer of every unmodeled key inside `self`, which sits at `pointer`.
    /// `pointer` is a shared buffer: implementations may push to it but must leave it as they
    /// found it.
    #[doc(hidden)]
    fn collect_unmodeled(&self, _pointer: &mut String, _out: &mut Vec<String>) {}

    /// Appends every value of an unexpected JSON type inside `self`, like
    /// [`FieldValue::collect_unmodeled`].
    #[doc(hidden)]
    fn collect_unexpected(&self, _pointer: &mut String, _out: &mut Vec<UnexpectedValue>) {}

    /// Reports `value`, kept where this type was expected, as unexpected: by default the value
    /// itself; an array type names the items that do not fit instead.
    #[doc(hidden)]
    fn report_unexpected(value: &Value, pointer: &str, out: &mut Vec<UnexpectedValue>) {
        out.push(UnexpectedValue {
            pointer: pointer.to_owned(),
            expected: Self::expected(),
            found: describe(value),
        });
    }
}

/// How a JSON value is named in messages, as serde words it: `string "x"`, `integer 5`,
/// `floating point 1.5`, `boolean true`, `null`, `an array`, `an object`.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Runs `f` with `token` appended to the pointer buffer, then restores it.
pub(crate) fn with_token<R>(
    pointer: &mut String,
    token: &str,
    f: impl FnOnce(&mut String) -> R,
) -> R {
    let len = pointer.len();
    crate::diagnostics::push_in_place(pointer, token);
    let result = f(pointer);
    pointer.truncate(len);
    result
}

/// The unmodeled keys of an unknown callback: every top-level key but `type` (which was read,
/// to find the callback unknown).
pub(crate) fn unknown_callback_unmodeled(
    map: &Map<String, Value>,
    pointer: &str,
    out: &mut Vec<String>,
) {
    out.extend(
        map.keys()
            .filter(|key| *key != "type")
            .map(|key| push_token(pointer.to_owned(), key)),
    );
}

/// The unexpected values of an unknown callback: nothing is typed in it, so only a `type` that
/// is not a string (it names no callback).
pub(crate) fn unknown_callback_unexpected(
    map: &Map<String, Value>,
    pointer: &str,
    out: &mut Vec<UnexpectedValue>,
) {
    if let Some(value) = map.get("type").filter(|value| !value.is_string()) {
        out.push(UnexpectedValue {
            pointer: push_token(pointer.to_owned(), "type"),
            expected: Cow::Borrowed("a string (the callback type)"),
            found: describe(value),
        });
    }
}

/// Appends the pointers of the keys of an `extra` map.
pub(crate) fn extra_pointers(map: &Map<String, Value>, pointer: &str, out: &mut Vec<String>) {
    out.extend(map.keys().map(|key| push_token(pointer.to_owned(), key)));
}

impl<T: FieldValue> sealed::Sealed for Field<T> {}

impl<T: FieldValue> FieldValue for Field<T> {
    const LEAF: bool = T::LEAF;

    fn expected() -> Cow<'static, str> {
        T::expected()
    }

    fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
        if let Field::Present(value) = self {
            value.collect_unmodeled(pointer, out);
        }
    }

    fn collect_unexpected(&self, pointer: &mut String, out: &mut Vec<UnexpectedValue>) {
        match self {
            Field::Present(value) => value.collect_unexpected(pointer, out),
            Field::Unexpected(value) => T::report_unexpected(value, pointer, out),
            Field::Absent | Field::Null => {}
        }
    }
}

impl<T: FieldValue> sealed::Sealed for Vec<T> {}

impl<T: FieldValue + serde::Serialize + serde::de::DeserializeOwned> FieldValue for Vec<T> {
    const LEAF: bool = T::LEAF;

    fn expected() -> Cow<'static, str> {
        format!("an array, each item {}", T::expected()).into()
    }

    /// Reads the items one by one, each straight into its type. An item of another JSON type
    /// (or `null`) costs the array, never the object around it: the items read so far are
    /// written back to JSON and the rest is read as it is, so the whole array is kept verbatim
    /// as unexpected.
    fn read_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Result<Self, Value>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        if T::ANY {
            while let Some(item) = seq.next_element::<T>()? {
                items.push(item);
            }
            return Ok(Ok(items));
        }
        let misfit = loop {
            match seq.next_element::<Field<T>>()? {
                None => return Ok(Ok(items)),
                Some(Field::Present(item)) => items.push(item),
                Some(Field::Unexpected(value)) => break value,
                Some(Field::Null | Field::Absent) => break Value::Null,
            }
        };
        let mut values = Vec::with_capacity(items.len() + 1);
        for item in &items {
            // Every item type writes back the JSON it was read from.
            values.push(serde_json::to_value(item).map_err(serde::de::Error::custom)?);
        }
        values.push(misfit);
        while let Some(value) = seq.next_element::<Value>()? {
            values.push(value);
        }
        Ok(Err(Value::Array(values)))
    }

    /// An array kept because some items do not fit: each of those items, at its own pointer
    /// (where a schema validator names it too). Anything else: the value itself.
    fn report_unexpected(value: &Value, pointer: &str, out: &mut Vec<UnexpectedValue>) {
        let Value::Array(items) = value else {
            out.push(UnexpectedValue {
                pointer: pointer.to_owned(),
                expected: Self::expected(),
                found: describe(value),
            });
            return;
        };
        for (index, item) in items.iter().enumerate() {
            let fits = matches!(Field::<T>::deserialize(item), Ok(Field::Present(_)));
            if !fits {
                out.push(UnexpectedValue {
                    pointer: push_token(pointer.to_owned(), &index.to_string()),
                    expected: T::expected(),
                    found: describe(item),
                });
            }
        }
    }

    fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
        if T::LEAF {
            return;
        }
        for (index, item) in self.iter().enumerate() {
            with_token(pointer, &index.to_string(), |p| {
                item.collect_unmodeled(p, out)
            });
        }
    }

    fn collect_unexpected(&self, pointer: &mut String, out: &mut Vec<UnexpectedValue>) {
        if T::LEAF {
            return;
        }
        for (index, item) in self.iter().enumerate() {
            with_token(pointer, &index.to_string(), |p| {
                item.collect_unexpected(p, out)
            });
        }
    }
}

/// Scalar field types: leaves that take no object and no array.
macro_rules! leaf_field_value {
    ($($ty:ty => $expected:literal),* $(,)?) => {
        $(
            impl sealed::Sealed for $ty {}

            impl FieldValue for $ty {
                const LEAF: bool = true;

                fn expected() -> Cow<'static, str> {
                    Cow::Borrowed($expected)
                }
            }
        )*
    };
}

impl sealed::Sealed for String {}

impl FieldValue for String {
    const LEAF: bool = true;

    fn expected() -> Cow<'static, str> {
        Cow::Borrowed("a string")
    }

    fn from_owned_string(value: String) -> Result<Self, String> {
        Ok(value)
    }
}

leaf_field_value! {
    bool => "a boolean",
    u64 => "a non-negative integer",
    Number => "a number",
    Timestamp => "an integer or a string of digits (a timestamp)",
    NumberOrString => "a number or a string",
}

impl sealed::Sealed for Value {}

/// A field modeled as "any JSON": nothing inside it is unmodeled or unexpected.
impl FieldValue for Value {
    const LEAF: bool = true;
    const ANY: bool = true;

    fn expected() -> Cow<'static, str> {
        Cow::Borrowed("any JSON value")
    }

    fn read_map<'de, A: MapAccess<'de>>(map: A) -> Result<Result<Self, Value>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Ok)
    }

    fn read_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Result<Self, Value>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Ok)
    }
}
