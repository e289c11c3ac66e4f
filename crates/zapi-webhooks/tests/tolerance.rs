//! Tolerance: whatever Z-API adds or changes, the models keep it and give it back unchanged.

mod common;

use common::{first_difference, fixtures};
use serde_json::{Value, json};
use zapi_webhooks::received::{NotificationType, PixKeyType};
use zapi_webhooks::{
    Callback, CallbackType, Content, Field, Kind, MessageStatus, PresenceStatus, TimeUnit,
};

fn parse(value: &Value) -> Callback {
    Callback::from_value(value).unwrap_or_else(|err| panic!("{value}: {err}"))
}

fn assert_lossless(value: &Value) -> Callback {
    let parsed = parse(value);
    let back = serde_json::to_value(&parsed).expect("serialize");
    if let Some(diff) = first_difference(value, &back) {
        panic!("not lossless: {diff}\ninput: {value}");
    }
    parsed
}

fn received(value: &Value) -> Box<zapi_webhooks::ReceivedCallback> {
    match assert_lossless(value) {
        Callback::Received(r) => r,
        other => panic!("expected a received callback, got {other:?}"),
    }
}

#[test]
fn unknown_type_keeps_the_raw_object() {
    let raw = json!({
        "type": "NewsletterReactionCallback",
        "instanceId": "X",
        "nested": {"a": [1, 2.5, null, {"b": "c"}]},
        "momment": "not checked for unknown callbacks"
    });
    let parsed = assert_lossless(&raw);
    assert_eq!(parsed.kind().callback_type(), None);
    assert_eq!(parsed.kind().as_str(), "unknown");
    assert_eq!(parsed.type_value(), Some("NewsletterReactionCallback"));
    match parsed {
        Callback::Unknown(map) => assert_eq!(Value::Object(map), raw),
        other => panic!("{other:?}"),
    }
}

#[test]
fn missing_type_is_an_unknown_callback() {
    let raw = json!({"phone": "1", "text": {"message": "hi"}});
    assert!(matches!(assert_lossless(&raw), Callback::Unknown(_)));
    assert!(matches!(assert_lossless(&json!({})), Callback::Unknown(_)));
}

#[test]
fn both_type_spellings_for_every_callback() {
    for callback in CallbackType::ALL {
        for spelling in callback.spellings() {
            let parsed = assert_lossless(&json!({"phone": "1", "type": spelling}));
            assert_eq!(parsed.kind().callback_type(), Some(*callback), "{spelling}");
            assert_eq!(parsed.type_value(), Some(spelling));
        }
    }
    // Other casings are not guessed at: they are unknown callbacks, kept whole.
    assert_eq!(
        assert_lossless(&json!({"type": "receivedcallback"}))
            .kind()
            .callback_type(),
        None
    );
}

#[test]
fn unknown_content_key_is_unknown_kind_with_the_raw_content() {
    let raw = json!({
        "type": "ReceivedCallback",
        "phone": "5544999999999",
        "momment": 1632228638000u64,
        "newStickerPack": {"name": "pack", "stickers": [1, 2]},
        "packVersion": 3
    });
    let msg = received(&raw);
    assert_eq!(msg.kind(), Kind::Unknown);
    match &msg.content {
        Content::Unknown(map) => {
            assert_eq!(map.get("newStickerPack"), raw.get("newStickerPack"));
            assert_eq!(map.get("packVersion"), Some(&json!(3)));
            assert_eq!(map.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    assert!(msg.extra.is_empty());
    assert_eq!(msg.phone.as_deref(), Some("5544999999999"));
}

#[test]
fn unseen_enum_values_are_kept_verbatim() {
    let msg = received(&json!({
        "type": "ReceivedCallback",
        "status": "DELIVERED_TWICE",
        "notification": "GROUP_BRAND_NEW_EVENT",
        "requestMethod": "qr_code"
    }));
    assert_eq!(
        msg.status,
        Field::Present(MessageStatus::from("DELIVERED_TWICE"))
    );
    assert_eq!(
        msg.content,
        Content::Notification(NotificationType::from("GROUP_BRAND_NEW_EVENT"))
    );
    let pix = received(&json!({"type": "ReceivedCallback", "pixKeyMessage": {"keyType": "NEW"}}));
    match &pix.content {
        Content::PixKey(p) => assert_eq!(p.key_type, Field::Present(PixKeyType::from("NEW"))),
        other => panic!("{other:?}"),
    }
    let presence = assert_lossless(&json!({"type": "PresenceChatCallback", "status": "FLYING"}));
    match presence {
        Callback::PresenceChat(p) => {
            assert_eq!(p.status, Field::Present(PresenceStatus::from("FLYING")));
        }
        other => panic!("{other:?}"),
    }
    // Known values still map to their variants.
    assert_eq!(MessageStatus::from("READ_BY_ME"), MessageStatus::ReadByMe);
}

/// Adds `"zz_extra"` to every object of `value`, returning the pointers added.
fn add_extra_everywhere(value: &mut Value, pointer: &str, added: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                let p = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                add_extra_everywhere(child, &p, added);
            }
            map.insert("zz_extra".to_owned(), json!({"deep": [true, null]}));
            added.push(format!("{pointer}/zz_extra"));
        }
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                add_extra_everywhere(child, &format!("{pointer}/{i}"), added);
            }
        }
        _ => {}
    }
}

#[test]
fn extra_fields_at_every_level_are_kept_and_reported() {
    for fixture in fixtures() {
        let mut value = fixture.value.clone();
        let mut added = Vec::new();
        add_extra_everywhere(&mut value, "", &mut added);
        let parsed = assert_lossless(&value);
        assert_eq!(parsed.kind().as_str(), fixture.kind, "{}", fixture.path);
        let mut found = parsed.unmodeled();
        found.sort();
        added.sort();
        assert_eq!(found, added, "{}", fixture.path);
    }
}

#[test]
fn null_for_every_field_is_accepted_and_stays_null() {
    for fixture in fixtures() {
        let Value::Object(top) = &fixture.value else {
            panic!("fixture is an object")
        };
        // One nested field at a time, at every depth.
        let mut pointers = Vec::new();
        collect_member_pointers(&fixture.value, "", &mut pointers);
        for pointer in pointers {
            if pointer == "/type" {
                continue;
            }
            let mut value = fixture.value.clone();
            if let Some(slot) = value.pointer_mut(&pointer) {
                *slot = Value::Null;
            }
            assert_lossless(&value);
        }
        // Every top-level field at once (but `type`).
        let all_null: serde_json::Map<String, Value> = top
            .iter()
            .map(|(k, v)| (k.clone(), if k == "type" { v.clone() } else { Value::Null }))
            .collect();
        let parsed = assert_lossless(&Value::Object(all_null));
        assert_eq!(
            parsed.kind().callback_type().map(|t| t.as_str()),
            Some(fixture.callback.as_str())
        );
    }
}

fn collect_member_pointers(value: &Value, pointer: &str, out: &mut Vec<String>) {
    if let Value::Object(map) = value {
        for (key, child) in map {
            let p = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
            out.push(p.clone());
            collect_member_pointers(child, &p, out);
        }
    }
    if let Value::Array(items) = value {
        for (i, child) in items.iter().enumerate() {
            collect_member_pointers(child, &format!("{pointer}/{i}"), out);
        }
    }
}

#[test]
fn absent_and_null_stay_apart() {
    let with_null = received(&json!({"type": "ReceivedCallback", "participantPhone": null}));
    assert_eq!(with_null.participant_phone, Field::Null);
    let without = received(&json!({"type": "ReceivedCallback"}));
    assert_eq!(without.participant_phone, Field::Absent);
    assert_ne!(with_null, without);
}

#[test]
fn momment_as_string_or_number_in_seconds_or_milliseconds() {
    let as_string = received(&json!({"type": "ReceivedCallback", "momment": "1632228638000"}));
    let ts = as_string.momment.get().expect("momment");
    assert!(ts.is_string());
    assert_eq!(ts.unix_millis(), Some(1_632_228_638_000));
    let seconds = assert_lossless(&json!({"type": "DisconnectedCallback", "momment": 1580163342}));
    let Callback::Disconnected(d) = seconds else {
        panic!()
    };
    let ts = d.momment.get().expect("momment");
    assert_eq!(ts.unit(), Some(TimeUnit::Seconds));
    assert_eq!(ts.unix_millis(), Some(1_580_163_342_000));
}

#[test]
fn null_content_key_does_not_count_and_first_listed_content_wins() {
    let msg = received(&json!({
        "type": "ReceivedCallback",
        "text": null,
        "image": {"imageUrl": "https://a"}
    }));
    assert_eq!(msg.kind(), Kind::Image);
    assert_eq!(msg.extra.get("text"), Some(&Value::Null));

    // Two content keys: `text` is listed before `image`, whatever the order in the payload.
    for raw in [
        json!({"type": "ReceivedCallback", "image": {"caption": "c"}, "text": {"message": "m"}}),
        json!({"type": "ReceivedCallback", "text": {"message": "m"}, "image": {"caption": "c"}}),
    ] {
        let msg = received(&raw);
        assert_eq!(msg.kind(), Kind::Text);
        assert_eq!(msg.extra.get("image"), Some(&json!({"caption": "c"})));
    }
    // The losing content is still checked: a value of another type in it is reported as
    // unexpected (and rejected by the strict parse), and kept as sent.
    let bad =
        json!({"type": "ReceivedCallback", "text": {"message": "m"}, "image": {"width": "wide"}});
    let parsed = Callback::from_value(&bad).expect("tolerant");
    assert_eq!(parsed.kind().as_str(), "text");
    assert_eq!(parsed.unexpected()[0].pointer, "/image/width");
    assert_eq!(serde_json::to_value(&parsed).expect("writes"), bad);
    let bytes = serde_json::to_vec(&bad).expect("bytes");
    let err = Callback::from_slice_strict(&bytes).expect_err("image.width is not an integer");
    assert_eq!(err.pointer(), "/image/width");
}

#[test]
fn waiting_message_without_content() {
    let msg =
        received(&json!({"type": "ReceivedCallback", "waitingMessage": true, "viewOnce": true}));
    assert_eq!(msg.kind(), Kind::WaitingMessage);
    let not_waiting = received(&json!({"type": "ReceivedCallback", "waitingMessage": false}));
    assert_eq!(not_waiting.kind(), Kind::Unknown);
}

#[test]
fn duplicate_keys_keep_the_last_value_like_serde_json_value() {
    let body = br#"{"type":"ReceivedCallback","phone":"1","phone":"2","text":{"message":"a","message":"b"},"zz":1,"zz":2}"#;
    let parsed = Callback::from_slice(body).expect("parses");
    let as_value: Value = serde_json::from_slice(body).expect("value");
    assert_eq!(serde_json::to_value(&parsed).expect("ser"), as_value);
    let msg = parsed.as_received().expect("received");
    assert_eq!(msg.phone.as_deref(), Some("2"));
    // Before `type` too (those keys are held until `type` is read).
    let body = br#"{"phone":"1","phone":"2","type":"ReceivedCallback"}"#;
    let parsed = Callback::from_slice(body).expect("parses");
    assert_eq!(
        parsed.as_received().and_then(|m| m.phone.as_deref()),
        Some("2")
    );
}

#[test]
fn kinds_have_stable_unique_names() {
    let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count);
    for kind in Kind::ALL {
        assert_eq!(Kind::from_name(kind.as_str()), Some(*kind));
    }
    assert_eq!(Kind::Image.content_key(), Some("image"));
}

#[test]
fn errors_name_pointer_and_expectation() {
    let err = Callback::from_slice_strict(br#"{"type":"ReceivedCallback","fromMe":"yes"}"#)
        .expect_err("must be rejected");
    assert_eq!(err.pointer(), "/fromMe");
    assert_eq!(err.kind(), zapi_webhooks::ParseErrorKind::Data);
    assert!(
        err.message()
            .contains("invalid type: string \"yes\", expected a boolean"),
        "{err}"
    );
    assert!(err.to_string().starts_with("at /fromMe: "), "{err}");

    let err = Callback::from_slice(b"[1,2]").expect_err("must be rejected");
    assert_eq!(err.pointer(), "");
    assert!(err.message().contains("expected a JSON object"), "{err}");

    let err = Callback::from_slice(b"").expect_err("must be rejected");
    assert_eq!(err.kind(), zapi_webhooks::ParseErrorKind::Eof);

    let err = Callback::from_slice(br#"{"type":"ReceivedCallback","text":{"message":"a",}}"#)
        .expect_err("must be rejected");
    assert_eq!(err.kind(), zapi_webhooks::ParseErrorKind::Syntax);
    assert!(err.line() > 0 && err.column() > 0);
}

/// Repeated keys, found by the fuzzer (`fuzz/regressions/`): the last value wins everywhere,
/// the result re-parses to the same model, and the strict parse agrees with the permissive
/// schema (which sees only the last values).
#[test]
fn repeated_keys_found_by_the_fuzzer() {
    use zapi_webhooks::schema::Flavor;
    let cases: [(&str, Option<&str>); 6] = [
        (
            r#"{"type":"PresenceChatCallback","type":"c"}"#,
            Some("unknown"),
        ),
        (
            r#"{"type":"x","type":"ReceivedCallback","fromMe":1}"#,
            Some("unknown"),
        ),
        (
            r#"{"type":"ReceivedCallback","text":null,"text":{}}"#,
            Some("text"),
        ),
        (
            r#"{"type":"ReceivedCallback","image":{},"image":null,"text":{}}"#,
            Some("text"),
        ),
        (
            r#"{"type":"ReceivedCallback","text":{"message":"a"},"image":{},"text":null,"sticker":{}}"#,
            Some("image"),
        ),
        (
            r#"{"type":"DeliveryCallback","phone":"1","type":"ReceivedCallBack","text":{}}"#,
            Some("text"),
        ),
    ];
    for (body, kind) in cases {
        let value: Value = serde_json::from_str(body).expect("JSON");
        let strict = Callback::from_slice_strict(body.as_bytes());
        let schema_ok = zapi_webhooks::validate(&value, Flavor::Permissive).is_ok();
        assert_eq!(strict.is_ok(), schema_ok, "{body}: {strict:?}");
        if let Err(err) = &strict {
            assert_eq!(err.pointer(), "/fromMe", "{body}");
        }
        match (Callback::from_slice(body.as_bytes()), kind) {
            (Ok(parsed), Some(kind)) => {
                assert_eq!(parsed.kind().as_str(), kind, "{body}");
                let written = serde_json::to_vec(&parsed).expect("ser");
                assert_eq!(
                    serde_json::from_slice::<Value>(&written).expect("JSON"),
                    value
                );
                // Written once per key: the output has no repeated keys left.
                let reparsed = Callback::from_slice(&written).expect("re-parse");
                assert_eq!(reparsed, parsed, "{body}");
                assert_eq!(
                    written.len(),
                    serde_json::to_vec(&value).expect("ser").len(),
                    "{body}: a key was written twice"
                );
            }
            (other, _) => panic!("{body}: {other:?}"),
        }
    }
    // An earlier value of a repeated key is read tolerantly and then replaced by the last one,
    // as a schema validator sees it: both parses accept.
    for body in [
        &br#"{"type":"ReceivedCallback","phone":1,"phone":""}"#[..],
        br#"{"type":"ReceivedCallback","fromMe":1,"type":"x"}"#,
    ] {
        let strict = Callback::from_slice_strict(body).expect("the last values are fine");
        let value: Value = serde_json::from_slice(body).expect("JSON");
        assert_eq!(serde_json::to_value(&strict).expect("ser"), value);
        assert!(zapi_webhooks::validate(&value, Flavor::Permissive).is_ok());
    }
}

/// Fields and values real deliveries carry that the docs do not show are modeled: nothing of
/// them is left unmodeled.
#[test]
fn fields_seen_in_real_deliveries_are_modeled() {
    let cases = [
        json!({"type": "ReceivedCallback", "isEdit": true, "editMessageId": "3EB0A1B2C3D4",
               "image": {"imageUrl": null, "caption": "edited"}}),
        json!({"type": "MessageStatusCallback", "status": "READ", "ids": ["A1"],
               "phone": "123456789012345@lid", "isGroup": true,
               "participant": "5511900000001", "participantDevice": 3}),
        json!({"type": "ReceivedCallback", "sticker": {"stickerUrl": "https://example.com/s.webp",
               "mimeType": "image/webp", "width": 512, "height": 512}}),
        json!({"type": "ConnectedCallback", "connected": true, "isBusiness": false}),
        json!({"type": "ReceivedCallback", "notification": "CALL_VIDEO"}),
        json!({"type": "ReceivedCallback", "notification": "GROUP_PARTICIPANT_INVITE",
               "notificationParameters": ["5511900000002"]}),
    ];
    for raw in cases {
        let parsed = Callback::from_value(&raw).expect("parses");
        assert!(
            parsed.unmodeled().is_empty(),
            "{raw}: {:?}",
            parsed.unmodeled()
        );
        assert!(parsed.unexpected().is_empty(), "{raw}");
        assert_eq!(serde_json::to_value(&parsed).expect("ser"), raw);
        if let Some(received) = parsed.as_received() {
            if let Content::Notification(notification) = &received.content {
                assert!(!notification.is_unknown(), "{raw}");
            }
        }
    }
    let edited =
        received(&json!({"type": "ReceivedCallback", "isEdit": true, "editMessageId": "X1"}));
    assert_eq!(edited.edit_message_id.as_deref(), Some("X1"));
}

/// The policy on open enums' unknown values (see the crate docs, "Open enums"): an unseen value
/// is kept, round-trips unchanged, says `is_unknown()`, and its raw string is `as_str()`;
/// known values are never unknown.
#[test]
fn open_enums_keep_an_unseen_value_behind_as_str() {
    let raw = json!({"type": "MessageStatusCallback", "status": "DELIVERED_TWICE", "ids": ["A"]});
    let Callback::MessageStatus(status) = assert_lossless(&raw) else {
        panic!("a message status callback")
    };
    let value = status.status.get().expect("a status");
    assert!(value.is_unknown());
    assert_eq!(value.as_str(), "DELIVERED_TWICE");
    assert_eq!(value.to_string(), "DELIVERED_TWICE");
    assert_eq!(
        serde_json::to_value(value).expect("serialize"),
        json!("DELIVERED_TWICE")
    );
    assert_eq!(*value, MessageStatus::from("DELIVERED_TWICE"));
    assert_ne!(*value, MessageStatus::from("DELIVERED_THRICE"));
    for known in MessageStatus::KNOWN {
        let parsed = MessageStatus::from(*known);
        assert!(!parsed.is_unknown(), "{known}");
        assert_eq!(parsed.as_str(), *known);
    }
    for known in PresenceStatus::KNOWN {
        assert!(!PresenceStatus::from(*known).is_unknown(), "{known}");
    }
    assert!(PresenceStatus::from("FLYING").is_unknown());
}
