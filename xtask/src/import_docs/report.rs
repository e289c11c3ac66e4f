//! The human-readable report that `cargo xtask import-docs` prints.

use super::classify::Extraction;
use super::manifest::{FixtureEntry, Manifest};
use super::{Options, Outcome};
use std::collections::BTreeMap;
use std::fmt::Write as _;

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
    section(&mut r, "unchanged", &outcome.unchanged);
    section(&mut r, "missing from docs", &outcome.missing_from_docs);
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
