//! Media messages: image, audio, video (also GIF), video note (PTV), document, sticker,
//! location, live location, contact.

use serde_json::Number;

use crate::NumberOrString;
use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// An image.
    pub struct Image {
        /// MIME type, e.g. `image/jpeg`.
        "mimeType" => mime_type: String,
        /// URL to download the image.
        "imageUrl" => image_url: String,
        /// URL of the thumbnail.
        "thumbnailUrl" => thumbnail_url: String,
        /// Why the download failed, when it did.
        "downloadError" => download_error: String,
        /// Caption.
        "caption" => caption: String,
        /// Width in pixels.
        "width" => width: u64,
        /// Height in pixels.
        "height" => height: u64,
        /// Whether it can be viewed only once.
        "viewOnce" => view_once: bool,
    }
}

lossless_object! {
    /// An audio message or voice note.
    pub struct Audio {
        /// `true` for a voice note recorded in WhatsApp ("push to talk").
        "ptt" => ptt: bool,
        /// Length in seconds.
        "seconds" => seconds: u64,
        /// URL to download the audio.
        "audioUrl" => audio_url: String,
        /// MIME type, e.g. `audio/ogg; codecs=opus`.
        "mimeType" => mime_type: String,
        /// Whether it can be played only once.
        "viewOnce" => view_once: bool,
    }
}

lossless_object! {
    /// A video; GIFs arrive in the same shape.
    pub struct Video {
        /// URL to download the video.
        "videoUrl" => video_url: String,
        /// Caption.
        "caption" => caption: String,
        /// MIME type, e.g. `video/mp4`.
        "mimeType" => mime_type: String,
        /// Length in seconds.
        "seconds" => seconds: u64,
        /// Whether it can be viewed only once.
        "viewOnce" => view_once: bool,
        /// Width in pixels.
        "width" => width: u64,
        /// Height in pixels.
        "height" => height: u64,
        /// Whether it is a GIF.
        "isGif" => is_gif: bool,
    }
}

lossless_object! {
    /// A document (file).
    pub struct Document {
        /// URL to download the document.
        "documentUrl" => document_url: String,
        /// MIME type, e.g. `application/pdf`.
        "mimeType" => mime_type: String,
        /// Title.
        "title" => title: String,
        /// Number of pages. Documented as a string, sent as a number: both are accepted.
        "pageCount" => page_count: NumberOrString,
        /// File name.
        "fileName" => file_name: String,
        /// Caption.
        "caption" => caption: String,
        /// URL of the thumbnail.
        "thumbnailUrl" => thumbnail_url: String,
    }
}

lossless_object! {
    /// A sticker.
    pub struct Sticker {
        /// URL to download the sticker.
        "stickerUrl" => sticker_url: String,
        /// MIME type, e.g. `image/webp`.
        "mimeType" => mime_type: String,
        /// Whether it is animated.
        "isAnimated" => is_animated: bool,
        /// Width in pixels, seen in real deliveries.
        "width" => width: u64,
        /// Height in pixels, seen in real deliveries.
        "height" => height: u64,
    }
}

lossless_object! {
    /// A round video note (WhatsApp's PTV), under the content key `ptv`; seen in real
    /// deliveries, not in the docs.
    pub struct VideoNote {
        /// URL to download the video note.
        "ptvUrl" => ptv_url: String,
        /// Caption (usually empty).
        "caption" => caption: String,
        /// MIME type, e.g. `video/mp4`.
        "mimeType" => mime_type: String,
        /// Width in pixels (0 when unknown).
        "width" => width: u64,
        /// Height in pixels (0 when unknown).
        "height" => height: u64,
    }
}

lossless_object! {
    /// A location.
    pub struct Location {
        /// Longitude in degrees, kept as the exact JSON number sent.
        "longitude" => longitude: Number,
        /// Latitude in degrees, kept as the exact JSON number sent.
        "latitude" => latitude: Number,
        /// Name of the place.
        "name" => name: String,
        /// Address of the place.
        "address" => address: String,
        /// Link to the place.
        "url" => url: String,
        /// URL of the map thumbnail.
        "thumbnailUrl" => thumbnail_url: String,
    }
}

lossless_object! {
    /// A live location being shared, under the content key `liveLocation`; seen in real
    /// deliveries, not in the docs.
    pub struct LiveLocation {
        /// Longitude in degrees, kept as the exact JSON number sent.
        "longitude" => longitude: Number,
        /// Latitude in degrees, kept as the exact JSON number sent.
        "latitude" => latitude: Number,
        /// Caption.
        "caption" => caption: String,
        /// Which update of the shared location this is.
        "sequence" => sequence: LiveLocationSequence,
    }
}

lossless_object! {
    /// The update counter of a live location: a 64-bit number sent as two 32-bit halves, the
    /// way WhatsApp's protocol encodes it in JSON.
    pub struct LiveLocationSequence {
        /// The lower 32 bits (as a signed or unsigned JSON integer).
        "low" => low: Number,
        /// The upper 32 bits.
        "high" => high: Number,
        /// Whether the whole number is unsigned.
        "unsigned" => unsigned: bool,
    }
}

impl LiveLocationSequence {
    /// The 64-bit number the two halves make (`high << 32 | low`, each half taken as its 32
    /// bits), when both are present integers.
    ///
    /// ```
    /// let sequence: zapi_webhooks::received::LiveLocationSequence =
    ///     serde_json::from_str(r#"{"low": -1, "high": 1, "unsigned": false}"#).unwrap();
    /// assert_eq!(sequence.value(), Some(0x1_FFFF_FFFF));
    /// ```
    pub fn value(&self) -> Option<u64> {
        let half = |n: &Number| -> Option<u64> {
            let bits = n.as_i64()?;
            // Each half is 32 bits, sent signed or unsigned.
            Some(u64::from(u32::try_from(bits & 0xFFFF_FFFF).ok()?))
        };
        Some(half(self.high.get()?)? << 32 | half(self.low.get()?)?)
    }
}

lossless_object! {
    /// A shared contact card.
    pub struct Contact {
        /// Name shown for the contact.
        "displayName" => display_name: String,
        /// The contact as a vCard.
        "vCard" => v_card: String,
        /// Phone numbers of the contact.
        "phones" => phones: Vec<String>,
    }
}
