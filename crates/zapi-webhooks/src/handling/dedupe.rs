//! [`DedupeKey`]: which deliveries report the same event.
//!
//! # The semantics, version `v1`
//!
//! Two deliveries get the same key exactly when they report the same event. What "the same
//! event" is depends on the callback:
//!
//! | callback | the key is made of |
//! |---|---|
//! | `ReceivedCallback` | `instanceId`, `messageId`; for an edit (`isEdit: true` or an `editMessageId`) the marker `edit` and the `editMessageId`; for a placeholder (`waitingMessage: true`) the marker `waiting` |
//! | `MessageStatusCallback` | `instanceId`, `status`, the set of message ids (`ids` and `id` together, sorted, repeats removed), and the group `participant` when sent |
//! | `DeliveryCallback` | `instanceId`, `messageId` (else `zaapId`, marked `zaap`) |
//! | anything else | a digest of the whole body's canonical JSON value |
//!
//! Everything else in the body is left out of an id-based key, `momment` included: a retry
//! that Z-API stamps with a new `momment` shares the key of the first delivery, and so does a
//! body whose keys come in another order.
//!
//! Why the markers and the participant:
//!
//! * an edit carries its own `messageId`, and the id of the message it edits: the marker makes
//!   sure an edit never shares its original's key, even if both ids were the same;
//! * a `waitingMessage: true` delivery is a placeholder, and WhatsApp may deliver the content
//!   later under the same `messageId`: keying it apart keeps the content from being dropped as
//!   a duplicate of its placeholder;
//! * in a group, every participant's `READ` of a message is its own status callback with the
//!   same `ids`; with the participant in the key, the second reader is not a duplicate.
//!
//! When an id-based key cannot be made — `instanceId` or the message id (or, for a status, the
//! `status`) absent, `null` or not a string — the key falls back to the digest of the body. A
//! fallback never merges two different events; at worst a retry is not recognised.
//!
//! The digest (presence, connection events, unknown callbacks, and the fallbacks) is SHA-256
//! over the canonical form of the body's JSON value — object keys sorted by their UTF-8 bytes,
//! no whitespace, strings and numbers as `serde_json` writes them — truncated to 128 bits (32
//! hex digits). Key order and whitespace do not change it; `momment` (and every other value)
//! does: without an id, the moment is what tells two real events apart (two disconnections).
//!
//! # The string form
//!
//! Printable ASCII, at most [`DedupeKey::MAX_LEN`] bytes, usable as an HTTP header value and a
//! database key. It starts with the version tag `v1:` and the callback's name
//! ([`crate::CallbackType::as_str`], or `unknown`):
//!
//! * `v1:received:{instanceId}:{messageId}`, `...:edit:{editMessageId}`, `...:waiting`;
//! * `v1:message_status:{instanceId}:{status}:{id},{id},...` (`:{participant}` in groups);
//! * `v1:delivery:{instanceId}:{messageId}` (or `...:zaap:{zaapId}`);
//! * `v1:{callback}:h={32 hex digits}` when an id-based key has a character outside
//!   `A-Z a-z 0-9 . _ @ -` or would be longer than [`DedupeKey::MAX_LEN`]: a digest of its
//!   parts instead of the parts;
//! * `v1:{callback}:d={32 hex digits}`: the digest of the body.
//!
//! A change of any of this is a new version tag, never a silent change of `v1` keys: the
//! golden values in the crate's tests pin them.

use std::fmt;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::{Callback, CallbackType, DeliveryCallback, MessageStatusCallback, ReceivedCallback};

/// The key that tells which deliveries report the same event: see the [module
/// docs](crate::handling::dedupe) for its semantics. Made by [`Callback::dedupe_key`].
///
/// ```
/// use zapi_webhooks::Callback;
///
/// let first = Callback::from_slice(br#"{"type":"ReceivedCallback","instanceId":"I1","messageId":"M1","momment":1,"text":{"message":"hi"}}"#)?;
/// // A retry: other key order, another `momment`.
/// let retry = Callback::from_slice(br#"{"momment":2,"messageId":"M1","text":{"message":"hi"},"instanceId":"I1","type":"ReceivedCallback"}"#)?;
/// assert_eq!(first.dedupe_key(), retry.dedupe_key());
/// assert_eq!(first.dedupe_key().as_str(), "v1:received:I1:M1");
/// # Ok::<(), zapi_webhooks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DedupeKey(String);

impl DedupeKey {
    /// The version tag every key of these semantics starts with (followed by `:`).
    pub const VERSION: &'static str = "v1";

    /// The longest key, in bytes.
    pub const MAX_LEN: usize = 200;

    /// The key as text: printable ASCII, at most [`DedupeKey::MAX_LEN`] bytes.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Writes [`DedupeKey::as_str`].
impl fmt::Display for DedupeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for DedupeKey {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<DedupeKey> for String {
    fn from(key: DedupeKey) -> String {
        key.0
    }
}

/// Serializes as its string form.
impl serde::Serialize for DedupeKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// The dedupe key of a callback: see [`DedupeKey`].
pub fn dedupe_key(callback: &Callback) -> DedupeKey {
    let name = callback
        .kind()
        .callback_type()
        .map_or("unknown", CallbackType::as_str);
    let parts = match callback {
        Callback::Received(received) => received_parts(received),
        Callback::MessageStatus(status) => status_parts(status),
        Callback::Delivery(delivery) => delivery_parts(delivery),
        _ => None,
    };
    match parts {
        Some(parts) => from_parts(name, &parts),
        None => DedupeKey(format!(
            "{}:{name}:d={}",
            DedupeKey::VERSION,
            body_digest(callback)
        )),
    }
}

/// One part of an id-based key: one or more atoms (several for a status's set of ids).
type Part<'a> = Vec<&'a str>;

fn received_parts(msg: &ReceivedCallback) -> Option<Vec<Part<'_>>> {
    let mut parts = vec![
        vec![msg.instance_id.as_deref()?],
        vec![msg.message_id.as_deref()?],
    ];
    let edit_id = msg.edit_message_id.as_deref();
    if msg.is_edit.is_true() || edit_id.is_some() {
        parts.push(vec!["edit"]);
        parts.extend(edit_id.map(|id| vec![id]));
    }
    if msg.waiting_message.is_true() {
        parts.push(vec!["waiting"]);
    }
    Some(parts)
}

fn status_parts(status: &MessageStatusCallback) -> Option<Vec<Part<'_>>> {
    let mut ids: Vec<&str> = status
        .ids
        .get()
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(status.id.as_deref())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return None;
    }
    let mut parts = vec![
        vec![status.instance_id.as_deref()?],
        vec![status.status.get()?.as_str()],
        ids,
    ];
    parts.extend(status.participant.as_deref().map(|p| vec![p]));
    Some(parts)
}

fn delivery_parts(delivery: &DeliveryCallback) -> Option<Vec<Part<'_>>> {
    let instance = delivery.instance_id.as_deref()?;
    match (delivery.message_id.as_deref(), delivery.zaap_id.as_deref()) {
        (Some(message_id), _) => Some(vec![vec![instance], vec![message_id]]),
        (None, Some(zaap_id)) => Some(vec![vec![instance], vec!["zaap"], vec![zaap_id]]),
        (None, None) => None,
    }
}

/// A character an atom may keep in the readable form: never `:` or `,` (the separators), nor
/// `=` (which marks the digest forms).
fn is_plain(atom: &str) -> bool {
    !atom.is_empty()
        && atom
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'@' | b'-'))
}

fn from_parts(name: &str, parts: &[Part<'_>]) -> DedupeKey {
    // `v1:{name}:{part}:{part}...`, the atoms of a part joined by `,`, built in one string.
    let mut readable = String::with_capacity(64);
    readable.push_str(DedupeKey::VERSION);
    readable.push(':');
    readable.push_str(name);
    for part in parts {
        readable.push(':');
        for (i, atom) in part.iter().enumerate() {
            if i > 0 {
                readable.push(',');
            }
            readable.push_str(atom);
        }
    }
    if readable.len() <= DedupeKey::MAX_LEN && parts.iter().flatten().all(|atom| is_plain(atom)) {
        return DedupeKey(readable);
    }
    // Every part and atom length-prefixed, so that no two lists of parts hash the same input.
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(format!("{};", part.len()));
        for atom in part {
            hasher.update(format!("{}:", atom.len()));
            hasher.update(atom);
        }
    }
    DedupeKey(format!(
        "{}:{name}:h={}",
        DedupeKey::VERSION,
        hex128(&hasher.finalize())
    ))
}

/// SHA-256 of the callback's canonical JSON, 32 hex digits.
fn body_digest(callback: &Callback) -> String {
    let mut canonical = Vec::with_capacity(512);
    match callback {
        Callback::Unknown(map) => write_object(map, &mut canonical),
        other => match serde_json::to_value(other) {
            Ok(value) => write_canonical(&value, &mut canonical),
            // The models always serialize; should one ever fail, its debug form still tells
            // different bodies apart (and cannot collide with canonical JSON, which starts
            // with `{`).
            Err(_) => canonical.extend_from_slice(format!("{other:?}").as_bytes()),
        },
    }
    hex128(&Sha256::digest(&canonical))
}

/// The canonical JSON of a value: object keys sorted by their bytes, no whitespace, strings
/// and numbers as serde_json writes them.
pub(crate) fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => write_object(map, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        scalar => write_scalar(scalar, out),
    }
}

fn write_object(map: &Map<String, Value>, out: &mut Vec<u8>) {
    // serde_json's map (without its `preserve_order` feature) already iterates in key order,
    // which is byte order for `String`s: the entries are sorted only when they come otherwise.
    let in_order = map
        .keys()
        .zip(map.keys().skip(1))
        .all(|(a, b)| a.as_bytes() <= b.as_bytes());
    if in_order {
        write_entries(map.iter(), out);
    } else {
        let mut entries: Vec<(&String, &Value)> = map.iter().collect();
        entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        write_entries(entries.into_iter(), out);
    }
}

fn write_entries<'a>(entries: impl Iterator<Item = (&'a String, &'a Value)>, out: &mut Vec<u8>) {
    out.push(b'{');
    for (i, (key, value)) in entries.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_string(key, out);
        out.push(b':');
        write_canonical(value, out);
    }
    out.push(b'}');
}

/// A key as serde_json writes a string, without copying it into a `Value` first.
fn write_string(text: &str, out: &mut Vec<u8>) {
    write_scalar(text, out);
}

/// A string or scalar `Value` as serde_json writes it.
fn write_scalar<T: serde::Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    // Writing a scalar into a `Vec` cannot fail; the fallback keeps this panic-free.
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.extend_from_slice(b"null");
    }
}

fn hex128(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    digest
        .iter()
        .take(16)
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]])
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let value: Value =
            serde_json::from_str(r#"{ "b": [ {"y":1, "x":"é\n"} ], "a": 1.5, "c": null }"#)
                .expect("json");
        let mut out = Vec::new();
        write_canonical(&value, &mut out);
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            r#"{"a":1.5,"b":[{"x":"é\n","y":1}],"c":null}"#
        );
    }

    #[test]
    fn hex128_is_32_lower_hex_digits() {
        assert_eq!(
            hex128(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223"
        );
    }
}
