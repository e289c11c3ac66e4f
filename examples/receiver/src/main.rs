//! A Z-API webhook receiver to copy: settings from flags and the environment, the webhook
//! routes with the token in the path (`/webhook/{instance}/{token}`, `/webhook/{token}`) or in
//! a header (`/webhook`), a [`WebhookRouter`] with a handler per kind of delivery, raw bodies
//! of whatever is not fully typed kept on disk, and a graceful shutdown. With `--inbox`, the
//! in-process form of `zapi-webhooks-inbox`: each delivery is stored before its 200 and its
//! raw body handled afterwards, at least once.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// The folder where the raw bodies of payloads that are not fully typed (unknown callback
    /// or kind, values of an unexpected JSON type, unmodeled keys) are kept: appended to
    /// `untyped.ndjson` in it, one body per line.
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

/// The file in `--unknown-dir` that keeps the raw bodies of what the models did not fully type.
const UNTYPED_FILE: &str = "untyped.ndjson";

/// Where the bodies of deliveries the models did not fully type are kept: appended to
/// [`UNTYPED_FILE`], one body per line, a capture `zapi-webhooks validate` reads as it is.
///
/// One file opened once, not a file per delivery: creating a file costs a path lookup and a
/// new inode, which on a file system with many recently deleted files took ext4 longer than
/// the rest of the request (13 % of the receiver's CPU in `bench/load.sh`, where 1 payload in
/// 150 is kept). Each body is one `write` of one line, in append mode, under a lock: lines from
/// concurrent deliveries never interleave, nor do those of two receivers sharing the folder.
struct Untyped {
    file: std::sync::Mutex<std::fs::File>,
}

impl Untyped {
    /// Opens (or creates) [`UNTYPED_FILE`] in `dir`, which must exist.
    fn open(dir: &Path) -> std::io::Result<Untyped> {
        let path = dir.join(UNTYPED_FILE);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        Ok(Untyped {
            file: std::sync::Mutex::new(file),
        })
    }

    /// Appends `body` as one line. A JSON text holds a line break only as whitespace between
    /// tokens (a string cannot hold one unescaped): each CR or LF becomes a space, which leaves
    /// the same JSON; Z-API's compact bodies are kept byte for byte. The write goes to the
    /// page cache, as the file per delivery did, and on the runtime's thread rather than one of
    /// the blocking pool (whose hand-off cost more than the write): it returns at once unless
    /// the kernel throttles writers of dirty pages, and then holds this thread's other
    /// requests for that time.
    fn append(&self, body: &[u8]) -> std::io::Result<()> {
        use std::io::Write as _;
        let mut line = Vec::with_capacity(body.len() + 1);
        line.extend(body.iter().map(|&b| match b {
            b'\n' | b'\r' => b' ',
            other => other,
        }));
        line.push(b'\n');
        let mut file = self
            .file
            .lock()
            .map_err(|_| std::io::Error::other("the untyped file's lock is poisoned"))?;
        file.write_all(&line)
    }
}

/// Logs what the models did not type, and keeps the raw body of such a delivery.
fn keep_untyped(untyped: &Untyped, webhook: &ZapiWebhook) -> HandlerResult {
    let kind = webhook.callback.kind().as_str();
    let (unexpected, unmodeled) = (webhook.unexpected(), webhook.unmodeled());
    keep(
        untyped,
        &webhook.path,
        kind,
        &unexpected,
        &unmodeled,
        &webhook.body,
    )?;
    Ok(())
}

/// The same for a delivery the inbox stored: only its body was kept, so it is read again.
fn keep_stored(untyped: &Untyped, delivery: &Delivery, verbose: bool) -> std::io::Result<()> {
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
        untyped,
        &delivery.path,
        kind,
        unexpected,
        unmodeled,
        &delivery.body,
    )
}

/// Logs the values of an unexpected type and the unmodeled keys, and keeps the raw body of
/// a delivery that has any, or is of an unknown kind. A failure to keep it answers 500 (or,
/// from the inbox, retries), so that nothing is lost.
fn keep(
    untyped: &Untyped,
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
    untyped.append(body)
}

/// One handler per sort of delivery; every one keeps what is not fully typed, and with
/// `verbose` logs the delivery. `webhook.path` never holds the token, so it is safe to log.
fn router(untyped: &Arc<Untyped>, verbose: bool) -> WebhookRouter {
    let handler = |what: &'static str| {
        let untyped = Arc::clone(untyped);
        // The work is synchronous: done before the future, which only carries the result
        // (no clone of `untyped` per delivery).
        move |webhook: ZapiWebhook| {
            if verbose {
                let key = webhook.callback.dedupe_key();
                log(format_args!("{}: {what} {key}", webhook.path));
            }
            std::future::ready(keep_untyped(&untyped, &webhook))
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

/// mimalloc: the receiver allocates for every delivery it parses (see the workspace's
/// Cargo.toml); its floor (`src/bin/floor.rs`) uses the same allocator, so that the ratio
/// `bench/load.sh` prints compares the work and not the allocators.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let settings = Settings::parse();
    let config = config(&settings)?;
    tokio::fs::create_dir_all(&settings.unknown_dir).await?;
    let untyped = Arc::new(Untyped::open(&settings.unknown_dir)?);
    let listener = tokio::net::TcpListener::bind(settings.listen).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    let Some(inbox) = &settings.inbox else {
        let app = router(&untyped, settings.verbose)
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
    let verbose = settings.verbose;
    let handler = handler_fn(move |delivery: Delivery| {
        std::future::ready(keep_stored(&untyped, &delivery, verbose))
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
