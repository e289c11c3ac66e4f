//! `cargo xtask import-docs PATH [--write] [--fixtures DIR]`: turns the JSON
//! examples of the Z-API webhook documentation into test fixtures.
//!
//! PATH is either a folder with `pt/` and `en/` subfolders of markdown pages
//! (the layout of the docs copy CI uses, and of the sample `xtask/testdata/docs`)
//! or a checkout of the Z-API docs repository (`docs/webhooks/` is Portuguese,
//! `i18n/en/docusaurus-plugin-content-docs/current/webhooks/` is English). Every ```` ```json ```` block of every page
//! is parsed with the lenient parser ([`crate::lenient_json`]); each
//! top-level value becomes
//!
//! - a webhook payload (it has a `type` the models know): one fixture file per
//!   distinct payload (compared as `serde_json::Value`), listing every place it
//!   appears; its callback and kind are the models' own
//!   (`zapi_webhooks::Callback::from_value`, then `callback_type` and
//!   `kind`), see [`classify::read_with_models`];
//! - a webhook-configuration example (`{"value": ...}`, `{"notifySentByMe": ..}`),
//!   listed under `config_examples` in the manifest;
//! - or a skipped block, listed with its reason (JavaScript `case` snippets
//!   also contribute to `notification_names_in_docs`).
//!
//! The pipeline: [`layout`] finds the pages, [`markdown`] their JSON code
//! blocks, [`classify`] sorts each value (naming payloads with [`case_names`]),
//! [`fixtures`] groups payloads into named fixture files and compares them with
//! the disk, [`manifest`] holds the records of `manifest.json`, and [`report`]
//! renders what `run` prints.
//!
//! Without `--write` the result is compared with the fixtures folder and the
//! command fails if anything is new, changed or gone; with `--write` the
//! fixture files and `manifest.json` are (re)written.
//!
//! The report also compares the docs example by example with the fixture
//! files ([`ExampleChanges`]): each new, changed (with the JSON pointers where
//! it differs from its fixture) or gone example, grouped by page and heading.
//!
//! # The `new-doc` branch
//!
//! The docs repository has an unmerged branch, `new-doc`, that renames the
//! webhook pages (`ao-receber.md`, `status-mensagem.md`, `ao-conectar.md`,
//! ...; [`layout::PAGES`] pairs each with the current page and its callback)
//! and their headings ([`case_names`] maps the new headings to the same case
//! names, so an unchanged payload keeps its fixture name). To see what merging
//! it would change, extract it and run the importer without `--write`:
//!
//! ```sh
//! git --git-dir=/work/.mirror/Z-API+z-api-docs/repo archive new-doc \
//!     docs/webhooks i18n/en/docusaurus-plugin-content-docs/current/webhooks \
//!   | tar -x -C DIR && cargo xtask import-docs DIR
//! ```
//!
//! (Naming the two folders keeps `git archive` away from the branch's large
//! media files.) The by-page section then says which examples are new, changed
//! or gone; the fixtures stay as they are until the branch is merged.
//!
//! # Tests
//!
//! The importer's tests run on `xtask/testdata/docs`, a small synthetic docs
//! tree of our own (see its README) that exercises every repair. The drift
//! check of the committed `fixtures/` against the real Z-API docs is an
//! `#[ignore]`d test, since the docs are not in the repository: run it with
//! the environment variable `ZAPI_DOCS_DIR` naming the docs folder (a
//! relative path is relative to the workspace root),
//! `ZAPI_DOCS_DIR=../shared/zapi-docs cargo test -p xtask -- --ignored`
//! (`.ci/run` does). Without the variable, or with a path that is not a
//! folder, it fails.

mod case_names;
mod classify;
mod fixtures;
mod layout;
mod manifest;
mod markdown;
mod report;

use classify::Extraction;
use fixtures::{FileStatus, existing_json_files, file_status, plan_fixtures};
use layout::discover_pages;
use manifest::{MANIFEST_COMMENT, Manifest, notification_names, previous_manifest_paths};
use markdown::extract_blocks;
pub use report::ExampleChanges;
use report::{compare_examples, previous_sources, render_report};
use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

/// Usage line of the subcommand.
pub const USAGE: &str = "import-docs PATH [--write] [--fixtures DIR]";

/// Command-line options of the subcommand.
#[derive(Debug, Clone)]
pub struct Options {
    /// The docs folder (shared layout or docs repository checkout).
    pub docs: PathBuf,
    /// The fixtures folder (`<workspace>/fixtures` by default).
    pub fixtures: PathBuf,
    /// Write the fixtures instead of only comparing.
    pub write: bool,
}

/// Entry point of `cargo xtask import-docs`.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut docs: Option<PathBuf> = None;
    let mut fixtures: Option<PathBuf> = None;
    let mut write = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--write" => write = true,
            "--fixtures" => {
                let dir = iter
                    .next()
                    .ok_or_else(|| format!("--fixtures needs a folder\nusage: {USAGE}"))?;
                fixtures = Some(PathBuf::from(dir));
            }
            "-h" | "--help" => {
                println!("usage: cargo xtask {USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}`\nusage: {USAGE}"));
            }
            path if docs.is_none() => docs = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument `{extra}`\nusage: {USAGE}")),
        }
    }
    let docs = docs.ok_or_else(|| format!("missing the docs PATH\nusage: {USAGE}"))?;
    let fixtures = fixtures.unwrap_or_else(|| crate::workspace_root().join("fixtures"));
    let outcome = import(&Options {
        docs,
        fixtures,
        write,
    })?;
    print!("{}", outcome.report);
    if outcome.write || outcome.is_up_to_date() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}

/// Result of one import run.
#[derive(Debug)]
pub struct Outcome {
    /// Whether files were written.
    pub write: bool,
    /// Fixture paths (relative to the fixtures folder) that did not exist.
    pub new: Vec<String>,
    /// Fixture paths whose content differs from the docs.
    pub changed: Vec<String>,
    /// Fixture paths that are up to date.
    pub unchanged: Vec<String>,
    /// Fixture files in the callback folders that the docs no longer produce.
    pub missing_from_docs: Vec<String>,
    /// Payload examples found in the docs (one per top-level value with a
    /// known webhook `type`, counting every language and page).
    pub payload_examples: usize,
    /// Distinct payloads, i.e. fixture files (the manifest not included).
    pub fixtures: usize,
    /// The payload examples compared one by one with the fixture files, by
    /// page and heading (what the report's by-page section lists).
    pub examples: ExampleChanges,
    /// The human-readable report that `run` prints.
    pub report: String,
}

impl Outcome {
    /// True when the fixtures folder already matches the docs.
    pub fn is_up_to_date(&self) -> bool {
        self.new.is_empty() && self.changed.is_empty() && self.missing_from_docs.is_empty()
    }
}

/// Runs the importer: reads the docs, compares with (or writes) the fixtures.
pub fn import(opts: &Options) -> Result<Outcome, String> {
    let pages = discover_pages(&opts.docs)?;
    let mut extraction = Extraction::default();
    for page in &pages {
        *extraction.pages.entry(page.lang).or_default() += 1;
        for block in extract_blocks(&page.text) {
            extraction.add_block(page, &block);
        }
    }
    let fixtures = plan_fixtures(&mut extraction)?;
    let manifest = Manifest {
        comment: MANIFEST_COMMENT,
        notification_names_in_docs: notification_names(&extraction, &fixtures),
        fixtures: fixtures.iter().map(|(entry, _)| entry.clone()).collect(),
        skipped: extraction.skipped.clone(),
        config_examples: extraction.configs.clone(),
    };
    let manifest_text = serde_json::to_string_pretty(&manifest)
        .map_err(|e| format!("cannot serialize manifest: {e}"))?;
    let manifest_text = format!("{manifest_text}\n");

    // Compare with the disk.
    let manifest_path = opts.fixtures.join("manifest.json");
    let previous = previous_manifest_paths(&manifest_path, &mut extraction.warnings)?;
    let mut folders: BTreeSet<String> = zapi_webhooks::CallbackType::ALL
        .iter()
        .map(|callback| callback.as_str().to_owned())
        .collect();
    folders.extend(
        previous
            .iter()
            .filter_map(|p| p.split_once('/').map(|(folder, _)| folder.to_owned())),
    );
    let on_disk = existing_json_files(&opts.fixtures, &folders)?;

    let mut outcome = Outcome {
        write: opts.write,
        new: Vec::new(),
        changed: Vec::new(),
        unchanged: Vec::new(),
        missing_from_docs: Vec::new(),
        payload_examples: extraction.occurrences.len(),
        fixtures: fixtures.len(),
        examples: compare_examples(
            &extraction,
            &fixtures,
            &opts.fixtures,
            &on_disk,
            &previous_sources(&manifest_path),
        ),
        report: String::new(),
    };
    let mut expected: Vec<(String, &str)> = fixtures
        .iter()
        .map(|(e, c)| (e.path.clone(), c.as_str()))
        .collect();
    expected.push(("manifest.json".to_owned(), manifest_text.as_str()));
    for (rel, contents) in &expected {
        match file_status(&opts.fixtures.join(rel), contents)? {
            FileStatus::New => outcome.new.push(rel.clone()),
            FileStatus::Changed => outcome.changed.push(rel.clone()),
            FileStatus::Unchanged => outcome.unchanged.push(rel.clone()),
        }
    }
    let produced: BTreeSet<&str> = fixtures.iter().map(|(e, _)| e.path.as_str()).collect();
    outcome.missing_from_docs = on_disk
        .iter()
        .filter(|p| !produced.contains(p.as_str()))
        .cloned()
        .collect();

    let mut removed = Vec::new();
    if opts.write {
        for (rel, contents) in &expected {
            if outcome.unchanged.contains(rel) {
                continue;
            }
            let path = opts.fixtures.join(rel);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)
                    .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
            }
            fs::write(&path, contents)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        }
        for rel in &outcome.missing_from_docs {
            if previous.contains(rel) {
                let path = opts.fixtures.join(rel);
                fs::remove_file(&path)
                    .map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
                removed.push(rel.clone());
            } else {
                extraction.warnings.push(format!(
                    "{}: not produced by the docs and not in the previous manifest; left in place (remove it or move it out of the callback folders)",
                    opts.fixtures.join(rel).display()
                ));
            }
        }
    }
    outcome.report = render_report(opts, &extraction, &fixtures, &manifest, &outcome, &removed);
    Ok(outcome)
}

#[cfg(test)]
mod tests;
