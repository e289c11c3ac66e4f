//! The top-level README's tables stay in step with the models.

mod common;

use zapi_webhooks::{CallbackType, Kind};

#[test]
fn readme_lists_every_kind_and_callback() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("read README.md");
    for kind in Kind::ALL {
        let row = format!("| `{}` |", kind.as_str());
        assert!(
            readme.contains(&row),
            "README.md has no row for kind {kind}"
        );
        if let Some(key) = kind.content_key() {
            assert!(
                readme.contains(&format!("`{key}`")),
                "README.md misses key {key}"
            );
        }
    }
    for callback in CallbackType::ALL {
        assert!(
            readme.contains(&format!("| `{}`", callback.type_value())),
            "README.md has no row for {callback}"
        );
    }
    assert!(
        readme.contains("cargo test --workspace"),
        "README.md gives the test command"
    );
}

/// Every fixture count in the READMEs is the count of the fixtures: the callbacks table, the
/// kinds table, and the totals in prose and the benchmarks. (The command samples, such as
/// `validate fixtures` and its count, are run by the CLI's `tests/readme.rs`.)
#[test]
fn readme_counts_match_the_fixtures() {
    let fixtures = common::fixtures();
    let total = fixtures.len();
    let count = |callback: &str| fixtures.iter().filter(|f| f.callback == callback).count();
    let received = count("received");
    let kilobytes = (fixtures.iter().map(|f| f.bytes.len()).sum::<usize>() + 500) / 1000;
    let captures = common::captures().len();

    let readme = read("README.md");
    let mut errors = Vec::new();

    // Callbacks table: a row per callback type, and one for everything else.
    for (row, found) in table_counts(&readme, "| callback (`type`) |") {
        let type_name = first_code(&row).unwrap_or_default();
        let expected = match CallbackType::ALL
            .iter()
            .find(|c| c.type_value() == type_name)
        {
            Some(callback) => count(callback.as_str()),
            None => fixtures
                .iter()
                .filter(|f| CallbackType::from_name(&f.callback).is_none())
                .count(),
        };
        check(
            &mut errors,
            &format!("callbacks table, row {row}"),
            expected,
            found,
        );
    }
    // Kinds table: a row per received kind.
    let count_kind = |kind: &str| {
        fixtures
            .iter()
            .filter(|f| f.callback == "received" && f.kind == kind)
            .count()
    };
    let kind_rows = table_counts(&readme, "| kind | content key |");
    for (row, found) in &kind_rows {
        let expected = count_kind(first_code(row).unwrap_or_default());
        check(
            &mut errors,
            &format!("kinds table, row {row}"),
            expected,
            found.clone(),
        );
    }
    let mut unlisted: Vec<&str> = fixtures
        .iter()
        .filter(|f| f.callback == "received")
        .map(|f| f.kind.as_str())
        .filter(|kind| {
            !kind_rows
                .iter()
                .any(|(row, _)| first_code(row) == Some(*kind))
        })
        .collect();
    unlisted.sort_unstable();
    unlisted.dedup();
    for kind in unlisted {
        let expected = count_kind(kind);
        errors.push(format!(
            "README.md kinds table: no row for kind `{kind}` (expected {expected} fixtures)"
        ));
    }

    // Totals in prose and samples; `#` stands for the number. Each pattern must be found.
    let claims: &[(&str, &str, &[usize])] = &[
        ("README.md", "(# files)", &[total]),
        ("README.md", "# fixtures (# KB)", &[total, kilobytes]),
        ("README.md", "| all # |", &[total]),
        (
            "README.md",
            "the # docs examples and the # real captures",
            &[total, captures],
        ),
        (
            "README.md",
            "`fixtures/captures/<callback>/<kind>__<case>.json`: # deliveries",
            &[captures],
        ),
        ("README.md", "| received (#) |", &[received]),
        ("README.md", "| other callbacks (#) |", &[total - received]),
        (
            "README.md",
            "| message_status (#) |",
            &[count("message_status")],
        ),
    ];
    for (doc, pattern, expected) in claims {
        let found = find_numbers(&read(doc), pattern);
        if found.is_empty() {
            errors.push(format!("{doc}: no `{pattern}` any more; update this test"));
        }
        for numbers in found {
            if numbers != *expected {
                errors.push(format!(
                    "{doc}: `{pattern}`: expected {expected:?}, found {numbers:?}"
                ));
            }
        }
    }
    // Any other "N fixtures" / "N files" in the READMEs is the total.
    for doc in ["README.md", "crates/zapi-webhooks-cli/README.md"] {
        let text = read(doc);
        for pattern in ["# fixtures", "# files"] {
            for numbers in find_numbers(&text, pattern) {
                if numbers != [total] {
                    errors.push(format!(
                        "{doc}: `{pattern}`: expected [{total}], found {numbers:?}"
                    ));
                }
            }
        }
    }
    assert!(
        errors.is_empty(),
        "fixture counts in the READMEs disagree with fixtures/manifest.json:\n{}",
        errors.join("\n")
    );
}

fn read(doc: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(doc);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("read {doc}: {err}"))
}

fn check(errors: &mut Vec<String>, what: &str, expected: usize, found: String) {
    if found.parse() != Ok(expected) {
        errors.push(format!(
            "README.md {what}: expected {expected} fixtures, found {found:?}"
        ));
    }
}

/// The text between the first pair of backticks.
fn first_code(text: &str) -> Option<&str> {
    text.split('`').nth(1)
}

/// The rows of the table whose header starts with `header`, each as (first cell, the number
/// that starts the `fixtures` cell, or the whole cell when it has none; an empty cell is 0).
fn table_counts(readme: &str, header: &str) -> Vec<(String, String)> {
    let mut lines = readme.lines().skip_while(|line| !line.starts_with(header));
    let header = lines
        .next()
        .unwrap_or_else(|| panic!("README.md has no table headed {header}"));
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|cell| cell.trim().to_owned())
            .collect()
    };
    let column = cells(header)
        .iter()
        .position(|cell| cell == "fixtures")
        .unwrap_or_else(|| panic!("README.md table {header} has no `fixtures` column"));
    let rows: Vec<(String, String)> = lines
        .skip(1) // |---|---|
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let row = cells(line);
            let cell = row.get(column).cloned().unwrap_or_default();
            let digits: String = cell.chars().take_while(char::is_ascii_digit).collect();
            let found = match (digits.is_empty(), cell.is_empty()) {
                (_, true) => "0".to_owned(),
                (true, false) => cell,
                (false, false) => digits,
            };
            (row[0].clone(), found)
        })
        .collect();
    assert!(rows.len() > 1, "README.md table {header} has no rows");
    rows
}

/// Every match of `pattern` in `text`, `#` matching a run of digits (a leading `#` only where
/// no digit precedes it, so `110` never reads as `10`): the numbers of each match.
fn find_numbers(text: &str, pattern: &str) -> Vec<Vec<usize>> {
    let pieces: Vec<&str> = pattern.split('#').collect();
    let mut out = Vec::new();
    for (start, _) in text.char_indices() {
        if pieces[0].is_empty() && text[..start].ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let mut rest = &text[start..];
        let mut numbers = Vec::new();
        let mut matched = true;
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 {
                let digits =
                    rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                match rest[..digits].parse() {
                    Ok(number) => numbers.push(number),
                    Err(_) => {
                        matched = false;
                        break;
                    }
                }
                rest = &rest[digits..];
            }
            match rest.strip_prefix(piece) {
                Some(after) => rest = after,
                None => {
                    matched = false;
                    break;
                }
            }
        }
        if matched {
            out.push(numbers);
        }
    }
    out
}

#[test]
fn find_numbers_reads_whole_numbers_only() {
    let text = "110 fixtures, 7 fixtures (80 KB), x12 fixtures, DIS1 fixtures, fixtures";
    assert_eq!(
        find_numbers(text, "# fixtures"),
        [vec![110], vec![7], vec![12], vec![1]]
    );
    assert_eq!(find_numbers(text, "# fixtures (# KB)"), [vec![7, 80]]);
    assert_eq!(find_numbers(text, "| all # |"), Vec::<Vec<usize>>::new());
}
