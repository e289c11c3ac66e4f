//! [`Sender`]: who sent a received message.

use crate::{ChatKind, ReceivedCallback};

/// The sender of a received message, read from the envelope on demand: returned by
/// [`ReceivedCallback::sender`].
#[derive(Debug, Clone, Copy)]
pub struct Sender<'a> {
    msg: &'a ReceivedCallback,
}

impl<'a> Sender<'a> {
    pub(crate) fn new(msg: &'a ReceivedCallback) -> Self {
        Sender { msg }
    }

    /// `true` when the connected number sent the message (`fromMe` is `true`).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","fromMe":true}"#;
    /// let msg = zapi_webhooks::Callback::from_slice(body)?;
    /// assert!(msg.as_received().unwrap().sender().is_me());
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn is_me(&self) -> bool {
        self.msg.from_me.is_true()
    }

    /// The sender's phone number, when the payload tells it:
    ///
    /// * sent by the connected number: `connectedPhone`;
    /// * in a group or a broadcast list: `participantPhone`;
    /// * in a newsletter: `None` (its `phone` is the channel's id);
    /// * in a direct chat: the chat's `phone`, unless it is a `...@lid` id.
    ///
    /// ```
    /// use zapi_webhooks::Callback;
    ///
    /// let phone = |body: &[u8]| {
    ///     let callback = Callback::from_slice(body).unwrap();
    ///     callback.as_received().unwrap().sender().phone().map(str::to_owned)
    /// };
    /// assert_eq!(phone(br#"{"type":"ReceivedCallback","phone":"5544999999999"}"#).as_deref(), Some("5544999999999"));
    /// assert_eq!(phone(br#"{"type":"ReceivedCallback","phone":"8189@lid"}"#), None);
    /// assert_eq!(
    ///     phone(br#"{"type":"ReceivedCallback","phone":"1203-group","participantPhone":"5511"}"#).as_deref(),
    ///     Some("5511"),
    /// );
    /// assert_eq!(
    ///     phone(br#"{"type":"ReceivedCallback","phone":"5544","fromMe":true,"connectedPhone":"5511"}"#).as_deref(),
    ///     Some("5511"),
    /// );
    /// ```
    pub fn phone(&self) -> Option<&'a str> {
        let msg = self.msg;
        if self.is_me() {
            return msg.connected_phone.as_deref();
        }
        match msg.chat().kind() {
            ChatKind::Group | ChatKind::Broadcast => msg.participant_phone.as_deref(),
            ChatKind::Newsletter => None,
            ChatKind::Direct => msg.phone.as_deref().filter(|phone| !is_lid(phone)),
        }
    }

    /// The sender's WhatsApp id (`...@lid`), when the payload tells it:
    ///
    /// * in a group or a broadcast list: `participantLid`;
    /// * in a newsletter: `None`;
    /// * in a direct chat: `senderLid`, else `chatLid`, else the chat's `phone` when it is a
    ///   `...@lid` id.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","senderLid":"8189@lid"}"#;
    /// let msg = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(msg.as_received().unwrap().sender().lid(), Some("8189@lid"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn lid(&self) -> Option<&'a str> {
        let msg = self.msg;
        match msg.chat().kind() {
            ChatKind::Group | ChatKind::Broadcast => msg.participant_lid.as_deref(),
            ChatKind::Newsletter => None,
            ChatKind::Direct => msg
                .sender_lid
                .as_deref()
                .or_else(|| msg.chat_lid.as_deref())
                .or_else(|| msg.phone.as_deref().filter(|phone| is_lid(phone))),
        }
    }

    /// The sender's name (`senderName`), when sent.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","senderName":"Ana"}"#;
    /// let msg = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(msg.as_received().unwrap().sender().name(), Some("Ana"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn name(&self) -> Option<&'a str> {
        self.msg.sender_name.as_deref()
    }

    /// The URL of the sender's picture (`senderPhoto`), when sent.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","senderPhoto":"https://example.com/p.jpg"}"#;
    /// let msg = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(msg.as_received().unwrap().sender().photo(), Some("https://example.com/p.jpg"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn photo(&self) -> Option<&'a str> {
        self.msg.sender_photo.as_deref()
    }
}

/// `true` for a WhatsApp `...@lid` id.
fn is_lid(id: &str) -> bool {
    id.ends_with("@lid")
}
