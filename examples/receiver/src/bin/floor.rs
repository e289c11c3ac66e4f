//! The floor the example receiver is measured against (`bench/load.sh`): axum alone, reading
//! each posted body whole and answering 200, the work no receiver can skip. No token, no
//! decoding, no parse, no log: not a receiver to copy, since it takes anything from anyone.

use std::net::SocketAddr;

use axum::Router;
use axum::body::Bytes;
use axum::routing::post;
use clap::Parser;
use zapi_webhooks_inbox::shutdown_signal;

/// Answers every `POST /webhook` and `POST /webhook/...` with 200 once its body is read
/// (at most 2 MiB, axum's default limit), and says how many bytes it read.
#[derive(Debug, Parser)]
#[command(version)]
struct Settings {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
}

/// Reads the body whole (the `Bytes` extractor) and answers with its length.
async fn read(body: Bytes) -> String {
    format!("read {} bytes", body.len())
}

/// The allocator of the example receiver: the floor differs from it in the work per request
/// only.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let settings = Settings::parse();
    let app = Router::new()
        .route("/webhook", post(read))
        .route("/webhook/{*rest}", post(read));
    let listener = tokio::net::TcpListener::bind(settings.listen).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}
