//! JSON pointer helpers and a `Value` comparison that names where two values differ.

use serde_json::Value;

/// How every message of this workspace shows a JSON pointer: as it is, except the whole payload
/// (`""`), which is shown as `(root)`.
///
/// ```
/// use zapi_webhooks::json_pointer::display;
/// assert_eq!(display(""), "(root)");
/// assert_eq!(display("/text/message"), "/text/message");
/// ```
pub fn display(pointer: &str) -> &str {
    if pointer.is_empty() {
        "(root)"
    } else {
        pointer
    }
}

/// Appends one reference token to a JSON pointer (RFC 6901), escaping `~` and `/`: the one
/// escaping routine of the workspace. Not part of the public API (used by `cargo xtask`).
#[doc(hidden)]
pub fn push(mut pointer: String, token: &str) -> String {
    push_in_place(&mut pointer, token);
    pointer
}

/// [`push`] on a buffer that is reused (callers truncate it back afterwards).
pub(crate) fn push_in_place(pointer: &mut String, token: &str) {
    pointer.reserve(token.len() + 1);
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Where and how two JSON values differ (see [`first_difference`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Difference {
    /// JSON pointer of the first differing place (`""` is the root).
    pub pointer: String,
    /// What differs there: a key dropped or added, or the two values.
    pub description: String,
}

impl Difference {
    /// A difference at `pointer`, described by `description`.
    pub fn new(pointer: impl Into<String>, description: impl Into<String>) -> Difference {
        Difference {
            pointer: pointer.into(),
            description: description.into(),
        }
    }
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", display(&self.pointer), self.description)
    }
}

/// The first place (in key order) where `actual` differs from `expected`, or `None` when they
/// are equal. Numbers compare as serde_json does: `1` and `1.0` differ.
///
/// This is the lossless check: `first_difference(&original, &serde_json::to_value(&parsed)?)`.
///
/// ```
/// use serde_json::json;
/// let diff = zapi_webhooks::json_pointer::first_difference(
///     &json!({"a": {"b": [1, null]}}),
///     &json!({"a": {"b": [1, 0]}}),
/// );
/// assert_eq!(diff.map(|d| d.to_string()).as_deref(), Some("/a/b/1: expected null, found 0"));
/// ```
pub fn first_difference(expected: &Value, actual: &Value) -> Option<Difference> {
    walk(String::new(), expected, actual)
}

fn walk(pointer: String, expected: &Value, actual: &Value) -> Option<Difference> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                let here = push(pointer.clone(), key);
                match a.get(key) {
                    None => {
                        return Some(Difference {
                            pointer: here,
                            description: "key dropped".to_owned(),
                        });
                    }
                    Some(av) => {
                        if let Some(diff) = walk(here, ev, av) {
                            return Some(diff);
                        }
                    }
                }
            }
            a.keys()
                .find(|key| !e.contains_key(*key))
                .map(|key| Difference {
                    pointer: push(pointer.clone(), key),
                    description: "key added".to_owned(),
                })
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .find_map(|(i, (ev, av))| walk(push(pointer.clone(), &i.to_string()), ev, av)),
        (Value::Array(e), Value::Array(a)) => Some(Difference {
            pointer,
            description: format!("array length {} became {}", e.len(), a.len()),
        }),
        _ if expected == actual => None,
        _ => Some(Difference {
            pointer,
            description: format!("expected {expected}, found {actual}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn push_escapes_tilde_and_slash() {
        assert_eq!(super::push("/a".into(), "b/c~d"), "/a/b~1c~0d");
        assert_eq!(super::push(String::new(), ""), "/");
    }
}
