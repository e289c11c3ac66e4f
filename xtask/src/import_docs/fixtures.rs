//! Fixture files: grouping the payload examples into distinct, named
//! fixtures, and comparing them with the files on disk.

use super::classify::{Extraction, Occurrence};
use super::manifest::{FixtureEntry, FixtureSource};
use crate::lenient_json;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::Path;

/// Groups the occurrences into distinct payloads and names them.
///
/// Returns the manifest entries and the file contents, sorted by path.
pub(super) fn plan_fixtures(
    extraction: &mut Extraction,
) -> Result<Vec<(FixtureEntry, String)>, String> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Occurrence>> = BTreeMap::new();
    for occ in &extraction.occurrences {
        groups
            .entry((occ.callback, occ.canonical.as_str()))
            .or_default()
            .push(occ);
    }
    let mut groups: Vec<Vec<&Occurrence>> = groups.into_values().collect();
    for group in &mut groups {
        group.sort_by(|a, b| a.rank.cmp(&b.rank));
    }
    groups.sort_by(|a, b| a[0].rank.cmp(&b[0].rank));

    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut planned = Vec::new();
    for group in groups {
        let primary = group[0];
        let suffix = if primary.tag.is_empty() {
            String::new()
        } else {
            format!("__{}", primary.tag)
        };
        let mut path = format!(
            "{}/{}__{}{suffix}.json",
            primary.callback, primary.kind, primary.case
        );
        let mut n = 1;
        while taken.contains(&path) {
            n += 1;
            path = format!(
                "{}/{}__{}_{n}{suffix}.json",
                primary.callback, primary.kind, primary.case
            );
        }
        if n > 1 {
            extraction.warnings.push(format!(
                "{} ({}, {:?}): another payload already has this name; named it `{path}` (give it a case name)",
                primary.source.page, primary.source.heading, primary.case
            ));
        }
        taken.insert(path.clone());

        let contents = format!("{}\n", lenient_json::to_pretty(&primary.node));
        let reparsed: Value = serde_json::from_str(&contents)
            .map_err(|e| format!("internal error: {path} is not valid JSON: {e}"))?;
        if reparsed != primary.value {
            return Err(format!(
                "internal error: {path} does not round-trip through serde_json"
            ));
        }
        let sources = group
            .iter()
            .map(|occ| FixtureSource {
                source: occ.source.clone(),
                object: occ.object,
                repairs: occ.repairs.clone(),
            })
            .collect();
        let entry = FixtureEntry {
            path,
            callback: primary.callback,
            type_name: primary.type_name.clone(),
            kind: primary.kind.clone(),
            notification: primary.notification.clone(),
            sources,
        };
        planned.push((entry, contents));
    }
    planned.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    Ok(planned)
}

/// Status of one expected file on disk.
pub(super) enum FileStatus {
    New,
    Changed,
    Unchanged,
}

/// Whether the file at `path` holds `contents`, differs, or is missing.
pub(super) fn file_status(path: &Path, contents: &str) -> Result<FileStatus, String> {
    match fs::read(path) {
        Ok(bytes) if bytes == contents.as_bytes() => Ok(FileStatus::Unchanged),
        Ok(_) => Ok(FileStatus::Changed),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(FileStatus::New),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

/// The `.json` files (relative paths) in the given subfolders of `root`.
pub(super) fn existing_json_files(
    root: &Path,
    folders: &BTreeSet<String>,
) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    for folder in folders {
        let dir = root.join(folder);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("{}: cannot list: {e}", dir.display())),
        };
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") && entry.path().is_file() {
                out.insert(format!("{folder}/{name}"));
            }
        }
    }
    Ok(out)
}
