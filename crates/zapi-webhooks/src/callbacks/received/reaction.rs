//! Reactions, and the message a reaction is about.

use crate::Timestamp;
use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// A reaction (emoji) to a message.
    pub struct Reaction {
        /// The emoji; empty when a reaction is removed.
        "value" => value: String,
        /// When the reaction was made.
        "time" => time: Timestamp,
        /// Who reacted.
        "reactionBy" => reaction_by: String,
        /// The message reacted to.
        "referencedMessage" => referenced_message: ReferencedMessage,
    }
}

lossless_object! {
    /// A message that another one refers to (reactions, pins, event answers).
    pub struct ReferencedMessage {
        /// Id of the message.
        "messageId" => message_id: String,
        /// Whether it was sent by the connected number.
        "fromMe" => from_me: bool,
        /// Chat phone number.
        "phone" => phone: String,
        /// Group participant who sent it, in groups.
        "participant" => participant: String,
    }
}
