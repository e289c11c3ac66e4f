//! `DisconnectedCallback`: the instance lost its phone.

use crate::Field;
use crate::Timestamp;
use crate::mechanism::callback_types::{CallbackModel, Endpoint};
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

impl CallbackModel for DisconnectedCallback {
    const ENDPOINT: Endpoint = Endpoint {
        path: "update-webhook-disconnected",
        aliases: &[],
        summary: "Set the URL that receives DisconnectedCallback",
        description: "Sets the HTTPS URL that receives a DisconnectedCallback when the instance disconnects.",
    };

    fn type_field(&self) -> &Field<String> {
        &self.r#type
    }

    fn instance_id_field(&self) -> &Field<String> {
        &self.instance_id
    }

    fn event_time(&self) -> Option<&Timestamp> {
        self.momment.get()
    }
}
