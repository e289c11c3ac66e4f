//! [`Field`]: a value that may be absent, `null`, or present.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A documented field of a payload, which Z-API may leave out, send as `null`, or fill in.
///
/// `Option<T>` cannot tell "the key was not there" from "the key was `null`"; re-serializing it
/// would either drop the `null` or invent one. `Field` keeps the three states apart, so a payload
/// written back out has exactly the keys it came with.
///
/// Struct fields of this type are skipped when serializing if they are [`Field::Absent`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Field<T> {
    /// The key was not in the payload.
    #[default]
    Absent,
    /// The key was there with the value `null`.
    Null,
    /// The key was there with a value.
    Present(T),
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

    /// `true` when the key carried a value.
    pub fn is_present(&self) -> bool {
        matches!(self, Field::Present(_))
    }

    /// The value, if there was one (absent and `null` both give `None`).
    pub fn get(&self) -> Option<&T> {
        match self {
            Field::Present(value) => Some(value),
            Field::Absent | Field::Null => None,
        }
    }

    /// Mutable access to the value, if there was one.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Present(value) => Some(value),
            Field::Absent | Field::Null => None,
        }
    }

    /// Converts into an `Option`, forgetting whether a missing value was absent or `null`.
    pub fn into_option(self) -> Option<T> {
        match self {
            Field::Present(value) => Some(value),
            Field::Absent | Field::Null => None,
        }
    }

    /// Borrows the value as a `Field<&T>`, keeping the state.
    pub fn as_ref(&self) -> Field<&T> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Present(value) => Field::Present(value),
        }
    }

    /// Maps the value, keeping the absent and `null` states.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Present(value) => Field::Present(f(value)),
        }
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
            // Absent fields are skipped by their containers; if one is serialized on its own
            // the closest JSON is `null`.
            Field::Absent | Field::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A key that is present deserializes through here: `null` is Null, anything else is
        // the value. Absence is the container's default.
        Ok(Option::<T>::deserialize(deserializer)?.into())
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
