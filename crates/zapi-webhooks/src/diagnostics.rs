//! Diagnostics: what a payload holds that the models did not expect, and where.
//!
//! * [`UnexpectedValue`]: a value kept although its JSON type is not the model's, listed by
//!   [`crate::Callback::unexpected`]; the keys no model knows are listed, as JSON pointers, by
//!   [`crate::Callback::unmodeled`].
//! * [`Difference`], [`first_difference`], [`differences`]: where two JSON values differ, by
//!   JSON pointer (the lossless check, [`crate::Callback::lossless_difference`], reports one).
//! * [`display`]: how every message of the workspace shows a JSON pointer.

use std::borrow::Cow;

use serde_json::Value;

/// A value a model kept although its JSON type is not the one the model expects there (a
/// string where a boolean belongs, a number where an object belongs, ...): the value is kept
/// verbatim in the payload, and the field reads as no value ([`crate::Field::Unexpected`]).
///
/// [`crate::Callback::unexpected`] lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnexpectedValue {
    /// JSON pointer (RFC 6901) of the value.
    pub pointer: String,
    /// What the model expected there, e.g. `a boolean`.
    pub expected: Cow<'static, str>,
    /// What was found, e.g. `string "true"`.
    pub found: String,
}

impl UnexpectedValue {
    /// What is wrong, in serde's words: `invalid type: string "true", expected a boolean`.
    pub fn message(&self) -> String {
        format!("invalid type: {}, expected {}", self.found, self.expected)
    }
}

/// The pointer, then the message: `/fromMe: invalid type: ...`.
impl std::fmt::Display for UnexpectedValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", display(&self.pointer), self.message())
    }
}

/// How every message of this workspace shows a JSON pointer: as it is, except the whole payload
/// (`""`), which is shown as `(root)`.
///
/// ```
/// use zapi_webhooks::diagnostics::display;
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

/// Appends one reference token to a JSON pointer (RFC 6901), escaping `~` as `~0` and `/` as
/// `~1`: the one escaping routine of the workspace.
///
/// ```
/// use zapi_webhooks::diagnostics::push;
/// assert_eq!(push("/text".to_owned(), "a/b~c"), "/text/a~1b~0c");
/// ```
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

/// Where and how two JSON values differ (see [`first_difference`] and [`differences`]).
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
/// let diff = zapi_webhooks::diagnostics::first_difference(
///     &json!({"a": {"b": [1, null]}}),
///     &json!({"a": {"b": [1, 0]}}),
/// );
/// assert_eq!(diff.map(|d| d.to_string()).as_deref(), Some("/a/b/1: expected null, found 0"));
/// ```
pub fn first_difference(expected: &Value, actual: &Value) -> Option<Difference> {
    let mut out = Vec::new();
    walk(String::new(), expected, actual, &mut out, false);
    out.pop()
}

/// Every place where `actual` differs from `expected`, in key order: like
/// [`first_difference`], going on after each one. Empty when they are equal.
///
/// ```
/// use serde_json::json;
/// let found: Vec<String> = zapi_webhooks::diagnostics::differences(
///     &json!({"a": 1, "b": [true], "c": "x"}),
///     &json!({"a": 2, "b": [true, false], "d": null}),
/// )
/// .iter()
/// .map(ToString::to_string)
/// .collect();
/// assert_eq!(found, [
///     "/a: expected 1, found 2",
///     "/b: array length 1 became 2",
///     "/c: key dropped",
///     "/d: key added",
/// ]);
/// ```
pub fn differences(expected: &Value, actual: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(String::new(), expected, actual, &mut out, true);
    out
}

/// Appends the differences under `pointer` to `out`; with `all` false, stops at the first.
/// Returns `true` when it stopped (so the callers stop too).
fn walk(
    pointer: String,
    expected: &Value,
    actual: &Value,
    out: &mut Vec<Difference>,
    all: bool,
) -> bool {
    let found = |out: &mut Vec<Difference>, pointer: String, description: String| {
        out.push(Difference {
            pointer,
            description,
        });
        !all
    };
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                let here = push(pointer.clone(), key);
                let stop = match a.get(key) {
                    None => found(out, here, "key dropped".to_owned()),
                    Some(av) => walk(here, ev, av, out, all),
                };
                if stop {
                    return true;
                }
            }
            for key in a.keys().filter(|key| !e.contains_key(*key)) {
                if found(out, push(pointer.clone(), key), "key added".to_owned()) {
                    return true;
                }
            }
            false
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .any(|(i, (ev, av))| walk(push(pointer.clone(), &i.to_string()), ev, av, out, all)),
        (Value::Array(e), Value::Array(a)) => found(
            out,
            pointer,
            format!("array length {} became {}", e.len(), a.len()),
        ),
        _ if expected == actual => false,
        _ => found(out, pointer, format!("expected {expected}, found {actual}")),
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
