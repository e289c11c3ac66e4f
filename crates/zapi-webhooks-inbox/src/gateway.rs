//! The gateway's HTTP side: accept a delivery with the axum crate's checks, store it, and only
//! then answer 200; `GET /healthz` and `GET /metrics`.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{FromRef, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use tokio::sync::Notify;
use zapi_webhooks_axum::{WebhookConfig, ZapiWebhook, webhook_route, webhook_routes};

use crate::delivery::{Inserted, NewDelivery};
use crate::facts::Facts;
use crate::metrics::Metrics;
use crate::store::Store;
use crate::worker::Handoff;

/// Where the path-token routes are mounted: `/zapi/{instance}/{token}` and `/zapi/{token}`.
pub const PATH_TOKEN_PREFIX: &str = "/zapi";

/// What the gateway's routes share: the store, the token settings, the metrics, and the
/// worker's wake-up.
#[derive(Clone)]
pub struct Gateway {
    store: Arc<dyn Store>,
    config: WebhookConfig,
    metrics: Arc<Metrics>,
    wake: Arc<Notify>,
    handoff: Option<Handoff>,
}

impl FromRef<Gateway> for WebhookConfig {
    fn from_ref(gateway: &Gateway) -> WebhookConfig {
        gateway.config.clone()
    }
}

impl Gateway {
    /// A gateway storing into `store` what `config` lets in.
    pub fn new(store: Arc<dyn Store>, config: WebhookConfig) -> Gateway {
        Gateway {
            store,
            config,
            metrics: Arc::new(Metrics::default()),
            wake: Arc::new(Notify::new()),
            handoff: None,
        }
    }

    /// Hands new deliveries to the worker of this process as they are stored, already
    /// claimed, when it has a free place and no earlier delivery of the chat is open
    /// ([`Store::insert_claimed`]): one write per delivery fewer than a claim.
    pub fn hand_to(mut self, handoff: Handoff) -> Gateway {
        self.handoff = Some(handoff);
        self
    }

    /// The metrics, to share with the [`Worker`](crate::Worker) (`Worker::metrics`).
    pub fn metrics(&self) -> Arc<Metrics> {
        self.metrics.clone()
    }

    /// What is notified after each stored delivery, to give the worker (`Worker::wake_on`).
    pub fn wake(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    /// The routes. Deliveries: `POST /webhook` and `POST /webhook/{anything}` with the token
    /// in the header (or `?token=`, when accepted), and the axum crate's path-token routes
    /// under `/zapi` ([`webhook_routes`]: `/zapi/{instance}/{token}`, `/zapi/{token}`, and
    /// `/zapi` with the header). Each delivery is stored, then answered 200; a duplicate is
    /// answered 200 too; a store failure 503, so that Z-API retries. And `GET /healthz`, `GET
    /// /metrics` (Prometheus' text format).
    pub fn router(self) -> Router {
        let route = webhook_route(accept);
        Router::new()
            .route("/webhook", route.clone())
            .route("/webhook/{*rest}", route)
            .merge(webhook_routes(PATH_TOKEN_PREFIX, accept))
            .route("/healthz", get(healthz))
            .route("/metrics", get(metrics))
            .with_state(self)
    }

    /// Stores one authenticated delivery; what [`Gateway::router`]'s webhook routes do.
    pub async fn accept(&self, webhook: ZapiWebhook) -> Response {
        let started = Instant::now();
        let facts = Facts::of(&webhook.callback);
        let delivery = NewDelivery::new(facts, webhook.path, webhook.body);
        let slot = self.handoff.as_ref().and_then(Handoff::reserve);
        let stored = match (&self.handoff, slot) {
            (Some(handoff), Some(slot)) => {
                match self.store.insert_claimed(delivery, handoff.lease()).await {
                    Ok((inserted, Some(claimed))) => {
                        handoff.hand(claimed, slot);
                        Ok((inserted, true))
                    }
                    other => other.map(|(inserted, _)| (inserted, false)),
                }
            }
            _ => self
                .store
                .insert(delivery)
                .await
                .map(|inserted| (inserted, false)),
        };
        let answer = match stored {
            Ok((Inserted::New(id), handed)) => {
                Metrics::count(&self.metrics.stored);
                if !handed {
                    self.wake.notify_one();
                }
                json_answer(StatusCode::OK, format!("{{\"stored\":true,\"id\":{id}}}"))
            }
            Ok(_) => {
                Metrics::count(&self.metrics.duplicates);
                json_answer(
                    StatusCode::OK,
                    r#"{"stored":false,"duplicate":true}"#.to_owned(),
                )
            }
            Err(error) => {
                Metrics::count(&self.metrics.store_errors);
                eprintln!("gateway: {error}");
                let body = json!({"error": "the delivery could not be stored; try again"});
                return (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response();
            }
        };
        self.metrics.accept_latency.observe(started.elapsed());
        answer
    }
}

/// A JSON answer from its text: the gateway's answers are fixed shapes, written without
/// building a `serde_json::Value` for each.
fn json_answer(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn accept(State(gateway): State<Gateway>, webhook: ZapiWebhook) -> Response {
    gateway.accept(webhook).await
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn metrics(State(gateway): State<Gateway>) -> Response {
    let stats = gateway.store.stats().await;
    if let Err(error) = &stats {
        eprintln!("gateway: metrics without the store's counts: {error}");
    }
    let text = gateway.metrics.render(stats.as_ref().ok());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response()
}

/// Completes on Ctrl-C or, on Unix, SIGTERM: the shutdown signal of `zapi-webhooks serve` and
/// of the example receiver (give it to `axum::serve(...).with_graceful_shutdown`).
pub async fn shutdown_signal() {
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => drop(term.recv().await),
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}
