//! The one visitor behind the quirk types that are read from a JSON number or a string
//! ([`crate::Timestamp`], [`crate::NumberOrString`]): each says what it makes of an integer, a
//! float and a string ([`FromScalar`]), and [`deserialize_scalar`] does the visiting.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// A type read from whatever scalar `deserialize_any` meets: an integer, a float or a string.
pub(crate) trait FromScalar: Sized {
    /// What the type expects, in the words of serde's error messages.
    const EXPECTING: &'static str;

    /// From a non-negative JSON integer.
    fn from_u64(value: u64) -> Self;

    /// From a negative JSON integer.
    fn from_i64(value: i64) -> Self;

    /// From a JSON float: refused as a value of the wrong type, unless the type takes floats.
    fn from_f64<E: de::Error>(value: f64, expected: &dyn de::Expected) -> Result<Self, E> {
        Err(E::invalid_type(de::Unexpected::Float(value), expected))
    }

    /// From a JSON string (owned: both types keep the text they were given).
    fn from_string<E: de::Error>(value: String, expected: &dyn de::Expected) -> Result<Self, E>;
}

/// `Deserialize` for a [`FromScalar`] type.
pub(crate) fn deserialize_scalar<'de, T: FromScalar, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_any(ScalarVisitor(PhantomData))
}

struct ScalarVisitor<T>(PhantomData<T>);

impl<T: FromScalar> Visitor<'_> for ScalarVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        Ok(T::from_u64(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        Ok(T::from_i64(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<T, E> {
        T::from_f64(value, &self)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        T::from_string(value.to_owned(), &self)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<T, E> {
        T::from_string(value, &self)
    }
}
