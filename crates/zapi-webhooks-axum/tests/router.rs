//! The typed router and the path-token routes: every fixture reaches the handler its kind
//! names, filters, the error hook, the token in the path, per-instance tokens without reading
//! the body, one 401 for every authentication failure, and a body never read before the token
//! is checked.

mod common;
#[path = "../../zapi-webhooks/tests/common/corpus.rs"]
mod corpus;

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use bytes::Bytes;
use common::post;
use serde_json::Value;
use tower::ServiceExt;
use zapi_webhooks::{Callback, CallbackType, ChatKind, Kind, MessageStatus, Origin};
use zapi_webhooks_axum::{
    Filter, RouterError, TokenSource, UNAUTHORIZED_MESSAGE, WebhookConfig, WebhookRouter,
    ZapiWebhook,
};

const TOKEN: &str = "F0E1D2C3B4A5968778695A4B";
const TOKEN_B: &str = "0123456789abcdefABCDEF01";
const TEXT_A: &[u8] = br#"{"type":"ReceivedCallback","instanceId":"INSTANCE-A","messageId":"M1","phone":"5511999999999","fromMe":false,"text":{"message":"hi"}}"#;
const TEXT_B: &[u8] = br#"{"type":"ReceivedCallback","instanceId":"INSTANCE-B","messageId":"M1","phone":"5511999999999","fromMe":false,"text":{"message":"hi"}}"#;

/// One call of a handler: its label, the path it saw, the instance, the token's source.
#[derive(Debug, Clone)]
struct Call {
    label: String,
    path: String,
    instance: Option<String>,
    source: Option<TokenSource>,
}

type Calls = Arc<Mutex<Vec<Call>>>;

/// Extra request headers.
type Headers<'a> = &'a [(&'a str, &'a str)];

fn recorder(
    label: &str,
    calls: &Calls,
) -> impl Fn(ZapiWebhook) -> std::future::Ready<zapi_webhooks_axum::HandlerResult> + Send + Sync + 'static
{
    let label = label.to_owned();
    let calls = calls.clone();
    move |webhook: ZapiWebhook| {
        if let Ok(mut calls) = calls.lock() {
            calls.push(Call {
                label: label.clone(),
                path: webhook.path.clone(),
                instance: webhook.instance_id.clone(),
                source: webhook.token_source,
            });
        }
        std::future::ready(Ok(()))
    }
}

/// A handler per message kind and per other callback type, and a recording fallback.
fn per_kind_router(calls: &Calls) -> WebhookRouter {
    let mut router = WebhookRouter::new();
    for kind in Kind::ALL.iter().filter(|k| **k != Kind::Unknown) {
        router = router.on_kind(*kind, recorder(kind.as_str(), calls));
    }
    for callback_type in CallbackType::ALL
        .iter()
        .filter(|t| **t != CallbackType::Received)
    {
        router = router.on_callback(*callback_type, recorder(callback_type.as_str(), calls));
    }
    router.fallback(recorder("fallback", calls))
}

async fn serve(router: axum::Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, router).await });
    addr
}

fn last(calls: &Calls) -> Option<Call> {
    calls.lock().ok().and_then(|c| c.last().cloned())
}

fn count(calls: &Calls) -> usize {
    calls.lock().map(|c| c.len()).unwrap_or(usize::MAX)
}

#[tokio::test]
async fn every_fixture_reaches_exactly_the_handler_its_kind_names() {
    let calls = Calls::default();
    let app = per_kind_router(&calls)
        .into_router("/zapi")
        .with_state(WebhookConfig::token(TOKEN));
    let addr = serve(app).await;
    let mut payloads: Vec<(String, Vec<u8>, String)> = corpus::fixtures()
        .into_iter()
        .chain(corpus::captures())
        .map(|entry| {
            let expected = if entry.callback == "received" {
                entry.kind.clone()
            } else {
                entry.callback.clone()
            };
            (entry.path, entry.bytes, expected)
        })
        .collect();
    // What no route names goes to the fallback: an unknown callback type, no type at all, an
    // unknown content kind.
    for (name, body) in [
        ("unknown type", &br#"{"type":"BrandNewCallback","instanceId":"I"}"#[..]),
        ("no type", br#"{"instanceId":"I","phone":"5511"}"#),
        (
            "unknown kind",
            br#"{"type":"ReceivedCallback","instanceId":"I","messageId":"X","shinyNewThing":{"a":1}}"#,
        ),
    ] {
        payloads.push((name.to_owned(), body.to_vec(), "fallback".to_owned()));
    }
    let mut wrong = Vec::new();
    let mut per_label = std::collections::BTreeMap::<String, usize>::new();
    for (i, (name, body, expected)) in payloads.iter().enumerate() {
        let answer = post(addr, &format!("/zapi/{TOKEN}"), &[], body).await;
        assert_eq!(answer.status, 200, "{name}: {}", answer.raw);
        // Exactly one handler ran.
        assert_eq!(count(&calls), i + 1, "{name}");
        let call = last(&calls).expect("a call");
        if call.label != *expected {
            wrong.push(format!("{name}: {} instead of {expected}", call.label));
        }
        *per_label.entry(call.label).or_default() += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(per_label.get("fallback"), Some(&3), "{per_label:?}");
    // Every callback type's handler and most kinds' handlers were exercised.
    assert!(per_label.len() >= 30, "{per_label:?}");
}

fn callback(body: &[u8]) -> Callback {
    Callback::from_slice(body).expect("parses")
}

#[test]
fn filters_answer_the_usual_questions() {
    let router = WebhookRouter::new()
        .on(Filter::origin(Origin::Api), |_| async { Ok(()) })
        .on(Filter::from_me(), |_| async { Ok(()) })
        .on(Filter::notification("GROUP_PARTICIPANT_ADD"), |_| async {
            Ok(())
        })
        .on(Filter::any_notification(), |_| async { Ok(()) })
        .on(
            Filter::chat(ChatKind::Group).and(Filter::kind(Kind::Text)),
            |_| async { Ok(()) },
        )
        .on(
            Filter::chat(ChatKind::Newsletter).or(Filter::chat(ChatKind::Broadcast)),
            |_| async { Ok(()) },
        )
        .on(Filter::chat(ChatKind::Direct), |_| async { Ok(()) })
        .on(Filter::status(MessageStatus::Read), |_| async { Ok(()) })
        .on(Filter::unknown_callback(), |_| async { Ok(()) });
    let cases: &[(&[u8], Option<&str>)] = &[
        (
            br#"{"type":"ReceivedCallback","fromMe":true,"fromApi":true,"text":{"message":"echo"}}"#,
            Some("origin(api)"),
        ),
        (
            br#"{"type":"ReceivedCallback","fromMe":true,"text":{"message":"typed on the phone"}}"#,
            Some("from_me"),
        ),
        (
            br#"{"type":"ReceivedCallback","fromMe":false,"phone":"1203-group","notification":"GROUP_PARTICIPANT_ADD"}"#,
            Some("notification(GROUP_PARTICIPANT_ADD)"),
        ),
        (
            br#"{"type":"ReceivedCallback","fromMe":false,"notification":"CALL_VOICE"}"#,
            Some("kind(notification)"),
        ),
        (
            br#"{"type":"ReceivedCallback","fromMe":false,"phone":"1203-group","text":{"message":"hi"}}"#,
            Some("chat(group) and kind(text)"),
        ),
        (
            br#"{"type":"ReceivedCallback","fromMe":false,"phone":"1203-group","image":{}}"#,
            None,
        ),
        (
            br#"{"type":"ReceivedCallback","fromMe":false,"phone":"12@newsletter","text":{"message":"hi"}}"#,
            Some("(chat(newsletter) or chat(broadcast))"),
        ),
        (
            br#"{"type":"ReceivedCallback","fromMe":false,"phone":"5511","image":{}}"#,
            Some("chat(direct)"),
        ),
        (
            br#"{"type":"MessageStatusCallback","status":"READ","ids":["A"]}"#,
            Some("status(READ)"),
        ),
        (
            br#"{"type":"MessageStatusCallback","status":"SENT","ids":["A"]}"#,
            None,
        ),
        (br#"{"type":"SomethingElse"}"#, Some("unknown_callback")),
        // A retyped `fromMe` is no origin: not from me, not the API.
        (
            br#"{"type":"ReceivedCallback","fromMe":"true","phone":"5511","text":{"message":"?"}}"#,
            Some("chat(direct)"),
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(
            router.route_for(&callback(body)),
            *expected,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    let shown = format!("{router:?}");
    assert!(
        shown.contains("origin(api)") && shown.contains("fallback: false"),
        "{shown}"
    );
}

#[tokio::test]
async fn the_error_hook_sees_handler_errors_and_refusals() {
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let hook_seen = seen.clone();
    let app = WebhookRouter::new()
        .on_kind(Kind::Text, |_| async { Err("the database is down".into()) })
        .on_error(move |error: &RouterError| {
            let line = match error {
                RouterError::Handler { .. } => format!("handler: {error}"),
                RouterError::Rejected(rejection) => format!("rejected {}", rejection.status()),
                other => format!("other {other}"),
            };
            if let Ok(mut seen) = hook_seen.lock() {
                seen.push(line);
            }
        })
        .into_router("/zapi")
        .with_state(WebhookConfig::token(TOKEN));
    let addr = serve(app).await;
    let failed = post(addr, &format!("/zapi/{TOKEN}"), &[], TEXT_A).await;
    assert_eq!(failed.status, 500, "{}", failed.raw);
    assert_eq!(failed.json["error"], "the handler failed");
    let refused = post(addr, "/zapi/not-the-token", &[], TEXT_A).await;
    assert_eq!(refused.status, 401);
    // An image: no route, no fallback: acknowledged and dropped, the hook not called.
    let dropped = post(
        addr,
        &format!("/zapi/{TOKEN}"),
        &[],
        br#"{"type":"ReceivedCallback","image":{}}"#,
    )
    .await;
    assert_eq!(dropped.status, 200);
    let seen = seen.lock().expect("lock").clone();
    assert_eq!(
        seen,
        [
            "handler: handler kind(text) failed on text v1:received:INSTANCE-A:M1 at /zapi/{token}: \
             the database is down",
            "rejected 401 Unauthorized",
        ]
    );
    assert!(seen.iter().all(|line| !line.contains(TOKEN)));
}

#[tokio::test]
async fn the_token_in_the_path() {
    let calls = Calls::default();
    let app = WebhookRouter::new()
        .fallback(recorder("any", &calls))
        .into_router("/hooks/zapi/")
        .with_state(WebhookConfig::token(TOKEN));
    let addr = serve(app).await;
    let ok = post(addr, &format!("/hooks/zapi/{TOKEN}"), &[], TEXT_A).await;
    assert_eq!(ok.status, 200, "{}", ok.raw);
    let call = last(&calls).expect("called");
    assert_eq!(call.source, Some(TokenSource::Path));
    // The path the handler sees never holds the token.
    assert_eq!(call.path, "/hooks/zapi/{token}");
    assert_eq!(call.instance.as_deref(), Some("INSTANCE-A"));
    // With an instance segment.
    let ok = post(
        addr,
        &format!("/hooks/zapi/INSTANCE-A/{TOKEN}"),
        &[],
        TEXT_A,
    )
    .await;
    assert_eq!(ok.status, 200);
    assert_eq!(
        last(&calls).expect("called").path,
        "/hooks/zapi/INSTANCE-A/{token}"
    );
    // The header form on the bare prefix.
    let ok = post(addr, "/hooks/zapi", &[("z-api-token", TOKEN)], TEXT_A).await;
    assert_eq!(ok.status, 200);
    assert_eq!(
        last(&calls).expect("called").source,
        Some(TokenSource::Header)
    );
    // A path token route is authenticated by the path alone: a right header does not save a
    // wrong path token.
    let wrong = post(
        addr,
        "/hooks/zapi/received",
        &[("z-api-token", TOKEN)],
        TEXT_A,
    )
    .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(count(&calls), 3);
}

#[tokio::test]
async fn per_instance_tokens_from_the_path_or_the_token() {
    let calls = Calls::default();
    let app = WebhookRouter::new()
        .fallback(recorder("any", &calls))
        .into_router("/zapi")
        .with_state(WebhookConfig::per_instance([
            ("INSTANCE-A", TOKEN),
            ("INSTANCE-B", TOKEN_B),
        ]));
    let addr = serve(app).await;
    let accepted: &[(&str, Headers, &[u8], &str)] = &[
        (
            "/zapi/INSTANCE-A/F0E1D2C3B4A5968778695A4B",
            &[],
            TEXT_A,
            "INSTANCE-A",
        ),
        ("/zapi/0123456789abcdefABCDEF01", &[], TEXT_B, "INSTANCE-B"),
        ("/zapi", &[("z-api-token", TOKEN_B)], TEXT_B, "INSTANCE-B"),
        ("/zapi", &[("z-api-token", TOKEN)], TEXT_A, "INSTANCE-A"),
        // No `instanceId` in the body: the token's instance.
        (
            "/zapi",
            &[("z-api-token", TOKEN_B)],
            br#"{"type":"ConnectedCallback"}"#,
            "INSTANCE-B",
        ),
    ];
    for (target, headers, body, instance) in accepted {
        let answer = post(addr, target, headers, body).await;
        assert_eq!(answer.status, 200, "{target}: {}", answer.raw);
        assert_eq!(
            last(&calls).expect("called").instance.as_deref(),
            Some(*instance)
        );
    }
    assert_eq!(count(&calls), accepted.len());
    let refused: &[(&str, Headers, &[u8])] = &[
        // Another instance's token in the path.
        ("/zapi/INSTANCE-B/F0E1D2C3B4A5968778695A4B", &[], TEXT_B),
        // An unknown instance.
        ("/zapi/INSTANCE-C/F0E1D2C3B4A5968778695A4B", &[], TEXT_A),
        // A token nobody has.
        ("/zapi/F0E1D2C3B4A5968778695A4C", &[], TEXT_A),
        (
            "/zapi",
            &[("z-api-token", "F0E1D2C3B4A5968778695A4C")],
            TEXT_A,
        ),
        // No token at all.
        ("/zapi", &[], TEXT_A),
        // B's token, and a body that says A: authenticated as B, claiming A.
        ("/zapi", &[("z-api-token", TOKEN_B)], TEXT_A),
        ("/zapi/0123456789abcdefABCDEF01", &[], TEXT_A),
    ];
    let mut bodies = std::collections::BTreeSet::new();
    for (target, headers, body) in refused {
        let answer = post(addr, target, headers, body).await;
        assert_eq!(answer.status, 401, "{target} {headers:?}: {}", answer.raw);
        assert!(!answer.raw.contains(TOKEN) && !answer.raw.contains(TOKEN_B));
        assert!(!answer.head.contains(&TOKEN.to_ascii_lowercase()));
        bodies.insert(answer.raw.clone());
    }
    // One answer for every authentication failure.
    assert_eq!(bodies.len(), 1, "{bodies:?}");
    let only: Value = serde_json::from_str(bodies.first().expect("one")).expect("json");
    assert_eq!(only["error"], UNAUTHORIZED_MESSAGE);
    assert_eq!(count(&calls), accepted.len());
}

/// A body that records being polled, and then fails.
struct Tripwire {
    polled: Arc<AtomicBool>,
}

impl http_body::Body for Tripwire {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        self.polled.store(true, Ordering::SeqCst);
        Poll::Ready(Some(Err(std::io::Error::other(
            "the body was read before authentication",
        ))))
    }
}

#[tokio::test]
async fn an_unauthenticated_request_never_has_its_body_read() {
    let ran = Arc::new(AtomicUsize::new(0));
    let configs = [
        ("one token", WebhookConfig::token(TOKEN)),
        (
            "per instance",
            WebhookConfig::per_instance([("INSTANCE-A", TOKEN), ("INSTANCE-B", TOKEN_B)]),
        ),
    ];
    for (name, config) in configs {
        let ran_in_handler = ran.clone();
        let app = WebhookRouter::new()
            .fallback(move |_| {
                ran_in_handler.fetch_add(1, Ordering::SeqCst);
                async { Ok(()) }
            })
            .into_router("/zapi")
            .with_state(config);
        let send = |uri: String, header: Option<&str>| {
            let app = app.clone();
            let header = header.map(str::to_owned);
            async move {
                let polled = Arc::new(AtomicBool::new(false));
                let mut request = Request::post(uri).header("content-type", "application/json");
                if let Some(token) = header {
                    request = request.header("z-api-token", token);
                }
                let request = request
                    .body(Body::new(Tripwire {
                        polled: polled.clone(),
                    }))
                    .expect("request");
                let response = app.oneshot(request).await.expect("infallible");
                (response.status(), polled.load(Ordering::SeqCst))
            }
        };
        for (uri, header) in [
            ("/zapi/wrong-token".to_owned(), None),
            ("/zapi".to_owned(), None),
            ("/zapi".to_owned(), Some("wrong-token")),
            ("/zapi/INSTANCE-C/wrong-token".to_owned(), None),
            // With a token per instance: an unknown instance, and another instance's token.
            (format!("/zapi/INSTANCE-C/{TOKEN}"), None),
            (format!("/zapi/INSTANCE-B/{TOKEN}"), None),
        ] {
            if name == "one token" && uri.ends_with(TOKEN) {
                // One token: the instance segment is a label, and the token is right.
                continue;
            }
            let (status, polled) = send(uri.clone(), header).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{name}: {uri} {header:?}");
            assert!(!polled, "{name}: {uri} {header:?}: the body was read");
        }
        // The control: with the right token the same body is read (and its failure is a 400),
        // so the tripwire does trip.
        let (status, polled) = send(format!("/zapi/{TOKEN}"), None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{name}");
        assert!(polled, "{name}: the authenticated body was not read");
    }
    assert_eq!(ran.load(Ordering::SeqCst), 0);
}
