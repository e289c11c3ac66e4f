//! Text messages and what rides along with them: ad referrals and status replies.

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

lossless_object! {
    /// The ad a conversation started from ("click to WhatsApp" ads).
    pub struct ExternalAdReply {
        /// Ad title.
        "title" => title: String,
        /// Ad text.
        "body" => body: String,
        /// Media type code of the ad (a number).
        "mediaType" => media_type: u64,
        /// Ad thumbnail URL.
        "thumbnailUrl" => thumbnail_url: String,
        /// Source type, e.g. `ad`.
        "sourceType" => source_type: String,
        /// Id of the ad.
        "sourceId" => source_id: String,
        /// Click id for conversion tracking.
        "ctwaClid" => ctwa_clid: String,
        /// URL of the ad.
        "sourceUrl" => source_url: String,
        /// Whether an automatic reply is attached.
        "containsAutoReply" => contains_auto_reply: bool,
        /// Whether the thumbnail is shown large.
        "renderLargerThumbnail" => render_larger_thumbnail: bool,
        /// Whether the ad attribution is shown.
        "showAdAttribution" => show_ad_attribution: bool,
    }
}

lossless_object! {
    /// The status post (story) a message replies to.
    pub struct StatusImage {
        /// URL of the status image.
        "imageUrl" => image_url: String,
        /// URL of its thumbnail.
        "thumbnailUrl" => thumbnail_url: String,
        /// Its caption.
        "caption" => caption: String,
        /// MIME type (sent in lower case as `mimetype` here).
        "mimetype" => mimetype: String,
        /// MIME type, under the spelling the other media use.
        "mimeType" => mime_type: String,
        /// Whether it was view-once.
        "viewOnce" => view_once: bool,
        /// Width in pixels.
        "width" => width: u64,
        /// Height in pixels.
        "height" => height: u64,
    }
}
