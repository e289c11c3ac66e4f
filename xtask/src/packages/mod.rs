//! The npm package (`packages/npm/`) and the Python package (`packages/python/`), written by
//! `cargo xtask codegen`: the JSON Schemas, the TypeScript types or the Python `TypedDict`s, every
//! fixture and capture as an example, and the version of the workspace. Both folders are wholly
//! generated, but for the Python package's runtime code (`__init__.py`, written by hand where it
//! is shipped; see [`python::HAND_WRITTEN`]): any other file there that the generator does not
//! write is removed (or, with `--check`, reported).
//!
//! Each package is the list of its files as (path relative to the package folder, contents);
//! [`npm::files`] and [`python::files`] build them from what [`Inputs::read`] gathers once.

mod npm;
mod python;

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use zapi_webhooks::CallbackType;

use crate::openapi::WorkspacePackage;
use crate::sync::{self, GeneratedFile};

/// The npm package's folder, relative to the workspace root.
pub(crate) const NPM_DIR: &str = "packages/npm";

/// The Python package's folder, relative to the workspace root.
pub(crate) const PYTHON_DIR: &str = "packages/python";

/// The name of both packages (npm name; the Python distribution name, imported as
/// `zapi_webhooks`).
const PACKAGE_NAME: &str = "zapi-webhooks";

/// The first line of every generated file of the packages that can hold a comment.
const NOTICE: &str =
    "Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.";

/// The callback names, quoted and separated by commas: a list in JavaScript and in Python.
fn callback_names() -> String {
    CallbackType::ALL
        .iter()
        .map(|c| format!("\"{}\"", c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes (or with `check`, only compares) both package folders under `root`; returns one line
/// per file that was stale, missing, or is not generated.
pub(crate) fn generate(root: &Path, check: bool) -> Result<Vec<String>, String> {
    let inputs = Inputs::read(root)?;
    let mut problems = sync_folder(root, NPM_DIR, &npm::files(&inputs)?, &[], check)?;
    problems.extend(sync_folder(
        root,
        PYTHON_DIR,
        &python::files(&inputs)?,
        python::HAND_WRITTEN,
        check,
    )?);
    Ok(problems)
}

/// One file of a package: its path inside the package folder and its contents.
pub(crate) type File = (String, String);

/// What both packages are made of, read once.
pub(crate) struct Inputs {
    /// `[workspace.package]` of the root `Cargo.toml`: the version and licence of both.
    package: WorkspacePackage,
    /// The callback schemas, as written under `schemas/`: `callback.schema.json`,
    /// `<callback>.schema.json`, `strict/...` (path relative to `schemas/`, text).
    schemas: Vec<File>,
    /// Every docs fixture and every capture, in the order of their manifests.
    examples: Vec<Example>,
    /// The licence files of the workspace root (name, text), shipped in both packages.
    licences: Vec<File>,
}

impl Inputs {
    fn read(root: &Path) -> Result<Inputs, String> {
        let mut schemas = Vec::new();
        for (relative, bytes) in crate::schemas::generated_files()? {
            if !relative.starts_with("config/") {
                let text = String::from_utf8(bytes)
                    .map_err(|err| format!("schemas/{relative} is not UTF-8: {err}"))?;
                schemas.push((relative, text));
            }
        }
        let mut licences = Vec::new();
        for name in ["LICENSE-APACHE", "LICENSE-MIT"] {
            licences.push((name.to_owned(), read_text(&root.join(name))?));
        }
        Ok(Inputs {
            package: WorkspacePackage::read(root)?,
            schemas,
            examples: Example::read_all(root)?,
            licences,
        })
    }

    /// The schema files and the examples (with their manifest), under `schemas/` and
    /// `examples/` of `prefix` (a folder of the package, `""` or ending with `/`).
    fn data_files(&self, prefix: &str) -> Result<Vec<File>, String> {
        let mut files: Vec<File> = self
            .schemas
            .iter()
            .map(|(relative, text)| (format!("{prefix}schemas/{relative}"), text.clone()))
            .collect();
        for example in &self.examples {
            files.push((
                format!("{prefix}examples/{}", example.path()),
                example.text.clone(),
            ));
        }
        files.push((
            format!("{prefix}examples/manifest.json"),
            self.examples_manifest()?,
        ));
        Ok(files)
    }

    /// `examples/manifest.json`: one entry per example, in file order.
    fn examples_manifest(&self) -> Result<String, String> {
        #[derive(Serialize)]
        struct Manifest<'a> {
            #[serde(rename = "$comment")]
            comment: &'a str,
            version: &'a str,
            examples: Vec<Entry<'a>>,
        }
        #[derive(Serialize)]
        struct Entry<'a> {
            name: String,
            path: String,
            callback: &'a str,
            #[serde(rename = "type")]
            type_name: &'a str,
            kind: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            notification: Option<&'a str>,
            origin: &'a str,
            source: &'a str,
            app_added_keys: &'a [String],
        }
        let manifest = Manifest {
            comment: "Generated by `cargo xtask codegen` from fixtures/manifest.json (examples of \
                      the Z-API docs, origin `docs`) and fixtures/captures/manifest.json (real \
                      deliveries, pseudonymized, origin `capture`); do not edit by hand. `path` \
                      is relative to this folder; `source` is the fixture it was copied from. \
                      Every example is valid under the permissive schemas, and under the strict \
                      ones unless `app_added_keys` lists keys an application added to it.",
            version: &self.package.version,
            examples: self
                .examples
                .iter()
                .map(|example| Entry {
                    name: example.name(),
                    path: example.path(),
                    callback: example.callback.as_str(),
                    type_name: example.callback.type_value(),
                    kind: &example.kind,
                    notification: example.notification.as_deref(),
                    origin: example.origin.as_str(),
                    source: &example.source,
                    app_added_keys: &example.app_added_keys,
                })
                .collect(),
        };
        json_text(&manifest, "examples/manifest.json")
    }
}

/// Where an example comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// An example of the Z-API docs (`fixtures/<callback>/`).
    Docs,
    /// A real delivery (`fixtures/captures/<callback>/`).
    Capture,
}

impl Origin {
    fn as_str(self) -> &'static str {
        match self {
            Origin::Docs => "docs",
            Origin::Capture => "capture",
        }
    }
}

/// A fixture or a capture, as shipped in the packages.
pub(crate) struct Example {
    callback: CallbackType,
    /// The file name without `.json`, as in `fixtures/` (`<kind>__<case>`).
    stem: String,
    kind: String,
    notification: Option<String>,
    origin: Origin,
    /// The path of the fixture in the repository, from the workspace root.
    source: String,
    app_added_keys: Vec<String>,
    /// The file's text, unchanged.
    text: String,
}

impl Example {
    /// `<callback>/<stem>` for a docs example, `<callback>/<kind>__captured_<case>` for a
    /// capture (a capture may share its stem with a docs example).
    fn name(&self) -> String {
        let stem = match self.origin {
            Origin::Docs => self.stem.clone(),
            Origin::Capture => match self.stem.split_once("__") {
                Some((kind, case)) => format!("{kind}__captured_{case}"),
                None => format!("captured_{}", self.stem),
            },
        };
        format!("{}/{stem}", self.callback.as_str())
    }

    /// The path of the example in `examples/`.
    fn path(&self) -> String {
        format!("{}.json", self.name())
    }

    /// Every entry of `fixtures/manifest.json`, then of `fixtures/captures/manifest.json`.
    fn read_all(root: &Path) -> Result<Vec<Example>, String> {
        let mut examples = Vec::new();
        for (folder, list, origin) in [
            ("fixtures", "fixtures", Origin::Docs),
            ("fixtures/captures", "captures", Origin::Capture),
        ] {
            let manifest_path = format!("{folder}/manifest.json");
            let manifest: Value = serde_json::from_str(&read_text(&root.join(&manifest_path))?)
                .map_err(|err| format!("{manifest_path} is not JSON: {err}"))?;
            let entries = manifest[list]
                .as_array()
                .ok_or_else(|| format!("{manifest_path} has no `{list}` array"))?;
            for (index, entry) in entries.iter().enumerate() {
                let at = format!("{manifest_path}: /{list}/{index}");
                examples.push(Example::from_entry(root, folder, origin, entry, &at)?);
            }
        }
        let mut names = BTreeSet::new();
        for example in &examples {
            if !names.insert(example.name()) {
                return Err(format!(
                    "two examples would be named `{}`; rename one fixture",
                    example.name()
                ));
            }
        }
        Ok(examples)
    }

    fn from_entry(
        root: &Path,
        folder: &str,
        origin: Origin,
        entry: &Value,
        at: &str,
    ) -> Result<Example, String> {
        let field = |name: &str| {
            entry[name]
                .as_str()
                .ok_or_else(|| format!("{at}: expected a string `{name}`, found {}", entry[name]))
        };
        let path = field("path")?;
        let callback_name = field("callback")?;
        let callback = CallbackType::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == callback_name)
            .ok_or_else(|| format!("{at}: unknown callback `{callback_name}`"))?;
        let stem = path
            .strip_prefix(&format!("{callback_name}/"))
            .and_then(|name| name.strip_suffix(".json"))
            .filter(|stem| !stem.contains('/'))
            .ok_or_else(|| format!("{at}: `{path}` is not `{callback_name}/<name>.json`"))?;
        let app_added_keys = match &entry["app_added_keys"] {
            Value::Null => Vec::new(),
            Value::Array(keys) => keys
                .iter()
                .map(|key| {
                    key.as_str().map(str::to_owned).ok_or_else(|| {
                        format!("{at}/app_added_keys: expected strings, found {key}")
                    })
                })
                .collect::<Result<_, _>>()?,
            other => {
                return Err(format!(
                    "{at}/app_added_keys: expected an array, found {other}"
                ));
            }
        };
        let source = format!("{folder}/{path}");
        Ok(Example {
            callback,
            stem: stem.to_owned(),
            kind: field("kind")?.to_owned(),
            notification: entry["notification"].as_str().map(str::to_owned),
            origin,
            text: read_text(&root.join(&source))?,
            source,
            app_added_keys,
        })
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

/// Pretty JSON with a final newline.
fn json_text(value: &impl Serialize, what: &str) -> Result<String, String> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|err| format!("cannot serialize {what}: {err}"))?;
    text.push('\n');
    Ok(text)
}

/// Fills a template: every `@NAME@` of `values` is replaced; a placeholder left over (an `@`,
/// capital letters or `_`, and an `@`) is an error naming `what`, the template.
fn fill(template: &str, values: &[(&str, &str)], what: &str) -> Result<String, String> {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("@{name}@"), value);
    }
    for (start, _) in text.match_indices('@') {
        let rest = &text[start + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || *c == '_')
            .collect();
        if !name.is_empty() && rest[name.len()..].starts_with('@') {
            return Err(format!("{what}: placeholder `@{name}@` has no value"));
        }
    }
    Ok(text)
}

/// Makes the package folder `relative` (to `root`) hold exactly `files` and the `hand_written`
/// ones, through the workspace's one sync helper ([`crate::sync::folder`]).
fn sync_folder(
    root: &Path,
    relative: &str,
    files: &[File],
    hand_written: &[&str],
    check: bool,
) -> Result<Vec<String>, String> {
    let files: Vec<GeneratedFile> = files
        .iter()
        .map(|(path, text)| (path.clone(), text.clone().into_bytes()))
        .collect();
    sync::folder(&root.join(relative), &files, hand_written, check)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace_root;

    fn manifest_len(root: &Path, path: &str, list: &str) -> usize {
        let text = read_text(&root.join(path)).expect("manifest");
        let value: Value = serde_json::from_str(&text).expect("json");
        value[list].as_array().expect("array").len()
    }

    #[test]
    fn every_fixture_and_capture_is_an_example_with_a_unique_name() {
        let root = workspace_root();
        let inputs = Inputs::read(&root).expect("inputs");
        let docs = manifest_len(&root, "fixtures/manifest.json", "fixtures");
        let captures = manifest_len(&root, "fixtures/captures/manifest.json", "captures");
        assert_eq!(inputs.examples.len(), docs + captures);
        let names: BTreeSet<String> = inputs.examples.iter().map(Example::name).collect();
        assert_eq!(names.len(), inputs.examples.len());
        let capture = inputs
            .examples
            .iter()
            .find(|e| e.origin == Origin::Capture)
            .expect("a capture");
        assert!(capture.name().contains("__captured_"), "{}", capture.name());
        let manifest: Value =
            serde_json::from_str(&inputs.examples_manifest().expect("manifest")).expect("json");
        assert_eq!(manifest["version"], inputs.package.version.as_str());
        assert_eq!(
            manifest["examples"].as_array().map(Vec::len),
            Some(docs + captures)
        );
    }

    #[test]
    fn both_packages_carry_the_workspace_version() {
        let root = workspace_root();
        let inputs = Inputs::read(&root).expect("inputs");
        let version = &inputs.package.version;
        let npm = npm::files(&inputs).expect("npm files");
        let find = |files: &[File], path: &str| {
            files
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, text)| text.clone())
                .unwrap_or_else(|| panic!("no {path}"))
        };
        let package: Value = serde_json::from_str(&find(&npm, "package.json")).expect("json");
        assert_eq!(package["version"], version.as_str());
        assert!(find(&npm, "index.js").contains(&format!("version = \"{version}\"")));
        assert!(find(&npm, "index.cjs").contains(&format!("version = \"{version}\"")));
        let python = python::files(&inputs).expect("python files");
        assert!(find(&python, "pyproject.toml").contains(&format!("\nversion = \"{version}\"\n")));
        assert!(
            find(&python, "src/zapi_webhooks/_catalog.py")
                .contains(&format!("__version__ = \"{version}\""))
        );
        // Both ship the same schemas and examples.
        let data = |files: &[File], prefix: &str| -> Vec<(String, String)> {
            files
                .iter()
                .filter_map(|(p, t)| Some((p.strip_prefix(prefix)?.to_owned(), t.clone())))
                .filter(|(p, _)| p.starts_with("schemas/") || p.starts_with("examples/"))
                .collect()
        };
        assert_eq!(data(&npm, ""), data(&python, "src/zapi_webhooks/"));
    }

    #[test]
    fn fill_replaces_placeholders_and_names_a_missing_one() {
        let text = fill("a @X@ b @app.post @Y_Z@", &[("X", "1"), ("Y_Z", "2")], "t");
        assert_eq!(text.as_deref(), Ok("a 1 b @app.post 2"));
        let error = fill("@X@ and @MISSING@", &[("X", "1")], "the README").expect_err("left");
        assert!(
            error.contains("the README") && error.contains("@MISSING@"),
            "{error}"
        );
    }
}
