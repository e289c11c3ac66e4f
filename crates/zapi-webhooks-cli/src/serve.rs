//! `zapi-webhooks serve`: the gateway. Accepts deliveries as the example receiver does, stores
//! each (SQLite or Postgres) before answering 200, and forwards them, signed with Standard
//! Webhooks headers, to one URL, retrying failures.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use zapi_webhooks_axum::WebhookConfig;
use zapi_webhooks_inbox::{
    CircuitBreaker, Forwarder, Gateway, RetryPolicy, SigningSecret, Worker, shutdown_signal,
};

/// Receive Z-API webhooks, store each durably, then answer 200; forward them signed.
///
/// Deliveries are accepted on `POST /webhook` and `POST /webhook/<anything>` with the token in
/// the `z-api-token` header (or, with --query-token, `?token=`), and on `POST
/// /zapi/<token>`, `POST /zapi/<instance>/<token>` with the token in the path, checked as the
/// zapi-webhooks-axum crate does. Each is written to the store (the body as received, decoded
/// if it came compressed) before the 200; a delivery whose dedupe key is stored already is
/// answered 200 and not stored again. A worker POSTs every stored delivery to --forward-to with
/// the body exactly as stored and the Standard Webhooks headers `webhook-id` (the dedupe key),
/// `webhook-timestamp` and `webhook-signature` (verify them with any `standardwebhooks`
/// library and the --signing-secret), plus `zapi-callback`, `zapi-kind` and `zapi-attempt`. A
/// 2xx answer is done; any other answer, an error or a timeout is retried with exponential
/// backoff and jitter, --max-attempts times in all, then the delivery is dead (see `inbox`).
/// A chat's deliveries are forwarded one at a time, in arrival order.
///
/// `GET /healthz` answers `ok`; `GET /metrics` the counts and latencies in Prometheus' text
/// format. Ctrl-C or SIGTERM stops it gracefully: no new connections, requests under way are
/// stored and answered, forwards under way finish and are recorded.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    zapi-webhooks serve --token \"$ZAPI_TOKEN\" --store sqlite:inbox.db \\\n    \
    --forward-to http://127.0.0.1:3000/zapi --signing-secret \"$SIGNING_SECRET\"\n  \
    zapi-webhooks serve --listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem \\\n    \
    --token 3C01A2B3=F1b2C3d4E5f6,3D0FFEED=0a1B2c3D4e5F --store postgres://inbox@db/inbox \\\n    \
    --forward-to https://app.internal/zapi --signing-secret \"$SIGNING_SECRET\"\n  \
    zapi-webhooks serve --print-new-secret")]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free one; the address is printed on stderr).
    #[arg(long, env = "ZAPI_SERVE_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// The token Z-API sends in `z-api-token`: one token, or `INSTANCE=TOKEN` pairs separated
    /// by commas. Required unless --insecure-no-token.
    #[arg(long, env = "ZAPI_WEBHOOK_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Also accept the token as `?token=` in the URL.
    #[arg(long)]
    query_token: bool,
    /// Accept deliveries without any token (local tests only).
    #[arg(long)]
    insecure_no_token: bool,
    /// Where deliveries are stored: `sqlite:PATH` (created if missing) or `postgres://URL`
    /// (several replicas may share one database).
    #[arg(long, env = "ZAPI_INBOX_STORE", hide_env_values = true)]
    store: Option<String>,
    /// The URL every delivery is POSTed to (http or https). Nothing in a payload ever changes
    /// where deliveries go.
    #[arg(long, value_name = "URL")]
    forward_to: Option<String>,
    /// The secret signing forwarded deliveries: `whsec_` + base64 (at least 16 bytes). See
    /// --print-new-secret.
    #[arg(long, env = "ZAPI_SIGNING_SECRET", hide_env_values = true)]
    signing_secret: Option<String>,
    /// Attempts per delivery, the first included, before it is dead.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    max_attempts: u32,
    /// The wait after a first failed attempt, in milliseconds; it doubles after each failure
    /// (with jitter), up to --retry-max-ms.
    #[arg(long, default_value_t = 1000)]
    retry_base_ms: u64,
    /// The longest wait between attempts, in milliseconds.
    #[arg(long, default_value_t = 600_000)]
    retry_max_ms: u64,
    /// How long one forward may take, in milliseconds, before it counts as failed.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    forward_timeout_ms: u64,
    /// Failed forwards in a row after which forwarding pauses, the target being taken as down:
    /// one delivery is then tried every --probe-ms until one succeeds, while the others wait
    /// in the store without spending their attempts. 0: never pause.
    #[arg(long, default_value_t = 10)]
    pause_after: u32,
    /// While forwarding is paused, the time between two probing forwards, in milliseconds.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    probe_ms: u64,
    /// Deliveries forwarded at once (different chats; one chat is forwarded in order).
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=1024))]
    concurrency: u64,
    /// Largest body accepted, in bytes, once decoded; larger ones get 413.
    #[arg(long, default_value_t = zapi_webhooks_axum::DEFAULT_BODY_LIMIT)]
    body_limit: usize,
    /// Serve HTTPS with this certificate chain (PEM); needs --tls-key.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The private key (PEM) of --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Print a new random signing secret (`whsec_...`) and exit.
    #[arg(long, exclusive = true)]
    print_new_secret: bool,
}

/// How `serve` ended: `Ok` after a graceful shutdown.
pub fn run(args: &ServeArgs) -> Result<(), String> {
    if args.print_new_secret {
        println!("{}", SigningSecret::generate().to_whsec());
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(serve(args))
}

/// The token settings as a [`WebhookConfig`].
fn webhook_config(args: &ServeArgs) -> Result<WebhookConfig, String> {
    let config = match (&args.token, args.insecure_no_token) {
        (Some(tokens), false) => WebhookConfig::from_tokens(tokens).map_err(|e| e.to_string())?,
        (None, true) => WebhookConfig::insecure_no_token(),
        (Some(_), true) => return Err("--token and --insecure-no-token exclude each other".into()),
        (None, false) => return Err("give --token (or ZAPI_WEBHOOK_TOKEN)".into()),
    };
    Ok(config
        .accept_query_token(args.query_token)
        .body_limit(args.body_limit))
}

fn required<'a>(value: &'a Option<String>, what: &str) -> Result<&'a str, String> {
    value.as_deref().ok_or_else(|| format!("give {what}"))
}

async fn serve(args: &ServeArgs) -> Result<(), String> {
    let config = webhook_config(args)?;
    let location = required(&args.store, "--store (or ZAPI_INBOX_STORE)")?;
    let target = required(&args.forward_to, "--forward-to")?;
    let secret = SigningSecret::parse(required(
        &args.signing_secret,
        "--signing-secret (or ZAPI_SIGNING_SECRET)",
    )?)
    .map_err(|e| e.to_string())?;
    let timeout = Duration::from_millis(args.forward_timeout_ms);
    let forwarder = Forwarder::new(target, secret, timeout).map_err(|e| e.to_string())?;
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some(tls_acceptor(cert, key)?),
        _ => None,
    };

    let store = zapi_webhooks_inbox::open(location)
        .await
        .map_err(|e| e.to_string())?;
    let gateway = Gateway::new(store.clone(), config);
    let retry = RetryPolicy {
        max_attempts: args.max_attempts,
        base: Duration::from_millis(args.retry_base_ms),
        max_delay: Duration::from_millis(args.retry_max_ms.max(args.retry_base_ms)),
    };
    let mut worker = Worker::new(store.clone(), forwarder).retry(retry);
    if args.pause_after > 0 {
        worker = worker.circuit_breaker(CircuitBreaker {
            failures: args.pause_after,
            probe: Duration::from_millis(args.probe_ms),
        });
    }
    let worker = worker
        .concurrency(usize::try_from(args.concurrency).unwrap_or(16))
        // A forward never outlives its timeout; a claim held past it belongs to a process
        // that died, and is taken over.
        .lease(timeout * 2 + Duration::from_secs(1))
        .metrics(gateway.metrics())
        .wake_on(gateway.wake());
    let gateway = gateway.hand_to(worker.handoff());

    let tcp = TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let addr = tcp
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    let scheme = if tls.is_some() { "https" } else { "http" };
    eprintln!(
        "zapi-webhooks serve: listening on {scheme}://{addr}, store {}, forwarding to {target}",
        store.backend()
    );

    let (stop_worker, worker_stopped) = watch::channel(false);
    let worker = tokio::spawn(worker.run(async move {
        let mut stopped = worker_stopped;
        let _ = stopped.wait_for(|stop| *stop).await;
    }));
    let app = gateway.router();
    let served = match tls {
        Some(acceptor) => {
            axum::serve(TlsListener::new(tcp, acceptor), app)
                .with_graceful_shutdown(shutdown_signal())
                .await
        }
        None => {
            axum::serve(tcp, app)
                .with_graceful_shutdown(shutdown_signal())
                .await
        }
    };
    // Every request that was under way has been answered, so its delivery is stored.
    eprintln!("zapi-webhooks serve: stopping: finishing the forwards under way");
    let _ = stop_worker.send(true);
    let _ = worker.await;
    served.map_err(|e| format!("the server failed: {e}"))?;
    eprintln!("zapi-webhooks serve: stopped");
    Ok(())
}

/// A TLS configuration from a PEM certificate chain and key.
fn tls_acceptor(cert: &Path, key: &Path) -> Result<TlsAcceptor, String> {
    let chain = CertificateDer::pem_file_iter(cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("--tls-cert {}: {e}", cert.display()))?;
    let key = PrivateKeyDer::from_pem_file(key)
        .map_err(|e| format!("--tls-key {}: {e}", key.display()))?;
    let config =
        ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .and_then(|builder| builder.with_no_client_auth().with_single_cert(chain, key))
            .map_err(|e| format!("the TLS certificate and key: {e}"))?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// How long a client gets to complete its TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// A listener handing axum connections whose TLS handshake completed. Handshakes run in
/// tasks of their own, so a slow client holds up nobody.
struct TlsListener {
    addr: std::io::Result<SocketAddr>,
    ready: mpsc::Receiver<(tokio_rustls::server::TlsStream<TcpStream>, SocketAddr)>,
}

impl TlsListener {
    fn new(tcp: TcpListener, acceptor: TlsAcceptor) -> TlsListener {
        let addr = tcp.local_addr();
        let (sender, ready) = mpsc::channel(64);
        tokio::spawn(async move {
            loop {
                let Ok((stream, peer)) = tcp.accept().await else {
                    // Out of file descriptors and the like: wait a moment.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let acceptor = acceptor.clone();
                let handoff = sender.clone();
                tokio::spawn(async move {
                    let handshake =
                        tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream));
                    if let Ok(Ok(tls)) = handshake.await {
                        let _ = handoff.send((tls, peer)).await;
                    }
                });
                if sender.is_closed() {
                    break;
                }
            }
        });
        TlsListener { addr, ready }
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(connection) => connection,
            // The accepting task never ends while this listener lives.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        match &self.addr {
            Ok(addr) => Ok(*addr),
            Err(error) => Err(std::io::Error::new(error.kind(), error.to_string())),
        }
    }
}
