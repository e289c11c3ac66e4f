//! What the envelope of a received message carries besides plain fields: the ad a conversation
//! came from, the status post a message replies to, the trace context.

use crate::mechanism::macros::lossless_object;

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

lossless_object! {
    /// The tracing context Z-API attaches to a delivery (`_traceContext`), seen in real
    /// deliveries from 2025 on, call notifications included.
    pub struct TraceContext {
        /// Id of the trace.
        "traceId" => trace_id: String,
        /// Id of the span.
        "spanId" => span_id: String,
    }
}
