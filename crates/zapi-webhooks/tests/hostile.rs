//! Hostile and edge input: each case gets a value or a clear error, never a panic, and what
//! parses is kept whole.

use serde_json::{Value, json};
use zapi_webhooks::{Callback, Content, ParseErrorKind, TimeUnit};

fn lossless(body: &[u8]) -> Callback {
    let parsed = Callback::from_slice(body).unwrap_or_else(|err| panic!("{err}"));
    let value: Value = serde_json::from_slice(body).expect("valid JSON");
    assert!(
        serde_json::to_value(&parsed).expect("ser") == value,
        "not lossless"
    );
    parsed
}

/// serde_json's own error for input nested deeper than its limit of 128 levels.
const RECURSION_LIMIT: &str = "recursion limit exceeded";

/// `err` is serde_json's recursion-limit error, at a pointer that goes from `prefix` down
/// through `segment`s only (the path to where the parser stopped).
fn assert_recursion_limit(err: &zapi_webhooks::ParseError, prefix: &str, segment: &str) {
    assert_eq!(err.kind(), ParseErrorKind::Syntax, "{err}");
    assert_eq!(err.message(), RECURSION_LIMIT, "{err}");
    assert_eq!(err.line(), 1, "{err}");
    let rest = err
        .pointer()
        .strip_prefix(prefix)
        .unwrap_or_else(|| panic!("pointer {:?} is not under {prefix}", err.pointer()));
    let depth = rest.len() / segment.len();
    assert_eq!(rest, segment.repeat(depth), "{err}");
    // The limit, not the end of the input, stopped the parser: well short of any test depth.
    assert!((100..128).contains(&depth), "depth {depth}: {err}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 10_000, 1_000_000] {
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // Nested arrays in an unmodeled field: before `type`, after it, and for an unknown type.
        for body in [
            format!(r#"{{"type":"ReceivedCallback","deep":{nested}}}"#),
            format!(r#"{{"deep":{nested},"type":"ReceivedCallback"}}"#),
            format!(r#"{{"type":"Brand new","deep":{nested}}}"#),
        ] {
            let err = Callback::from_slice(body.as_bytes()).expect_err("too deep");
            assert_recursion_limit(&err, "/deep", "/0");
        }
        // As the body: rejected as a non-object before any nesting is read.
        let err = Callback::from_slice(nested.as_bytes()).expect_err("not an object");
        assert_eq!(err.kind(), ParseErrorKind::Data, "{err}");
        assert_eq!(err.pointer(), "", "{err}");
        assert_eq!(
            err.message(),
            "invalid type: sequence, expected a JSON object (a Z-API callback)"
        );
    }
    // Nested objects through a known content model stay within the limit too.
    let mut body = String::from(r#"{"type":"ReceivedCallback","text":"#);
    for _ in 0..5_000 {
        body.push_str(r#"{"x":"#);
    }
    body.push('1');
    body.push_str(&"}".repeat(5_001));
    let err = Callback::from_slice(body.as_bytes()).expect_err("too deep");
    assert_recursion_limit(&err, "/text", "/x");
}

#[test]
fn ten_megabyte_payload() {
    let message = "á".repeat(5 * 1024 * 1024); // 10 MiB of UTF-8
    let body = serde_json::to_vec(&json!({
        "type": "ReceivedCallback",
        "text": { "message": message },
        "momment": 1632228638000u64
    }))
    .expect("ser");
    assert!(body.len() > 10_000_000);
    let parsed = lossless(&body);
    let Some(Content::Text(text)) = parsed.as_received().map(|r| &r.content) else {
        panic!("text")
    };
    assert_eq!(text.message.as_deref().map(str::len), Some(message.len()));
}

#[test]
fn a_hundred_thousand_extra_fields() {
    let mut map = serde_json::Map::new();
    map.insert("type".into(), json!("ReceivedCallback"));
    for i in 0..100_000 {
        map.insert(format!("extra_{i}"), json!(i));
    }
    map.insert("image".into(), json!({"caption": "c"}));
    let body = serde_json::to_vec(&map).expect("ser");
    let parsed = lossless(&body);
    assert_eq!(parsed.unmodeled().len(), 100_000);
    assert_eq!(parsed.kind().as_str(), "image");
}

#[test]
fn momment_at_and_beyond_the_edges() {
    // Accepted: any JSON integer, any string of digits (kept as sent).
    for (momment, millis) in [
        (json!(u64::MAX), None),
        (json!(i64::MIN), Some(i64::MIN)),
        (json!(-5), Some(-5_000)),
        (json!(0), Some(0)),
        (json!("99999999999999999999999999"), None),
    ] {
        let body = serde_json::to_vec(&json!({"type": "ReceivedCallback", "momment": momment}))
            .expect("ser");
        let parsed = lossless(&body);
        let ts = parsed
            .as_received()
            .and_then(|r| r.momment.get())
            .expect("momment");
        assert_eq!(ts.unix_millis(), millis, "{momment}");
    }
    // Beyond u64 (a float to serde_json), fractional, NaN-like words: kept as unexpected values
    // by the tolerant parse (the round trip stays exact), rejected with the pointer by the strict
    // one; beyond f64 serde_json refuses the number itself, in both.
    for body in [
        r#"{"type":"ReceivedCallback","momment":18446744073709551616}"#,
        r#"{"type":"ReceivedCallback","momment":1632228638000.5}"#,
        r#"{"type":"ReceivedCallback","momment":1e400}"#,
        r#"{"type":"ReceivedCallback","momment":"NaN"}"#,
        r#"{"type":"ReceivedCallback","momment":"Infinity"}"#,
        r#"{"type":"ReceivedCallback","momment":"-"}"#,
        r#"{"type":"ReceivedCallback","momment":" 1"}"#,
    ] {
        if body.contains("1e400") {
            let err = Callback::from_slice(body.as_bytes()).expect_err(body);
            assert_eq!(err.pointer(), "/momment", "{body}: {err}");
            assert_eq!(err.kind(), ParseErrorKind::Syntax, "{body}: {err}");
            assert_eq!(err.message(), "number out of range", "{body}");
            continue;
        }
        let parsed = lossless(body.as_bytes());
        let unexpected = parsed.unexpected();
        assert_eq!(unexpected.len(), 1, "{body}: {unexpected:?}");
        assert_eq!(unexpected[0].pointer, "/momment", "{body}");
        let err = Callback::from_slice_strict(body.as_bytes()).expect_err(body);
        assert_eq!(err.pointer(), "/momment", "{body}: {err}");
        assert_eq!(err.kind(), ParseErrorKind::Data, "{body}: {err}");
        assert!(
            err.message()
                .ends_with("expected an integer or a string of digits (a timestamp)"),
            "{body}: {err}"
        );
    }
    let ts = zapi_webhooks::Timestamp::from_integer(1_632_228_638_000);
    assert_eq!(ts.unit(), Some(TimeUnit::Milliseconds));
}

#[test]
fn nan_like_values_in_number_fields() {
    // A string where a number belongs is kept as an unexpected value (strict: rejected at the
    // number field), before and after `type` (values read before `type` are buffered); bare
    // NaN-like words are not JSON and are rejected by both parses at the number field.
    let both_orders = |value: &str| {
        [
            format!(r#"{{"type":"ReceivedCallback","location":{{"latitude":{value}}}}}"#),
            format!(r#"{{"location":{{"latitude":{value}}},"type":"ReceivedCallback"}}"#),
        ]
    };
    let string_nan = r#"invalid type: string "NaN", expected a number"#;
    let cases = both_orders(r#""NaN""#)
        .map(|body| (body, ParseErrorKind::Data, string_nan))
        .into_iter()
        .chain(both_orders("NaN").map(|body| (body, ParseErrorKind::Syntax, "expected value")))
        .chain([
            (
                both_orders("Infinity")[0].clone(),
                ParseErrorKind::Syntax,
                "expected value",
            ),
            (
                both_orders("-Infinity")[0].clone(),
                ParseErrorKind::Syntax,
                "invalid number",
            ),
        ]);
    for (body, kind, message) in cases {
        let body = body.as_str();
        if kind == ParseErrorKind::Data {
            let parsed = lossless(body.as_bytes());
            assert_eq!(
                parsed.unexpected()[0].pointer,
                "/location/latitude",
                "{body}"
            );
            let err = Callback::from_slice_strict(body.as_bytes()).expect_err(body);
            assert_eq!(err.pointer(), "/location/latitude", "{body}: {err}");
            assert_eq!(err.kind(), kind, "{body}: {err}");
            assert_eq!(err.message(), message, "{body}");
            continue;
        }
        for err in [
            Callback::from_slice(body.as_bytes()).expect_err(body),
            Callback::from_slice_strict(body.as_bytes()).expect_err(body),
        ] {
            assert_eq!(err.pointer(), "/location/latitude", "{body}: {err}");
            assert_eq!(err.kind(), kind, "{body}: {err}");
            assert_eq!(err.message(), message, "{body}");
            // The column points into the value, after `"latitude":`.
            let value_at = body.find("latitude").expect("latitude") + "latitude\":".len();
            assert!(err.column() > value_at, "{body}: {err}");
        }
    }
    // A NaN-like *string* where a string is expected is just a string.
    lossless(br#"{"type":"ReceivedCallback","text":{"message":"NaN"}}"#);
}

#[test]
fn invalid_utf8_bom_empty_and_non_objects() {
    let err = Callback::from_slice(b"{\"type\":\"ReceivedCallback\",\"phone\":\"\xff\xfe\"}")
        .expect_err("invalid UTF-8");
    assert_eq!(err.kind(), ParseErrorKind::Syntax, "{err}");
    assert_eq!(err.pointer(), "/phone", "{err}");
    assert_eq!(err.message(), "invalid unicode code point");
    assert_eq!((err.line(), err.column()), (1, 37), "{err}");

    // A UTF-8 byte order mark is skipped by `from_slice`.
    let parsed = Callback::from_slice(b"\xEF\xBB\xBF{\"type\":\"DeliveryCallback\"}").expect("BOM");
    assert_eq!(parsed.kind().as_str(), "delivery");

    for body in [&b""[..], b"   ", b"\n"] {
        let err = Callback::from_slice(body).expect_err("empty");
        assert_eq!(err.kind(), ParseErrorKind::Eof, "{err}");
        assert_eq!(err.pointer(), "", "{err}");
        assert_eq!(err.message(), "EOF while parsing a value");
    }
    for body in [
        "[]",
        "[{\"type\":\"ReceivedCallback\"}]",
        "1",
        "\"x\"",
        "null",
        "true",
    ] {
        let err = Callback::from_slice(body.as_bytes()).expect_err(body);
        assert_eq!(err.kind(), ParseErrorKind::Data, "{body}");
        assert_eq!(err.pointer(), "");
        assert!(err.message().contains("expected a JSON object"), "{err}");
    }
    // Cut off after a value: the pointer names the object being read, never a placeholder.
    for (body, pointer) in [
        (&br#"{"a":1"#[..], ""),
        (
            br#"{"type":"ReceivedCallback","text":{"message":"hi","#,
            "/text",
        ),
    ] {
        let err = Callback::from_slice(body).expect_err("truncated");
        assert_eq!(err.kind(), ParseErrorKind::Eof, "{err}");
        assert_eq!(err.pointer(), pointer, "{err}");
        assert!(err.message().starts_with("EOF while parsing"), "{err}");
    }
    // Trailing data after the object.
    let err = Callback::from_slice(b"{\"type\":\"DeliveryCallback\"} {}").expect_err("trailing");
    assert_eq!(err.kind(), ParseErrorKind::Syntax, "{err}");
    assert_eq!(err.pointer(), "", "{err}");
    assert_eq!(err.message(), "trailing characters");
    assert_eq!(err.column(), 29, "{err}");
}

#[test]
fn very_long_keys_and_strings_and_odd_characters() {
    let key = "k".repeat(1_000_000);
    let body = serde_json::to_vec(&json!({
        "type": "ReceivedCallback",
        key.clone(): "v",
        "text": {"message": "\u{0000}\u{FFFF}😀 \"quoted\" \\ /slash", "a/b~c": 1}
    }))
    .expect("ser");
    let parsed = lossless(&body);
    let mut unmodeled = parsed.unmodeled();
    unmodeled.sort();
    assert_eq!(unmodeled, [format!("/{key}"), "/text/a~1b~0c".to_owned()]);
}
