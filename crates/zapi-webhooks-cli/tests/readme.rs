//! The README's samples are real: the kinds table and the runs on `capture.ndjson` are re-run
//! here and compared with what the README shows.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn readme() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README")
}

/// The body of the first fenced block opening with `fence` after `marker`.
fn block_after<'a>(text: &'a str, marker: &str, fence: &str) -> &'a str {
    let from = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in README"));
    let rest = &text[from..];
    let open = rest
        .find(fence)
        .unwrap_or_else(|| panic!("no {fence} after {marker}"))
        + fence.len();
    let body = &rest[open..];
    let close = body.find("\n```").expect("closing fence");
    &body[..close]
}

#[test]
fn kinds_table_is_current() {
    let text = readme();
    let shown = block_after(&text, "## Kinds", "```text\n");
    let output = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
        .arg("kinds")
        .output()
        .expect("runs");
    let actual = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(shown, actual.trim_end(), "README kinds table is stale");
}

#[test]
fn capture_samples_are_current() {
    let text = readme();
    let capture = block_after(&text, "`capture.ndjson` (line 5", "```json\n");
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("capture.ndjson"), format!("{capture}\n")).expect("write");

    let session = block_after(&text, "`capture.ndjson` (line 5", "```console\n");
    let mut last_status = None;
    let mut checked = 0;
    for step in session.split("$ ").filter(|s| !s.is_empty()) {
        let (command, shown) = step.split_once('\n').unwrap_or((step, ""));
        let shown = shown.trim_end();
        if command == "echo $?" {
            assert_eq!(Some(shown.to_owned()), last_status, "exit status");
            continue;
        }
        let args: Vec<&str> = command.split_whitespace().collect();
        assert_eq!(args[0], "zapi-webhooks", "{command}");
        let output = Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
            .args(&args[1..])
            .current_dir(dir.path())
            .output()
            .expect("runs");
        let actual = String::from_utf8(output.stdout).expect("UTF-8");
        assert_eq!(
            shown,
            actual.trim_end(),
            "README output of `{command}` is stale"
        );
        last_status = output.status.code().map(|code| code.to_string());
        checked += 1;
    }
    assert_eq!(checked, 3);
}
