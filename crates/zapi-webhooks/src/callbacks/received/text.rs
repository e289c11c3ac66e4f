//! Text messages.

use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// A text message (also link previews, catalog and group-invite messages).
    pub struct Text {
        /// The text.
        "message" => message: String,
        /// Description WhatsApp attached (link previews, ads).
        "description" => description: String,
        /// The same description under the misspelled key some payloads use.
        "descritpion" => descritpion: String,
        /// Title WhatsApp attached.
        "title" => title: String,
        /// Link attached to the message (e.g. a catalog's "see catalog" button).
        "url" => url: String,
        /// Thumbnail attached to the message (e.g. a group invite's picture).
        "thumbnailUrl" => thumbnail_url: String,
    }
}
