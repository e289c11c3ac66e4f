//! `DisconnectedCallback`: the instance lost its phone.

use crate::Timestamp;
use crate::mechanism::callback_types::callback_model;
use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// The instance was disconnected from its WhatsApp number.
    pub struct DisconnectedCallback {
        /// Callback type as sent: `DisconnectedCallback`.
        "type" => r#type: String,
        /// The Z-API instance.
        "instanceId" => instance_id: String,
        /// When it was disconnected (seconds in the docs' example).
        "momment" => momment: Timestamp,
        /// Why it was disconnected.
        "error" => error: String,
        /// Whether the instance is disconnected.
        "disconnected" => disconnected: bool,
        /// The phone number that was connected, seen in real deliveries (and in the docs'
        /// unmerged branch).
        "phone" => phone: String,
    }
}

callback_model! {
    DisconnectedCallback,
    endpoint: "update-webhook-disconnected",
    description: "Sets the HTTPS URL that receives a DisconnectedCallback when the instance disconnects.",
    event_time: momment
}
