//! [`ParseError`]: what went wrong, and where, when a body is not a valid callback.

use std::fmt;

/// Why a body could not be parsed as a [`crate::Callback`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The bytes are not JSON (or not UTF-8).
    Syntax,
    /// The body ended in the middle of a value (this includes an empty body).
    Eof,
    /// Valid JSON, but not a callback: a body that is not a JSON object (an array, a string,
    /// ...), or, from [`crate::Callback::from_slice_strict`] only, a value of an unexpected
    /// JSON type such as `"fromMe": "yes"`.
    Data,
}

/// A body that is not a callback (not JSON, not a JSON object, nested beyond serde_json's
/// recursion limit), or, from the strict parse, a value of an unexpected JSON type: where
/// ([`ParseError::pointer`], a JSON pointer, plus line and column when known) and what
/// (expected vs found, in [`ParseError::message`]).
///
/// ```
/// use zapi_webhooks::Callback;
/// let err = Callback::from_slice(br#"{"type":"ReceivedCallback","phone":}"#).unwrap_err();
/// assert_eq!(err.pointer(), "/phone");
/// assert_eq!((err.line(), err.column()), (1, 36));
///
/// let err = Callback::from_slice_strict(br#"{"type":"ReceivedCallback","fromMe":"yes"}"#)
///     .unwrap_err();
/// assert_eq!(err.pointer(), "/fromMe");
/// assert!(err.message().contains("expected a boolean"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    kind: ParseErrorKind,
    pointer: String,
    message: String,
    line: usize,
    column: usize,
}

impl ParseError {
    /// Re-reads `bytes` with path tracking to build the error. Only called once a plain parse
    /// has failed, so the happy path pays nothing for it.
    pub(crate) fn locate<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<ParseError> {
        crate::mechanism::object::forget_failed_entry();
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let err = match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(_) => match de.end() {
                Ok(()) => return None,
                Err(err) => return Some(Self::from_json(String::new(), err)),
            },
            Err(err) => err,
        };
        let pointer = pointer_of(err.path());
        Some(Self::from_json(pointer, err.into_inner()))
    }

    /// The error of a failed parse: `pointer` is where the deserializer was (its path), and
    /// the pointer of a failed buffered entry, if that is what failed, is appended to it.
    pub(crate) fn from_json(mut pointer: String, err: serde_json::Error) -> ParseError {
        let kind = match err.classify() {
            serde_json::error::Category::Eof => ParseErrorKind::Eof,
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
                ParseErrorKind::Syntax
            }
            serde_json::error::Category::Data => ParseErrorKind::Data,
        };
        let (line, column) = (err.line(), err.column());
        let mut message = err.to_string();
        let suffix = format!(" at line {line} column {column}");
        if line > 0 && message.ends_with(&suffix) {
            message.truncate(message.len() - suffix.len());
        }
        // Values moved to another model when `type` is read (see `Callback::moved_to`) fail
        // after their own path was left: their pointer comes beside the error, as a value.
        if let Some(inner) = crate::mechanism::object::take_failed_entry() {
            pointer.push_str(&inner);
        }
        ParseError {
            kind,
            pointer,
            message,
            line,
            column,
        }
    }

    /// The strict parse's error for a value of an unexpected JSON type.
    pub(crate) fn unexpected(value: &crate::diagnostics::UnexpectedValue) -> ParseError {
        ParseError {
            kind: ParseErrorKind::Data,
            pointer: value.pointer.clone(),
            message: value.message(),
            line: 0,
            column: 0,
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// JSON pointer (RFC 6901) of the offending value; `""` is the whole body.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// What was expected and what was found.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// 1-based line of the error in the body (0 when unknown).
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column of the error in the body (0 when unknown).
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = crate::diagnostics::display(&self.pointer);
        write!(f, "at {pointer}: {}", self.message)?;
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

pub(crate) use crate::diagnostics::push as push_token;

/// The JSON pointer of a `serde_path_to_error` path.
pub(crate) fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .fold(String::new(), |pointer, segment| match segment {
            Segment::Seq { index } => push_token(pointer, &index.to_string()),
            Segment::Map { key } => push_token(pointer, key),
            Segment::Enum { variant } => push_token(pointer, variant),
            // A key not read yet (a body cut off after a value): name the parent.
            Segment::Unknown => pointer,
        })
}

#[cfg(test)]
mod tests {
    use serde::de::Error as _;

    use super::ParseError;
    use crate::mechanism::object::{EntryError, forget_failed_entry};

    /// The pointer of a failed buffered entry reaches `ParseError` as a value: the message,
    /// whatever characters it holds (backticks, "at `...`: " itself), is kept as it is.
    #[test]
    fn an_entry_error_keeps_its_pointer_and_any_message() {
        for message in [
            "invalid type: string \"a`b\", expected `x`",
            "at `/elsewhere`: not a pointer to take",
            "`",
            "",
        ] {
            forget_failed_entry();
            let err: serde_json::Error = EntryError {
                pointer: "/text/message".to_owned(),
                message: message.to_owned(),
            }
            .into_de();
            let parsed = ParseError::from_json("/outer".to_owned(), err);
            assert_eq!(parsed.pointer(), "/outer/text/message", "{message}");
            assert_eq!(parsed.message(), message);
        }
    }

    /// A message that merely looks like "at `pointer`: ..." is not read as a pointer.
    #[test]
    fn a_message_is_never_parsed_for_a_pointer() {
        forget_failed_entry();
        let err = serde_json::Error::custom("at `/fake`: looks like a pointer");
        let parsed = ParseError::from_json(String::new(), err);
        assert_eq!(parsed.pointer(), "");
        assert_eq!(parsed.message(), "at `/fake`: looks like a pointer");
    }

    /// The pointer is taken once: the next error does not inherit it.
    #[test]
    fn an_entry_pointer_is_used_once() {
        forget_failed_entry();
        let err: serde_json::Error = EntryError {
            pointer: "/a".to_owned(),
            message: "bad".to_owned(),
        }
        .into_de();
        assert_eq!(ParseError::from_json(String::new(), err).pointer(), "/a");
        let next = ParseError::from_json(String::new(), serde_json::Error::custom("other"));
        assert_eq!(next.pointer(), "");
    }
}
