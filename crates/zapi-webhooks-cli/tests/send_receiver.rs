//! `zapi-webhooks send` against the real receiver: a `zapi-webhooks-axum` router on loopback,
//! over `http://` and over `https://` (a TLS listener with the test-only certificate of
//! `tests/tls/`).
//!
//! The handler records every body it is given, so each test checks both sides: what `send`
//! reports, and what the receiver's handler saw (or that it never ran).

mod common;
// The axum crate's recording test server, so both crates test against the same receiver.
#[path = "../../zapi-webhooks-axum/tests/common/mod.rs"]
mod receiver;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;

use assert_cmd::Command;
use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use zapi_webhooks_axum::WebhookConfig;

use common::{fixture_files, fixtures_dir};

const TOKEN: &str = "receiver-test-token-8d1f";

/// A `zapi-webhooks-axum` receiver (the axum crate's recording test server) on 127.0.0.1,
/// on a runtime in a thread of its own, since these tests run the CLI synchronously.
struct Receiver {
    addr: SocketAddr,
    seen: receiver::Seen,
}

impl Receiver {
    /// Starts the receiver, over TLS with the certificate `tests/tls/{tls}.pem` when `tls` is
    /// given, over plain HTTP otherwise.
    fn start(tls: Option<&'static str>) -> Receiver {
        let (sender, started) = std::sync::mpsc::channel();
        thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
                let config = WebhookConfig::token(TOKEN);
                let server = match tls {
                    Some(name) => {
                        let acceptor = TlsAcceptor::from(Arc::new(server_config(name)));
                        let tls = TlsListener {
                            tcp: listener,
                            acceptor,
                        };
                        receiver::serve_on(tls, config).await
                    }
                    None => receiver::serve_on(listener, config).await,
                };
                sender.send((server.addr, server.seen)).expect("report");
                std::future::pending::<()>().await;
            });
        });
        let (addr, seen) = started.recv().expect("the receiver starts");
        Receiver { addr, seen }
    }

    fn url(&self, scheme: &str, host: &str) -> String {
        format!("{scheme}://{host}:{}/webhook", self.addr.port())
    }

    /// The bodies the handler was given, in arrival order.
    fn seen(&self) -> Vec<Vec<u8>> {
        let seen = self.seen.lock().expect("lock");
        seen.iter().map(|webhook| webhook.body.to_vec()).collect()
    }
}

fn tls_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tls")
}

/// A TLS configuration presenting `tests/tls/{name}.pem` with the key `{name}.key`.
fn server_config(name: &str) -> ServerConfig {
    let dir = tls_dir();
    let chain = CertificateDer::pem_file_iter(dir.join(format!("{name}.pem")))
        .expect("certificate file")
        .collect::<Result<Vec<_>, _>>()
        .expect("certificates");
    let key = PrivateKeyDer::from_pem_file(dir.join(format!("{name}.key"))).expect("key file");
    ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .expect("server certificate and key")
}

/// A TCP listener that completes a TLS handshake before handing a connection to axum; a
/// connection whose handshake fails (e.g. the client refused the certificate) is dropped.
struct TlsListener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((stream, addr)) = self.tcp.accept().await else {
                continue;
            };
            if let Ok(tls) = self.acceptor.accept(stream).await {
                return (tls, addr);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

fn bin() -> Command {
    let mut command = Command::cargo_bin("zapi-webhooks").expect("the zapi-webhooks binary");
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs `send` with `args` and `--format json`; returns the exit code and the summary.
fn send(args: &[&str]) -> (i32, Value) {
    let output = bin()
        .arg("send")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run zapi-webhooks send");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary = serde_json::from_str(&stdout).unwrap_or_else(|error| {
        panic!(
            "summary is not JSON ({error}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().unwrap_or(-1), summary)
}

fn sorted(mut bodies: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    bodies.sort();
    bodies
}

/// The bodies of every fixture and capture, sorted.
fn fixture_bodies() -> Vec<Vec<u8>> {
    sorted(
        fixture_files()
            .iter()
            .map(|path| std::fs::read(path).expect("read fixture"))
            .collect(),
    )
}

/// Sends every fixture and capture over http with the right token and `extra` arguments.
fn send_every_fixture(receiver: &Receiver, extra: &[&str]) -> (i32, Value) {
    let fixtures = fixtures_dir();
    let url = receiver.url("http", "127.0.0.1");
    let mut args = vec![
        url.as_str(),
        fixtures.to_str().expect("UTF-8 path"),
        "--token",
        TOKEN,
    ];
    args.extend_from_slice(extra);
    send(&args)
}

#[test]
fn every_fixture_reaches_the_handler_with_the_right_token() {
    let receiver = Receiver::start(None);
    let (code, summary) = send_every_fixture(&receiver, &["--concurrency", "4"]);
    let expected = fixture_bodies();
    assert_eq!(code, 0, "{summary}");
    assert_eq!(summary["sent"], expected.len());
    assert_eq!(
        summary["status"],
        serde_json::json!({ "200": expected.len() })
    );
    assert_eq!(
        sorted(receiver.seen()),
        expected,
        "bodies reach the handler as sent"
    );
}

#[test]
fn gzip_bodies_reach_the_handler_decoded() {
    let receiver = Receiver::start(None);
    let (code, summary) = send_every_fixture(&receiver, &["--gzip"]);
    let expected = fixture_bodies();
    assert_eq!(code, 0, "{summary}");
    assert_eq!(
        summary["status"],
        serde_json::json!({ "200": expected.len() })
    );
    assert_eq!(sorted(receiver.seen()), expected);
}

#[test]
fn wrong_or_missing_token_is_401_and_the_handler_never_runs() {
    let receiver = Receiver::start(None);
    let url = receiver.url("http", "127.0.0.1");
    for token in [Some("not-the-token"), None] {
        let mut args = vec![url.as_str(), "--kind", "text"];
        if let Some(token) = token {
            args.extend(["--token", token]);
        }
        let (code, summary) = send(&args);
        assert_eq!(code, 1, "{summary}");
        let sent = summary["sent"].as_u64().expect("sent");
        assert!(sent > 0);
        assert_eq!(summary["status"], serde_json::json!({ "401": sent }));
        let failure = &summary["failures"][0];
        assert_eq!(failure["status"], 401);
        let body: Value =
            serde_json::from_str(failure["body"].as_str().expect("body")).expect("JSON rejection");
        assert!(body["error"].is_string(), "{body}");
        let text = failure["body"].as_str().expect("body");
        assert!(!text.contains(TOKEN) && !text.contains("not-the-token"));
    }
    assert!(receiver.seen().is_empty(), "the handler ran");
}

#[test]
fn https_with_the_ca_reaches_the_handler() {
    let receiver = Receiver::start(Some("server"));
    let ca = tls_dir().join("ca.pem");
    // The certificate names both `localhost` and `127.0.0.1`.
    for host in ["localhost", "127.0.0.1"] {
        let (code, summary) = send(&[
            &receiver.url("https", host),
            "--kind",
            "text",
            "--token",
            TOKEN,
            "--gzip",
            "--ca-cert",
            ca.to_str().expect("UTF-8 path"),
        ]);
        assert_eq!(code, 0, "{summary}");
        let sent = summary["sent"].as_u64().expect("sent");
        assert!(sent > 0);
        assert_eq!(summary["status"], serde_json::json!({ "200": sent }));
    }
    let texts = receiver.seen();
    assert!(!texts.is_empty());
    for body in texts {
        let value: Value = serde_json::from_slice(&body).expect("JSON");
        assert!(value["text"]["message"].is_string(), "{value}");
    }
}

/// Sends the text fixtures over HTTPS to a receiver serving the certificate `certificate`
/// (with `extra` arguments), checks that every request failed to connect and none reached the
/// handler, and returns the first connection error.
fn refused_over_tls(certificate: &'static str, extra: &[&str]) -> String {
    let receiver = Receiver::start(Some(certificate));
    let url = receiver.url("https", "localhost");
    let mut args = vec![url.as_str(), "--kind", "text", "--token", TOKEN];
    args.extend(extra);
    let (code, summary) = send(&args);
    assert_eq!(code, 1, "{summary}");
    assert_eq!(summary["status"], serde_json::json!({}));
    assert_eq!(summary["errors"], summary["sent"]);
    assert!(receiver.seen().is_empty(), "the handler ran");
    summary["failures"][0]["body"]
        .as_str()
        .expect("error")
        .to_owned()
}

#[test]
fn https_refuses_a_certificate_it_cannot_verify() {
    // Without --ca-cert only Mozilla's roots are trusted, and the test CA is not one of them.
    let error = refused_over_tls("server", &[]);
    assert!(error.contains("UnknownIssuer"), "{error}");

    // The right CA, but a certificate for another name.
    let ca = tls_dir().join("ca.pem");
    let error = refused_over_tls(
        "wrong-name",
        &["--ca-cert", ca.to_str().expect("UTF-8 path")],
    );
    assert!(
        error.contains("certificate not valid for name \"localhost\""),
        "{error}"
    );
}

#[test]
fn ca_cert_must_be_a_pem_certificate() {
    // A usage error (exit status 2, nothing sent): the standard error of the run.
    let refused = |ca_cert: &Path| {
        let output = bin()
            .args(["send", "https://localhost:1/webhook", "--kind", "text"])
            .arg("--ca-cert")
            .arg(ca_cert)
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let stderr = refused(&tls_dir().join("README.md"));
    assert!(
        stderr.contains("--ca-cert")
            && stderr.contains("README.md")
            && stderr.contains("CERTIFICATE"),
        "{stderr}"
    );
    let stderr = refused(&tls_dir().join("missing.pem"));
    assert!(stderr.contains("missing.pem"), "{stderr}");
}
