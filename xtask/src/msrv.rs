//! `cargo xtask msrv`: checks that the workspace's `rust-version` (the MSRV the README states)
//! covers what the dependencies of every publishable crate declare.
//!
//! Reads `cargo metadata` (locked; offline unless the registry is needed) and, for each workspace package that is published,
//! walks its normal and build dependencies (not dev-dependencies: they only matter for running
//! this repository's tests) through the resolved graph, and takes the highest `rust-version`
//! any of them declares. The check fails when a package declares a lower `rust-version` than
//! that. The dev-dependencies' highest `rust-version` is printed too, as the toolchain needed to
//! run the test suite.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, ExitCode};

use serde_json::Value;

/// A `rust-version` as comparable numbers (`1.85` is `[1, 85, 0]`).
type Version = [u64; 3];

/// What the check found for one publishable package.
#[derive(Debug)]
pub struct Finding {
    /// The package's name.
    pub package: String,
    /// Its declared `rust-version`.
    pub declared: Version,
    /// The highest `rust-version` among its normal and build dependencies, and who declares it.
    pub needed: (Version, String),
    /// The highest among everything, dev-dependencies included.
    pub needed_for_tests: (Version, String),
}

/// Runs the command.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    if let Some(other) = args.first() {
        return Err(format!("unknown argument `{other}` for `msrv`"));
    }
    let findings = check()?;
    let mut failed = false;
    for finding in &findings {
        let ok = finding.declared >= finding.needed.0;
        failed |= !ok;
        println!(
            "{} {}: rust-version {} (dependencies need {}, from {}; its tests need {}, from {})",
            if ok { "ok  " } else { "FAIL" },
            finding.package,
            show(finding.declared),
            show(finding.needed.0),
            finding.needed.1,
            show(finding.needed_for_tests.0),
            finding.needed_for_tests.1,
        );
    }
    if failed {
        eprintln!("raise `rust-version` in the workspace Cargo.toml (and the README's MSRV)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Computes the findings for every publishable workspace package.
pub fn check() -> Result<Vec<Finding>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let metadata = |offline: bool| {
        let mut command = Command::new(&cargo);
        command
            .args(["metadata", "--format-version", "1", "--locked"])
            .current_dir(crate::workspace_root());
        if offline {
            command.arg("--offline");
        }
        command
            .output()
            .map_err(|err| format!("cannot run cargo metadata: {err}"))
    };
    // Offline first; the manifests of dependencies for other platforms (Windows-only crates,
    // say) are not downloaded by a build here, so a fresh cargo home may need the registry.
    let mut output = metadata(true)?;
    if !output.status.success() {
        output = metadata(false)?;
    }
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|err| format!("cargo metadata printed no JSON: {err}"))?;
    findings(&metadata)
}

/// The findings for `metadata` (the JSON of `cargo metadata --format-version 1`).
fn findings(metadata: &Value) -> Result<Vec<Finding>, String> {
    let packages = metadata["packages"]
        .as_array()
        .ok_or("cargo metadata: no `packages`")?;
    let by_id: BTreeMap<&str, &Value> = packages
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: BTreeMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .ok_or("cargo metadata: no `resolve.nodes`")?
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let members = metadata["workspace_members"]
        .as_array()
        .ok_or("cargo metadata: no `workspace_members`")?;
    let mut out = Vec::new();
    for member in members.iter().filter_map(Value::as_str) {
        let package = by_id
            .get(member)
            .ok_or_else(|| format!("no package {member}"))?;
        // `publish: []` is `publish = false`.
        if package["publish"].as_array().is_some_and(Vec::is_empty) {
            continue;
        }
        let declared = package["rust_version"]
            .as_str()
            .and_then(parse)
            .ok_or_else(|| format!("{} declares no rust-version", package["name"]))?;
        out.push(Finding {
            package: package["name"].as_str().unwrap_or_default().to_owned(),
            declared,
            needed: highest(member, &nodes, &by_id, false),
            needed_for_tests: highest(member, &nodes, &by_id, true),
        });
    }
    Ok(out)
}

/// The highest `rust-version` reachable from `root` (itself excluded): through normal and build
/// dependencies, and at the first level also dev-dependencies when `with_dev`.
fn highest(
    root: &str,
    nodes: &BTreeMap<&str, &Value>,
    by_id: &BTreeMap<&str, &Value>,
    with_dev: bool,
) -> (Version, String) {
    let mut best = ([0, 0, 0], "nothing".to_owned());
    let mut seen = BTreeSet::new();
    let mut stack = vec![(root, true)];
    while let Some((id, is_root)) = stack.pop() {
        let Some(node) = nodes.get(id) else { continue };
        for dep in node["deps"].as_array().into_iter().flatten() {
            let Some(dep_id) = dep["pkg"].as_str() else {
                continue;
            };
            let kinds: Vec<&str> = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|k| k["kind"].as_str().unwrap_or("normal"))
                .collect();
            let follows = kinds.iter().any(|k| *k != "dev" || (with_dev && is_root));
            if !follows || !seen.insert(dep_id) {
                continue;
            }
            if let Some(package) = by_id.get(dep_id) {
                if let Some(version) = package["rust_version"].as_str().and_then(parse) {
                    if version > best.0 {
                        best = (
                            version,
                            format!(
                                "{} {}",
                                package["name"].as_str().unwrap_or("?"),
                                package["version"].as_str().unwrap_or("?")
                            ),
                        );
                    }
                }
            }
            stack.push((dep_id, false));
        }
    }
    best
}

fn parse(text: &str) -> Option<Version> {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().ok());
    Some([
        parts.next()??,
        parts.next().unwrap_or(Some(0))?,
        parts.next().unwrap_or(Some(0))?,
    ])
}

fn show(version: Version) -> String {
    format!("{}.{}.{}", version[0], version[1], version[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The MSRV the workspace declares covers every publishable crate's dependencies.
    #[test]
    fn rust_version_covers_the_dependencies() {
        let findings = check().unwrap_or_else(|err| panic!("{err}"));
        let names: Vec<&str> = findings.iter().map(|f| f.package.as_str()).collect();
        assert!(names.contains(&"zapi-webhooks"), "{names:?}");
        assert!(
            !names.contains(&"xtask"),
            "xtask is not published: {names:?}"
        );
        for finding in &findings {
            assert!(
                finding.declared >= finding.needed.0,
                "{}: rust-version {} but {} needs {}",
                finding.package,
                show(finding.declared),
                finding.needed.1,
                show(finding.needed.0)
            );
        }
    }

    #[test]
    fn versions_compare_numerically() {
        assert_eq!(parse("1.85"), Some([1, 85, 0]));
        assert!(parse("1.100").unwrap_or_default() > parse("1.85.1").unwrap_or_default());
        assert_eq!(parse("x"), None);
    }

    #[test]
    fn dev_dependencies_count_only_for_tests() {
        let metadata = serde_json::json!({
            "packages": [
                {"id": "a", "name": "a", "version": "0.1.0", "rust_version": "1.80", "publish": null},
                {"id": "b", "name": "b", "version": "1.0.0", "rust_version": "1.82"},
                {"id": "c", "name": "c", "version": "1.0.0", "rust_version": "1.90"},
                {"id": "d", "name": "d", "version": "1.0.0", "rust_version": "1.84"}
            ],
            "workspace_members": ["a"],
            "resolve": {"nodes": [
                {"id": "a", "deps": [
                    {"pkg": "b", "dep_kinds": [{"kind": null}]},
                    {"pkg": "c", "dep_kinds": [{"kind": "dev"}]}
                ]},
                {"id": "b", "deps": [{"pkg": "d", "dep_kinds": [{"kind": "build"}]}]},
                {"id": "c", "deps": []},
                {"id": "d", "deps": []}
            ]}
        });
        let findings = findings(&metadata).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].needed, ([1, 84, 0], "d 1.0.0".to_owned()));
        assert_eq!(
            findings[0].needed_for_tests,
            ([1, 90, 0], "c 1.0.0".to_owned())
        );
        assert!(findings[0].declared < findings[0].needed.0);
    }
}
