//! Runs the example webhook receiver: `cargo run -p zapi-webhooks-receiver-example -- --help`.

use std::io::Write;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use tokio::net::TcpListener;
use tokio::sync::mpsc;
use zapi_webhooks::{Callback, Content};
use zapi_webhooks_receiver::settings::{Command, Settings, USAGE};
use zapi_webhooks_receiver::{Config, DirSink, Webhook, router};

/// How many accepted webhooks may wait for the consumer before the server answers 503.
const QUEUE: usize = 1024;

#[tokio::main]
async fn main() -> ExitCode {
    let level = match std::env::var("ZAPI_RECEIVER_LOG").as_deref() {
        Ok("error") => log::LevelFilter::Error,
        Ok("warn") => log::LevelFilter::Warn,
        Ok("debug") => log::LevelFilter::Debug,
        Ok("trace") => log::LevelFilter::Trace,
        _ => log::LevelFilter::Info,
    };
    if log::set_logger(&StderrLogger).is_ok() {
        log::set_max_level(level);
    }

    let settings = match Settings::parse(std::env::args().skip(1), |name| std::env::var(name).ok())
    {
        Ok(Command::Run(settings)) => settings,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    match serve(settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            log::error!("{err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> Result<(), String> {
    let sink = DirSink::new(&settings.unknown_dir).map_err(|err| {
        format!(
            "cannot create the directory {}: {err}",
            settings.unknown_dir.display()
        )
    })?;
    let listener = TcpListener::bind(settings.addr)
        .await
        .map_err(|err| format!("cannot listen on {}: {err}", settings.addr))?;
    let local = listener
        .local_addr()
        .map_err(|err| format!("cannot read the listening address: {err}"))?;

    let (tx, rx) = mpsc::channel(QUEUE);
    let consumer = tokio::spawn(consume(rx));
    let app = router(
        Config::new(tx, sink)
            .body_limit(settings.body_limit)
            .keep_unmodeled(settings.keep_unmodeled),
    );
    log::info!(
        "listening on http://{local} (body limit {} bytes, unknown payloads to {})",
        settings.body_limit,
        settings.unknown_dir.display()
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|err| format!("server error: {err}"))?;
    // The router, and with it the channel's sender, is gone: the consumer drains what is
    // queued and ends.
    if let Err(err) = consumer.await {
        log::error!("the consumer task failed: {err}");
    }
    log::info!("stopped");
    Ok(())
}

/// Where an application would do its work; here each webhook becomes one log line.
async fn consume(mut rx: mpsc::Receiver<Webhook>) {
    while let Some(webhook) = rx.recv().await {
        let what = match &webhook.callback {
            Callback::Received(message) => {
                let from = message.phone.as_deref().unwrap_or("?");
                match &message.content {
                    Content::Text(text) => {
                        format!(
                            "text from {from}: {:?}",
                            text.message.as_deref().unwrap_or("")
                        )
                    }
                    _ => format!("{} from {from}", message.kind().as_str()),
                }
            }
            Callback::MessageStatus(status) => format!(
                "status {} for {} message(s)",
                status.status.get().map_or("?", |s| s.as_str()),
                status.ids.get().map_or(0, Vec::len)
            ),
            other => other.kind_name().to_owned(),
        };
        log::info!("{}: {what}", webhook.path);
    }
}

/// Resolves on Ctrl-C, or on SIGTERM on Unix (what container runtimes send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            log::error!("cannot listen for Ctrl-C: {err}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                log::error!("cannot listen for SIGTERM: {err}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    log::info!("shutting down: finishing the requests in flight");
}

/// Writes log lines to stderr as `<unix seconds>.<millis> LEVEL target: message`.
struct StderrLogger;

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr().lock(),
            "{}.{:03} {:5} {}: {}",
            now.as_secs(),
            now.subsec_millis(),
            record.level(),
            record.target(),
            record.args()
        );
    }

    fn flush(&self) {
        let _ = std::io::stderr().flush();
    }
}
