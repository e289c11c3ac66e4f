//! "What is this payload?": one diagnosis of a webhook body, shared by the CLI, the receiver
//! and the tests.
//!
//! [`Inspector::inspect`] answers, for one body: is it JSON, which callback and kind it is,
//! whether the models could type it, whether writing the model back gives the same JSON
//! (lossless, and where it differs if not), which keys no model knows (their JSON pointers),
//! which values it kept although their JSON type is not the one the models expect, and every
//! problem with its pointer: the models' parse error or unexpected values and, with the
//! `validate` feature and a schema flavour, the schema's issues.
//!
//! ```
//! use zapi_webhooks::inspect::Inspector;
//!
//! let report = Inspector::models_only()
//!     .inspect(br#"{"type":"ReceivedCallback","text":{"message":"hi"},"brandNew":1}"#);
//! assert_eq!(report.kind.map(|kind| kind.to_string()).as_deref(), Some("text"));
//! assert_eq!(report.lossless, Some(true));
//! assert_eq!(report.unmodeled, ["/brandNew"]);
//! assert!(report.valid);
//!
//! let bad = Inspector::models_only().inspect(br#"{"type":"ReceivedCallback","fromMe":"yes"}"#);
//! assert!(!bad.valid);
//! assert_eq!(bad.errors[0].pointer, "/fromMe");
//! ```

use serde_json::Value;

use crate::diagnostics::Difference;
use crate::{Callback, CallbackType, ParseError, ParseErrorKind, PayloadKind};

/// One thing wrong with a payload.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Problem {
    /// JSON pointer (RFC 6901) of the offending value; `""` is the whole payload.
    pub pointer: String,
    /// What is wrong there: what was expected and what was found.
    pub message: String,
}

impl Problem {
    /// A problem at `pointer`.
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            pointer: pointer.into(),
            message: message.into(),
        }
    }
}

impl From<&ParseError> for Problem {
    /// The parse error's pointer and message; syntax errors and truncated input keep their line
    /// and column, which say more than the pointer of the value being read.
    fn from(error: &ParseError) -> Problem {
        let message = match error.kind() {
            ParseErrorKind::Syntax | ParseErrorKind::Eof if error.line() > 0 => format!(
                "{} (line {}, column {})",
                error.message(),
                error.line(),
                error.column()
            ),
            _ => error.message().to_owned(),
        };
        Problem::new(error.pointer(), message)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}",
            crate::diagnostics::display(&self.pointer),
            self.message
        )
    }
}

/// What [`Inspector::inspect`] found out about one payload.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Report {
    /// `false` when the body is not one JSON document.
    pub is_json: bool,
    /// The callback: the one the models typed, or, when they could not, the one its `type`
    /// names. `None` for an unknown or missing `type`.
    pub callback: Option<CallbackType>,
    /// What the typed callback is ([`Callback::kind`]); `None` when it could not be typed.
    pub kind: Option<PayloadKind>,
    /// `true` when there is no problem: the models type the payload with no unexpected value
    /// (and the schema, if one was asked for, accepts it).
    pub valid: bool,
    /// Whether the model writes the payload back as the same JSON value; `None` when it could
    /// not be typed.
    pub lossless: Option<bool>,
    /// When not lossless, where and how the model writes it back differently.
    pub lossless_diff: Option<Difference>,
    /// The JSON pointers of the keys that no model knows.
    pub unmodeled: Vec<String>,
    /// The values kept although their JSON type is not the one the models expect (see
    /// [`Callback::unexpected`]); each is also one of [`Report::errors`].
    pub unexpected: Vec<crate::diagnostics::UnexpectedValue>,
    /// The parse error and the schema issues, each with its JSON pointer.
    pub errors: Vec<Problem>,
    /// The typed callback, when the models could type the payload: what a handler works with.
    pub model: Option<Callback>,
}

impl Report {
    /// `true` when the payload is invalid or not lossless.
    pub fn is_problem(&self) -> bool {
        !self.valid || self.lossless == Some(false)
    }

    /// The report of a body that is not JSON (or not one JSON document), with `problem` as its
    /// only error.
    pub fn not_json(problem: Problem) -> Report {
        Report {
            is_json: false,
            callback: None,
            kind: None,
            valid: false,
            lossless: None,
            lossless_diff: None,
            unmodeled: Vec::new(),
            unexpected: Vec::new(),
            errors: vec![problem],
            model: None,
        }
    }
}

/// Runs the diagnosis: the models always, a compiled schema when asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inspector {
    #[cfg(feature = "validate")]
    schema: Option<(&'static crate::Validator, crate::schema::Flavor)>,
    /// [`Inspector::models_as_schema`]: read typed bodies straight from their bytes, and run
    /// the schema (if any) only on a known callback with unmodeled keys.
    models_first: bool,
}

impl Inspector {
    /// Checks payloads against the models only.
    pub fn models_only() -> Inspector {
        Inspector::default()
    }

    /// Gives the verdict of the union schema (`callback.schema.json`) in `flavor`, as
    /// [`Inspector::with_schema`] does, running the schema validator only where the models
    /// cannot answer for it. The permissive schema accepts exactly the payloads the models
    /// type with no unexpected value (the agreement the crate's property tests check on
    /// generated mutants of every fixture), so in that flavour no validator runs. The strict
    /// schema also rejects keys it does not describe; the models know that a payload without
    /// unmodeled keys has none, but not every key they call unmodeled is one the schema rejects
    /// (a documented content key sent as `null`, for one), so the validator runs on a known
    /// callback with unmodeled keys, and only there. The models also read typed bodies straight
    /// from their bytes, and check the round trip without building a JSON tree: the bulk path.
    ///
    /// [`Report::valid`] and everything but [`Report::errors`] are as from
    /// [`Inspector::with_schema`]; the errors are the models' problems, plus the schema's where
    /// it ran, and may lack the schema's own wording of issues the models already reject.
    ///
    /// ```
    /// use zapi_webhooks::inspect::Inspector;
    /// use zapi_webhooks::schema::Flavor;
    ///
    /// let body = br#"{"type":"ReceivedCallback","brandNew":1}"#;
    /// assert!(Inspector::models_as_schema(Flavor::Permissive).inspect(body).valid);
    /// let strict = Inspector::models_as_schema(Flavor::Strict).inspect(body);
    /// assert!(!strict.valid);
    /// assert_eq!(strict.errors[0].pointer, "/brandNew");
    /// ```
    #[cfg(feature = "validate")]
    #[cfg_attr(docsrs, doc(cfg(feature = "validate")))]
    pub fn models_as_schema(flavor: crate::schema::Flavor) -> Inspector {
        match flavor {
            crate::schema::Flavor::Permissive => Inspector {
                schema: None,
                models_first: true,
            },
            _ => Inspector {
                models_first: true,
                ..Inspector::with_schema(flavor)
            },
        }
    }

    /// Checks payloads against the models and the union schema (`callback.schema.json`) in
    /// `flavor`. Compiles the validators on first use (once per process).
    #[cfg(feature = "validate")]
    #[cfg_attr(docsrs, doc(cfg(feature = "validate")))]
    pub fn with_schema(flavor: crate::schema::Flavor) -> Inspector {
        Inspector {
            schema: Some((crate::validator(crate::schema::Target::Any), flavor)),
            models_first: false,
        }
    }

    /// Inspects one body (one JSON document).
    pub fn inspect(&self, bytes: &[u8]) -> Report {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if self.models_first {
            if let Some(report) = self.inspect_typed_bytes(bytes) {
                return report;
            }
        }
        match serde_json::from_slice::<Value>(bytes) {
            Ok(value) => self.inspect_value(&value, Some(bytes)),
            Err(json_error) => Report::not_json(match Callback::from_slice(bytes) {
                Err(error) => Problem::from(&error),
                // Cannot happen (what is not JSON is no callback); never trust that blindly.
                Ok(_) => Problem::new("", json_error.to_string()),
            }),
        }
    }

    /// The bulk path of [`Inspector::models_as_schema`]: the models read the bytes directly
    /// and the lossless check compares fingerprints (see `mechanism::fingerprint`), with no
    /// JSON tree built. `None` (then [`Inspector::inspect`] takes the path through a
    /// `Value`, which gives the same report) when the models cannot type the body, or when
    /// the fingerprints do not show it lossless, so that the exact check names the difference.
    fn inspect_typed_bytes(&self, bytes: &[u8]) -> Option<Report> {
        // UTF-8 checked once, for the parse and the fingerprint both.
        let text = std::str::from_utf8(bytes).ok()?;
        let callback = Callback::from_text(text).ok()?;
        let unmodeled = callback.unmodeled();
        if self.needs_schema(Some((&callback, &unmodeled))) {
            return None;
        }
        let body = crate::mechanism::fingerprint::of_text(text)?;
        if crate::mechanism::fingerprint::of_model(&callback) != Some(body) {
            return None;
        }
        Some(self.typed_report(callback, unmodeled, None, Vec::new(), |_| {}))
    }

    /// The report of a typed callback: its unexpected values are problems after `errors`,
    /// then `schema` adds its own.
    fn typed_report(
        &self,
        callback: Callback,
        unmodeled: Vec<String>,
        lossless_diff: Option<Difference>,
        mut errors: Vec<Problem>,
        schema: impl FnOnce(&mut Vec<Problem>),
    ) -> Report {
        let unexpected = callback.unexpected();
        errors.extend(
            unexpected
                .iter()
                .map(|u| Problem::new(u.pointer.clone(), u.message())),
        );
        schema(&mut errors);
        Report {
            is_json: true,
            callback: callback.kind().callback_type(),
            kind: Some(callback.kind()),
            valid: errors.is_empty(),
            lossless: Some(lossless_diff.is_none()),
            lossless_diff,
            unmodeled,
            unexpected,
            errors,
            model: Some(callback),
        }
    }

    /// Inspects an already-parsed body. `bytes`, when given, are the body it was parsed from:
    /// a payload the models cannot type is then read again from them, so that its error
    /// carries a line and column, and so that repeated keys are judged as in
    /// [`Callback::from_slice`].
    pub fn inspect_value(&self, value: &Value, bytes: Option<&[u8]>) -> Report {
        let mut errors = Vec::new();
        let parsed = match Callback::from_value(value) {
            Ok(callback) => Some(callback),
            Err(value_error) => match bytes.map(Callback::from_slice) {
                Some(Ok(callback)) => Some(callback),
                Some(Err(error)) => {
                    errors.push(Problem::from(&error));
                    None
                }
                None => {
                    errors.push(Problem::from(&value_error));
                    None
                }
            },
        };
        match parsed {
            None => {
                if self.needs_schema(None) {
                    self.schema_problems(value, &mut errors);
                }
                Report {
                    is_json: true,
                    callback: value
                        .get("type")
                        .and_then(Value::as_str)
                        .and_then(CallbackType::from_type_value),
                    kind: None,
                    valid: errors.is_empty(),
                    lossless: None,
                    lossless_diff: None,
                    unmodeled: Vec::new(),
                    unexpected: Vec::new(),
                    errors,
                    model: None,
                }
            }
            Some(callback) => {
                let lossless_diff = callback.lossless_difference(value);
                let unmodeled = callback.unmodeled();
                let needs_schema = self.needs_schema(Some((&callback, &unmodeled)));
                self.typed_report(callback, unmodeled, lossless_diff, errors, |errors| {
                    if needs_schema {
                        self.schema_problems(value, errors);
                    }
                })
            }
        }
    }

    /// Whether the schema (if any) must run on a payload the models typed as `callback`, given
    /// its unmodeled keys (or could not type: `None`): always, but for
    /// [`Inspector::models_as_schema`] only on a known
    /// callback with unmodeled keys (the strict flavour's one question the models leave open;
    /// the union schema leaves an unknown callback open).
    fn needs_schema(&self, typed: Option<(&Callback, &[String])>) -> bool {
        if !self.models_first {
            return true;
        }
        #[cfg(feature = "validate")]
        if self.schema.is_some() {
            return typed.is_some_and(|(callback, unmodeled)| {
                callback.kind() != PayloadKind::Unknown && !unmodeled.is_empty()
            });
        }
        let _ = typed;
        false
    }

    /// Adds the schema's issues (when a schema was asked for): each unmodeled key at its own
    /// pointer, other issues unless the parse error already speaks for that pointer.
    #[cfg(feature = "validate")]
    fn schema_problems(&self, value: &Value, errors: &mut Vec<Problem>) {
        let Some((validator, flavor)) = self.schema else {
            return;
        };
        let Err(issues) = validator.validate(value, flavor) else {
            return;
        };
        // The models' own words (parse error, unexpected values) speak for their pointers; the
        // schema's wording of the same mistake would only repeat them.
        let spoken: Vec<String> = errors.iter().map(|p| p.pointer.clone()).collect();
        for issue in issues {
            if issue.unmodeled.is_empty() {
                if spoken.contains(&issue.instance_pointer) {
                    continue;
                }
                push_unique(errors, Problem::new(issue.instance_pointer, issue.message));
            } else {
                for pointer in issue.unmodeled {
                    push_unique(
                        errors,
                        Problem::new(
                            pointer,
                            "unmodeled key: no model knows it (rejected by the strict schema)",
                        ),
                    );
                }
            }
        }
    }

    #[cfg(not(feature = "validate"))]
    fn schema_problems(&self, _: &Value, _: &mut Vec<Problem>) {}
}

#[cfg(feature = "validate")]
fn push_unique(errors: &mut Vec<Problem>, problem: Problem) {
    if !errors.contains(&problem) {
        errors.push(problem);
    }
}

#[cfg(all(test, feature = "validate"))]
mod tests {
    use super::*;
    use crate::schema::Flavor;

    #[test]
    fn an_unexpected_value_is_one_error_and_the_payload_stays_typed() {
        let report = Inspector::with_schema(Flavor::Permissive)
            .inspect(br#"{"type":"ReceivedCallback","fromMe":"yes","text":{"message":"hi"}}"#);
        assert!(!report.valid);
        assert_eq!(
            report.errors,
            [Problem::new(
                "/fromMe",
                "invalid type: string \"yes\", expected a boolean"
            )]
        );
        assert_eq!(report.unexpected.len(), 1);
        assert_eq!(report.lossless, Some(true));
        assert_eq!(report.callback, Some(CallbackType::Received));
        assert_eq!(report.kind, Some(PayloadKind::Received(crate::Kind::Text)));
        assert!(report.model.is_some());
    }

    #[test]
    fn strict_names_each_unmodeled_key() {
        let body = br#"{"type":"ReceivedCallback","text":{"message":"hi","shiny":1},"brandNew":1}"#;
        let permissive = Inspector::with_schema(Flavor::Permissive).inspect(body);
        assert!(permissive.valid);
        assert_eq!(permissive.lossless, Some(true));
        assert_eq!(permissive.unmodeled, ["/text/shiny", "/brandNew"]);
        let strict = Inspector::with_schema(Flavor::Strict).inspect(body);
        assert!(!strict.valid);
        let mut pointers: Vec<_> = strict.errors.iter().map(|p| p.pointer.as_str()).collect();
        pointers.sort_unstable();
        assert_eq!(pointers, ["/brandNew", "/text/shiny"]);
    }

    #[test]
    fn not_json_and_not_an_object() {
        let inspector = Inspector::with_schema(Flavor::Permissive);
        let report = inspector.inspect(b"{nope");
        assert!(!report.is_json && !report.valid);
        assert_eq!(report.errors.len(), 1);
        assert!(
            report.errors[0].message.contains("(line 1, column 2)"),
            "{:?}",
            report.errors
        );
        let report = inspector.inspect(b"[1, 2]");
        assert!(report.is_json && !report.valid);
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        assert_eq!(report.errors[0].pointer, "");
        assert_eq!(report.callback, None);
    }

    #[test]
    fn a_retyped_content_value_keeps_its_kind() {
        let value = serde_json::json!({"type": "ReceivedCallback", "text": "hi"});
        let report = Inspector::models_only().inspect_value(&value, None);
        assert_eq!(report.kind, Some(PayloadKind::Received(crate::Kind::Text)));
        assert_eq!(report.lossless, Some(true));
        assert_eq!(
            report.errors,
            [Problem::new(
                "/text",
                "invalid type: string \"hi\", expected a JSON object (Text)"
            )]
        );
        assert_eq!(
            report.errors[0].to_string(),
            "/text: invalid type: string \"hi\", expected a JSON object (Text)"
        );
    }
}
