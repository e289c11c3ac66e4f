//! Keys that arrive before `type`: `Callback` reads them speculatively into a
//! `ReceivedCallback` and, when `type` names another callback (or none), moves them there
//! through their JSON. Whatever the key order, the result must be the model a `type`-first
//! read gives (`Callback::from_value` reads `type` first), with the same `kind()`,
//! `unexpected()` and `unmodeled()` answers, written back exactly; and an error inside a key
//! read before `type` must be the parser's own error at that place, whatever callback the
//! payload turns out to be.

mod common;

use common::{captures, fixtures};
use serde_json::{Map, Value, json};
use zapi_webhooks::{Callback, ParseErrorKind};

/// The object written as JSON with its entries in the given order (a `Map` sorts them).
fn in_order(entries: &[(&String, &Value)]) -> String {
    let body: Vec<String> = entries
        .iter()
        .map(|(key, value)| {
            format!(
                "{}:{}",
                serde_json::to_string(key).expect("key"),
                serde_json::to_string(value).expect("value")
            )
        })
        .collect();
    format!("{{{}}}", body.join(","))
}

/// `body` (whose object is `value`, without repeated keys) reads to the model a `type`-first
/// read of `value` gives, with the same answers, and writes back as `value`.
fn assert_reads_like_type_first(body: &str, value: &Value) {
    let parsed =
        Callback::from_slice(body.as_bytes()).unwrap_or_else(|err| panic!("{body}: {err}"));
    let type_first = Callback::from_value(value).unwrap_or_else(|err| panic!("{body}: {err}"));
    assert_eq!(parsed, type_first, "{body}");
    assert_eq!(parsed.kind(), type_first.kind(), "{body}");
    assert_eq!(parsed.unexpected(), type_first.unexpected(), "{body}");
    assert_eq!(parsed.unmodeled(), type_first.unmodeled(), "{body}");
    assert_eq!(
        serde_json::to_value(&parsed).expect("writes"),
        *value,
        "{body}"
    );
}

/// Every fixture and capture, with `type` first, last, in the middle, and left out: the same
/// model as the `type`-first read (an unknown callback without `type`).
#[test]
fn every_payload_reads_the_same_wherever_type_stands() {
    let mut checked = 0;
    for fixture in fixtures().into_iter().chain(captures()) {
        let Value::Object(map) = &fixture.value else {
            panic!("{}: not an object", fixture.path)
        };
        let others: Vec<(&String, &Value)> = map.iter().filter(|(k, _)| *k != "type").collect();
        let Some(type_entry) = map.get_key_value("type") else {
            panic!("{}: no type", fixture.path)
        };
        let middle = others.len() / 2;
        for at in [0, middle, others.len()] {
            let mut entries = others.clone();
            entries.insert(at, type_entry);
            assert_reads_like_type_first(&in_order(&entries), &fixture.value);
            checked += 1;
        }
        let mut untyped = map.clone();
        untyped.remove("type");
        let untyped = Value::Object(untyped);
        let parsed = Callback::from_slice(in_order(&others).as_bytes()).expect("an object");
        assert_eq!(
            parsed,
            Callback::Unknown(untyped.as_object().cloned().expect("map"))
        );
        assert_eq!(parsed.kind().as_str(), "unknown", "{}", fixture.path);
        assert_eq!(serde_json::to_value(&parsed).expect("writes"), untyped);
    }
    assert!(checked > 300, "only {checked} orders");
}

/// Keys a received callback models, with values of the types it expects and of others, and
/// content keys, all before the `type` of another callback: they move over as they were sent.
#[test]
fn keys_read_as_a_received_callback_move_to_the_callback_type_names() {
    let before = json!({
        // Received fields: well typed, of an unexpected type, null.
        "phone": "5511999999999",
        "fromMe": "yes",
        "momment": 1632228638000u64,
        "isGroup": 0,
        "senderName": null,
        // Content keys: a model, another one (which a received callback parks), a null one.
        "text": {"message": "hi", "shiny": true},
        "image": {"width": "640"},
        "audio": null,
        // Unknown to every model, nested.
        "zz": {"a": [1, {"b": 2.5}]},
        // Fields of the other callbacks.
        "status": "READ",
        "ids": ["A", 7],
        "connected": "true",
        "zaapId": 12,
    });
    let Value::Object(before) = before else {
        unreachable!()
    };
    for type_value in [
        "DeliveryCallback",
        "MessageStatusCallBack",
        "PresenceChatCallback",
        "ConnectedCallback",
        "DisconnectedCallback",
        "ReceivedCallback",
        "NotACallback",
    ] {
        let mut value = before.clone();
        value.insert("type".to_owned(), json!(type_value));
        let value = Value::Object(value);
        let type_key = "type".to_owned();
        let type_json = json!(type_value);
        let mut entries: Vec<(&String, &Value)> = before.iter().collect();
        entries.push((&type_key, &type_json));
        let body = in_order(&entries);
        assert_reads_like_type_first(&body, &value);
        let parsed = Callback::from_slice(body.as_bytes()).expect("parses");
        let expected_kind = match type_value {
            "NotACallback" => "unknown",
            "ReceivedCallback" => "text",
            other => zapi_webhooks::CallbackType::from_type_value(other)
                .expect("known")
                .as_str(),
        };
        assert_eq!(parsed.kind().as_str(), expected_kind, "{body}");
    }
}

/// `type` of another JSON type, repeated `type`s, repeated keys before `type`, and an empty
/// object.
#[test]
fn odd_types_and_repeated_keys_before_type() {
    // A `type` that is not a string: unknown, everything kept.
    for type_json in ["3", "null", "true", "[\"ReceivedCallback\"]", "{\"a\":1}"] {
        let body = format!(r#"{{"phone":"1","text":{{"message":"m"}},"type":{type_json}}}"#);
        let value: Value = serde_json::from_str(&body).expect("JSON");
        let parsed = Callback::from_slice(body.as_bytes()).expect("an object");
        assert_eq!(
            parsed,
            Callback::Unknown(value.as_object().cloned().expect("map"))
        );
        assert_eq!(parsed.unexpected().len(), 1, "{body}");
        assert_eq!(parsed.unexpected()[0].pointer, "/type", "{body}");
        assert_eq!(parsed.unmodeled(), ["/phone", "/text"], "{body}");
    }
    assert_eq!(
        Callback::from_slice(b"{}").expect("an object"),
        Callback::Unknown(Map::new())
    );
    // Repeated keys (before `type` and `type` itself): the last value wins, as in `Value`,
    // whichever model reads them first.
    for body in [
        r#"{"phone":1,"phone":"2","type":"DeliveryCallback"}"#,
        r#"{"text":{"message":"a"},"text":null,"type":"MessageStatusCallback"}"#,
        r#"{"text":null,"image":{},"text":{"message":"b"},"type":"ReceivedCallback"}"#,
        r#"{"status":"SENT","type":"ReceivedCallback","status":"READ","type":"MessageStatusCallback"}"#,
        r#"{"phone":"1","type":"MessageStatusCallback","ids":["A"],"type":"Other"}"#,
        r#"{"fromMe":true,"type":"Other","type":"ReceivedCallBack","text":{"message":"c"}}"#,
        r#"{"zz":1,"type":"ConnectedCallback","zz":2,"type":"ConnectedCallBack"}"#,
    ] {
        let value: Value = serde_json::from_str(body).expect("JSON");
        assert_reads_like_type_first(body, &value);
    }
}

/// The parser's error for `body`: message (without serde_json's position suffix), line and
/// column, as a plain `Value` parse reports it.
fn value_error(body: &[u8]) -> (String, usize, usize) {
    let err = serde_json::from_slice::<Value>(body).expect_err("not JSON");
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = err.to_string();
    let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
    (message, err.line(), err.column())
}

/// An error inside a key read before `type` is where the parser stopped, with its words, for
/// every callback type, also inside the keys a received callback models (and so reads typed).
#[test]
fn an_error_before_type_is_the_parsers_at_its_pointer() {
    let deep_text = format!(r#"{{"message":{}1{}}}"#, "[".repeat(200), "]".repeat(200));
    let cases: Vec<(String, &str)> = vec![
        (r#""phone":"1","text":{"message":"a",}"#.to_owned(), "/text"),
        (
            r#""phone":"1","image":{"width":}"#.to_owned(),
            "/image/width",
        ),
        (r#""ids":["A",,"B"]"#.to_owned(), "/ids/1"),
        ("\"phone\":\"\u{7f}\u{1}\"".to_owned(), "/phone"),
        (r#""momment":1e400"#.to_owned(), "/momment"),
        (
            r#""location":{"latitude":NaN}"#.to_owned(),
            "/location/latitude",
        ),
        (format!(r#""text":{deep_text}"#), "/text/message"),
    ];
    for type_value in [
        "DeliveryCallback",
        "MessageStatusCallback",
        "PresenceChatCallback",
        "ConnectedCallback",
        "DisconnectedCallback",
        "ReceivedCallback",
        "NotACallback",
    ] {
        for (entries, pointer) in &cases {
            let body = format!(r#"{{{entries},"type":"{type_value}"}}"#);
            let err = Callback::from_slice(body.as_bytes()).expect_err(&body);
            let (message, line, column) = value_error(body.as_bytes());
            assert_eq!(err.message(), message, "{body}");
            assert_eq!((err.line(), err.column()), (line, column), "{body}");
            assert!(
                err.pointer().starts_with(pointer),
                "{body}: pointer {:?}, expected under {pointer}",
                err.pointer()
            );
            if !pointer.starts_with("/text/message") {
                assert_eq!(err.pointer(), *pointer, "{body}");
            } else {
                assert_eq!(err.kind(), ParseErrorKind::Syntax, "{body}");
                assert_eq!(err.message(), "recursion limit exceeded", "{body}");
            }
        }
    }
}
