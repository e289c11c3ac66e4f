//! [`WebhookRouter`]: handlers per callback type, message kind or any [`Filter`], a fallback
//! and an error hook, mounted on the webhook routes ([`webhook_routes`]) of a plain
//! `axum::Router`.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::FromRef;
use axum::handler::Handler;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use zapi_webhooks::{
    Callback, CallbackType, ChatKind, Content, DedupeKey, Kind, MessageStatus, Origin,
};

use crate::{
    PATH_INSTANCE_PARAMETER, PATH_TOKEN_PARAMETER, WebhookConfig, WebhookRejection, ZapiWebhook,
    webhook_route,
};

/// The error a handler may return: any error, boxed.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// What a [`WebhookRouter`] handler returns: `Ok(())` answers 200; an error answers 500 (so
/// that Z-API delivers again) after the [error hook](WebhookRouter::on_error) saw it.
pub type HandlerResult = Result<(), BoxError>;

type BoxFuture = Pin<Box<dyn Future<Output = HandlerResult> + Send>>;
type DynHandler = Arc<dyn Fn(ZapiWebhook) -> BoxFuture + Send + Sync>;
type DynTest = Arc<dyn Fn(&Callback) -> bool + Send + Sync>;
type ErrorHook = Arc<dyn Fn(&RouterError) + Send + Sync>;

/// A question about a delivery, for [`WebhookRouter::on`]: built from the constructors and
/// combined with [`Filter::and`], [`Filter::or`] and [`Filter::not`]. Its name
/// ([`Filter::name`], also its `Debug`) spells it out, e.g. `kind(text) and chat(group)`.
///
/// Filters about a received message (kind, chat, origin, notification) are false for every
/// other callback.
///
/// ```
/// use zapi_webhooks::{Callback, ChatKind, Kind};
/// use zapi_webhooks_axum::Filter;
///
/// let filter = Filter::kind(Kind::Text).and(Filter::chat(ChatKind::Group)).and(Filter::from_me().not());
/// assert_eq!(filter.name(), "kind(text) and chat(group) and not(from_me)");
/// let body = br#"{"type":"ReceivedCallback","phone":"1203-group","fromMe":false,"text":{"message":"hi"}}"#;
/// assert!(filter.matches(&Callback::from_slice(body)?));
/// # Ok::<(), zapi_webhooks::ParseError>(())
/// ```
#[derive(Clone)]
pub struct Filter {
    name: String,
    test: DynTest,
}

impl Filter {
    /// A filter with a name of your own, for any question about the callback.
    pub fn custom(
        name: impl Into<String>,
        test: impl Fn(&Callback) -> bool + Send + Sync + 'static,
    ) -> Filter {
        Filter {
            name: name.into(),
            test: Arc::new(test),
        }
    }

    /// Every callback.
    pub fn any() -> Filter {
        Filter::custom("any", |_| true)
    }

    /// Callbacks of this type (`ReceivedCallback`, `MessageStatusCallback`, ...).
    pub fn callback(callback_type: CallbackType) -> Filter {
        Filter::custom(format!("callback({callback_type})"), move |callback| {
            callback.callback_type() == Some(callback_type)
        })
    }

    /// Callbacks whose `type` this crate does not know, or that have none.
    pub fn unknown_callback() -> Filter {
        Filter::custom("unknown_callback", |callback| {
            callback.callback_type().is_none()
        })
    }

    /// Received messages of this kind ([`zapi_webhooks::ReceivedCallback::kind`]).
    pub fn kind(kind: Kind) -> Filter {
        Filter::custom(format!("kind({kind})"), move |callback| {
            callback.message_kind() == Some(kind)
        })
    }

    /// Received notifications with this value (`GROUP_PARTICIPANT_ADD`, `CALL_VOICE`, ...: the
    /// value as sent, known to this crate or not).
    pub fn notification(value: impl Into<String>) -> Filter {
        let value = value.into();
        Filter::custom(format!("notification({value})"), move |callback| {
            notification_value(callback) == Some(value.as_str())
        })
    }

    /// Received notifications of any value.
    pub fn any_notification() -> Filter {
        Filter::kind(Kind::Notification)
    }

    /// Received messages of this sort of chat: direct, group, newsletter or broadcast (see
    /// `zapi_webhooks::Chat::kind` for how it is decided).
    pub fn chat(chat: ChatKind) -> Filter {
        Filter::custom(format!("chat({chat})"), move |callback| {
            callback
                .as_received()
                .is_some_and(|msg| msg.chat().kind() == chat)
        })
    }

    /// Received messages the instance sent itself (`fromMe` is `true`); `.not()` for the
    /// others.
    pub fn from_me() -> Filter {
        Filter::custom("from_me", |callback| {
            callback
                .as_received()
                .and_then(|msg| msg.origin())
                .is_some_and(Origin::is_me)
        })
    }

    /// Received messages of this origin: a contact, the API, or a device of the instance's
    /// number ([`zapi_webhooks::ReceivedCallback::origin`]).
    pub fn origin(origin: Origin) -> Filter {
        Filter::custom(format!("origin({origin})"), move |callback| {
            callback.as_received().and_then(|msg| msg.origin()) == Some(origin)
        })
    }

    /// Message-status callbacks with this status (the value as sent).
    pub fn status(status: MessageStatus) -> Filter {
        Filter::custom(
            format!("status({status})"),
            move |callback| match callback {
                Callback::MessageStatus(update) => update.status.get() == Some(&status),
                _ => false,
            },
        )
    }

    /// Both filters.
    pub fn and(self, other: Filter) -> Filter {
        let name = format!("{} and {}", self.name, other.name);
        Filter::custom(name, move |callback| {
            self.matches(callback) && other.matches(callback)
        })
    }

    /// Either filter.
    pub fn or(self, other: Filter) -> Filter {
        let name = format!("({} or {})", self.name, other.name);
        Filter::custom(name, move |callback| {
            self.matches(callback) || other.matches(callback)
        })
    }

    /// The opposite.
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Filter {
        let name = format!("not({})", self.name);
        Filter::custom(name, move |callback| !self.matches(callback))
    }

    /// Whether the callback passes.
    pub fn matches(&self, callback: &Callback) -> bool {
        (self.test)(callback)
    }

    /// What the filter asks, in words.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Debug for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Filter({})", self.name)
    }
}

fn notification_value(callback: &Callback) -> Option<&str> {
    match &callback.as_received()?.content {
        Content::Notification(value) => Some(value.as_str()),
        _ => None,
    }
}

/// Something that went wrong while a [`WebhookRouter`] handled a request: what the
/// [error hook](WebhookRouter::on_error) is given. Never holds a token.
#[derive(Debug)]
#[non_exhaustive]
pub enum RouterError {
    /// The request was refused before any handler ran (401, 400, 413, ...), with the answer
    /// it got.
    Rejected(WebhookRejection),
    /// A handler returned an error; the answer was 500.
    Handler {
        /// The route's filter name (`kind(text)`), or `fallback`.
        route: String,
        /// The delivery's kind name ([`Callback::kind_name`]).
        kind: &'static str,
        /// The delivery's dedupe key.
        dedupe_key: DedupeKey,
        /// The request's path, a path token redacted ([`ZapiWebhook::path`]).
        path: String,
        /// What the handler returned.
        error: BoxError,
    },
}

impl fmt::Display for RouterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RouterError::Rejected(rejection) => write!(f, "refused: {rejection}"),
            RouterError::Handler {
                route,
                kind,
                dedupe_key,
                path,
                error,
            } => write!(
                f,
                "handler {route} failed on {kind} {dedupe_key} at {path}: {error}"
            ),
        }
    }
}

impl std::error::Error for RouterError {}

struct Route {
    filter: Filter,
    handler: DynHandler,
}

/// Handlers for what Z-API delivers, chosen by callback type, message kind or any
/// [`Filter`]: the first route whose filter matches handles the delivery, in the order they
/// were added; when none matches, the [fallback](WebhookRouter::fallback) does (unknown
/// callback types and kinds land there too); without a fallback the delivery is answered 200
/// and dropped.
///
/// It is plain axum: [`WebhookRouter::into_router`] gives an `axum::Router<S>` with the
/// webhook routes ([`webhook_routes`]: the path-token forms and the header form), which you
/// merge, nest or layer like any router; [`WebhookRouter::dispatch`] runs it on a
/// [`ZapiWebhook`] you extracted yourself.
///
/// ```no_run
/// use zapi_webhooks::{CallbackType, ChatKind, Kind, Origin};
/// use zapi_webhooks_axum::{Filter, HandlerResult, WebhookConfig, WebhookRouter, ZapiWebhook};
///
/// async fn on_text(webhook: ZapiWebhook) -> HandlerResult {
///     let msg = webhook.callback.as_received().ok_or("not a message")?;
///     println!("{:?} says {:?}", msg.sender_key(), msg.text());
///     Ok(())
/// }
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let app = WebhookRouter::new()
///     // The instance's own messages, sent through the API: ignore the echo.
///     .on(Filter::origin(Origin::Api), |_| async { Ok(()) })
///     .on(Filter::kind(Kind::Text).and(Filter::chat(ChatKind::Group)), on_text)
///     .on_kind(Kind::Text, on_text)
///     .on_notification("GROUP_PARTICIPANT_ADD", |_| async { Ok(()) })
///     .on_callback(CallbackType::MessageStatus, |_| async { Ok(()) })
///     .fallback(|webhook| async move {
///         eprintln!("not handled: {}", webhook.callback.kind_name());
///         Ok(())
///     })
///     .on_error(|error| eprintln!("{error}"))
///     .into_router("/zapi")
///     .with_state(WebhookConfig::from_tokens(&std::env::var("ZAPI_WEBHOOK_TOKEN")?)?);
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// axum::serve(listener, app).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Default)]
pub struct WebhookRouter {
    routes: Vec<Route>,
    fallback: Option<DynHandler>,
    on_error: Option<ErrorHook>,
}

impl WebhookRouter {
    /// A router without routes: every delivery is answered 200 and dropped.
    pub fn new() -> WebhookRouter {
        WebhookRouter::default()
    }

    /// Adds a route: deliveries that pass `filter` (and no earlier route's) go to `handler`.
    pub fn on<H, F>(mut self, filter: Filter, handler: H) -> WebhookRouter
    where
        H: Fn(ZapiWebhook) -> F + Send + Sync + 'static,
        F: Future<Output = HandlerResult> + Send + 'static,
    {
        self.routes.push(Route {
            filter,
            handler: boxed(handler),
        });
        self
    }

    /// A route for a callback type: [`Filter::callback`].
    pub fn on_callback<H, F>(self, callback_type: CallbackType, handler: H) -> WebhookRouter
    where
        H: Fn(ZapiWebhook) -> F + Send + Sync + 'static,
        F: Future<Output = HandlerResult> + Send + 'static,
    {
        self.on(Filter::callback(callback_type), handler)
    }

    /// A route for a message kind: [`Filter::kind`].
    pub fn on_kind<H, F>(self, kind: Kind, handler: H) -> WebhookRouter
    where
        H: Fn(ZapiWebhook) -> F + Send + Sync + 'static,
        F: Future<Output = HandlerResult> + Send + 'static,
    {
        self.on(Filter::kind(kind), handler)
    }

    /// A route for a notification value: [`Filter::notification`].
    pub fn on_notification<H, F>(self, value: impl Into<String>, handler: H) -> WebhookRouter
    where
        H: Fn(ZapiWebhook) -> F + Send + Sync + 'static,
        F: Future<Output = HandlerResult> + Send + 'static,
    {
        self.on(Filter::notification(value), handler)
    }

    /// The handler of every delivery no route took, unknown callbacks and kinds included.
    pub fn fallback<H, F>(mut self, handler: H) -> WebhookRouter
    where
        H: Fn(ZapiWebhook) -> F + Send + Sync + 'static,
        F: Future<Output = HandlerResult> + Send + 'static,
    {
        self.fallback = Some(boxed(handler));
        self
    }

    /// Called with every [`RouterError`]: a refused request (before any handler ran) or a
    /// handler's error. It cannot change the answer; it is where to log or count.
    pub fn on_error(
        mut self,
        hook: impl Fn(&RouterError) + Send + Sync + 'static,
    ) -> WebhookRouter {
        self.on_error = Some(Arc::new(hook));
        self
    }

    /// The name of the route that would handle `callback` (its filter's name), `fallback`, or
    /// `None` when the delivery would be dropped.
    pub fn route_for(&self, callback: &Callback) -> Option<&str> {
        match self.routes.iter().find(|r| r.filter.matches(callback)) {
            Some(route) => Some(route.filter.name()),
            None => self.fallback.as_ref().map(|_| "fallback"),
        }
    }

    /// Runs the delivery through the routes: 200 when its handler succeeds (or no handler
    /// took it), 500 when the handler fails (after the error hook).
    pub async fn dispatch(&self, webhook: ZapiWebhook) -> Response {
        let chosen = self
            .routes
            .iter()
            .find(|r| r.filter.matches(&webhook.callback))
            .map(|r| (r.filter.name().to_owned(), r.handler.clone()))
            .or_else(|| {
                self.fallback
                    .clone()
                    .map(|handler| ("fallback".to_owned(), handler))
            });
        let Some((route, handler)) = chosen else {
            return StatusCode::OK.into_response();
        };
        let kind = webhook.callback.kind_name();
        let dedupe_key = webhook.callback.dedupe_key();
        let path = webhook.path.clone();
        match handler(webhook).await {
            Ok(()) => StatusCode::OK.into_response(),
            Err(error) => {
                self.report(&RouterError::Handler {
                    route,
                    kind,
                    dedupe_key,
                    path,
                    error,
                });
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(json!({"error": "the handler failed", "pointer": null})),
                )
                    .into_response()
            }
        }
    }

    /// [`WebhookRouter::dispatch`] for an extraction that may have failed: a rejection goes to
    /// the error hook and is answered as it is.
    pub async fn answer(&self, extracted: Result<ZapiWebhook, WebhookRejection>) -> Response {
        match extracted {
            Ok(webhook) => self.dispatch(webhook).await,
            Err(rejection) => {
                let error = RouterError::Rejected(rejection);
                self.report(&error);
                match error {
                    RouterError::Rejected(rejection) => rejection.into_response(),
                    RouterError::Handler { .. } => {
                        StatusCode::INTERNAL_SERVER_ERROR.into_response()
                    }
                }
            }
        }
    }

    fn report(&self, error: &RouterError) {
        if let Some(hook) = &self.on_error {
            hook(error);
        }
    }

    /// The webhook routes under `prefix` ([`webhook_routes`]), answered by this router. The
    /// state `S` gives the [`WebhookConfig`] (`S` is `WebhookConfig` itself, or any state with
    /// `impl FromRef<S> for WebhookConfig`): finish with `.with_state(...)`.
    pub fn into_router<S>(self, prefix: &str) -> Router<S>
    where
        S: Clone + Send + Sync + 'static,
        WebhookConfig: FromRef<S>,
    {
        let router = Arc::new(self);
        webhook_routes(
            prefix,
            move |extracted: Result<ZapiWebhook, WebhookRejection>| {
                let router = Arc::clone(&router);
                async move { router.answer(extracted).await }
            },
        )
    }
}

impl fmt::Debug for WebhookRouter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookRouter")
            .field(
                "routes",
                &self
                    .routes
                    .iter()
                    .map(|r| r.filter.name())
                    .collect::<Vec<_>>(),
            )
            .field("fallback", &self.fallback.is_some())
            .field("on_error", &self.on_error.is_some())
            .finish()
    }
}

fn boxed<H, F>(handler: H) -> DynHandler
where
    H: Fn(ZapiWebhook) -> F + Send + Sync + 'static,
    F: Future<Output = HandlerResult> + Send + 'static,
{
    Arc::new(move |webhook| Box::pin(handler(webhook)))
}

/// The webhook routes under `prefix` (`/zapi`, say; `""` or `/` for the root), each a
/// [`webhook_route`] calling `handler`:
///
/// | route | the token | the instance (per-instance tokens) |
/// |---|---|---|
/// | `{prefix}/{instance}/{token}` | the path's last segment | the path's `{instance}` |
/// | `{prefix}/{token}` | the path's last segment | the one whose token it is |
/// | `{prefix}` | the header (or `?token=`, when accepted) | the one whose token it is |
///
/// A route with `{token}` is authenticated by the path alone, so under these routes a path
/// such as `/zapi/received` means the token `received`: with the header form, give Z-API the
/// bare `{prefix}` URL. The handler is any axum handler whose last argument extracts a
/// [`ZapiWebhook`] (or `Result<ZapiWebhook, WebhookRejection>`); its state `S` must give a
/// [`WebhookConfig`].
///
/// ```
/// use axum::http::StatusCode;
/// use zapi_webhooks_axum::{WebhookConfig, ZapiWebhook, webhook_routes};
///
/// async fn receive(webhook: ZapiWebhook) -> StatusCode {
///     println!("{} via {:?}", webhook.callback.dedupe_key(), webhook.token_source);
///     StatusCode::OK
/// }
///
/// let app: axum::Router = webhook_routes("/zapi", receive)
///     .with_state(WebhookConfig::token("F1b2C3d4E5f6A7b8C9d0E1f2"));
/// ```
pub fn webhook_routes<H, T, S>(prefix: &str, handler: H) -> Router<S>
where
    H: Handler<T, S> + Clone,
    T: 'static,
    S: Clone + Send + Sync + 'static,
{
    let prefix = prefix.trim_end_matches('/');
    let prefix = if prefix.starts_with('/') || prefix.is_empty() {
        prefix.to_owned()
    } else {
        format!("/{prefix}")
    };
    let root = if prefix.is_empty() { "/" } else { &prefix };
    let route = webhook_route(handler);
    Router::new()
        .route(root, route.clone())
        .route(
            &format!("{prefix}/{{{PATH_TOKEN_PARAMETER}}}"),
            route.clone(),
        )
        .route(
            &format!("{prefix}/{{{PATH_INSTANCE_PARAMETER}}}/{{{PATH_TOKEN_PARAMETER}}}"),
            route,
        )
}
