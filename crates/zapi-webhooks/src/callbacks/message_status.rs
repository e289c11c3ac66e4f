//! `MessageStatusCallback`: a sent message changed status (sent, received, read, played), and
//! [`MessageStatus`], the status itself, which `ReceivedCallback` carries too.

use crate::Timestamp;
use crate::mechanism::callback_types::callback_model;
use crate::mechanism::macros::{lossless_object, open_enum};

open_enum! {
    /// Where a message stands: the `status` of a `ReceivedCallback` and of a
    /// `MessageStatusCallback`.
    pub enum MessageStatus {
        /// Not yet sent by the phone.
        Pending = "PENDING",
        /// Sent to WhatsApp's servers.
        Sent = "SENT",
        /// Delivered to the recipient's device.
        Received = "RECEIVED",
        /// Read by the recipient.
        Read = "READ",
        /// Read on the connected number itself (a message the instance received and opened).
        ReadByMe = "READ_BY_ME",
        /// An audio or video that the recipient played.
        Played = "PLAYED",
        /// Seen on payment notifications sent by the connected number.
        MessageReceived = "MESSAGE_RECEIVED",
    }
}

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
        /// In groups: who the status is about (a phone number or an `@lid`), seen in real
        /// deliveries.
        "participant" => participant: String,
        /// In groups: which device of that participant (0 is the phone), seen in real
        /// deliveries.
        "participantDevice" => participant_device: u64,
    }
}

callback_model! {
    MessageStatusCallback,
    endpoint: "update-webhook-message-status" (aka "update-webhook-status"),
    description: "Sets the HTTPS URL that receives a MessageStatusCallback when messages change status (sent, received, read, played, ...).",
    event_time: momment
}
