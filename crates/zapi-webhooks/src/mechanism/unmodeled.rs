//! Finding what nobody modeled: the JSON pointers of every key kept in an `extra` map.

use serde_json::{Map, Number, Value};

use crate::error::push_token;
use crate::{Callback, Field, NumberOrString, Timestamp};

/// A model that can list the keys it kept without modeling them. Crate-private: users reach
/// it through [`Callback::unmodeled`] and [`unmodeled_pointers`].
pub(crate) trait Unmodeled {
    /// `true` for types that never hold unmodeled keys (strings, numbers, open enums, ...):
    /// containers skip them without building their pointer.
    const LEAF: bool = false;

    /// Appends to `out` the JSON pointer of every unmodeled key in `self`, which sits at
    /// `pointer` in the payload. `pointer` is a shared buffer: implementations may push to it
    /// but must leave it as they found it.
    fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>);
}

/// Runs `f` with `token` appended to the pointer buffer, then restores it.
pub(crate) fn with_token<R>(
    pointer: &mut String,
    token: &str,
    f: impl FnOnce(&mut String) -> R,
) -> R {
    let len = pointer.len();
    crate::mechanism::json_pointer::push_in_place(pointer, token);
    let result = f(pointer);
    pointer.truncate(len);
    result
}

/// The JSON pointers (RFC 6901) of every key in `callback` that no model knows, at any depth, in
/// the order they were found. For an unknown callback, every top-level key.
///
/// ```
/// let callback = zapi_webhooks::Callback::from_slice(
///     br#"{"type":"ReceivedCallback","brandNew":1,"text":{"message":"hi","shiny":true}}"#,
/// )?;
/// assert_eq!(callback.unmodeled(), ["/text/shiny", "/brandNew"]);
/// # Ok::<(), zapi_webhooks::ParseError>(())
/// ```
pub fn unmodeled_pointers(callback: &Callback) -> Vec<String> {
    let mut out = Vec::new();
    callback.collect_unmodeled(&mut String::new(), &mut out);
    out
}

impl Unmodeled for Callback {
    fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
        match self {
            Callback::Received(c) => c.collect_unmodeled(pointer, out),
            Callback::Delivery(c) => c.collect_unmodeled(pointer, out),
            Callback::MessageStatus(c) => c.collect_unmodeled(pointer, out),
            Callback::PresenceChat(c) => c.collect_unmodeled(pointer, out),
            Callback::Connected(c) => c.collect_unmodeled(pointer, out),
            Callback::Disconnected(c) => c.collect_unmodeled(pointer, out),
            // `type` was read (to find the callback unknown), so it is not reported.
            Callback::Unknown(map) => out.extend(
                map.keys()
                    .filter(|key| *key != "type")
                    .map(|key| push_token(pointer.clone(), key)),
            ),
        }
    }
}

/// Appends the pointers of the keys of an `extra` map.
pub(crate) fn extra_pointers(map: &Map<String, Value>, pointer: &str, out: &mut Vec<String>) {
    out.extend(map.keys().map(|key| push_token(pointer.to_owned(), key)));
}

impl<T: Unmodeled> Unmodeled for Field<T> {
    const LEAF: bool = T::LEAF;

    fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
        if let Field::Present(value) = self {
            value.collect_unmodeled(pointer, out);
        }
    }
}

impl<T: Unmodeled> Unmodeled for Option<T> {
    const LEAF: bool = T::LEAF;

    fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
        if let Some(value) = self {
            value.collect_unmodeled(pointer, out);
        }
    }
}

impl<T: Unmodeled> Unmodeled for Vec<T> {
    const LEAF: bool = T::LEAF;

    fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
        if T::LEAF {
            return;
        }
        for (index, item) in self.iter().enumerate() {
            with_token(pointer, &index.to_string(), |p| {
                item.collect_unmodeled(p, out)
            });
        }
    }
}

macro_rules! leaf_unmodeled {
    ($($ty:ty),*) => {
        $(
            impl Unmodeled for $ty {
                const LEAF: bool = true;

                fn collect_unmodeled(&self, _: &mut String, _: &mut Vec<String>) {}
            }
        )*
    };
}

// `Value` is a field modeled as "any JSON": nothing inside it counts as unmodeled.
leaf_unmodeled!(String, bool, u64, Number, Value, Timestamp, NumberOrString);
