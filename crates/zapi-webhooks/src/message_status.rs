//! `MessageStatusCallback`: a sent message changed status (sent, received, read, played).

use crate::macros::lossless_object;
use crate::{MessageStatus, Timestamp};

lossless_object! {
    /// A message changed status, for one or more message ids at once.
    pub struct MessageStatusCallback {
        /// Callback type as sent: `MessageStatusCallback`.
        "type" => r#type: String,
        /// The Z-API instance.
        "instanceId" => instance_id: String,
        /// The new status of the messages.
        "status" => status: MessageStatus,
        /// Ids of the messages whose status changed.
        "ids" => ids: Vec<String>,
        /// A single message id, as the docs' table names it (the examples send `ids`).
        "id" => id: String,
        /// When the status changed.
        "momment" => momment: Timestamp,
        /// Which device of the account saw the event (0 is the phone).
        "phoneDevice" => phone_device: u64,
        /// Phone number (or group id) of the chat.
        "phone" => phone: String,
        /// Whether the chat is a group.
        "isGroup" => is_group: bool,
    }
}
