//! `ConnectedCallback`: the instance connected to a phone.

use crate::Timestamp;
use crate::mechanism::callback_types::callback_model;
use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// The instance connected to its WhatsApp number (after the QR code was read, or on
    /// reconnection).
    pub struct ConnectedCallback {
        /// Callback type as sent: `ConnectedCallback`.
        "type" => r#type: String,
        /// The Z-API instance.
        "instanceId" => instance_id: String,
        /// Whether the instance is connected.
        "connected" => connected: bool,
        /// The connected phone number.
        "phone" => phone: String,
        /// When it connected. Documented as a string, sent as an integer.
        "momment" => momment: Timestamp,
        /// Whether the connected number is a WhatsApp Business account, seen in real deliveries.
        "isBusiness" => is_business: bool,
    }
}

callback_model! {
    ConnectedCallback,
    endpoint: "update-webhook-connected",
    description: "Sets the HTTPS URL that receives a ConnectedCallback when the instance connects.",
    event_time: momment
}
