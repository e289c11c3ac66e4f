//! [`Chat`]: where a received message was posted, and [`ChatKind`].

use std::fmt;

use crate::ReceivedCallback;

/// What sort of chat a message belongs to. See [`Chat::kind`] for how it is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ChatKind {
    /// A one-to-one conversation.
    Direct,
    /// A group.
    Group,
    /// A newsletter (a WhatsApp channel).
    Newsletter,
    /// A broadcast list (or a status post).
    Broadcast,
}

impl ChatKind {
    /// Every chat kind.
    pub const ALL: &'static [ChatKind] = &[
        ChatKind::Direct,
        ChatKind::Group,
        ChatKind::Newsletter,
        ChatKind::Broadcast,
    ];

    /// A stable lower-case name: `direct`, `group`, `newsletter` or `broadcast`. Also what
    /// `Display` writes.
    ///
    /// ```
    /// use zapi_webhooks::ChatKind;
    /// assert_eq!(ChatKind::Newsletter.as_str(), "newsletter");
    /// assert_eq!(ChatKind::Group.to_string(), "group");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ChatKind::Direct => "direct",
            ChatKind::Group => "group",
            ChatKind::Newsletter => "newsletter",
            ChatKind::Broadcast => "broadcast",
        }
    }
}

/// Writes [`ChatKind::as_str`].
impl fmt::Display for ChatKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The chat of a received message, read from the envelope on demand: returned by
/// [`ReceivedCallback::chat`].
#[derive(Debug, Clone, Copy)]
pub struct Chat<'a> {
    msg: &'a ReceivedCallback,
}

impl<'a> Chat<'a> {
    pub(crate) fn new(msg: &'a ReceivedCallback) -> Self {
        Chat { msg }
    }

    /// The chat's id exactly as sent in `phone`: a phone number, a group id (`...-group`), a
    /// newsletter id (`...@newsletter`), a `...@lid` id, ...
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","phone":"120363019502650977-group"}"#;
    /// let msg = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(msg.as_received().unwrap().chat().id(), Some("120363019502650977-group"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn id(&self) -> Option<&'a str> {
        self.msg.phone.as_deref()
    }

    /// The chat's WhatsApp id (`chatLid`, `...@lid`), when sent.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","chatLid":"818966@lid"}"#;
    /// let msg = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(msg.as_received().unwrap().chat().lid(), Some("818966@lid"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn lid(&self) -> Option<&'a str> {
        self.msg.chat_lid.as_deref()
    }

    /// The chat's name (`chatName`), when sent.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","chatName":"Ana"}"#;
    /// let msg = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(msg.as_received().unwrap().chat().name(), Some("Ana"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn name(&self) -> Option<&'a str> {
        self.msg.chat_name.as_deref()
    }

    /// What sort of chat this is, from the flags and the shape of the id, in this order:
    ///
    /// 1. [`ChatKind::Newsletter`] if `isNewsletter` is `true` or the id ends with
    ///    `@newsletter`;
    /// 2. [`ChatKind::Group`] if `isGroup` is `true` or the id ends with `-group` or `@g.us`;
    /// 3. [`ChatKind::Broadcast`] if `broadcast` is `true` or the id ends with `-broadcast` or
    ///    `@broadcast`;
    /// 4. [`ChatKind::Direct`] otherwise.
    ///
    /// A flag counts only when it is a JSON `true`; the id's suffix wins over a `false` flag
    /// (some payloads say `"isGroup": false` for a group id).
    ///
    /// ```
    /// use zapi_webhooks::{Callback, ChatKind};
    ///
    /// let kind = |body: &[u8]| Callback::from_slice(body).unwrap().as_received().unwrap().chat().kind();
    /// assert_eq!(kind(br#"{"type":"ReceivedCallback","phone":"5544999999999"}"#), ChatKind::Direct);
    /// assert_eq!(kind(br#"{"type":"ReceivedCallback","phone":"1203-group","isGroup":false}"#), ChatKind::Group);
    /// assert_eq!(kind(br#"{"type":"ReceivedCallback","phone":"55@newsletter"}"#), ChatKind::Newsletter);
    /// assert_eq!(kind(br#"{"type":"ReceivedCallback","phone":"1774-broadcast"}"#), ChatKind::Broadcast);
    /// assert_eq!(kind(br#"{"type":"ReceivedCallback","phone":"55","isGroup":true}"#), ChatKind::Group);
    /// ```
    pub fn kind(&self) -> ChatKind {
        let id = self.id().unwrap_or_default();
        let msg = self.msg;
        if msg.is_newsletter.is_true() || id.ends_with("@newsletter") {
            ChatKind::Newsletter
        } else if msg.is_group.is_true() || id.ends_with("-group") || id.ends_with("@g.us") {
            ChatKind::Group
        } else if msg.broadcast.is_true()
            || id.ends_with("-broadcast")
            || id.ends_with("@broadcast")
        {
            ChatKind::Broadcast
        } else {
            ChatKind::Direct
        }
    }
}
