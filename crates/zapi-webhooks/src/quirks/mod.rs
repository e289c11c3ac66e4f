//! The quirks of Z-API payloads, each one a type.
//!
//! | quirk | type |
//! |---|---|
//! | a documented field may be missing or `null`, and both must survive a round trip | [`Field`] |
//! | `momment` & co. arrive as integers (seconds or milliseconds) or digit strings | [`Timestamp`] |
//! | `pageCount` is documented as a string and arrives as a number | [`NumberOrString`] |
//! | string enums gain values over time (`READ_BY_ME`, new notifications, ...) | open enums such as [`crate::MessageStatus`]: an unseen value is kept, `is_unknown()`, read with `as_str()` |
//! | fields nobody modeled yet | every object keeps them in its `extra` map |
//! | `ReceivedCallBack` spelled with a capital B | [`crate::CallbackType::from_type_value`] accepts both spellings for every callback |

mod field;
mod number_or_string;
mod scalar;
mod timestamp;

pub use crate::mechanism::field_value::FieldValue;
pub use field::Field;
pub use number_or_string::NumberOrString;
pub use timestamp::{MILLIS_THRESHOLD, TimeUnit, Timestamp};
