//! `DeliveryCallback`: Z-API accepted a message that the instance sent.

use crate::Timestamp;
use crate::mechanism::callback_types::callback_model;
use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// Sent after the instance sends a message through the API: the message left Z-API.
    pub struct DeliveryCallback {
        /// Callback type as sent: `DeliveryCallback`.
        "type" => r#type: String,
        /// The Z-API instance that sent the message.
        "instanceId" => instance_id: String,
        /// Destination phone number (or group id) of the message.
        "phone" => phone: String,
        /// Z-API's own id for the queued message.
        "zaapId" => zaap_id: String,
        /// WhatsApp's id for the message.
        "messageId" => message_id: String,
        /// When the event happened.
        "momment" => momment: Timestamp,
        /// Error description, when sending failed.
        "error" => error: String,
    }
}

callback_model! {
    DeliveryCallback,
    endpoint: "update-webhook-delivery",
    description: "Sets the HTTPS URL that receives a DeliveryCallback when a message sent through the API has left Z-API.",
    event_time: momment
}
