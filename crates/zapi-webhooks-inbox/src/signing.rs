//! Standard Webhooks signatures: `webhook-signature: v1,<base64 of HMAC-SHA256>` over
//! `{webhook-id}.{webhook-timestamp}.{body}`, with a secret written `whsec_<base64>`.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The header naming the delivery (its dedupe key): `webhook-id`.
pub const HEADER_ID: &str = "webhook-id";
/// The header with the signing time in seconds since the Unix epoch: `webhook-timestamp`.
pub const HEADER_TIMESTAMP: &str = "webhook-timestamp";
/// The header with the signature: `webhook-signature`.
pub const HEADER_SIGNATURE: &str = "webhook-signature";

/// The fewest secret bytes accepted (Standard Webhooks suggests 24 to 64).
pub const MIN_SECRET_BYTES: usize = 16;

/// A signing secret. Never shown by `Debug` or in an error.
#[derive(Clone)]
pub struct SigningSecret(Box<[u8]>);

/// A signing secret that cannot be read; the message never repeats it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretError(String);

impl fmt::Display for SecretError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "signing secret: {}", self.0)
    }
}

impl std::error::Error for SecretError {}

impl fmt::Debug for SigningSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningSecret(redacted)")
    }
}

impl SigningSecret {
    /// Reads a secret written `whsec_` + base64 (the prefix may be left out), as the
    /// `standardwebhooks` libraries of every language take it.
    ///
    /// ```
    /// use zapi_webhooks_inbox::SigningSecret;
    ///
    /// let secret = SigningSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
    /// assert_eq!(
    ///     secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, br#"{"test": 2432232314}"#),
    ///     "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    /// );
    /// assert!(SigningSecret::parse("whsec_not base64!").is_err());
    /// # Ok::<(), zapi_webhooks_inbox::SecretError>(())
    /// ```
    pub fn parse(text: &str) -> Result<SigningSecret, SecretError> {
        let encoded = text.trim();
        let encoded = encoded.strip_prefix("whsec_").unwrap_or(encoded);
        let bytes = STANDARD
            .decode(encoded)
            .map_err(|_| SecretError("not base64 (expected whsec_ followed by base64)".into()))?;
        if bytes.len() < MIN_SECRET_BYTES {
            return Err(SecretError(format!(
                "{} bytes once decoded; use at least {MIN_SECRET_BYTES}",
                bytes.len()
            )));
        }
        Ok(SigningSecret(bytes.into_boxed_slice()))
    }

    /// A new random secret of 32 bytes.
    pub fn generate() -> SigningSecret {
        let mut bytes = [0u8; 32];
        fastrand::fill(&mut bytes);
        SigningSecret(Box::new(bytes))
    }

    /// The secret written `whsec_` + base64, to give the receiving application.
    pub fn to_whsec(&self) -> String {
        format!("whsec_{}", STANDARD.encode(&self.0))
    }

    /// The `webhook-signature` value for a delivery: `v1,` + base64(HMAC-SHA256(secret,
    /// `{id}.{timestamp}.{body}`)).
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            // HMAC takes keys of any length; this branch is never taken.
            return String::new();
        };
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
    }
}
