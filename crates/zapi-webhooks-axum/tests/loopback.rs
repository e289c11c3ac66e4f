//! The extractor over loopback: every fixture, authentication, encodings and every rejection.

mod common;
// The core crate's fixture walker: every docs example and capture its manifests list.
#[path = "../../zapi-webhooks/tests/common/corpus.rs"]
mod corpus;

use std::io::Write;

use axum::http::HeaderName;
use common::{post, send_with, serve};
use flate2::Compression;
use flate2::write::{GzEncoder, ZlibEncoder};
use serde_json::{Value, json};
use zapi_webhooks_axum::WebhookConfig;

const TOKEN: &str = "F0E1D2C3B4A5968778695A4B";
const TEXT: &[u8] = br#"{"type":"ReceivedCallback","instanceId":"INSTANCE-A","phone":"5511999999999","text":{"message":"hi"}}"#;

#[tokio::test]
async fn every_fixture_with_the_right_token_reaches_the_handler() {
    let server = serve(WebhookConfig::token(TOKEN)).await;
    let (fixtures, captures) = (corpus::fixtures(), corpus::captures());
    assert!(fixtures.len() > 100 && !captures.is_empty());
    let files: Vec<_> = fixtures.into_iter().chain(captures).collect();
    for (i, file) in files.iter().enumerate() {
        let body = &file.bytes;
        let answer = post(
            server.addr,
            "/webhook/received",
            &[("z-api-token", TOKEN)],
            body,
        )
        .await;
        assert_eq!(answer.status, 200, "{}: {}", file.path, answer.raw);
        assert_eq!(answer.json["path"], "/webhook/received");
        let seen = server.seen.lock().expect("lock");
        assert_eq!(seen.len(), i + 1);
        let webhook = &seen[i];
        assert_eq!(&webhook.body[..], &body[..], "{}", file.path);
        assert_eq!(
            webhook.instance_id.as_deref(),
            file.value.get("instanceId").and_then(Value::as_str),
            "{}",
            file.path
        );
    }
    assert_eq!(server.calls(), files.len());
}

#[tokio::test]
async fn a_missing_or_wrong_token_is_401_and_the_handler_never_runs() {
    let server = serve(WebhookConfig::token(TOKEN)).await;
    let wrong = "F0E1D2C3B4A5968778695A4C";
    for headers in [
        vec![],
        vec![("z-api-token", wrong)],
        vec![("z-api-token", "")],
        vec![("z-api-token", &TOKEN[..23])],
        vec![("z-api-token", "F0E1D2C3B4A5968778695A4BX")],
        vec![("authorization", TOKEN)],
    ] {
        let answer = post(server.addr, "/", &headers, TEXT).await;
        assert_eq!(answer.status, 401, "{headers:?}: {}", answer.raw);
        assert_eq!(answer.json["pointer"], Value::Null);
        assert!(answer.json["error"].is_string(), "{}", answer.raw);
        assert!(!answer.raw.contains(TOKEN) && !answer.raw.contains(wrong));
        // Refused before the body matters: even a bad body gets 401, not 400 or 415.
        let answer = send_with(server.addr, "POST", "/", &headers, b"nope", false).await;
        assert_eq!(answer.status, 401, "{headers:?}: {}", answer.raw);
    }
    // The query parameter is not read unless asked for.
    let answer = post(server.addr, &format!("/?token={TOKEN}"), &[], TEXT).await;
    assert_eq!(answer.status, 401);
    assert_eq!(server.calls(), 0);
}

#[tokio::test]
async fn per_instance_tokens() {
    let token_b = "0123456789abcdefABCDEF01";
    let server = serve(WebhookConfig::per_instance([
        ("INSTANCE-A", TOKEN),
        ("INSTANCE-B", token_b),
    ]))
    .await;
    let ok = post(server.addr, "/", &[("z-api-token", TOKEN)], TEXT).await;
    assert_eq!(ok.status, 200, "{}", ok.raw);
    assert_eq!(ok.json["instance"], "INSTANCE-A");
    // The token of another instance.
    let other = post(server.addr, "/", &[("z-api-token", token_b)], TEXT).await;
    assert_eq!(other.status, 401, "{}", other.raw);
    assert!(!other.raw.contains(token_b) && !other.raw.contains(TOKEN));
    // An unknown instance, no instance, and no token at all.
    let unknown = TEXT.to_vec();
    let unknown = String::from_utf8(unknown)
        .expect("utf-8")
        .replace("INSTANCE-A", "INSTANCE-C");
    let answer = post(
        server.addr,
        "/",
        &[("z-api-token", TOKEN)],
        unknown.as_bytes(),
    )
    .await;
    assert_eq!(answer.status, 401);
    // The instance comes from the token, never from the body: a body without `instanceId`
    // is the token's instance.
    let answer = post(
        server.addr,
        "/",
        &[("z-api-token", TOKEN)],
        br#"{"type":"ReceivedCallback"}"#,
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.raw);
    assert_eq!(answer.json["instance"], "INSTANCE-A");
    let answer = post(server.addr, "/", &[], TEXT).await;
    assert_eq!(answer.status, 401);
    assert_eq!(server.calls(), 2);
    let b = String::from_utf8(TEXT.to_vec())
        .expect("utf-8")
        .replace("INSTANCE-A", "INSTANCE-B");
    let answer = post(server.addr, "/", &[("z-api-token", token_b)], b.as_bytes()).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json["instance"], "INSTANCE-B");
    assert_eq!(server.calls(), 3);
}

#[tokio::test]
async fn the_query_token_when_accepted() {
    let server = serve(WebhookConfig::token(TOKEN).accept_query_token(true)).await;
    let answer = post(server.addr, &format!("/hook?a=1&token={TOKEN}"), &[], TEXT).await;
    assert_eq!(answer.status, 200, "{}", answer.raw);
    // The path handed on has no query string, hence no token.
    assert_eq!(answer.json["path"], "/hook");
    let answer = post(server.addr, "/hook?token=wrong", &[], TEXT).await;
    assert_eq!(answer.status, 401);
    let answer = post(server.addr, "/hook", &[], TEXT).await;
    assert_eq!(answer.status, 401);
    // The header still works.
    let answer = post(server.addr, "/hook", &[("z-api-token", TOKEN)], TEXT).await;
    assert_eq!(answer.status, 200);
    assert_eq!(server.calls(), 2);
}

#[tokio::test]
async fn a_custom_header_name() {
    let config =
        WebhookConfig::token(TOKEN).header_name(HeaderName::from_static("x-webhook-secret"));
    let server = serve(config).await;
    let answer = post(server.addr, "/", &[("X-Webhook-Secret", TOKEN)], TEXT).await;
    assert_eq!(answer.status, 200, "{}", answer.raw);
    let answer = post(server.addr, "/", &[("z-api-token", TOKEN)], TEXT).await;
    assert_eq!(answer.status, 401);
    assert_eq!(server.calls(), 1);
}

#[tokio::test]
async fn insecure_no_token_accepts_anything() {
    let server = serve(WebhookConfig::insecure_no_token()).await;
    let answer = post(server.addr, "/", &[], TEXT).await;
    assert_eq!(answer.status, 200, "{}", answer.raw);
    assert_eq!(server.calls(), 1);
}

#[tokio::test]
async fn gzip_and_deflate_bodies() {
    let server = serve(WebhookConfig::token(TOKEN)).await;
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(TEXT).expect("write");
    let gz = gz.finish().expect("gzip");
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(TEXT).expect("write");
    let z = z.finish().expect("zlib");
    for (encoding, body) in [("gzip", &gz), ("deflate", &z), ("identity", &TEXT.to_vec())] {
        let answer = post(
            server.addr,
            "/",
            &[("z-api-token", TOKEN), ("Content-Encoding", encoding)],
            body,
        )
        .await;
        assert_eq!(answer.status, 200, "{encoding}: {}", answer.raw);
        assert_eq!(answer.json["len"], TEXT.len());
    }
    {
        let seen = server.seen.lock().expect("lock");
        assert!(seen.iter().all(|w| &w.body[..] == TEXT));
    }
    // A body that says gzip but is not: 400, and never the handler.
    let answer = post(
        server.addr,
        "/",
        &[("z-api-token", TOKEN), ("Content-Encoding", "gzip")],
        TEXT,
    )
    .await;
    assert_eq!(answer.status, 400, "{}", answer.raw);
    assert_eq!(server.calls(), 3);
}

#[tokio::test]
async fn a_retyped_field_reaches_the_handler_as_an_unexpected_value() {
    let server = serve(WebhookConfig::token(TOKEN)).await;
    let body =
        br#"{"type":"ReceivedCallback","fromMe":"yes","text":{"message":"hi"},"brandNew":1}"#;
    let answer = post(server.addr, "/", &[("z-api-token", TOKEN)], body).await;
    assert_eq!(answer.status, 200, "{}", answer.raw);
    assert_eq!(answer.json["unexpected"], json!(["/fromMe"]));
    assert_eq!(answer.json["unmodeled"], json!(["/brandNew"]));
    assert_eq!(answer.json["kind"], "text");
    let seen = server.seen.lock().expect("lock");
    let unexpected = seen[0].unexpected();
    assert_eq!(unexpected[0].found, "string \"yes\"");
    assert_eq!(unexpected[0].pointer, "/fromMe");
}

#[tokio::test]
async fn a_body_that_is_not_a_json_object_is_400_with_its_pointer() {
    let server = serve(WebhookConfig::token(TOKEN)).await;
    for body in [&b"[1, 2]"[..], b"\"text\"", b"{nope", b""] {
        let answer = post(server.addr, "/", &[("z-api-token", TOKEN)], body).await;
        assert_eq!(answer.status, 400, "{body:?}: {}", answer.raw);
        assert!(answer.json["error"].is_string());
        assert!(answer.json["pointer"].is_string(), "{}", answer.raw);
    }
    let answer = post(server.addr, "/", &[("z-api-token", TOKEN)], b"[1, 2]").await;
    assert_eq!(answer.json["pointer"], "");
    // Any JSON object passes, even one that is no known callback.
    let answer = post(server.addr, "/", &[("z-api-token", TOKEN)], b"{}").await;
    assert_eq!(answer.status, 200, "{}", answer.raw);
    let answer = post(
        server.addr,
        "/",
        &[("z-api-token", TOKEN)],
        br#"{"type":7}"#,
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.raw);
    assert_eq!(server.calls(), 2);
}

#[tokio::test]
async fn wrong_content_type_or_encoding_is_415() {
    let server = serve(WebhookConfig::token(TOKEN)).await;
    for headers in [
        vec![("z-api-token", TOKEN)],
        vec![("z-api-token", TOKEN), ("Content-Type", "text/plain")],
        vec![
            ("z-api-token", TOKEN),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
    ] {
        let answer = send_with(server.addr, "POST", "/", &headers, TEXT, false).await;
        assert_eq!(answer.status, 415, "{headers:?}: {}", answer.raw);
        assert_eq!(answer.json["pointer"], Value::Null);
    }
    for encoding in ["br", "zstd", "gzip, gzip", "compress"] {
        let answer = post(
            server.addr,
            "/",
            &[("z-api-token", TOKEN), ("Content-Encoding", encoding)],
            TEXT,
        )
        .await;
        assert_eq!(answer.status, 415, "{encoding}: {}", answer.raw);
    }
    assert_eq!(server.calls(), 0);
}

#[tokio::test]
async fn other_methods_are_405() {
    let server = serve(WebhookConfig::token(TOKEN)).await;
    for method in ["GET", "PUT", "DELETE"] {
        let answer = send_with(
            server.addr,
            method,
            "/webhook",
            &[("z-api-token", TOKEN)],
            b"",
            false,
        )
        .await;
        assert_eq!(answer.status, 405, "{method}: {}", answer.raw);
        assert!(answer.head.contains("\r\nallow: post"), "{}", answer.head);
        assert!(
            answer.json["error"]
                .as_str()
                .is_some_and(|e| e.contains(method))
        );
        assert_eq!(answer.json["pointer"], Value::Null);
    }
    assert_eq!(server.calls(), 0);
}

#[tokio::test]
async fn too_large_bodies_are_413() {
    let server = serve(WebhookConfig::token(TOKEN).body_limit(1024)).await;
    let mut big = TEXT.to_vec();
    big.truncate(big.len() - 2);
    big.extend(std::iter::repeat_n(b'x', 2048));
    big.extend_from_slice(b"\"}}");
    let headers = [("z-api-token", TOKEN), ("Content-Type", "application/json")];
    // Declared by Content-Length, and chunked.
    for chunked in [false, true] {
        let answer = send_with(server.addr, "POST", "/", &headers, &big, chunked).await;
        assert_eq!(answer.status, 413, "chunked {chunked}: {}", answer.raw);
        assert_eq!(answer.json["pointer"], Value::Null);
    }
    // Small on the wire, too large once decoded.
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&big).expect("write");
    let gz = gz.finish().expect("gzip");
    assert!(gz.len() < 1024);
    let answer = post(
        server.addr,
        "/",
        &[("z-api-token", TOKEN), ("Content-Encoding", "gzip")],
        &gz,
    )
    .await;
    assert_eq!(answer.status, 413, "{}", answer.raw);
    assert_eq!(server.calls(), 0);
}
