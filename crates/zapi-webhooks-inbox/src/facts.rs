//! Everything this crate reads from a parsed callback, in one place: the one module that uses
//! the core crate's API, so a change there touches this file only.

use zapi_webhooks::Callback;

/// What the inbox records about a delivery besides its body: read from the parsed callback.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Facts {
    /// The key two deliveries of the same event share ([`Callback::dedupe_key`]: printable
    /// ASCII, at most 200 bytes).
    pub dedupe_key: String,
    /// The callback's type as the docs write it in `type` (`ReceivedCallback`), or `unknown`.
    pub callback: String,
    /// The kind name (`text`, `image`, `message_status`, ...).
    pub kind: String,
    /// The chat (`phone`), when the callback names one.
    pub chat: Option<String>,
    /// The instance (`instanceId`), when the callback names one.
    pub instance: Option<String>,
}

impl Facts {
    /// Reads the facts of `callback` (its dedupe key is [`Callback::dedupe_key`]).
    pub fn of(callback: &Callback) -> Facts {
        Facts {
            dedupe_key: callback.dedupe_key().into_string(),
            callback: callback
                .kind()
                .callback_type()
                .map_or("unknown", |t| t.type_value())
                .to_owned(),
            kind: callback.kind().as_str().to_owned(),
            chat: chat(callback).map(str::to_owned),
            instance: callback.instance_id().map(str::to_owned),
        }
    }

    /// The key that keeps one chat's deliveries in arrival order: instance and chat, when
    /// the callback names a chat. Deliveries without a chat are not ordered among themselves.
    pub fn order_key(&self) -> Option<String> {
        let chat = self.chat.as_deref()?;
        Some(format!("{}/{chat}", self.instance.as_deref().unwrap_or("")))
    }
}

/// The chat a callback belongs to: its `phone`.
fn chat(callback: &Callback) -> Option<&str> {
    match callback {
        Callback::Received(c) => c.phone.as_deref(),
        Callback::Delivery(c) => c.phone.as_deref(),
        Callback::MessageStatus(c) => c.phone.as_deref(),
        Callback::PresenceChat(c) => c.phone.as_deref(),
        Callback::Unknown(map) => map.get("phone").and_then(serde_json::Value::as_str),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_of_a_message_and_a_status() {
        let body = br#"{"type":"ReceivedCallback","instanceId":"I1","phone":"5511","messageId":"M","text":{"message":"hi"}}"#;
        let callback = Callback::from_slice(body).expect("parses");
        let facts = Facts::of(&callback);
        assert_eq!(facts.callback, "ReceivedCallback");
        assert_eq!(facts.kind, "text");
        assert_eq!(facts.chat.as_deref(), Some("5511"));
        assert_eq!(facts.instance.as_deref(), Some("I1"));
        assert_eq!(facts.order_key().as_deref(), Some("I1/5511"));
        assert!(facts.dedupe_key.len() <= 200 && facts.dedupe_key.is_ascii());
        let again = Facts::of(&callback);
        assert_eq!(again.dedupe_key, facts.dedupe_key);

        let body = br#"{"type":"DisconnectedCallback","instanceId":"I1"}"#;
        let callback = Callback::from_slice(body).expect("parses");
        let other = Facts::of(&callback);
        assert_eq!(other.chat, None);
        assert_eq!(other.order_key(), None);
        assert_ne!(other.dedupe_key, facts.dedupe_key);
    }
}
