//! Checking one payload: which callback and kind it is, whether it is schema-valid, whether the
//! model writes it back unchanged, which keys nobody modeled, and what is wrong with it.

use serde_json::Value;
use zapi_webhooks::json_pointer::Difference;
use zapi_webhooks::schema::{Flavor, Target};
use zapi_webhooks::{Callback, CallbackType, ParseError, ParseErrorKind, Validator};

use crate::input;

/// How a payload was framed in its input, which decides the hints its messages get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// One line of an NDJSON input (a `*.ndjson` or `*.jsonl` file, or standard input read
    /// with `--ndjson`).
    Line,
    /// A whole file read as one payload (a `*.json` file, or any file that does not end in
    /// `.ndjson` or `.jsonl`).
    File,
    /// The whole of standard input read as one payload (without `--ndjson`).
    Stdin,
}

/// The message for an input with nothing in it but whitespace (read whole).
pub const EMPTY_INPUT: &str = "the input is empty: expected one JSON object";

/// One thing wrong with a payload.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// JSON pointer (RFC 6901) of the offending value; `""` is the whole payload.
    pub pointer: String,
    /// What is wrong there.
    pub message: String,
}

/// What [`Checker::check`] found out about one payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// `false` when the payload is not JSON at all.
    pub is_json: bool,
    /// The callback: the one the model read, or, when the payload could not be typed (the model
    /// could not read it into its Rust types), the one its `type` names. `None` when the `type`
    /// is no known callback (or missing).
    pub callback: Option<CallbackType>,
    /// The content kind (see [`Callback::kind_name`]), or `None` when the payload could not be
    /// typed.
    pub kind: Option<&'static str>,
    /// `true` when there is no problem: the payload could be typed and the schema accepts it.
    pub valid: bool,
    /// Whether the model writes the payload back as the same JSON value; `None` when the
    /// payload could not be typed, so there was nothing to write back.
    pub lossless: Option<bool>,
    /// When not lossless, where (JSON pointer) and how the model writes the payload back
    /// differently.
    pub lossless_diff: Option<Difference>,
    /// The JSON pointers of the keys that no model knows.
    pub unmodeled: Vec<String>,
    /// Parse errors and schema issues, each with its JSON pointer.
    pub errors: Vec<Problem>,
}

impl Report {
    /// `true` when the payload counts against the exit status: invalid, or not lossless.
    pub fn is_problem(&self) -> bool {
        !self.valid || self.lossless == Some(false)
    }
}

/// Checks payloads against the models and the schema of one flavour.
#[derive(Debug, Clone, Copy)]
pub struct Checker {
    flavor: Flavor,
    validator: &'static Validator,
}

impl Checker {
    /// A checker for the union schema in `flavor`. Compiles the validators on first use (once
    /// per process), so call it before starting worker threads.
    pub fn new(flavor: Flavor) -> Checker {
        Checker {
            flavor,
            validator: zapi_webhooks::validator(Target::Any),
        }
    }

    /// Checks one payload given as its raw bytes (one JSON document).
    ///
    /// The bytes are parsed once into a `serde_json::Value`, which feeds the schema validator
    /// and the lossless comparison, and the typed [`Callback`] is read from that value (see
    /// [`Callback::from_value`]). Only when that fails are the bytes parsed again by
    /// [`Callback::from_slice`], so that the error (pointer, message, line and column) is
    /// exactly the library's. The lossless check compares the model's serialization with the
    /// value as it goes (see [`Callback::lossless_difference`]).
    ///
    /// `framing` says how the input held the payload. A whole input (not a line of NDJSON)
    /// that is empty, a JSON array, or several JSON documents gets a message that says so and
    /// points to NDJSON where that helps, instead of the parser's.
    pub fn check(&self, bytes: &[u8], framing: Framing) -> Report {
        let value: Value = match serde_json::from_slice(bytes) {
            Ok(value) => value,
            Err(json_error) => return not_json(bytes, &json_error, framing),
        };

        let mut errors = Vec::new();
        let parsed = match Callback::from_value(&value) {
            Ok(callback) => Some(callback),
            // Rare path: re-read the bytes for the library's own located error. Reading the
            // bytes can succeed where reading the value failed only when a key is repeated
            // (the value keeps the last one); the typed reading of the bytes then wins.
            Err(_) => match Callback::from_slice(bytes) {
                Ok(callback) => Some(callback),
                Err(error) => {
                    errors.push(problem_of(&error));
                    None
                }
            },
        };

        if value.is_array() && framing != Framing::Line {
            // The parser's "invalid type: sequence" hides the likely mistake: many payloads
            // given as one array. Same place (the root), plainer words.
            if let Some(problem) = errors.first_mut() {
                problem.message = array_hint(framing).to_owned();
            }
        }

        if let Err(issues) = self.validator.validate(&value, self.flavor) {
            let parse_pointer = errors.first().map(|p: &Problem| p.pointer.clone());
            for issue in issues {
                if issue.unmodeled.is_empty() {
                    // The parse error already speaks for its value; the schema's wording of the
                    // same mistake would only repeat it.
                    if parse_pointer.as_deref() == Some(issue.instance_pointer.as_str()) {
                        continue;
                    }
                    push_unique(
                        &mut errors,
                        Problem {
                            pointer: issue.instance_pointer,
                            message: issue.message,
                        },
                    );
                } else {
                    for pointer in issue.unmodeled {
                        push_unique(
                            &mut errors,
                            Problem {
                                pointer,
                                message: "unmodeled key: no model knows it (rejected by --strict)"
                                    .to_owned(),
                            },
                        );
                    }
                }
            }
        }

        let valid = errors.is_empty();
        match parsed {
            // The payload could not be typed, but its `type` may still name the callback it
            // tried.
            None => Report {
                is_json: true,
                callback: value
                    .get("type")
                    .and_then(Value::as_str)
                    .and_then(CallbackType::from_type_value),
                kind: None,
                valid,
                lossless: None,
                lossless_diff: None,
                unmodeled: Vec::new(),
                errors,
            },
            Some(callback) => {
                let lossless_diff = callback.lossless_difference(&value);
                Report {
                    is_json: true,
                    callback: callback.callback_type(),
                    kind: Some(callback.kind_name()),
                    valid,
                    lossless: Some(lossless_diff.is_none()),
                    lossless_diff,
                    unmodeled: callback.unmodeled(),
                    errors,
                }
            }
        }
    }
}

/// The message for a whole input holding a JSON array.
fn array_hint(framing: Framing) -> &'static str {
    match framing {
        Framing::Stdin => {
            "a JSON array: each webhook is one JSON object; for a capture of many payloads use \
             NDJSON (one object per line) with --ndjson"
        }
        Framing::File | Framing::Line => {
            "a JSON array: each webhook is one JSON object; for a capture of many payloads use \
             NDJSON (one object per line) in a .ndjson or .jsonl file"
        }
    }
}

/// The message for a whole input holding several JSON documents, one after another.
fn several_documents_hint(framing: Framing) -> &'static str {
    match framing {
        Framing::Stdin => "several JSON documents: use --ndjson to read one payload per line",
        Framing::File | Framing::Line => {
            "several JSON documents: give the file a .ndjson or .jsonl extension to read one \
             payload per line"
        }
    }
}

/// `true` when `bytes` start with two complete JSON documents (what serde_json calls "trailing
/// characters" after the first).
fn starts_with_two_documents(bytes: &[u8]) -> bool {
    let mut documents =
        serde_json::Deserializer::from_slice(bytes).into_iter::<serde::de::IgnoredAny>();
    matches!(
        (documents.next(), documents.next()),
        (Some(Ok(_)), Some(Ok(_)))
    )
}

/// The report of bytes that are not JSON at all (or not one JSON document).
fn not_json(bytes: &[u8], json_error: &serde_json::Error, framing: Framing) -> Report {
    let whole = framing != Framing::Line;
    let problem = if whole && input::is_blank(bytes) {
        Problem {
            pointer: String::new(),
            message: EMPTY_INPUT.to_owned(),
        }
    } else if whole && starts_with_two_documents(bytes) {
        Problem {
            pointer: String::new(),
            message: several_documents_hint(framing).to_owned(),
        }
    } else {
        match Callback::from_slice(bytes) {
            Err(error) => problem_of(&error),
            // Cannot happen (what is not JSON is no callback), but never trust that blindly.
            Ok(_) => Problem {
                pointer: String::new(),
                message: json_error.to_string(),
            },
        }
    };
    Report {
        is_json: false,
        callback: None,
        kind: None,
        valid: false,
        lossless: None,
        lossless_diff: None,
        unmodeled: Vec::new(),
        errors: vec![problem],
    }
}

/// A parse error as a problem. Syntax errors (and truncated input) keep their line and
/// column, which say more than the pointer of the value being read.
fn problem_of(error: &ParseError) -> Problem {
    let message = match error.kind() {
        ParseErrorKind::Syntax | ParseErrorKind::Eof if error.line() > 0 => format!(
            "{} (line {}, column {})",
            error.message(),
            error.line(),
            error.column()
        ),
        _ => error.message().to_owned(),
    };
    Problem {
        pointer: error.pointer().to_owned(),
        message,
    }
}

fn push_unique(errors: &mut Vec<Problem>, problem: Problem) {
    if !errors.contains(&problem) {
        errors.push(problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_error_and_schema_issue_at_the_same_place_count_once() {
        let checker = Checker::new(Flavor::Permissive);
        let report = checker.check(
            br#"{"type":"ReceivedCallback","fromMe":"yes"}"#,
            Framing::File,
        );
        assert!(!report.valid);
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        assert_eq!(report.errors[0].pointer, "/fromMe");
        assert_eq!(report.lossless, None);
        assert_eq!(report.callback, Some(CallbackType::Received));
        assert_eq!(report.kind, None);
    }

    #[test]
    fn strict_names_each_unmodeled_key() {
        let body = br#"{"type":"ReceivedCallback","text":{"message":"hi","shiny":1},"brandNew":1}"#;
        let permissive = Checker::new(Flavor::Permissive).check(body, Framing::File);
        assert!(permissive.valid);
        assert_eq!(permissive.lossless, Some(true));
        assert_eq!(permissive.unmodeled, ["/text/shiny", "/brandNew"]);
        let strict = Checker::new(Flavor::Strict).check(body, Framing::File);
        assert!(!strict.valid);
        let mut pointers: Vec<_> = strict.errors.iter().map(|p| p.pointer.as_str()).collect();
        pointers.sort_unstable();
        assert_eq!(pointers, ["/brandNew", "/text/shiny"]);
    }

    #[test]
    fn not_json_and_not_an_object() {
        let checker = Checker::new(Flavor::Permissive);
        let report = checker.check(b"{nope", Framing::File);
        assert!(!report.valid);
        assert_eq!(report.callback, None);
        assert_eq!(report.errors.len(), 1);
        let report = checker.check(b"[1, 2]", Framing::File);
        assert!(!report.valid);
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        assert_eq!(report.errors[0].pointer, "");
        let report = checker.check(
            br#"{"type":"ReceivedCallback","text":{"message":"hi"}"#,
            Framing::File,
        );
        assert_eq!(report.errors[0].pointer, "", "{:?}", report.errors);
        assert!(report.errors[0].message.contains("line 1"));
    }

    #[test]
    fn whole_inputs_get_plain_messages() {
        let checker = Checker::new(Flavor::Permissive);
        for (bytes, framing) in [(&b""[..], Framing::File), (b" \r\n\t\n", Framing::Stdin)] {
            let report = checker.check(bytes, framing);
            assert!(!report.is_json);
            assert_eq!(
                report.errors,
                [Problem {
                    pointer: String::new(),
                    message: EMPTY_INPUT.to_owned(),
                }]
            );
        }

        let report = checker.check(br#"[{"type":"DeliveryCallback"}]"#, Framing::Stdin);
        assert!(report.is_json);
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        assert_eq!(report.errors[0].pointer, "");
        assert_eq!(report.errors[0].message, array_hint(Framing::Stdin));

        let report = checker.check(b"{\"a\":1}\n{\"b\":2}\n", Framing::File);
        assert!(!report.is_json);
        assert_eq!(report.errors[0].pointer, "");
        assert_eq!(
            report.errors[0].message,
            several_documents_hint(Framing::File)
        );

        // Trailing garbage is not a second document: the parser's message stays.
        let report = checker.check(b"{\"a\":1} xyz", Framing::File);
        assert!(
            report.errors[0].message.starts_with("trailing characters"),
            "{:?}",
            report.errors
        );

        // A line of NDJSON keeps the parser's wording: the hints would point where it already is.
        let report = checker.check(b"[1, 2]", Framing::Line);
        assert!(
            report.errors[0]
                .message
                .starts_with("invalid type: sequence"),
            "{:?}",
            report.errors
        );
    }

    #[test]
    fn unknown_callback_is_valid_with_kind_unknown() {
        let report = Checker::new(Flavor::Permissive)
            .check(br#"{"type":"FutureCallback","a":1}"#, Framing::File);
        assert!(report.valid);
        assert_eq!(report.callback, None);
        assert_eq!(report.kind, Some("unknown"));
        assert_eq!(report.lossless, Some(true));
    }
}
