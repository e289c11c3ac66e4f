//! Handling what arrives: the questions every integration asks of a delivery before it acts.
//!
//! * [`DedupeKey`] ([`Callback::dedupe_key`]): which deliveries report the same event, with
//!   versioned, documented semantics ([`dedupe`]).
//! * [`Origin`] ([`ReceivedCallback::origin`]): a contact, this instance through the API, or
//!   this instance from a device.
//! * [`ContactKey`] ([`ReceivedCallback::sender_key`], [`ReceivedCallback::chat_key`]): a
//!   stable key for a person or chat, the lid when known; [`ReceivedCallback::reply_target`],
//!   the id to answer to; [`LidPhonePair`] ([`ReceivedCallback::lid_phone_pairs`]), the phone ↔
//!   lid pairs a payload reveals.
//! * [`MessageStatus::rank`] and [`MessageStatus::supersedes`]: statuses only move forward.
//!
//! Like the read layer, nothing here runs while parsing: each answer is computed when asked.

pub mod dedupe;
mod identity;
mod origin;
mod status_order;

pub use dedupe::DedupeKey;
pub use identity::{ContactKey, ContactKeyKind, LidPhonePair, PairSource};
pub use origin::Origin;

use crate::{Callback, MessageStatus, ReceivedCallback};

impl Callback {
    /// The key that tells which deliveries report the same event (a retry, a repeated status),
    /// for every callback, unknown ones included: see [`DedupeKey`] and the semantics in
    /// [`dedupe`].
    ///
    /// ```
    /// let status = zapi_webhooks::Callback::from_slice(
    ///     br#"{"type":"MessageStatusCallback","instanceId":"I1","status":"READ","ids":["B","A"]}"#,
    /// )?;
    /// assert_eq!(status.dedupe_key().as_str(), "v1:message_status:I1:READ:A,B");
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn dedupe_key(&self) -> DedupeKey {
        dedupe::dedupe_key(self)
    }
}

impl ReceivedCallback {
    /// Who sent the message: a contact, this instance through the API, or this instance from a
    /// device; `None` when `fromMe` is absent, `null` or not a boolean. See [`Origin`].
    ///
    /// ```
    /// use zapi_webhooks::{Callback, handling::Origin};
    ///
    /// let origin = |body: &[u8]| Callback::from_slice(body).unwrap().as_received().unwrap().origin();
    /// assert_eq!(origin(br#"{"type":"ReceivedCallback","fromMe":false}"#), Some(Origin::Contact));
    /// assert_eq!(origin(br#"{"type":"ReceivedCallback","fromMe":true,"fromApi":true}"#), Some(Origin::Api));
    /// assert_eq!(origin(br#"{"type":"ReceivedCallback","fromMe":true}"#), Some(Origin::Device));
    /// assert_eq!(origin(br#"{"type":"ReceivedCallback","fromMe":"true"}"#), None);
    /// ```
    pub fn origin(&self) -> Option<Origin> {
        origin::origin(self)
    }
}

impl ReceivedCallback {
    /// A stable key for the sender: the lid when the payload tells it, else the phone number
    /// (see [`ContactKey`]). For the instance's own messages, the connected number
    /// (`connectedPhone`); `None` in a newsletter, or when nothing identifies the sender.
    ///
    /// ```
    /// use zapi_webhooks::{Callback, handling::ContactKeyKind};
    ///
    /// let body = br#"{"type":"ReceivedCallback","phone":"1203-group","participantPhone":"5511","participantLid":"77@lid"}"#;
    /// let callback = Callback::from_slice(body)?;
    /// let key = callback.as_received().unwrap().sender_key().unwrap();
    /// assert_eq!((key.as_str(), key.kind()), ("77@lid", ContactKeyKind::Lid));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn sender_key(&self) -> Option<ContactKey<'_>> {
        identity::sender_key(self)
    }

    /// A stable key for the chat: in a direct chat the contact's lid (`chatLid`, or `phone`
    /// when it is a lid), else its phone number; in a group, newsletter or broadcast list, its
    /// id ([`ContactKeyKind::Chat`]).
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","chatLid":"8189@lid"}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(callback.as_received().unwrap().chat_key().unwrap().as_str(), "8189@lid");
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn chat_key(&self) -> Option<ContactKey<'_>> {
        identity::chat_key(self)
    }

    /// The id to send an answer to (not the message replied to: that is
    /// [`ReceivedCallback::reply_to`]): the chat's id as sent in `phone` — the group in a group
    /// (never the participant), the contact in a direct chat, even for the instance's own
    /// messages — else, in a direct chat, its `chatLid`.
    ///
    /// ```
    /// let body = br#"{"type":"ReceivedCallback","phone":"1203-group","participantPhone":"5511"}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// assert_eq!(callback.as_received().unwrap().reply_target(), Some("1203-group"));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn reply_target(&self) -> Option<&str> {
        identity::reply_target(self)
    }

    /// The phone ↔ lid pairs this payload reveals: the direct chat's (`phone`, `chatLid`), a
    /// contact sender's (`phone`, `senderLid`) and a group participant's (`participantPhone`,
    /// `participantLid`). A pair is listed only when the phone is not itself a lid and the lid
    /// ends with `@lid`; the same pair may come from two sources.
    ///
    /// ```
    /// use zapi_webhooks::handling::PairSource;
    ///
    /// let body = br#"{"type":"ReceivedCallback","phone":"5544999999999","chatLid":"8189@lid"}"#;
    /// let callback = zapi_webhooks::Callback::from_slice(body)?;
    /// let pairs = callback.as_received().unwrap().lid_phone_pairs();
    /// assert_eq!(pairs.len(), 1);
    /// assert_eq!((pairs[0].phone, pairs[0].lid, pairs[0].source), ("5544999999999", "8189@lid", PairSource::Chat));
    /// # Ok::<(), zapi_webhooks::ParseError>(())
    /// ```
    pub fn lid_phone_pairs(&self) -> Vec<LidPhonePair<'_>> {
        identity::lid_phone_pairs(self)
    }
}

impl MessageStatus {
    /// Where the status stands in a message's life, for ordering statuses that arrive out of
    /// order: `PENDING` 0, `SENT` 1, `RECEIVED` 2, `READ` 3, `PLAYED` 4.
    ///
    /// * `MESSAGE_RECEIVED` (seen on payment notifications) ranks with `RECEIVED`;
    /// * `READ_BY_ME` (the connected number read a message it received) ranks with `READ`:
    ///   both say the message was read;
    /// * a value this crate does not know has no rank (`None`).
    ///
    /// ```
    /// use zapi_webhooks::MessageStatus;
    /// assert!(MessageStatus::Read.rank() > MessageStatus::Received.rank());
    /// assert_eq!(MessageStatus::from("DELETED").rank(), None);
    /// ```
    pub fn rank(&self) -> Option<u8> {
        status_order::rank(self)
    }

    /// Whether a tracker that holds `previous` should move to `self`: `true` when `self` ranks
    /// strictly higher ([`MessageStatus::rank`]). A repeat, an equal rank (`READ` and
    /// `READ_BY_ME`) and a lower rank never supersede. A value without a rank never
    /// supersedes anything, and any ranked value supersedes one without a rank (so a tracker
    /// that met an unknown value moves on at the next known one).
    ///
    /// ```
    /// use zapi_webhooks::MessageStatus;
    /// assert!(MessageStatus::Read.supersedes(&MessageStatus::Received));
    /// assert!(!MessageStatus::Received.supersedes(&MessageStatus::Read));
    /// assert!(!MessageStatus::Read.supersedes(&MessageStatus::Read));
    /// ```
    pub fn supersedes(&self, previous: &MessageStatus) -> bool {
        status_order::supersedes(self, previous)
    }
}
