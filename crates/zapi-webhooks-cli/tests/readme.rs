//! The command samples of both READMEs (`README.md` at the root and this crate's) are real:
//! trycmd runs every ```` ```console ```` block against the `zapi-webhooks` binary built here,
//! from the repository root, and compares the output (`...` and `[..]` elide what varies; a
//! `? N` line is the exit status). After a change of output, `TRYCMD=overwrite cargo test -p
//! zapi-webhooks-cli --test readme` rewrites the samples; review the diff.
//!
//! trycmd skips, without failing, a command whose program it does not know, so a second test
//! checks that every command of those blocks runs `zapi-webhooks`.

use std::path::{Path, PathBuf};

/// The READMEs whose samples run, relative to the repository root.
const READMES: [&str; 2] = ["README.md", "crates/zapi-webhooks-cli/README.md"];

/// The binary's name in the samples.
const BIN: &str = "zapi-webhooks";

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(relative: &str) -> String {
    let path = repository_root().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("read {relative}: {err}"))
}

/// The bodies of the fenced blocks of `text` whose info string starts with `lang`.
fn blocks<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        let Some(line_end) = after.find('\n') else {
            break;
        };
        let info = &after[..line_end];
        let body = &after[line_end + 1..];
        let close = body.find("```").unwrap_or(body.len());
        if info.split(',').next() == Some(lang) && !info.contains("ignore") {
            out.push(&body[..close]);
        }
        rest = body.get(close + 3..).unwrap_or_default();
    }
    out
}

#[test]
fn readme_samples_match_the_binary() {
    // The samples name paths relative to the repository root (`fixtures`, ...), as a reader
    // who cloned it runs them; trycmd runs them in the current folder.
    std::env::set_current_dir(repository_root()).expect("cd to the repository root");
    let cases = trycmd::TestCases::new();
    cases.register_bin(BIN, Path::new(env!("CARGO_BIN_EXE_zapi-webhooks")));
    for readme in READMES {
        cases.case(readme);
    }
    // The cases run when `cases` is dropped, failing the test on any difference.
}

#[test]
fn every_sample_command_runs_the_binary() {
    let mut commands = 0;
    for readme in READMES {
        for block in blocks(&read(readme), "console") {
            for line in block.lines().filter(|line| line.starts_with("$ ")) {
                assert!(
                    line.starts_with(&format!("$ {BIN} ")),
                    "{readme}: `{line}`: a ```console block runs only `{BIN}` (trycmd would skip \
                     any other program without failing); show other commands in a ```sh block"
                );
                commands += 1;
            }
        }
    }
    // The root README's three and this crate's eight (`kinds` included, a block written by
    // `cargo xtask codegen`): a sample that is no longer a ```console block is no longer run.
    assert_eq!(
        commands, 11,
        "commands in the ```console blocks of {READMES:?}"
    );
}

/// The capture the samples run on is the one this crate's README shows.
#[test]
fn the_capture_shown_is_the_capture_run() {
    let readme = read("crates/zapi-webhooks-cli/README.md");
    let marker = "[`tests/data/capture.ndjson`](tests/data/capture.ndjson)";
    let from = readme.find(marker).expect("the README names the capture");
    let shown = blocks(&readme[from..], "json")
        .into_iter()
        .next()
        .expect("a ```json block after it");
    assert_eq!(
        shown,
        read("crates/zapi-webhooks-cli/tests/data/capture.ndjson")
    );
}

#[test]
fn blocks_are_found_by_language() {
    let text = "a\n```console\n$ x\n```\nb\n```sh\ny\n```\n```console,ignore\nz\n```\n";
    assert_eq!(blocks(text, "console"), ["$ x\n"]);
    assert_eq!(blocks(text, "sh"), ["y\n"]);
}
