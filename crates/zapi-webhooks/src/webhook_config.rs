//! Bodies of Z-API's webhook-configuration API: the `PUT /update-webhook-*` requests that point
//! an instance's callbacks at your HTTPS endpoint, and their responses.
//!
//! Requests are strict (an unknown key is an error: it is almost always a typo such as
//! `notifySendByMe`); responses are tolerant (unknown keys are ignored).
//!
//! ```
//! use zapi_webhooks::webhook_config::{UpdateWebhookRequest, WebhookEndpoint, WebhookUrl};
//!
//! let url = WebhookUrl::parse("https://example.com/zapi/received")?;
//! let body = serde_json::to_string(&UpdateWebhookRequest { value: url })?;
//! assert_eq!(body, r#"{"value":"https://example.com/zapi/received"}"#);
//! assert_eq!(WebhookEndpoint::Callback(zapi_webhooks::CallbackType::Received).path(), "update-webhook-received");
//!
//! let err = WebhookUrl::parse("http://example.com").unwrap_err();
//! assert!(err.to_string().contains("https"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::CallbackType;

use serde::{Deserialize, Deserializer, Serialize};

/// An HTTPS URL for a webhook. Z-API refuses webhooks that are not HTTPS, so this type does too.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct WebhookUrl(String);

/// Why a string is not a usable webhook URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookUrlError {
    url: String,
    reason: &'static str,
}

impl fmt::Display for WebhookUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid webhook URL {:?}: {}", self.url, self.reason)
    }
}

impl std::error::Error for WebhookUrlError {}

impl WebhookUrl {
    /// Checks that `url` is `https://` followed by a host, with no whitespace.
    pub fn parse(url: impl Into<String>) -> Result<WebhookUrl, WebhookUrlError> {
        let url = url.into();
        let fail = |reason| {
            Err(WebhookUrlError {
                url: url.clone(),
                reason,
            })
        };
        let Some(scheme_end) = url.find("://") else {
            return fail("expected an https:// URL");
        };
        if !url[..scheme_end].eq_ignore_ascii_case("https") {
            return fail("expected an https:// URL (Z-API refuses webhooks that are not HTTPS)");
        }
        if url.chars().any(char::is_whitespace) {
            return fail("a URL cannot contain whitespace");
        }
        let rest = &url[scheme_end + 3..];
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.is_empty() {
            return fail("the URL has no host");
        }
        Ok(WebhookUrl(url))
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for WebhookUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let url = String::deserialize(deserializer)?;
        WebhookUrl::parse(url).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for WebhookUrl {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WebhookUrl".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "title": "WebhookUrl",
            "description": "An https:// URL with a host and no whitespace. Z-API refuses webhooks that are not HTTPS.",
            "type": "string",
            "pattern": "^[Hh][Tt][Tt][Pp][Ss]://[^\\s/?#]+([/?#]\\S*)?$"
        })
    }
}

/// Body of `PUT /update-webhook-*` (one callback) and `/update-webhook-received-delivery`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhookRequest {
    /// Your endpoint that will receive the callback.
    pub value: WebhookUrl,
}

/// Body of `PUT /update-every-webhooks`: the same URL for every callback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateEveryWebhooksRequest {
    /// Your endpoint that will receive every callback.
    pub value: WebhookUrl,
    /// Also send a `ReceivedCallback` for messages the connected number sends (the Portuguese
    /// docs' name for the switch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_sent_by_me: Option<bool>,
    /// The same switch under the name the English docs' example sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_and_delivery_callback: Option<bool>,
}

/// Body of `PUT /update-notify-sent-by-me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateNotifySentByMeRequest {
    /// Send a `ReceivedCallback` for messages the connected number sends too.
    pub notify_sent_by_me: bool,
}

/// Response of every webhook-configuration endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UpdateWebhookResponse {
    /// Whether the change was applied.
    pub value: bool,
}

/// The webhook-configuration endpoints, all `PUT
/// https://api.z-api.io/instances/{instance}/token/{token}/<path>`.
///
/// ```
/// use zapi_webhooks::CallbackType;
/// use zapi_webhooks::webhook_config::WebhookEndpoint;
///
/// let status = WebhookEndpoint::Callback(CallbackType::MessageStatus);
/// assert_eq!(status.path(), "update-webhook-message-status");
/// assert_eq!(status.documented_aliases(), ["update-webhook-status"]);
/// assert_eq!(WebhookEndpoint::Every.path(), "update-every-webhooks");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WebhookEndpoint {
    /// `update-webhook-<callback>`: where the callbacks of one type go (`update-webhook-received`,
    /// `update-webhook-chat-presence`, ...).
    Callback(CallbackType),
    /// `update-webhook-received-delivery`: `ReceivedCallback`s, including messages sent by the
    /// connected number.
    ReceivedDelivery,
    /// `update-every-webhooks`: one URL for every callback.
    Every,
    /// `update-notify-sent-by-me`: turn notifications of sent messages on or off.
    NotifySentByMe,
}

/// The endpoints that are not one callback type's.
const OTHER_ENDPOINTS: [WebhookEndpoint; 3] = [
    WebhookEndpoint::ReceivedDelivery,
    WebhookEndpoint::Every,
    WebhookEndpoint::NotifySentByMe,
];

/// [`WebhookEndpoint::ALL`]: one per callback type, in [`CallbackType::ALL`]'s order, then the
/// others.
const ALL_ENDPOINTS: [WebhookEndpoint; CallbackType::ALL.len() + OTHER_ENDPOINTS.len()] = {
    let mut all = [WebhookEndpoint::Every; CallbackType::ALL.len() + OTHER_ENDPOINTS.len()];
    let mut i = 0;
    while i < CallbackType::ALL.len() {
        all[i] = WebhookEndpoint::Callback(CallbackType::ALL[i]);
        i += 1;
    }
    let mut j = 0;
    while j < OTHER_ENDPOINTS.len() {
        all[i + j] = OTHER_ENDPOINTS[j];
        j += 1;
    }
    all
};

impl WebhookEndpoint {
    /// Every endpoint: one per callback type, then the others.
    pub const ALL: &'static [WebhookEndpoint] = &ALL_ENDPOINTS;

    /// The last path segment, as documented.
    pub fn path(self) -> &'static str {
        match self {
            WebhookEndpoint::Callback(callback) => callback.endpoint().path,
            WebhookEndpoint::ReceivedDelivery => "update-webhook-received-delivery",
            WebhookEndpoint::Every => "update-every-webhooks",
            WebhookEndpoint::NotifySentByMe => "update-notify-sent-by-me",
        }
    }

    /// Other paths the docs give for the same endpoint.
    pub fn documented_aliases(self) -> &'static [&'static str] {
        match self {
            WebhookEndpoint::Callback(callback) => callback.endpoint().aliases,
            _ => &[],
        }
    }

    /// Name of the request body type: `UpdateWebhookRequest`, `UpdateEveryWebhooksRequest` or
    /// `UpdateNotifySentByMeRequest`.
    pub fn request_type(self) -> &'static str {
        match self {
            WebhookEndpoint::Every => "UpdateEveryWebhooksRequest",
            WebhookEndpoint::NotifySentByMe => "UpdateNotifySentByMeRequest",
            WebhookEndpoint::Callback(_) | WebhookEndpoint::ReceivedDelivery => {
                "UpdateWebhookRequest"
            }
        }
    }

    /// A one-line summary of what the endpoint does (the OpenAPI operation's `summary`).
    pub fn summary(self) -> &'static str {
        match self {
            WebhookEndpoint::Callback(callback) => callback.endpoint().summary,
            WebhookEndpoint::ReceivedDelivery => {
                "Set the URL that receives ReceivedCallback, for sent messages too"
            }
            WebhookEndpoint::Every => "Set one URL for every callback",
            WebhookEndpoint::NotifySentByMe => {
                "Turn ReceivedCallback for messages sent by the connected number on or off"
            }
        }
    }

    /// What the endpoint does, in a sentence or two (the OpenAPI operation's `description`).
    pub fn description(self) -> &'static str {
        match self {
            WebhookEndpoint::Callback(callback) => callback.endpoint().description,
            WebhookEndpoint::ReceivedDelivery => {
                "Like update-webhook-received, and messages the connected number sends produce a \
                 ReceivedCallback too."
            }
            WebhookEndpoint::Every => {
                "Sets the same HTTPS URL for every callback type; `notifySentByMe` also turns on \
                 ReceivedCallback for messages the connected number sends."
            }
            WebhookEndpoint::NotifySentByMe => {
                "Chooses whether messages the connected number sends also produce a \
                 ReceivedCallback."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_callback_type_has_one_endpoint_of_its_own() {
        let paths: Vec<&str> = WebhookEndpoint::ALL.iter().map(|e| e.path()).collect();
        let mut unique = paths.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), paths.len(), "{paths:?}");
        assert_eq!(
            WebhookEndpoint::ALL.len(),
            CallbackType::ALL.len() + OTHER_ENDPOINTS.len()
        );
        for &callback in CallbackType::ALL {
            let endpoint = WebhookEndpoint::Callback(callback);
            assert_eq!(
                WebhookEndpoint::ALL
                    .iter()
                    .filter(|e| **e == endpoint)
                    .count(),
                1
            );
            assert!(endpoint.path().starts_with("update-webhook-"), "{callback}");
            assert!(
                endpoint.summary().ends_with(callback.type_value()),
                "{}",
                endpoint.summary()
            );
            assert!(
                endpoint.description().contains(callback.type_value()),
                "{}",
                endpoint.description()
            );
            assert_eq!(endpoint.request_type(), "UpdateWebhookRequest");
        }
        assert_eq!(
            WebhookEndpoint::Callback(CallbackType::PresenceChat).path(),
            "update-webhook-chat-presence"
        );
        assert_eq!(
            WebhookEndpoint::Callback(CallbackType::Received).documented_aliases(),
            ["update-webhook-receive"]
        );
    }

    #[test]
    fn urls_must_be_https_with_a_host() {
        for good in [
            "https://a.example",
            "HTTPS://a.example/x?y#z",
            "https://a:8443/p",
        ] {
            assert!(WebhookUrl::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "http://a.example",
            "ftp://a",
            "https://",
            "https:///x",
            "a.example",
            "https://a b",
        ] {
            assert!(WebhookUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn request_bodies_round_trip_and_reject_http_and_typos() {
        let every: UpdateEveryWebhooksRequest = serde_json::from_str(
            r#"{"value":"https://endereco-do-seu-sistema.com.br/instancia/SUA_INSTANCIA/status","notifySentByMe":true}"#,
        )
        .expect("docs example");
        assert_eq!(every.notify_sent_by_me, Some(true));
        // The English page's example names the switch `receivedAndDeliveryCallback`.
        let text = r#"{"value":"https://example.com/all","receivedAndDeliveryCallback":true}"#;
        let english: UpdateEveryWebhooksRequest = serde_json::from_str(text).expect("en example");
        assert_eq!(english.received_and_delivery_callback, Some(true));
        assert_eq!(english.notify_sent_by_me, None);
        assert_eq!(serde_json::to_string(&english).expect("ser"), text);
        let err = serde_json::from_str::<UpdateWebhookRequest>(r#"{"value":"http://x.example"}"#)
            .expect_err("http");
        assert!(err.to_string().contains("HTTPS"), "{err}");
        assert!(
            serde_json::from_str::<UpdateNotifySentByMeRequest>(r#"{"notifySendByMe":true}"#)
                .is_err()
        );
        let response: UpdateWebhookResponse =
            serde_json::from_str(r#"{"value":true,"extra":1}"#).expect("tolerant response");
        assert!(response.value);
    }
}
