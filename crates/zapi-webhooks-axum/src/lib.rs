//! An [axum] extractor for the webhooks of Z-API (a WhatsApp HTTP API): [`ZapiWebhook`]
//! authenticates a delivery, decodes its body within a size limit and hands the handler the
//! typed [`Callback`] of [`zapi_webhooks`], with the raw bytes, the path, the instance and what
//! the models did not know. [`WebhookRouter`] sends each delivery to a handler per callback
//! type, message kind or [`Filter`], on the webhook routes of [`webhook_routes`] (the token in
//! the path, `/zapi/{instance}/{token}` and `/zapi/{token}`, or in a header).
//!
//! ```no_run
//! use axum::Router;
//! use axum::http::StatusCode;
//! use zapi_webhooks_axum::{WebhookConfig, ZapiWebhook, webhook_route};
//!
//! async fn receive(webhook: ZapiWebhook) -> StatusCode {
//!     println!(
//!         "{} for instance {:?}: {} ({} bytes)",
//!         webhook.path,
//!         webhook.instance_id,
//!         webhook.callback.kind().as_str(),
//!         webhook.body.len(),
//!     );
//!     for value in webhook.unexpected() {
//!         eprintln!("unexpected value {value}");
//!     }
//!     StatusCode::OK
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! // The security token of the instance (Z-API sends it in the `z-api-token` header).
//! let config = WebhookConfig::token(std::env::var("ZAPI_TOKEN")?);
//! let app = Router::new()
//!     // One URL per callback if you like: `/zapi/received`, `/zapi/delivery`, ...
//!     .route("/zapi/{callback}", webhook_route(receive))
//!     .with_state(config);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, app).await?;
//! # Ok(())
//! # }
//! ```
//!
//! The configuration comes from the router's state: a [`WebhookConfig`] itself, or any state
//! `S` with `impl FromRef<S> for WebhookConfig` (see [`axum::extract::FromRef`]). The
//! extractor reads the body, so it must be the handler's last argument.
//!
//! # What a request goes through
//!
//! | check | answer when it fails |
//! |---|---|
//! | method is `POST` | 405, `Allow: POST` |
//! | a token is presented, unless [`WebhookConfig::insecure_no_token`]: the `{token}` path parameter on a route that has one ([`webhook_routes`]), else the header, else `?token=` if enabled | 401 |
//! | it is the token ([`WebhookConfig::token`]), or the token of the path's `{instance}`, or of some configured instance ([`WebhookConfig::per_instance`]), compared in constant time before the body is read | 401 |
//! | `Content-Type` is `application/json` (any case, parameters allowed) | 415 |
//! | `Content-Encoding` is absent, `identity`, `gzip` or `deflate` | 415 |
//! | the body, as received and once decoded, is at most [`WebhookConfig::body_limit`] bytes | 413 |
//! | the compressed body decodes | 400 |
//! | the body is a JSON object | 400, with the JSON pointer of the problem |
//! | with [`WebhookConfig::per_instance`]: the body's `instanceId`, when sent, is the token's instance | 401 |
//!
//! Every authentication failure gets the same answer: 401 with the error
//! [`UNAUTHORIZED_MESSAGE`], whatever failed. The body of a request that fails authentication
//! is never read: with per-instance tokens the instance comes from the path or from the token,
//! never from the unauthenticated body.
//!
//! Every refusal is a [`WebhookRejection`], answered as JSON: `{"error": "...", "pointer":
//! "/phone"}` (`"pointer": null` unless the body did not parse). Error texts never contain a
//! token, and this crate logs nothing.
//!
//! Every JSON object reaches the handler: the models of [`zapi_webhooks`] are tolerant, so an
//! unknown callback type, an unknown kind, unknown keys and known keys with a value of an
//! unexpected JSON type (`"fromMe": "yes"`) all parse; the last two are listed in
//! [`ZapiWebhook::unmodeled`] and [`ZapiWebhook::unexpected`].
//!
//! # 405: the method
//!
//! axum picks a handler by method before any extractor runs, so a `GET` never reaches
//! [`ZapiWebhook`]. [`webhook_route`] is `axum::routing::post(handler)` with
//! [`method_not_allowed`] as its method fallback, which answers 405 in the JSON form above. With
//! a route of your own, add it yourself: `post(handler).fallback(method_not_allowed)`, or
//! `Router::method_not_allowed_fallback(method_not_allowed)` for a whole router. (The extractor
//! also refuses any method but `POST` with 405, should it be mounted under `any`.)
//!
//! # What this checks, and what it does not
//!
//! It checks that the delivery carries the configured token, compared in constant time
//! ([`tokens_match`]). Z-API's docs document no signature of the body, so there is none to
//! verify: a token proves the sender knows the token, not that the body is unaltered. There is
//! no replay protection (no timestamp or nonce is signed) and no check of the source address
//! (Z-API documents no IP ranges). Serve the endpoint over HTTPS only (the token travels in
//! every request), use a hard-to-guess path, and allow-list source addresses where your
//! network lets you.

mod auth;
mod config;
mod decode;
mod router;

use std::fmt;

use axum::Json;
use axum::body::Body;
use axum::extract::{FromRef, FromRequest, Request};
use axum::handler::Handler;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, post};
use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde_json::{Map, Value};
use zapi_webhooks::Callback;
use zapi_webhooks::diagnostics::UnexpectedValue;
use zapi_webhooks::inspect::{Inspector, Problem};

pub use auth::{PATH_INSTANCE_PARAMETER, PATH_TOKEN_PARAMETER, TokenSource};
pub use config::{
    DEFAULT_BODY_LIMIT, DEFAULT_TOKEN_HEADER, QUERY_TOKEN_PARAMETER, TokenSettingError,
    WebhookConfig, tokens_match,
};
pub use decode::Encoding;
pub use router::{BoxError, Filter, HandlerResult, RouterError, WebhookRouter, webhook_routes};

use decode::DecodeError;

/// One authenticated delivery: what the handler gets. What the models did not type is computed
/// only when asked for ([`ZapiWebhook::unmodeled`], [`ZapiWebhook::unexpected`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ZapiWebhook {
    /// The typed callback (tolerant: any JSON object is one).
    pub callback: Callback,
    /// The body, byte for byte, as received or, for a compressed body, as decoded.
    pub body: Bytes,
    /// The request's path as the router saw it (`/zapi/received`), without the query string,
    /// and with a path token replaced by `{token}` (`/zapi/3C01A2B3/{token}`): it is safe to
    /// log. Z-API takes one URL per callback, so the path tells which URL was called. Under
    /// `Router::nest`, the nested router's prefix is not part of it.
    pub path: String,
    /// The instance the callback came for: with [`WebhookConfig::per_instance`], the instance
    /// whose token the request carried; otherwise the body's `instanceId`
    /// ([`Callback::instance_id`]), or else the path's `{instance}`.
    pub instance_id: Option<String>,
    /// Where the request carried its token; `None` with [`WebhookConfig::insecure_no_token`].
    pub token_source: Option<TokenSource>,
    /// How the body was encoded on the wire.
    pub encoding: Encoding,
}

impl ZapiWebhook {
    /// The JSON pointers of the keys no model knows (`/brandNew`, `/text/shiny`), found in the
    /// typed callback when called ([`Callback::unmodeled`]); nothing is computed for a handler
    /// that does not ask.
    pub fn unmodeled(&self) -> Vec<String> {
        self.callback.unmodeled()
    }

    /// The values kept although their JSON type is not the one the models expect (`/fromMe`
    /// holding `"yes"`): each with its pointer, what was expected and what was found
    /// ([`Callback::unexpected`], computed when called).
    pub fn unexpected(&self) -> Vec<UnexpectedValue> {
        self.callback.unexpected()
    }
}

/// The text of every 401 answer.
pub const UNAUTHORIZED_MESSAGE: &str = "authentication failed";

/// Why [`ZapiWebhook`] refused a request; answered as `{"error": ..., "pointer": ...}` with
/// [`WebhookRejection::status`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookRejection {
    status: StatusCode,
    error: String,
    pointer: Option<String>,
}

impl WebhookRejection {
    fn new(status: StatusCode, error: impl Into<String>) -> WebhookRejection {
        WebhookRejection {
            status,
            error: error.into(),
            pointer: None,
        }
    }

    /// The one answer to every authentication failure (no token, a wrong token, an unknown
    /// instance, the token of another instance): the same status and the same text, so that a
    /// caller learns nothing about which check failed.
    pub(crate) fn unauthorized() -> WebhookRejection {
        WebhookRejection::new(StatusCode::UNAUTHORIZED, UNAUTHORIZED_MESSAGE)
    }

    fn too_large(limit: usize) -> WebhookRejection {
        WebhookRejection::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than the limit of {limit} bytes"),
        )
    }

    /// The answer's status: 400, 401, 405, 413 or 415.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// What is wrong, in words (never a token).
    pub fn error(&self) -> &str {
        &self.error
    }

    /// For a body that is not a JSON object, the JSON pointer of the problem (`""` is the whole
    /// body); `None` otherwise.
    pub fn pointer(&self) -> Option<&str> {
        self.pointer.as_deref()
    }
}

impl fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status.as_u16(), self.error)?;
        if let Some(pointer) = &self.pointer {
            write!(f, " (at {pointer:?})")?;
        }
        Ok(())
    }
}

impl std::error::Error for WebhookRejection {}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        let mut body = Map::new();
        body.insert("error".to_owned(), Value::String(self.error));
        body.insert(
            "pointer".to_owned(),
            self.pointer.map_or(Value::Null, Value::String),
        );
        let mut response = (self.status, Json(Value::Object(body))).into_response();
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("POST"));
        }
        response
    }
}

/// The 405 answer (`Allow: POST`, the JSON error body) for any method but `POST`: the method
/// fallback of [`webhook_route`], usable with `MethodRouter::fallback` or
/// `Router::method_not_allowed_fallback`.
pub async fn method_not_allowed(method: Method) -> WebhookRejection {
    WebhookRejection::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("method {method} is not allowed, use POST"),
    )
}

/// `post(handler)` answering any other method with [`method_not_allowed`] (405 and the JSON
/// error body, rather than axum's empty 405).
pub fn webhook_route<H, T, S>(handler: H) -> MethodRouter<S>
where
    H: Handler<T, S>,
    T: 'static,
    S: Clone + Send + Sync + 'static,
{
    post(handler).fallback(method_not_allowed)
}

impl<S> FromRequest<S> for ZapiWebhook
where
    S: Send + Sync,
    WebhookConfig: FromRef<S>,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<ZapiWebhook, WebhookRejection> {
        let config = WebhookConfig::from_ref(state);
        let (mut parts, body) = request.into_parts();
        if parts.method != Method::POST {
            return Err(method_not_allowed(parts.method.clone()).await);
        }

        // Authentication before anything else is looked at, from the head only: the body is
        // not read, let alone parsed, for a request that fails it.
        let authenticated = auth::authenticate(&mut parts, &config).await?;

        if !is_json(&parts.headers) {
            let found = parts
                .headers
                .get(header::CONTENT_TYPE)
                .map_or_else(|| "none".to_owned(), |v| format!("{v:?}"));
            return Err(WebhookRejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("Content-Type must be application/json, got {found}"),
            ));
        }
        let encoding = Encoding::from_headers(&parts.headers).map_err(|found| {
            WebhookRejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "Content-Encoding {found:?} is not supported: use gzip, deflate or identity"
                ),
            )
        })?;

        let limit = config.limit();
        let wire = read_body(&parts.headers, body, limit).await?;
        let body = decode::decode(encoding, wire, limit).map_err(|error| match error {
            DecodeError::TooLarge => WebhookRejection::too_large(limit),
            DecodeError::Corrupt(error) => WebhookRejection::new(
                StatusCode::BAD_REQUEST,
                format!("the {encoding:?} body does not decode: {error}"),
            ),
        })?;

        // One typed parse, straight from the bytes. Only a body it refuses is inspected, for
        // the diagnosis (which also accepts repeated keys, the last one winning, as a
        // `serde_json::Value` does).
        let callback = match Callback::from_slice(&body) {
            Ok(callback) => callback,
            Err(_) => {
                let report = Inspector::models_only().inspect(&body);
                let Some(callback) = report.model else {
                    let problem = report
                        .errors
                        .into_iter()
                        .next()
                        .unwrap_or_else(|| Problem::new("", "not a JSON object"));
                    return Err(WebhookRejection {
                        status: StatusCode::BAD_REQUEST,
                        error: problem.message,
                        pointer: Some(problem.pointer),
                    });
                };
                callback
            }
        };
        let instance_id = authenticated.instance(callback.instance_id())?;

        Ok(ZapiWebhook {
            callback,
            body,
            path: authenticated.redacted_path(parts.uri.path()),
            instance_id,
            token_source: authenticated.source,
            encoding,
        })
    }
}

/// Whether the `Content-Type` is `application/json`, ignoring case and parameters.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// Reads the body as received, refusing more than `limit` bytes: from `Content-Length` before
/// reading, or while reading (a chunked body).
async fn read_body(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Bytes, WebhookRejection> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| usize::try_from(length).map_or(true, |l| l > limit)) {
        return Err(WebhookRejection::too_large(limit));
    }
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            Err(WebhookRejection::too_large(limit))
        }
        Err(error) => Err(WebhookRejection::new(
            StatusCode::BAD_REQUEST,
            format!("could not read the body: {error}"),
        )),
    }
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
            " application/json ",
        ] {
            assert!(is_json(&headers(ok)), "{ok}");
        }
        for bad in ["", "text/plain", "application/jsonx", "application/ld+json"] {
            assert!(!is_json(&headers(bad)), "{bad}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn rejection_display_and_accessors() {
        let r = WebhookRejection::too_large(10);
        assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(r.pointer(), None);
        assert!(r.to_string().starts_with("413: "));
        assert!(r.error().contains("10 bytes"));
    }
}

/// The README's example, compiled as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
