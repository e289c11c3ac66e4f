//! Tolerant, lossless serde models for the webhooks of [Z-API](https://z-api.io), with JSON
//! Schemas generated from them and a validator.
//!
//! * [`Callback`] is any webhook body: dispatched on `type` to one model per callback, or
//!   [`Callback::Unknown`] with the raw object.
//! * [`ReceivedCallback`] carries a [`Content`] (text, image, reaction, notification, ... or
//!   [`Content::Unknown`]); [`Kind`] names it.
//! * Lossless: every model keeps the keys it does not know in an `extra` map, every field keeps
//!   "absent" apart from `null` ([`Field`]), and every quirk keeps the form it came in
//!   ([`Timestamp`], [`NumberOrString`], open enums that keep unseen values). Serializing a parsed
//!   payload gives back the same JSON value.
//! * A read layer answers what a handler asks of a message, whatever its kind:
//!   [`ReceivedCallback::chat`] (with its [`ChatKind`]), [`ReceivedCallback::sender`],
//!   [`ReceivedCallback::text`], [`ReceivedCallback::media`], [`ReceivedCallback::timestamp`].
//!   It reads the parsed fields when called; parsing does no extra work for it.
//! * Fast: each model reads its object in one pass, without serde's `flatten`/`untagged`
//!   buffering.
//!
//! ```
//! use zapi_webhooks::{Callback, Content, Kind};
//!
//! let body = br#"{
//!     "type": "ReceivedCallback", "instanceId": "A1", "phone": "5544999999999",
//!     "fromMe": false, "momment": 1632228638000,
//!     "image": {"imageUrl": "https://example.com/a.jpg", "caption": "hello"}
//! }"#;
//! match Callback::from_slice(body)? {
//!     Callback::Received(msg) => {
//!         assert_eq!(msg.kind(), Kind::Image);
//!         assert_eq!(msg.phone.as_deref(), Some("5544999999999"));
//!         if let Content::Image(image) = &msg.content {
//!             assert_eq!(image.caption.as_deref(), Some("hello"));
//!         }
//!     }
//!     other => println!("some other callback: {}", other.kind()),
//! }
//! # Ok::<(), zapi_webhooks::ParseError>(())
//! ```

//! # What a payload is
//!
//! [`Callback::kind`] is the one question: it returns a [`PayloadKind`] (the callback type, and
//! for a received message its [`Kind`]), whose `Display` is the snake_case name the CLI, the
//! fixtures and the schemas use (`text`, `message_status`, `unknown`, ...).
//!
//! # Open enums
//!
//! String enums whose values Z-API adds to over time ([`MessageStatus`], [`PresenceStatus`],
//! [`received::NotificationType`], ...) are *open*: a value this crate does not know is kept, as
//! sent, and written back unchanged. The policy (ruma's):
//!
//! * `is_unknown()` says whether the value is one this crate does not know, and `as_str()`
//!   gives the raw string of any value, known or not.
//! * The unknown value is held in a hidden variant whose content has no public API: code cannot
//!   match on a specific unknown string. When a later version names that value, a `match` that
//!   handled it as "unknown" would silently stop seeing it; matching on `as_str()` instead keeps
//!   working, and the named variant can be adopted when the crate names it.
//! * Every open enum is `#[non_exhaustive]`, so a `match` has a `_` arm for values to come.
//!
//! ```
//! use zapi_webhooks::MessageStatus;
//!
//! let status: MessageStatus = serde_json::from_str(r#""DELIVERED_TWICE""#)?;
//! assert!(status.is_unknown());
//! assert_eq!(status.as_str(), "DELIVERED_TWICE");
//! assert_eq!(serde_json::to_string(&status)?, r#""DELIVERED_TWICE""#);
//! let meaning = match status {
//!     MessageStatus::Read => "read",
//!     ref other if other.as_str() == "DELIVERED_TWICE" => "delivered twice",
//!     _ => "something else",
//! };
//! assert_eq!(meaning, "delivered twice");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! The unknown variant's content cannot be read other than through `as_str()`:
//!
//! ```compile_fail,E0308
//! use zapi_webhooks::MessageStatus;
//!
//! let status = MessageStatus::from("DELIVERED_TWICE");
//! let raw: &String = match &status {
//!     MessageStatus::_Unknown(raw) => raw,
//!     _ => unreachable!(),
//! };
//! ```
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `chrono` | yes | `Timestamp::to_utc`, a `chrono::DateTime<Utc>` |
//! | `schema` | no | `JsonSchema` (schemars 1) for every model, and the `schema` module that generates the JSON Schemas (the files under `schemas/` in the repository) |
//! | `validate` | no | implies `schema`; compiled validators: `validate()`, `validator`, `Validator` (the `jsonschema` crate) |
//!
//! Parsing, serializing and the read layer need no feature. A handler that only parses does not
//! compile schemars or jsonschema; a build script that only generates schemas does not compile
//! a validator.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

mod callback;
mod callbacks;
pub mod diagnostics;
mod error;
pub mod handling;
pub mod inspect;
mod mechanism;
pub mod quirks;
mod read;
#[cfg(feature = "schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
pub mod schema;
#[cfg(feature = "validate")]
mod validate;
pub mod webhook_config;

/// Not API (no semver promise): what the repository's own tests check of private machinery on
/// data the crate does not ship (the fixtures).
#[doc(hidden)]
pub mod __private {
    /// Whether the bulk path's fingerprint check holds for `bytes` (see the private
    /// `mechanism::fingerprint`): `Some(true)` when the body and the callback read from it
    /// agree, `Some(false)` when they differ, `None` for bytes that are not a callback.
    pub fn fingerprints_agree(bytes: &[u8]) -> Option<bool> {
        crate::mechanism::fingerprint::agree(bytes)
    }
}

pub use callback::{Callback, CallbackType, PayloadKind};
pub use callbacks::connected::ConnectedCallback;
pub use callbacks::delivery::DeliveryCallback;
pub use callbacks::disconnected::DisconnectedCallback;
pub use callbacks::message_status::{MessageStatus, MessageStatusCallback};
pub use callbacks::presence_chat::{PresenceChatCallback, PresenceStatus};
pub use callbacks::received;
pub use error::{ParseError, ParseErrorKind};
pub use handling::{DedupeKey, Origin};
pub use quirks::{Field, NumberOrString, TimeUnit, Timestamp};
pub use read::{Chat, ChatKind, Media, Sender};
pub use received::{Content, Kind, ReceivedCallback};
#[cfg(feature = "validate")]
#[cfg_attr(docsrs, doc(cfg(feature = "validate")))]
pub use validate::{ValidationIssue, Validator, validate, validator};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
