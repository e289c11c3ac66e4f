//! A Z-API webhook receiver to copy: settings from flags and the environment, the webhook
//! routes with the token in the path (`/webhook/{instance}/{token}`, `/webhook/{token}`) or in
//! a header (`/webhook`), a [`WebhookRouter`] with a handler per kind of delivery, raw bodies
//! of whatever is not fully typed kept on disk, and a graceful shutdown. With `--inbox`, the
//! in-process form of `zapi-webhooks-inbox`: each delivery is stored before its 200 and its
//! raw body handled afterwards, at least once.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Parser;
use zapi_webhooks::diagnostics::UnexpectedValue;
use zapi_webhooks::inspect::Inspector;
use zapi_webhooks::{CallbackType, Kind, Origin};
use zapi_webhooks_axum::{Filter, HandlerResult, WebhookConfig, WebhookRouter, ZapiWebhook};
use zapi_webhooks_inbox::{Delivery, Gateway, Worker, handler_fn, shutdown_signal};

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
    /// Store each delivery in this inbox (`sqlite:PATH` or `postgres://URL`) before answering
    /// 200, and handle it afterwards (retried on failure) instead of before the answer. The
    /// routes are then the inbox gateway's: `/webhook` and `/webhook/...` with the token in
    /// the header, `/zapi/{instance}/{token}` and `/zapi/{token}` (--prefix does not apply).
    #[arg(long, env = "ZAPI_RECEIVER_INBOX", hide_env_values = true)]
    inbox: Option<String>,
    /// Log a line for every delivery (its path, what it is, its dedupe key), not only for those
    /// the models did not fully type.
    #[arg(short, long, env = "ZAPI_RECEIVER_VERBOSE")]
    verbose: bool,
}

/// Writes one line to stderr in a single write. Stderr is unbuffered: `eprintln!` writes each
/// piece of its format on its own (five system calls for a line of three values), which cost
/// this receiver a quarter of its CPU time when it logged every delivery.
fn log(line: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    let mut text = line.to_string();
    text.push('\n');
    // A log line that cannot be written is not worth failing a delivery for.
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
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
    let (unexpected, unmodeled) = (webhook.unexpected(), webhook.unmodeled());
    keep(
        dir,
        &webhook.path,
        kind,
        &unexpected,
        &unmodeled,
        &webhook.body,
    )
    .await?;
    Ok(())
}

/// The same for a delivery the inbox stored: only its body was kept, so it is read again.
async fn keep_stored(dir: &Path, delivery: Delivery, verbose: bool) -> std::io::Result<()> {
    let report = Inspector::models_only().inspect(&delivery.body);
    let kind = report
        .model
        .as_ref()
        .map_or("unknown", |c| c.kind().as_str());
    if verbose {
        log(format_args!(
            "{}: stored {}",
            delivery.path, delivery.dedupe_key
        ));
    }
    let (unexpected, unmodeled) = (&report.unexpected, &report.unmodeled);
    keep(
        dir,
        &delivery.path,
        kind,
        unexpected,
        unmodeled,
        &delivery.body,
    )
    .await
}

/// Logs the values of an unexpected type and the unmodeled keys, and keeps the raw body of
/// a delivery that has any, or is of an unknown kind.
async fn keep(
    dir: &Path,
    path: &str,
    kind: &str,
    unexpected: &[UnexpectedValue],
    unmodeled: &[String],
    body: &[u8],
) -> std::io::Result<()> {
    for value in unexpected {
        log(format_args!("{path}: {kind}: unexpected value {value}"));
    }
    if !unmodeled.is_empty() {
        log(format_args!("{path}: {kind}: unmodeled {unmodeled:?}"));
    }
    if kind != "unknown" && unexpected.is_empty() && unmodeled.is_empty() {
        return Ok(());
    }
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    // The sequence number keeps two deliveries of the same instant apart.
    static SEQUENCE: AtomicU64 = AtomicU64::new(0);
    let sequence = SEQUENCE.fetch_add(1, Ordering::Relaxed);
    let file = dir.join(format!("{nanos}-{sequence}-{kind}.json"));
    // A failure answers 500 (or, from the inbox, retries), so that nothing is lost.
    tokio::fs::write(&file, body).await
}

/// One handler per sort of delivery; every one keeps what is not fully typed, and with
/// `verbose` logs the delivery. `webhook.path` never holds the token, so it is safe to log.
fn router(dir: PathBuf, verbose: bool) -> WebhookRouter {
    let handler = |what: &'static str| {
        let dir = Arc::new(dir.clone());
        move |webhook: ZapiWebhook| {
            let dir = Arc::clone(&dir);
            async move {
                if verbose {
                    let key = webhook.callback.dedupe_key();
                    log(format_args!("{}: {what} {key}", webhook.path));
                }
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
        .on_error(|error| log(format_args!("{error}")))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let settings = Settings::parse();
    let config = config(&settings)?;
    tokio::fs::create_dir_all(&settings.unknown_dir).await?;
    let listener = tokio::net::TcpListener::bind(settings.listen).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    let Some(inbox) = &settings.inbox else {
        let app = router(settings.unknown_dir.clone(), settings.verbose)
            .into_router(&settings.prefix)
            .with_state(config);
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        return Ok(());
    };
    // The inbox: the gateway's routes store, a worker handles what was stored.
    let store = zapi_webhooks_inbox::open(inbox).await?;
    let gateway = Gateway::new(store.clone(), config);
    let dir = Arc::new(settings.unknown_dir.clone());
    let verbose = settings.verbose;
    let handler = handler_fn(move |delivery| {
        let dir = Arc::clone(&dir);
        async move { keep_stored(&dir, delivery, verbose).await }
    });
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
