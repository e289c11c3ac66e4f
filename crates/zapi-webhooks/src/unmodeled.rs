//! Finding what nobody modeled: the JSON pointers of every key kept in an `extra` map.

use serde_json::{Map, Number, Value};

use crate::error::push_token;
use crate::{Callback, Field, NumberOrString, Timestamp};

/// A model that can list the keys it kept without modeling them.
pub trait Unmodeled {
    /// Appends to `out` the JSON pointer of every unmodeled key in `self`, which sits at
    /// `pointer` in the payload.
    fn collect_unmodeled(&self, pointer: &str, out: &mut Vec<String>);
}

/// The JSON pointers (RFC 6901) of every key in `callback` that no model knows, at any depth, in
/// the order they were found. For an unknown callback, every top-level key.
///
/// ```
/// let callback = zapi_webhooks::Callback::from_str(
///     r#"{"type":"ReceivedCallback","brandNew":1,"text":{"message":"hi","shiny":true}}"#,
/// )?;
/// assert_eq!(callback.unmodeled(), ["/text/shiny", "/brandNew"]);
/// # Ok::<(), zapi_webhooks::ParseError>(())
/// ```
pub fn unmodeled_pointers(callback: &Callback) -> Vec<String> {
    let mut out = Vec::new();
    callback.collect_unmodeled("", &mut out);
    out
}

impl Unmodeled for Callback {
    fn collect_unmodeled(&self, pointer: &str, out: &mut Vec<String>) {
        match self {
            Callback::Received(c) => c.collect_unmodeled(pointer, out),
            Callback::Delivery(c) => c.collect_unmodeled(pointer, out),
            Callback::MessageStatus(c) => c.collect_unmodeled(pointer, out),
            Callback::PresenceChat(c) => c.collect_unmodeled(pointer, out),
            Callback::Connected(c) => c.collect_unmodeled(pointer, out),
            Callback::Disconnected(c) => c.collect_unmodeled(pointer, out),
            Callback::Unknown(map) => extra_pointers(map, pointer, out),
        }
    }
}

/// Appends the pointers of the keys of an `extra` map.
pub(crate) fn extra_pointers(map: &Map<String, Value>, pointer: &str, out: &mut Vec<String>) {
    out.extend(map.keys().map(|key| push_token(pointer.to_owned(), key)));
}

impl<T: Unmodeled> Unmodeled for Field<T> {
    fn collect_unmodeled(&self, pointer: &str, out: &mut Vec<String>) {
        if let Field::Present(value) = self {
            value.collect_unmodeled(pointer, out);
        }
    }
}

impl<T: Unmodeled> Unmodeled for Option<T> {
    fn collect_unmodeled(&self, pointer: &str, out: &mut Vec<String>) {
        if let Some(value) = self {
            value.collect_unmodeled(pointer, out);
        }
    }
}

impl<T: Unmodeled> Unmodeled for Vec<T> {
    fn collect_unmodeled(&self, pointer: &str, out: &mut Vec<String>) {
        for (index, item) in self.iter().enumerate() {
            item.collect_unmodeled(&push_token(pointer.to_owned(), &index.to_string()), out);
        }
    }
}

macro_rules! leaf_unmodeled {
    ($($ty:ty),*) => {
        $(
            impl Unmodeled for $ty {
                fn collect_unmodeled(&self, _: &str, _: &mut Vec<String>) {}
            }
        )*
    };
}

// `Value` is a field modeled as "any JSON": nothing inside it counts as unmodeled.
leaf_unmodeled!(String, bool, u64, Number, Value, Timestamp, NumberOrString);
