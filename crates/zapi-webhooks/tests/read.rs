//! The read layer (`chat()`, `sender()`, `text()`, `media()`, `timestamp()`, ...) against
//! answers computed straight from the JSON, with plain `serde_json::Value` lookups that
//! implement the documented rules without going through the models: over every fixture, over
//! every fixture with each envelope value retyped, and over hand-written payloads for the id
//! suffix rules.

mod common;

use serde_json::{Value, json};
use zapi_webhooks::{Callback, ChatKind, Field, Kind};

// ---------------------------------------------------------------------------------------------
// The rules, on raw JSON.

fn string<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key) == Some(&Value::Bool(true))
}

fn expected_chat_kind(v: &Value) -> ChatKind {
    let id = string(v, "phone").unwrap_or("");
    if flag(v, "isNewsletter") || id.ends_with("@newsletter") {
        ChatKind::Newsletter
    } else if flag(v, "isGroup") || id.ends_with("-group") || id.ends_with("@g.us") {
        ChatKind::Group
    } else if flag(v, "broadcast") || id.ends_with("-broadcast") || id.ends_with("@broadcast") {
        ChatKind::Broadcast
    } else {
        ChatKind::Direct
    }
}

fn expected_sender_phone(v: &Value) -> Option<&str> {
    if flag(v, "fromMe") {
        return string(v, "connectedPhone");
    }
    match expected_chat_kind(v) {
        ChatKind::Group | ChatKind::Broadcast => string(v, "participantPhone"),
        ChatKind::Newsletter => None,
        _ => string(v, "phone").filter(|p| !p.ends_with("@lid")),
    }
}

fn expected_sender_lid(v: &Value) -> Option<&str> {
    match expected_chat_kind(v) {
        ChatKind::Group | ChatKind::Broadcast => string(v, "participantLid"),
        ChatKind::Newsletter => None,
        _ => string(v, "senderLid")
            .or_else(|| string(v, "chatLid"))
            .or_else(|| string(v, "phone").filter(|p| p.ends_with("@lid"))),
    }
}

/// The content key of the payload: among the content keys with a non-`null` value, the one
/// of highest priority (the table's order, `Kind::ALL`, is the documented tie-break).
fn content_key(v: &Value) -> Option<&'static str> {
    Kind::ALL
        .iter()
        .filter_map(|kind| kind.content_key())
        .find(|key| v.get(*key).is_some_and(|value| !value.is_null()))
}

fn expected_text(v: &Value) -> Option<&str> {
    let key = content_key(v)?;
    let field = match key {
        "text"
        | "buttonsResponseMessage"
        | "listResponseMessage"
        | "hydratedTemplate"
        | "buttonsMessage"
        | "order" => "message",
        "carouselMessage" => "text",
        "poll" => "question",
        "image" | "video" | "document" | "ptv" | "liveLocation" => "caption",
        _ => return None,
    };
    string(&v[key], field)
}

fn expected_media_url(v: &Value) -> Option<Option<&str>> {
    let key = content_key(v)?;
    let field = match key {
        "image" => "imageUrl",
        "audio" => "audioUrl",
        "video" => "videoUrl",
        "document" => "documentUrl",
        "sticker" => "stickerUrl",
        "ptv" => "ptvUrl",
        _ => return None,
    };
    // A retyped media value (`"image": "x"`) has no media to read.
    v[key].is_object().then(|| string(&v[key], field))
}

/// A `Timestamp` is a JSON integer or a string of digits (optionally with a leading `-`).
fn time_value(v: &Value, key: &str) -> Option<i128> {
    match v.get(key)? {
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from)),
        Value::String(s) => {
            let digits = s.strip_prefix('-').unwrap_or(s);
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        }
        _ => None,
    }
}

fn expected_received_time(v: &Value) -> Option<i128> {
    time_value(v, "momment").or_else(|| time_value(v, "moment"))
}

// ---------------------------------------------------------------------------------------------
// The comparison.

/// Checks every read-layer answer of `value` against the rules; `what` names the payload.
fn check(what: &str, value: &Value) {
    let callback = Callback::from_value(value).unwrap_or_else(|err| panic!("{what}: {err}"));
    assert_eq!(
        callback.instance_id(),
        string(value, "instanceId").filter(|_| callback.type_value().is_some()),
        "{what}: instance_id"
    );
    match &callback {
        Callback::Received(msg) => {
            let chat = msg.chat();
            assert_eq!(chat.kind(), expected_chat_kind(value), "{what}: chat kind");
            assert_eq!(chat.id(), string(value, "phone"), "{what}: chat id");
            assert_eq!(chat.lid(), string(value, "chatLid"), "{what}: chat lid");
            assert_eq!(chat.name(), string(value, "chatName"), "{what}: chat name");
            let sender = msg.sender();
            assert_eq!(sender.is_me(), flag(value, "fromMe"), "{what}: is_me");
            assert_eq!(
                msg.is_from_me(),
                flag(value, "fromMe"),
                "{what}: is_from_me"
            );
            assert_eq!(
                sender.phone(),
                expected_sender_phone(value),
                "{what}: sender phone"
            );
            assert_eq!(
                sender.lid(),
                expected_sender_lid(value),
                "{what}: sender lid"
            );
            assert_eq!(
                sender.name(),
                string(value, "senderName"),
                "{what}: sender name"
            );
            assert_eq!(
                sender.photo(),
                string(value, "senderPhoto"),
                "{what}: sender photo"
            );
            assert_eq!(msg.text(), expected_text(value), "{what}: text");
            assert_eq!(
                msg.media().map(|m| m.url()),
                expected_media_url(value),
                "{what}: media url"
            );
            assert_eq!(
                msg.timestamp().and_then(|t| t.raw()),
                expected_received_time(value),
                "{what}: timestamp"
            );
            assert_eq!(
                callback.timestamp().and_then(|t| t.raw()),
                expected_received_time(value),
                "{what}: callback timestamp"
            );
            assert_eq!(
                msg.is_group(),
                expected_chat_kind(value) == ChatKind::Group,
                "{what}: is_group"
            );
            assert_eq!(
                msg.reply_to(),
                string(value, "referenceMessageId"),
                "{what}: reply_to"
            );
            assert_eq!(
                msg.edited_message_id(),
                string(value, "editMessageId"),
                "{what}: edited_message_id"
            );
        }
        Callback::PresenceChat(_) | Callback::Unknown(_) => {
            assert!(callback.timestamp().is_none(), "{what}: timestamp");
        }
        other => {
            assert_eq!(
                other.timestamp().and_then(|t| t.raw()),
                time_value(value, "momment"),
                "{what}: timestamp"
            );
            if let Callback::MessageStatus(status) = other {
                let mut expected: Vec<&str> = match value.get("ids") {
                    Some(Value::Array(ids)) if ids.iter().all(Value::is_string) => {
                        ids.iter().filter_map(Value::as_str).collect()
                    }
                    _ => Vec::new(),
                };
                if let Some(id) = string(value, "id") {
                    if !expected.contains(&id) {
                        expected.push(id);
                    }
                }
                assert_eq!(
                    status.message_ids().collect::<Vec<_>>(),
                    expected,
                    "{what}: message_ids"
                );
            }
        }
    }
}

#[test]
fn every_fixture_reads_as_the_rules_say() {
    // The docs examples and the real captures.
    let mut fixtures = common::fixtures();
    fixtures.extend(common::captures());
    let mut kinds = std::collections::BTreeSet::new();
    for fixture in &fixtures {
        check(&fixture.path, &fixture.value);
        if let Ok(Callback::Received(msg)) = Callback::from_value(&fixture.value) {
            kinds.insert(msg.chat().kind());
        }
    }
    // The corpus has a chat of every kind: direct, group, newsletter and broadcast list.
    assert_eq!(
        kinds.len(),
        ChatKind::ALL.len(),
        "chat kinds seen: {kinds:?}"
    );
}

/// Envelope keys the read layer looks at, retyped one at a time in every received fixture.
const READ_KEYS: &[&str] = &[
    "phone",
    "fromMe",
    "isGroup",
    "isNewsletter",
    "broadcast",
    "participantPhone",
    "participantLid",
    "senderLid",
    "chatLid",
    "connectedPhone",
    "chatName",
    "senderName",
    "senderPhoto",
    "momment",
    "moment",
    "referenceMessageId",
    "editMessageId",
    "instanceId",
];

#[test]
fn retyped_values_answer_nothing_and_never_panic() {
    let replacements = [
        json!(0),
        json!("true"),
        json!(true),
        json!(["x"]),
        json!({"a": 1}),
        json!(null),
        json!(1.5),
        json!("x@lid"),
    ];
    let mut checked = 0;
    for fixture in common::fixtures().into_iter().chain(common::captures()) {
        let Value::Object(object) = &fixture.value else {
            continue;
        };
        let mut keys: Vec<String> = READ_KEYS.iter().map(|k| (*k).to_owned()).collect();
        // The content key too: `"text": 0` is retyped content, of its kind, with no data.
        if let Some(key) = content_key(&fixture.value) {
            keys.push(key.to_owned());
        }
        for key in &keys {
            for replacement in &replacements {
                let mut changed = object.clone();
                changed.insert(key.clone(), replacement.clone());
                check(
                    &format!("{} with {key} = {replacement}", fixture.path),
                    &Value::Object(changed),
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} variants");
}

// ---------------------------------------------------------------------------------------------
// Hand-written payloads.

fn received(value: Value) -> Box<zapi_webhooks::ReceivedCallback> {
    let mut value = value;
    value["type"] = json!("ReceivedCallback");
    match Callback::from_value(&value) {
        Ok(Callback::Received(msg)) => msg,
        other => panic!("not a received callback: {other:?}"),
    }
}

#[test]
fn id_suffixes_decide_the_chat_kind() {
    for (phone, kind) in [
        ("5544999999999", ChatKind::Direct),
        ("81896604192873@lid", ChatKind::Direct),
        ("120363019502650977-group", ChatKind::Group),
        ("5511999999999-1600000000@g.us", ChatKind::Group),
        ("120363166555745933@newsletter", ChatKind::Newsletter),
        ("1774895799-broadcast", ChatKind::Broadcast),
        ("status@broadcast", ChatKind::Broadcast),
        // Suffixes only: elsewhere in the id they mean nothing.
        ("-group5511", ChatKind::Direct),
        ("@newsletter.x", ChatKind::Direct),
    ] {
        let msg = received(json!({ "phone": phone }));
        assert_eq!(msg.chat().kind(), kind, "{phone}");
        assert_eq!(msg.chat().kind().to_string(), kind.as_str());
        // A `false` flag never overrules the id.
        let msg = received(json!({
            "phone": phone, "isGroup": false, "isNewsletter": false, "broadcast": false
        }));
        assert_eq!(msg.chat().kind(), kind, "{phone} with false flags");
    }
}

#[test]
fn flags_decide_the_chat_kind_in_order() {
    let kind = |v: Value| received(v).chat().kind();
    assert_eq!(
        kind(json!({"phone": "5544", "isGroup": true})),
        ChatKind::Group
    );
    assert_eq!(
        kind(json!({"phone": "5544", "isNewsletter": true, "isGroup": true})),
        ChatKind::Newsletter
    );
    assert_eq!(
        kind(json!({"phone": "5544", "broadcast": true})),
        ChatKind::Broadcast
    );
    assert_eq!(
        kind(json!({"phone": "1203-group", "broadcast": true})),
        ChatKind::Group
    );
    assert_eq!(
        kind(json!({"phone": "55@newsletter", "isGroup": true})),
        ChatKind::Newsletter
    );
    assert_eq!(
        kind(json!({"phone": "1203-group", "isGroup": false})),
        ChatKind::Group
    );
    assert!(received(json!({"phone": "1203-group", "isGroup": false})).is_group());
    // Retyped flags are not `true`.
    assert_eq!(
        kind(json!({"phone": "5544", "isGroup": "true", "isNewsletter": 1, "broadcast": "yes"})),
        ChatKind::Direct
    );
    assert_eq!(kind(json!({})), ChatKind::Direct);
    assert_eq!(kind(json!({"phone": 5544})), ChatKind::Direct);
}

#[test]
fn lid_ids_are_not_phone_numbers() {
    let msg = received(json!({"phone": "81896604192873@lid"}));
    assert_eq!(msg.sender().phone(), None);
    assert_eq!(msg.sender().lid(), Some("81896604192873@lid"));
    assert_eq!(msg.chat().id(), Some("81896604192873@lid"));

    let msg = received(json!({"phone": "81896604192873@lid", "chatLid": "1@lid"}));
    assert_eq!(msg.sender().lid(), Some("1@lid"));
    let msg = received(json!({"phone": "5544", "chatLid": "1@lid", "senderLid": "2@lid"}));
    assert_eq!(msg.sender().lid(), Some("2@lid"));
    assert_eq!(msg.sender().phone(), Some("5544"));
    let msg = received(json!({"phone": "5544"}));
    assert_eq!(msg.sender().lid(), None);
}

#[test]
fn groups_broadcasts_and_newsletters_name_the_participant() {
    for phone in ["1203-group", "1774-broadcast"] {
        let msg = received(json!({
            "phone": phone, "participantPhone": "5511", "participantLid": "3@lid",
            "senderLid": "4@lid", "chatLid": "5@lid"
        }));
        assert_eq!(msg.sender().phone(), Some("5511"), "{phone}");
        assert_eq!(msg.sender().lid(), Some("3@lid"), "{phone}");
    }
    let msg = received(json!({
        "phone": "55@newsletter", "participantPhone": "5511", "senderLid": "4@lid"
    }));
    assert_eq!(msg.sender().phone(), None);
    assert_eq!(msg.sender().lid(), None);
    // Sent by me: the connected phone, whatever the chat.
    let msg = received(json!({
        "phone": "55@newsletter", "fromMe": true, "connectedPhone": "5599"
    }));
    assert_eq!(msg.sender().phone(), Some("5599"));
    assert!(msg.sender().is_me() && msg.is_from_me());
    let msg = received(json!({"phone": "5544", "fromMe": "true", "connectedPhone": "5599"}));
    assert_eq!(msg.sender().phone(), Some("5544"));
    assert!(!msg.is_from_me());
}

#[test]
fn text_and_media_by_kind() {
    let cases = [
        (json!({"text": {"message": "a"}}), Some("a")),
        (
            json!({"buttonsResponseMessage": {"message": "b"}}),
            Some("b"),
        ),
        (json!({"listResponseMessage": {"message": "c"}}), Some("c")),
        (json!({"hydratedTemplate": {"message": "d"}}), Some("d")),
        (json!({"buttonsMessage": {"message": "e"}}), Some("e")),
        (json!({"carouselMessage": {"text": "f"}}), Some("f")),
        (json!({"order": {"message": "g"}}), Some("g")),
        (json!({"poll": {"question": "h"}}), Some("h")),
        (json!({"image": {"caption": "i"}}), Some("i")),
        (json!({"video": {"caption": "j"}}), Some("j")),
        (json!({"document": {"caption": "k"}}), Some("k")),
        (json!({"audio": {"audioUrl": "u"}}), None),
        (json!({"reaction": {"value": "x"}}), None),
        (json!({"location": {"name": "x"}}), None),
        (json!({"notification": "CALL_VOICE"}), None),
        (json!({"text": "hi"}), None),
        (json!({"text": {"message": 5}}), None),
        (json!({"waitingMessage": true}), None),
        (json!({"somethingNew": {"message": "x"}}), None),
    ];
    for (payload, text) in cases {
        assert_eq!(received(payload.clone()).text(), text, "{payload}");
    }

    let msg = received(json!({"image": {
        "imageUrl": "u", "mimeType": "image/jpeg", "caption": "c", "width": 640, "height": 480,
        "thumbnailUrl": "t", "viewOnce": true
    }}));
    let media = msg.media().expect("image");
    assert_eq!(media.kind(), Kind::Image);
    assert_eq!(media.url(), Some("u"));
    assert_eq!(media.mime_type(), Some("image/jpeg"));
    assert_eq!(media.caption(), Some("c"));
    assert_eq!((media.width(), media.height()), (Some(640), Some(480)));
    assert_eq!(media.thumbnail_url(), Some("t"));
    assert_eq!((media.seconds(), media.file_name()), (None, None));
    assert!(media.is_view_once());

    let msg = received(json!({"video": {"videoUrl": "v", "seconds": "12", "width": -1}}));
    let media = msg.media().expect("video");
    assert_eq!((media.kind(), media.url()), (Kind::Video, Some("v")));
    assert_eq!((media.seconds(), media.width()), (None, None));

    let msg = received(json!({"document": {"documentUrl": "d", "fileName": "a.pdf"}}));
    let media = msg.media().expect("document");
    assert_eq!((media.url(), media.file_name()), (Some("d"), Some("a.pdf")));

    let msg = received(json!({"audio": {"audioUrl": "a", "seconds": 3}}));
    let media = msg.media().expect("audio");
    assert_eq!(
        (media.url(), media.seconds(), media.caption()),
        (Some("a"), Some(3), None)
    );

    let msg = received(json!({"sticker": {"stickerUrl": "s", "mimeType": "image/webp"}}));
    let media = msg.media().expect("sticker");
    assert_eq!((media.kind(), media.url()), (Kind::Sticker, Some("s")));

    assert!(received(json!({"image": "x"})).media().is_none());
    assert!(
        received(json!({"text": {"message": "x"}}))
            .media()
            .is_none()
    );
    assert!(received(json!({})).media().is_none());
}

#[test]
fn timestamps_reply_and_edit() {
    let msg = received(json!({"momment": 1, "moment": 2}));
    assert_eq!(msg.timestamp().and_then(|t| t.raw()), Some(1));
    let msg = received(json!({"momment": 1.5, "moment": "2"}));
    assert_eq!(msg.timestamp().and_then(|t| t.raw()), Some(2));
    let msg = received(json!({"momment": null}));
    assert!(msg.timestamp().is_none());

    let msg = received(json!({"referenceMessageId": "R", "editMessageId": "E"}));
    assert_eq!(
        (msg.reply_to(), msg.edited_message_id()),
        (Some("R"), Some("E"))
    );
    let msg = received(json!({"referenceMessageId": 1, "editMessageId": 2}));
    assert_eq!((msg.reply_to(), msg.edited_message_id()), (None, None));
}

#[test]
fn callback_instance_and_time() {
    let cases = [
        (
            json!({"type": "DeliveryCallback", "instanceId": "I", "momment": 5}),
            Some(5),
        ),
        (
            json!({"type": "MessageStatusCallback", "instanceId": "I", "momment": "6"}),
            Some(6),
        ),
        (
            json!({"type": "ConnectedCallback", "instanceId": "I", "momment": 7}),
            Some(7),
        ),
        (
            json!({"type": "DisconnectedCallback", "instanceId": "I", "momment": 8}),
            Some(8),
        ),
        (
            json!({"type": "ReceivedCallback", "instanceId": "I", "moment": 9}),
            Some(9),
        ),
        (
            json!({"type": "PresenceChatCallback", "instanceId": "I", "lastSeen": 10}),
            None,
        ),
        (
            json!({"type": "Unheard", "instanceId": "I", "momment": 11}),
            None,
        ),
    ];
    for (payload, time) in cases {
        let callback = Callback::from_value(&payload).expect("parses");
        assert_eq!(callback.instance_id(), Some("I"), "{payload}");
        assert_eq!(
            callback.timestamp().and_then(|t| t.raw()),
            time,
            "{payload}"
        );
    }
    let callback = Callback::from_value(&json!({"type": "ConnectedCallback", "instanceId": 1}));
    assert_eq!(callback.expect("parses").instance_id(), None);
}

#[test]
fn message_ids_take_ids_then_id() {
    let ids = |payload: Value| {
        let mut payload = payload;
        payload["type"] = json!("MessageStatusCallback");
        match Callback::from_value(&payload) {
            Ok(Callback::MessageStatus(status)) => {
                status.message_ids().map(str::to_owned).collect::<Vec<_>>()
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(ids(json!({"ids": ["a", "b"]})), ["a", "b"]);
    assert_eq!(ids(json!({"id": "c"})), ["c"]);
    assert_eq!(ids(json!({"ids": ["a"], "id": "a"})), ["a"]);
    assert_eq!(ids(json!({"ids": ["a"], "id": "c"})), ["a", "c"]);
    assert_eq!(ids(json!({"ids": ["a", 1]})), Vec::<String>::new());
    assert_eq!(ids(json!({"ids": "a"})), Vec::<String>::new());
}

#[test]
fn field_helpers() {
    let present: Field<u64> = Field::Present(3);
    assert_eq!(present.copied(), Some(3));
    assert_eq!(present.cloned(), Some(3));
    assert_eq!(present.get(), Some(&3));
    assert_eq!(present.unwrap_or(0), 3);
    assert_eq!(Option::<u64>::from(present), Some(3));
    for missing in [
        Field::<u64>::Absent,
        Field::Null,
        Field::Unexpected(json!("3")),
    ] {
        assert_eq!(missing.copied(), None);
        assert_eq!(missing.get(), None);
        assert_eq!(missing.unwrap_or(0), 0);
        assert_eq!(Option::<u64>::from(missing), None);
    }
    assert!(Field::Present(true).is_true());
    for not_true in [
        Field::Present(false),
        Field::Absent,
        Field::Null,
        Field::Unexpected(json!("true")),
        Field::Unexpected(json!(1)),
    ] {
        assert!(!not_true.is_true(), "{not_true:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The README's quick start, compiled and run.

fn reply(
    sent: &mut Vec<(String, String)>,
    to: &str,
    text: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    sent.push((to.to_owned(), text.to_owned()));
    Ok(())
}

#[rustfmt::skip]
fn handle(body: &[u8], sent: &mut Vec<(String, String)>) -> Result<(), Box<dyn std::error::Error>> {
    let mut reply = |to: &str, text: &str| reply(sent, to, text);
    // The three lines of the README, verbatim:
    let Callback::Received(msg) = Callback::from_slice(body)? else { return Ok(()) };
    if msg.is_from_me() || msg.chat().kind() != ChatKind::Direct { return Ok(()) }
    if let Some(text) = msg.text() { reply(msg.chat().id().unwrap_or_default(), text)? }
    Ok(())
}

#[test]
fn readme_quick_start_answers_direct_texts_only() {
    let mut sent = Vec::new();
    for body in [
        r#"{"type":"ReceivedCallback","phone":"5544","fromMe":false,"text":{"message":"hi"}}"#,
        r#"{"type":"ReceivedCallback","phone":"5544","image":{"caption":"look"}}"#,
        r#"{"type":"ReceivedCallback","phone":"5544","fromMe":true,"text":{"message":"me"}}"#,
        r#"{"type":"ReceivedCallback","phone":"1203-group","text":{"message":"group"}}"#,
        r#"{"type":"ReceivedCallback","phone":"5544","audio":{"audioUrl":"u"}}"#,
        r#"{"type":"MessageStatusCallback","ids":["a"],"status":"READ"}"#,
    ] {
        handle(body.as_bytes(), &mut sent).expect("handled");
    }
    assert!(handle(b"not json", &mut sent).is_err());
    let expected = [("5544", "hi"), ("5544", "look")].map(|(a, b)| (a.to_owned(), b.to_owned()));
    assert_eq!(sent, expected);

    for readme in ["../../README.md", "README.md"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(readme);
        let text = std::fs::read_to_string(&path).expect("README");
        for line in [
            "let Callback::Received(msg) = Callback::from_slice(body)? else { return Ok(()) };",
            "if msg.is_from_me() || msg.chat().kind() != ChatKind::Direct { return Ok(()) }",
            "if let Some(text) = msg.text() { reply(msg.chat().id().unwrap_or_default(), text)? }",
        ] {
            assert!(text.contains(line), "{readme} lacks {line}");
        }
    }
}
