//! `callback_types!`: the one table of callback types, and [`CallbackModel`], what every
//! callback model tells the generated code about itself.
//!
//! The table (in `crate::callback`) has one line per callback type:
//!
//! ```text
//! callback_types! {
//!     /// Docs of the `Callback` variant and of the `CallbackType` variant.
//!     "ReceivedCallback" | "ReceivedCallBack" => Received(Box<ReceivedCallback>) as "received";
//! }
//! ```
//!
//! From it come [`crate::CallbackType`] (with its `ALL`, `type_value`, `spellings`, `as_str`),
//! the [`crate::Callback`] enum, its dispatch (reading, writing, listing unmodeled and
//! unexpected values) and every callback-level answer, and, with the `schema` feature, the
//! schemas of each callback type. What a callback type knows about itself (its time field, its
//! webhook-configuration endpoint, ...) is its model's [`CallbackModel`] impl, in its module; a
//! new callback-level question is one trait method there, not a new match per variant.

use serde::Serialize;

use crate::mechanism::field_value::FieldValue;
use crate::mechanism::object::Object;
use crate::{Field, Kind, Timestamp};

/// The webhook-configuration endpoint that points a callback type at a URL (see
/// [`crate::webhook_config::WebhookEndpoint`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Endpoint {
    /// The last path segment, as documented: `update-webhook-received`.
    pub path: &'static str,
    /// Other paths the docs give for the same endpoint.
    pub aliases: &'static [&'static str],
    /// One line: the OpenAPI operation's `summary`.
    pub summary: &'static str,
    /// A sentence or two: the OpenAPI operation's `description`.
    pub description: &'static str,
}

/// What a callback model tells [`crate::Callback`]: implemented once per model, in the model's
/// module. Crate-private: the public API is the methods of `Callback` built on it.
pub(crate) trait CallbackModel: Object + FieldValue + Serialize {
    /// Where the webhook of this callback type is configured.
    const ENDPOINT: Endpoint;

    /// The `type` field.
    fn type_field(&self) -> &Field<String>;

    /// The `instanceId` field.
    fn instance_id_field(&self) -> &Field<String>;

    /// When the event happened, from the model's own time field; `None` when the model has
    /// none that says so.
    fn event_time(&self) -> Option<&Timestamp>;

    /// The message kind, for a model that carries one (`ReceivedCallback`).
    fn message_kind(&self) -> Option<Kind> {
        None
    }
}

/// How a `Callback` variant holds its model: directly, or boxed (`ReceivedCallback`, the large
/// one). Lets the generated code reach the model whatever the variant's type.
pub(crate) trait Stored<M> {
    fn model(&self) -> &M;
    fn model_mut(&mut self) -> &mut M;
}

impl<M: CallbackModel> Stored<M> for M {
    fn model(&self) -> &M {
        self
    }
    fn model_mut(&mut self) -> &mut M {
        self
    }
}

impl<M: CallbackModel> Stored<M> for Box<M> {
    fn model(&self) -> &M {
        self
    }
    fn model_mut(&mut self) -> &mut M {
        self
    }
}

/// Implements [`CallbackModel`] for a model whose `type` and `instanceId` fields are named
/// `r#type` and `instance_id` (every callback's are):
///
/// ```text
/// callback_model! {
///     DisconnectedCallback,
///     endpoint: "update-webhook-disconnected" (aka "..."),  // the aliases are optional
///     description: "Sets the HTTPS URL that ...",
///     event_time: momment,          // a `Field<Timestamp>`; or `none`; or `method()`
///     message_kind: kind(),         // optional: the model's kind
/// }
/// ```
///
/// The endpoint's summary is "Set the URL that receives <Model>".
macro_rules! callback_model {
    (@time $model:ident none) => {{
        let _ = $model;
        None
    }};
    (@time $model:ident $method:ident()) => { $model.$method() };
    (@time $model:ident $field:ident) => { $model.$field.get() };
    (
        $model:ident,
        endpoint: $path:literal $((aka $($alias:literal),+))?,
        description: $description:literal,
        event_time: $($time:tt)+
    ) => {
        $crate::mechanism::callback_types::callback_model!(@impl $model, $path, [$($($alias),+)?], $description, [$($time)+], {});
    };
    (
        $model:ident,
        endpoint: $path:literal $((aka $($alias:literal),+))?,
        description: $description:literal,
        message_kind: $kind:ident(),
        event_time: $($time:tt)+
    ) => {
        $crate::mechanism::callback_types::callback_model!(@impl $model, $path, [$($($alias),+)?], $description, [$($time)+], {
            fn message_kind(&self) -> Option<$crate::Kind> {
                Some(self.$kind())
            }
        });
    };
    (@impl $model:ident, $path:literal, [$($alias:literal),*], $description:literal, [$($time:tt)+], { $($extra:tt)* }) => {
        impl $crate::mechanism::callback_types::CallbackModel for $model {
            const ENDPOINT: $crate::mechanism::callback_types::Endpoint =
                $crate::mechanism::callback_types::Endpoint {
                    path: $path,
                    aliases: &[$($alias),*],
                    summary: concat!("Set the URL that receives ", stringify!($model)),
                    description: $description,
                };

            fn type_field(&self) -> &$crate::Field<String> {
                &self.r#type
            }

            fn instance_id_field(&self) -> &$crate::Field<String> {
                &self.instance_id
            }

            fn event_time(&self) -> Option<&$crate::Timestamp> {
                let model = self;
                $crate::mechanism::callback_types::callback_model!(@time model $($time)+)
            }

            $($extra)*
        }
    };
}

/// Declares the callback types: see the module docs.
macro_rules! callback_types {
    (
        $(
            $(#[doc = $doc:literal])*
            $type_value:literal | $alt_spelling:literal => $variant:ident($ty:ty) as $name:literal;
        )*
    ) => {
        /// The callback types this crate models.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum CallbackType {
            $(
                #[doc = concat!("`", $type_value, "`:")]
                $(#[doc = $doc])*
                #[doc = ""]
                #[doc = concat!("Name `", $name, "`.")]
                $variant,
            )*
        }

        impl CallbackType {
            /// Every callback type, in the order of the docs.
            pub const ALL: &'static [CallbackType] = &[$(CallbackType::$variant),*];

            /// The `type` value as documented, e.g. `ReceivedCallback` (what a payload
            /// carries; see [`CallbackType::spellings`] for every accepted form).
            pub fn type_value(self) -> &'static str {
                self.spellings()[0]
            }

            /// Every `type` value accepted for this callback: the documented one and the one
            /// spelled with a capital B (`ReceivedCallBack`), which the docs also use.
            pub fn spellings(self) -> [&'static str; 2] {
                match self {
                    $( CallbackType::$variant => [$type_value, $alt_spelling], )*
                }
            }

            /// This crate's stable snake_case name for the callback, e.g. `message_status`:
            /// the fixtures' folder names, the schema file names and the CLI's `callback`
            /// field. Also what `Display` writes. Not a wire value: see
            /// [`CallbackType::type_value`] for that.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( CallbackType::$variant => $name, )*
                }
            }

            /// The callback type a payload's `type` value names, accepting every spelling in
            /// [`CallbackType::spellings`]; `None` for anything else.
            ///
            /// ```
            /// use zapi_webhooks::CallbackType;
            /// assert_eq!(CallbackType::from_type_value("ReceivedCallBack"), Some(CallbackType::Received));
            /// assert_eq!(CallbackType::from_type_value("received"), None);
            /// ```
            pub fn from_type_value(type_value: &str) -> Option<CallbackType> {
                match type_value {
                    $( $type_value | $alt_spelling => Some(CallbackType::$variant), )*
                    _ => None,
                }
            }

            /// The callback type whose snake_case name ([`CallbackType::as_str`]) is `name`.
            ///
            /// ```
            /// use zapi_webhooks::CallbackType;
            /// assert_eq!(CallbackType::from_name("message_status"), Some(CallbackType::MessageStatus));
            /// assert_eq!(CallbackType::from_name("MessageStatusCallback"), None);
            /// ```
            pub fn from_name(name: &str) -> Option<CallbackType> {
                match name {
                    $( $name => Some(CallbackType::$variant), )*
                    _ => None,
                }
            }

            /// The webhook-configuration endpoint of the callback type.
            pub(crate) fn endpoint(self) -> $crate::mechanism::callback_types::Endpoint {
                use $crate::mechanism::callback_types::{CallbackModel, Stored};
                fn of<S: Stored<M>, M: CallbackModel>() -> $crate::mechanism::callback_types::Endpoint {
                    M::ENDPOINT
                }
                match self {
                    $( CallbackType::$variant => of::<$ty, _>(), )*
                }
            }

            /// The schema of the callback type's model, as a subschema of `generator`.
            #[cfg(feature = "schema")]
            pub(crate) fn subschema(self, generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                match self {
                    $( CallbackType::$variant => generator.subschema_for::<$ty>(), )*
                }
            }

            /// The schema of the callback type's model, as a root schema.
            #[cfg(feature = "schema")]
            pub(crate) fn root_schema(self, generator: schemars::SchemaGenerator) -> schemars::Schema {
                match self {
                    $( CallbackType::$variant => generator.into_root_schema_for::<$ty>(), )*
                }
            }
        }

        /// Any Z-API webhook body.
        ///
        /// Deserializing reads the object once, every value straight into a typed field. Keys
        /// before `type` go into a [`ReceivedCallback`](crate::ReceivedCallback) (the callback
        /// most payloads are); when `type` names another callback, they move to its model
        /// through their JSON, which is exact. A `type` this crate does not know (or no `type`
        /// at all) gives [`Callback::Unknown`] with the whole object.
        ///
        /// Tolerant: every JSON object is a `Callback`. A known field whose JSON type is not
        /// the model's is kept verbatim ([`crate::Field::Unexpected`],
        /// [`crate::Content::Unexpected`]) and listed by [`Callback::unexpected`]; a `type`
        /// that is not a string gives [`Callback::Unknown`]. Only bytes that are not JSON,
        /// JSON that is not an object, and nesting beyond serde_json's recursion limit are
        /// errors. [`Callback::from_slice_strict`] refuses unexpected values too.
        ///
        /// Repeated keys: the last value wins, as in `serde_json::Value` and in schema
        /// validators (for `type` too: the model is the one the last `type` names); earlier
        /// values are read tolerantly and replaced.
        ///
        /// ```
        /// use zapi_webhooks::{Callback, Content};
        ///
        /// let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","text":{"message":"hi"}}"#;
        /// let callback = Callback::from_slice(body)?;
        /// if let Callback::Received(received) = &callback {
        ///     if let Content::Text(text) = &received.content {
        ///         assert_eq!(text.message.as_deref(), Some("hi"));
        ///     }
        /// }
        /// // Lossless: writing it back gives the same JSON.
        /// assert_eq!(serde_json::to_value(&callback)?, serde_json::from_slice::<serde_json::Value>(body)?);
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Callback {
            $(
                #[doc = concat!("`", $type_value, "` (or `", $alt_spelling, "`):")]
                $(#[doc = $doc])*
                $variant($ty),
            )*
            /// A `type` this crate does not know, or none: the whole object, as sent.
            Unknown(serde_json::Map<String, serde_json::Value>),
        }

        /// Dispatch, generated from the table: each method asks the variant's model.
        impl Callback {
            /// The callback type, or `None` for [`Callback::Unknown`].
            fn callback_type(&self) -> Option<CallbackType> {
                match self {
                    $( Callback::$variant(_) => Some(CallbackType::$variant), )*
                    Callback::Unknown(_) => None,
                }
            }

            /// An empty model for the callback a `type` value names.
            fn empty_for(type_value: &str) -> Callback {
                match CallbackType::from_type_value(type_value) {
                    $( Some(CallbackType::$variant) => Callback::$variant(<$ty>::default()), )*
                    None => Callback::Unknown(serde_json::Map::new()),
                }
            }

            /// Stores an already-parsed entry.
            fn take_entry<E: serde::de::Error>(
                &mut self,
                key: std::borrow::Cow<'_, str>,
                value: serde_json::Value,
            ) -> Result<(), E> {
                use $crate::mechanism::callback_types::Stored;
                use $crate::mechanism::object::Object;
                let result = match self {
                    $( Callback::$variant(c) => Object::take_entry(Stored::model_mut(c), key, value), )*
                    Callback::Unknown(map) => {
                        map.insert(key.into_owned(), value);
                        Ok(())
                    }
                };
                result.map_err($crate::mechanism::object::EntryError::into_de)
            }

            /// Reads the value of `key` from the map into the model.
            fn read_entry<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: std::borrow::Cow<'de, str>,
                map: &mut A,
            ) -> Result<(), A::Error> {
                use $crate::mechanism::callback_types::Stored;
                use $crate::mechanism::object::Object;
                match self {
                    $( Callback::$variant(c) => Object::read_entry(Stored::model_mut(c), key, map), )*
                    Callback::Unknown(entries) => {
                        entries.insert(key.into_owned(), map.next_value()?);
                        Ok(())
                    }
                }
            }

            /// Every entry read so far, as JSON (the callback written back to a `Value`), with
            /// the model's `extra` entries moved as they are rather than written again.
            fn into_entries(self) -> Result<serde_json::Map<String, serde_json::Value>, serde_json::Error> {
                use $crate::mechanism::callback_types::Stored;
                use $crate::mechanism::object::Object;
                match self {
                    $( Callback::$variant(mut c) => {
                        let extra = std::mem::take(Object::extra_mut(Stored::model_mut(&mut c)));
                        // A model always writes an object; anything else is a bug, reported
                        // rather than taken for an empty object (which would lose the entries).
                        let mut entries = match serde_json::to_value(&c)? {
                            serde_json::Value::Object(entries) => entries,
                            _ => return Err(<serde_json::Error as serde::ser::Error>::custom(
                                "a model did not write itself as a JSON object",
                            )),
                        };
                        entries.extend(extra);
                        Ok(entries)
                    } )*
                    Callback::Unknown(entries) => Ok(entries),
                }
            }

            /// Runs after the last key.
            fn finish(&mut self) {
                use $crate::mechanism::callback_types::Stored;
                use $crate::mechanism::object::Object;
                match self {
                    $( Callback::$variant(c) => Object::finish(Stored::model_mut(c)), )*
                    Callback::Unknown(_) => {}
                }
            }

            /// The model's `type` field, or the `type` entry of an unknown callback.
            fn type_entry(&self) -> Option<&str> {
                use $crate::mechanism::callback_types::{CallbackModel, Stored};
                match self {
                    $( Callback::$variant(c) => CallbackModel::type_field(Stored::model(c)).as_deref(), )*
                    Callback::Unknown(map) => map.get("type").and_then(serde_json::Value::as_str),
                }
            }

            /// The model's `instanceId` field, or the entry of an unknown callback.
            fn instance_id_entry(&self) -> Option<&str> {
                use $crate::mechanism::callback_types::{CallbackModel, Stored};
                match self {
                    $( Callback::$variant(c) => CallbackModel::instance_id_field(Stored::model(c)).as_deref(), )*
                    Callback::Unknown(map) => map.get("instanceId").and_then(serde_json::Value::as_str),
                }
            }

            /// The model's event time.
            fn event_time(&self) -> Option<&$crate::Timestamp> {
                use $crate::mechanism::callback_types::{CallbackModel, Stored};
                match self {
                    $( Callback::$variant(c) => CallbackModel::event_time(Stored::model(c)), )*
                    Callback::Unknown(_) => None,
                }
            }

            /// The model's message kind.
            fn message_kind(&self) -> Option<$crate::Kind> {
                use $crate::mechanism::callback_types::{CallbackModel, Stored};
                match self {
                    $( Callback::$variant(c) => CallbackModel::message_kind(Stored::model(c)), )*
                    Callback::Unknown(_) => None,
                }
            }

            fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
                use $crate::mechanism::callback_types::Stored;
                use $crate::mechanism::field_value::FieldValue;
                match self {
                    $( Callback::$variant(c) => FieldValue::collect_unmodeled(Stored::model(c), pointer, out), )*
                    Callback::Unknown(map) => $crate::mechanism::field_value::unknown_callback_unmodeled(map, pointer, out),
                }
            }

            fn collect_unexpected(&self, pointer: &mut String, out: &mut Vec<$crate::diagnostics::UnexpectedValue>) {
                use $crate::mechanism::callback_types::Stored;
                use $crate::mechanism::field_value::FieldValue;
                match self {
                    $( Callback::$variant(c) => FieldValue::collect_unexpected(Stored::model(c), pointer, out), )*
                    Callback::Unknown(map) => $crate::mechanism::field_value::unknown_callback_unexpected(map, pointer, out),
                }
            }
        }

        impl serde::Serialize for Callback {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Callback::$variant(c) => c.serialize(serializer), )*
                    Callback::Unknown(map) => map.serialize(serializer),
                }
            }
        }
    };
}

pub(crate) use {callback_model, callback_types};
