//! The read layer: what a handler asks of a message (which chat, who sent it, its text, its
//! media, when), computed on demand from the models.
//!
//! Nothing here runs while parsing: every answer is read from the typed fields when asked.
//! A value of an unexpected JSON type ([`crate::Field::Unexpected`],
//! [`crate::Content::Unexpected`]) answers `None` (or `false`), never a panic.

mod chat;
mod media;
mod sender;

pub use chat::{Chat, ChatKind};
pub use media::Media;
pub use sender::Sender;

use crate::{Content, MessageStatusCallback, ReceivedCallback, Timestamp};

impl ReceivedCallback {
    /// The chat the message belongs to: its id, WhatsApp id, name and [`ChatKind`].
    ///
    /// ```
    /// use zapi_webhooks::{Callback, ChatKind};
    ///
    /// let body = br#"{"type":"ReceivedCallback","phone":"120363019502650977-group","chatName":"Team"}"#;
    /// let callback = Callback::from_slice(body)?;
    /// let chat = callback.as_received().unwrap().chat();
    /// assert_eq!(chat.kind(), ChatKind::Group);
    /// assert_eq!(chat.name(), Some("Team"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn chat(&self) -> Chat<'_> {
        Chat::new(self)
    }

    /// Who sent the message: the connected number, a contact, a group participant.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","phone":"1203-group","participantPhone":"5511","senderName":"Ana"}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let sender = callback.as_received().unwrap().sender();
    /// assert_eq!((sender.phone(), sender.name()), (Some("5511"), Some("Ana")));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn sender(&self) -> Sender<'_> {
        Sender::new(self)
    }

    /// The text a person would read: the message of a text, a button or list answer, a
    /// template, a buttons message or an order; a list message's description; a carousel's text; a poll's question; the
    /// caption of an image, a video or a document. `None` for every other kind (audio,
    /// sticker, reaction, notification, ...), and when the field was not sent.
    ///
    /// ```
    /// use zapi_webhooks::Callback;
    ///
    /// let text = |body: &[u8]| Callback::from_slice(body).unwrap().as_received().unwrap().text().map(str::to_owned);
    /// assert_eq!(text(br#"{"type":"ReceivedCallback","text":{"message":"hi"}}"#).as_deref(), Some("hi"));
    /// assert_eq!(text(br#"{"type":"ReceivedCallback","image":{"caption":"look"}}"#).as_deref(), Some("look"));
    /// assert_eq!(text(br#"{"type":"ReceivedCallback","poll":{"question":"when?"}}"#).as_deref(), Some("when?"));
    /// assert_eq!(text(br#"{"type":"ReceivedCallback","reaction":{"value":"ok"}}"#), None);
    /// assert_eq!(text(br#"{"type":"ReceivedCallback","text":"hi"}"#), None); // retyped content
    /// ```
    pub fn text(&self) -> Option<&str> {
        match &self.content {
            Content::Text(text) => text.message.as_deref(),
            Content::ButtonsResponse(response) => response.message.as_deref(),
            Content::ListResponse(response) => response.message.as_deref(),
            Content::ListMessage(list) => list.description.as_deref(),
            Content::HydratedTemplate(template) => template.message.as_deref(),
            Content::ButtonsMessage(buttons) => buttons.message.as_deref(),
            Content::Carousel(carousel) => carousel.text.as_deref(),
            Content::Order(order) => order.message.as_deref(),
            Content::Poll(poll) => poll.question.as_deref(),
            Content::Image(image) => image.caption.as_deref(),
            Content::Video(video) => video.caption.as_deref(),
            Content::Document(document) => document.caption.as_deref(),
            Content::VideoNote(note) => note.caption.as_deref(),
            Content::LiveLocation(location) => location.caption.as_deref(),
            _ => None,
        }
    }

    /// The downloadable media of an image, audio, video, video note, document or sticker; `None` for
    /// every other kind.
    ///
    /// ```
    /// use zapi_webhooks::{Callback, Kind};
    ///
    /// let body = br#"{"type":"ReceivedCallback","document":{"documentUrl":"https://example.com/a.pdf","fileName":"a.pdf"}}"#;
    /// let callback = Callback::from_slice(body)?;
    /// let media = callback.as_received().unwrap().media().expect("a document");
    /// assert_eq!(media.kind(), Kind::Document);
    /// assert_eq!(media.url(), Some("https://example.com/a.pdf"));
    /// assert_eq!(media.file_name(), Some("a.pdf"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn media(&self) -> Option<Media<'_>> {
        Media::of(&self.content)
    }

    /// When the message was received: `momment`, else `moment` (the spelling some English
    /// examples use).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","momment":1632228638000}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let time = callback.as_received().unwrap().timestamp().expect("a time");
    /// assert_eq!(time.unix_millis(), Some(1_632_228_638_000));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn timestamp(&self) -> Option<&Timestamp> {
        self.momment.get().or_else(|| self.moment.get())
    }

    /// `true` when the connected number sent the message (`fromMe` is `true`); the same as
    /// `self.sender().is_me()`.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","fromMe":"true"}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// assert!(!callback.as_received().unwrap().is_from_me()); // a string is not `true`
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn is_from_me(&self) -> bool {
        self.from_me.is_true()
    }

    /// `true` when the chat is a group ([`Chat::kind`] is [`ChatKind::Group`]), which also
    /// covers group ids sent with `"isGroup": false`. The raw flag is the `is_group` field.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","phone":"1203-group","isGroup":false}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// assert!(callback.as_received().unwrap().is_group());
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn is_group(&self) -> bool {
        self.chat().kind() == ChatKind::Group
    }

    /// The id of the message this one replies to (`referenceMessageId`).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","referenceMessageId":"3EB0A1"}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(callback.as_received().unwrap().reply_to(), Some("3EB0A1"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn reply_to(&self) -> Option<&str> {
        self.reference_message_id.as_deref()
    }

    /// The id of the message this one edits (`editMessageId`), when it is an edit.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","isEdit":true,"editMessageId":"3EB0A1"}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(callback.as_received().unwrap().edited_message_id(), Some("3EB0A1"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn edited_message_id(&self) -> Option<&str> {
        self.edit_message_id.as_deref()
    }
}

impl MessageStatusCallback {
    /// The ids of the messages whose status changed: the `ids` array, then `id` (the single id
    /// the docs' table names) when it is not already among them.
    ///
    /// ```
    /// let body = br#"{"type":"MessageStatusCallback","status":"READ","ids":["A","B"]}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let zapi_webhooks::Callback::MessageStatus(status) = &callback else { unreachable!() };
    /// assert_eq!(status.message_ids().collect::<Vec<_>>(), ["A", "B"]);
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn message_ids(&self) -> impl Iterator<Item = &str> + '_ {
        let ids = self.ids.get().map(Vec::as_slice).unwrap_or_default();
        let single = self
            .id
            .as_deref()
            .filter(|id| !ids.iter().any(|other| other == id));
        ids.iter().map(String::as_str).chain(single)
    }
}
