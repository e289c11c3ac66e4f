//! A Z-API webhook receiver to copy: settings from flags and the environment, one route with
//! the [`ZapiWebhook`] extractor (token check, gzip/deflate, size limit, typed callback), raw
//! bodies of whatever is not fully typed kept on disk, and a graceful shutdown. With
//! `--inbox`, the in-process form of `zapi-webhooks-inbox`: each delivery is stored before its
//! 200 and handled afterwards, at least once, by the same code.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::http::StatusCode;
use clap::Parser;
use zapi_webhooks::UnexpectedValue;
use zapi_webhooks::inspect::Inspector;
use zapi_webhooks_axum::{WebhookConfig, ZapiWebhook, webhook_route};
use zapi_webhooks_inbox::{Delivery, Gateway, Worker, handler_fn, shutdown_signal};

/// Receives Z-API webhooks on `POST /webhook` (and `/webhook/<anything>`).
#[derive(Debug, Parser)]
#[command(version)]
struct Settings {
    /// Address to listen on.
    #[arg(
        long = "addr",
        alias = "listen",
        env = "ZAPI_RECEIVER_ADDR",
        default_value = "127.0.0.1:8080"
    )]
    listen: SocketAddr,
    /// The token Z-API sends in `z-api-token`: one token, or `INSTANCE=TOKEN` pairs separated
    /// by commas for several instances. Required unless --insecure-no-token.
    #[arg(long, env = "ZAPI_WEBHOOK_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Also accept the token as `?token=` in the URL.
    #[arg(long, env = "ZAPI_RECEIVER_QUERY_TOKEN")]
    query_token: bool,
    /// Accept deliveries without any token (local tests only).
    #[arg(long)]
    insecure_no_token: bool,
    /// Largest body accepted, once decoded: bytes, or with a KiB/MiB suffix; larger ones get 413.
    #[arg(long, env = "ZAPI_RECEIVER_BODY_LIMIT", default_value = "1MiB", value_parser = size)]
    body_limit: usize,
    /// Where the raw bodies of payloads that are not fully typed are written (unknown callback
    /// or kind, values of an unexpected JSON type, unmodeled keys).
    #[arg(
        long,
        env = "ZAPI_RECEIVER_UNKNOWN_DIR",
        default_value = "unknown-payloads"
    )]
    unknown_dir: PathBuf,
    /// Store each delivery in this inbox (`sqlite:PATH` or `postgres://URL`) before answering
    /// 200, and handle it afterwards (retried on failure) instead of before the answer.
    #[arg(long, env = "ZAPI_RECEIVER_INBOX", hide_env_values = true)]
    inbox: Option<String>,
}

/// `4096`, `512KiB` or `2MiB`.
fn size(text: &str) -> Result<usize, String> {
    let (number, unit) = match (text.strip_suffix("MiB"), text.strip_suffix("KiB")) {
        (Some(number), _) => (number, 1 << 20),
        (_, Some(number)) => (number, 1 << 10),
        _ => (text, 1),
    };
    let number: Option<usize> = number.trim().parse().ok();
    number
        .and_then(|number| number.checked_mul(unit))
        .ok_or_else(|| format!("not a size: {text:?} (use bytes, KiB or MiB)"))
}

/// The token settings as a [`WebhookConfig`].
fn config(settings: &Settings) -> Result<WebhookConfig, String> {
    let config = match (&settings.token, settings.insecure_no_token) {
        (Some(tokens), false) => WebhookConfig::from_tokens(tokens).map_err(|e| e.to_string())?,
        (None, true) => WebhookConfig::insecure_no_token(),
        (Some(_), true) => return Err("--token and --insecure-no-token exclude each other".into()),
        (None, false) => return Err("give --token (or ZAPI_WEBHOOK_TOKEN)".into()),
    };
    Ok(config
        .accept_query_token(settings.query_token)
        .body_limit(settings.body_limit))
}

/// Handles one delivery: logs it, and keeps its raw body when the models did not type all of
/// it. Every authenticated JSON object is answered 200.
async fn receive(dir: PathBuf, webhook: ZapiWebhook) -> StatusCode {
    let kind = webhook.callback.kind_name();
    match keep(
        &dir,
        &webhook.path,
        kind,
        &webhook.unexpected,
        &webhook.unmodeled,
        &webhook.body,
    )
    .await
    {
        Ok(()) => StatusCode::OK,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The same work for a delivery from the inbox, which stored only the body: read again.
async fn handle_stored(dir: PathBuf, delivery: Delivery) -> Result<(), String> {
    let report = Inspector::models_only().inspect(&delivery.body);
    let kind = report.model.as_ref().map_or("unknown", |c| c.kind_name());
    keep(
        &dir,
        &delivery.path,
        kind,
        &report.unexpected,
        &report.unmodeled,
        &delivery.body,
    )
    .await
}

/// Logs what the models did not type, and keeps the raw body of such a delivery.
async fn keep(
    dir: &std::path::Path,
    path: &str,
    kind: &str,
    unexpected: &[UnexpectedValue],
    unmodeled: &[String],
    body: &[u8],
) -> Result<(), String> {
    let unknown = kind == "unknown";
    for value in unexpected {
        eprintln!("{path}: {kind}: unexpected value {value}");
    }
    if !unmodeled.is_empty() {
        eprintln!("{path}: {kind}: unmodeled {unmodeled:?}");
    }
    if unknown || !unexpected.is_empty() || !unmodeled.is_empty() {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        // The sequence number keeps two deliveries of the same instant apart.
        static SEQUENCE: AtomicU64 = AtomicU64::new(0);
        let sequence = SEQUENCE.fetch_add(1, Ordering::Relaxed);
        let file = dir.join(format!("{nanos}-{sequence}-{kind}.json"));
        if let Err(error) = tokio::fs::write(&file, body).await {
            let error = format!("could not keep the raw body in {}: {error}", file.display());
            eprintln!("{path}: {error}");
            return Err(error);
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let settings = Settings::parse();
    let config = config(&settings)?;
    tokio::fs::create_dir_all(&settings.unknown_dir).await?;
    let dir = settings.unknown_dir.clone();
    let listener = tokio::net::TcpListener::bind(settings.listen).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    let Some(inbox) = &settings.inbox else {
        let route = webhook_route(move |webhook: ZapiWebhook| receive(dir.clone(), webhook));
        let app = Router::new()
            .route("/webhook", route.clone())
            .route("/webhook/{*rest}", route)
            .with_state(config);
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        return Ok(());
    };
    // The inbox: the gateway's routes store, a worker handles what was stored.
    let store = zapi_webhooks_inbox::open(inbox).await?;
    let gateway = Gateway::new(store.clone(), config);
    let handler = handler_fn(move |delivery| handle_stored(dir.clone(), delivery));
    let worker = Worker::new(store, handler)
        .metrics(gateway.metrics())
        .wake_on(gateway.wake());
    let (stop_worker, worker_stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(worker.run(async {
        let _ = worker_stopped.await;
    }));
    axum::serve(listener, gateway.router())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    // Every accepted delivery is stored; let the handling under way finish.
    let _ = stop_worker.send(());
    worker.await?;
    Ok(())
}
