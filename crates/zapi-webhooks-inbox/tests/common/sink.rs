//! A forward target for tests: an axum server on 127.0.0.1 that verifies every request's
//! Standard Webhooks signature with the stock `standardwebhooks` crate, records what it got,
//! and answers each attempt with the status a test's policy picks.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;

/// One request the sink got.
#[derive(Debug, Clone)]
pub struct Got {
    /// `webhook-id`.
    pub id: String,
    /// The body.
    pub body: Bytes,
    /// `zapi-callback`, `zapi-kind`, `zapi-attempt`.
    pub callback: String,
    pub kind: String,
    pub attempt: u32,
    /// Whether `standardwebhooks` verified the signature.
    pub verified: bool,
    /// The status answered.
    pub status: u16,
    /// When it arrived.
    pub at: std::time::Instant,
}

/// Picks the status for an attempt: `(webhook-id, attempt number, body) -> status`.
pub type Policy = Arc<dyn Fn(&str, u32, &[u8]) -> StatusCode + Send + Sync>;

#[derive(Clone)]
struct Sink {
    verifier: Arc<standardwebhooks::Webhook>,
    policy: Policy,
    got: Arc<Mutex<Vec<Got>>>,
}

/// A running sink.
pub struct Running {
    pub url: String,
    pub addr: SocketAddr,
    got: Arc<Mutex<Vec<Got>>>,
}

impl Running {
    /// Every request so far, in the order they arrived.
    pub fn got(&self) -> Vec<Got> {
        self.got.lock().map(|g| g.clone()).unwrap_or_default()
    }

    /// The requests answered 2xx.
    pub fn delivered(&self) -> Vec<Got> {
        self.got()
            .into_iter()
            .filter(|g| (200..300).contains(&g.status))
            .collect()
    }
}

fn header(headers: &HeaderMap, name: &str) -> String {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

async fn receive(State(sink): State<Sink>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let id = header(&headers, "webhook-id");
    let attempt = header(&headers, "zapi-attempt").parse().unwrap_or(0);
    let verified = sink.verifier.verify(&body, &headers).is_ok();
    let status = if verified {
        (sink.policy)(&id, attempt, &body)
    } else {
        StatusCode::BAD_REQUEST
    };
    let got = Got {
        id,
        callback: header(&headers, "zapi-callback"),
        kind: header(&headers, "zapi-kind"),
        attempt,
        body,
        verified,
        status: status.as_u16(),
        at: std::time::Instant::now(),
    };
    if let Ok(mut all) = sink.got.lock() {
        all.push(got);
    }
    status
}

/// Starts a sink verifying with `secret` (`whsec_...`) and answering with `policy`, on
/// `addr` (port 0 for any).
pub async fn start_on(addr: &str, secret: &str, policy: Policy) -> Running {
    let verifier = standardwebhooks::Webhook::new(secret).expect("the secret is valid");
    let got = Arc::new(Mutex::new(Vec::new()));
    let app = Router::new()
        .route("/hook", post(receive))
        .with_state(Sink {
            verifier: Arc::new(verifier),
            policy,
            got: got.clone(),
        });
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .expect("bind the sink");
    let addr = listener.local_addr().expect("sink address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    Running {
        url: format!("http://{addr}/hook"),
        addr,
        got,
    }
}

/// A sink on any free port.
pub async fn start(secret: &str, policy: Policy) -> Running {
    start_on("127.0.0.1:0", secret, policy).await
}

/// A policy answering 200 to everything.
pub fn always_ok() -> Policy {
    Arc::new(|_, _, _| StatusCode::OK)
}
