//! Checking one payload: the library's diagnosis ([`zapi_webhooks::inspect`]), with the
//! CLI's own wording for whole inputs that are empty, an array, or several documents.

use zapi_webhooks::inspect::Inspector;
pub use zapi_webhooks::inspect::{Problem, Report};
use zapi_webhooks::schema::Flavor;

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

/// Checks payloads against the models and the schema of one flavour.
#[derive(Debug, Clone, Copy)]
pub struct Checker {
    inspector: Inspector,
}

impl Checker {
    /// A checker giving the verdict of the union schema in `flavor`: from the models alone
    /// ([`Inspector::models_as_schema`]), or, with `run_schema`, from the models and the
    /// compiled JSON Schema validator ([`Inspector::with_schema`]; compiles the validators on
    /// first use, once per process, so call it before starting worker threads).
    pub fn new(flavor: Flavor, run_schema: bool) -> Checker {
        Checker {
            inspector: if run_schema {
                Inspector::with_schema(flavor)
            } else {
                Inspector::models_as_schema(flavor)
            },
        }
    }

    /// Checks one payload given as its raw bytes (one JSON document): the library's
    /// [`Inspector::inspect`], then the CLI's wording for the mistakes of whole inputs.
    ///
    /// `framing` says how the input held the payload. A whole input (not a line of NDJSON)
    /// that is empty, a JSON array, or several JSON documents gets a message that says so and
    /// points to NDJSON where that helps, instead of the parser's.
    pub fn check(&self, bytes: &[u8], framing: Framing) -> Report {
        let whole = framing != Framing::Line;
        let mut report = self.inspector.inspect(bytes);
        if !whole {
            return report;
        }
        let hint = if !report.is_json && input::is_blank(bytes) {
            Some(EMPTY_INPUT)
        } else if !report.is_json && starts_with_two_documents(bytes) {
            Some(several_documents_hint(framing))
        } else if report.is_json && starts_with_array(bytes) {
            // The parser's "invalid type: sequence" hides the likely mistake: many payloads
            // given as one array. Same place (the root), plainer words.
            Some(array_hint(framing))
        } else {
            None
        };
        if let (Some(hint), Some(problem)) = (hint, report.errors.first_mut()) {
            *problem = Problem::new("", hint);
        }
        report
    }
}

/// `true` when the first non-blank byte (after a byte order mark) opens a JSON array.
fn starts_with_array(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[')
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

#[cfg(test)]
mod tests {
    use super::*;
    use zapi_webhooks::CallbackType;

    #[test]
    fn unexpected_value_and_schema_issue_at_the_same_place_count_once() {
        for run_schema in [false, true] {
            unexpected_value_counts_once(Checker::new(Flavor::Permissive, run_schema));
        }
    }

    fn unexpected_value_counts_once(checker: Checker) {
        let report = checker.check(
            br#"{"type":"ReceivedCallback","fromMe":"yes"}"#,
            Framing::File,
        );
        assert!(!report.valid);
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        assert_eq!(report.errors[0].pointer, "/fromMe");
        assert_eq!(report.unexpected.len(), 1);
        assert_eq!(report.unexpected[0].pointer, "/fromMe");
        // Typed all the same: kept verbatim, written back as received.
        assert_eq!(report.lossless, Some(true));
        assert_eq!(report.callback, Some(CallbackType::Received));
        assert_eq!(
            report.kind,
            Some(zapi_webhooks::PayloadKind::Received(
                zapi_webhooks::Kind::Unknown
            ))
        );
    }

    #[test]
    fn not_json_and_not_an_object() {
        let checker = Checker::new(Flavor::Permissive, true);
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
        let checker = Checker::new(Flavor::Permissive, true);
        for (bytes, framing) in [(&b""[..], Framing::File), (b" \r\n\t\n", Framing::Stdin)] {
            let report = checker.check(bytes, framing);
            assert!(!report.is_json);
            assert_eq!(report.errors, [Problem::new("", EMPTY_INPUT)]);
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
        for (flavor, run_schema) in [
            (Flavor::Permissive, false),
            (Flavor::Permissive, true),
            (Flavor::Strict, false),
            (Flavor::Strict, true),
        ] {
            let report = Checker::new(flavor, run_schema)
                .check(br#"{"type":"FutureCallback","a":1}"#, Framing::File);
            assert!(report.valid, "{flavor:?} {run_schema}");
            assert_eq!(report.callback, None);
            assert_eq!(report.kind, Some(zapi_webhooks::PayloadKind::Unknown));
            assert_eq!(report.lossless, Some(true));
            assert_eq!(report.unmodeled, ["/a"]);
        }
    }
}
