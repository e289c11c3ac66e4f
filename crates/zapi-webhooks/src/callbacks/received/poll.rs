//! Polls and votes.

use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// A poll.
    pub struct Poll {
        /// The question.
        "question" => question: String,
        /// How many options one may choose (0: any number).
        "pollMaxOptions" => poll_max_options: u64,
        /// The options.
        "options" => options: Vec<PollOption>,
    }
}

lossless_object! {
    /// A vote on a poll.
    pub struct PollVote {
        /// Id of the poll message voted on.
        "pollMessageId" => poll_message_id: String,
        /// The chosen options.
        "options" => options: Vec<PollOption>,
    }
}

lossless_object! {
    /// An option of a poll.
    pub struct PollOption {
        /// Text of the option.
        "name" => name: String,
    }
}
