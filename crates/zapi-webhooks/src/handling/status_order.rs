//! The order of message statuses: statuses arrive out of order and repeated, and a tracker
//! must never move a message back (a `RECEIVED` after its `READ`).

use crate::MessageStatus;

/// See [`MessageStatus::rank`].
pub(super) fn rank(status: &MessageStatus) -> Option<u8> {
    // Read by the wire value, so that the table holds for every value, known or not.
    match status.as_str() {
        "PENDING" => Some(0),
        "SENT" => Some(1),
        "RECEIVED" | "MESSAGE_RECEIVED" => Some(2),
        "READ" | "READ_BY_ME" => Some(3),
        "PLAYED" => Some(4),
        _ => None,
    }
}

/// See [`MessageStatus::supersedes`].
pub(super) fn supersedes(new: &MessageStatus, previous: &MessageStatus) -> bool {
    match (rank(new), rank(previous)) {
        (Some(new), Some(previous)) => new > previous,
        (Some(_), None) => true,
        (None, _) => false,
    }
}
