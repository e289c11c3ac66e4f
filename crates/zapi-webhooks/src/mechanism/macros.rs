//! The two macros every model is written with, and the one that declares `ReceivedCallback`'s
//! content kinds.
//!
//! * [`lossless_object!`](crate::mechanism::macros::lossless_object) turns a list of
//!   `"jsonKey" => rust_name: Type` lines into a struct of [`crate::Field`]s plus an `extra`
//!   map, with a single-pass `Deserialize`, a `Serialize` that writes back exactly what was read,
//!   and a `JsonSchema` that describes exactly what the `Deserialize` accepts. The `///` docs of
//!   the struct and of each line become the Rust docs and the schema descriptions alike.
//!
//!   A model whose data is more than one key per field adds a trailing block of extra members,
//!   declared like struct fields, and implements
//!   [`object::Members`](crate::mechanism::object::Members) for the keys they own (which keys,
//!   how to read, write, count and describe them); the fields and `extra` work as for any
//!   model. `ReceivedCallback` is the one such model: its content is chosen among several keys.
//!
//!   ```text
//!   lossless_object! {
//!       /// What the model is (Rust docs and schema description).
//!       pub struct Model {
//!           /// What the field holds.
//!           "jsonKey" => rust_name: Type,
//!       }
//!       members {
//!           /// What the member holds.
//!           pub content: Content,
//!       }
//!   }
//!   impl object::Members for Model { /* hooks */ }
//!   ```
//! * [`open_enum!`](crate::mechanism::macros::open_enum) turns a list of `Variant = "VALUE"` lines into an
//!   enum that also keeps any unseen value, in a hidden `_Unknown` variant whose content only
//!   `as_str()` reads: the policy on unknown values, written in the crate docs ("Open enums").
//! * `content_kinds!` turns the table of content keys (`"image" => Image(Image) as "image";`)
//!   into `Content`, `Kind` and the code that reads, writes and describes a content key.

/// Defines a lossless object model. See the module docs.
macro_rules! lossless_object {
    // A model whose every key is a field.
    (
        $(#[doc = $sdoc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $key:literal => $field:ident : $ty:ty, )*
        }
    ) => {
        $crate::mechanism::macros::lossless_object! {
            @object $(#[doc = $sdoc])* $name
            { $( $(#[doc = $fdoc])* $key => $field : $ty, )* }
            {}
        }

        impl $crate::mechanism::object::Members for $name {}
    };

    // A model with extra members: the caller implements `object::Members` for it, saying which
    // keys the members own and how they are read, written and described.
    (
        $(#[doc = $sdoc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $key:literal => $field:ident : $ty:ty, )*
        }
        members {
            $( $(#[doc = $mdoc:literal])* pub $member:ident : $mty:ty, )+
        }
    ) => {
        $crate::mechanism::macros::lossless_object! {
            @object $(#[doc = $sdoc])* $name
            { $( $(#[doc = $fdoc])* $key => $field : $ty, )* }
            { $( $(#[doc = $mdoc])* $member : $mty, )+ }
        }
    };

    // Internal: everything but the `Members` impl.
    (
        @object $(#[doc = $sdoc:literal])* $name:ident
        { $( $(#[doc = $fdoc:literal])* $key:literal => $field:ident : $ty:ty, )* }
        { $( $(#[doc = $mdoc:literal])* $member:ident : $mty:ty, )* }
    ) => {
        $(#[doc = $sdoc])*
        #[derive(Clone, PartialEq, Default)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[doc = $fdoc])*
                #[doc = ""]
                #[doc = concat!("JSON key: `", $key, "`.")]
                pub $field: $crate::Field<$ty>,
            )*
            $(
                $(#[doc = $mdoc])*
                pub $member: $mty,
            )*
            /// Every key of the object that this model does not know, with its value as sent.
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        /// Lists the fields that were in the payload; absent ones are left out.
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let mut out = f.debug_struct(stringify!($name));
                $(
                    if !self.$field.is_absent() {
                        out.field(stringify!($field), &self.$field);
                    }
                )*
                $( out.field(stringify!($member), &self.$member); )*
                if !self.extra.is_empty() {
                    out.field("extra", &self.extra);
                }
                out.finish()
            }
        }

        impl $crate::mechanism::object::Object for $name {
            fn read_entry<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: std::borrow::Cow<'de, str>,
                map: &mut A,
            ) -> Result<(), A::Error> {
                if self.read_known(&key, map)?
                    || $crate::mechanism::object::Members::read_member(self, &key, map)?
                {
                    return Ok(());
                }
                let value = $crate::mechanism::object::next_value::<serde_json::Value, A>(map)?;
                self.extra.insert(key.into_owned(), value);
                Ok(())
            }

            fn take_entry(
                &mut self,
                key: std::borrow::Cow<'_, str>,
                value: serde_json::Value,
            ) -> Result<(), $crate::mechanism::object::EntryError> {
                let Some(value) = self.take_known(&key, value)? else {
                    return Ok(());
                };
                if let Some(value) = $crate::mechanism::object::Members::take_member(self, &key, value)? {
                    self.extra.insert(key.into_owned(), value);
                }
                Ok(())
            }

            fn finish(&mut self) {
                $crate::mechanism::object::Members::finish_members(self);
            }

            fn extra_mut(&mut self) -> &mut serde_json::Map<String, serde_json::Value> {
                &mut self.extra
            }

            fn entry_count(&self) -> usize {
                self.known_count()
                    + $crate::mechanism::object::Members::member_count(self)
                    + self.extra.len()
            }

            fn serialize_entries<M: serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> Result<(), M::Error> {
                self.serialize_known(map)?;
                $crate::mechanism::object::Members::serialize_members(self, map)?;
                for (key, value) in &self.extra {
                    map.serialize_entry(key, value)?;
                }
                Ok(())
            }
        }

        $crate::mechanism::macros::object_serde_impls!($name);

        impl $crate::mechanism::field_value::sealed::Sealed for $name {}

        impl $crate::mechanism::field_value::FieldValue for $name {
            fn expected() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(concat!("a JSON object (", stringify!($name), ")"))
            }

            fn read_map<'de, A: serde::de::MapAccess<'de>>(
                map: A,
            ) -> Result<Result<Self, serde_json::Value>, A::Error> {
                <Self as serde::Deserialize>::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )
                .map(Ok)
            }

            fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
                self.collect_known_unmodeled(pointer, out);
                $crate::mechanism::object::Members::collect_member_unmodeled(self, pointer, out);
                $crate::mechanism::field_value::extra_pointers(&self.extra, pointer, out);
            }

            fn collect_unexpected(
                &self,
                pointer: &mut String,
                out: &mut Vec<$crate::diagnostics::UnexpectedValue>,
            ) {
                $(
                    if self.$field.is_unexpected()
                        || (!<$ty as $crate::mechanism::field_value::FieldValue>::LEAF
                            && self.$field.is_present())
                    {
                        $crate::mechanism::field_value::with_token(pointer, $key, |p| {
                            $crate::mechanism::field_value::FieldValue::collect_unexpected(
                                &self.$field,
                                p,
                                out,
                            )
                        });
                    }
                )*
                $crate::mechanism::object::Members::collect_member_unexpected(self, pointer, out);
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            $crate::mechanism::macros::schema_identity!($name);

            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let mut properties = Self::known_properties(generator);
                <Self as $crate::mechanism::object::Members>::member_properties(
                    generator,
                    &mut properties,
                );
                $crate::mechanism::object::object_schema(
                    stringify!($name),
                    &[$($sdoc),*],
                    properties,
                )
            }
        }

        #[allow(dead_code)]
        impl $name {
            /// The JSON keys this model knows, in the order it writes them.
            pub const KNOWN_KEYS: &'static [&'static str] = &[$($key),*];

            fn read_known<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> Result<bool, A::Error> {
                match key {
                    $( $key => $crate::mechanism::object::read_into(&mut self.$field, map)?, )*
                    _ => return Ok(false),
                }
                Ok(true)
            }

            fn take_known(
                &mut self,
                key: &str,
                value: serde_json::Value,
            ) -> Result<Option<serde_json::Value>, $crate::mechanism::object::EntryError> {
                match key {
                    $( $key => self.$field = $crate::mechanism::object::from_value_at(key, value)?, )*
                    _ => return Ok(Some(value)),
                }
                Ok(None)
            }

            fn collect_known_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
                $(
                    if !<$ty as $crate::mechanism::field_value::FieldValue>::LEAF
                        && self.$field.is_present()
                    {
                        $crate::mechanism::field_value::with_token(pointer, $key, |p| {
                            $crate::mechanism::field_value::FieldValue::collect_unmodeled(
                                &self.$field,
                                p,
                                out,
                            )
                        });
                    }
                )*
            }

            fn known_count(&self) -> usize {
                0 $( + usize::from(!self.$field.is_absent()) )*
            }

            fn serialize_known<M: serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> Result<(), M::Error> {
                $(
                    if !self.$field.is_absent() {
                        map.serialize_entry($key, &self.$field)?;
                    }
                )*
                Ok(())
            }

            #[cfg(feature = "schema")]
            fn known_properties(
                generator: &mut schemars::SchemaGenerator,
            ) -> serde_json::Map<String, serde_json::Value> {
                let mut properties = serde_json::Map::new();
                $(
                    properties.insert(
                        $key.to_owned(),
                        $crate::mechanism::object::property_schema::<$ty>(generator, &[$($fdoc),*]),
                    );
                )*
                properties
            }
        }
    };
}

/// The `schema_name` and `schema_id` of a model's `JsonSchema` impl.
#[cfg(feature = "schema")]
macro_rules! schema_identity {
    ($name:ident) => {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            stringify!($name).into()
        }

        fn schema_id() -> std::borrow::Cow<'static, str> {
            concat!("zapi_webhooks::", stringify!($name)).into()
        }
    };
}

/// `Serialize` and `Deserialize` through [`crate::mechanism::object::Object`].
macro_rules! object_serde_impls {
    ($name:ident) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::mechanism::object::serialize_object(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::mechanism::object::deserialize_object(
                    deserializer,
                    concat!("a JSON object (", stringify!($name), ")"),
                )
            }
        }
    };
}

/// Defines an open enum over string values. See the module docs.
macro_rules! open_enum {
    (
        $(#[doc = $edoc:literal])*
        pub enum $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $value:literal, )*
        }
    ) => {
        $(#[doc = $edoc])*
        ///
        /// Open: a value this crate does not know yet is kept verbatim, never an error, and
        /// serializes back unchanged; [`Self::is_unknown`] says so and [`Self::as_str`] gives
        /// it. It is held in a hidden variant that code cannot match on usefully, so that a
        /// `match` keeps its meaning when a later version names the value (see the crate docs,
        /// "Open enums").
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[doc = $vdoc])*
                #[doc = ""]
                #[doc = concat!("Sent as `", $value, "`.")]
                $variant,
            )*
            /// A value this crate does not know yet, exactly as sent. Not API: read it with
            /// `as_str()`.
            #[doc(hidden)]
            _Unknown($crate::mechanism::macros::UnknownValue),
        }

        impl $name {
            /// Every value this crate knows, in declaration order.
            pub const KNOWN: &'static [&'static str] = &[$($value),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )*
                    $name::_Unknown(value) => value.as_str(),
                }
            }

            /// `true` for a value this crate does not know (yet): its text is [`Self::as_str`].
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::_Unknown(_))
            }

            fn from_known(value: &str) -> Option<Self> {
                match value {
                    $( $value => Some($name::$variant), )*
                    _ => None,
                }
            }
        }

        impl $crate::mechanism::field_value::sealed::Sealed for $name {}

        impl $crate::mechanism::field_value::FieldValue for $name {
            const LEAF: bool = true;

            fn expected() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(concat!("a string (", stringify!($name), ")"))
            }

            fn from_owned_string(value: String) -> Result<Self, String> {
                Ok($name::from(value))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from_known(value)
                    .unwrap_or_else(|| $name::_Unknown($crate::mechanism::macros::UnknownValue(value.to_owned())))
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self::from_known(&value)
                    .unwrap_or($name::_Unknown($crate::mechanism::macros::UnknownValue(value)))
            }
        }

        /// Writes the value as sent on the wire (see `as_str`).
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Never fails: a value this crate does not know becomes `Unknown`.
        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok($name::from(value))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct OpenVisitor;
                impl serde::de::Visitor<'_> for OpenVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }
                    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<$name, E> {
                        Ok($name::from(value))
                    }
                    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<$name, E> {
                        Ok($name::from(value))
                    }
                }
                deserializer.deserialize_str(OpenVisitor)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            $crate::mechanism::macros::schema_identity!($name);

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::mechanism::macros::open_enum_schema(
                    stringify!($name),
                    &[$($edoc),*],
                    &[$( ($value, &[$($vdoc),*]) ),*],
                )
            }
        }
    };
}

/// Declares the content kinds of `ReceivedCallback`: one line per content key. Generates
/// `Content`, `Kind` and the code that reads, writes and describes the content key (the table
/// itself is in `callbacks/received/mod.rs`).
macro_rules! content_kinds {
    ( $( $(#[doc = $doc:literal])* $key:literal => $variant:ident($ty:ty) as $kind:literal; )* ) => {
        /// What a [`ReceivedCallback`] carries, chosen by its content key.
        ///
        /// When a payload holds several content keys, the one listed first here wins and the
        /// others stay, typed and checked, in [`ReceivedCallback::extra`]. A content key whose
        /// value is `null` does not count as content (it is kept in `extra` as `null`).
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        // Content lives inside a boxed `ReceivedCallback`; boxing each variant would add an
        // allocation per payload on the parse path for no gain.
        #[allow(clippy::large_enum_variant)]
        pub enum Content {
            $(
                $(#[doc = $doc])*
                #[doc = ""]
                #[doc = concat!("JSON key `", $key, "`; kind `", $kind, "`.")]
                $variant($ty),
            )*
            /// No content key, and `waitingMessage` is `true`: WhatsApp shows "waiting for this
            /// message" because it could not decrypt it yet. Kind `waiting_message`.
            WaitingMessage,
            /// No content key this crate knows. Holds every top-level key that the envelope does
            /// not model, exactly as sent (so [`ReceivedCallback::extra`] is then empty).
            /// Kind `unknown`.
            Unknown(serde_json::Map<String, serde_json::Value>),
            /// A known content key whose value has an unexpected JSON type (`"text": "hi"`):
            /// the kind the key names, and the value exactly as sent. Listed by
            /// [`crate::Callback::unexpected`].
            Unexpected {
                /// The kind the content key names.
                kind: Kind,
                /// The value, as sent.
                value: serde_json::Value,
            },
        }

        impl Default for Content {
            fn default() -> Self {
                Content::Unknown(serde_json::Map::new())
            }
        }

        /// The kind of a [`Content`], without its data: a stable snake_case name for each.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Kind {
            $(
                #[doc = concat!("`", $kind, "`: content key `", $key, "`.")]
                $variant,
            )*
            /// `waiting_message`: see [`Content::WaitingMessage`].
            WaitingMessage,
            /// `unknown`: see [`Content::Unknown`].
            Unknown,
        }

        impl Kind {
            /// Every kind, in priority order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)* Kind::WaitingMessage, Kind::Unknown];

            /// The stable snake_case name of the kind.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Kind::$variant => $kind, )*
                    Kind::WaitingMessage => "waiting_message",
                    Kind::Unknown => "unknown",
                }
            }

            /// The top-level JSON key that marks this kind, if there is one.
            pub fn content_key(self) -> Option<&'static str> {
                match self {
                    $( Kind::$variant => Some($key), )*
                    Kind::WaitingMessage | Kind::Unknown => None,
                }
            }

            /// The kind named `name` (as given by [`Kind::as_str`]).
            pub fn from_name(name: &str) -> Option<Kind> {
                Kind::ALL.iter().copied().find(|kind| kind.as_str() == name)
            }
        }

        impl std::fmt::Display for Kind {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Content {
            /// The kind of this content.
            pub fn kind(&self) -> Kind {
                match self {
                    $( Content::$variant(_) => Kind::$variant, )*
                    Content::WaitingMessage => Kind::WaitingMessage,
                    Content::Unknown(_) => Kind::Unknown,
                    Content::Unexpected { kind, .. } => *kind,
                }
            }

            fn is_content_key(key: &str) -> bool {
                matches!(key, $($key)|*)
            }

            /// Rank of a content key: its position in the table (lower wins).
            fn key_priority(key: &str) -> usize {
                [$($key),*].iter().position(|k| *k == key).unwrap_or(usize::MAX)
            }

            /// Reads the value of a content key; `None` for `null`. A value of an unexpected
            /// JSON type still gives the key's kind, as [`Content::Unexpected`].
            fn read<'de, A: serde::de::MapAccess<'de>>(key: &str, map: &mut A) -> Result<Option<Content>, A::Error> {
                Ok(match key {
                    $( $key => Content::from_field(Kind::$variant, $crate::mechanism::object::next_value::<$crate::Field<$ty>, A>(map)?, Content::$variant), )*
                    _ => None,
                })
            }

            /// Converts the buffered value of a content key, like [`Content::read`].
            fn take(key: &str, value: serde_json::Value) -> Result<Option<Content>, $crate::mechanism::object::EntryError> {
                Ok(match key {
                    $( $key => Content::from_field(Kind::$variant, $crate::mechanism::object::from_value_at::<$crate::Field<$ty>>(key, value)?, Content::$variant), )*
                    _ => None,
                })
            }

            fn from_field<T>(kind: Kind, field: $crate::Field<T>, wrap: fn(T) -> Content) -> Option<Content> {
                match field {
                    $crate::Field::Present(inner) => Some(wrap(inner)),
                    $crate::Field::Unexpected(value) => Some(Content::Unexpected { kind, value }),
                    _ => None,
                }
            }

            /// What the model of `kind`'s content expects, in the words of error messages.
            fn expected(kind: Kind) -> std::borrow::Cow<'static, str> {
                match kind {
                    $( Kind::$variant => <$ty as $crate::mechanism::field_value::FieldValue>::expected(), )*
                    Kind::WaitingMessage | Kind::Unknown => std::borrow::Cow::Borrowed("nothing"),
                }
            }

            /// The content key and its value as JSON, for content that has one.
            fn to_entry(&self) -> Option<(&'static str, Result<serde_json::Value, serde_json::Error>)> {
                match self {
                    $( Content::$variant(inner) => Some(($key, serde_json::to_value(inner))), )*
                    Content::Unexpected { kind, value } => kind.content_key().map(|key| (key, Ok(value.clone()))),
                    Content::WaitingMessage | Content::Unknown(_) => None,
                }
            }

            fn entry_count(&self) -> usize {
                match self {
                    Content::WaitingMessage => 0,
                    Content::Unknown(map) => map.len(),
                    _ => 1,
                }
            }

            fn serialize_entries<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                match self {
                    $( Content::$variant(inner) => map.serialize_entry($key, inner), )*
                    Content::Unexpected { kind, value } => match kind.content_key() {
                        Some(key) => map.serialize_entry(key, value),
                        None => Ok(()),
                    },
                    Content::WaitingMessage => Ok(()),
                    Content::Unknown(entries) => {
                        for (key, value) in entries {
                            map.serialize_entry(key, value)?;
                        }
                        Ok(())
                    }
                }
            }

            fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
                match self {
                    $(
                        Content::$variant(inner) => {
                            if !<$ty as $crate::mechanism::field_value::FieldValue>::LEAF {
                                $crate::mechanism::field_value::with_token(pointer, $key, |p| {
                                    $crate::mechanism::field_value::FieldValue::collect_unmodeled(inner, p, out)
                                });
                            }
                        }
                    )*
                    Content::WaitingMessage | Content::Unexpected { .. } => {}
                    Content::Unknown(entries) => $crate::mechanism::field_value::extra_pointers(entries, pointer, out),
                }
            }

            fn collect_unexpected(&self, pointer: &mut String, out: &mut Vec<$crate::diagnostics::UnexpectedValue>) {
                match self {
                    $(
                        Content::$variant(inner) => {
                            if !<$ty as $crate::mechanism::field_value::FieldValue>::LEAF {
                                $crate::mechanism::field_value::with_token(pointer, $key, |p| {
                                    $crate::mechanism::field_value::FieldValue::collect_unexpected(inner, p, out)
                                });
                            }
                        }
                    )*
                    Content::Unexpected { kind, value } => {
                        if let Some(key) = kind.content_key() {
                            out.push($crate::diagnostics::UnexpectedValue {
                                pointer: $crate::diagnostics::push(pointer.clone(), key),
                                expected: Content::expected(*kind),
                                found: $crate::mechanism::field_value::describe(value),
                            });
                        }
                    }
                    Content::WaitingMessage | Content::Unknown(_) => {}
                }
            }

            #[cfg(feature = "schema")]
            fn schema_properties(
                generator: &mut schemars::SchemaGenerator,
                properties: &mut serde_json::Map<String, serde_json::Value>,
            ) {
                $(
                    properties.insert(
                        $key.to_owned(),
                        $crate::mechanism::object::property_schema::<$ty>(
                            generator,
                            &[$($doc,)* concat!(" Content key: when present (and not null) the message kind is `", $kind, "`.")],
                        ),
                    );
                )*
            }
        }
    };
}

/// The text of an open enum's value that this crate does not know: public (it sits in a public
/// enum's hidden variant) but unnameable outside the crate and without public methods, so the
/// only way to read it is the enum's `as_str()`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownValue(pub(crate) String);

impl UnknownValue {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

/// The schema of an open enum: every known value with its meaning, then any other string.
#[cfg(feature = "schema")]
pub(crate) fn open_enum_schema(
    title: &str,
    description: &[&str],
    values: &[(&str, &[&str])],
) -> schemars::Schema {
    use serde_json::{Value, json};
    let mut branches: Vec<Value> = values
        .iter()
        .map(|(value, doc)| {
            let text = crate::mechanism::object::doc_text(doc);
            if text.is_empty() {
                json!({ "const": value })
            } else {
                json!({ "const": value, "description": text })
            }
        })
        .collect();
    branches.push(json!({
        "type": "string",
        "description": "A value not listed above: kept as sent."
    }));
    let mut text = crate::mechanism::object::doc_text(description);
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str("Known values are listed; any other string is accepted too.");
    let schema = json!({
        "title": title,
        "description": text,
        "type": "string",
        "anyOf": branches,
    });
    match schema {
        Value::Object(map) => schemars::Schema::from(map),
        _ => schemars::Schema::default(),
    }
}

#[cfg(feature = "schema")]
pub(crate) use schema_identity;
pub(crate) use {content_kinds, lossless_object, object_serde_impls, open_enum};
