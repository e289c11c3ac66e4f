//! A Z-API webhook receiver to copy: settings from flags and the environment, the webhook
//! routes with the token in the path (`/webhook/{instance}/{token}`, `/webhook/{token}`) or in
//! a header (`/webhook`), a [`WebhookRouter`] with a handler per kind of delivery, raw bodies
//! of whatever is not fully typed kept on disk, and a graceful shutdown.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Parser;
use zapi_webhooks::{CallbackType, Kind, Origin};
use zapi_webhooks_axum::{Filter, HandlerResult, WebhookConfig, WebhookRouter, ZapiWebhook};

/// Receives Z-API webhooks on `POST /webhook/{instance}/{token}`, `/webhook/{token}` (the
/// token in the URL) and `/webhook` (the token in the `z-api-token` header).
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
    /// Where the webhook routes live: `PREFIX/{instance}/{token}`, `PREFIX/{token}`, `PREFIX`.
    #[arg(long, env = "ZAPI_RECEIVER_PREFIX", default_value = "/webhook")]
    prefix: String,
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

/// Logs what the models did not type, and keeps the raw body of such a delivery in `dir`.
async fn keep_untyped(dir: &Path, webhook: &ZapiWebhook) -> HandlerResult {
    let kind = webhook.callback.kind().as_str();
    for value in &webhook.unexpected {
        eprintln!("{}: {kind}: unexpected value {value}", webhook.path);
    }
    if !webhook.unmodeled.is_empty() {
        eprintln!(
            "{}: {kind}: unmodeled {:?}",
            webhook.path, webhook.unmodeled
        );
    }
    if kind != "unknown" && webhook.unexpected.is_empty() && webhook.unmodeled.is_empty() {
        return Ok(());
    }
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    // The sequence number keeps two deliveries of the same instant apart.
    static SEQUENCE: AtomicU64 = AtomicU64::new(0);
    let sequence = SEQUENCE.fetch_add(1, Ordering::Relaxed);
    let file = dir.join(format!("{nanos}-{sequence}-{kind}.json"));
    // A failure answers 500, so that Z-API delivers again.
    tokio::fs::write(&file, &webhook.body).await?;
    Ok(())
}

/// One handler per sort of delivery; every one keeps what is not fully typed. `webhook.path`
/// never holds the token, so it is safe to log.
fn router(dir: PathBuf) -> WebhookRouter {
    let handler = |what: &'static str| {
        let dir = Arc::new(dir.clone());
        move |webhook: ZapiWebhook| {
            let dir = Arc::clone(&dir);
            async move {
                let key = webhook.callback.dedupe_key();
                eprintln!("{}: {what} {key}", webhook.path);
                keep_untyped(&dir, &webhook).await
            }
        }
    };
    WebhookRouter::new()
        // "Notify sent by me": our own messages sent through the API come back. A bot skips them.
        .on(
            Filter::origin(Origin::Api),
            handler("echo of a message sent through the API"),
        )
        .on(
            Filter::origin(Origin::Device),
            handler("message typed on the phone"),
        )
        .on_kind(Kind::Notification, handler("notification"))
        .on(Filter::callback(CallbackType::Received), handler("message"))
        .on_callback(CallbackType::MessageStatus, handler("status"))
        .fallback(handler("other delivery"))
        .on_error(|error| eprintln!("{error}"))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let settings = Settings::parse();
    let config = config(&settings)?;
    tokio::fs::create_dir_all(&settings.unknown_dir).await?;
    let app = router(settings.unknown_dir.clone())
        .into_router(&settings.prefix)
        .with_state(config);
    let listener = tokio::net::TcpListener::bind(settings.listen).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(stop())
        .await?;
    Ok(())
}

/// Ctrl-C or SIGTERM: requests in flight finish, then the server stops.
async fn stop() {
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
