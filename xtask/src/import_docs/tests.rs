//! Tests of the whole pipeline on the sample docs (`xtask/testdata/docs`),
//! and the drift check against the real docs (`ZAPI_DOCS_DIR`).

use super::*;
use crate::workspace_root;
use report::ExampleChange;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Environment variable naming the real Z-API docs folder for the drift
/// check; a relative path is relative to the workspace root. CI sets it
/// to `../shared/zapi-docs`.
const DOCS_DIR_VAR: &str = "ZAPI_DOCS_DIR";

/// `xtask/testdata/docs`: the synthetic docs tree of our own (see its
/// README) that the importer's tests run on.
fn sample_docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join("docs")
}

/// A fresh, empty folder under the system temp folder, removed on drop.
struct TempFolder(PathBuf);

impl std::ops::Deref for TempFolder {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A [`TempFolder`] whose name contains `name`, the process id and a
/// counter (tests run in parallel).
fn temp_folder(name: &str) -> TempFolder {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("xtask-{name}-{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    TempFolder(dir)
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The docs folder named by [`DOCS_DIR_VAR`] (as written, and resolved
/// against the workspace root). Panics, failing the test, when the
/// variable is unset or empty or does not name a folder.
fn docs_dir_from_env() -> (String, PathBuf) {
    let how = format!(
        "run it with {DOCS_DIR_VAR}=../shared/zapi-docs cargo test -p xtask -- --ignored \
         (a relative path is relative to the workspace root)"
    );
    let value = std::env::var_os(DOCS_DIR_VAR).unwrap_or_default();
    assert!(
        !value.is_empty(),
        "the fixture drift check needs the Z-API webhook docs, and {DOCS_DIR_VAR} is not set: {how}"
    );
    let shown = value.to_string_lossy().into_owned();
    let path = workspace_root().join(&value);
    assert!(
        path.is_dir(),
        "{DOCS_DIR_VAR}={shown}: {} is missing or not a folder (expected the Z-API webhook \
         docs, with pt/ and en/, or a checkout of their repository); {how}",
        path.display()
    );
    (shown, path)
}

/// The drift check: the committed fixtures match the real docs. Ignored by
/// plain `cargo test` (the docs are not in the repository); `.ci/run` runs
/// it by name with [`DOCS_DIR_VAR`] set, and it fails without the docs.
#[test]
#[ignore = "needs the Z-API docs: ZAPI_DOCS_DIR=../shared/zapi-docs cargo test -p xtask -- --ignored"]
fn fixtures_are_up_to_date_with_the_shared_docs() {
    let (shown, docs) = docs_dir_from_env();
    let opts = Options {
        docs: docs.clone(),
        fixtures: workspace_root().join("fixtures"),
        write: false,
    };
    let outcome = import(&opts).unwrap_or_else(|e| panic!("import-docs failed: {e}"));
    assert!(
        outcome.is_up_to_date(),
        "fixtures/ drifted from the docs at {}; run `cargo xtask import-docs {shown} --write` \
         from the workspace root\n{}",
        docs.display(),
        outcome.report
    );
    assert!(outcome.fixtures > 0, "no fixtures from {}", docs.display());
    let _ = writeln!(
        std::io::stderr(),
        "fixture drift check ran: {DOCS_DIR_VAR}={shown} ({}): {} payload examples -> {} \
         fixtures; fixtures/ is up to date",
        docs.display(),
        outcome.payload_examples,
        outcome.fixtures
    );
}

/// Imports the sample docs into a fresh folder with `--write`; returns
/// the folder, the outcome and the manifest written.
fn import_sample(name: &str) -> (TempFolder, Outcome, Value) {
    let dir = temp_folder(name);
    let outcome = import(&Options {
        docs: sample_docs(),
        fixtures: dir.to_path_buf(),
        write: true,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let manifest = read_json(&dir.join("manifest.json"));
    (dir, outcome, manifest)
}

/// The manifest entry of the fixture at `path`.
fn fixture_entry<'m>(manifest: &'m Value, path: &str) -> &'m Value {
    manifest["fixtures"]
        .as_array()
        .and_then(|list| list.iter().find(|f| f["path"] == path))
        .unwrap_or_else(|| panic!("{path} is not in the manifest"))
}

/// `(lang, page, heading, block, object)` of each source of a fixture.
fn sources_of(manifest: &Value, path: &str) -> Vec<(String, String, String, u64, u64)> {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    fixture_entry(manifest, path)["sources"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|s| {
                    (
                        text(&s["lang"]),
                        text(&s["page"]),
                        text(&s["heading"]),
                        s["block"].as_u64().unwrap_or_default(),
                        s["object"].as_u64().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn source(
    lang: &str,
    page: &str,
    heading: &str,
    block: u64,
    object: u64,
) -> (String, String, String, u64, u64) {
    (
        lang.to_owned(),
        page.to_owned(),
        heading.to_owned(),
        block,
        object,
    )
}

const SAMPLE_RECEIVED_PT: &str = "pt/on-message-received.md";
const SAMPLE_RECEIVED_EN: &str = "en/on-message-received.md";
const SAMPLE_STATUS_PT: &str = "pt/on-whatsapp-message-status-changes.md";
const SAMPLE_STATUS_EN: &str = "en/on-whatsapp-message-status-changes.md";
const SAMPLE_CONFIG_PT: &str = "pt/webhooksConf/update-webhook-message-status.md";

#[test]
fn sample_docs_give_the_expected_fixtures() {
    let (dir, outcome, manifest) = import_sample("sample-fixtures");
    assert_eq!(
        outcome.new,
        vec![
            "message_status/message_status__delivered.json",
            "message_status/message_status__read.json",
            "message_status/message_status__sent.json",
            "received/audio__audio_message_sample__en.json",
            "received/image__exemplo_de_imagem.json",
            "received/text__exemplo_de_mensagem_de_texto.json",
            "manifest.json",
        ],
        "{}",
        outcome.report
    );
    assert!(outcome.changed.is_empty() && outcome.unchanged.is_empty());
    assert!(outcome.missing_from_docs.is_empty());
    // 3 + 2 + 3 + 2 examples in the four payload pages, 6 distinct.
    assert_eq!(outcome.payload_examples, 10);
    assert_eq!(outcome.fixtures, 6);

    // Callback, type and kind of every fixture, in manifest order.
    let entries: Vec<(String, String, String, String)> = manifest["fixtures"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|f| {
                    let text = |key: &str| f[key].as_str().unwrap_or_default().to_owned();
                    (text("path"), text("callback"), text("type"), text("kind"))
                })
                .collect()
        })
        .unwrap_or_default();
    let entry = |path: &str, callback: &str, type_name: &str, kind: &str| {
        (
            path.to_owned(),
            callback.to_owned(),
            type_name.to_owned(),
            kind.to_owned(),
        )
    };
    let status = "MessageStatusCallback";
    let received = "ReceivedCallback";
    assert_eq!(
        entries,
        vec![
            entry(
                "message_status/message_status__delivered.json",
                "message_status",
                status,
                "message_status"
            ),
            entry(
                "message_status/message_status__read.json",
                "message_status",
                status,
                "message_status"
            ),
            entry(
                "message_status/message_status__sent.json",
                "message_status",
                status,
                "message_status"
            ),
            entry(
                "received/audio__audio_message_sample__en.json",
                "received",
                received,
                "audio"
            ),
            entry(
                "received/image__exemplo_de_imagem.json",
                "received",
                received,
                "image"
            ),
            entry(
                "received/text__exemplo_de_mensagem_de_texto.json",
                "received",
                received,
                "text"
            ),
        ]
    );

    // The text payload is in pt and en: one fixture, two sources, named
    // after the pt one.
    assert_eq!(
        sources_of(
            &manifest,
            "received/text__exemplo_de_mensagem_de_texto.json"
        ),
        vec![
            source(
                "pt",
                SAMPLE_RECEIVED_PT,
                "Exemplo de mensagem de texto",
                1,
                1
            ),
            source("en", SAMPLE_RECEIVED_EN, "Text message sample", 1, 1),
        ]
    );
    // Payloads found in one language only: one source each; the en one
    // has the `__en` suffix.
    assert_eq!(
        sources_of(&manifest, "received/image__exemplo_de_imagem.json"),
        vec![source("pt", SAMPLE_RECEIVED_PT, "Exemplo de imagem", 1, 1)]
    );
    assert_eq!(
        sources_of(&manifest, "received/audio__audio_message_sample__en.json"),
        vec![source(
            "en",
            SAMPLE_RECEIVED_EN,
            "Audio message sample",
            1,
            1
        )]
    );
    // The two values of one block are two fixtures; each also comes from
    // the en block.
    for (status, object) in [("sent", 1), ("read", 2)] {
        assert_eq!(
            sources_of(
                &manifest,
                &format!("message_status/message_status__{status}.json")
            ),
            vec![
                source("pt", SAMPLE_STATUS_PT, "Exemplos de status", 1, object),
                source("en", SAMPLE_STATUS_EN, "Status samples", 1, object),
            ],
            "{status}"
        );
    }
    assert_eq!(
        sources_of(&manifest, "message_status/message_status__delivered.json"),
        vec![
            source("pt", SAMPLE_STATUS_PT, "Exemplo de entrega", 1, 1),
            source("en", SAMPLE_STATUS_EN, "Delivery sample", 1, 1),
        ]
    );

    // Fixture text: the repaired payload in the key order and number text
    // of its first source.
    let text_fixture =
        fs::read_to_string(dir.join("received/text__exemplo_de_mensagem_de_texto.json"))
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        text_fixture,
        "{\n  \"instanceId\": \"INSTANCIA-AMOSTRA-01\",\n  \"messageId\": \"AMOSTRA0000000001\",\n  \
         \"phone\": \"5511900000001\",\n  \"fromMe\": false,\n  \"momment\": 1700000000000,\n  \
         \"status\": \"RECEIVED\",\n  \"chatName\": \"Contato de amostra\",\n  \
         \"senderName\": \"Contato de amostra\",\n  \"type\": \"ReceivedCallback\",\n  \
         \"text\": {\n    \"message\": \"mensagem de amostra\"\n  }\n}\n"
    );
    // A duplicate key keeps its first position and its last value.
    let image_path = dir.join("received/image__exemplo_de_imagem.json");
    let image_text = fs::read_to_string(&image_path).unwrap_or_else(|e| panic!("{e}"));
    let top_level_lines: Vec<&str> = image_text
        .lines()
        .filter(|line| line.starts_with("  \"") && !line.starts_with("   "))
        .collect();
    assert_eq!(
        top_level_lines,
        [
            "  \"instanceId\": \"INSTANCIA_AMOSTRA\",",
            "  \"messageId\": \"AMOSTRA0000000002\",",
            "  \"phone\": \"5511900000002\",",
            "  \"fromMe\": false,",
            "  \"momment\": 1700000000100,",
            "  \"type\": \"ReceivedCallback\",",
            "  \"image\": {",
        ]
    );
    let image = read_json(&image_path);
    let mut keys: Vec<&str> = image
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "fromMe",
            "image",
            "instanceId",
            "messageId",
            "momment",
            "phone",
            "type"
        ]
    );
    assert_eq!(image["phone"], "5511900000002");
    assert_eq!(image["instanceId"], "INSTANCIA_AMOSTRA");
    assert_eq!(image["image"]["width"], 640);
    let delivered = read_json(&dir.join("message_status/message_status__delivered.json"));
    assert_eq!(delivered["momment"], 1_700_000_000_300_u64);

    // Every fixture is read by the models as its callback.
    for (path, callback, _, kind) in &entries {
        let bytes = fs::read(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let parsed =
            zapi_webhooks::Callback::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(
            parsed
                .kind()
                .callback_type()
                .map(zapi_webhooks::CallbackType::as_str),
            Some(callback.as_str()),
            "{path} ({kind})"
        );
    }

    // Webhook-configuration bodies and the block without a `type`.
    let configs: Vec<(String, String, String)> = manifest["config_examples"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|c| {
                    let text = |key: &str| c[key].as_str().unwrap_or_default().to_owned();
                    (text("lang"), text("heading"), text("role"))
                })
                .collect()
        })
        .unwrap_or_default();
    let config = |lang: &str, heading: &str, role: &str| {
        (lang.to_owned(), heading.to_owned(), role.to_owned())
    };
    assert_eq!(
        configs,
        vec![
            config("pt", "Request Body", "request_body"),
            config("pt", "200", "response"),
            config("en", "Request Body", "request_body"),
            config("en", "200", "response"),
        ]
    );
    assert_eq!(
        manifest["skipped"],
        serde_json::json!([{
            "lang": "pt",
            "page": SAMPLE_CONFIG_PT,
            "heading": "405",
            "block": 1,
            "object": 1,
            "reason": "object without a webhook `type`; keys: erro"
        }])
    );
}

/// The repair kind of a manifest repair record (its message), or `None`
/// for a message this test does not know.
fn repair_kind(message: &str) -> Option<&'static str> {
    const WRAPPERS: &[&str] = &[
        "NumberLong",
        "NumberInt",
        "NumberDecimal",
        "ObjectId",
        "ISODate",
    ];
    const PREFIXES: &[(&str, &str)] = &[
        ("markdown: unterminated code fence", "unterminated_fence"),
        ("concatenated values: ", "concatenated_values"),
        ("comma between top-level values", "top_level_comma"),
        ("comma before the first top-level value", "top_level_comma"),
        ("duplicate key ", "duplicate_key"),
        ("single-quoted ", "single_quoted_string"),
        ("bare word ", "bare_word"),
        ("unquoted key ", "unquoted_key"),
        ("trailing comma ", "trailing_comma"),
        ("doubled comma ", "doubled_comma"),
        ("leading comma ", "doubled_comma"),
        ("missing comma ", "missing_comma"),
        ("comment ", "comment"),
        ("invalid escape ", "invalid_escape"),
        ("raw control character ", "control_character"),
    ];
    if WRAPPERS.iter().any(|w| message.starts_with(w)) {
        return Some("mongo_wrapper");
    }
    PREFIXES
        .iter()
        .find(|(prefix, _)| message.starts_with(prefix))
        .map(|(_, kind)| *kind)
}

/// Every repair record of a manifest: `(where, message)`, from the
/// fixtures' sources and the configuration examples.
fn repair_records(manifest: &Value) -> Vec<(String, String)> {
    let mut records = Vec::new();
    let mut collect = |place: String, repairs: &Value| {
        for message in repairs.as_array().into_iter().flatten() {
            let message = message
                .as_str()
                .unwrap_or_else(|| panic!("{place}: {message}"));
            records.push((place.clone(), message.to_owned()));
        }
    };
    for fixture in manifest["fixtures"].as_array().into_iter().flatten() {
        for source in fixture["sources"].as_array().into_iter().flatten() {
            let place = format!("{} <- {}", fixture["path"], source["page"]);
            collect(place, &source["repairs"]);
        }
    }
    for config in manifest["config_examples"].as_array().into_iter().flatten() {
        collect(format!("config {}", config["page"]), &config["repairs"]);
    }
    records
}

#[test]
fn sample_docs_manifest_records_every_repair() {
    let (_dir, outcome, manifest) = import_sample("sample-repairs");
    let records = repair_records(&manifest);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (place, message) in &records {
        let kind =
            repair_kind(message).unwrap_or_else(|| panic!("{place}: unknown repair {message}"));
        *counts.entry(kind).or_default() += 1;
    }
    // One record per value: the note of the unterminated pt block is on
    // both of its values.
    assert_eq!(
        counts,
        BTreeMap::from([
            ("bare_word", 1),
            ("concatenated_values", 4),
            ("doubled_comma", 1),
            ("duplicate_key", 1),
            ("mongo_wrapper", 5),
            ("single_quoted_string", 3),
            ("top_level_comma", 1),
            ("trailing_comma", 2),
            ("unterminated_fence", 3),
        ]),
        "{records:#?}"
    );
    // The report counts fences per block (2) and the rest per record.
    assert!(
        outcome.report.contains(
            "\n  repairs: bare_word x1, concatenated_values x4, doubled_comma x1, \
             duplicate_key x1, mongo_wrapper x5, single_quoted_string x3, \
             top_level_comma x1, trailing_comma x2, unterminated_fence x2\n"
        ),
        "{}",
        outcome.report
    );

    // Each source lists its own repairs, in source order: the pt and en
    // copies of one payload can differ.
    let repairs_of = |path: &str| -> Vec<Vec<String>> {
        fixture_entry(&manifest, path)["sources"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| {
                s["repairs"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|m| m.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .collect()
    };
    assert_eq!(
        repairs_of("received/text__exemplo_de_mensagem_de_texto.json"),
        vec![
            vec![
                "NumberLong(1700000000000) -> 1700000000000 at /momment",
                "single-quoted string 'ReceivedCallback' -> \"ReceivedCallback\" at /type",
                "trailing comma removed after /text",
            ],
            vec!["NumberLong(1700000000000) -> 1700000000000 at /momment"],
        ]
    );
    assert_eq!(
        repairs_of("received/image__exemplo_de_imagem.json"),
        vec![vec![
            "bare word INSTANCIA_AMOSTRA -> \"INSTANCIA_AMOSTRA\" at /instanceId",
            "duplicate key /phone: kept the last value \"5511900000002\", dropped \"5511900000009\"",
            "NumberInt(640) -> 640 at /image/width",
            "NumberInt(480) -> 480 at /image/height",
        ]]
    );
    assert_eq!(
        repairs_of("received/audio__audio_message_sample__en.json"),
        vec![vec![
            "doubled comma removed after /phone",
            "trailing comma removed after /audio/seconds",
        ]]
    );
    assert_eq!(
        repairs_of("message_status/message_status__read.json"),
        vec![
            vec![
                "markdown: unterminated code fence; the block was closed before `### Exemplo de entrega`",
                "concatenated values: the block holds 2 top-level values; this is value 2",
            ],
            vec![
                "concatenated values: the block holds 2 top-level values; this is value 2",
                "comma between top-level values 1 and 2 removed",
            ],
        ]
    );
    assert_eq!(
        repairs_of("message_status/message_status__delivered.json"),
        vec![
            vec!["NumberLong(\"1700000000300\") -> 1700000000300 at /momment"],
            vec!["markdown: unterminated code fence; closed at the end of the page"],
        ]
    );
}

#[test]
fn writing_twice_gives_identical_files() {
    let dir = temp_folder("import-docs-twice");
    let opts = Options {
        docs: sample_docs(),
        fixtures: dir.to_path_buf(),
        write: true,
    };
    let first = import(&opts).unwrap_or_else(|e| panic!("{e}"));
    assert!(first.changed.is_empty() && first.unchanged.is_empty());
    assert_eq!(first.new.len(), 7, "{}", first.report);
    let snapshot = |root: &Path| -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("{e}")) {
                let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path
                        .strip_prefix(root)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .into_owned();
                    files.insert(rel, fs::read(&path).unwrap_or_else(|e| panic!("{e}")));
                }
            }
        }
        files
    };
    let before = snapshot(&dir);
    assert_eq!(before.len(), 7);
    let second = import(&opts).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        second.new.is_empty() && second.changed.is_empty(),
        "{}",
        second.report
    );
    assert_eq!(second.unchanged.len(), 7);
    assert_eq!(before, snapshot(&dir));
    let check = import(&Options {
        write: false,
        ..opts
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(check.is_up_to_date(), "{}", check.report);
    // Every fixture parses with serde_json.
    for (rel, bytes) in &before {
        serde_json::from_slice::<Value>(bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
    }
}

fn write_file(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

const MINI_PAGE: &str = "# Status\n\n### 200\n\n```json\n{\"type\": \"MessageStatusCallback\", \"status\": \"SENT\", \"momment\": NumberLong(1)}\n{\"type\": \"MessageStatusCallback\", \"status\": \"READ\"}\n```\n\n#### Request Body\n\n```json\n{\"value\": \"https://x\"}\n```\n";

#[test]
fn docs_repository_layout_drift_and_stale_files() {
    let root = temp_folder("repo-layout");
    let docs = root.join("z-api-docs");
    write_file(&docs.join("docs/webhooks/status.md"), MINI_PAGE);
    write_file(
        &docs.join("i18n/en/docusaurus-plugin-content-docs/current/webhooks/status.md"),
        &MINI_PAGE.replace("READ", "PLAYED"),
    );
    let fixtures = root.join("fixtures");
    let opts = Options {
        docs,
        fixtures: fixtures.clone(),
        write: false,
    };

    let check = import(&opts).unwrap_or_else(|e| panic!("{e}"));
    assert!(!check.is_up_to_date());
    assert_eq!(
        check.new,
        vec![
            "message_status/message_status__played__en.json",
            "message_status/message_status__read.json",
            "message_status/message_status__sent.json",
            "manifest.json",
        ]
    );
    let wrote = import(&Options {
        write: true,
        ..opts.clone()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(wrote.new.len(), 4);
    let sent = fs::read_to_string(fixtures.join("message_status/message_status__sent.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        sent,
        "{\n  \"type\": \"MessageStatusCallback\",\n  \"status\": \"SENT\",\n  \"momment\": 1\n}\n"
    );
    let manifest: Value = serde_json::from_str(
        &fs::read_to_string(fixtures.join("manifest.json")).unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let sources = &manifest["fixtures"][2]["sources"];
    assert_eq!(
        manifest["fixtures"][2]["path"],
        "message_status/message_status__sent.json"
    );
    assert_eq!(
        sources.as_array().map(Vec::len),
        Some(2),
        "pt and en merged: {sources}"
    );
    assert_eq!(sources[0]["page"], "pt/status.md");
    assert_eq!(sources[1]["lang"], "en");
    assert_eq!(
        sources[0]["repairs"],
        serde_json::json!([
            "concatenated values: the block holds 2 top-level values; this is value 1",
            "NumberLong(1) -> 1 at /momment"
        ])
    );
    assert_eq!(manifest["config_examples"][0]["role"], "request_body");
    assert!(
        import(&opts)
            .unwrap_or_else(|e| panic!("{e}"))
            .is_up_to_date()
    );

    // A hand-edited fixture is "changed"; a fixture the docs dropped is "missing".
    write_file(
        &fixtures.join("message_status/message_status__read.json"),
        "{}\n",
    );
    write_file(
        &docs_page_pt(&opts.docs),
        &MINI_PAGE.replace(
            "\n{\"type\": \"MessageStatusCallback\", \"status\": \"READ\"}",
            "",
        ),
    );
    let drift = import(&opts).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        drift.missing_from_docs,
        vec!["message_status/message_status__read.json"]
    );
    assert!(
        drift.changed.contains(&"manifest.json".to_owned()),
        "{}",
        drift.report
    );
    // --write removes it because the previous manifest listed it.
    import(&Options {
        write: true,
        ..opts.clone()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !fixtures
            .join("message_status/message_status__read.json")
            .exists()
    );
    assert!(
        import(&opts)
            .unwrap_or_else(|e| panic!("{e}"))
            .is_up_to_date()
    );
}

fn docs_page_pt(docs: &Path) -> PathBuf {
    docs.join("docs/webhooks/status.md")
}

#[test]
fn a_folder_that_is_not_docs_is_an_error() {
    let root = temp_folder("not-docs");
    let opts = Options {
        docs: root.to_path_buf(),
        fixtures: root.join("fixtures"),
        write: false,
    };
    let err = import(&opts).expect_err("not docs");
    assert!(err.contains("expected `pt/` and `en/`"), "{err}");
}

/// A page of `### heading` + ```` ```json ```` block pairs (made-up payloads).
fn page_of(examples: &[(&str, &str)]) -> String {
    let mut text = String::from("---\ntitle: sample\n---\n\n# Sample\n");
    for (heading, json) in examples {
        text.push_str(&format!("\n### {heading}\n\n```json\n{json}\n```\n"));
    }
    text
}

const AD_TEXT: &str = r#"{"type": "ReceivedCallback", "phone": "5511900000001", "text": {"message": "ola do anuncio"}, "externalAdReply": {"title": "Amostra"}}"#;
const PICTURE: &str = r#"{"type": "ReceivedCallback", "phone": "5511900000002", "image": {"imageUrl": "https://example.invalid/a.jpg", "caption": "antes"}}"#;
const STICKER: &str = r#"{"type": "ReceivedCallback", "phone": "5511900000003", "sticker": {"stickerUrl": "https://example.invalid/s.webp"}}"#;
const GIF: &str = r#"{"type": "ReceivedCallback", "phone": "5511900000004", "video": {"videoUrl": "https://example.invalid/g.mp4", "isGif": true}}"#;
const SENT: &str = r#"{"type": "MessageStatusCallback", "status": "SENT", "ids": ["AMOSTRA01"]}"#;

/// The `new-doc` branch's page names (`ao-receber.md`, `status-mensagem.md`)
/// and headings: pages are found, the headings get the case names of the
/// table (an unchanged payload keeps its fixture name), and the report lists
/// new, changed and gone examples by page and heading.
#[test]
fn new_doc_pages_and_the_by_page_report() {
    let root = temp_folder("new-doc");
    // The fixtures of a tree in the current naming (`pt/` + `en/`).
    let current = root.join("current");
    write_file(
        &current.join("pt/on-message-received.md"),
        &page_of(&[
            ("Exemplo de retorno de texto vindos de anúncio", AD_TEXT),
            ("Exemplo de retorno de imagem", PICTURE),
            ("Exemplo de retorno de sticker", STICKER),
        ]),
    );
    write_file(
        &current.join("en/on-message-received.md"),
        &page_of(&[("Text return example", AD_TEXT)]),
    );
    let fixtures = root.join("fixtures");
    let wrote = import(&Options {
        docs: current.clone(),
        fixtures: fixtures.clone(),
        write: true,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        wrote.new,
        vec![
            "received/image__basic.json",
            "received/sticker__basic.json",
            "received/text__from_ad.json",
            "manifest.json",
        ],
        "{}",
        wrote.report
    );

    // The same callback pages under their `new-doc` names, in the docs
    // repository layout: one payload kept, one edited, one added, one dropped.
    let branch = root.join("branch");
    let en = branch.join("i18n/en/docusaurus-plugin-content-docs/current/webhooks");
    write_file(
        &branch.join("docs/webhooks/ao-receber.md"),
        &page_of(&[
            ("Exemplo de Retorno de Texto Vindo de Anúncio", AD_TEXT),
            (
                "Exemplo de Retorno de Imagem",
                &PICTURE.replace("\"antes\"", "\"depois\", \"width\": 10"),
            ),
            ("Exemplo de Retorno de GIF", GIF),
        ]),
    );
    write_file(
        &branch.join("docs/webhooks/status-mensagem.md"),
        &page_of(&[("Estrutura do Payload", SENT)]),
    );
    write_file(
        &en.join("ao-receber.md"),
        &page_of(&[("Text from Ad Return Example", AD_TEXT)]),
    );
    write_file(
        &en.join("status-mensagem.md"),
        &page_of(&[("Payload Structure", SENT)]),
    );
    let pages = discover_pages(&branch).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = pages.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "pt/ao-receber.md",
            "pt/status-mensagem.md",
            "en/ao-receber.md",
            "en/status-mensagem.md"
        ]
    );
    assert_eq!(
        layout::current_page_id("pt/ao-receber.md"),
        "pt/on-message-received.md"
    );
    assert_eq!(
        layout::page_callback("en/status-mensagem.md"),
        Some("message_status")
    );
    assert_eq!(layout::page_callback("pt/atualizar-todos.md"), None);

    let check = import(&Options {
        docs: branch.clone(),
        fixtures: fixtures.clone(),
        write: false,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let report = &check.report;
    // Every heading is in the case-name table: no made-up names.
    assert!(!report.contains("WARNINGS"), "{report}");
    assert!(!check.is_up_to_date());
    // The ad text did not change: same fixture name, nothing to write.
    assert!(
        check
            .unchanged
            .contains(&"received/text__from_ad.json".to_owned()),
        "{report}"
    );
    let examples = &check.examples;
    // The ad text, pt and en.
    assert_eq!(examples.same, 2, "{report}");
    let rows = |list: &[ExampleChange]| -> Vec<(String, String, String)> {
        list.iter()
            .map(|c| (c.page.clone(), c.heading.clone(), c.fixture.clone()))
            .collect()
    };
    let row = |page: &str, heading: &str, fixture: &str| {
        (page.to_owned(), heading.to_owned(), fixture.to_owned())
    };
    assert_eq!(
        rows(&examples.new),
        vec![
            row(
                "pt/ao-receber.md",
                "Exemplo de Retorno de GIF",
                "received/video__gif.json"
            ),
            row(
                "pt/status-mensagem.md",
                "Estrutura do Payload",
                "message_status/message_status__sent.json"
            ),
            row(
                "en/status-mensagem.md",
                "Payload Structure",
                "message_status/message_status__sent.json"
            ),
        ],
        "{report}"
    );
    assert_eq!(
        rows(&examples.changed),
        vec![row(
            "pt/ao-receber.md",
            "Exemplo de Retorno de Imagem",
            "received/image__basic.json"
        )],
        "{report}"
    );
    assert_eq!(
        examples.changed[0].differences,
        vec![
            "/image/caption: expected \"antes\", found \"depois\"",
            "/image/width: key added"
        ]
    );
    assert_eq!(
        rows(&examples.gone),
        vec![row(
            "pt/on-message-received.md",
            "Exemplo de retorno de sticker",
            "received/sticker__basic.json"
        )],
        "{report}"
    );
    // The report groups the two names of a page and lists each example
    // under its heading.
    for line in [
        "examples compared with the fixtures: 2 same, 3 new, 1 changed, 1 gone\n",
        "  pt/ao-receber.md + pt/on-message-received.md [received]\n",
        "    \"Exemplo de Retorno de Imagem\"\n      changed differs from received/image__basic.json (pt/ao-receber.md)\n                /image/caption: expected \"antes\", found \"depois\"\n                /image/width: key added\n",
        "    \"Exemplo de retorno de sticker\"\n      gone    matches no example: received/sticker__basic.json (pt/on-message-received.md)\n",
        "  pt/status-mensagem.md [message_status]\n    \"Estrutura do Payload\"\n      new     would be message_status/message_status__sent.json\n",
    ] {
        assert!(report.contains(line), "{line:?} not in:\n{report}");
    }
}

#[test]
fn the_case_name_table_has_each_heading_once() {
    let mut seen = std::collections::BTreeSet::new();
    for (heading, _) in case_names::CASE_NAMES {
        assert_eq!(
            case_names::normalize_heading(heading),
            *heading,
            "table keys are normalized"
        );
        assert!(seen.insert(*heading), "{heading:?} twice");
    }
}
