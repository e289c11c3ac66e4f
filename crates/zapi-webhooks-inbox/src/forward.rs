//! The forwarder: a [`Handler`] that POSTs each delivery, signed, to one configured URL.

use std::io::Read;
use std::time::Duration;

use crate::delivery::{Delivery, now_millis};
use crate::signing::{HEADER_ID, HEADER_SIGNATURE, HEADER_TIMESTAMP, SigningSecret};
use crate::store::BoxFuture;
use crate::worker::{Failure, Handler};

/// The header naming the callback's type (`ReceivedCallback`).
pub const HEADER_CALLBACK: &str = "zapi-callback";
/// The header naming the kind (`text`, `message_status`).
pub const HEADER_KIND: &str = "zapi-kind";
/// The header counting the attempt (1 for the first).
pub const HEADER_ATTEMPT: &str = "zapi-attempt";

/// How much of an answer's body is read (and dropped) so the connection can be reused.
const ANSWER_READ: u64 = 64 * 1024;

/// POSTs deliveries to the URL it was made with, and nowhere else: the body exactly as
/// stored, `Content-Type: application/json`, the Standard Webhooks headers (`webhook-id` is
/// the dedupe key, `webhook-timestamp` the time of signing, `webhook-signature` the HMAC) and
/// `zapi-callback`, `zapi-kind`, `zapi-attempt`. A 2xx answer is success; any other status, a
/// connection error or the timeout is a failure to retry. Redirects are not followed and no
/// proxy is read from the environment. `http` and `https` URLs (Mozilla's roots) are accepted.
#[derive(Clone)]
pub struct Forwarder {
    url: std::sync::Arc<str>,
    secret: SigningSecret,
    agent: ureq::Agent,
}

/// A forward target that is not an `http://` or `https://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetError(String);

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "forward target: {}", self.0)
    }
}

impl std::error::Error for TargetError {}

impl Forwarder {
    /// A forwarder to `url`, signing with `secret`, giving up on an attempt after `timeout`.
    pub fn new(
        url: &str,
        secret: SigningSecret,
        timeout: Duration,
    ) -> Result<Forwarder, TargetError> {
        let uri: ureq::http::Uri = url
            .parse()
            .map_err(|e| TargetError(format!("{url:?} is not a URL: {e}")))?;
        match uri.scheme_str() {
            Some("http" | "https") if uri.host().is_some() => {}
            _ => {
                return Err(TargetError(format!(
                    "{url:?} is not an http:// or https:// URL"
                )));
            }
        }
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(None)
            .build()
            .into();
        Ok(Forwarder {
            url: url.into(),
            secret,
            agent,
        })
    }

    /// One POST, blocking: `Ok` for a 2xx answer.
    fn post(&self, delivery: &Delivery) -> Result<(), Failure> {
        let timestamp = now_millis() / 1000;
        let signature = self
            .secret
            .sign(&delivery.dedupe_key, timestamp, &delivery.body);
        let mut response = self
            .agent
            .post(&*self.url)
            .header("content-type", "application/json")
            .header(HEADER_ID, &delivery.dedupe_key)
            .header(HEADER_TIMESTAMP, timestamp.to_string())
            .header(HEADER_SIGNATURE, signature)
            .header(HEADER_CALLBACK, &delivery.callback)
            .header(HEADER_KIND, &delivery.kind)
            .header(HEADER_ATTEMPT, delivery.attempts.to_string())
            .send(&delivery.body[..])
            .map_err(|e| Failure(e.to_string()))?;
        let status = response.status();
        let mut sink = Vec::new();
        let _ = response
            .body_mut()
            .as_reader()
            .take(ANSWER_READ)
            .read_to_end(&mut sink);
        if status.is_success() {
            Ok(())
        } else {
            Err(Failure(format!("status {}", status.as_u16())))
        }
    }
}

impl Handler for Forwarder {
    fn handle(&self, delivery: Delivery) -> BoxFuture<'_, Result<(), Failure>> {
        // ureq blocks: each POST runs on Tokio's blocking threads, as many at once as the
        // worker's concurrency.
        let forwarder = self.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || forwarder.post(&delivery))
                .await
                .unwrap_or_else(|e| Err(Failure(format!("the forwarding thread failed: {e}"))))
        })
    }
}
