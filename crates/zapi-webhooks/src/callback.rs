//! [`Callback`]: any Z-API webhook body, dispatched on its `type`.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

use crate::diagnostics::{Difference, UnexpectedValue};
use crate::mechanism::callback_types::callback_types;
use crate::mechanism::object::{Key, Object};
use crate::{
    ConnectedCallback, DeliveryCallback, DisconnectedCallback, Kind, MessageStatusCallback,
    ParseError, PresenceChatCallback, ReceivedCallback,
};

callback_types! {
    /// A message or notification.
    "ReceivedCallback" | "ReceivedCallBack" => Received(Box<ReceivedCallback>) as "received";
    /// A message sent through the API left Z-API.
    "DeliveryCallback" | "DeliveryCallBack" => Delivery(DeliveryCallback) as "delivery";
    /// Messages changed status.
    "MessageStatusCallback" | "MessageStatusCallBack" => MessageStatus(MessageStatusCallback) as "message_status";
    /// A contact's presence in a chat.
    "PresenceChatCallback" | "PresenceChatCallBack" => PresenceChat(PresenceChatCallback) as "presence_chat";
    /// The instance connected.
    "ConnectedCallback" | "ConnectedCallBack" => Connected(ConnectedCallback) as "connected";
    /// The instance disconnected.
    "DisconnectedCallback" | "DisconnectedCallBack" => Disconnected(DisconnectedCallback) as "disconnected";
}

/// Writes the snake_case name ([`CallbackType::as_str`]), like [`Kind`]'s `Display`.
impl fmt::Display for CallbackType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a payload is: the one answer to "which callback, and which kind of message?".
///
/// Its `Display` (and [`PayloadKind::as_str`]) is the snake_case name the CLI's `kind` field,
/// the fixtures' folders and the schema files use: the message kind for a received callback
/// (`text`, `image`, ..., `waiting_message`, `unknown`), the callback type's name for the
/// others (`message_status`, ...), and `unknown` for an unknown callback.
///
/// ```
/// use zapi_webhooks::{Callback, CallbackType, Kind, PayloadKind};
///
/// let text = Callback::from_slice(br#"{"type":"ReceivedCallback","text":{"message":"hi"}}"#)?;
/// assert_eq!(text.kind(), PayloadKind::Received(Kind::Text));
/// assert_eq!(text.kind().to_string(), "text");
/// assert_eq!(text.kind().callback_type(), Some(CallbackType::Received));
///
/// let status = Callback::from_slice(br#"{"type":"MessageStatusCallback","status":"READ"}"#)?;
/// assert_eq!(status.kind(), PayloadKind::Callback(CallbackType::MessageStatus));
/// assert_eq!(status.kind().as_str(), "message_status");
///
/// let other = Callback::from_slice(br#"{"type":"SomethingNew"}"#)?;
/// assert_eq!(other.kind(), PayloadKind::Unknown);
/// assert_eq!(other.kind().callback_type(), None);
/// # Ok::<(), zapi_webhooks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PayloadKind {
    /// A received callback, with the kind of its message.
    Received(Kind),
    /// A callback type other than [`CallbackType::Received`] (whose payloads are
    /// [`PayloadKind::Received`]).
    Callback(CallbackType),
    /// A `type` this crate does not know, or none ([`Callback::Unknown`]).
    Unknown,
}

impl PayloadKind {
    /// The stable snake_case name (see [`PayloadKind`]); what `Display` writes.
    pub fn as_str(self) -> &'static str {
        match self {
            PayloadKind::Received(kind) => kind.as_str(),
            PayloadKind::Callback(callback) => callback.as_str(),
            PayloadKind::Unknown => "unknown",
        }
    }

    /// The callback type; `None` for an unknown callback.
    pub fn callback_type(self) -> Option<CallbackType> {
        match self {
            PayloadKind::Received(_) => Some(CallbackType::Received),
            PayloadKind::Callback(callback) => Some(callback),
            PayloadKind::Unknown => None,
        }
    }

    /// The message kind of a received callback; `None` for every other payload.
    pub fn message_kind(self) -> Option<Kind> {
        match self {
            PayloadKind::Received(kind) => Some(kind),
            PayloadKind::Callback(_) | PayloadKind::Unknown => None,
        }
    }
}

impl fmt::Display for PayloadKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Callback {
    /// The key that tells which deliveries report the same event (a retry, a repeated status),
    /// for every callback, unknown ones included: see [`crate::DedupeKey`] and the semantics in
    /// [`crate::handling::dedupe`].
    ///
    /// ```
    /// let status = zapi_webhooks::Callback::from_slice(
    ///     br#"{"type":"MessageStatusCallback","instanceId":"I1","status":"READ","ids":["B","A"]}"#,
    /// )?;
    /// assert_eq!(status.dedupe_key().as_str(), "v1:message_status:I1:READ:A,B");
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn dedupe_key(&self) -> crate::DedupeKey {
        crate::handling::dedupe::dedupe_key(self)
    }

    /// Parses a webhook body, tolerantly (see [`Callback`]): it fails only for bytes that are
    /// not JSON, JSON that is not an object, or nesting beyond serde_json's recursion limit, and
    /// the error names the JSON pointer, line and column.
    ///
    /// A leading UTF-8 byte order mark is skipped (plain `serde_json::from_slice` rejects it).
    pub fn from_slice(body: &[u8]) -> Result<Callback, ParseError> {
        match std::str::from_utf8(body) {
            Ok(text) => Callback::from_text(text),
            // Not UTF-8: serde_json's `from_slice`, for its error and its position.
            Err(_) => {
                let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
                located(body, serde_json::from_slice(body))
            }
        }
    }

    /// [`Callback::from_slice`] for a body already known to be UTF-8: checked once for the
    /// whole body, where serde_json's `from_slice` checks it string by string. For callers that
    /// read the same text again (the fingerprint of the lossless check).
    pub(crate) fn from_text(text: &str) -> Result<Callback, ParseError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        located(text.as_bytes(), serde_json::from_str(text))
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
    pub fn lossless_difference(&self, original: &Value) -> Option<Difference> {
        crate::mechanism::lossless::difference(self, original)
    }

    /// What this payload is: the callback type and, for a received callback, its message kind
    /// (see [`PayloadKind`]). The one way to ask; its `Display` is the snake_case name the
    /// CLI, the fixtures and the schemas use.
    pub fn kind(&self) -> PayloadKind {
        match (self.callback_type(), self.message_kind()) {
            (_, Some(kind)) => PayloadKind::Received(kind),
            (Some(callback), None) => PayloadKind::Callback(callback),
            (None, None) => PayloadKind::Unknown,
        }
    }

    /// The `type` value exactly as sent, if there was a string one.
    pub fn type_value(&self) -> Option<&str> {
        self.type_entry()
    }

    /// The Z-API instance that sent the callback (`instanceId`), whatever the callback (for
    /// [`Callback::Unknown`], its `instanceId` entry when that is a string).
    ///
    /// ```
    /// let callback = zapi_webhooks::Callback::from_slice(br#"{"type":"ConnectedCallback","instanceId":"A1"}"#)?;
    /// assert_eq!(callback.instance_id(), Some("A1"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn instance_id(&self) -> Option<&str> {
        self.instance_id_entry()
    }

    /// When the event happened, from the callback's own time field: `momment` (for a received
    /// callback, [`ReceivedCallback::timestamp`]). `None` for a presence callback, whose only
    /// time (`lastSeen`) is when the contact was last online, and for an unknown callback.
    ///
    /// ```
    /// let callback = zapi_webhooks::Callback::from_slice(br#"{"type":"DisconnectedCallback","momment":1580163342}"#)?;
    /// assert_eq!(callback.timestamp().and_then(|t| t.unix_millis()), Some(1_580_163_342_000));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn timestamp(&self) -> Option<&crate::Timestamp> {
        self.event_time()
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
    /// assert_eq!(callback.kind().to_string(), "image");
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn unexpected(&self) -> Vec<UnexpectedValue> {
        let mut out = Vec::new();
        self.collect_unexpected(&mut String::new(), &mut out);
        out
    }

    /// The JSON pointers (RFC 6901) of every key that no model knows, at any depth, in the
    /// order they were found. For an unknown callback, every top-level key but `type`.
    ///
    /// ```
    /// let callback = zapi_webhooks::Callback::from_slice(
    ///     br#"{"type":"ReceivedCallback","brandNew":1,"text":{"message":"hi","shiny":true}}"#,
    /// )?;
    /// assert_eq!(callback.unmodeled(), ["/text/shiny", "/brandNew"]);
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn unmodeled(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_unmodeled(&mut String::new(), &mut out);
        out
    }

    /// A repeated `type` key: the last one wins, as in `serde_json::Value`. If it names another
    /// callback, what was read so far moves to that callback's model (see
    /// [`Callback::moved_to`]), so the result is what a single `type` with the last value would
    /// give.
    fn retyped<E: de::Error>(self, type_value: Value) -> Result<Callback, E> {
        let mut callback = self.moved_to(type_value.as_str().unwrap_or_default())?;
        callback.take_entry::<E>(Cow::Borrowed("type"), type_value)?;
        Ok(callback)
    }

    /// The callback a `type` value names (an unknown one for a name no model has), holding
    /// every entry read so far: `self` itself when it is already that callback; otherwise its
    /// entries (but `type`, which the caller sets) move to the other model through their JSON,
    /// which is exact because every model writes back what it read.
    fn moved_to<E: de::Error>(self, type_name: &str) -> Result<Callback, E> {
        if CallbackType::from_type_value(type_name) == self.callback_type() {
            return Ok(self);
        }
        let mut entries = self.into_entries().map_err(E::custom)?;
        let mut moved = Callback::empty_for(type_name);
        if let Callback::Unknown(map) = &mut moved {
            // An unknown callback is its entries, as they are.
            entries.remove("type");
            *map = entries;
            return Ok(moved);
        }
        for (key, value) in entries {
            if key != "type" {
                moved.take_entry::<E>(Cow::Owned(key), value)?;
            }
        }
        Ok(moved)
    }
}

/// Parses a webhook body given as text, like [`Callback::from_slice`].
///
/// ```
/// let callback: zapi_webhooks::Callback = r#"{"type":"ConnectedCallback"}"#.parse()?;
/// assert_eq!(callback.kind().to_string(), "connected");
/// # Ok::<(), zapi_webhooks::ParseError>(())
/// ```
impl std::str::FromStr for Callback {
    type Err = ParseError;

    fn from_str(body: &str) -> Result<Callback, ParseError> {
        Callback::from_slice(body.as_bytes())
    }
}

impl<'de> Deserialize<'de> for Callback {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(CallbackVisitor)
    }
}

struct CallbackVisitor;

impl<'de> Visitor<'de> for CallbackVisitor {
    type Value = Callback;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object (a Z-API callback)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Callback, A::Error> {
        // Keys before `type` are read speculatively into the model most payloads turn out to
        // be, a received callback, which keeps any key losslessly: a received payload then
        // reads every value once, straight into its field, wherever its `type` stands. When
        // `type` names another callback (or none), what was read moves there through its JSON
        // (`Callback::moved_to`), which is exact.
        let mut speculative: Option<Box<ReceivedCallback>> = None;
        let mut callback = loop {
            let Some(Key(key)) = map.next_key()? else {
                // No `type` at all: an unknown callback with everything kept.
                return match speculative {
                    Some(received) => Callback::Received(received).moved_to(""),
                    None => Ok(Callback::Unknown(Map::new())),
                };
            };
            if key == "type" {
                // A `type` that is not a string names no callback: an unknown one.
                let type_value: Value = map.next_value()?;
                let read = match speculative {
                    Some(received) => Callback::Received(received),
                    // `type` came first: nothing to move.
                    None => Callback::empty_for(type_value.as_str().unwrap_or_default()),
                };
                break read.retyped::<A::Error>(type_value)?;
            }
            let received = speculative.get_or_insert_default();
            Object::read_entry(&mut **received, key, &mut map)?;
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

/// A parse's result with the error located in `body` (its JSON pointer, line and column).
fn located(
    body: &[u8],
    parsed: Result<Callback, serde_json::Error>,
) -> Result<Callback, ParseError> {
    parsed.map_err(|err| {
        ParseError::locate::<Callback>(body)
            .unwrap_or_else(|| ParseError::from_json(String::new(), err))
    })
}
