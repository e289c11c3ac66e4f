//! What real deliveries of 2025-2026 carry that the docs do not show: a `listMessage` content
//! kind, a top-level `_traceContext`, `phone` on `DisconnectedCallback`, and a `waitingMessage`
//! flag of an unexpected JSON type. Small synthetic payloads in the shape of those captures; the
//! pseudonymized captures themselves are under `fixtures/captures/`.

mod common;

use common::first_difference;
use serde_json::{Value, json};
use zapi_webhooks::{Callback, CallbackType, Content, Kind, PayloadKind};

/// Parses `value` both ways (bytes and `Value`), checks both give the same model and that it
/// writes back exactly `value`.
fn parse_lossless(value: &Value) -> Callback {
    let bytes = serde_json::to_vec(value).expect("serialize");
    let from_bytes = Callback::from_slice(&bytes).unwrap_or_else(|err| panic!("{value}: {err}"));
    let from_value = Callback::from_value(value).unwrap_or_else(|err| panic!("{value}: {err}"));
    assert_eq!(from_bytes, from_value, "{value}");
    let back = serde_json::to_value(&from_bytes).expect("serialize");
    if let Some(diff) = first_difference(value, &back) {
        panic!("not lossless: {diff}\ninput: {value}");
    }
    from_bytes
}

fn list_message() -> Value {
    json!({
        "type": "ReceivedCallback",
        "instanceId": "3C0000000000000000000000000000A1",
        "messageId": "3EB0F0000000000000A1",
        "phone": "5511900000001",
        "fromMe": true,
        "fromApi": true,
        "momment": 1754000000000_u64,
        "listMessage": {
            "title": "Menu",
            "description": "Choose an option",
            "buttonText": "See options",
            "footerText": "Shop",
            "sections": [
                {
                    "title": "Orders",
                    "rows": [
                        {"title": "Track", "description": "Where is my order", "rowId": "track"},
                        {"title": "Cancel", "rowId": "cancel"}
                    ]
                }
            ]
        }
    })
}

#[test]
fn a_list_message_is_its_own_kind_with_sections_and_rows() {
    let callback = parse_lossless(&list_message());
    assert_eq!(callback.kind(), PayloadKind::Received(Kind::ListMessage));
    assert_eq!(callback.kind().to_string(), "list_message");
    assert_eq!(callback.unmodeled(), Vec::<String>::new());
    assert_eq!(callback.unexpected(), []);
    let received = callback.as_received().expect("received");
    let Content::ListMessage(list) = &received.content else {
        panic!("{:?}", received.content)
    };
    assert_eq!(list.title.as_deref(), Some("Menu"));
    assert_eq!(list.button_text.as_deref(), Some("See options"));
    assert_eq!(list.footer_text.as_deref(), Some("Shop"));
    let sections = list.sections.get().expect("sections");
    assert_eq!(sections[0].title.as_deref(), Some("Orders"));
    let rows = sections[0].rows.get().expect("rows");
    let ids: Vec<_> = rows.iter().map(|row| row.row_id.as_deref()).collect();
    assert_eq!(ids, [Some("track"), Some("cancel")]);
    assert_eq!(rows[0].description.as_deref(), Some("Where is my order"));
    assert!(rows[1].description.is_absent());
    // What a person reads of it.
    assert_eq!(received.text(), Some("Choose an option"));
    assert_eq!(Kind::from_name("list_message"), Some(Kind::ListMessage));
    assert_eq!(Kind::ListMessage.content_key(), Some("listMessage"));
}

/// Recorded deliveries of received list messages carry the rows under `options`.
#[test]
fn a_received_list_message_carries_its_rows_as_options() {
    let mut value = list_message();
    let section = &mut value["listMessage"]["sections"][0];
    let rows = section["rows"].take();
    section.as_object_mut().expect("object").remove("rows");
    section["options"] = rows;
    let callback = parse_lossless(&value);
    assert_eq!(callback.kind(), PayloadKind::Received(Kind::ListMessage));
    assert_eq!(callback.unmodeled(), Vec::<String>::new());
    let Content::ListMessage(list) = &callback.as_received().expect("received").content else {
        panic!("not a list message")
    };
    let section = &list.sections.get().expect("sections")[0];
    assert!(section.rows.is_absent());
    let ids: Vec<_> = section
        .options
        .get()
        .expect("options")
        .iter()
        .map(|row| row.row_id.as_deref())
        .collect();
    assert_eq!(ids, [Some("track"), Some("cancel")]);
}

#[test]
fn a_list_message_row_of_another_type_is_kept_and_named() {
    let mut value = list_message();
    value["listMessage"]["sections"][0]["rows"][1]["rowId"] = json!(7);
    let callback = parse_lossless(&value);
    assert_eq!(callback.kind(), PayloadKind::Received(Kind::ListMessage));
    let found: Vec<String> = callback
        .unexpected()
        .iter()
        .map(|u| u.to_string())
        .collect();
    assert_eq!(
        found,
        ["/listMessage/sections/0/rows/1/rowId: invalid type: integer `7`, expected a string"]
    );
}

#[test]
fn the_trace_context_is_modeled_on_messages_and_call_notifications() {
    for value in [
        json!({
            "type": "ReceivedCallback",
            "phone": "5511900000001",
            "text": {"message": "hi"},
            "_traceContext": {"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "00f067aa0ba902b7"}
        }),
        json!({
            "type": "ReceivedCallback",
            "phone": "5511900000001",
            "notification": "CALL_VOICE",
            "callId": "C0FFEE",
            "_traceContext": {"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "00f067aa0ba902b7"}
        }),
    ] {
        let callback = parse_lossless(&value);
        assert_eq!(callback.unmodeled(), Vec::<String>::new(), "{value}");
        let trace = callback
            .as_received()
            .and_then(|received| received.trace_context.get())
            .expect("a trace context");
        assert_eq!(
            trace.trace_id.as_deref(),
            Some("4bf92f3577b34da6a3ce929d0e0e4736")
        );
        assert_eq!(trace.span_id.as_deref(), Some("00f067aa0ba902b7"));
    }
    // A key Z-API adds to it later is kept, and named.
    let value = json!({
        "type": "ReceivedCallback",
        "_traceContext": {"traceId": "a", "spanId": "b", "sampled": true}
    });
    assert_eq!(
        parse_lossless(&value).unmodeled(),
        ["/_traceContext/sampled"]
    );
}

#[test]
fn a_disconnected_callback_carries_the_phone() {
    let value = json!({
        "type": "DisconnectedCallback",
        "instanceId": "3C0000000000000000000000000000A1",
        "momment": 1754000000,
        "error": "Device has been disconnected",
        "disconnected": true,
        "phone": "5511900000001"
    });
    let callback = parse_lossless(&value);
    assert_eq!(
        callback.kind(),
        PayloadKind::Callback(CallbackType::Disconnected)
    );
    assert_eq!(callback.unmodeled(), Vec::<String>::new());
    let Callback::Disconnected(disconnected) = &callback else {
        panic!("{callback:?}")
    };
    assert_eq!(disconnected.phone.as_deref(), Some("5511900000001"));
}

#[test]
fn a_waiting_message_flag_of_another_type_keeps_the_kind() {
    for flag in [
        json!(true),
        json!("true"),
        json!("TRUE"),
        json!(1),
        json!("1"),
    ] {
        let value = json!({"type": "ReceivedCallback", "phone": "5511", "waitingMessage": flag});
        let callback = parse_lossless(&value);
        assert_eq!(
            callback.kind(),
            PayloadKind::Received(Kind::WaitingMessage),
            "{flag}"
        );
        // Still reported when its type is not a boolean.
        let unexpected: Vec<String> = callback
            .unexpected()
            .into_iter()
            .map(|u| u.pointer)
            .collect();
        let expected: &[&str] = if flag.is_boolean() {
            &[]
        } else {
            &["/waitingMessage"]
        };
        assert_eq!(unexpected, expected, "{flag}");
    }
    for flag in [
        json!(false),
        json!("false"),
        json!(0),
        json!(null),
        json!([true]),
    ] {
        let value = json!({"type": "ReceivedCallback", "phone": "5511", "waitingMessage": flag});
        assert_eq!(
            parse_lossless(&value).kind(),
            PayloadKind::Received(Kind::Unknown),
            "{flag}"
        );
    }
}
