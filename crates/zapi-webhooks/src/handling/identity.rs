//! Who is who: stable contact keys for the sender and the chat, the id to reply to, and the
//! phone ↔ lid pairs a payload reveals.
//!
//! WhatsApp moved contacts from phone numbers to `...@lid` ids: `phone` may be either, and a
//! lid cannot be turned back into a number. The lid is the stable id, so a key prefers it and
//! falls back to the phone number; a payload that carries both reveals a pair, for users who
//! keep a map between them.

use std::fmt;

use crate::{ChatKind, ReceivedCallback};

/// What a [`ContactKey`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ContactKeyKind {
    /// A WhatsApp `...@lid` id: the stable id of a person.
    Lid,
    /// A phone number, when no lid was sent.
    Phone,
    /// The id of a group, newsletter or broadcast list (stable itself).
    Chat,
}

/// A stable key for a person or a chat: the lid when the payload tells it, else the phone
/// number (or, for a group, newsletter or broadcast list, its id). Returned by
/// [`ReceivedCallback::sender_key`] and [`ReceivedCallback::chat_key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContactKey<'a> {
    kind: ContactKeyKind,
    id: &'a str,
}

impl<'a> ContactKey<'a> {
    /// The id, exactly as sent.
    pub fn as_str(&self) -> &'a str {
        self.id
    }

    /// What the id is.
    pub fn kind(&self) -> ContactKeyKind {
        self.kind
    }

    /// `true` for a `...@lid` id.
    pub fn is_lid(&self) -> bool {
        self.kind == ContactKeyKind::Lid
    }

    fn person(id: &'a str) -> ContactKey<'a> {
        let kind = if is_lid(id) {
            ContactKeyKind::Lid
        } else {
            ContactKeyKind::Phone
        };
        ContactKey { kind, id }
    }
}

/// Writes [`ContactKey::as_str`].
impl fmt::Display for ContactKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

/// Which part of a payload revealed a [`LidPhonePair`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PairSource {
    /// A direct chat: `phone` and `chatLid`.
    Chat,
    /// The sender of a contact's message in a direct chat: `phone` and `senderLid`.
    Sender,
    /// The participant who posted in a group or broadcast list: `participantPhone` and
    /// `participantLid`.
    Participant,
}

/// A phone number and the lid of the same person, as one payload revealed them. Returned by
/// [`ReceivedCallback::lid_phone_pairs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct LidPhonePair<'a> {
    /// The phone number (never a `...@lid` id).
    pub phone: &'a str,
    /// The `...@lid` id.
    pub lid: &'a str,
    /// Where in the payload the two were found.
    pub source: PairSource,
}

/// See [`ReceivedCallback::sender_key`].
pub(super) fn sender_key(msg: &ReceivedCallback) -> Option<ContactKey<'_>> {
    if msg.sender().is_me() {
        // `senderLid` names the contact of the chat, not this instance: only the connected
        // number identifies the instance.
        return msg.connected_phone.as_deref().map(ContactKey::person);
    }
    let sender = msg.sender();
    sender
        .lid()
        .filter(|id| is_lid(id))
        .or_else(|| sender.phone())
        .map(ContactKey::person)
}

/// See [`ReceivedCallback::chat_key`].
pub(super) fn chat_key(msg: &ReceivedCallback) -> Option<ContactKey<'_>> {
    let chat = msg.chat();
    match chat.kind() {
        ChatKind::Direct => chat
            .lid()
            .filter(|id| is_lid(id))
            .or_else(|| chat.id())
            .map(ContactKey::person),
        _ => chat.id().map(|id| ContactKey {
            kind: ContactKeyKind::Chat,
            id,
        }),
    }
}

/// See [`ReceivedCallback::reply_target`].
pub(super) fn reply_target(msg: &ReceivedCallback) -> Option<&str> {
    let chat = msg.chat();
    chat.id().or_else(|| match chat.kind() {
        ChatKind::Direct => chat.lid(),
        _ => None,
    })
}

/// See [`ReceivedCallback::lid_phone_pairs`].
pub(super) fn lid_phone_pairs<'a>(msg: &'a ReceivedCallback) -> Vec<LidPhonePair<'a>> {
    let mut pairs = Vec::new();
    let mut add = |phone: Option<&'a str>, lid: Option<&'a str>, source: PairSource| {
        if let (Some(phone), Some(lid)) = (phone, lid) {
            if is_lid(lid) && !phone.is_empty() && !is_lid(phone) {
                pairs.push(LidPhonePair { phone, lid, source });
            }
        }
    };
    match msg.chat().kind() {
        ChatKind::Direct => {
            add(
                msg.phone.as_deref(),
                msg.chat_lid.as_deref(),
                PairSource::Chat,
            );
            if !msg.sender().is_me() {
                add(
                    msg.phone.as_deref(),
                    msg.sender_lid.as_deref(),
                    PairSource::Sender,
                );
            }
        }
        ChatKind::Group | ChatKind::Broadcast => add(
            msg.participant_phone.as_deref(),
            msg.participant_lid.as_deref(),
            PairSource::Participant,
        ),
        _ => {}
    }
    pairs
}

/// `true` for a WhatsApp `...@lid` id.
fn is_lid(id: &str) -> bool {
    id.ends_with("@lid")
}
