//! [`Callback`]: any Z-API webhook body, dispatched on its `type`.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::mechanism::object::{Key, Object};
use crate::{
    ConnectedCallback, DeliveryCallback, DisconnectedCallback, Kind, MessageStatusCallback,
    ParseError, PresenceChatCallback, ReceivedCallback,
};

/// The callback types this crate models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CallbackType {
    /// `ReceivedCallback`: a message or notification.
    Received,
    /// `DeliveryCallback`: a message sent through the API left Z-API.
    Delivery,
    /// `MessageStatusCallback`: messages changed status.
    MessageStatus,
    /// `PresenceChatCallback`: a contact's presence in a chat.
    PresenceChat,
    /// `ConnectedCallback`: the instance connected.
    Connected,
    /// `DisconnectedCallback`: the instance disconnected.
    Disconnected,
}

impl CallbackType {
    /// Every callback type, in the order of the docs.
    pub const ALL: &'static [CallbackType] = &[
        CallbackType::Received,
        CallbackType::Delivery,
        CallbackType::MessageStatus,
        CallbackType::PresenceChat,
        CallbackType::Connected,
        CallbackType::Disconnected,
    ];

    /// The `type` value as documented, e.g. `ReceivedCallback` (what a payload carries; see
    /// [`CallbackType::spellings`] for every accepted form).
    pub fn type_value(self) -> &'static str {
        self.spellings()[0]
    }

    /// Every `type` value accepted for this callback: the documented one and the one spelled
    /// with a capital B (`ReceivedCallBack`), which the docs also use.
    pub fn spellings(self) -> [&'static str; 2] {
        match self {
            CallbackType::Received => ["ReceivedCallback", "ReceivedCallBack"],
            CallbackType::Delivery => ["DeliveryCallback", "DeliveryCallBack"],
            CallbackType::MessageStatus => ["MessageStatusCallback", "MessageStatusCallBack"],
            CallbackType::PresenceChat => ["PresenceChatCallback", "PresenceChatCallBack"],
            CallbackType::Connected => ["ConnectedCallback", "ConnectedCallBack"],
            CallbackType::Disconnected => ["DisconnectedCallback", "DisconnectedCallBack"],
        }
    }

    /// This crate's stable snake_case name for the callback, e.g. `message_status`: the
    /// fixtures' folder names, the schema file names and the CLI's `callback` field. Also what
    /// `Display` writes. Not a wire value: see [`CallbackType::type_value`] for that.
    pub fn as_str(self) -> &'static str {
        match self {
            CallbackType::Received => "received",
            CallbackType::Delivery => "delivery",
            CallbackType::MessageStatus => "message_status",
            CallbackType::PresenceChat => "presence_chat",
            CallbackType::Connected => "connected",
            CallbackType::Disconnected => "disconnected",
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
        CallbackType::ALL
            .iter()
            .copied()
            .find(|t| t.spellings().contains(&type_value))
    }

    /// The callback type whose snake_case name ([`CallbackType::as_str`]) is `name`.
    ///
    /// ```
    /// use zapi_webhooks::CallbackType;
    /// assert_eq!(CallbackType::from_name("message_status"), Some(CallbackType::MessageStatus));
    /// assert_eq!(CallbackType::from_name("MessageStatusCallback"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<CallbackType> {
        CallbackType::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == name)
    }
}

/// Writes the snake_case name ([`CallbackType::as_str`]), like [`Kind`]'s `Display`.
impl fmt::Display for CallbackType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Any Z-API webhook body.
///
/// Deserializing reads the object once. Keys before `type` are held as `Value`s until `type`
/// says which model to fill; from there on every value goes straight into its typed field. A
/// `type` this crate does not know (or no `type` at all) gives [`Callback::Unknown`] with the
/// whole object.
///
/// Tolerant: every JSON object is a `Callback`. A known field whose JSON type is not the
/// model's is kept verbatim ([`crate::Field::Unexpected`], [`crate::Content::Unexpected`]) and
/// listed by [`Callback::unexpected`]; a `type` that is not a string gives
/// [`Callback::Unknown`]. Only bytes that are not JSON, JSON that is not an object, and nesting
/// beyond serde_json's recursion limit are errors. [`Callback::from_slice_strict`] refuses
/// unexpected values too.
///
/// Repeated keys: the last value wins, as in `serde_json::Value` and in schema validators (for
/// `type` too: the model is the one the last `type` names); earlier values are read tolerantly
/// and replaced.
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
    /// `ReceivedCallback` (or `ReceivedCallBack`).
    Received(Box<ReceivedCallback>),
    /// `DeliveryCallback`.
    Delivery(DeliveryCallback),
    /// `MessageStatusCallback`.
    MessageStatus(MessageStatusCallback),
    /// `PresenceChatCallback`.
    PresenceChat(PresenceChatCallback),
    /// `ConnectedCallback`.
    Connected(ConnectedCallback),
    /// `DisconnectedCallback`.
    Disconnected(DisconnectedCallback),
    /// A `type` this crate does not know, or none: the whole object, as sent.
    Unknown(Map<String, Value>),
}

impl Callback {
    /// Parses a webhook body, tolerantly (see [`Callback`]): it fails only for bytes that are
    /// not JSON, JSON that is not an object, or nesting beyond serde_json's recursion limit, and
    /// the error names the JSON pointer, line and column.
    ///
    /// A leading UTF-8 byte order mark is skipped (plain `serde_json::from_slice` rejects it).
    pub fn from_slice(body: &[u8]) -> Result<Callback, ParseError> {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        serde_json::from_slice(body).map_err(|err| {
            ParseError::locate::<Callback>(body)
                .unwrap_or_else(|| ParseError::from_json(String::new(), err))
        })
    }

    /// Parses a webhook body strictly: like [`Callback::from_slice`], then fails on the first
    /// value of an unexpected JSON type (see [`Callback::unexpected`]) with its JSON pointer and
    /// "expected X, found Y". For users who want a changed type to stop the payload.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","fromMe":"yes"}"#;
    /// assert!(zapi_webhooks::Callback::from_slice(body).is_ok());
    /// let err = zapi_webhooks::Callback::from_slice_strict(body).unwrap_err();
    /// assert_eq!(err.pointer(), "/fromMe");
    /// assert_eq!(err.message(), "invalid type: string \"yes\", expected a boolean");
    /// ```
    pub fn from_slice_strict(body: &[u8]) -> Result<Callback, ParseError> {
        let callback = Callback::from_slice(body)?;
        match callback.unexpected().into_iter().next() {
            None => Ok(callback),
            Some(unexpected) => Err(ParseError::unexpected(&unexpected)),
        }
    }

    /// Reads an already-parsed JSON value, without writing it back to bytes: the `type` entry
    /// is read first, so every other value goes straight into its typed field. On failure the
    /// error names the JSON pointer of the offending value (line and column are 0).
    ///
    /// A `serde_json::Value` keeps only the last of repeated keys, so this can accept a body
    /// whose earlier, shadowed values [`Callback::from_slice`] rejects.
    pub fn from_value(value: &Value) -> Result<Callback, ParseError> {
        crate::mechanism::read_value::callback_from_value(value)
    }

    /// Where this callback, written back as JSON, differs from `original` (the value it was
    /// read from), or `None` when the round trip is lossless, as it is for every JSON object
    /// this crate reads.
    ///
    /// Compares while serializing, without building a second `Value`; only when the two
    /// differ is the model written out, to name the first differing JSON pointer.
    ///
    /// ```
    /// let original = serde_json::json!({"type": "ConnectedCallback", "connected": true});
    /// let callback = zapi_webhooks::Callback::from_value(&original)?;
    /// assert_eq!(callback.lossless_difference(&original), None);
    /// let other = serde_json::json!({"type": "ConnectedCallback", "connected": false});
    /// let diff = callback.lossless_difference(&other).expect("differs");
    /// assert_eq!(diff.pointer, "/connected");
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn lossless_difference(&self, original: &Value) -> Option<crate::json_pointer::Difference> {
        crate::mechanism::lossless::difference(self, original)
    }

    /// The callback type, or `None` for [`Callback::Unknown`].
    pub fn callback_type(&self) -> Option<CallbackType> {
        Some(match self {
            Callback::Received(_) => CallbackType::Received,
            Callback::Delivery(_) => CallbackType::Delivery,
            Callback::MessageStatus(_) => CallbackType::MessageStatus,
            Callback::PresenceChat(_) => CallbackType::PresenceChat,
            Callback::Connected(_) => CallbackType::Connected,
            Callback::Disconnected(_) => CallbackType::Disconnected,
            Callback::Unknown(_) => return None,
        })
    }

    /// The `type` value exactly as sent, if there was a string one.
    pub fn type_value(&self) -> Option<&str> {
        match self {
            Callback::Received(c) => c.r#type.as_deref(),
            Callback::Delivery(c) => c.r#type.as_deref(),
            Callback::MessageStatus(c) => c.r#type.as_deref(),
            Callback::PresenceChat(c) => c.r#type.as_deref(),
            Callback::Connected(c) => c.r#type.as_deref(),
            Callback::Disconnected(c) => c.r#type.as_deref(),
            Callback::Unknown(map) => map.get("type").and_then(Value::as_str),
        }
    }

    /// The message kind ([`ReceivedCallback::kind`]) of a received callback; `None` for every
    /// other callback. See [`Callback::kind_name`] for a name that covers every callback.
    pub fn message_kind(&self) -> Option<Kind> {
        match self {
            Callback::Received(received) => Some(received.kind()),
            _ => None,
        }
    }

    /// A stable snake_case name for what this payload is, whatever the callback: the message
    /// kind's name for received callbacks (`text`, `image`, ..., `unknown`), the callback's name
    /// ([`CallbackType::as_str`]) for the others (`message_status`, ...), and `unknown` for an
    /// unknown callback. This is the CLI's `kind` field.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Callback::Received(received) => received.kind().as_str(),
            Callback::Unknown(_) => "unknown",
            other => other
                .callback_type()
                .map_or("unknown", CallbackType::as_str),
        }
    }

    /// The received callback, if this is one.
    pub fn as_received(&self) -> Option<&ReceivedCallback> {
        match self {
            Callback::Received(received) => Some(received),
            _ => None,
        }
    }

    /// Every value kept although its JSON type is not the one its model expects (`"fromMe":
    /// "true"`, `"width": "640"`, `"text": "hi"`, ...), with its JSON pointer, what was
    /// expected and what was found, in the models' field order. Such a value is kept verbatim
    /// (the round trip stays exact) and its field reads as no value ([`crate::Field::Unexpected`],
    /// [`crate::Content::Unexpected`]). Empty for a payload that matches the models.
    ///
    /// ```
    /// let callback = zapi_webhooks::Callback::from_slice(
    ///     br#"{"type":"ReceivedCallback","isGroup":0,"image":{"width":"640"}}"#,
    /// )?;
    /// let found: Vec<String> = callback.unexpected().iter().map(|u| u.to_string()).collect();
    /// assert_eq!(found, [
    ///     "/isGroup: invalid type: integer `0`, expected a boolean",
    ///     "/image/width: invalid type: string \"640\", expected a non-negative integer",
    /// ]);
    /// assert_eq!(callback.kind_name(), "image");
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn unexpected(&self) -> Vec<crate::UnexpectedValue> {
        crate::mechanism::field_value::unexpected_values(self)
    }

    /// The keys nobody modeled, as JSON pointers, at every depth (see
    /// [`crate::unmodeled_pointers`]).
    pub fn unmodeled(&self) -> Vec<String> {
        crate::mechanism::field_value::unmodeled_pointers(self)
    }
}

/// Parses a webhook body given as text, like [`Callback::from_slice`].
///
/// ```
/// let callback: zapi_webhooks::Callback = r#"{"type":"ConnectedCallback"}"#.parse()?;
/// assert_eq!(callback.kind_name(), "connected");
/// # Ok::<(), zapi_webhooks::ParseError>(())
/// ```
impl std::str::FromStr for Callback {
    type Err = ParseError;

    fn from_str(body: &str) -> Result<Callback, ParseError> {
        Callback::from_slice(body.as_bytes())
    }
}

impl Serialize for Callback {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Callback::Received(c) => c.serialize(serializer),
            Callback::Delivery(c) => c.serialize(serializer),
            Callback::MessageStatus(c) => c.serialize(serializer),
            Callback::PresenceChat(c) => c.serialize(serializer),
            Callback::Connected(c) => c.serialize(serializer),
            Callback::Disconnected(c) => c.serialize(serializer),
            Callback::Unknown(map) => map.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Callback {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(CallbackVisitor)
    }
}

struct CallbackVisitor;

impl Callback {
    fn empty_for(type_value: &str) -> Callback {
        match CallbackType::from_type_value(type_value) {
            Some(CallbackType::Received) => Callback::Received(Box::default()),
            Some(CallbackType::Delivery) => Callback::Delivery(DeliveryCallback::default()),
            Some(CallbackType::MessageStatus) => {
                Callback::MessageStatus(MessageStatusCallback::default())
            }
            Some(CallbackType::PresenceChat) => {
                Callback::PresenceChat(PresenceChatCallback::default())
            }
            Some(CallbackType::Connected) => Callback::Connected(ConnectedCallback::default()),
            Some(CallbackType::Disconnected) => {
                Callback::Disconnected(DisconnectedCallback::default())
            }
            None => Callback::Unknown(Map::new()),
        }
    }

    /// A repeated `type` key: the last one wins, as in `serde_json::Value`. If it names another
    /// callback, what was read so far moves to that callback's model (losslessly, through its
    /// JSON), so the result is what a single `type` with the last value would give.
    fn retyped<E: de::Error>(self, type_value: Value) -> Result<Callback, E> {
        let name = type_value.as_str().unwrap_or_default();
        let mut callback = if CallbackType::from_type_value(name) == self.callback_type() {
            self
        } else {
            let entries = match serde_json::to_value(&self) {
                Ok(Value::Object(entries)) => entries,
                Ok(_) => Map::new(),
                Err(err) => return Err(E::custom(err)),
            };
            let mut moved = Callback::empty_for(name);
            for (key, value) in entries {
                if key != "type" {
                    moved.take_entry::<E>(Cow::Owned(key), value)?;
                }
            }
            moved
        };
        callback.take_entry::<E>(Cow::Borrowed("type"), type_value)?;
        Ok(callback)
    }

    fn take_entry<E: de::Error>(&mut self, key: Cow<'_, str>, value: Value) -> Result<(), E> {
        let result = match self {
            Callback::Received(c) => c.take_entry(key, value),
            Callback::Delivery(c) => c.take_entry(key, value),
            Callback::MessageStatus(c) => c.take_entry(key, value),
            Callback::PresenceChat(c) => c.take_entry(key, value),
            Callback::Connected(c) => c.take_entry(key, value),
            Callback::Disconnected(c) => c.take_entry(key, value),
            Callback::Unknown(map) => {
                map.insert(key.into_owned(), value);
                Ok(())
            }
        };
        result.map_err(|err| err.into_de(""))
    }

    fn read_entry<'de, A: MapAccess<'de>>(
        &mut self,
        key: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match self {
            Callback::Received(c) => c.read_entry(key, map),
            Callback::Delivery(c) => c.read_entry(key, map),
            Callback::MessageStatus(c) => c.read_entry(key, map),
            Callback::PresenceChat(c) => c.read_entry(key, map),
            Callback::Connected(c) => c.read_entry(key, map),
            Callback::Disconnected(c) => c.read_entry(key, map),
            Callback::Unknown(entries) => {
                entries.insert(key.into_owned(), map.next_value()?);
                Ok(())
            }
        }
    }

    fn finish(&mut self) {
        match self {
            Callback::Received(c) => c.finish(),
            Callback::Delivery(c) => c.finish(),
            Callback::MessageStatus(c) => c.finish(),
            Callback::PresenceChat(c) => c.finish(),
            Callback::Connected(c) => c.finish(),
            Callback::Disconnected(c) => c.finish(),
            Callback::Unknown(_) => {}
        }
    }
}

impl<'de> Visitor<'de> for CallbackVisitor {
    type Value = Callback;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object (a Z-API callback)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Callback, A::Error> {
        // Keys seen before `type`, held (keys borrowed from the input when possible) until we
        // know which model they belong to.
        let mut pending: Vec<(Cow<'de, str>, Value)> = Vec::new();
        let mut callback = loop {
            let Some(Key(key)) = map.next_key()? else {
                // No `type` at all: an unknown callback with everything kept.
                return Ok(Callback::Unknown(
                    pending
                        .into_iter()
                        .map(|(key, value)| (key.into_owned(), value))
                        .collect(),
                ));
            };
            if key == "type" {
                // A `type` that is not a string names no callback: an unknown one.
                let type_value: Value = map.next_value()?;
                let mut callback = Callback::empty_for(type_value.as_str().unwrap_or_default());
                for (key, value) in pending {
                    callback.take_entry::<A::Error>(key, value)?;
                }
                callback.take_entry::<A::Error>(Cow::Borrowed("type"), type_value)?;
                break callback;
            }
            let value = map.next_value()?;
            if pending.is_empty() {
                // One allocation that fits a typical envelope (and glibc's small-block cache).
                pending.reserve(16);
            }
            pending.push((key, value));
        };
        while let Some(Key(key)) = map.next_key()? {
            if key == "type" {
                let type_value: Value = map.next_value()?;
                callback = callback.retyped::<A::Error>(type_value)?;
            } else {
                callback.read_entry(key, &mut map)?;
            }
        }
        callback.finish();
        Ok(callback)
    }
}
