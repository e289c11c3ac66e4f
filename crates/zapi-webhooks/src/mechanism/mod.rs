//! The machinery every model is built with, kept apart from the models themselves.
//!
//! The callbacks (`crate::callbacks`) only declare their JSON keys and field types; everything
//! that makes them tolerant, lossless and fast lives here:
//!
//! * `callback_types`: `callback_types!`, which turns the table of callback types (in
//!   `crate::callback`) into `CallbackType`, `Callback` and its dispatch, and `CallbackModel`,
//!   what each callback model says about itself.
//! * `macros`: `lossless_object!` (an object model: typed fields plus an `extra` map) and
//!   `open_enum!` (a string enum that keeps unseen values), the two macros every model is
//!   written with, and `content_kinds!`, which turns `ReceivedCallback`'s table of content keys
//!   into `Content` and `Kind`.
//! * `object`: the single-pass object visitor behind every model's `Deserialize` and
//!   `Serialize`, and the helpers for its JSON Schema.
//! * `field_value`: [`crate::quirks::FieldValue`], what every field type knows about itself:
//!   how to be read tolerantly (a value of an unexpected JSON type is kept, never an error),
//!   and how to list unmodeled keys and unexpected values (public results in
//!   [`crate::diagnostics`]).
//! * `read_value`: reading a [`crate::Callback`] out of an already-parsed `serde_json::Value`,
//!   `type` first.
//! * `lossless`: the allocation-free check that a callback serializes back to its input.
//! * `fingerprint`: the same check from the body's bytes, without a JSON tree (bulk checks).
//!
//! The quirk types the models use as field types (`Field`, `Timestamp`, `NumberOrString`) are
//! in [`crate::quirks`].

pub(crate) mod callback_types;
pub(crate) mod field_value;
pub(crate) mod fingerprint;
pub(crate) mod lossless;
pub(crate) mod macros;
pub(crate) mod object;
pub(crate) mod read_value;
