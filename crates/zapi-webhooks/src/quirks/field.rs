//! [`Field`]: a value that may be absent, `null`, present, or of an unexpected JSON type.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::mechanism::field_value::FieldValue;

/// A documented field of a payload, which Z-API may leave out, send as `null`, or fill in.
///
/// `Option<T>` cannot tell "the key was not there" from "the key was `null`"; re-serializing it
/// would either drop the `null` or invent one. `Field` keeps the three states apart, so a payload
/// written back out has exactly the keys it came with.
///
/// A fourth state keeps a value whose JSON type is not the one the model expects
/// ([`Field::Unexpected`]): Z-API changing a field's type costs that field, never the payload.
///
/// Struct fields of this type are skipped when serializing if they are [`Field::Absent`].
///
/// ```
/// use zapi_webhooks::{Callback, Field};
///
/// let callback = Callback::from_slice(br#"{"type":"ReceivedCallback","fromMe":"true","phone":"5511"}"#)?;
/// let msg = callback.as_received().expect("a received callback");
/// assert_eq!(msg.from_me, Field::Unexpected(serde_json::json!("true")));
/// assert_eq!(msg.from_me.get(), None);
/// assert_eq!(msg.phone.as_deref(), Some("5511"));
/// assert_eq!(callback.unexpected()[0].pointer, "/fromMe");
/// # Ok::<(), zapi_webhooks::ParseError>(())
/// ```
///
/// Exhaustive: these four states are what a field is, so a `match` on a `Field` needs no `_`
/// arm.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Field<T> {
    /// The key was not in the payload.
    #[default]
    Absent,
    /// The key was there with the value `null`.
    Null,
    /// The key was there with a value.
    Present(T),
    /// The key was there with a value of a JSON type the model does not expect there (a string
    /// where a boolean belongs, ...), kept exactly as sent. Reads as no value; listed by
    /// [`crate::Callback::unexpected`].
    Unexpected(Value),
}

impl<T> Field<T> {
    /// `true` when the key was not in the payload.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// `true` when the key was there with `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Field::Null)
    }

    /// `true` when the key carried a value of the expected type.
    pub fn is_present(&self) -> bool {
        matches!(self, Field::Present(_))
    }

    /// `true` when the key carried a value of an unexpected JSON type.
    pub fn is_unexpected(&self) -> bool {
        matches!(self, Field::Unexpected(_))
    }

    /// The value of an unexpected JSON type, as sent, if that is what the key carried.
    pub fn unexpected(&self) -> Option<&Value> {
        match self {
            Field::Unexpected(value) => Some(value),
            _ => None,
        }
    }

    /// The value, if there was one (absent and `null` both give `None`).
    pub fn get(&self) -> Option<&T> {
        match self {
            Field::Present(value) => Some(value),
            Field::Absent | Field::Null | Field::Unexpected(_) => None,
        }
    }

    /// Mutable access to the value, if there was one.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Present(value) => Some(value),
            Field::Absent | Field::Null | Field::Unexpected(_) => None,
        }
    }

    /// Converts into an `Option`, forgetting whether a missing value was absent, `null` or of an
    /// unexpected type.
    pub fn into_option(self) -> Option<T> {
        match self {
            Field::Present(value) => Some(value),
            Field::Absent | Field::Null | Field::Unexpected(_) => None,
        }
    }

    /// Maps the value, keeping the absent and `null` states.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Present(value) => Field::Present(f(value)),
            Field::Unexpected(value) => Field::Unexpected(value),
        }
    }
}

impl<T> Field<T> {
    /// A copy of the value, if there was one.
    ///
    /// ```
    /// use zapi_webhooks::Field;
    /// assert_eq!(Field::Present(640_u64).copied(), Some(640));
    /// assert_eq!(Field::<u64>::Unexpected(serde_json::json!("640")).copied(), None);
    /// ```
    pub fn copied(&self) -> Option<T>
    where
        T: Copy,
    {
        self.get().copied()
    }

    /// A clone of the value, if there was one.
    ///
    /// ```
    /// use zapi_webhooks::Field;
    /// assert_eq!(Field::Present("hi".to_owned()).cloned().as_deref(), Some("hi"));
    /// assert_eq!(Field::<String>::Absent.cloned(), None);
    /// ```
    pub fn cloned(&self) -> Option<T>
    where
        T: Clone,
    {
        self.get().cloned()
    }

    /// The value, or `default` when the key was absent, `null` or of an unexpected type. Takes
    /// `&self` so that it reads a field of a borrowed model; for `Copy` values only, so that
    /// nothing is cloned behind the caller's back (use `get().map_or(..)` or
    /// [`Field::cloned`] for others).
    ///
    /// ```
    /// use zapi_webhooks::Field;
    /// assert_eq!(Field::Present(3_u64).unwrap_or(0), 3);
    /// assert_eq!(Field::<u64>::Null.unwrap_or(0), 0);
    /// assert_eq!(Field::<u64>::Unexpected(serde_json::json!(-1)).unwrap_or(0), 0);
    /// ```
    pub fn unwrap_or(&self, default: T) -> T
    where
        T: Copy,
    {
        self.copied().unwrap_or(default)
    }
}

impl Field<bool> {
    /// `true` only for a present `true`: absent, `null`, `false` and a value of another type
    /// (`"true"`, `1`) are all `false`.
    ///
    /// ```
    /// use zapi_webhooks::Field;
    /// assert!(Field::Present(true).is_true());
    /// assert!(!Field::Present(false).is_true());
    /// assert!(!Field::<bool>::Absent.is_true());
    /// assert!(!Field::<bool>::Unexpected(serde_json::json!("true")).is_true());
    /// ```
    pub fn is_true(&self) -> bool {
        matches!(self, Field::Present(true))
    }
}

/// Forgets whether a missing value was absent, `null` or of an unexpected type, like
/// [`Field::into_option`].
///
/// ```
/// use zapi_webhooks::Field;
/// let value: Option<u64> = Field::Present(5).into();
/// assert_eq!(value, Some(5));
/// assert_eq!(Option::<u64>::from(Field::Null), None);
/// ```
impl<T> From<Field<T>> for Option<T> {
    fn from(field: Field<T>) -> Self {
        field.into_option()
    }
}

impl<T: std::ops::Deref> Field<T> {
    /// The value through `Deref`, e.g. `&str` for a `Field<String>`.
    pub fn as_deref(&self) -> Option<&T::Target> {
        self.get().map(|value| &**value)
    }
}

impl<T> From<T> for Field<T> {
    fn from(value: T) -> Self {
        Field::Present(value)
    }
}

impl<T> From<Option<T>> for Field<T> {
    /// `None` becomes [`Field::Null`]: an explicit "no value".
    fn from(value: Option<T>) -> Self {
        match value {
            Some(value) => Field::Present(value),
            None => Field::Null,
        }
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Present(value) => value.serialize(serializer),
            Field::Unexpected(value) => value.serialize(serializer),
            // Absent fields are skipped by their containers; if one is serialized on its own
            // the closest JSON is `null`.
            Field::Absent | Field::Null => serializer.serialize_none(),
        }
    }
}

/// Tolerant: `null` is [`Field::Null`], a value of the expected type goes straight into
/// [`Field::Present`] (scalars are never buffered), and a value of any other JSON type is kept
/// as [`Field::Unexpected`]. Only what serde_json itself refuses (invalid JSON, its recursion
/// limit) is an error. Absence is the container's default.
impl<'de, T: FieldValue + Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if T::ANY {
            return Ok(Option::<T>::deserialize(deserializer)?.into());
        }
        deserializer.deserialize_any(FieldVisitor(PhantomData))
    }
}

struct FieldVisitor<T>(PhantomData<T>);

impl<T> FieldVisitor<T> {
    /// The value read from a scalar deserializer, or the scalar kept as unexpected.
    fn scalar<'de, E, D>(deserializer: D, fallback: impl FnOnce() -> Value) -> Field<T>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de, Error = E>,
    {
        match T::deserialize(deserializer) {
            Ok(value) => Field::Present(value),
            Err(_) => Field::Unexpected(fallback()),
        }
    }
}

impl<'de, T: FieldValue + Deserialize<'de>> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&T::expected())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field<T>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Field<T>, E> {
        Ok(Self::scalar(
            IntoDeserializer::<'de, E>::into_deserializer(v),
            || Value::Bool(v),
        ))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Field<T>, E> {
        Ok(Self::scalar(
            IntoDeserializer::<'de, E>::into_deserializer(v),
            || Value::from(v),
        ))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Field<T>, E> {
        Ok(Self::scalar(
            IntoDeserializer::<'de, E>::into_deserializer(v),
            || Value::from(v),
        ))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Field<T>, E> {
        Ok(Self::scalar(
            IntoDeserializer::<'de, E>::into_deserializer(v),
            || Value::from(v),
        ))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Field<T>, E> {
        Ok(Self::scalar(BorrowedStrDeserializer::<E>::new(v), || {
            Value::String(v.to_owned())
        }))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<T>, E> {
        Ok(Self::scalar(StrDeserializer::<E>::new(v), || {
            Value::String(v.to_owned())
        }))
    }

    /// Owned strings come from values already parsed into a `Value` (moved from one callback
    /// model to another, or read by `Callback::from_value`): moved into the field when the
    /// type takes them whole (`String`, open enums), else read borrowed, and kept (never
    /// copied) when they do not fit.
    fn visit_string<E: de::Error>(self, v: String) -> Result<Field<T>, E> {
        let v = match T::from_owned_string(v) {
            Ok(value) => return Ok(Field::Present(value)),
            Err(v) => v,
        };
        Ok(match T::deserialize(StrDeserializer::<E>::new(&v)) {
            Ok(value) => Field::Present(value),
            Err(_) => Field::Unexpected(Value::String(v)),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<T>, A::Error> {
        Ok(match T::read_map(map)? {
            Ok(value) => Field::Present(value),
            Err(value) => Field::Unexpected(value),
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<T>, A::Error> {
        Ok(match T::read_seq(seq)? {
            Ok(value) => Field::Present(value),
            Err(value) => Field::Unexpected(value),
        })
    }
}

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Field<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Nullable_{}", T::schema_name()).into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        format!("zapi_webhooks::Field<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let inner = generator.subschema_for::<T>();
        if inner.get("$ref").is_some() {
            // `null`, or else the referenced model. Unlike `anyOf: [null, model]`, this lets
            // validators report a problem inside the model at its own JSON pointer.
            schemars::json_schema!({ "if": { "type": "null" }, "else": inner })
        } else {
            generator.subschema_for::<Option<T>>()
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::Field;
    use crate::{MessageStatus, Timestamp};

    fn read<T: crate::quirks::FieldValue + serde::de::DeserializeOwned>(json: &str) -> Field<T> {
        serde_json::from_str(json).unwrap_or_else(|err| panic!("{json}: {err}"))
    }

    fn written<T: serde::Serialize>(field: &Field<T>) -> String {
        serde_json::to_string(field).unwrap_or_else(|err| panic!("{err}"))
    }

    #[test]
    fn absent_is_the_default_and_reads_as_nothing() {
        let field: Field<String> = Field::default();
        assert!(field.is_absent() && !field.is_null() && !field.is_present());
        assert!(!field.is_unexpected());
        assert_eq!(field.get(), None);
        assert_eq!(field.unexpected(), None);
        assert_eq!(field.clone().into_option(), None);
        assert_eq!(field.map(|s| s.len()), Field::Absent);
    }

    #[test]
    fn null_is_kept_and_written_back() {
        let field: Field<String> = read("null");
        assert_eq!(field, Field::Null);
        assert!(field.is_null() && !field.is_absent());
        assert_eq!(field.get(), None);
        assert_eq!(written(&field), "null");
    }

    #[test]
    fn present_values_go_straight_in() {
        assert_eq!(read::<String>(r#""hi""#), Field::Present("hi".to_owned()));
        assert_eq!(read::<bool>("true"), Field::Present(true));
        assert_eq!(read::<u64>("640"), Field::Present(640));
        assert_eq!(
            read::<MessageStatus>(r#""READ""#),
            Field::Present(MessageStatus::Read)
        );
        // The quirk types take both forms they are documented to take.
        let ts: Field<Timestamp> = read(r#""1632228638000""#);
        assert_eq!(
            ts.get().and_then(Timestamp::unix_millis),
            Some(1_632_228_638_000)
        );
        let field: Field<u64> = read("7");
        assert_eq!(field.get(), Some(&7));
        assert_eq!(field.clone().map(|n| n * 2), Field::Present(14));
        assert_eq!(written(&field), "7");
    }

    #[test]
    fn other_json_types_are_kept_verbatim_as_unexpected() {
        for (json, expected) in [
            (r#""true""#, json!("true")),
            ("0", json!(0)),
            ("1.5", json!(1.5)),
            (r#"["x"]"#, json!(["x"])),
            (r#"{"a":1}"#, json!({"a": 1})),
        ] {
            let field: Field<bool> = read(json);
            assert_eq!(field, Field::Unexpected(expected.clone()), "{json}");
            assert!(field.is_unexpected() && !field.is_present(), "{json}");
            assert_eq!(field.get(), None, "{json}");
            assert_eq!(field.unexpected(), Some(&expected), "{json}");
            assert_eq!(
                written(&field),
                serde_json::to_string(&expected).unwrap_or_default()
            );
            assert_eq!(
                field.clone().map(|b| !b),
                Field::Unexpected(expected.clone())
            );
        }
        // A float where an integer belongs, a string where an object belongs.
        assert_eq!(
            read::<u64>("1632228638000.5"),
            Field::Unexpected(json!(1632228638000.5))
        );
        assert_eq!(read::<Timestamp>("-1.5"), Field::Unexpected(json!(-1.5)));
        assert_eq!(
            read::<crate::received::Text>(r#""hi""#),
            Field::Unexpected(json!("hi"))
        );
    }

    #[test]
    fn an_array_item_of_another_type_costs_the_array_only() {
        let ids: Field<Vec<String>> = read(r#"["a", 2, "c"]"#);
        assert_eq!(ids, Field::Unexpected(json!(["a", 2, "c"])));
        let ids: Field<Vec<String>> = read(r#"["a", null]"#);
        assert_eq!(ids, Field::Unexpected(json!(["a", null])));
        let ids: Field<Vec<String>> = read(r#""3EB0""#);
        assert_eq!(ids, Field::Unexpected(json!("3EB0")));
        let ids: Field<Vec<String>> = read(r#"["a", "b"]"#);
        assert_eq!(ids.get().map(Vec::len), Some(2));
    }

    #[test]
    fn any_json_fields_take_everything() {
        for json in ["1", r#""x""#, "[1]", r#"{"a":null}"#, "true"] {
            let field: Field<Value> = read(json);
            assert!(field.is_present(), "{json}");
        }
        assert_eq!(read::<Value>("null"), Field::Null);
    }
}
