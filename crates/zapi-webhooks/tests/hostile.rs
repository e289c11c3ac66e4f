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

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 10_000, 1_000_000] {
        // Nested arrays in an unmodeled field, in a known content object and as the body.
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let bodies = [
            format!(r#"{{"type":"ReceivedCallback","deep":{nested}}}"#),
            format!(r#"{{"deep":{nested},"type":"ReceivedCallback"}}"#),
            format!(r#"{{"type":"Brand new","deep":{nested}}}"#),
            nested.clone(),
        ];
        for body in bodies {
            let err = Callback::from_slice(body.as_bytes()).expect_err("too deep");
            assert!(
                err.message().contains("recursion limit") || err.kind() == ParseErrorKind::Data,
                "{err}"
            );
        }
    }
    // Nested objects through known models stay within the limit too.
    let mut body = String::from(r#"{"type":"ReceivedCallback","text":"#);
    for _ in 0..5_000 {
        body.push_str(r#"{"x":"#);
    }
    body.push('1');
    body.push_str(&"}".repeat(5_001));
    let err = Callback::from_slice(body.as_bytes()).expect_err("too deep");
    assert!(err.message().contains("recursion limit"), "{err}");
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
    assert_eq!(parsed.kind_name(), "image");
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
    // Rejected with the pointer: beyond u64 (a float to serde_json), fractional, NaN-like words.
    for body in [
        r#"{"type":"ReceivedCallback","momment":18446744073709551616}"#,
        r#"{"type":"ReceivedCallback","momment":1632228638000.5}"#,
        r#"{"type":"ReceivedCallback","momment":1e400}"#,
        r#"{"type":"ReceivedCallback","momment":"NaN"}"#,
        r#"{"type":"ReceivedCallback","momment":"Infinity"}"#,
        r#"{"type":"ReceivedCallback","momment":"-"}"#,
        r#"{"type":"ReceivedCallback","momment":" 1"}"#,
    ] {
        let err = Callback::from_slice(body.as_bytes()).expect_err(body);
        assert_eq!(err.pointer(), "/momment", "{body}: {err}");
    }
    let ts = zapi_webhooks::Timestamp::from_integer(1_632_228_638_000);
    assert_eq!(ts.unit(), Some(TimeUnit::Milliseconds));
}

#[test]
fn nan_like_values_in_number_fields() {
    for body in [
        r#"{"type":"ReceivedCallback","location":{"latitude":"NaN"}}"#,
        r#"{"type":"ReceivedCallback","location":{"latitude":NaN}}"#,
        r#"{"type":"ReceivedCallback","location":{"latitude":Infinity}}"#,
    ] {
        let err = Callback::from_slice(body.as_bytes()).expect_err(body);
        assert!(!err.message().is_empty());
    }
    // A NaN-like *string* where a string is expected is just a string.
    lossless(br#"{"type":"ReceivedCallback","text":{"message":"NaN"}}"#);
}

#[test]
fn invalid_utf8_bom_empty_and_non_objects() {
    let err = Callback::from_slice(b"{\"type\":\"ReceivedCallback\",\"phone\":\"\xff\xfe\"}")
        .expect_err("invalid UTF-8");
    assert_eq!(err.kind(), ParseErrorKind::Syntax);
    assert!(err.line() > 0);

    // A UTF-8 byte order mark is skipped by `from_slice`.
    let parsed = Callback::from_slice(b"\xEF\xBB\xBF{\"type\":\"DeliveryCallback\"}").expect("BOM");
    assert_eq!(parsed.kind_name(), "delivery");

    for body in [&b""[..], b"   ", b"\n"] {
        assert_eq!(
            Callback::from_slice(body).expect_err("empty").kind(),
            ParseErrorKind::Eof
        );
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
        assert_eq!(err.kind(), ParseErrorKind::Eof);
        assert_eq!(err.pointer(), pointer);
    }
    // Trailing data after the object.
    let err = Callback::from_slice(b"{\"type\":\"DeliveryCallback\"} {}").expect_err("trailing");
    assert_eq!(err.kind(), ParseErrorKind::Syntax);
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
