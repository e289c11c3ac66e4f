//! [`Timestamp`]: `momment`, `lastSeen`, `time`, `expiresAt` and friends.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};

use super::scalar::{FromScalar, deserialize_scalar};

/// Values at or above this magnitude are read as milliseconds, below it as seconds.
///
/// 10^11 seconds is in the year 5138, while 10^11 milliseconds is in 1973: no real Z-API
/// timestamp falls in the overlap, so the magnitude tells the unit.
pub const MILLIS_THRESHOLD: i128 = 100_000_000_000;

/// A point in time as Z-API sends it.
///
/// The docs call `momment` a string, but it arrives as a JSON integer, in milliseconds in most
/// callbacks and in seconds in others (`DisconnectedCallback`, `inviteExpiration`,
/// `scheduleTime`). This type accepts a JSON integer of any sign or a string of ASCII digits
/// (optionally with a leading `-`), remembers which form it came in so that it serializes back
/// unchanged, and converts to a Unix time with [`Timestamp::unix_millis`] or, with the `chrono`
/// feature, to a UTC date with `Timestamp::to_utc`.
///
/// Floats, empty strings and strings with anything but digits are rejected with an error.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Timestamp {
    repr: Repr,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    Unsigned(u64),
    Signed(i64),
    Text(String),
}

/// The unit a [`Timestamp`] was judged to be in, from its magnitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeUnit {
    /// Seconds since the Unix epoch.
    Seconds,
    /// Milliseconds since the Unix epoch.
    Milliseconds,
}

impl Timestamp {
    /// A timestamp that serializes as the given JSON integer.
    pub fn from_integer(value: i64) -> Self {
        match u64::try_from(value) {
            Ok(unsigned) => Timestamp {
                repr: Repr::Unsigned(unsigned),
            },
            Err(_) => Timestamp {
                repr: Repr::Signed(value),
            },
        }
    }

    /// A timestamp that serializes as a JSON string; `None` unless `text` is an optional `-`
    /// followed by one or more ASCII digits.
    pub fn from_digits(text: impl Into<String>) -> Option<Self> {
        let text = text.into();
        is_digit_string(&text).then_some(Timestamp {
            repr: Repr::Text(text),
        })
    }

    /// `true` when the payload carried the value as a string.
    pub fn is_string(&self) -> bool {
        matches!(self.repr, Repr::Text(_))
    }

    /// The number as sent, without any unit conversion. `None` only for a digit string too long
    /// for an `i128`.
    pub fn raw(&self) -> Option<i128> {
        match &self.repr {
            Repr::Unsigned(value) => Some(i128::from(*value)),
            Repr::Signed(value) => Some(i128::from(*value)),
            Repr::Text(text) => text.parse().ok(),
        }
    }

    /// The unit judged from the magnitude (see [`MILLIS_THRESHOLD`]).
    pub fn unit(&self) -> Option<TimeUnit> {
        self.raw().map(|raw| {
            if raw.abs() >= MILLIS_THRESHOLD {
                TimeUnit::Milliseconds
            } else {
                TimeUnit::Seconds
            }
        })
    }

    /// Milliseconds since the Unix epoch, converting seconds when the value is judged to be in
    /// seconds. `None` when the value does not fit an `i64` of milliseconds.
    pub fn unix_millis(&self) -> Option<i64> {
        let raw = self.raw()?;
        let millis = match self.unit()? {
            TimeUnit::Milliseconds => raw,
            TimeUnit::Seconds => raw.checked_mul(1000)?,
        };
        i64::try_from(millis).ok()
    }

    /// The moment as a UTC date and time. `None` when it is out of chrono's range.
    #[cfg(feature = "chrono")]
    #[cfg_attr(docsrs, doc(cfg(feature = "chrono")))]
    pub fn to_utc(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        chrono::DateTime::from_timestamp_millis(self.unix_millis()?)
    }
}

fn is_digit_string(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Text(text) => write!(f, "Timestamp({text:?})"),
            _ => write!(f, "Timestamp({self})"),
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Unsigned(value) => write!(f, "{value}"),
            Repr::Signed(value) => write!(f, "{value}"),
            Repr::Text(text) => f.write_str(text),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.repr {
            Repr::Unsigned(value) => serializer.serialize_u64(*value),
            Repr::Signed(value) => serializer.serialize_i64(*value),
            Repr::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_scalar(deserializer)
    }
}

/// Any JSON integer, or a string of digits; no float.
impl FromScalar for Timestamp {
    const EXPECTING: &'static str = "a timestamp: an integer or a string of digits";

    fn from_u64(value: u64) -> Self {
        Timestamp {
            repr: Repr::Unsigned(value),
        }
    }

    fn from_i64(value: i64) -> Self {
        Timestamp::from_integer(value)
    }

    fn from_string<E: de::Error>(value: String, expected: &dyn de::Expected) -> Result<Self, E> {
        if is_digit_string(&value) {
            Ok(Timestamp {
                repr: Repr::Text(value),
            })
        } else {
            Err(E::invalid_value(de::Unexpected::Str(&value), expected))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "title": "Timestamp",
            "description": "A Unix time. Usually a JSON integer; a string of digits is accepted too. Values of 10^11 or more are milliseconds, smaller ones seconds.",
            "anyOf": [
                { "type": "integer" },
                { "type": "string", "pattern": "^-?[0-9]+$" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_follow_magnitude() {
        let millis = Timestamp::from_integer(1_632_228_638_000);
        assert_eq!(millis.unit(), Some(TimeUnit::Milliseconds));
        assert_eq!(millis.unix_millis(), Some(1_632_228_638_000));
        let seconds = Timestamp::from_integer(1_580_163_342);
        assert_eq!(seconds.unit(), Some(TimeUnit::Seconds));
        assert_eq!(seconds.unix_millis(), Some(1_580_163_342_000));
    }

    #[test]
    fn strings_keep_their_form() {
        let ts: Timestamp = serde_json::from_str("\"1632228638000\"").expect("digits");
        assert!(ts.is_string());
        assert_eq!(
            serde_json::to_string(&ts).expect("ser"),
            "\"1632228638000\""
        );
        assert_eq!(ts.unix_millis(), Some(1_632_228_638_000));
    }

    #[test]
    fn rejects_floats_and_words() {
        for bad in ["1.5", "\"12a\"", "\"\"", "\"-\"", "true", "[]"] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn huge_digit_strings_are_kept_but_not_converted() {
        let ts: Timestamp =
            serde_json::from_str("\"999999999999999999999999999999999999999999\"").expect("ok");
        assert_eq!(ts.raw(), None);
        assert_eq!(ts.unix_millis(), None);
        let negative = Timestamp::from_integer(i64::MIN);
        assert_eq!(negative.unix_millis(), Some(i64::MIN));
        assert_eq!(
            serde_json::to_value(&negative).expect("ser"),
            serde_json::json!(i64::MIN)
        );
    }

    #[cfg(feature = "chrono")]
    #[test]
    fn converts_to_utc() {
        let ts = Timestamp::from_integer(1_580_163_342);
        assert_eq!(
            ts.to_utc().map(|d| d.to_rfc3339()),
            Some("2020-01-27T22:15:42+00:00".to_owned())
        );
    }
}
