//! Events and the answers to them.

use super::{Location, ReferencedMessage};
use crate::Timestamp;
use crate::mechanism::macros::{lossless_object, open_enum};

lossless_object! {
    /// An event (a scheduled meeting) shared in a chat.
    pub struct Event {
        /// Event name.
        "name" => name: String,
        /// Event description.
        "description" => description: String,
        /// Whether it was canceled.
        "canceled" => canceled: bool,
        /// Call link of the event.
        "joinLink" => join_link: String,
        /// When it takes place (seconds in the docs' example).
        "scheduleTime" => schedule_time: Timestamp,
        /// Where it takes place (may be an empty object).
        "location" => location: Location,
    }
}

open_enum! {
    /// An answer to an event invitation.
    pub enum EventResponseType {
        /// Will attend.
        Going = "GOING",
        /// Will not attend.
        NotGoing = "NOT_GOING",
        /// Might attend.
        Maybe = "MAYBE",
    }
}

lossless_object! {
    /// Somebody answered an event invitation.
    pub struct EventResponse {
        /// The answer.
        "response" => response: EventResponseType,
        /// Who answered.
        "responseFrom" => response_from: String,
        /// When they answered.
        "time" => time: Timestamp,
        /// The event message answered.
        "referencedMessage" => referenced_message: ReferencedMessage,
    }
}
