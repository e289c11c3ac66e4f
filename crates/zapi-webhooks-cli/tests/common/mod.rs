//! Helpers shared by the CLI's integration tests: where the fixtures are, and every payload
//! file the CLI finds there.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `<workspace>/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Every payload file the CLI finds in `fixtures/` (the docs examples and `captures/`): the
/// `*.json` files at any depth, `manifest.json` files excepted, sorted.
pub fn fixture_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("fixtures folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|ext| ext == "json")
                && path.file_name().is_some_and(|name| name != "manifest.json")
            {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&fixtures_dir(), &mut files);
    files.sort();
    files
}
