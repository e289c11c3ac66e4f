//! Pinned and unpinned messages.

use super::ReferencedMessage;
use crate::mechanism::macros::{lossless_object, open_enum};

open_enum! {
    /// What happened to a pinned message.
    pub enum PinAction {
        /// The message was pinned.
        Pin = "pin",
        /// The message was unpinned.
        Unpin = "unpin",
    }
}

lossless_object! {
    /// A message was pinned or unpinned in a chat.
    pub struct PinMessage {
        /// Pin or unpin.
        "action" => action: PinAction,
        /// How long the pin lasts, in seconds.
        "pinDurationInSecs" => pin_duration_in_secs: u64,
        /// The pinned message.
        "referencedMessage" => referenced_message: ReferencedMessage,
    }
}
