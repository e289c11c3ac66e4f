//! What `validate` prints: a JSON line per payload, or a human line per problem payload and a
//! closing summary.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, Write};

use serde::Serialize;
use zapi_webhooks::{Callback, DedupeKey, Origin};

use crate::check::{Problem, Report};

/// Output format of `validate` and `kinds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text.
    Human,
    /// Machine-readable JSON.
    Json,
}

/// Where a payload came from: `path` for a whole file, `path:line` for a line of an NDJSON
/// input.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The input's label.
    pub label: &'a str,
    /// The 1-based line number, for line-per-payload inputs.
    pub line: Option<u64>,
}

impl fmt::Display for Source<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.label),
            None => f.write_str(self.label),
        }
    }
}

impl Serialize for Source<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The object printed for each payload by `--format json`.
#[derive(Serialize)]
struct JsonLine<'a> {
    /// Where the payload came from: `path`, `path:line` or `<stdin>`.
    source: Source<'a>,
    /// The callback's snake name; when the payload could not be typed (the model could not
    /// read it at all: not JSON, not an object), the one its `type` names; null when the `type`
    /// is unknown or missing.
    callback: Option<&'static str>,
    /// The content kind; null when the payload could not be typed.
    kind: Option<&'static str>,
    /// The dedupe key (`Callback::dedupe_key`): two payloads share it exactly when they report
    /// the same event (a redelivery); null when the payload could not be typed.
    dedupe_key: Option<DedupeKey>,
    /// Who sent a received message: `contact`, `api` or `device` (`ReceivedCallback::origin`);
    /// null for other callbacks, and when `fromMe` is absent or not a boolean.
    origin: Option<&'static str>,
    /// `true` when `errors` is empty.
    valid: bool,
    /// Whether the model writes the payload back as the same JSON value; null when the payload
    /// could not be typed.
    lossless: Option<bool>,
    /// The JSON pointers of the keys that no model knows.
    unmodeled: &'a [String],
    /// The values kept although their JSON type is not the one the model expects; each is
    /// also one of `errors`.
    unexpected: Vec<JsonUnexpected<'a>>,
    /// Every error, with its JSON pointer.
    errors: &'a [Problem],
}

/// One value of a typed payload whose JSON type is not the one the model expects, in a JSON
/// line.
#[derive(Serialize)]
struct JsonUnexpected<'a> {
    /// JSON pointer (RFC 6901) of the value.
    pointer: &'a str,
    /// What the model expected there, e.g. `a boolean`.
    expected: &'a str,
    /// What was found, e.g. `string "yes"`.
    found: &'a str,
}

/// Appends the JSON line of one payload (with its newline) to `out`.
pub fn write_json_line(out: &mut Vec<u8>, source: Source<'_>, report: &Report) {
    let line = JsonLine {
        source,
        callback: report.callback.map(|c| c.as_str()),
        kind: report.kind,
        dedupe_key: report.model.as_ref().map(Callback::dedupe_key),
        origin: report
            .model
            .as_ref()
            .and_then(Callback::as_received)
            .and_then(|msg| msg.origin())
            .map(Origin::as_str),
        valid: report.valid,
        lossless: report.lossless,
        unmodeled: &report.unmodeled,
        unexpected: report
            .unexpected
            .iter()
            .map(|u| JsonUnexpected {
                pointer: &u.pointer,
                expected: &u.expected,
                found: &u.found,
            })
            .collect(),
        errors: &report.errors,
    };
    // Writing into a Vec cannot fail, and every field serializes.
    if serde_json::to_writer(&mut *out, &line).is_ok() {
        out.push(b'\n');
    }
}

/// Added to what a payload is, in its human line, when the model typed it but kept values
/// whose JSON type is not the one it expects.
const TYPED_WITH_UNEXPECTED: &str = ", typed with unexpected values";

/// Appends the human line of a problem payload (invalid or not lossless) to `out`; nothing for
/// a payload without problems.
pub fn write_human_line(out: &mut Vec<u8>, source: Source<'_>, report: &Report) {
    if !report.is_problem() {
        return;
    }
    let status = match (report.valid, report.lossless) {
        (false, Some(false)) => "invalid, not lossless",
        (false, _) => "invalid",
        (true, _) => "not lossless",
    };
    let what = match (report.callback, report.kind) {
        (Some(callback), Some(kind)) => {
            let mut what = if callback.as_str() == kind {
                callback.as_str().to_owned()
            } else {
                format!("{}/{kind}", callback.as_str())
            };
            if !report.unexpected.is_empty() {
                what.push_str(TYPED_WITH_UNEXPECTED);
            }
            what
        }
        (Some(callback), None) => format!("{}, could not be typed", callback.as_str()),
        (None, Some(_)) if !report.unexpected.is_empty() => {
            format!("unknown callback{TYPED_WITH_UNEXPECTED}")
        }
        (None, Some(_)) => "unknown callback".to_owned(),
        (None, None) if !report.is_json => "not JSON".to_owned(),
        (None, None) => "not a callback".to_owned(),
    };
    let _ = write!(out, "{source}: {status} ({what})");
    let mut separator = ": ";
    for problem in &report.errors {
        let _ = write!(
            out,
            "{separator}{}: {}",
            zapi_webhooks::json_pointer::display(&problem.pointer),
            problem.message
        );
        separator = "; ";
    }
    if let Some(diff) = &report.lossless_diff {
        let _ = write!(
            out,
            "{separator}{}: not written back as received ({})",
            zapi_webhooks::json_pointer::display(&diff.pointer),
            diff.description
        );
    }
    out.push(b'\n');
}

/// Counts over the payloads checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Payloads checked.
    pub checked: u64,
    /// Payloads without errors.
    pub valid: u64,
    /// Payloads with errors.
    pub invalid: u64,
    /// Invalid payloads that the model typed, keeping values of an unexpected JSON type.
    pub typed_with_unexpected: u64,
    /// Invalid payloads that the model could not type (not JSON, not an object, ...).
    pub untyped: u64,
    /// Invalid payloads that the model typed with no unexpected value: only the schema
    /// rejects them.
    pub schema_rejected: u64,
    /// Payloads that the model read but writes back differently.
    pub not_lossless: u64,
    /// Unmodeled keys, over all payloads.
    pub unmodeled_fields: u64,
    /// Payloads with at least one unmodeled key.
    pub payloads_with_unmodeled: u64,
    /// Payloads whose dedupe key an earlier payload had (counted by the writer, for
    /// `--format human`, over at most [`Duplicates::CAP`] distinct keys).
    pub duplicates: u64,
    /// More distinct keys than [`Duplicates::CAP`] came: later payloads were not compared.
    pub duplicates_capped: bool,
}

impl Tally {
    /// Counts one payload.
    pub fn add(&mut self, report: &Report) {
        self.checked += 1;
        if report.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
            if report.kind.is_none() {
                self.untyped += 1;
            } else if !report.unexpected.is_empty() {
                self.typed_with_unexpected += 1;
            } else {
                self.schema_rejected += 1;
            }
        }
        if report.lossless == Some(false) {
            self.not_lossless += 1;
        }
        if !report.unmodeled.is_empty() {
            self.payloads_with_unmodeled += 1;
            self.unmodeled_fields += report.unmodeled.len() as u64;
        }
    }

    /// Adds another tally's counts.
    pub fn merge(&mut self, other: &Tally) {
        self.checked += other.checked;
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.typed_with_unexpected += other.typed_with_unexpected;
        self.untyped += other.untyped;
        self.schema_rejected += other.schema_rejected;
        self.not_lossless += other.not_lossless;
        self.unmodeled_fields += other.unmodeled_fields;
        self.payloads_with_unmodeled += other.payloads_with_unmodeled;
        self.duplicates += other.duplicates;
        self.duplicates_capped |= other.duplicates_capped;
    }

    /// `true` when some payload counts against the exit status.
    pub fn has_problems(&self) -> bool {
        self.invalid > 0 || self.not_lossless > 0
    }
}

/// The dedupe keys seen so far, to count duplicate deliveries: each kept as a 64-bit hash (a
/// collision among a million keys has a chance of about 3 in 10^8), at most [`Duplicates::CAP`]
/// of them, so memory stays bounded whatever the input.
#[derive(Debug, Default)]
pub struct Duplicates {
    seen: HashSet<u64>,
}

impl Duplicates {
    /// Most distinct keys kept.
    pub const CAP: usize = 1_000_000;

    /// The hash a key is kept as (the same in every run: `DefaultHasher::new` has fixed keys).
    pub fn hash(key: &DedupeKey) -> u64 {
        let mut hasher = DefaultHasher::new();
        key.as_str().hash(&mut hasher);
        hasher.finish()
    }

    /// Counts the payloads of `hashes` whose key was seen before into `tally`.
    pub fn count(&mut self, hashes: &[u64], tally: &mut Tally) {
        for hash in hashes {
            if self.seen.contains(hash) {
                tally.duplicates += 1;
            } else if self.seen.len() < Self::CAP {
                self.seen.insert(*hash);
            } else {
                tally.duplicates_capped = true;
            }
        }
    }
}

/// How often each unmodeled key occurs, by pointer with array indexes replaced by `*` (so
/// `/buttons/0/x` and `/buttons/1/x` count together). Holds at most [`UnmodeledTally::CAP`]
/// distinct pointers; later new ones are counted together as "other", so memory stays bounded
/// whatever the input.
#[derive(Debug, Default)]
pub struct UnmodeledTally {
    counts: HashMap<String, u64>,
    other: u64,
}

impl UnmodeledTally {
    /// Most distinct pointers kept.
    pub const CAP: usize = 10_000;

    /// Counts the unmodeled keys of one payload.
    pub fn add(&mut self, pointers: &[String]) {
        for pointer in pointers {
            let shape = shape_of(pointer);
            if let Some(count) = self.counts.get_mut(&shape) {
                *count += 1;
            } else if self.counts.len() < Self::CAP {
                self.counts.insert(shape, 1);
            } else {
                self.other += 1;
            }
        }
    }

    /// Adds another tally's counts.
    pub fn merge(&mut self, other: UnmodeledTally) {
        for (shape, count) in other.counts {
            if let Some(mine) = self.counts.get_mut(&shape) {
                *mine += count;
            } else if self.counts.len() < Self::CAP {
                self.counts.insert(shape, count);
            } else {
                self.other += count;
            }
        }
        self.other += other.other;
    }

    /// The `limit` most frequent pointers, most frequent first (ties by pointer).
    pub fn top(&self, limit: usize) -> Vec<(&str, u64)> {
        let mut all: Vec<(&str, u64)> = self
            .counts
            .iter()
            .map(|(shape, count)| (shape.as_str(), *count))
            .collect();
        all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.truncate(limit);
        all
    }

    /// How many distinct pointers were counted (not counting "other").
    pub fn distinct(&self) -> usize {
        self.counts.len()
    }
}

/// A pointer with its all-digit tokens (array indexes) replaced by `*`.
fn shape_of(pointer: &str) -> String {
    let mut shape = String::with_capacity(pointer.len());
    for token in pointer.split('/').skip(1) {
        shape.push('/');
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            shape.push('*');
        } else {
            shape.push_str(token);
        }
    }
    shape
}

/// How many unmodeled pointers the summary lists.
const SUMMARY_POINTERS: usize = 20;

fn plural(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

/// Why the invalid payloads are invalid, e.g. ` (1 typed with unexpected values, 2 could not be
/// typed)`: the non-zero counts among typed with unexpected values, could not be typed, and
/// rejected by the schema; empty when no payload is invalid.
fn invalid_breakdown(tally: &Tally) -> String {
    let parts: Vec<String> = [
        (tally.typed_with_unexpected, "typed with unexpected values"),
        (tally.untyped, "could not be typed"),
        (tally.schema_rejected, "rejected by the schema"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, what)| format!("{count} {what}"))
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// Writes the closing summary of `--format human`.
pub fn write_summary(
    out: &mut dyn Write,
    tally: &Tally,
    unmodeled: &UnmodeledTally,
    unreadable: u64,
) -> io::Result<()> {
    writeln!(
        out,
        "{} checked: {} valid, {} invalid{}, {} not lossless; {} in {}",
        plural(tally.checked, "payload", "payloads"),
        tally.valid,
        tally.invalid,
        invalid_breakdown(tally),
        tally.not_lossless,
        plural(
            tally.unmodeled_fields,
            "unmodeled field",
            "unmodeled fields"
        ),
        plural(tally.payloads_with_unmodeled, "payload", "payloads"),
    )?;
    if tally.duplicates > 0 || tally.duplicates_capped {
        writeln!(
            out,
            "{}: the dedupe key of an earlier payload (the same event delivered again){}",
            plural(
                tally.duplicates,
                "duplicate delivery",
                "duplicate deliveries"
            ),
            if tally.duplicates_capped {
                format!(
                    "; counted among the first {} distinct keys only",
                    Duplicates::CAP
                )
            } else {
                String::new()
            }
        )?;
    }
    if tally.unmodeled_fields > 0 {
        let top = unmodeled.top(SUMMARY_POINTERS);
        writeln!(
            out,
            "unmodeled fields, most frequent first (array indexes as *):"
        )?;
        let width = top
            .first()
            .map_or(1, |(_, count)| count.to_string().len())
            .max(5);
        for (pointer, count) in &top {
            writeln!(out, "  {count:>width$}  {pointer}")?;
        }
        let shown: u64 = top.iter().map(|(_, count)| count).sum();
        let rest = tally.unmodeled_fields.saturating_sub(shown);
        if rest > 0 {
            let more = unmodeled.distinct().saturating_sub(top.len());
            writeln!(
                out,
                "  {rest:>width$}  (in {} more pointers)",
                if unmodeled.other > 0 {
                    format!("{more}+")
                } else {
                    more.to_string()
                }
            )?;
        }
    }
    if unreadable > 0 {
        writeln!(
            out,
            "{} could not be read (named on standard error)",
            plural(unreadable, "path", "paths")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_hide_array_indexes() {
        assert_eq!(shape_of("/a/0/b/12"), "/a/*/b/*");
        assert_eq!(shape_of("/a//b"), "/a//b");
        assert_eq!(shape_of(""), "");
        assert_eq!(shape_of("/x1"), "/x1");
    }

    #[test]
    fn tally_is_bounded() {
        let mut tally = UnmodeledTally::default();
        let many: Vec<String> = (0..UnmodeledTally::CAP + 5)
            .map(|i| format!("/k{i}"))
            .collect();
        tally.add(&many);
        assert_eq!(tally.distinct(), UnmodeledTally::CAP);
        assert_eq!(tally.other, 5);
        tally.add(&["/k0".to_owned()]);
        assert_eq!(tally.top(1), [("/k0", 2)]);
    }
}
