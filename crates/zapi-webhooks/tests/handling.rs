//! `zapi_webhooks::handling`: dedupe keys (golden values, redeliveries, what must not collide)
//! and origins, over the docs' fixtures, the real captures and hand-made cases.

mod common;

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use zapi_webhooks::handling::{ContactKey, ContactKeyKind};
use zapi_webhooks::{Callback, DedupeKey, MessageStatus, Origin};

fn key_of(value: &Value) -> DedupeKey {
    Callback::from_value(value)
        .expect("every object parses")
        .dedupe_key()
}

fn key_of_bytes(bytes: &[u8]) -> DedupeKey {
    Callback::from_slice(bytes)
        .expect("every object parses")
        .dedupe_key()
}

/// Every payload of the corpus: the docs' fixtures, then the real captures.
fn corpus() -> Vec<common::FixtureEntry> {
    let mut all = common::fixtures();
    all.extend(common::captures());
    all
}

/// The same object with its keys in reverse order, at every depth, written with whitespace.
fn reordered_bytes(value: &Value) -> Vec<u8> {
    fn write(value: &Value, out: &mut String) {
        match value {
            Value::Object(map) => {
                out.push_str("{\n  ");
                let entries: Vec<_> = map.iter().rev().collect();
                for (i, (key, value)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(" ,\n  ");
                    }
                    out.push_str(&Value::from(key.as_str()).to_string());
                    out.push_str(" : ");
                    write(value, out);
                }
                out.push_str("\n}");
            }
            Value::Array(items) => {
                out.push_str("[ ");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write(item, out);
                }
                out.push_str(" ]");
            }
            scalar => out.push_str(&scalar.to_string()),
        }
    }
    let mut out = String::new();
    write(value, &mut out);
    out.into_bytes()
}

fn with(value: &Value, key: &str, new: Value) -> Value {
    let mut object = value.clone();
    object
        .as_object_mut()
        .expect("an object")
        .insert(key.to_owned(), new);
    object
}

fn without(value: &Value, key: &str) -> Value {
    let mut object = value.clone();
    object.as_object_mut().expect("an object").remove(key);
    object
}

fn capture(path: &str) -> Value {
    common::captures()
        .into_iter()
        .find(|entry| entry.path == path)
        .unwrap_or_else(|| panic!("no capture {path}"))
        .value
}

/// The golden values: one line per fixture and capture. A change here is a change of the
/// keys' semantics, and needs a new version tag (see `handling::dedupe`).
#[test]
fn golden_keys_of_every_fixture_and_capture() {
    let lines: Vec<String> = corpus()
        .iter()
        .map(|entry| format!("{} {}", entry.path, key_of(&entry.value)))
        .collect();
    insta::assert_snapshot!("dedupe_keys_v1", lines.join("\n"));
}

/// The digests here were checked against Python's `hashlib.sha256` over the canonical JSON
/// (and over the length-prefixed parts for `h=`), not only taken from this crate.
#[test]
fn golden_keys_by_hand() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"type":"ReceivedCallback","instanceId":"I1","messageId":"M1","momment":1,"text":{"message":"hi"}}"#,
            "v1:received:I1:M1",
        ),
        (
            r#"{"type":"ReceivedCallBack","instanceId":"I1","messageId":"M2","isEdit":true,"editMessageId":"M1"}"#,
            "v1:received:I1:M2:edit:M1",
        ),
        (
            r#"{"type":"ReceivedCallback","instanceId":"I1","messageId":"M3","waitingMessage":true}"#,
            "v1:received:I1:M3:waiting",
        ),
        (
            r#"{"type":"MessageStatusCallback","instanceId":"I1","status":"READ","ids":["M2","M1","M2"],"momment":5}"#,
            "v1:message_status:I1:READ:M1,M2",
        ),
        (
            r#"{"type":"MessageStatusCallback","instanceId":"I1","status":"READ","ids":["M1"],"participant":"5511@lid"}"#,
            "v1:message_status:I1:READ:M1:5511@lid",
        ),
        (
            r#"{"type":"MessageStatusCallback","instanceId":"I1","status":"DELETED","id":"M1"}"#,
            "v1:message_status:I1:DELETED:M1",
        ),
        (
            r#"{"type":"DeliveryCallback","instanceId":"I1","messageId":"M1","zaapId":"Z1"}"#,
            "v1:delivery:I1:M1",
        ),
        (
            r#"{"type":"DeliveryCallback","instanceId":"I1","zaapId":"Z1"}"#,
            "v1:delivery:I1:zaap:Z1",
        ),
        (
            r#"{"type":"ReceivedCallback","instanceId":"I:1","messageId":"M1"}"#,
            "v1:received:h=4b63b5ecc676309cc53b36aa9e43fb8b",
        ),
        (
            r#"{"type":"ConnectedCallback","instanceId":"I1","connected":true,"momment":1}"#,
            "v1:connected:d=f7ab3cc5ef4aba2733b7d97ab3f2c7a6",
        ),
        (
            r#"{"type":"NewCallback","id":"x"}"#,
            "v1:unknown:d=0787a7f4457c6ae4c5d29c18fb4634e4",
        ),
        (
            r#"{"type":"ReceivedCallback","messageId":"M1"}"#,
            "v1:received:d=afb8fdb77098d647f29d950235b3b571",
        ),
    ];
    let mut wrong = Vec::new();
    for (body, expected) in cases {
        let key = key_of_bytes(body.as_bytes());
        if key.as_str() != *expected {
            wrong.push(format!("{body}\n  expected {expected}\n  found    {key}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_key_is_short_printable_ascii_with_the_version_tag() {
    let long_id = "A".repeat(300);
    let hostile = [
        json!({"type": "ReceivedCallback", "instanceId": "I1", "messageId": long_id}),
        json!({"type": "ReceivedCallback", "instanceId": "ç\r\n", "messageId": "M\u{0}"}),
        json!({"type": "MessageStatusCallback", "instanceId": "I1", "status": "READ",
               "ids": (0..100).map(|i| format!("ID{i:030}")).collect::<Vec<_>>()}),
        json!({"type": "DeliveryCallback", "instanceId": "I1", "messageId": "a,b"}),
        json!({"type": 7, "x": "\u{1F600}"}),
        json!({}),
    ];
    let mut values: Vec<Value> = corpus().into_iter().map(|entry| entry.value).collect();
    values.extend(hostile);
    for value in &values {
        let key = key_of(value);
        let text = key.as_str();
        assert!(text.starts_with("v1:"), "{text}");
        assert!(
            text.len() <= DedupeKey::MAX_LEN,
            "{} bytes: {text}",
            text.len()
        );
        assert!(
            text.bytes().all(|b| (0x21..=0x7e).contains(&b)),
            "not printable ASCII: {text:?}"
        );
        assert_eq!(key.to_string(), text);
    }
}

#[test]
fn a_redelivery_shares_the_key() {
    let mut checked = 0;
    for entry in corpus() {
        let key = key_of(&entry.value);
        // Same bytes, and the same object with its keys reordered and other whitespace.
        assert_eq!(key_of_bytes(&entry.bytes), key, "{}", entry.path);
        assert_eq!(
            key_of_bytes(&reordered_bytes(&entry.value)),
            key,
            "{}: keys reordered",
            entry.path
        );
        // Another `momment`: the same event for every id-based key.
        if entry.value.get("momment").is_some() && !key.as_str().contains(":d=") {
            let retried = with(&entry.value, "momment", json!(1_999_999_999_999_u64));
            assert_eq!(key_of(&retried), key, "{}: another momment", entry.path);
            checked += 1;
        }
    }
    assert!(
        checked >= 100,
        "only {checked} payloads had an id-based key and a momment"
    );
}

#[test]
fn digest_keys_ignore_order_and_whitespace_but_not_values() {
    let presence = capture("captures/presence_chat/presence_chat__composing.json");
    let key = key_of(&presence);
    assert!(key.as_str().starts_with("v1:presence_chat:d="), "{key}");
    assert_eq!(key_of_bytes(&reordered_bytes(&presence)), key);
    let other_status = with(&presence, "status", json!("PAUSED"));
    assert_ne!(key_of(&other_status), key);
    // Without an id, two disconnections are told apart by their moment only.
    let disconnected = json!({"type": "DisconnectedCallback", "instanceId": "I1", "momment": 1});
    let later = with(&disconnected, "momment", json!(2));
    assert_ne!(key_of(&disconnected), key_of(&later));
    // An unknown callback: the whole object, nested keys in any order.
    let unknown = json!({"type": "SomethingNew", "data": {"b": 1, "a": [1, {"y": 2, "x": 3}]}});
    assert_eq!(key_of_bytes(&reordered_bytes(&unknown)), key_of(&unknown));
    assert!(key_of(&unknown).as_str().starts_with("v1:unknown:d="));
    // `1` and `1.0` are different JSON numbers in serde_json's forms, and so different keys.
    assert_ne!(
        key_of(&json!({"type": "SomethingNew", "n": 1})),
        key_of(&json!({"type": "SomethingNew", "n": 1.0}))
    );
}

#[test]
fn an_edit_never_shares_its_originals_key() {
    let edit = capture("captures/received/video__group_edit.json");
    let original_id = edit["editMessageId"]
        .as_str()
        .expect("an edit id")
        .to_owned();
    let original = with(
        &without(&without(&edit, "editMessageId"), "isEdit"),
        "messageId",
        json!(original_id),
    );
    assert_ne!(key_of(&edit), key_of(&original));
    // Even when an edit would carry its original's own id.
    let same_id_edit = with(&edit, "messageId", json!(original_id));
    assert_ne!(key_of(&same_id_edit), key_of(&original));
    // A second edit of the same message is another event.
    let second_edit = with(&edit, "messageId", json!("3A00000000000000SECOND"));
    assert_ne!(key_of(&second_edit), key_of(&edit));
    // But a retry of the edit is the edit.
    assert_eq!(
        key_of(&with(&edit, "momment", json!(1))),
        key_of(&edit),
        "a retried edit"
    );
}

#[test]
fn a_placeholder_does_not_swallow_the_content() {
    let waiting = capture("captures/received/waiting_message__group.json");
    let mut content = with(&waiting, "waitingMessage", json!(false));
    content = with(&content, "text", json!({"message": "the content, at last"}));
    assert_ne!(key_of(&waiting), key_of(&content));
}

#[test]
fn another_message_or_status_or_reader_is_another_key() {
    let read = capture("captures/message_status/message_status__group_read.json");
    let key = key_of(&read);
    assert_ne!(key_of(&with(&read, "status", json!("PLAYED"))), key);
    assert_ne!(key_of(&with(&read, "ids", json!(["OTHER"]))), key);
    assert_ne!(key_of(&with(&read, "participant", json!("5511"))), key);
    assert_ne!(key_of(&with(&read, "instanceId", json!("OTHER"))), key);
    // The ids are a set: order and repeats do not matter.
    let two = with(&read, "ids", json!(["B", "A"]));
    assert_eq!(
        key_of(&two),
        key_of(&with(&read, "ids", json!(["A", "B", "A"])))
    );
    assert_ne!(key_of(&two), key_of(&with(&read, "ids", json!(["A"]))));
    // The device of the reader is not part of the event.
    assert_eq!(key_of(&with(&read, "participantDevice", json!(3))), key);

    let text = capture("captures/received/text__group_reply.json");
    assert_ne!(
        key_of(&with(&text, "messageId", json!("OTHER"))),
        key_of(&text)
    );
    let delivery = json!({"type": "DeliveryCallback", "instanceId": "I1", "messageId": "M1"});
    assert_ne!(
        key_of(&with(&delivery, "messageId", json!("M2"))),
        key_of(&delivery)
    );
    // Same ids, different callbacks: never the same key.
    let received = json!({"type": "ReceivedCallback", "instanceId": "I1", "messageId": "M1"});
    assert_ne!(key_of(&received), key_of(&delivery));
}

#[test]
fn a_missing_or_retyped_id_falls_back_to_the_digest() {
    let text = capture("captures/received/text__group_reply.json");
    for broken in [
        without(&text, "messageId"),
        with(&text, "messageId", Value::Null),
        with(&text, "messageId", json!(12345)),
        with(&text, "instanceId", json!(["I1"])),
    ] {
        let key = key_of(&broken);
        assert!(key.as_str().starts_with("v1:received:d="), "{key}");
    }
    // Two different messages without ids never merge.
    let a = with(
        &without(&text, "messageId"),
        "text",
        json!({"message": "a"}),
    );
    let b = with(
        &without(&text, "messageId"),
        "text",
        json!({"message": "b"}),
    );
    assert_ne!(key_of(&a), key_of(&b));
}

#[test]
fn distinct_real_captures_never_collide() {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let captures = common::captures();
    for entry in &captures {
        let key = key_of(&entry.value).into_string();
        if let Some(first) = seen.insert(key.clone(), entry.path.clone()) {
            panic!("{first} and {} share {key}", entry.path);
        }
    }
    assert_eq!(seen.len(), captures.len());
}

/// The docs reuse example ids: fixtures share a key only when they report the same message
/// (the same instance, message id and edit id; for statuses, status and ids), which the test
/// spells out. A received message's `status` is not part of its key.
#[test]
fn fixtures_share_a_key_only_for_the_same_ids() {
    let mut by_key: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for entry in common::fixtures() {
        by_key
            .entry(key_of(&entry.value).into_string())
            .or_default()
            .push(entry.value);
    }
    for (key, values) in &by_key {
        for value in values {
            let status_too = value["type"] == "MessageStatusCallback";
            for id in ["instanceId", "messageId", "ids", "editMessageId", "status"] {
                if id == "status" && !status_too {
                    continue;
                }
                assert_eq!(value.get(id), values[0].get(id), "{key}: /{id} differs");
            }
        }
    }
}

fn origin_of(from_me: Option<Value>, from_api: Option<Value>) -> Option<Origin> {
    let mut map = Map::new();
    map.insert("type".into(), json!("ReceivedCallback"));
    map.extend(from_me.map(|v| ("fromMe".to_owned(), v)));
    map.extend(from_api.map(|v| ("fromApi".to_owned(), v)));
    Callback::from_value(&Value::Object(map))
        .expect("parses")
        .as_received()
        .expect("a received callback")
        .origin()
}

#[test]
fn origin_for_every_combination_of_from_me_and_from_api() {
    let values = || {
        [
            None,
            Some(Value::Null),
            Some(json!(true)),
            Some(json!(false)),
            Some(json!("true")),
            Some(json!(1)),
        ]
    };
    let mut seen = 0;
    for from_me in values() {
        for from_api in values() {
            let expected = match &from_me {
                Some(Value::Bool(false)) => Some(Origin::Contact),
                Some(Value::Bool(true)) if from_api == Some(json!(true)) => Some(Origin::Api),
                Some(Value::Bool(true)) => Some(Origin::Device),
                _ => None,
            };
            assert_eq!(
                origin_of(from_me.clone(), from_api.clone()),
                expected,
                "fromMe {from_me:?}, fromApi {from_api:?}"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 36);
}

#[test]
fn origin_of_every_received_fixture_and_capture() {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for entry in corpus().into_iter().filter(|e| e.callback == "received") {
        let callback = Callback::from_value(&entry.value).expect("parses");
        let origin = callback.as_received().expect("received").origin();
        let from_me = entry.value.get("fromMe").and_then(Value::as_bool);
        assert_eq!(origin.map(Origin::is_me), from_me, "{}", entry.path);
        *counts
            .entry(origin.map_or("none", Origin::as_str).to_owned())
            .or_default() += 1;
    }
    // The corpus has every origin: contacts, the API's echoes and the phone's.
    for name in ["contact", "api", "device"] {
        assert!(counts.get(name).copied().unwrap_or(0) > 0, "{counts:?}");
    }
}

#[test]
fn origin_names_round_trip() {
    for origin in Origin::ALL {
        assert_eq!(Origin::from_name(origin.as_str()), Some(*origin));
        assert_eq!(origin.to_string(), origin.as_str());
    }
    assert_eq!(Origin::from_name("me"), None);
}

fn received(value: &Value) -> zapi_webhooks::ReceivedCallback {
    match Callback::from_value(value).expect("parses") {
        Callback::Received(received) => *received,
        other => panic!("not a received callback: {}", other.kind_name()),
    }
}

/// (sender key, its kind, chat key, its kind, reply target, pairs as "phone=lid/source").
fn identity_of(value: &Value) -> (String, String, String, String, String, Vec<String>) {
    let msg = received(value);
    let key = |k: Option<ContactKey<'_>>| {
        k.map_or(("-".to_owned(), "-".to_owned()), |k| {
            (k.as_str().to_owned(), format!("{:?}", k.kind()))
        })
    };
    let (sender, sender_kind) = key(msg.sender_key());
    let (chat, chat_kind) = key(msg.chat_key());
    let pairs = msg
        .lid_phone_pairs()
        .iter()
        .map(|p| format!("{}={}/{:?}", p.phone, p.lid, p.source))
        .collect();
    (
        sender,
        sender_kind,
        chat,
        chat_kind,
        msg.reply_target().unwrap_or("-").to_owned(),
        pairs,
    )
}

fn strs(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn identity_of_a_direct_chat_with_a_lid() {
    let direct = capture("captures/received/audio__direct_ptt.json");
    assert_eq!(
        identity_of(&direct),
        (
            "91816979137264@lid".into(),
            "Lid".into(),
            "91816979137264@lid".into(),
            "Lid".into(),
            "558078431708".into(),
            strs(&["558078431708=91816979137264@lid/Chat"]),
        )
    );
    // With a `senderLid` too, the sender's pair is listed with its own source.
    let with_sender = with(&direct, "senderLid", json!("91816979137264@lid"));
    assert_eq!(
        identity_of(&with_sender).5,
        strs(&[
            "558078431708=91816979137264@lid/Chat",
            "558078431708=91816979137264@lid/Sender"
        ])
    );
}

#[test]
fn identity_of_the_instances_own_message() {
    let mine = capture("captures/received/text__direct_from_me_reply.json");
    let (sender, sender_kind, chat, chat_kind, reply, pairs) = identity_of(&mine);
    // The sender is this instance: its number, never the contact's lid.
    assert_eq!(
        (sender.as_str(), sender_kind.as_str()),
        ("5515609355576", "Phone")
    );
    assert_eq!(
        (chat.as_str(), chat_kind.as_str()),
        ("014946475978696@lid", "Lid")
    );
    // The answer goes to the contact, not to this instance.
    assert_eq!(reply, "553018400066");
    assert_eq!(pairs, strs(&["553018400066=014946475978696@lid/Chat"]));
}

#[test]
fn identity_in_a_group() {
    let group = capture("captures/received/text__group_reply.json");
    assert_eq!(
        identity_of(&group),
        (
            "50977558925263@lid".into(),
            "Lid".into(),
            "120363592461583190-group".into(),
            "Chat".into(),
            "120363592461583190-group".into(),
            strs(&["558789926305=50977558925263@lid/Participant"]),
        )
    );
    // A participant known by number only: the key is the number, and no pair.
    let phone_only = capture("captures/received/notification__group_participant_leave.json");
    let (sender, kind, _, _, reply, pairs) = identity_of(&phone_only);
    assert_eq!((sender.as_str(), kind.as_str()), ("551881087353", "Phone"));
    assert_eq!(reply, "120363066346584391-group");
    assert!(pairs.is_empty());
}

#[test]
fn identity_with_a_lid_only_or_a_phone_only() {
    let lid_only = json!({"type": "ReceivedCallback", "phone": "8189@lid", "fromMe": false});
    assert_eq!(
        identity_of(&lid_only),
        (
            "8189@lid".into(),
            "Lid".into(),
            "8189@lid".into(),
            "Lid".into(),
            "8189@lid".into(),
            vec![]
        )
    );
    let phone_only = json!({"type": "ReceivedCallback", "phone": "5544999999999", "fromMe": false});
    assert_eq!(
        identity_of(&phone_only),
        (
            "5544999999999".into(),
            "Phone".into(),
            "5544999999999".into(),
            "Phone".into(),
            "5544999999999".into(),
            vec![]
        )
    );
    // Only a `chatLid`: the answer goes to the lid.
    let no_phone = json!({"type": "ReceivedCallback", "chatLid": "8189@lid"});
    assert_eq!(identity_of(&no_phone).4, "8189@lid");
    // A "lid" that is not one is never paired; a phone that is a lid neither.
    let odd = json!({"type": "ReceivedCallback", "phone": "1@lid", "chatLid": "2@lid"});
    assert!(identity_of(&odd).5.is_empty());
    let odd = json!({"type": "ReceivedCallback", "phone": "55", "chatLid": "55"});
    assert!(identity_of(&odd).5.is_empty());
    assert_eq!(identity_of(&odd).2, "55");
}

#[test]
fn identity_in_a_newsletter() {
    let newsletter = common::fixtures()
        .into_iter()
        .find(|e| e.path == "received/notification__newsletter_admin_promote.json")
        .expect("fixture")
        .value;
    let (sender, _, _, chat_kind, reply, pairs) = identity_of(&newsletter);
    assert_eq!(sender, "-");
    assert_eq!(chat_kind, "Chat");
    assert_eq!(reply, newsletter["phone"].as_str().expect("phone"));
    assert!(pairs.is_empty());
}

#[test]
fn identity_over_the_corpus() {
    let mut pairs_seen = 0;
    for entry in corpus().into_iter().filter(|e| e.callback == "received") {
        let msg = received(&entry.value);
        assert_eq!(
            msg.reply_target(),
            msg.phone.as_deref().or(msg.chat_lid.as_deref()),
            "{}",
            entry.path
        );
        if msg.chat().kind() != zapi_webhooks::ChatKind::Direct {
            assert_eq!(
                msg.chat_key().map(|k| k.kind()),
                Some(ContactKeyKind::Chat),
                "{}",
                entry.path
            );
        }
        for pair in msg.lid_phone_pairs() {
            assert!(pair.lid.ends_with("@lid") && !pair.phone.ends_with("@lid"));
            pairs_seen += 1;
        }
    }
    assert!(pairs_seen > 20, "only {pairs_seen} pairs in the corpus");
}

/// For each status, the statuses it supersedes: the whole table, spelled out.
#[test]
fn status_supersedes_for_every_pair() {
    let all = [
        "PENDING",
        "SENT",
        "RECEIVED",
        "MESSAGE_RECEIVED",
        "READ",
        "READ_BY_ME",
        "PLAYED",
        "DELETED", // not a value this crate knows
    ];
    let table: &[(&str, &[&str])] = &[
        ("PENDING", &["DELETED"]),
        ("SENT", &["PENDING", "DELETED"]),
        ("RECEIVED", &["PENDING", "SENT", "DELETED"]),
        ("MESSAGE_RECEIVED", &["PENDING", "SENT", "DELETED"]),
        (
            "READ",
            &["PENDING", "SENT", "RECEIVED", "MESSAGE_RECEIVED", "DELETED"],
        ),
        (
            "READ_BY_ME",
            &["PENDING", "SENT", "RECEIVED", "MESSAGE_RECEIVED", "DELETED"],
        ),
        (
            "PLAYED",
            &[
                "PENDING",
                "SENT",
                "RECEIVED",
                "MESSAGE_RECEIVED",
                "READ",
                "READ_BY_ME",
                "DELETED",
            ],
        ),
        ("DELETED", &[]),
    ];
    // Every known value is in the table.
    for known in MessageStatus::KNOWN {
        assert!(all.contains(known), "{known} missing from the table");
    }
    let mut pairs = 0;
    for (new, superseded) in table {
        for previous in all {
            let answer = MessageStatus::from(*new).supersedes(&MessageStatus::from(previous));
            assert_eq!(
                answer,
                superseded.contains(&previous),
                "{new} over {previous}"
            );
            pairs += 1;
        }
    }
    assert_eq!(pairs, 64);
}

#[test]
fn a_tracker_ends_at_the_furthest_status_whatever_the_order() {
    let deliveries = ["READ", "SENT", "RECEIVED", "READ", "RECEIVED", "SENT"];
    let mut current = MessageStatus::from("PENDING");
    for status in deliveries {
        let status = MessageStatus::from(status);
        if status.supersedes(&current) {
            current = status;
        }
    }
    assert_eq!(current.as_str(), "READ");
}
