//! Writing generated files, or with `--check` comparing them: the one place that knows how.
//!
//! Two shapes of output exist. A *wholly generated folder* (`schemas/`, and any package folder
//! a generator owns) is synced with [`folder`]: every expected file is written, and every other
//! file found below the folder is removed, because nothing in it is written by hand. A single
//! file inside a hand-written tree (a README with generated sections) is synced with
//! [`ensure_file_contents`]. With `check`, neither writes: each returns one line per file that
//! is stale, missing or not generated, naming the command that fixes it ([`FIX`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::workspace_root;

/// The command that regenerates everything, named in every drift message.
pub const FIX: &str = "cargo xtask codegen";

/// A generated file: its path relative to the folder it is synced into (`/`-separated), and
/// its bytes.
pub type GeneratedFile = (String, Vec<u8>);

/// Parses the arguments of a generating command: nothing, or `--check`. Returns whether
/// `--check` was given.
pub fn check_flag(args: &[String], command: &str) -> Result<bool, String> {
    let mut check = false;
    for arg in args {
        match arg.as_str() {
            "--check" => check = true,
            other => return Err(format!("unknown argument `{other}` for `{command}`")),
        }
    }
    Ok(check)
}

/// Prints the outcome of a generating run (`problems` as returned by [`folder`] and
/// [`ensure_file_contents`]) and picks the exit code: with `check`, 1 when anything is stale.
pub fn report(problems: &[String], check: bool) -> ExitCode {
    if problems.is_empty() {
        println!("every generated file is up to date");
        return ExitCode::SUCCESS;
    }
    if check {
        for problem in problems {
            eprintln!("{problem}");
        }
        eprintln!("{} file(s) not up to date, run `{FIX}`", problems.len());
        ExitCode::from(1)
    } else {
        for problem in problems {
            println!("updated: {problem}");
        }
        ExitCode::SUCCESS
    }
}

/// `path` as shown in messages: relative to the workspace root when it is inside it.
fn shown(path: &Path) -> String {
    let root = workspace_root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Writes `contents` to `path` unless it already holds exactly that. With `check`, never writes
/// and returns the problem instead: "`<file>` was not up-to-date, run `cargo xtask codegen`"
/// (or "is missing"). Without `check`, returns the file's name when it was written.
pub fn ensure_file_contents(
    path: &Path,
    contents: &[u8],
    check: bool,
) -> Result<Option<String>, String> {
    let current = std::fs::read(path).ok();
    if current.as_deref() == Some(contents) {
        return Ok(None);
    }
    let name = shown(path);
    if check {
        let what = if current.is_none() {
            "is missing"
        } else {
            "was not up-to-date"
        };
        return Ok(Some(format!("`{name}` {what}, run `{FIX}`")));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| format!("cannot create {}: {err}", shown(parent)))?;
    }
    std::fs::write(path, contents).map_err(|err| format!("cannot write {name}: {err}"))?;
    Ok(Some(name))
}

/// Syncs the generated folder `dir` with `files`: each is written (or with `check`, compared)
/// by [`ensure_file_contents`], and every other file below `dir` is removed (or with `check`,
/// reported: "`<file>` is not generated, remove it or run `cargo xtask codegen`"), except the
/// few files `hand_written` names (paths relative to `dir`), which a generated folder may hold
/// beside what is generated: they are never written nor removed, only reported when missing.
/// Folders left empty by a removal are removed too. Returns one line per file that was stale,
/// missing or extra.
pub fn folder(
    dir: &Path,
    files: &[GeneratedFile],
    hand_written: &[&str],
    check: bool,
) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    let mut expected = BTreeSet::new();
    for relative in hand_written {
        let path = dir.join(relative);
        if !path.is_file() {
            problems.push(format!(
                "`{}` is missing: it is written by hand, not generated",
                shown(&path)
            ));
        }
        expected.insert(path);
    }
    for (relative, contents) in files {
        if !expected.insert(dir.join(relative)) {
            return Err(format!(
                "`{relative}` is generated twice into {}",
                shown(dir)
            ));
        }
        problems.extend(ensure_file_contents(&dir.join(relative), contents, check)?);
    }
    let mut found = Vec::new();
    walk(dir, &mut found)?;
    for path in found.iter().filter(|path| !expected.contains(*path)) {
        let name = shown(path);
        if check {
            problems.push(format!(
                "`{name}` is not generated, remove it or run `{FIX}`"
            ));
        } else {
            std::fs::remove_file(path).map_err(|err| format!("cannot remove {name}: {err}"))?;
            problems.push(format!("{name} (removed)"));
            remove_empty_parents(path, dir);
        }
    }
    Ok(problems)
}

/// Every file below `dir` (following no symbolic links), in sorted order; nothing when `dir`
/// does not exist.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(format!("cannot read {}: {err}", shown(dir))),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| format!("cannot read {}: {err}", shown(dir)))?;
        let kind = entry
            .file_type()
            .map_err(|err| format!("cannot read {}: {err}", shown(&entry.path())))?;
        paths.push((entry.path(), kind.is_dir()));
    }
    paths.sort();
    for (path, is_dir) in paths {
        if is_dir {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Removes the folders between `file` and `top` (exclusive) that are now empty.
fn remove_empty_parents(file: &Path, top: &Path) {
    let mut current = file.parent();
    while let Some(folder) = current {
        // `remove_dir` fails on a folder that is not empty, which ends the climb.
        if folder == top || !folder.starts_with(top) || std::fs::remove_dir(folder).is_err() {
            break;
        }
        current = folder.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(relative: &str, contents: &str) -> GeneratedFile {
        (relative.to_owned(), contents.as_bytes().to_vec())
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zapi-xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn check_reports_stale_missing_and_extra_files_and_write_fixes_them() {
        let dir = temp_dir("sync");
        let files = [file("a.json", "{}\n"), file("deep/b.d.ts", "export {};\n")];
        // Nothing there: every file is missing.
        let missing = folder(&dir, &files, &[], true).expect("check");
        assert_eq!(missing.len(), 2, "{missing:?}");
        assert!(
            missing
                .iter()
                .all(|m| m.contains("is missing, run `cargo xtask codegen`")),
            "{missing:?}"
        );
        assert!(!dir.exists(), "--check created the folder");
        // Write, then everything is current.
        let written = folder(&dir, &files, &[], false).expect("write");
        assert_eq!(written.len(), 2);
        assert!(folder(&dir, &files, &[], true).expect("check").is_empty());
        // A stale file and extra files (one in a folder of its own) are reported, and --check
        // changes nothing.
        std::fs::write(dir.join("a.json"), "[]\n").expect("write");
        std::fs::create_dir_all(dir.join("old")).expect("mkdir");
        std::fs::write(dir.join("old/c.json"), "{}\n").expect("write");
        std::fs::write(dir.join("deep/d.txt"), "x").expect("write");
        let problems = folder(&dir, &files, &[], true).expect("check");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].ends_with("a.json` was not up-to-date, run `cargo xtask codegen`"));
        assert!(
            problems[1].contains("deep/d.txt` is not generated"),
            "{problems:?}"
        );
        assert!(
            problems[2].contains("old/c.json` is not generated"),
            "{problems:?}"
        );
        assert_eq!(std::fs::read(dir.join("a.json")).expect("read"), b"[]\n");
        assert!(dir.join("old/c.json").exists());
        // Writing fixes all three and removes the folder the extra file left empty.
        let fixed = folder(&dir, &files, &[], false).expect("write");
        assert_eq!(fixed.len(), 3, "{fixed:?}");
        assert!(!dir.join("old").exists());
        assert!(!dir.join("deep/d.txt").exists());
        assert!(dir.join("deep/b.d.ts").exists());
        assert!(folder(&dir, &files, &[], true).expect("check").is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hand_written_files_are_kept_and_only_reported_when_missing() {
        let dir = temp_dir("sync-hand");
        let files = [file("gen.py", "x = 1\n")];
        let hand = ["own.py"];
        let missing = folder(&dir, &files, &hand, true).expect("check");
        assert_eq!(missing.len(), 2, "{missing:?}");
        assert!(
            missing[0].contains("own.py` is missing: it is written by hand"),
            "{missing:?}"
        );
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("own.py"), "y = 2\n").expect("write");
        folder(&dir, &files, &hand, false).expect("write");
        assert!(folder(&dir, &files, &hand, true).expect("check").is_empty());
        assert_eq!(std::fs::read(dir.join("own.py")).expect("kept"), b"y = 2\n");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_path_generated_twice_is_an_error() {
        let dir = temp_dir("sync-twice");
        let error = folder(&dir, &[file("a", "1"), file("a", "2")], &[], true).expect_err("twice");
        assert!(error.contains("`a` is generated twice"), "{error}");
    }

    #[test]
    fn arguments_are_nothing_or_check() {
        assert_eq!(check_flag(&[], "codegen"), Ok(false));
        assert_eq!(check_flag(&["--check".to_owned()], "codegen"), Ok(true));
        let error = check_flag(&["--write".to_owned()], "codegen").expect_err("unknown");
        assert!(error.contains("`--write`"), "{error}");
    }
}
