//! `PresenceChatCallback`: a contact's presence in a chat (online, typing, recording).

use crate::Timestamp;
use crate::mechanism::callback_types::callback_model;
use crate::mechanism::macros::{lossless_object, open_enum};

open_enum! {
    /// What a contact is doing in a chat.
    pub enum PresenceStatus {
        /// Not in the chat (offline or elsewhere).
        Unavailable = "UNAVAILABLE",
        /// In the chat.
        Available = "AVAILABLE",
        /// Typing.
        Composing = "COMPOSING",
        /// Stopped typing, or deleted what was typed.
        Paused = "PAUSED",
        /// Recording audio.
        Recording = "RECORDING",
    }
}

lossless_object! {
    /// A contact's presence changed in a chat.
    pub struct PresenceChatCallback {
        /// Callback type as sent: `PresenceChatCallback`.
        "type" => r#type: String,
        /// The Z-API instance.
        "instanceId" => instance_id: String,
        /// Phone number of the contact.
        "phone" => phone: String,
        /// The presence.
        "status" => status: PresenceStatus,
        /// When the contact was last online; often `null`.
        "lastSeen" => last_seen: Timestamp,
    }
}

// `lastSeen` is when the contact was last online, not when this event happened.
callback_model! {
    PresenceChatCallback,
    endpoint: "update-webhook-chat-presence",
    description: "Sets the HTTPS URL that receives a PresenceChatCallback when a contact's presence in a chat changes (available, composing, ...).",
    event_time: none
}
