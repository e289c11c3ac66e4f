//! An example [axum] server receiving Z-API webhooks and parsing them with [`zapi_webhooks`].
//!
//! [`router`] builds the whole service from a [`Config`]; the binary (`src/main.rs`) only adds
//! settings, logging, a listener and graceful shutdown around it.
//!
//! What a request goes through, in order:
//!
//! 1. Method: `POST` on any path (`/`, `/webhook/received`, ...); any other method is
//!    `405 Method Not Allowed` with `Allow: POST`. The path is handed on, so the URLs configured
//!    for different callbacks (Z-API takes one per callback) can be told apart.
//! 2. `Content-Type` must be `application/json` (any case, parameters such as
//!    `; charset=utf-8` allowed), else `415 Unsupported Media Type`.
//! 3. The body may be at most [`Config::body_limit`] bytes (default [`DEFAULT_BODY_LIMIT`]),
//!    else `413 Payload Too Large`: refused from `Content-Length` before reading, or while
//!    reading a chunked body.
//! 4. [`Inspector::inspect`] (the library's diagnosis). The models are tolerant: unknown
//!    keys, unknown types and kinds, and known fields whose JSON type is not the expected one
//!    (`"fromMe": "true"`, `"text": "hi"`; kept verbatim as [`zapi_webhooks::UnexpectedValue`]s)
//!    all parse. Only a body that is not a JSON object (invalid JSON, empty, an array, ...) is
//!    `400 Bad Request`, with `{"error": "at /phone: ...", "pointer": "/phone"}`.
//! 5. Logging: unknown callback types, unknown message kinds and unmodeled fields (their JSON
//!    pointers) are logged with the [`log`] facade, and so are unexpected values (one warning
//!    naming each pointer with what was expected and found).
//! 6. The raw body of an unknown callback type, an unknown message kind or a payload with
//!    unexpected values (and, with [`Config::keep_unmodeled`], of one with unmodeled fields)
//!    goes to the [`RawSink`], byte for byte. If that fails the answer is `500`, so the sender
//!    sees the delivery failed rather than the body being lost quietly.
//! 7. The [`Webhook`] goes to the [`WebhookHandler`]; if it refuses, the answer is its
//!    [`HandlerError::status`] (`503` or `500`).
//! 8. `200 OK` with a short JSON summary: `{"callback": "received", "type": "ReceivedCallback",
//!    "kind": "text", "unmodeled": [], "unexpected": [], "kept": false}` (`unexpected` lists
//!    the pointers of the unexpected values, e.g. `["/fromMe"]`).
//!
//! Every error answer is JSON: `{"error": "..."}`, plus `"pointer"` for a body that did not
//! parse.
//!
//! ```no_run
//! use zapi_webhooks_receiver::{Config, DirSink, Webhook, router};
//!
//! # async fn run() -> std::io::Result<()> {
//! let (tx, mut rx) = tokio::sync::mpsc::channel::<Webhook>(1024);
//! tokio::spawn(async move {
//!     while let Some(webhook) = rx.recv().await {
//!         println!("{}: {}", webhook.path, webhook.callback.kind_name());
//!     }
//! });
//! let app = router(Config::new(tx, DirSink::new("unknown-payloads")?));
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, app).await
//! # }
//! ```

mod handler;
pub mod settings;
mod sink;

use std::sync::Arc;
use std::time::SystemTime;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Map, Value, json};
use zapi_webhooks::inspect::{Inspector, Problem};
use zapi_webhooks::{Callback, Kind, UnexpectedValue};

pub use handler::{HandlerError, Webhook, WebhookHandler};
pub use sink::{DirSink, KeepReason, KeptPayload, MemorySink, RawSink};

/// The body size limit unless [`Config::body_limit`] says otherwise: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// The log target of every line this crate logs.
pub const LOG_TARGET: &str = "zapi_webhooks_receiver";

/// What [`router`] needs: where parsed callbacks go, where raw bodies of unknown ones go, and
/// the limits.
pub struct Config {
    handler: Arc<dyn WebhookHandler>,
    sink: Arc<dyn RawSink>,
    body_limit: usize,
    keep_unmodeled: bool,
}

impl Config {
    /// A configuration handing callbacks to `handler` and keeping the raw bodies of unknown
    /// ones in `sink`, with a [`DEFAULT_BODY_LIMIT`] body limit.
    pub fn new(handler: impl WebhookHandler, sink: impl RawSink) -> Config {
        Config {
            handler: Arc::new(handler),
            sink: Arc::new(sink),
            body_limit: DEFAULT_BODY_LIMIT,
            keep_unmodeled: false,
        }
    }

    /// Sets the largest body accepted, in bytes; larger ones are answered with 413.
    pub fn body_limit(mut self, bytes: usize) -> Config {
        self.body_limit = bytes;
        self
    }

    /// Also keeps the raw body of known callbacks that carry unmodeled fields (off by
    /// default: if Z-API adds a field to every message, every message would be kept).
    pub fn keep_unmodeled(mut self, keep: bool) -> Config {
        self.keep_unmodeled = keep;
        self
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("body_limit", &self.body_limit)
            .field("keep_unmodeled", &self.keep_unmodeled)
            .finish_non_exhaustive()
    }
}

/// The webhook service: `POST` on any path, as described in the [crate docs](crate).
pub fn router(config: Config) -> Router {
    let limit = config.body_limit;
    Router::new()
        .route("/", post(receive))
        .route("/{*path}", post(receive))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(limit))
        .with_state(Arc::new(config))
}

/// Whether the `Content-Type` is `application/json`, ignoring case and parameters.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// The `Content-Length`, if there is a valid one.
fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// A JSON error answer: `{"error": ..., "pointer": ...}`.
fn error_response(status: StatusCode, error: String, pointer: Option<&str>) -> Response {
    let mut body = Map::new();
    body.insert("error".to_owned(), Value::String(error));
    if let Some(pointer) = pointer {
        body.insert("pointer".to_owned(), Value::String(pointer.to_owned()));
    }
    (status, Json(Value::Object(body))).into_response()
}

/// Which raw bodies are kept, and why.
fn keep_reason(
    callback: &Callback,
    unmodeled: &[String],
    unexpected: &[UnexpectedValue],
    keep_unmodeled: bool,
) -> Option<KeepReason> {
    if callback.callback_type().is_none() {
        Some(KeepReason::UnknownCallback)
    } else if callback.message_kind() == Some(Kind::Unknown) {
        Some(KeepReason::UnknownKind)
    } else if !unexpected.is_empty() {
        Some(KeepReason::UnexpectedValues)
    } else if keep_unmodeled && !unmodeled.is_empty() {
        Some(KeepReason::Unmodeled)
    } else {
        None
    }
}

async fn receive(State(config): State<Arc<Config>>, request: Request) -> Response {
    let received_at = SystemTime::now();
    let path = request.uri().path().to_owned();

    if !is_json(request.headers()) {
        let found = request
            .headers()
            .get(header::CONTENT_TYPE)
            .map_or_else(|| "none".to_owned(), |v| format!("{v:?}"));
        log::warn!(target: LOG_TARGET, "{path}: 415, Content-Type {found}");
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("Content-Type must be application/json, got {found}"),
            None,
        );
    }
    let body = match read_body(request, config.body_limit, &path).await {
        Ok(body) => body,
        Err(response) => return response,
    };

    // The library's diagnosis: the typed callback, its kind, its unmodeled keys and its
    // unexpected values, or (for a body that is not a JSON object) the problem, with its JSON
    // pointer, that kept it from being typed.
    let report = Inspector::models_only().inspect(&body);
    let Some(callback) = report.model else {
        let problem = report
            .errors
            .into_iter()
            .next()
            .unwrap_or_else(|| Problem::new("", "not a callback"));
        log::warn!(target: LOG_TARGET, "{path}: 400, at {problem}");
        return error_response(
            StatusCode::BAD_REQUEST,
            format!("at {problem}"),
            Some(&problem.pointer),
        );
    };
    let unmodeled = report.unmodeled;
    let unexpected = report.unexpected;

    let type_value = callback.type_value().map(str::to_owned);
    let type_shown = type_value.as_deref().unwrap_or("(no type)");
    let kind = callback.kind_name();
    // One line per payload; for an unknown callback every key is unmodeled, so it lists them.
    let fields = unmodeled.join(", ");
    match (callback.callback_type(), callback.message_kind()) {
        (None, _) => log::warn!(
            target: LOG_TARGET,
            "{path}: unknown callback type {type_shown:?}, keys {fields}"
        ),
        (_, Some(Kind::Unknown)) => log::warn!(
            target: LOG_TARGET,
            "{path}: {type_shown} with an unknown message kind, unmodeled fields {fields}"
        ),
        _ if !unmodeled.is_empty() => log::warn!(
            target: LOG_TARGET,
            "{path}: {type_shown} {kind}: unmodeled fields {fields}"
        ),
        _ if unexpected.is_empty() => {
            log::debug!(target: LOG_TARGET, "{path}: {type_shown} {kind}");
        }
        _ => {}
    }
    if !unexpected.is_empty() {
        // Each one as `/fromMe: invalid type: string "yes", expected a boolean`.
        let values = unexpected
            .iter()
            .map(UnexpectedValue::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        log::warn!(
            target: LOG_TARGET,
            "{path}: {type_shown} {kind}: unexpected values {values}"
        );
    }
    let unexpected_pointers: Vec<&str> = unexpected.iter().map(|u| u.pointer.as_str()).collect();

    let kept = match keep_reason(&callback, &unmodeled, &unexpected, config.keep_unmodeled) {
        None => None,
        Some(reason) => {
            let payload = KeptPayload {
                reason,
                path: path.clone(),
                type_value: type_value.clone(),
                unmodeled: unmodeled.clone(),
                unexpected: unexpected.clone(),
                received_at,
                body: body.clone(),
            };
            match keep_raw(&config, payload).await {
                Ok(location) => Some(location),
                Err(response) => return response,
            }
        }
    };

    let summary = json!({
        "callback": callback.callback_type().map_or("unknown", |t| t.as_str()),
        "type": type_value,
        "kind": kind,
        "unmodeled": unmodeled,
        "unexpected": unexpected_pointers,
        "kept": kept.is_some(),
    });
    let webhook = Webhook {
        path,
        callback,
        unmodeled,
        unexpected,
        kept,
        body,
    };
    let path = webhook.path.clone();
    match config.handler.handle(webhook) {
        Ok(()) => (StatusCode::OK, Json(summary)).into_response(),
        Err(err) => {
            let status = err.status().as_u16();
            log::error!(target: LOG_TARGET, "{path}: {status}, {err}");
            let mut response = error_response(err.status(), err.to_string(), None);
            if err == HandlerError::Busy {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            response
        }
    }
}

async fn method_not_allowed(request: Request) -> Response {
    let method = request.method().clone();
    log::warn!(target: LOG_TARGET, "{}: 405, method {method}", request.uri().path());
    let mut response = error_response(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("method {method} is not allowed, use POST"),
        None,
    );
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("POST"));
    response
}

/// Reads the body, answering 413 past `limit`: from `Content-Length` before reading, or while
/// reading (the `DefaultBodyLimit` layer applies to `Bytes`), which catches chunked bodies.
async fn read_body(request: Request, limit: usize, path: &str) -> Result<Bytes, Response> {
    if let Some(length) = content_length(request.headers()) {
        if usize::try_from(length).map_or(true, |length| length > limit) {
            log::warn!(
                target: LOG_TARGET,
                "{path}: 413, Content-Length {length} over the limit of {limit}"
            );
            return Err(too_large(limit));
        }
    }
    match Bytes::from_request(request, &()).await {
        Ok(body) => Ok(body),
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            log::warn!(target: LOG_TARGET, "{path}: 413, body over the limit of {limit}");
            Err(too_large(limit))
        }
        Err(rejection) => {
            let text = rejection.body_text();
            log::warn!(target: LOG_TARGET, "{path}: could not read the body: {text}");
            Err(error_response(rejection.status(), text, None))
        }
    }
}

/// Hands `payload` to the sink on a blocking thread. A failure is logged in full and answered
/// with a plain 500 (the sender learns nothing about the server's disks).
async fn keep_raw(config: &Config, payload: KeptPayload) -> Result<String, Response> {
    let (path, reason) = (payload.path.clone(), payload.reason);
    let sink = Arc::clone(&config.sink);
    let failure = match tokio::task::spawn_blocking(move || sink.keep(&payload)).await {
        Ok(Ok(location)) => {
            log::info!(target: LOG_TARGET, "{path}: {reason} payload kept at {location}");
            return Ok(location);
        }
        Ok(Err(err)) => err.to_string(),
        Err(err) => format!("the sink panicked: {err}"),
    };
    log::error!(
        target: LOG_TARGET,
        "{path}: 500, could not keep a {reason} payload: {failure}"
    );
    Err(error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "could not keep the raw body".to_owned(),
        None,
    ))
}

fn too_large(limit: usize) -> Response {
    error_response(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("the body is larger than the limit of {limit} bytes"),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(content_type: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(content_type) {
            headers.insert(header::CONTENT_TYPE, value);
        }
        headers
    }

    #[test]
    fn content_types() {
        for ok in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            "application/json;charset=UTF-8",
            " application/json ",
        ] {
            assert!(is_json(&headers(ok)), "{ok}");
        }
        for bad in [
            "",
            "text/plain",
            "application/jsonx",
            "application/x-www-form-urlencoded",
            "application/ld+json",
            "text/json",
        ] {
            assert!(!is_json(&headers(bad)), "{bad}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn keep_reasons() -> Result<(), zapi_webhooks::ParseError> {
        let unknown = Callback::from_slice(br#"{"type":"NewCallback"}"#)?;
        assert_eq!(
            keep_reason(&unknown, &[], &[], false),
            Some(KeepReason::UnknownCallback)
        );
        let text = Callback::from_slice(br#"{"type":"ReceivedCallback","text":{"message":"hi"}}"#)?;
        assert_eq!(keep_reason(&text, &[], &[], true), None);
        let extra = ["/x".to_owned()];
        assert_eq!(keep_reason(&text, &extra, &[], false), None);
        assert_eq!(
            keep_reason(&text, &extra, &[], true),
            Some(KeepReason::Unmodeled)
        );
        let retyped =
            Callback::from_slice(br#"{"type":"ReceivedCallback","fromMe":"yes","text":{}}"#)?;
        let unexpected = retyped.unexpected();
        assert_eq!(unexpected.len(), 1);
        assert_eq!(
            keep_reason(&retyped, &extra, &unexpected, true),
            Some(KeepReason::UnexpectedValues)
        );
        Ok(())
    }
}
