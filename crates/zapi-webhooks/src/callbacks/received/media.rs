//! Downloadable media: image, audio, video (also GIF), video note (PTV), document, sticker.

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
