//! [`Media`]: the downloadable file of a received message, whatever its kind.

use crate::received::{Audio, Document, Image, Sticker, Video, VideoNote};
use crate::{Content, Kind};

/// The media of a received message (image, audio, video, video note, document or sticker), with one set of
/// accessors for all of them: returned by [`crate::ReceivedCallback::media`]. An accessor answers
/// `None` when the kind has no such field or the payload did not send it.
#[derive(Debug, Clone, Copy)]
pub struct Media<'a> {
    inner: Inner<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Inner<'a> {
    Image(&'a Image),
    Audio(&'a Audio),
    Video(&'a Video),
    Document(&'a Document),
    Sticker(&'a Sticker),
    VideoNote(&'a VideoNote),
}

impl<'a> Media<'a> {
    /// The media of `content`, if it is of a media kind.
    pub(crate) fn of(content: &'a Content) -> Option<Self> {
        let inner = match content {
            Content::Image(image) => Inner::Image(image),
            Content::Audio(audio) => Inner::Audio(audio),
            Content::Video(video) => Inner::Video(video),
            Content::Document(document) => Inner::Document(document),
            Content::Sticker(sticker) => Inner::Sticker(sticker),
            Content::VideoNote(note) => Inner::VideoNote(note),
            _ => return None,
        };
        Some(Media { inner })
    }

    /// The message kind: [`Kind::Image`], [`Kind::Audio`], [`Kind::Video`],
    /// [`Kind::VideoNote`], [`Kind::Document`] or [`Kind::Sticker`].
    ///
    /// ```
    /// use zapi_webhooks::{Callback, Kind};
    /// let body = br#"{"type":"ReceivedCallback","sticker":{"stickerUrl":"https://example.com/s.webp"}}"#;
    /// let callback = Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!(media.kind(), Kind::Sticker);
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn kind(&self) -> Kind {
        match self.inner {
            Inner::Image(_) => Kind::Image,
            Inner::Audio(_) => Kind::Audio,
            Inner::Video(_) => Kind::Video,
            Inner::Document(_) => Kind::Document,
            Inner::Sticker(_) => Kind::Sticker,
            Inner::VideoNote(_) => Kind::VideoNote,
        }
    }

    /// Where to download the file: `imageUrl`, `audioUrl`, `videoUrl`, `ptvUrl`, `documentUrl`
    /// or `stickerUrl`.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","audio":{"audioUrl":"https://example.com/a.ogg"}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!(media.url(), Some("https://example.com/a.ogg"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn url(&self) -> Option<&'a str> {
        match self.inner {
            Inner::Image(m) => m.image_url.as_deref(),
            Inner::Audio(m) => m.audio_url.as_deref(),
            Inner::Video(m) => m.video_url.as_deref(),
            Inner::Document(m) => m.document_url.as_deref(),
            Inner::Sticker(m) => m.sticker_url.as_deref(),
            Inner::VideoNote(m) => m.ptv_url.as_deref(),
        }
    }

    /// The MIME type (`mimeType`), e.g. `image/jpeg`.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","image":{"mimeType":"image/jpeg"}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!(media.mime_type(), Some("image/jpeg"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn mime_type(&self) -> Option<&'a str> {
        match self.inner {
            Inner::Image(m) => m.mime_type.as_deref(),
            Inner::Audio(m) => m.mime_type.as_deref(),
            Inner::Video(m) => m.mime_type.as_deref(),
            Inner::Document(m) => m.mime_type.as_deref(),
            Inner::Sticker(m) => m.mime_type.as_deref(),
            Inner::VideoNote(m) => m.mime_type.as_deref(),
        }
    }

    /// The caption (images, videos, video notes and documents).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","video":{"caption":"look"}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!(media.caption(), Some("look"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn caption(&self) -> Option<&'a str> {
        match self.inner {
            Inner::Image(m) => m.caption.as_deref(),
            Inner::Video(m) => m.caption.as_deref(),
            Inner::Document(m) => m.caption.as_deref(),
            Inner::VideoNote(m) => m.caption.as_deref(),
            Inner::Audio(_) | Inner::Sticker(_) => None,
        }
    }

    /// The file name (`fileName`, documents only).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","document":{"fileName":"a.pdf"}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!(media.file_name(), Some("a.pdf"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn file_name(&self) -> Option<&'a str> {
        match self.inner {
            Inner::Document(m) => m.file_name.as_deref(),
            _ => None,
        }
    }

    /// The length in seconds (`seconds`, audios and videos).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","audio":{"seconds":12}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!(media.seconds(), Some(12));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn seconds(&self) -> Option<u64> {
        match self.inner {
            Inner::Audio(m) => m.seconds.copied(),
            Inner::Video(m) => m.seconds.copied(),
            _ => None,
        }
    }

    /// The width in pixels (`width`: images, videos, video notes and stickers).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","image":{"width":640,"height":480}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!((media.width(), media.height()), (Some(640), Some(480)));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn width(&self) -> Option<u64> {
        match self.inner {
            Inner::Image(m) => m.width.copied(),
            Inner::Video(m) => m.width.copied(),
            Inner::VideoNote(m) => m.width.copied(),
            Inner::Sticker(m) => m.width.copied(),
            _ => None,
        }
    }

    /// The height in pixels (`height`: images, videos, video notes and stickers).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","video":{"height":480}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!(media.height(), Some(480));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn height(&self) -> Option<u64> {
        match self.inner {
            Inner::Image(m) => m.height.copied(),
            Inner::Video(m) => m.height.copied(),
            Inner::VideoNote(m) => m.height.copied(),
            Inner::Sticker(m) => m.height.copied(),
            _ => None,
        }
    }

    /// The URL of a thumbnail (`thumbnailUrl`, images and documents).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","image":{"thumbnailUrl":"https://example.com/t.jpg"}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().unwrap();
    /// assert_eq!(media.thumbnail_url(), Some("https://example.com/t.jpg"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn thumbnail_url(&self) -> Option<&'a str> {
        match self.inner {
            Inner::Image(m) => m.thumbnail_url.as_deref(),
            Inner::Document(m) => m.thumbnail_url.as_deref(),
            _ => None,
        }
    }

    /// Whether it can be viewed (or played) only once (`viewOnce` is `true`; images, audios
    /// and videos).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","image":{"viewOnce":true}}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// assert!(callback.as_received().unwrap().media().unwrap().is_view_once());
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn is_view_once(&self) -> bool {
        match self.inner {
            Inner::Image(m) => m.view_once.is_true(),
            Inner::Audio(m) => m.view_once.is_true(),
            Inner::Video(m) => m.view_once.is_true(),
            Inner::Document(_) | Inner::Sticker(_) | Inner::VideoNote(_) => false,
        }
    }
}
