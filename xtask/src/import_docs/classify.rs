//! Classification of each top-level value of a JSON code block: a webhook
//! payload, a webhook-configuration example, or a skipped block.

use super::case_names::{case_of, normalize_heading};
use super::layout::{Lang, Page, tag_rank};
use super::manifest::{ConfigExample, Skipped, SourceRef};
use super::markdown::CodeBlock;
use crate::lenient_json::{self, Node, Repair};
use serde_json::Value;
use std::collections::BTreeMap;
use zapi_webhooks::{Callback, CallbackType};

/// Keys a webhook-configuration body may have (and nothing else).
const CONFIG_KEYS: &[&str] = &["value", "notifySentByMe"];

/// One payload example found in the docs.
pub(super) struct Occurrence {
    /// The code block it is in.
    pub(super) source: SourceRef,
    /// 1-based index of the value in the block.
    pub(super) object: usize,
    /// `(variant tag rank, language, page, line, object)`: the lowest names the fixture.
    pub(super) rank: (u8, Lang, String, usize, usize),
    /// The page's variant tag ([`Page::variant_tag`]).
    pub(super) tag: &'static str,
    /// The repaired value, with its key order and number text.
    pub(super) node: Node,
    /// The repaired value as JSON.
    pub(super) value: Value,
    /// `value` as compact JSON text: payloads with the same text are one fixture.
    pub(super) canonical: String,
    /// The callback, by the models ([`ModelReading::callback`]).
    pub(super) callback: &'static str,
    /// The `type` value as written.
    pub(super) type_name: String,
    /// The kind, by the models ([`ModelReading::kind`]).
    pub(super) kind: String,
    /// The `notification` name of a notification payload.
    pub(super) notification: Option<String>,
    /// The case name ([`case_of`]).
    pub(super) case: String,
    /// Every repair made to the block and the value, as messages.
    pub(super) repairs: Vec<String>,
}

/// Everything found in the pages.
#[derive(Default)]
pub(super) struct Extraction {
    /// Pages read, per language.
    pub(super) pages: BTreeMap<Lang, usize>,
    /// JSON code blocks read.
    pub(super) blocks: usize,
    /// Top-level values parsed.
    pub(super) values: usize,
    /// Payload examples.
    pub(super) occurrences: Vec<Occurrence>,
    /// Blocks and values that are not payloads nor configuration examples.
    pub(super) skipped: Vec<Skipped>,
    /// Webhook-configuration examples.
    pub(super) configs: Vec<ConfigExample>,
    /// Notification names of JavaScript `case` snippets, with their block.
    pub(super) js_names: Vec<(String, SourceRef)>,
    /// Repairs made, per kind.
    pub(super) repair_counts: BTreeMap<&'static str, usize>,
    /// Warnings for the report.
    pub(super) warnings: Vec<String>,
}

/// What the models make of a payload whose `type` they know.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct ModelReading {
    /// The callback: its fixture folder ([`CallbackType::as_str`]).
    pub(super) callback: &'static str,
    /// [`Callback::kind`].
    pub(super) kind: &'static str,
    /// The values the models kept although their JSON type is unexpected
    /// ([`Callback::unexpected`]), if any, for the report's warnings.
    pub(super) error: Option<String>,
}

/// Asks the models ([`Callback::from_value`]) for the callback and kind of
/// `json`; `None` when its `type` is not one they know (a
/// [`Callback::Unknown`]). The parse is tolerant: a value of an unexpected
/// JSON type keeps the callback and kind, and is listed in `error`.
pub(super) fn read_with_models(json: &Value) -> Option<ModelReading> {
    match Callback::from_value(json) {
        Ok(callback) => {
            let callback_type = callback.kind().callback_type()?;
            // A docs value of a JSON type the models do not expect is kept (the parse is
            // tolerant) and named in the report's warnings.
            let unexpected: Vec<String> = callback
                .unexpected()
                .iter()
                .map(ToString::to_string)
                .collect();
            Some(ModelReading {
                callback: callback_type.as_str(),
                kind: callback.kind().as_str(),
                error: (!unexpected.is_empty()).then(|| unexpected.join("; ")),
            })
        }
        // Only JSON that is not an object is refused, and that is never a payload.
        Err(_) => None,
    }
}

/// Notification names listed by a JavaScript `case 'NAME':` snippet, or
/// `None` if the block is not such a snippet.
fn javascript_case_names(text: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix("case ") else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|&c| c == '\'' || c == '"') else {
            continue;
        };
        let inner = &rest[1..];
        let Some(end) = inner.find(quote) else {
            continue;
        };
        if inner[end + 1..].trim_start().starts_with(':') {
            names.push(inner[..end].to_owned());
        }
    }
    (!names.is_empty()).then_some(names)
}

impl Extraction {
    /// Counts `repairs` by kind, for the report.
    fn count_repairs<'r>(&mut self, repairs: impl IntoIterator<Item = &'r Repair>) {
        for repair in repairs {
            *self.repair_counts.entry(repair.kind.name()).or_default() += 1;
        }
    }

    /// Classifies every value of one code block.
    pub(super) fn add_block(&mut self, page: &Page, block: &CodeBlock) {
        self.blocks += 1;
        if !block.notes.is_empty() {
            *self.repair_counts.entry("unterminated_fence").or_default() += block.notes.len();
        }
        let source = SourceRef {
            lang: page.lang.as_str(),
            page: page.id.clone(),
            heading: block.heading.clone(),
            block: block.index,
        };
        let skip = |reason: String, object: Option<usize>, names: Vec<String>| Skipped {
            source: source.clone(),
            object,
            reason,
            notification_names: names,
        };
        if let Some(names) = javascript_case_names(&block.text) {
            for name in &names {
                self.js_names.push((name.clone(), source.clone()));
            }
            let first = block.text.lines().next().unwrap_or("").trim();
            let reason = format!(
                "JavaScript snippet (`{first} campo_html = ...`) that renders a notification, not a JSON payload"
            );
            self.skipped.push(skip(reason, None, names));
            return;
        }
        let parsed = match lenient_json::parse_all(&block.text) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.warnings.push(format!(
                    "{}:{}: unparsable JSON block skipped: {e}",
                    page.path.display(),
                    block.line + e.line
                ));
                self.skipped.push(skip(
                    format!("unparsable: {e} (of the block)"),
                    None,
                    Vec::new(),
                ));
                return;
            }
        };
        if parsed.is_empty() {
            self.skipped
                .push(skip("empty code block".to_owned(), None, Vec::new()));
            return;
        }
        for (i, value) in parsed.into_iter().enumerate() {
            self.values += 1;
            let object = i + 1;
            self.count_repairs(&value.repairs);
            let mut repairs: Vec<String> = block.notes.clone();
            repairs.extend(value.repairs.iter().map(|r| r.message.clone()));
            let Node::Object(members) = &value.node else {
                self.skipped.push(skip(
                    "top-level value is not an object".to_owned(),
                    Some(object),
                    Vec::new(),
                ));
                continue;
            };
            let type_name = value.node.get("type").and_then(Node::as_str);
            let json = lenient_json::to_value(&value.node);
            let reading = match (&json, type_name) {
                (Ok(json), Some(_)) => read_with_models(json),
                (Err(e), Some(type_name)) if CallbackType::from_type_value(type_name).is_some() => {
                    self.skipped.push(skip(
                        format!("not representable: {e}"),
                        Some(object),
                        Vec::new(),
                    ));
                    continue;
                }
                _ => None,
            };
            if let (Some(reading), Some(type_name), Ok(json)) = (reading, type_name, json) {
                let callback = reading.callback;
                let kind = reading.kind.to_owned();
                let notification = if kind == "notification" {
                    value
                        .node
                        .get("notification")
                        .and_then(Node::as_str)
                        .map(str::to_owned)
                } else {
                    None
                };
                let (case, known) = case_of(callback, &kind, &block.heading, &value.node);
                if !known {
                    self.warnings.push(format!(
                        "{}:{}: no case name for heading {:?}; using `{case}` (add it to CASE_NAMES)",
                        page.path.display(),
                        block.line,
                        block.heading
                    ));
                }
                if let Some(error) = &reading.error {
                    self.warnings.push(format!(
                        "{}:{}: the models reject this payload (kind `unknown`): {error}",
                        page.path.display(),
                        block.line + value.line
                    ));
                } else if kind == "unknown" {
                    self.warnings.push(format!(
                        "{}:{}: received payload with no known content key (kind `unknown`)",
                        page.path.display(),
                        block.line + value.line
                    ));
                }
                self.occurrences.push(Occurrence {
                    source: source.clone(),
                    object,
                    rank: (
                        tag_rank(page.variant_tag()),
                        page.lang,
                        page.id.clone(),
                        block.line + value.line,
                        object,
                    ),
                    tag: page.variant_tag(),
                    canonical: json.to_string(),
                    value: json,
                    node: value.node.clone(),
                    callback,
                    type_name: type_name.to_owned(),
                    kind,
                    notification,
                    case,
                    repairs,
                });
                continue;
            }
            if let Some(type_name) = type_name {
                let reason = format!(
                    "object with an unknown webhook `type` {}",
                    lenient_json::escape_string(type_name)
                );
                self.skipped.push(skip(reason, Some(object), Vec::new()));
                continue;
            }
            if !members.is_empty()
                && members
                    .iter()
                    .all(|(k, _)| CONFIG_KEYS.contains(&k.as_str()))
            {
                let value_json = match lenient_json::to_value(&value.node) {
                    Ok(json) => json,
                    Err(e) => {
                        self.skipped.push(skip(
                            format!("not representable: {e}"),
                            Some(object),
                            Vec::new(),
                        ));
                        continue;
                    }
                };
                let request = block
                    .section
                    .iter()
                    .any(|h| ["request body", "body"].contains(&normalize_heading(h).as_str()));
                self.configs.push(ConfigExample {
                    source: source.clone(),
                    object,
                    role: if request { "request_body" } else { "response" },
                    value: value_json,
                    repairs,
                });
                continue;
            }
            let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
            let reason = format!("object without a webhook `type`; keys: {}", keys.join(", "));
            self.skipped.push(skip(reason, Some(object), Vec::new()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`read_with_models`] of a JSON text: `(callback, kind, rejected)`.
    fn reading(src: &str) -> Option<(&'static str, &'static str, bool)> {
        let json: Value = serde_json::from_str(src).unwrap_or_else(|e| panic!("{src}: {e}"));
        read_with_models(&json).map(|r| (r.callback, r.kind, r.error.is_some()))
    }

    /// The kind the importer records is the models' own: the same as
    /// [`Callback::kind`] of the parsed payload.
    fn assert_model_kind(src: &str, kind: &str) {
        let json: Value = serde_json::from_str(src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let model = Callback::from_value(&json).unwrap_or_else(|e| panic!("{src}: {e}"));
        assert_eq!(model.kind().as_str(), kind, "{src}");
        assert_eq!(read_with_models(&json).map(|r| r.kind), Some(kind), "{src}");
    }

    #[test]
    fn the_kind_is_the_models_kind() {
        // `waitingMessage: true` and no content: the models say `waiting_message`.
        assert_model_kind(
            r#"{"type": "ReceivedCallback", "waitingMessage": true}"#,
            "waiting_message",
        );
        assert_model_kind(
            r#"{"type": "ReceivedCallback", "waitingMessage": false}"#,
            "unknown",
        );
        // A `null` content key is no content.
        assert_model_kind(
            r#"{"type": "ReceivedCallback", "image": null, "text": {"message": "hi"}}"#,
            "text",
        );
        // Two content keys: the models pick one.
        assert_model_kind(
            r#"{"type": "ReceivedCallback", "image": {"imageUrl": "https://x"}, "notification": "X"}"#,
            "image",
        );
        // Other callbacks: the kind is the callback's name.
        assert_eq!(
            reading(r#"{"type": "MessageStatusCallback", "status": "READ"}"#),
            Some(("message_status", "message_status", false))
        );
    }

    #[test]
    fn unknown_types_and_rejected_payloads() {
        // A `type` the models do not know is not a payload.
        assert_eq!(reading(r#"{"type": "SomethingElse"}"#), None);
        assert_eq!(reading(r#"{"value": "https://x"}"#), None);
        // A value of a JSON type the models do not expect keeps the callback and kind, and is
        // reported.
        assert_eq!(
            reading(r#"{"type": "ReceivedCallback", "text": 5}"#),
            Some(("received", "text", true))
        );
    }

    #[test]
    fn javascript_case_snippets_are_recognized() {
        let names =
            javascript_case_names("case 'A_B':\ncampo_html = \"x\"\nbreak;\ncase \"C\" :\n");
        assert_eq!(names, Some(vec!["A_B".to_owned(), "C".to_owned()]));
        assert_eq!(javascript_case_names("{\"case\": 1}"), None);
    }
}
