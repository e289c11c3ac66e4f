//! Authentication of a delivery, from the request's head only: the token is found in the path,
//! a header or the query, and compared (in constant time, [`crate::tokens_match`]) before any
//! byte of the body is read. With a token per instance, the instance comes from the path or
//! from the token itself, never from the unauthenticated body.

use std::borrow::Cow;

use axum::extract::{FromRequestParts, Query, RawPathParams};
use axum::http::request::Parts;

use crate::config::{Auth, Secret};
use crate::{QUERY_TOKEN_PARAMETER, WebhookConfig, WebhookRejection};

/// The path parameter that carries the token (`/zapi/{token}`, `/zapi/{instance}/{token}`).
pub const PATH_TOKEN_PARAMETER: &str = "token";

/// The path parameter that names the instance (`/zapi/{instance}/{token}`).
pub const PATH_INSTANCE_PARAMETER: &str = "instance";

/// Where a request carried its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenSource {
    /// A `{token}` path parameter.
    Path,
    /// The token header ([`WebhookConfig::header_name`]).
    Header,
    /// The `?token=` query parameter ([`WebhookConfig::accept_query_token`]).
    Query,
}

/// What authentication established about a request.
pub(crate) struct Authenticated {
    /// Where the token was found; `None` with [`WebhookConfig::insecure_no_token`].
    pub(crate) source: Option<TokenSource>,
    /// With a token per instance: the instances whose token the request carried (one, unless
    /// two instances were configured with the same token). `None` otherwise.
    pub(crate) instances: Option<Vec<String>>,
    /// The `{instance}` path parameter, if the route has one.
    pub(crate) path_instance: Option<String>,
    /// The `{token}` path parameter, to keep it out of [`crate::ZapiWebhook::path`].
    pub(crate) path_token: Option<String>,
}

impl Authenticated {
    /// The request's path with a path token replaced by `{token}`.
    pub(crate) fn redacted_path(&self, path: &str) -> String {
        let Some(token) = &self.path_token else {
            return path.to_owned();
        };
        path.split('/')
            .map(|segment| {
                if percent_decoded(segment).as_deref() == Some(token.as_bytes()) {
                    "{token}"
                } else {
                    segment
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    /// After the body was read: the instance of the delivery, given the body's `instanceId`.
    /// With a token per instance, a body that names another instance than the token's is
    /// refused (the same 401 as every authentication failure).
    pub(crate) fn instance(
        &self,
        body_instance: Option<&str>,
    ) -> Result<Option<String>, WebhookRejection> {
        match (&self.instances, body_instance) {
            (None, Some(id)) => Ok(Some(id.to_owned())),
            (None, None) => Ok(self.path_instance.clone()),
            (Some(instances), Some(id)) => {
                if instances.iter().any(|known| known == id) {
                    Ok(Some(id.to_owned()))
                } else {
                    Err(WebhookRejection::unauthorized())
                }
            }
            (Some(instances), None) => Ok(match instances.as_slice() {
                [only] => Some(only.clone()),
                _ => None,
            }),
        }
    }
}

/// Authenticates the request from its head. Every failure is the same 401
/// ([`WebhookRejection::unauthorized`]).
pub(crate) async fn authenticate(
    parts: &mut Parts,
    config: &WebhookConfig,
) -> Result<Authenticated, WebhookRejection> {
    let (path_token, path_instance) = path_parameters(parts).await?;
    let mut authenticated = Authenticated {
        source: None,
        instances: None,
        path_instance,
        path_token,
    };
    if matches!(config.auth(), Auth::Insecure) {
        return Ok(authenticated);
    }
    // A route with a `{token}` parameter is authenticated by it alone: a header on the same
    // request (Z-API may send its own) is not consulted.
    let (token, source) = match &authenticated.path_token {
        Some(token) => (Cow::Borrowed(token.as_bytes()), TokenSource::Path),
        None => header_or_query_token(parts, config).ok_or_else(WebhookRejection::unauthorized)?,
    };
    authenticated.source = Some(source);
    match config.auth() {
        Auth::Insecure => {}
        Auth::Single(secret) => {
            if !secret.matches(&token) {
                return Err(WebhookRejection::unauthorized());
            }
        }
        Auth::PerInstance(tokens) => {
            let matched = match &authenticated.path_instance {
                Some(instance) => match tokens.get(instance) {
                    Some(secret) if secret.matches(&token) => vec![instance.clone()],
                    Some(_) => Vec::new(),
                    None => {
                        // An unknown instance costs the same comparison as a known one.
                        std::hint::black_box(Secret::placeholder().matches(&token));
                        Vec::new()
                    }
                },
                // No instance in the path: compare with every configured token, without
                // stopping at a match, and keep the instances whose token it is.
                None => {
                    let mut matched = Vec::new();
                    for (instance, secret) in tokens {
                        if secret.matches(&token) {
                            matched.push(instance.clone());
                        }
                    }
                    matched
                }
            };
            if matched.is_empty() {
                return Err(WebhookRejection::unauthorized());
            }
            authenticated.instances = Some(matched);
        }
    }
    Ok(authenticated)
}

/// The `{token}` and `{instance}` path parameters, when the route has them. A parameter that
/// is not valid UTF-8 once decoded is an authentication failure.
async fn path_parameters(
    parts: &mut Parts,
) -> Result<(Option<String>, Option<String>), WebhookRejection> {
    use axum::extract::rejection::RawPathParamsRejection;
    let params = match RawPathParams::from_request_parts(parts, &()).await {
        Ok(params) => params,
        Err(RawPathParamsRejection::InvalidUtf8InPathParam(_)) => {
            return Err(WebhookRejection::unauthorized());
        }
        // A route without parameters.
        Err(_) => return Ok((None, None)),
    };
    let mut token = None;
    let mut instance = None;
    for (key, value) in &params {
        match key {
            PATH_TOKEN_PARAMETER => token = Some(value.to_owned()),
            PATH_INSTANCE_PARAMETER => instance = Some(value.to_owned()),
            _ => {}
        }
    }
    Ok((token, instance))
}

/// The token of the configured header, or else (when accepted) of the first `token` query
/// parameter.
fn header_or_query_token<'a>(
    parts: &'a Parts,
    config: &WebhookConfig,
) -> Option<(Cow<'a, [u8]>, TokenSource)> {
    if let Some(value) = parts.headers.get(config.token_header()) {
        return Some((Cow::Borrowed(value.as_bytes()), TokenSource::Header));
    }
    if !config.accepts_query_token() {
        return None;
    }
    let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri).ok()?;
    pairs
        .into_iter()
        .find(|(key, _)| key == QUERY_TOKEN_PARAMETER)
        .map(|(_, value)| (Cow::Owned(value.into_bytes()), TokenSource::Query))
}

/// A path segment with its `%XX` escapes decoded; `None` for a malformed escape.
fn percent_decoded(segment: &str) -> Option<Vec<u8>> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let text = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(text, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_token(token: &str) -> Authenticated {
        Authenticated {
            source: Some(TokenSource::Path),
            instances: None,
            path_instance: None,
            path_token: Some(token.to_owned()),
        }
    }

    #[test]
    fn a_path_token_never_shows_in_the_path() {
        assert_eq!(
            with_token("s3cret").redacted_path("/zapi/INST/s3cret"),
            "/zapi/INST/{token}"
        );
        assert_eq!(
            with_token("a b/c").redacted_path("/zapi/a%20b%2Fc"),
            "/zapi/{token}"
        );
        assert_eq!(with_token("x").redacted_path("/zapi/y"), "/zapi/y");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decoded("a%41%2f").as_deref(), Some(&b"aA/"[..]));
        assert_eq!(percent_decoded("%4"), None);
        assert_eq!(percent_decoded("%zz"), None);
    }

    #[test]
    fn the_instance_after_the_body() {
        let per = |instances: &[&str]| Authenticated {
            source: Some(TokenSource::Header),
            instances: Some(instances.iter().map(|s| (*s).to_owned()).collect()),
            path_instance: None,
            path_token: None,
        };
        assert_eq!(per(&["A"]).instance(Some("A")), Ok(Some("A".into())));
        assert_eq!(per(&["A"]).instance(None), Ok(Some("A".into())));
        assert_eq!(per(&["A", "B"]).instance(None), Ok(None));
        assert_eq!(per(&["A", "B"]).instance(Some("B")), Ok(Some("B".into())));
        assert!(per(&["A"]).instance(Some("B")).is_err());
        let single = with_token("t");
        assert_eq!(single.instance(Some("X")), Ok(Some("X".into())));
    }
}
