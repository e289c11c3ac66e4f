//! Open enums shared by several callbacks.

use crate::macros::open_enum;

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
