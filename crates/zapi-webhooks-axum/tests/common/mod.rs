//! A server on 127.0.0.1:0 running the extractor, a handler that records what it gets, and a
//! small HTTP/1.1 client over a raw `TcpStream`. The CLI's `send` tests include this file too
//! (with `#[path]`), serving the same router on a TLS listener with [`serve_on`].

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{FromRef, State};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use zapi_webhooks_axum::{WebhookConfig, ZapiWebhook, webhook_route};

/// What the handler was given, one entry per call.
pub type Seen = Arc<Mutex<Vec<ZapiWebhook>>>;

#[derive(Clone)]
struct AppState {
    config: WebhookConfig,
    seen: Seen,
}

impl FromRef<AppState> for WebhookConfig {
    fn from_ref(state: &AppState) -> WebhookConfig {
        state.config.clone()
    }
}

impl FromRef<AppState> for Seen {
    fn from_ref(state: &AppState) -> Seen {
        state.seen.clone()
    }
}

async fn handle(State(seen): State<Seen>, webhook: ZapiWebhook) -> Response {
    let summary = json!({
        "path": webhook.path,
        "instance": webhook.instance_id,
        "kind": webhook.callback.kind().as_str(),
        "unmodeled": webhook.unmodeled(),
        "unexpected": webhook.unexpected().iter().map(|u| u.pointer.clone()).collect::<Vec<_>>(),
        "len": webhook.body.len(),
    });
    if let Ok(mut seen) = seen.lock() {
        seen.push(webhook);
    }
    axum::Json(summary).into_response()
}

/// A running server and what its handler saw.
pub struct Server {
    pub addr: SocketAddr,
    pub seen: Seen,
}

impl Server {
    /// How many times the handler ran.
    pub fn calls(&self) -> usize {
        self.seen.lock().map(|s| s.len()).unwrap_or(usize::MAX)
    }
}

/// Serves the recording router on a new listener on 127.0.0.1 (any free port).
pub async fn serve(config: WebhookConfig) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    serve_on(listener, config).await
}

/// Serves the recording router on `listener` (plain TCP, or one that adds TLS).
pub async fn serve_on<L>(listener: L, config: WebhookConfig) -> Server
where
    L: axum::serve::Listener<Addr = SocketAddr>,
{
    let seen: Seen = Arc::default();
    let app = Router::new()
        .route("/", webhook_route(handle))
        .route("/{*path}", webhook_route(handle))
        .with_state(AppState {
            config,
            seen: seen.clone(),
        });
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await });
    Server { addr, seen }
}

/// The answer: status, headers (lower-cased names) and the body as JSON.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub raw: String,
    pub json: Value,
}

/// Sends one request with a `Content-Length` (unless `chunked`), `Connection: close`, and
/// `headers`; reads the answer to the end.
pub async fn send_with(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    chunked: bool,
) -> Answer {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let mut head =
        format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    if chunked {
        head.push_str("Transfer-Encoding: chunked\r\n");
    } else {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut request = head.into_bytes();
    if chunked {
        for chunk in body.chunks(16 * 1024) {
            request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            request.extend_from_slice(chunk);
            request.extend_from_slice(b"\r\n");
        }
        request.extend_from_slice(b"0\r\n\r\n");
    } else {
        request.extend_from_slice(body);
    }
    // The server may answer (413, 401) and close before reading the whole body.
    let _ = stream.write_all(&request).await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, raw) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text:?}"));
    Answer {
        status,
        head: head.to_ascii_lowercase(),
        raw: raw.to_owned(),
        json: serde_json::from_str(raw).unwrap_or(Value::Null),
    }
}

/// A JSON POST with `headers` besides `Content-Type: application/json`.
pub async fn post(addr: SocketAddr, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut all = vec![("Content-Type", "application/json")];
    all.extend_from_slice(headers);
    send_with(addr, "POST", target, &all, body, false).await
}
