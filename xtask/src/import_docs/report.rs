//! The human-readable report that `cargo xtask import-docs` prints.

use super::classify::{Extraction, Occurrence};
use super::layout::{current_page_id, page_callback};
use super::manifest::{FixtureEntry, Manifest};
use super::{Options, Outcome};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use zapi_webhooks::diagnostics::differences;

/// The text printed by `run`.
pub(super) fn render_report(
    opts: &Options,
    extraction: &Extraction,
    fixtures: &[(FixtureEntry, String)],
    manifest: &Manifest,
    outcome: &Outcome,
    removed: &[String],
) -> String {
    let mut r = String::new();
    let pages: Vec<String> = extraction
        .pages
        .iter()
        .map(|(lang, n)| format!("{n} {}", lang.as_str()))
        .collect();
    let _ = writeln!(r, "import-docs: {}", opts.docs.display());
    let _ = writeln!(
        r,
        "  pages: {}; json code blocks: {}; top-level values: {}",
        pages.join(", "),
        extraction.blocks,
        extraction.values
    );
    let multi: Vec<&FixtureEntry> = fixtures
        .iter()
        .map(|(e, _)| e)
        .filter(|e| e.sources.len() > 1)
        .collect();
    let cross = multi
        .iter()
        .filter(|e| {
            e.sources.iter().any(|s| s.source.lang == "pt")
                && e.sources.iter().any(|s| s.source.lang == "en")
        })
        .count();
    let _ = writeln!(
        r,
        "  payload examples: {} -> {} distinct fixtures ({} with several sources: {} pt+en, {} within one language)",
        outcome.payload_examples,
        outcome.fixtures,
        multi.len(),
        cross,
        multi.len() - cross
    );
    let mut per_callback: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_kind: BTreeMap<String, usize> = BTreeMap::new();
    for (entry, _) in fixtures {
        *per_callback.entry(entry.callback).or_default() += 1;
        *per_kind
            .entry(format!("{}/{}", entry.callback, entry.kind))
            .or_default() += 1;
    }
    let _ = writeln!(r, "  per callback: {}", list_counts(&per_callback));
    let _ = writeln!(r, "  per kind: {}", list_counts(&per_kind));
    let repairs: Vec<String> = extraction
        .repair_counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| format!("{k} x{n}"))
        .collect();
    let _ = writeln!(
        r,
        "  repairs: {}",
        if repairs.is_empty() {
            "none".to_owned()
        } else {
            repairs.join(", ")
        }
    );
    let _ = writeln!(
        r,
        "  skipped: {}; config examples: {}; notification names: {}",
        manifest.skipped.len(),
        manifest.config_examples.len(),
        manifest.notification_names_in_docs.len()
    );
    let _ = writeln!(r, "fixtures: {}", opts.fixtures.display());
    let section = |r: &mut String, title: &str, items: &[String]| {
        let _ = writeln!(r, "  {title} ({}):", items.len());
        for item in items {
            let _ = writeln!(r, "    {item}");
        }
    };
    section(&mut r, "new", &outcome.new);
    section(&mut r, "changed", &outcome.changed);
    let _ = writeln!(r, "  unchanged: {}", outcome.unchanged.len());
    section(&mut r, "missing from docs", &outcome.missing_from_docs);
    render_examples(&mut r, &outcome.examples);
    if !extraction.warnings.is_empty() {
        section(&mut r, "WARNINGS", &extraction.warnings);
    }
    if outcome.write {
        let written = outcome.new.len() + outcome.changed.len();
        let _ = writeln!(
            r,
            "result: wrote {written} file(s), removed {} stale fixture(s)",
            removed.len()
        );
    } else if outcome.is_up_to_date() {
        let _ = writeln!(r, "result: fixtures are up to date");
    } else {
        let _ = writeln!(
            r,
            "result: fixtures are OUT OF DATE; run `cargo xtask import-docs {} --write`",
            opts.docs.display()
        );
    }
    r
}

/// `"a 1, b 2"` from a map of counts.
pub(super) fn list_counts<K: std::fmt::Display>(counts: &BTreeMap<K, usize>) -> String {
    counts
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One example of the docs (or one fixture) in the by-page comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleChange {
    /// The page, as named in the docs tree read (`pt/ao-receber.md`) or, for a
    /// gone example, in the fixtures' manifest.
    pub page: String,
    /// The heading above the example.
    pub heading: String,
    /// The fixture: the file it would be written to (new), the file it
    /// differs from (changed) or the file no docs example matches (gone).
    pub fixture: String,
    /// For a changed example: where it differs from the fixture, as
    /// `pointer: description` lines (at most [`MAX_POINTERS`], then a count).
    pub differences: Vec<String>,
}

/// How many differing JSON pointers a changed example lists.
pub const MAX_POINTERS: usize = 6;

/// The docs examples compared one by one with the fixture files on disk.
#[derive(Debug, Default, Clone)]
pub struct ExampleChanges {
    /// Examples equal to a fixture file on disk (of their callback).
    pub same: usize,
    /// Examples no fixture file holds and no fixture of their name exists for.
    pub new: Vec<ExampleChange>,
    /// Examples whose fixture (same name) holds another payload.
    pub changed: Vec<ExampleChange>,
    /// Fixture files that no docs example equals and no changed example
    /// replaces, listed under the page and heading of their first source.
    pub gone: Vec<ExampleChange>,
}

/// Compares every payload example of `extraction` with the fixture files
/// `on_disk` (relative to `dir`). `planned` is what the docs give
/// (`(path, contents)`), `previous` the sources (`(page, heading)`) of each
/// fixture in the manifest on disk.
pub(super) fn compare_examples(
    extraction: &Extraction,
    planned: &[(FixtureEntry, String)],
    dir: &Path,
    on_disk: &BTreeSet<String>,
    previous: &BTreeMap<String, Vec<(String, String)>>,
) -> ExampleChanges {
    let mut disk: BTreeMap<&str, Value> = BTreeMap::new();
    for rel in on_disk {
        if let Some(value) = fs::read_to_string(dir.join(rel))
            .ok()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        {
            disk.insert(rel.as_str(), value);
        }
    }
    let planned_path = |occ: &Occurrence| -> String {
        planned
            .iter()
            .find(|(entry, _)| {
                entry
                    .sources
                    .iter()
                    .any(|s| s.source == occ.source && s.object == occ.object)
            })
            .map(|(entry, _)| entry.path.clone())
            .unwrap_or_default()
    };
    let mut out = ExampleChanges::default();
    let mut matched: BTreeSet<&str> = BTreeSet::new();
    let mut pending = Vec::new();
    for occ in &extraction.occurrences {
        let folder = format!("{}/", occ.callback);
        let equal: Vec<&str> = disk
            .iter()
            .filter(|(rel, value)| rel.starts_with(&folder) && **value == occ.value)
            .map(|(rel, _)| *rel)
            .collect();
        if equal.is_empty() {
            pending.push(occ);
        } else {
            out.same += 1;
            matched.extend(equal);
        }
    }
    for occ in pending {
        let stem = format!("{}/{}__{}", occ.callback, occ.kind, occ.case);
        let mut candidates = Vec::new();
        if !occ.tag.is_empty() {
            candidates.push(format!("{stem}__{}.json", occ.tag));
        }
        candidates.push(format!("{stem}.json"));
        let base = candidates
            .into_iter()
            .find_map(|c| disk.get_key_value(c.as_str()).map(|(k, v)| (*k, v)));
        let mut change = ExampleChange {
            page: occ.source.page.clone(),
            heading: occ.source.heading.clone(),
            fixture: planned_path(occ),
            differences: Vec::new(),
        };
        match base {
            Some((rel, value)) => {
                matched.insert(rel);
                change.fixture = rel.to_owned();
                let diffs = differences(value, &occ.value);
                change.differences = diffs
                    .iter()
                    .take(MAX_POINTERS)
                    .map(|d| shorten(&d.to_string()))
                    .collect();
                if diffs.len() > MAX_POINTERS {
                    change
                        .differences
                        .push(format!("(and {} more)", diffs.len() - MAX_POINTERS));
                }
                out.changed.push(change);
            }
            None => out.new.push(change),
        }
    }
    for rel in disk.keys() {
        if matched.contains(rel) {
            continue;
        }
        let (page, heading) = previous
            .get(*rel)
            .and_then(|sources| sources.first().cloned())
            .unwrap_or_else(|| ("(not in the manifest)".to_owned(), String::new()));
        // A language or variant copy (`__en`, `__fromme`) is gone when the
        // docs now give the same payload as the original page: say which.
        let plain = ["__en.json", "__fromme.json", "__fromme_en.json"]
            .iter()
            .find_map(|suffix| rel.strip_suffix(suffix))
            .map(|stem| format!("{stem}.json"))
            .filter(|plain| planned.iter().any(|(entry, _)| entry.path == *plain));
        out.gone.push(ExampleChange {
            page,
            heading,
            fixture: (*rel).to_owned(),
            differences: plain
                .map(|plain| format!("its heading's example now gives {plain}"))
                .into_iter()
                .collect(),
        });
    }
    out
}

/// The fixture paths of a manifest on disk with the `(page, heading)` of each
/// source (empty when there is no readable manifest; `previous_manifest_paths`
/// warns about an unreadable one).
pub(super) fn previous_sources(manifest: &Path) -> BTreeMap<String, Vec<(String, String)>> {
    let Some(value) = fs::read_to_string(manifest)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
    else {
        return BTreeMap::new();
    };
    let field = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    value
        .get("fixtures")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|f| {
                    let sources = f
                        .get("sources")
                        .and_then(Value::as_array)
                        .map(|s| {
                            s.iter()
                                .map(|s| (field(s, "page"), field(s, "heading")))
                                .collect()
                        })
                        .unwrap_or_default();
                    (field(f, "path"), sources)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The names a page was read under and its `(what, example)` entries.
type PageGroup<'a> = (BTreeSet<&'a str>, Vec<(&'static str, &'a ExampleChange)>);

/// The by-page section of the report (see [`ExampleChanges`]).
fn render_examples(r: &mut String, examples: &ExampleChanges) {
    let _ = writeln!(
        r,
        "examples compared with the fixtures: {} same, {} new, {} changed, {} gone",
        examples.same,
        examples.new.len(),
        examples.changed.len(),
        examples.gone.len()
    );
    // Pages group under their current name, so `ao-receber.md` sits with the
    // fixtures that came from `on-message-received.md`.
    let mut by_page: BTreeMap<String, PageGroup<'_>> = BTreeMap::new();
    for (what, list) in [
        ("new", &examples.new),
        ("changed", &examples.changed),
        ("gone", &examples.gone),
    ] {
        for change in list {
            let group = by_page.entry(current_page_id(&change.page)).or_default();
            group.0.insert(change.page.as_str());
            group.1.push((what, change));
        }
    }
    for (key, (names, changes)) in &by_page {
        let names: Vec<&str> = names.iter().copied().collect();
        let callback = page_callback(key).map_or(String::new(), |c| format!(" [{c}]"));
        let _ = writeln!(r, "  {}{callback}", names.join(" + "));
        let mut headings: BTreeMap<&str, Vec<(&str, &ExampleChange)>> = BTreeMap::new();
        let mut order = Vec::new();
        for (what, change) in changes {
            let heading = change.heading.as_str();
            if !headings.contains_key(heading) {
                order.push(heading);
            }
            headings.entry(heading).or_default().push((what, change));
        }
        for heading in order {
            let _ = writeln!(r, "    {heading:?}");
            for (what, change) in &headings[heading] {
                let page = if names.len() > 1 {
                    format!(" ({})", change.page)
                } else {
                    String::new()
                };
                let verb = match *what {
                    "new" => "would be",
                    "changed" => "differs from",
                    _ => "matches no example:",
                };
                let _ = writeln!(r, "      {what:<7} {verb} {}{page}", change.fixture);
                for diff in &change.differences {
                    let _ = writeln!(r, "                {diff}");
                }
            }
        }
    }
}

/// `text` cut to 160 characters (with `...`), for one report line.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(160) {
        Some((at, _)) => format!("{}...", &text[..at]),
        None => text.to_owned(),
    }
}
