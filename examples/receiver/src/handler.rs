//! Handing parsed callbacks to the application: [`Webhook`] and [`WebhookHandler`].

use std::fmt;

use axum::body::Bytes;
use axum::http::StatusCode;
use tokio::sync::mpsc;
use zapi_webhooks::{Callback, UnexpectedValue};

/// One accepted delivery, as handed to the [`WebhookHandler`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Webhook {
    /// The request path it was posted to (e.g. `/webhook/received`): lets one server tell
    /// apart the URLs configured for different callbacks or instances.
    pub path: String,
    /// The parsed body.
    pub callback: Callback,
    /// JSON pointers of the keys no model knows (see [`Callback::unmodeled`]).
    pub unmodeled: Vec<String>,
    /// The values kept although their JSON type is not the one the models expect (e.g.
    /// `"fromMe": "true"`), with their JSON pointers (see [`Callback::unexpected`]). The
    /// model keeps them verbatim ([`zapi_webhooks::Field::Unexpected`],
    /// [`zapi_webhooks::Content::Unexpected`]) and the raw body was kept (see
    /// [`crate::KeepReason::UnexpectedValues`]).
    pub unexpected: Vec<UnexpectedValue>,
    /// Where the raw body was kept, if it was (see [`crate::RawSink`]).
    pub kept: Option<String>,
    /// The request body, byte for byte.
    pub body: Bytes,
}

/// Why a [`WebhookHandler`] did not take a delivery. The server answers with
/// [`HandlerError::status`], so the sender learns that the delivery failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HandlerError {
    /// The handler is overloaded (e.g. its queue is full): 503 with `Retry-After`.
    Busy,
    /// The handler has stopped (e.g. the receiving end of its channel is gone): 503.
    Closed,
    /// The handler failed for another reason: 500 with this message.
    Failed(String),
}

impl HandlerError {
    /// The HTTP status the server answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            HandlerError::Busy | HandlerError::Closed => StatusCode::SERVICE_UNAVAILABLE,
            HandlerError::Failed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl fmt::Display for HandlerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandlerError::Busy => f.write_str("the handler is busy; try again later"),
            HandlerError::Closed => f.write_str("the handler has stopped"),
            HandlerError::Failed(message) => write!(f, "the handler failed: {message}"),
        }
    }
}

impl std::error::Error for HandlerError {}

/// Receives every accepted delivery, after its raw body was kept (if it had to be).
///
/// It is called on the request's task and must not block: hand the work off (the
/// [`mpsc::Sender`] implementation does exactly that) and return. Implemented for:
///
/// * `tokio::sync::mpsc::Sender<Webhook>`: queues with `try_send`; a full queue gives
///   [`HandlerError::Busy`], a closed one [`HandlerError::Closed`]. Consume the receiver in
///   your own task, where async work is fine.
/// * any `Fn(Webhook) -> Result<(), HandlerError> + Send + Sync + 'static` closure.
///
/// ```
/// use zapi_webhooks_receiver::{Config, HandlerError, MemorySink, Webhook};
///
/// let config = Config::new(
///     |webhook: Webhook| -> Result<(), HandlerError> {
///         println!("{} on {}", webhook.callback.kind_name(), webhook.path);
///         Ok(())
///     },
///     MemorySink::new(100),
/// );
/// let _app = zapi_webhooks_receiver::router(config);
/// ```
pub trait WebhookHandler: Send + Sync + 'static {
    /// Takes one delivery.
    fn handle(&self, webhook: Webhook) -> Result<(), HandlerError>;
}

impl WebhookHandler for mpsc::Sender<Webhook> {
    fn handle(&self, webhook: Webhook) -> Result<(), HandlerError> {
        self.try_send(webhook).map_err(|err| match err {
            mpsc::error::TrySendError::Full(_) => HandlerError::Busy,
            mpsc::error::TrySendError::Closed(_) => HandlerError::Closed,
        })
    }
}

impl<F> WebhookHandler for F
where
    F: Fn(Webhook) -> Result<(), HandlerError> + Send + Sync + 'static,
{
    fn handle(&self, webhook: Webhook) -> Result<(), HandlerError> {
        self(webhook)
    }
}
