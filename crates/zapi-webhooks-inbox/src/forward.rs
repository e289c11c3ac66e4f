//! The forwarder: a [`Handler`] that POSTs each delivery, signed, to one configured URL.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

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

/// How long the forward target's addresses, once looked up, are used before the next lookup.
const ADDRESSES_KEPT: Duration = Duration::from_secs(30);

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
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(None)
            .build();
        let agent =
            ureq::Agent::with_parts(config, DefaultConnector::new(), TargetResolver::default());
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

/// Finds the forward target's addresses without a thread per request: ureq looks the host up
/// before every request (pooled connection or not), and with a timeout set it starts a thread
/// for each lookup. An IP address is taken as it is; a name is looked up (by ureq's own
/// resolver, within the timeout) at most once per [`ADDRESSES_KEPT`].
#[derive(Debug, Default)]
struct TargetResolver {
    lookup: DefaultResolver,
    /// The last lookup: the host and port it was for, when, and what it found.
    kept: Mutex<Option<(String, Instant, ResolvedSocketAddrs)>>,
}

impl Resolver for TargetResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        // `host:port`, the scheme's port when the URL names none (`[::1]:443` for an IPv6 one).
        let Some(key) = uri
            .scheme()
            .zip(uri.authority())
            .and_then(|(scheme, authority)| DefaultResolver::host_and_port(scheme, authority))
        else {
            return self.lookup.resolve(uri, config, timeout);
        };
        if let Ok(address) = key.parse::<SocketAddr>() {
            let mut addresses = self.empty();
            addresses.push(address);
            return Ok(addresses);
        }
        if let Ok(kept) = self.kept.lock()
            && let Some((for_key, at, addresses)) = kept.as_ref()
            && *for_key == key
            && at.elapsed() < ADDRESSES_KEPT
        {
            return Ok(addresses.clone());
        }
        let addresses = self.lookup.resolve(uri, config, timeout)?;
        if let Ok(mut kept) = self.kept.lock() {
            *kept = Some((key, Instant::now(), addresses.clone()));
        }
        Ok(addresses)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(resolver: &TargetResolver, url: &str) -> Vec<SocketAddr> {
        let uri: ureq::http::Uri = url.parse().expect("a URI");
        let config = ureq::config::Config::default();
        let timeout = NextTimeout {
            after: ureq::unversioned::transport::time::Duration::from_secs(5),
            reason: ureq::Timeout::Resolve,
            per_read: None,
            per_write: None,
        };
        resolver
            .resolve(&uri, &config, timeout)
            .expect("resolves")
            .iter()
            .copied()
            .collect()
    }

    #[test]
    fn addresses_are_taken_as_written_and_names_looked_up_once_in_a_while() {
        let resolver = TargetResolver::default();
        assert_eq!(
            resolve(&resolver, "http://127.0.0.1:9/down"),
            ["127.0.0.1:9".parse::<SocketAddr>().expect("an address")]
        );
        assert_eq!(
            resolve(&resolver, "https://[::1]/zapi"),
            ["[::1]:443".parse::<SocketAddr>().expect("an address")]
        );
        assert!(
            resolver.kept.lock().expect("not poisoned").is_none(),
            "an address needs no lookup"
        );
        let first = resolve(&resolver, "http://localhost:8080/zapi");
        assert!(
            first
                .iter()
                .all(|a| a.ip().is_loopback() && a.port() == 8080),
            "{first:?}"
        );
        let kept_at = match resolver.kept.lock().expect("not poisoned").as_ref() {
            Some((key, at, _)) => {
                assert_eq!(key, "localhost:8080");
                *at
            }
            None => panic!("the lookup was not kept"),
        };
        assert_eq!(resolve(&resolver, "http://localhost:8080/other"), first);
        let again = resolver
            .kept
            .lock()
            .expect("not poisoned")
            .as_ref()
            .map(|k| k.1);
        assert_eq!(again, Some(kept_at), "looked up again within the time kept");
        // Another port is another lookup.
        let other = resolve(&resolver, "http://localhost:8081/");
        assert!(other.iter().all(|a| a.port() == 8081), "{other:?}");
    }
}
