//! [`WebhookConfig`]: who may deliver, where the token comes from, and the body limit.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use axum::http::HeaderName;
use subtle::{Choice, ConstantTimeEq};

/// The body size limit unless [`WebhookConfig::body_limit`] says otherwise: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// The header Z-API sends its token in: `z-api-token`.
pub const DEFAULT_TOKEN_HEADER: &str = "z-api-token";

/// The query parameter read by [`WebhookConfig::accept_query_token`]: `token`.
pub const QUERY_TOKEN_PARAMETER: &str = "token";

/// How the [`ZapiWebhook`](crate::ZapiWebhook) extractor authenticates and reads a delivery.
///
/// Built with one of the constructors, which make the choice of authentication explicit, then
/// the chainable setters:
///
/// ```
/// use zapi_webhooks_axum::WebhookConfig;
///
/// // One token for every instance, in the `z-api-token` header.
/// let config = WebhookConfig::token("F1b2C3d4E5f6A7b8C9d0E1f2").body_limit(512 * 1024);
///
/// // A token per instance: the instance is the body's `instanceId`.
/// let config = WebhookConfig::per_instance([
///     ("3C01A2B3C4D5E6F7", "F1b2C3d4E5f6A7b8C9d0E1f2"),
///     ("3D0FFEEDDCCBBAA9", "0a1B2c3D4e5F6a7B8c9D0e1F"),
/// ])
/// .accept_query_token(true);
///
/// // Tokens never show in `Debug` output.
/// assert!(!format!("{config:?}").contains("F1b2C3d4E5f6A7b8C9d0E1f2"));
/// ```
///
/// Cloning is cheap (the settings are shared), as an axum state needs.
#[derive(Clone)]
pub struct WebhookConfig {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    auth: Auth,
    header: HeaderName,
    query_token: bool,
    body_limit: usize,
}

/// A token, kept as bytes; never printed.
#[derive(Clone)]
pub(crate) struct Secret(Box<[u8]>);

impl Secret {
    fn new(token: impl Into<String>) -> Secret {
        Secret(token.into().into_bytes().into_boxed_slice())
    }

    /// A stand-in compared against when a request names an instance that has no token, so
    /// that an unknown instance costs the same work as a known one. Its result is ignored.
    pub(crate) fn placeholder() -> Secret {
        Secret::new("placeholder-never-accept")
    }
}

#[derive(Clone)]
pub(crate) enum Auth {
    /// One token for every delivery, checked before the body is read.
    Single(Secret),
    /// A token per instance, checked before the body is read: the instance is the path's
    /// `{instance}`, or else the one whose token the request carries.
    PerInstance(HashMap<String, Secret>),
    /// No check at all (local testing).
    Insecure,
}

impl WebhookConfig {
    fn with_auth(auth: Auth) -> WebhookConfig {
        WebhookConfig {
            inner: Arc::new(Inner {
                auth,
                header: HeaderName::from_static(DEFAULT_TOKEN_HEADER),
                query_token: false,
                body_limit: DEFAULT_BODY_LIMIT,
            }),
        }
    }

    /// Accepts deliveries carrying `token` (the security token set in Z-API's instance panel),
    /// whatever their instance. The token is checked before the body is read. An empty token
    /// matches nothing.
    pub fn token(token: impl Into<String>) -> WebhookConfig {
        WebhookConfig::with_auth(Auth::Single(Secret::new(token)))
    }

    /// Accepts a delivery when it carries the token of its instance: `tokens` maps each
    /// instance id to its token. Checked before the body is read, like a single token: on a
    /// route with an `{instance}` path parameter the instance is that parameter and the token
    /// must be its token; otherwise the presented token is compared (in constant time) with
    /// every configured token and the instance is the one whose token it is. The body is never
    /// parsed to find the instance. Once the request is authenticated and its body read, a body
    /// whose `instanceId` names another instance is refused with the same 401; a body without
    /// `instanceId` is the token's instance.
    pub fn per_instance<I, K, V>(tokens: I) -> WebhookConfig
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let map = tokens
            .into_iter()
            .map(|(instance, token)| (instance.into(), Secret::new(token)))
            .collect();
        WebhookConfig::with_auth(Auth::PerInstance(map))
    }

    /// Reads the tokens from one setting, as a flag or an environment variable such as
    /// `ZAPI_WEBHOOK_TOKEN` holds them: either one token, accepted for every instance
    /// ([`WebhookConfig::token`]), or comma-separated `INSTANCE=TOKEN` pairs, a token per
    /// instance ([`WebhookConfig::per_instance`]).
    ///
    /// A setting without `=` is one token. A setting with `=` is a list of pairs: each needs an
    /// instance and a token, and an instance may be named once. Spaces around the items and
    /// around each side of `=` are ignored. The error says what is wrong and where (the item's
    /// position, the instance) but never repeats a token.
    ///
    /// ```
    /// use zapi_webhooks_axum::WebhookConfig;
    ///
    /// let one = WebhookConfig::from_tokens("F1b2C3d4E5f6A7b8C9d0E1f2")?;
    /// let two = WebhookConfig::from_tokens("3C01A2B3=F1b2C3d4E5f6, 3D0FFEED=0a1B2c3D4e5F")?;
    /// assert!(format!("{two:?}").contains("3D0FFEED"));
    /// let error = WebhookConfig::from_tokens("3C01A2B3=F1b2C3d4E5f6, 3D0FFEED").unwrap_err();
    /// assert_eq!(error.to_string(), "token setting: item 2 is not INSTANCE=TOKEN");
    /// # Ok::<(), zapi_webhooks_axum::TokenSettingError>(())
    /// ```
    pub fn from_tokens(setting: &str) -> Result<WebhookConfig, TokenSettingError> {
        let setting = setting.trim();
        if setting.is_empty() {
            return Err(TokenSettingError("the setting is empty".to_owned()));
        }
        if !setting.contains('=') {
            return Ok(WebhookConfig::token(setting));
        }
        let mut tokens = HashMap::new();
        for (i, item) in setting.split(',').enumerate() {
            let pair = item
                .split_once('=')
                .map(|(instance, token)| (instance.trim(), token.trim()));
            let Some((instance, token)) = pair.filter(|(i, t)| !i.is_empty() && !t.is_empty())
            else {
                return Err(TokenSettingError(format!(
                    "item {} is not INSTANCE=TOKEN",
                    i + 1
                )));
            };
            if tokens.insert(instance.to_owned(), token).is_some() {
                return Err(TokenSettingError(format!(
                    "instance {instance:?} is named twice"
                )));
            }
        }
        Ok(WebhookConfig::per_instance(tokens))
    }

    /// Accepts every delivery without looking for a token. For local testing only: anyone who
    /// can reach the URL can then post callbacks.
    pub fn insecure_no_token() -> WebhookConfig {
        WebhookConfig::with_auth(Auth::Insecure)
    }

    /// Reads the token from the header `name` instead of [`DEFAULT_TOKEN_HEADER`].
    pub fn header_name(mut self, name: HeaderName) -> WebhookConfig {
        Arc::make_mut(&mut self.inner).header = name;
        self
    }

    /// Also accepts the token in the query parameter `?token=` (for a webhook URL such as
    /// `https://example.com/zapi?token=...`), when the header is absent. Off by default: a
    /// token in a URL tends to end up in access logs.
    pub fn accept_query_token(mut self, accept: bool) -> WebhookConfig {
        Arc::make_mut(&mut self.inner).query_token = accept;
        self
    }

    /// Sets the largest body accepted, in bytes (default [`DEFAULT_BODY_LIMIT`]). It applies to
    /// the body as received and, for a compressed body, to the body once decoded: larger ones
    /// are refused with 413.
    pub fn body_limit(mut self, bytes: usize) -> WebhookConfig {
        Arc::make_mut(&mut self.inner).body_limit = bytes;
        self
    }

    /// The header the token is read from.
    pub fn token_header(&self) -> &HeaderName {
        &self.inner.header
    }

    /// Whether `?token=` is accepted.
    pub fn accepts_query_token(&self) -> bool {
        self.inner.query_token
    }

    /// The body limit, in bytes.
    pub fn limit(&self) -> usize {
        self.inner.body_limit
    }

    /// Whether this configuration checks no token ([`WebhookConfig::insecure_no_token`]).
    pub fn is_insecure(&self) -> bool {
        matches!(self.inner.auth, Auth::Insecure)
    }

    pub(crate) fn auth(&self) -> &Auth {
        &self.inner.auth
    }
}

impl fmt::Debug for WebhookConfig {
    /// Shows the settings, never a token: per-instance configurations list their instances.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let mut s = f.debug_struct("WebhookConfig");
        match &inner.auth {
            Auth::Single(_) => s.field("auth", &"token (redacted)"),
            Auth::PerInstance(map) => {
                let mut instances: Vec<&str> = map.keys().map(String::as_str).collect();
                instances.sort_unstable();
                s.field("auth", &"per-instance tokens (redacted)")
                    .field("instances", &instances)
            }
            Auth::Insecure => s.field("auth", &"none (insecure_no_token)"),
        };
        s.field("header", &inner.header)
            .field("query_token", &inner.query_token)
            .field("body_limit", &inner.body_limit)
            .finish()
    }
}

/// A token setting [`WebhookConfig::from_tokens`] cannot read. Its message names the item or
/// the instance at fault, never a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSettingError(String);

impl fmt::Display for TokenSettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "token setting: {}", self.0)
    }
}

impl std::error::Error for TokenSettingError {}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(redacted)")
    }
}

impl Secret {
    /// Whether `presented` is this token, in constant time (see [`tokens_match`]).
    pub(crate) fn matches(&self, presented: &[u8]) -> bool {
        tokens_match(&self.0, presented)
    }
}

/// Whether `presented` equals `expected`, compared in constant time with [`subtle`].
///
/// Every token comparison of this crate goes through this function. How lengths are handled:
/// the loop always runs over the `expected` token's length, comparing each of its bytes with
/// `subtle::ConstantTimeEq` to the byte of `presented` at the same place (or `0` past its
/// end), and the lengths themselves are compared with `ct_eq` too; the results are combined
/// with `subtle::Choice` and turned into a `bool` only at the end. The time therefore depends
/// on the length of the configured token (fixed, not attacker-controlled) and not on where, or
/// whether, the presented token differs, nor on its contents. (`subtle`'s `ct_eq` on two
/// slices of different lengths returns at once, which would tell an attacker nothing but the
/// length; this function does not even branch on that.) An empty `expected` token matches
/// nothing.
///
/// ```
/// use zapi_webhooks_axum::tokens_match;
///
/// assert!(tokens_match(b"F1b2C3d4E5f6", b"F1b2C3d4E5f6"));
/// assert!(!tokens_match(b"F1b2C3d4E5f6", b"F1b2C3d4E5f7"));
/// assert!(!tokens_match(b"F1b2C3d4E5f6", b"F1b2C3d4E5f6A"));
/// assert!(!tokens_match(b"F1b2C3d4E5f6", b""));
/// assert!(!tokens_match(b"", b""));
/// ```
pub fn tokens_match(expected: &[u8], presented: &[u8]) -> bool {
    let mut equal: Choice = (expected.len() as u64).ct_eq(&(presented.len() as u64));
    for (i, byte) in expected.iter().enumerate() {
        let other = presented.get(i).copied().unwrap_or(0);
        equal &= byte.ct_eq(&other);
    }
    // A configured empty token is a mistake, not "no token": it never matches.
    equal &= Choice::from(u8::from(!expected.is_empty()));
    bool::from(equal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comparison() {
        let token = b"0123456789abcdefABCDEF01";
        assert!(tokens_match(token, token));
        assert!(tokens_match(token, b"0123456789abcdefABCDEF01".as_slice()));
        assert!(!tokens_match(token, b"0123456789abcdefABCDEF02"));
        assert!(!tokens_match(token, b"1123456789abcdefABCDEF01"));
        // Different lengths, both ways, including a prefix and an extension of the token.
        assert!(!tokens_match(token, b"0123456789abcdefABCDEF0"));
        assert!(!tokens_match(token, b"0123456789abcdefABCDEF012"));
        assert!(!tokens_match(token, b"0123456789abcdefABCDEF01\0"));
        assert!(!tokens_match(token, b""));
        assert!(!tokens_match(b"", b""));
        assert!(!tokens_match(b"", b"x"));
        // The zero padding past the presented end must not make a short token match.
        assert!(!tokens_match(b"ab\0", b"ab"));
    }

    #[test]
    fn debug_redacts_every_token() {
        let single = WebhookConfig::token("s3cr3t-token-value");
        let shown = format!("{single:?} {single:#?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("redacted"), "{shown}");
        let per = WebhookConfig::per_instance([("instance-a", "tok-a-1234"), ("b", "tok-b-5678")]);
        let shown = format!("{per:?} {per:#?}");
        assert!(
            !shown.contains("tok-a") && !shown.contains("tok-b"),
            "{shown}"
        );
        assert!(shown.contains("instance-a"), "{shown}");
        let secret = Secret::new("tok-c-0000");
        assert!(!format!("{secret:?}").contains("tok-c"));
    }

    #[test]
    fn token_settings() {
        let shown = |config: &WebhookConfig| format!("{config:?}");
        let one = WebhookConfig::from_tokens("  tok-one-1234 ").expect("one token");
        assert!(shown(&one).contains("token (redacted)"));
        assert!(matches!(one.auth(), Auth::Single(secret) if secret.matches(b"tok-one-1234")));
        let per = WebhookConfig::from_tokens("a=tok-a-1, b = tok-b-2 ").expect("pairs");
        match per.auth() {
            Auth::PerInstance(map) => {
                assert_eq!(map.len(), 2);
                assert!(map["a"].matches(b"tok-a-1") && map["b"].matches(b"tok-b-2"));
            }
            _ => panic!("expected per-instance tokens: {per:?}"),
        }
        for (setting, error) in [
            ("", "token setting: the setting is empty"),
            ("   ", "token setting: the setting is empty"),
            ("a=tok-a-1,", "token setting: item 2 is not INSTANCE=TOKEN"),
            ("a=tok-a-1,b", "token setting: item 2 is not INSTANCE=TOKEN"),
            ("=tok-a-1", "token setting: item 1 is not INSTANCE=TOKEN"),
            ("a=", "token setting: item 1 is not INSTANCE=TOKEN"),
            (
                "a=tok-a-1,a=tok-a-2",
                "token setting: instance \"a\" is named twice",
            ),
        ] {
            let found = WebhookConfig::from_tokens(setting).expect_err(setting);
            assert_eq!(found.to_string(), error, "{setting:?}");
            assert!(!format!("{found:?}").contains("tok-"), "{found:?}");
        }
    }

    #[test]
    fn setters() {
        let config = WebhookConfig::token("t")
            .header_name(HeaderName::from_static("x-token"))
            .accept_query_token(true)
            .body_limit(10);
        assert_eq!(config.token_header().as_str(), "x-token");
        assert!(config.accepts_query_token());
        assert_eq!(config.limit(), 10);
        assert!(!config.is_insecure());
        assert!(WebhookConfig::insecure_no_token().is_insecure());
        let default = WebhookConfig::token("t");
        assert_eq!(default.token_header().as_str(), DEFAULT_TOKEN_HEADER);
        assert!(!default.accepts_query_token());
        assert_eq!(default.limit(), DEFAULT_BODY_LIMIT);
    }
}
