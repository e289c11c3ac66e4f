//! [`NumberOrString`]: fields documented as strings that arrive as numbers, or the reverse.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};
use serde_json::Number;

use super::scalar::{FromScalar, deserialize_scalar};

/// A value that Z-API sends as a JSON number in some payloads and as a string in others
/// (`document.pageCount` is documented as a string and arrives as a number).
///
/// The form it came in is kept, so it serializes back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberOrString {
    /// It came as a JSON number (integer or float, exactly as parsed).
    Number(Number),
    /// It came as a JSON string.
    String(String),
}

impl NumberOrString {
    /// The value as an unsigned integer: the number itself, or a string that parses as one.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            NumberOrString::Number(number) => number.as_u64(),
            NumberOrString::String(text) => text.trim().parse().ok(),
        }
    }

    /// The value as a float: the number itself, or a string that parses as one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            NumberOrString::Number(number) => number.as_f64(),
            NumberOrString::String(text) => text.trim().parse().ok(),
        }
    }
}

impl fmt::Display for NumberOrString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberOrString::Number(number) => write!(f, "{number}"),
            NumberOrString::String(text) => f.write_str(text),
        }
    }
}

impl Serialize for NumberOrString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            NumberOrString::Number(number) => number.serialize(serializer),
            NumberOrString::String(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for NumberOrString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_scalar(deserializer)
    }
}

/// Any number, kept as parsed, or any string.
impl FromScalar for NumberOrString {
    const EXPECTING: &'static str = "a number or a string";

    fn from_u64(value: u64) -> Self {
        NumberOrString::Number(value.into())
    }

    fn from_i64(value: i64) -> Self {
        NumberOrString::Number(value.into())
    }

    fn from_f64<E: de::Error>(value: f64, expected: &dyn de::Expected) -> Result<Self, E> {
        Number::from_f64(value)
            .map(NumberOrString::Number)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Float(value), expected))
    }

    fn from_string<E: de::Error>(value: String, _: &dyn de::Expected) -> Result<Self, E> {
        Ok(NumberOrString::String(value))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for NumberOrString {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NumberOrString".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["number", "string"] })
    }
}
