//! Tolerant, lossless serde models for the webhooks of [Z-API](https://z-api.io), with JSON
//! Schemas generated from them and a validator.
//!
//! * [`Callback`] is any webhook body: dispatched on `type` to one model per callback, or
//!   [`Callback::Unknown`] with the raw object.
//! * [`ReceivedCallback`] carries a [`Content`] (text, image, reaction, notification, ... or
//!   [`Content::Unknown`]); [`Kind`] names it.
//! * Lossless: every model keeps the keys it does not know in an `extra` map, every field keeps
//!   "absent" apart from `null` ([`Field`]), and every quirk keeps the form it came in
//!   ([`Timestamp`], [`NumberOrString`], open enums with `Unknown(String)`). Serializing a parsed
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
//!     other => println!("some other callback: {}", other.kind_name()),
//! }
//! # Ok::<(), zapi_webhooks::ParseError>(())
//! ```

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

pub use callback::{Callback, CallbackType};
pub use callbacks::connected::ConnectedCallback;
pub use callbacks::delivery::DeliveryCallback;
pub use callbacks::disconnected::DisconnectedCallback;
pub use callbacks::message_status::{MessageStatus, MessageStatusCallback};
pub use callbacks::presence_chat::{PresenceChatCallback, PresenceStatus};
pub use callbacks::received;
pub use error::{ParseError, ParseErrorKind};
pub use handling::{DedupeKey, Origin};
pub use mechanism::field_value::{UnexpectedValue, unexpected_values, unmodeled_pointers};
pub use mechanism::json_pointer;
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
