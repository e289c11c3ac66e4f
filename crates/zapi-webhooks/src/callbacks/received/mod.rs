//! `ReceivedCallback`: every message the instance receives, or sends when "notify sent by me"
//! is on, and every system notification of its chats.
//!
//! The payload is an envelope (who, where, when) plus one content key (`text`, `image`,
//! `notification`, ...) that tells the kind of message. The envelope is
//! [`ReceivedCallback`]'s fields; the content is [`ReceivedCallback::content`], a [`Content`].

mod buttons;
mod commerce;
mod contact;
mod envelope;
mod event;
mod list;
mod location;
mod media;
mod notification;
mod pin;
mod poll;
mod reaction;
mod text;

use serde::de::MapAccess;
use serde::ser::SerializeMap;
use serde_json::Value;

pub use buttons::*;
pub use commerce::*;
pub use contact::*;
pub use envelope::*;
pub use event::*;
pub use list::*;
pub use location::*;
pub use media::*;
pub use notification::*;
pub use pin::*;
pub use poll::*;
pub use reaction::*;
pub use text::*;

use crate::mechanism::callback_types::callback_model;
use crate::mechanism::macros::{content_kinds, lossless_object};
use crate::mechanism::object::{EntryError, Members};
use crate::{Field, MessageStatus, Timestamp};

content_kinds! {
    /// A text message.
    "text" => Text(Text) as "text";
    /// A business template with header, body, footer and buttons.
    "hydratedTemplate" => HydratedTemplate(HydratedTemplate) as "hydrated_template";
    /// A reaction to a message.
    "reaction" => Reaction(Reaction) as "reaction";
    /// A button pressed in a buttons message.
    "buttonsResponseMessage" => ButtonsResponse(ButtonsResponse) as "buttons_response";
    /// A row chosen in an option list.
    "listResponseMessage" => ListResponse(ListResponse) as "list_response";
    /// A list of options sent from the API, seen in real deliveries.
    "listMessage" => ListMessage(ListMessage) as "list_message";
    /// A message with buttons.
    "buttonsMessage" => ButtonsMessage(ButtonsMessage) as "buttons_message";
    /// A Pix key payment button.
    "pixKeyMessage" => PixKey(PixKey) as "pix_key";
    /// A carousel of cards.
    "carouselMessage" => Carousel(Carousel) as "carousel";
    /// An image.
    "image" => Image(Image) as "image";
    /// An audio or voice note.
    "audio" => Audio(Audio) as "audio";
    /// A video or GIF.
    "video" => Video(Video) as "video";
    /// A round video note (PTV), seen in real deliveries.
    "ptv" => VideoNote(VideoNote) as "video_note";
    /// A contact card.
    "contact" => Contact(Contact) as "contact";
    /// A document.
    "document" => Document(Document) as "document";
    /// A location.
    "location" => Location(Location) as "location";
    /// A live location being shared, seen in real deliveries.
    "liveLocation" => LiveLocation(LiveLocation) as "live_location";
    /// A sticker.
    "sticker" => Sticker(Sticker) as "sticker";
    /// A payment request.
    "requestPayment" => RequestPayment(RequestPayment) as "request_payment";
    /// A payment sent.
    "sendPayment" => SendPayment(SendPayment) as "send_payment";
    /// A catalog product.
    "product" => Product(Product) as "product";
    /// A cart.
    "order" => Order(Order) as "order";
    /// A poll.
    "poll" => Poll(Poll) as "poll";
    /// A vote on a poll.
    "pollVote" => PollVote(PollVote) as "poll_vote";
    /// An order sent for review and payment.
    "reviewAndPay" => ReviewAndPay(PaymentOrder) as "review_and_pay";
    /// An update of an order sent for payment.
    "reviewOrder" => ReviewOrder(PaymentOrder) as "review_order";
    /// An invitation to administer a newsletter.
    "newsletterAdminInvite" => NewsletterAdminInvite(NewsletterAdminInvite) as "newsletter_admin_invite";
    /// A message pinned or unpinned.
    "pinMessage" => PinMessage(PinMessage) as "pin_message";
    /// An event.
    "event" => Event(Event) as "event";
    /// An answer to an event.
    "eventResponse" => EventResponse(EventResponse) as "event_response";
    /// A system notification; its parameters are in the envelope's `notificationParameters`
    /// and, for some, in `callId`, `requestMethod`, `linkMode`, `profileName`, `updatedPhoto`.
    "notification" => Notification(NotificationType) as "notification";
}

impl Content {
    /// Priority of a kind: lower wins when a payload holds several content keys.
    fn priority(&self) -> usize {
        let kind = self.kind();
        Kind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(usize::MAX)
    }
}

lossless_object! {
    /// A message received (or sent by the connected number, when "notify sent by me" is on),
    /// or a notification of one of the instance's chats. The envelope fields describe who,
    /// where and when; exactly one content key (text, image, notification, ...) tells the kind.
    pub struct ReceivedCallback {
        /// Callback type as sent: `ReceivedCallback` (the docs also spell it `ReceivedCallBack`).
        "type" => r#type: String,
        /// The Z-API instance.
        "instanceId" => instance_id: String,
        /// WhatsApp id of the message.
        "messageId" => message_id: String,
        /// Phone number of the chat, or the group's id.
        "phone" => phone: String,
        /// Whether the connected number sent the message.
        "fromMe" => from_me: bool,
        /// When the message was received (milliseconds).
        "momment" => momment: Timestamp,
        /// The same moment under the correctly spelled key that some English examples use.
        "moment" => moment: Timestamp,
        /// Status of the message when the callback was sent.
        "status" => status: MessageStatus,
        /// Name of the chat.
        "chatName" => chat_name: String,
        /// Name of the sender.
        "senderName" => sender_name: String,
        /// Picture URL of the sender.
        "senderPhoto" => sender_photo: String,
        /// Picture URL of the chat.
        "photo" => photo: String,
        /// Whether the message came through a broadcast list.
        "broadcast" => broadcast: bool,
        /// In groups: phone number of the participant who sent the message.
        "participantPhone" => participant_phone: String,
        /// In groups: WhatsApp id (`...@lid`) of the participant who sent the message.
        "participantLid" => participant_lid: String,
        /// WhatsApp id (`...@lid`) of the sender.
        "senderLid" => sender_lid: String,
        /// WhatsApp id (`...@lid`) of the chat.
        "chatLid" => chat_lid: String,
        /// The phone number connected to the instance.
        "connectedPhone" => connected_phone: String,
        /// Whether WhatsApp is still waiting for this message's content.
        "waitingMessage" => waiting_message: bool,
        /// Whether the message is an edit of an earlier one.
        "isEdit" => is_edit: bool,
        /// On an edit (`isEdit: true`): the id of the message that was edited. The media URL of
        /// an edited media message may then be `null`.
        "editMessageId" => edit_message_id: String,
        /// Whether the chat is a group.
        "isGroup" => is_group: bool,
        /// Whether the chat is a newsletter (channel).
        "isNewsletter" => is_newsletter: bool,
        /// Whether the message replies to a status post.
        "isStatusReply" => is_status_reply: bool,
        /// Id of the message this one replies to.
        "referenceMessageId" => reference_message_id: String,
        /// Whether the message was forwarded.
        "forwarded" => forwarded: bool,
        /// Whether the message was sent through the API.
        "fromApi" => from_api: bool,
        /// Lifetime of disappearing messages in the chat, in seconds (0: off).
        "messageExpirationSeconds" => message_expiration_seconds: u64,
        /// The ad the conversation came from.
        "externalAdReply" => external_ad_reply: ExternalAdReply,
        /// The status post this message replies to.
        "statusImage" => status_image: StatusImage,
        /// Recipients of a message sent to a broadcast list.
        "broadcastRecipients" => broadcast_recipients: Vec<String>,
        /// Whether the message can be viewed only once.
        "viewOnce" => view_once: bool,
        /// Parameters of a notification.
        "notificationParameters" => notification_parameters: Vec<NotificationParameter>,
        /// Id of the call, for call notifications.
        "callId" => call_id: String,
        /// A code that comes with some notifications (always `null` in the docs; any JSON value
        /// is kept).
        "code" => code: Value,
        /// When a join request expires.
        "expiresAt" => expires_at: Timestamp,
        /// How somebody asked to join a group.
        "requestMethod" => request_method: RequestMethod,
        /// Who may use a group's invite link (`GROUP_MEMBER_LINK_PROPERTY_UPDATE`).
        "linkMode" => link_mode: LinkMode,
        /// The new profile name (`PROFILE_NAME_UPDATED`).
        "profileName" => profile_name: String,
        /// URL of the new profile picture (`PROFILE_PICTURE_UPDATED`).
        "updatedPhoto" => updated_photo: String,
        /// Tracing ids Z-API attaches to the delivery, seen in real deliveries.
        "_traceContext" => trace_context: TraceContext,
    }
    members {
        /// The message: which content key the payload carried, with its data.
        pub content: Content,
    }
}

impl ReceivedCallback {
    /// The kind of message, e.g. [`Kind::Image`].
    pub fn kind(&self) -> Kind {
        self.content.kind()
    }

    /// Stores the value of content key `key` (`None` for `null`). The key's last value wins, as
    /// in `serde_json::Value`; among the keys with a value, the one listed first in [`Content`]
    /// becomes the content and the others are parked in `extra` (already checked, as JSON).
    fn set_content(&mut self, key: &str, value: Option<Content>) -> Result<(), serde_json::Error> {
        let current_key = self.content.kind().content_key();
        let Some(candidate) = value else {
            if current_key == Some(key) {
                self.content = Content::default();
            }
            self.extra.insert(key.to_owned(), Value::Null);
            return Ok(());
        };
        self.extra.remove(key);
        let loser = if current_key.is_none() || current_key == Some(key) {
            self.content = candidate;
            return Ok(());
        } else if candidate.priority() < self.content.priority() {
            std::mem::replace(&mut self.content, candidate)
        } else {
            candidate
        };
        self.park(loser)
    }

    /// Moves a content value that lost to a higher-priority one into `extra`.
    fn park(&mut self, loser: Content) -> Result<(), serde_json::Error> {
        if let Some((key, value)) = loser.to_entry() {
            self.extra.insert(key.to_owned(), value?);
        }
        Ok(())
    }

    /// With duplicate content keys, a parked value can outrank the content once the content's
    /// key was overwritten by `null`: promote the best parked one. Only runs when `extra` holds
    /// something, and only changes anything for payloads with repeated keys.
    fn promote_parked_content(&mut self) {
        let current = self.content.priority();
        let best = self
            .extra
            .iter()
            .filter(|(key, value)| !value.is_null() && Content::is_content_key(key))
            .map(|(key, _)| (Content::key_priority(key), key.clone()))
            .min();
        let Some((priority, key)) = best else { return };
        if priority >= current {
            return;
        }
        let Some(value) = self.extra.remove(&key) else {
            return;
        };
        match Content::take(&key, value.clone()) {
            Ok(Some(promoted)) => {
                let demoted = std::mem::replace(&mut self.content, promoted);
                if self.park(demoted).is_err() {
                    // Cannot happen for values that parsed; never lose one if it did.
                    self.extra.insert(key, value);
                }
            }
            _ => {
                self.extra.insert(key, value);
            }
        }
    }
}

/// Whether a `waitingMessage` flag says the content is still awaited: `true`, and also the
/// forms of an unexpected JSON type that mean it (`"true"`, a non-zero number), so that a
/// flag Z-API sends as a string or a number keeps the kind `waiting_message` (it is still
/// listed by [`crate::Callback::unexpected`]).
fn waiting_flag(flag: &Field<bool>) -> bool {
    match flag {
        Field::Present(flag) => *flag,
        Field::Unexpected(Value::String(text)) => {
            text.trim().eq_ignore_ascii_case("true") || text.trim() == "1"
        }
        Field::Unexpected(Value::Number(number)) => number.as_f64().is_some_and(|n| n != 0.0),
        Field::Unexpected(_) | Field::Absent | Field::Null => false,
    }
}

/// The content keys: read into [`ReceivedCallback::content`], the winner chosen by priority.
impl Members for ReceivedCallback {
    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        if !Content::is_content_key(key) {
            return Ok(false);
        }
        let content = Content::read(key, map)?;
        self.set_content(key, content)
            .map_err(serde::de::Error::custom)?;
        Ok(true)
    }

    fn take_member(&mut self, key: &str, value: Value) -> Result<Option<Value>, EntryError> {
        if !Content::is_content_key(key) {
            return Ok(Some(value));
        }
        let content = Content::take(key, value)?;
        self.set_content(key, content).map_err(|err| EntryError {
            pointer: crate::error::push_token(String::new(), key),
            message: err.to_string(),
        })?;
        Ok(None)
    }

    fn finish_members(&mut self) {
        if !self.extra.is_empty() {
            self.promote_parked_content();
        }
        if let Content::Unknown(entries) = &mut self.content {
            if waiting_flag(&self.waiting_message) {
                self.content = Content::WaitingMessage;
            } else {
                // No known content: the keys nobody modeled are the content.
                entries.append(&mut self.extra);
            }
        }
    }

    fn member_count(&self) -> usize {
        self.content.entry_count()
    }

    fn serialize_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.content.serialize_entries(map)
    }

    fn collect_member_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
        self.content.collect_unmodeled(pointer, out);
    }

    fn collect_member_unexpected(
        &self,
        pointer: &mut String,
        out: &mut Vec<crate::diagnostics::UnexpectedValue>,
    ) {
        self.content.collect_unexpected(pointer, out);
        // Content that lost to a higher-priority key is parked in `extra` as JSON; it is still
        // a known key, so what it holds of an unexpected type counts too. Payloads rarely carry
        // two content keys, so this re-reading is rare.
        for (key, value) in &self.extra {
            if Content::is_content_key(key) && !value.is_null() {
                if let Ok(Some(parked)) = Content::take(key, value.clone()) {
                    parked.collect_unexpected(pointer, out);
                }
            }
        }
    }

    #[cfg(feature = "schema")]
    fn member_properties(
        generator: &mut schemars::SchemaGenerator,
        properties: &mut serde_json::Map<String, Value>,
    ) {
        Content::schema_properties(generator, properties);
    }
}

callback_model! {
    ReceivedCallback,
    endpoint: "update-webhook-received" (aka "update-webhook-receive"),
    description: "Sets the HTTPS URL that Z-API POSTs a ReceivedCallback to for each message and notification of the instance's chats.",
    message_kind: kind(),
    event_time: timestamp()
}
