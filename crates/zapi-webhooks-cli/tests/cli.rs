//! End-to-end tests of the `zapi-webhooks` binary.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use zapi_webhooks::schema::{Flavor, Target, schema};
use zapi_webhooks::{CallbackType, Kind};

use common::{fixture_files, fixtures_dir};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zapi-webhooks"))
}

fn fixture(name: &str) -> PathBuf {
    fixture_files()
        .into_iter()
        .find(|path| path.file_name().is_some_and(|file| file == name))
        .unwrap_or_else(|| panic!("no fixture named {name}"))
}

/// The stdout of a run, as the JSON object on each line.
fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}")))
        .collect()
}

const LINE_KEYS: [&str; 10] = [
    "source",
    "callback",
    "kind",
    "dedupe_key",
    "origin",
    "valid",
    "lossless",
    "unmodeled",
    "unexpected",
    "errors",
];

/// Checks the shape of one `--format json` line.
fn assert_line_shape(line: &Value) {
    let object = line.as_object().expect("each line is an object");
    let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(keys, LINE_KEYS.into_iter().collect(), "{line}");
    assert!(line["source"].is_string(), "{line}");
    assert!(
        line["callback"].is_string() || line["callback"].is_null(),
        "{line}"
    );
    assert!(line["kind"].is_string() || line["kind"].is_null(), "{line}");
    // A dedupe key exactly for a typed payload; an origin only for a received one.
    assert_eq!(
        line["dedupe_key"]
            .as_str()
            .is_some_and(|k| k.starts_with("v1:")),
        !line["kind"].is_null(),
        "{line}"
    );
    assert!(
        line["origin"].is_null()
            || (line["callback"] == "received"
                && ["contact", "api", "device"].contains(&line["origin"].as_str().unwrap_or(""))),
        "{line}"
    );
    assert!(line["valid"].is_boolean(), "{line}");
    assert!(
        line["lossless"].is_boolean() || line["lossless"].is_null(),
        "{line}"
    );
    for pointer in line["unmodeled"].as_array().expect("unmodeled is an array") {
        assert!(
            pointer.as_str().is_some_and(|p| p.starts_with('/')),
            "{line}"
        );
    }
    let errors = line["errors"].as_array().expect("errors is an array");
    for unexpected in line["unexpected"]
        .as_array()
        .expect("unexpected is an array")
    {
        let object = unexpected
            .as_object()
            .expect("an unexpected value is an object");
        let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["expected", "found", "pointer"].into_iter().collect(),
            "{line}"
        );
        assert!(
            object.values().all(Value::is_string),
            "{line}: {unexpected}"
        );
        assert!(
            errors.iter().any(|e| e["pointer"] == unexpected["pointer"]),
            "each unexpected value is also an error: {line}"
        );
    }
    for error in errors {
        let error = error.as_object().expect("an error is an object");
        let keys: BTreeSet<&str> = error.keys().map(String::as_str).collect();
        assert_eq!(keys, ["message", "pointer"].into_iter().collect(), "{line}");
        assert!(
            error["pointer"].is_string() && error["message"].is_string(),
            "{line}"
        );
    }
    assert_eq!(
        line["valid"].as_bool(),
        Some(line["errors"].as_array().is_some_and(Vec::is_empty)),
        "valid exactly when there is no error: {line}"
    );
}

/// A bad capture: not JSON, a blank line, a wrong type, an array, a good payload, with CRLF.
const BAD_NDJSON: &str = concat!(
    "{not json\n",
    "\n",
    "{\"type\":\"ReceivedCallback\",\"fromMe\":\"yes\"}\r\n",
    "[1,2]\n",
    "{\"type\":\"DeliveryCallback\",\"phone\":\"5544999999999\",\"zaapId\":\"A\",\"messageId\":\"B\"}\n",
);

#[test]
fn single_fixture_is_valid() {
    let path = fixture("text__basic.json");
    bin()
        .args(["validate"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1 payload checked: 1 valid, 0 invalid, 0 not lossless",
        ));
    let output = bin()
        .args(["validate", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 1);
    assert_line_shape(&lines[0]);
    assert_eq!(lines[0]["callback"], "received");
    assert_eq!(lines[0]["kind"], "text");
    assert_eq!(lines[0]["lossless"], true);
    assert_eq!(lines[0]["source"], path.display().to_string());
}

#[test]
fn whole_fixtures_folder_is_valid_and_complete() {
    let files = fixture_files();
    let output = bin()
        .args(["validate", "--format", "json"])
        .arg(fixtures_dir())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), files.len(), "one line per fixture file");
    let sources: Vec<&str> = lines.iter().filter_map(|l| l["source"].as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(sources, sorted, "folder walk in sorted path order");
    assert!(
        sources.iter().all(|s| !s.ends_with("manifest.json")),
        "manifest.json is skipped in folders"
    );
    for line in &lines {
        assert_line_shape(line);
        assert_eq!(line["valid"], true, "{line}");
        assert_eq!(line["lossless"], true, "{line}");
        assert!(line["callback"].is_string(), "{line}");
    }

    bin()
        .arg("validate")
        .arg(fixtures_dir())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "{n} payloads checked: {n} valid, 0 invalid, 0 not lossless",
            n = files.len()
        )));
    // Strict too: the docs fixtures are fully modeled. (Of the captures, one carries a key
    // that an application added, which only the strict schema refuses.)
    let mut strict = bin();
    strict.args(["validate", "--strict"]);
    for folder in fs::read_dir(fixtures_dir()).expect("fixtures folder") {
        let folder = folder.expect("entry").path();
        if folder.is_dir() && folder.file_name().is_some_and(|name| name != "captures") {
            strict.arg(folder);
        }
    }
    strict.assert().code(0);
}

#[test]
fn bad_ndjson_reports_each_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("capture.ndjson");
    fs::write(&path, BAD_NDJSON).expect("write");
    let output = bin()
        .args(["validate", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 4, "the blank line is skipped");
    for line in &lines {
        assert_line_shape(line);
    }
    let at = |n: usize| format!("{}:{n}", path.display());
    // Not JSON.
    assert_eq!(lines[0]["source"], at(1));
    assert_eq!(lines[0]["callback"], Value::Null);
    assert_eq!(lines[0]["valid"], false);
    assert!(
        lines[0]["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("line 1")),
        "{}",
        lines[0]
    );
    // Wrong type: the pointer names it; the payload is typed all the same.
    assert_eq!(lines[1]["source"], at(3));
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[1]["callback"], "received");
    assert_eq!(lines[1]["kind"], "unknown");
    assert_eq!(lines[1]["lossless"], true);
    assert_eq!(lines[1]["errors"][0]["pointer"], "/fromMe");
    assert_eq!(lines[1]["unexpected"][0]["pointer"], "/fromMe");
    // Not an object.
    assert_eq!(lines[2]["source"], at(4));
    assert_eq!(lines[2]["callback"], Value::Null);
    assert_eq!(lines[2]["errors"][0]["pointer"], "");
    // Good.
    assert_eq!(lines[3]["source"], at(5));
    assert_eq!(lines[3]["valid"], true);
    assert_eq!(lines[3]["callback"], "delivery");
    assert_eq!(lines[3]["kind"], "delivery");

    // Human: one line per problem payload, then the summary.
    let output = bin().arg("validate").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with(&format!("{}: invalid (not JSON)", at(1))));
    assert!(lines[1].starts_with(&format!(
        "{}: invalid (received/unknown, typed with unexpected values): /fromMe: ",
        at(3)
    )));
    assert!(lines[2].starts_with(&format!("{}: invalid (not a callback): (root): ", at(4))));
    assert!(
        lines[3].starts_with(
            "4 payloads checked: 1 valid, 3 invalid (1 typed with unexpected values, 2 could not \
             be typed), 0 not lossless"
        ),
        "{}",
        lines[3]
    );
}

#[test]
fn stdin_is_one_payload_or_ndjson() {
    let pretty = fs::read_to_string(fixture("image__basic.json")).expect("fixture");
    assert!(pretty.lines().count() > 1, "the fixture is pretty-printed");
    let output = bin()
        .args(["validate", "--format", "json", "-"])
        .write_stdin(pretty)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], "<stdin>");
    assert_eq!(lines[0]["kind"], "image");

    let output = bin()
        .args(["validate", "--ndjson", "--format", "json", "-"])
        .write_stdin(BAD_NDJSON)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["source"], "<stdin>:3");
    assert_eq!(lines[1]["errors"][0]["pointer"], "/fromMe");

    bin()
        .args(["validate", "-", "-"])
        .write_stdin("{}")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only once"));
}

/// Runs `validate` on one whole input (a path, or `-` with `stdin`), in both formats, and
/// checks that it is one invalid payload from `source`, classified as `what` in the human line,
/// with the single error `message` at the root.
fn assert_one_root_error(path: &str, stdin: Option<&str>, source: &str, what: &str, message: &str) {
    let run = |format: &str| {
        let mut command = bin();
        command.args(["validate", "--format", format, path]);
        if let Some(stdin) = stdin {
            command.write_stdin(stdin);
        }
        command.output().expect("runs")
    };

    let output = run("human");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{source}: invalid ({what}): (root): {message}").as_str(),
            "1 payload checked: 0 valid, 1 invalid (1 could not be typed), 0 not lossless; 0 \
             unmodeled fields in 0 payloads",
        ]
    );

    let output = run("json");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 1);
    assert_line_shape(&lines[0]);
    assert_eq!(lines[0]["source"], source);
    assert_eq!(lines[0]["callback"], Value::Null);
    assert_eq!(lines[0]["kind"], Value::Null);
    assert_eq!(lines[0]["lossless"], Value::Null);
    assert_eq!(
        lines[0]["errors"],
        serde_json::json!([{ "pointer": "", "message": message }])
    );
    assert_eq!(lines[0]["unexpected"], serde_json::json!([]));
}

const EMPTY: &str = "the input is empty: expected one JSON object";

#[test]
fn payload_typed_with_unexpected_values_says_so() {
    let body = r#"{"type":"ReceivedCallback","phone":"5544999999999","fromMe":"yes","text":{"message":"oi"}}"#;
    let output = bin()
        .args(["validate", "-"])
        .write_stdin(body)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            r#"<stdin>: invalid (received/text, typed with unexpected values): /fromMe: invalid type: string "yes", expected a boolean"#,
            "1 payload checked: 0 valid, 1 invalid (1 typed with unexpected values), 0 not \
             lossless; 0 unmodeled fields in 0 payloads",
        ]
    );

    let output = bin()
        .args(["validate", "--format", "json", "-"])
        .write_stdin(body)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output.stdout);
    assert_eq!(
        lines,
        [serde_json::json!({
            "source": "<stdin>",
            "callback": "received",
            "kind": "text",
            // No `instanceId` nor `messageId`: the digest of the body.
            "dedupe_key": "v1:received:d=dd0100d18c40d53dec62dba91f678eae",
            // `fromMe` is not a boolean: no origin.
            "origin": null,
            "valid": false,
            "lossless": true,
            "unmodeled": [],
            "unexpected": [{
                "pointer": "/fromMe",
                "expected": "a boolean",
                "found": "string \"yes\"",
            }],
            "errors": [{
                "pointer": "/fromMe",
                "message": "invalid type: string \"yes\", expected a boolean",
            }],
        })]
    );

    bin()
        .args(["validate", "--help"])
        .assert()
        .stdout(predicate::str::contains(
            "\"typed with unexpected values\" there means",
        ))
        .stdout(predicate::str::contains(
            "\"could not be typed\" that the model",
        ))
        .stdout(predicate::str::contains("`unexpected` (objects with"));
}

#[test]
fn retyped_nested_and_content_values_are_typed_with_unexpected_values() {
    let capture = concat!(
        r#"{"type":"ReceivedCallback","phone":"5544999999999","image":{"imageUrl":"https://x/y.jpg","width":"640"}}"#,
        "\n",
        r#"{"type":"ReceivedCallback","phone":"5544999999999","text":"hi"}"#,
        "\n",
        r#"{"type":"ReceivedCallback","fromMe":"yes","image":{"width":"640"},"brandNew":1}"#,
        "\n",
        "{not json\n",
        "[1,2]\n",
    );
    let output = bin()
        .args(["validate", "--ndjson", "--format", "json", "-"])
        .write_stdin(capture)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 5);
    for line in &lines {
        assert_line_shape(line);
    }
    let unexpected = |line: &Value| -> Vec<String> {
        line["unexpected"]
            .as_array()
            .map(|all| {
                all.iter()
                    .filter_map(|u| u["pointer"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    // A nested value.
    assert_eq!(lines[0]["callback"], "received");
    assert_eq!(lines[0]["kind"], "image");
    assert_eq!(lines[0]["valid"], false);
    assert_eq!(lines[0]["lossless"], true);
    assert_eq!(unexpected(&lines[0]), ["/image/width"]);
    assert_eq!(
        lines[0]["unexpected"][0],
        serde_json::json!({
            "pointer": "/image/width",
            "expected": "a non-negative integer",
            "found": "string \"640\"",
        })
    );
    assert_eq!(
        lines[0]["errors"],
        serde_json::json!([{
            "pointer": "/image/width",
            "message": "invalid type: string \"640\", expected a non-negative integer",
        }])
    );
    // A content value: the content key still gives the kind.
    assert_eq!(lines[1]["kind"], "text");
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[1]["lossless"], true);
    assert_eq!(
        lines[1]["errors"],
        serde_json::json!([{
            "pointer": "/text",
            "message": "invalid type: string \"hi\", expected a JSON object (Text)",
        }])
    );
    assert_eq!(unexpected(&lines[1]), ["/text"]);
    // Several, with an unmodeled key beside them: one error per unexpected value.
    assert_eq!(unexpected(&lines[2]), ["/fromMe", "/image/width"]);
    assert_eq!(lines[2]["errors"].as_array().map(Vec::len), Some(2));
    assert_eq!(lines[2]["unmodeled"], serde_json::json!(["/brandNew"]));
    // Not JSON, not an object: as before, nothing typed.
    for line in &lines[3..] {
        assert_eq!(line["callback"], Value::Null, "{line}");
        assert_eq!(line["kind"], Value::Null, "{line}");
        assert_eq!(line["lossless"], Value::Null, "{line}");
        assert_eq!(line["unexpected"], serde_json::json!([]), "{line}");
    }

    let output = bin()
        .args(["validate", "--ndjson", "-"])
        .write_stdin(capture)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            r#"<stdin>:1: invalid (received/image, typed with unexpected values): /image/width: invalid type: string "640", expected a non-negative integer"#,
            r#"<stdin>:2: invalid (received/text, typed with unexpected values): /text: invalid type: string "hi", expected a JSON object (Text)"#,
            r#"<stdin>:3: invalid (received/image, typed with unexpected values): /fromMe: invalid type: string "yes", expected a boolean; /image/width: invalid type: string "640", expected a non-negative integer"#,
            "<stdin>:4: invalid (not JSON): (root): key must be a string (line 1, column 2)",
            "<stdin>:5: invalid (not a callback): (root): invalid type: sequence, expected a JSON \
             object (a Z-API callback)",
            "5 payloads checked: 0 valid, 5 invalid (3 typed with unexpected values, 2 could not \
             be typed), 0 not lossless; 1 unmodeled field in 1 payload",
            "unmodeled fields, most frequent first (array indexes as *):",
            "      1  /brandNew",
        ]
    );

    // With --strict, a typed payload whose only error is an unmodeled key is rejected by the
    // schema, and counted apart.
    let output = bin()
        .args(["validate", "--strict", "--ndjson", "-"])
        .write_stdin(concat!(
            r#"{"type":"ReceivedCallback","fromMe":"yes","text":{"message":"oi"}}"#,
            "\n",
            r#"{"type":"ReceivedCallback","text":{"message":"oi"},"brandNew":1}"#,
            "\n",
        ))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "2 payloads checked: 0 valid, 2 invalid (1 typed with unexpected values, 1 rejected \
             by the schema), 0 not lossless"
        ),
        "{text}"
    );
}

#[test]
fn empty_file_is_reported_as_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("empty.json");
    fs::write(&path, "").expect("write");
    let path = path.display().to_string();
    assert_one_root_error(&path, None, &path, "not JSON", EMPTY);
}

#[test]
fn empty_stdin_is_reported_as_empty() {
    assert_one_root_error("-", Some(""), "<stdin>", "not JSON", EMPTY);
}

#[test]
fn whitespace_only_stdin_is_reported_as_empty() {
    assert_one_root_error("-", Some(" \n\t\r\n  \n"), "<stdin>", "not JSON", EMPTY);

    // As NDJSON, blank lines are skipped: nothing to check.
    let output = bin()
        .args(["validate", "--ndjson", "--format", "json", "-"])
        .write_stdin(" \n\t\r\n  \n")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty(), "{output:?}");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(stderr.contains("no payload found"), "{stderr}");
}

#[test]
fn array_on_stdin_points_to_ndjson() {
    let array = r#"[{"type":"DeliveryCallback","phone":"5544999999999"},{"type":"DeliveryCallback","phone":"5544999999999"}]"#;
    assert_one_root_error(
        "-",
        Some(array),
        "<stdin>",
        "not a callback",
        "a JSON array: each webhook is one JSON object; for a capture of many payloads use \
         NDJSON (one object per line) with --ndjson",
    );
}

#[test]
fn array_in_a_json_file_points_to_ndjson_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("many.json");
    fs::write(&path, "[\n  {\"type\": \"DeliveryCallback\"},\n  {}\n]\n").expect("write");
    let path = path.display().to_string();
    assert_one_root_error(
        &path,
        None,
        &path,
        "not a callback",
        "a JSON array: each webhook is one JSON object; for a capture of many payloads use \
         NDJSON (one object per line) in a .ndjson or .jsonl file",
    );
}

#[test]
fn two_objects_on_stdin_point_to_ndjson() {
    let two = "{\"type\":\"DeliveryCallback\"}\n{\"type\":\"DeliveryCallback\"}\n";
    assert_one_root_error(
        "-",
        Some(two),
        "<stdin>",
        "not JSON",
        "several JSON documents: use --ndjson to read one payload per line",
    );

    // Which is what --ndjson then reads: two payloads.
    let output = bin()
        .args(["validate", "--ndjson", "--format", "json", "-"])
        .write_stdin(two)
        .output()
        .expect("runs");
    assert_eq!(json_lines(&output.stdout).len(), 2);
}

#[test]
fn two_objects_in_a_json_file_point_to_ndjson_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("two.json");
    fs::write(
        &path,
        "{\"type\":\"DeliveryCallback\"}\n{\"type\":\"DeliveryCallback\"}\n",
    )
    .expect("write");
    let path = path.display().to_string();
    assert_one_root_error(
        &path,
        None,
        &path,
        "not JSON",
        "several JSON documents: give the file a .ndjson or .jsonl extension to read one \
         payload per line",
    );
}

#[test]
fn ndjson_lines_keep_the_parsers_words() {
    // In NDJSON the hints would point where the input already is: an array line stays "not a
    // callback" with the parser's message.
    let output = bin()
        .args(["validate", "--ndjson", "-"])
        .write_stdin("[1,2]\n")
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(
        text.lines().next(),
        Some(
            "<stdin>:1: invalid (not a callback): (root): invalid type: sequence, expected a JSON object (a Z-API callback)"
        )
    );
}

#[test]
fn missing_path_is_named_and_the_others_still_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-file.json");
    let output = bin()
        .arg("validate")
        .arg(&missing)
        .arg(fixture("text__basic.json"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(stdout.contains("1 payload checked: 1 valid"), "{stdout}");
    assert!(stdout.contains("1 path could not be read"), "{stdout}");

    // 2 wins over 1.
    let bad = dir.path().join("bad.ndjson");
    fs::write(&bad, BAD_NDJSON).expect("write");
    bin()
        .arg("validate")
        .arg(&bad)
        .arg(&missing)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("4 payloads checked"));
}

#[test]
fn strict_rejects_unmodeled_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("drift.json");
    fs::write(
        &path,
        r#"{"type":"ReceivedCallback","phone":"5544999999999","text":{"message":"hi","shiny":true},"brandNew":1}"#,
    )
    .expect("write");

    let output = bin()
        .args(["validate", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "permissive accepts unmodeled keys"
    );
    let line = &json_lines(&output.stdout)[0];
    assert_line_shape(line);
    assert_eq!(line["valid"], true);
    assert_eq!(
        line["unmodeled"],
        serde_json::json!(["/text/shiny", "/brandNew"])
    );

    let output = bin()
        .args(["validate", "--strict", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let line = &json_lines(&output.stdout)[0];
    assert_line_shape(line);
    assert_eq!(line["valid"], false);
    assert_eq!(line["lossless"], true);
    assert_eq!(
        line["unmodeled"],
        serde_json::json!(["/text/shiny", "/brandNew"])
    );
    let pointers: BTreeSet<&str> = line["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    assert_eq!(pointers, ["/brandNew", "/text/shiny"].into_iter().collect());

    bin()
        .args(["validate", "--strict"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("/brandNew: unmodeled key"))
        .stdout(predicate::str::contains("2 unmodeled fields in 1 payload"));
}

#[test]
fn folder_walk_order_filter_and_manifest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let text = fs::read(fixture("text__basic.json")).expect("fixture");
    fs::create_dir_all(root.join("a/deeper")).expect("mkdir");
    for name in [
        "b.json",
        "a.json",
        "a/deeper/z.json",
        "a/c.json",
        "manifest.json",
    ] {
        fs::write(root.join(name), &text).expect("write");
    }
    fs::write(root.join("notes.txt"), "not a payload").expect("write");
    fs::write(
        root.join("a/lines.jsonl"),
        format!("{}\n", BAD_NDJSON.lines().nth(4).expect("line")),
    )
    .expect("write");
    let output = bin()
        .args(["validate", "--format", "json"])
        .arg(root)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let sources: Vec<String> = json_lines(&output.stdout)
        .iter()
        .map(|l| l["source"].as_str().expect("source").to_owned())
        .collect();
    let expected: Vec<String> = [
        "a/c.json",
        "a/deeper/z.json",
        "a/lines.jsonl:1",
        "a.json",
        "b.json",
    ]
    .iter()
    .map(|s| root.join(s).display().to_string())
    .collect();
    assert_eq!(sources, expected);

    // Named explicitly, manifest.json is checked.
    let output = bin()
        .args(["validate", "--format", "json"])
        .arg(root.join("manifest.json"))
        .output()
        .expect("runs");
    assert_eq!(json_lines(&output.stdout).len(), 1);
}

#[test]
fn many_lines_keep_their_order_whatever_the_jobs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("many.ndjson");
    let mut body = String::new();
    let big = "x".repeat(400 * 1024);
    for n in 1..=3000 {
        match n % 997 {
            0 => body.push_str("nope\n"),
            // A line larger than a whole batch.
            500 => body.push_str(&format!(
                "{{\"type\":\"ReceivedCallback\",\"text\":{{\"message\":\"{big}\"}}}}\n"
            )),
            _ => body.push_str(&format!(
                "{{\"type\":\"ReceivedCallback\",\"messageId\":\"m{n}\",\"text\":{{\"message\":\"hi\"}}}}\n"
            )),
        }
    }
    fs::write(&path, body).expect("write");
    for jobs in ["1", "2", "3"] {
        let output = bin()
            .args(["validate", "--format", "json", "-j", jobs])
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1));
        let lines = json_lines(&output.stdout);
        assert_eq!(lines.len(), 3000);
        for (index, line) in lines.iter().enumerate() {
            let n = index + 1;
            assert_eq!(line["source"], format!("{}:{n}", path.display()));
            assert_eq!(line["valid"], n % 997 != 0, "{line}");
        }
    }
}

#[test]
fn schema_prints_the_library_schemas() {
    for flavor in Flavor::ALL {
        let strict = flavor == Flavor::Strict;
        let mut targets = vec![(None, Target::Any)];
        targets.extend(
            CallbackType::ALL
                .iter()
                .map(|&c| (Some(c.as_str()), Target::One(c))),
        );
        for (name, target) in targets {
            let mut command = bin();
            command.arg("schema");
            command.args(name);
            if strict {
                command.arg("--strict");
            }
            let output = command.output().expect("runs");
            assert_eq!(output.status.code(), Some(0));
            let printed: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
            assert_eq!(printed, schema(target, flavor), "{name:?} {flavor:?}");
        }
    }
    let output = bin()
        .args(["schema", "MessageStatusCallback"])
        .output()
        .expect("runs");
    let printed: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(
        printed,
        schema(Target::One(CallbackType::MessageStatus), Flavor::Permissive)
    );
    bin()
        .args(["schema", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("message_status"));
}

#[test]
fn kinds_lists_every_callback_and_kind() {
    let output = bin().arg("kinds").output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|line| line.split_whitespace().collect())
        .collect();
    for kind in Kind::ALL {
        assert!(
            rows.iter()
                .any(|row| row.len() > 1 && row[0] == "received" && row[1] == kind.as_str()),
            "{kind} missing from\n{text}"
        );
    }
    for callback in CallbackType::ALL {
        assert!(
            rows.iter()
                .any(|row| row.first() == Some(&callback.as_str())),
            "{callback} missing"
        );
    }

    let output = bin()
        .args(["kinds", "--format", "json"])
        .output()
        .expect("runs");
    let listing: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let callbacks = listing["callbacks"].as_array().expect("callbacks");
    let names: Vec<&str> = callbacks
        .iter()
        .filter_map(|c| c["callback"].as_str())
        .collect();
    let expected: Vec<&str> = CallbackType::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names, expected);
    let received_kinds: Vec<&str> = callbacks[0]["kinds"]
        .as_array()
        .expect("kinds")
        .iter()
        .filter_map(|k| k["kind"].as_str())
        .collect();
    let expected: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(received_kinds, expected);
}

#[test]
fn help_and_usage_errors() {
    for command in [
        &["--help"][..],
        &["validate", "--help"],
        &["schema", "--help"],
        &["kinds", "--help"],
    ] {
        bin()
            .args(command)
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Usage"));
    }
    bin()
        .args(["validate", "--help"])
        .assert()
        .stdout(predicate::str::contains("manifest.json"))
        .stdout(predicate::str::contains("--strict"))
        .stdout(predicate::str::contains("--ndjson"));
    bin().arg("validate").assert().code(2);
    bin()
        .args(["validate", "--format", "xml", "x.json"])
        .assert()
        .code(2);
}

/// A capture with a redelivery (keys reordered, another `momment`), an edit of a message, an
/// echo of the API, a message typed on the phone, a contact's message and a retyped `fromMe`.
const HANDLING_NDJSON: &str = concat!(
    r#"{"type":"ReceivedCallback","instanceId":"I1","messageId":"M1","fromMe":false,"momment":1,"phone":"5511","text":{"message":"hi"}}"#,
    "\n",
    r#"{"momment":2,"text":{"message":"hi"},"phone":"5511","fromMe":false,"messageId":"M1","instanceId":"I1","type":"ReceivedCallback"}"#,
    "\n",
    r#"{"type":"ReceivedCallback","instanceId":"I1","messageId":"M2","isEdit":true,"editMessageId":"M1","fromMe":false,"phone":"5511","text":{"message":"hi!"}}"#,
    "\n",
    r#"{"type":"ReceivedCallback","instanceId":"I1","messageId":"M3","fromMe":true,"fromApi":true,"phone":"5511","text":{"message":"bot"}}"#,
    "\n",
    r#"{"type":"ReceivedCallback","instanceId":"I1","messageId":"M4","fromMe":true,"fromApi":false,"phone":"5511","text":{"message":"human"}}"#,
    "\n",
    r#"{"type":"ReceivedCallback","instanceId":"I1","messageId":"M5","fromMe":"true","phone":"5511","text":{"message":"?"}}"#,
    "\n",
    r#"{"type":"MessageStatusCallback","instanceId":"I1","status":"READ","ids":["M3"],"momment":3}"#,
    "\n",
    r#"{"type":"MessageStatusCallback","instanceId":"I1","status":"READ","ids":["M3"],"momment":4}"#,
    "\n",
    "{not json\n",
);

#[test]
fn json_rows_carry_the_dedupe_key_and_the_origin_and_the_summary_counts_duplicates() {
    let output = bin()
        .args(["validate", "--ndjson", "--format", "json", "-"])
        .write_stdin(HANDLING_NDJSON)
        .output()
        .expect("runs");
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 9);
    for line in &lines {
        assert_line_shape(line);
    }
    let keys: Vec<&Value> = lines.iter().map(|l| &l["dedupe_key"]).collect();
    let origins: Vec<&Value> = lines.iter().map(|l| &l["origin"]).collect();
    assert_eq!(keys[0], "v1:received:I1:M1");
    assert_eq!(keys[1], keys[0], "a redelivery shares the key");
    assert_eq!(keys[2], "v1:received:I1:M2:edit:M1");
    assert_eq!(keys[6], "v1:message_status:I1:READ:M3");
    assert_eq!(keys[7], keys[6], "a repeated status shares the key");
    assert_eq!(keys[8], &Value::Null, "not JSON: no key");
    let distinct: BTreeSet<String> = keys.iter().map(|k| k.to_string()).collect();
    assert_eq!(distinct.len(), 7);
    // `fromMe` retyped, a status, not JSON: no origin.
    let expected: Vec<Value> = [
        "contact", "contact", "contact", "api", "device", "", "", "", "",
    ]
    .into_iter()
    .map(|o| {
        if o.is_empty() {
            Value::Null
        } else {
            Value::from(o)
        }
    })
    .collect();
    assert_eq!(origins, expected.iter().collect::<Vec<_>>());

    bin()
        .args(["validate", "--ndjson", "-"])
        .write_stdin(HANDLING_NDJSON)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "2 duplicate deliveries: the dedupe key of an earlier payload",
        ));
    // Without a repeat, no duplicate line.
    bin()
        .args(["validate", "-"])
        .write_stdin(r#"{"type":"ConnectedCallback","connected":true}"#)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("duplicate").not());
}
