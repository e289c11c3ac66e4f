//! Notifications (calls, group and newsletter events, profile changes, labels) and the
//! newsletter admin invite.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use crate::Timestamp;
use crate::mechanism::macros::{lossless_object, open_enum};

open_enum! {
    /// The `notification` of a system message. Parameters, when there are any, are in
    /// `notificationParameters`.
    pub enum NotificationType {
        /// Incoming voice call.
        CallVoice = "CALL_VOICE",
        /// Missed voice call.
        CallMissedVoice = "CALL_MISSED_VOICE",
        /// Missed video call.
        CallMissedVideo = "CALL_MISSED_VIDEO",
        /// Incoming video call (seen in real deliveries, not in the docs).
        CallVideo = "CALL_VIDEO",
        /// Somebody asked to join a group (parameters: who asked, and who added them for
        /// `non_admin_add`).
        MembershipApprovalRequest = "MEMBERSHIP_APPROVAL_REQUEST",
        /// A request to join a group was withdrawn by its author.
        RevokedMembershipRequests = "REVOKED_MEMBERSHIP_REQUESTS",
        /// A participant left a group.
        GroupParticipantLeave = "GROUP_PARTICIPANT_LEAVE",
        /// A participant was added to a group.
        GroupParticipantAdd = "GROUP_PARTICIPANT_ADD",
        /// A participant was removed from a group.
        GroupParticipantRemove = "GROUP_PARTICIPANT_REMOVE",
        /// Somebody joined a group through an invite link (seen in real deliveries, not in the
        /// docs).
        GroupParticipantInvite = "GROUP_PARTICIPANT_INVITE",
        /// A group was created (parameter: its name).
        GroupCreate = "GROUP_CREATE",
        /// Who may use the group's invite link changed (see `linkMode`).
        GroupMemberLinkPropertyUpdate = "GROUP_MEMBER_LINK_PROPERTY_UPDATE",
        /// Somebody became an admin of a newsletter (channel).
        NewsletterAdminPromote = "NEWSLETTER_ADMIN_PROMOTE",
        /// Somebody stopped being an admin of a newsletter.
        NewsletterAdminDemote = "NEWSLETTER_ADMIN_DEMOTE",
        /// A payment request was declined (parameters: phone, currency, amount).
        PaymentActionRequestDeclined = "PAYMENT_ACTION_REQUEST_DECLINED",
        /// The connected number changed its profile name (see `profileName`).
        ProfileNameUpdated = "PROFILE_NAME_UPDATED",
        /// The connected number changed its profile picture (see `updatedPhoto`).
        ProfilePictureUpdated = "PROFILE_PICTURE_UPDATED",
        /// Labels were added to or removed from a chat (parameters: label objects).
        ChatLabelAssociation = "CHAT_LABEL_ASSOCIATION",
        /// The chat is end-to-end encrypted.
        E2eEncrypted = "E2E_ENCRYPTED",
        /// A message could not be decrypted yet.
        Ciphertext = "CIPHERTEXT",
        /// The other side is a business account not yet verified by WhatsApp.
        BlueMsgSelfPremiseUnverified = "BLUE_MSG_SELF_PREMISE_UNVERIFIED",
        /// The other side is a business account verified by WhatsApp.
        BlueMsgSelfPremiseVerified = "BLUE_MSG_SELF_PREMISE_VERIFIED",
        /// A business account became a personal account.
        BizMoveToConsumerApp = "BIZ_MOVE_TO_CONSUMER_APP",
        /// A message was deleted.
        Revoke = "REVOKE",
    }
}

open_enum! {
    /// How somebody asked to join a group.
    pub enum RequestMethod {
        /// Through an invite link.
        InviteLink = "invite_link",
        /// A participant who is not an admin added them.
        NonAdminAdd = "non_admin_add",
    }
}

open_enum! {
    /// Who may use a group's invite link.
    pub enum LinkMode {
        /// Only admins.
        AdminLink = "ADMIN_LINK",
        /// Every member.
        AllMemberLink = "ALL_MEMBER_LINK",
    }
}

lossless_object! {
    /// A label added to or removed from a chat.
    pub struct LabelAssociation {
        /// Id of the label.
        "label" => label: String,
        /// `true` when added, `false` when removed.
        "assigned" => assigned: bool,
        /// Phone number of the chat the label applies to.
        "phone" => phone: String,
    }
}

/// One item of `notificationParameters`: usually a string (a phone number, a name, an amount),
/// a label object for `CHAT_LABEL_ASSOCIATION`, or anything else as sent.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum NotificationParameter {
    /// A string parameter.
    Text(String),
    /// An object parameter (labels use `label` and `assigned`; other keys are kept in its
    /// `extra`).
    Object(LabelAssociation),
    /// Any other JSON value, as sent.
    Other(Value),
}

impl NotificationParameter {
    /// The parameter as a string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            NotificationParameter::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl crate::mechanism::field_value::sealed::Sealed for NotificationParameter {}

/// Takes any JSON value (a string, a label object, or anything else as sent).
impl crate::mechanism::field_value::FieldValue for NotificationParameter {
    const ANY: bool = true;

    fn expected() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("any JSON value (a notification parameter)")
    }

    fn read_map<'de, A: MapAccess<'de>>(map: A) -> Result<Result<Self, Value>, A::Error> {
        ParameterVisitor.visit_map(map).map(Ok)
    }

    fn read_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Result<Self, Value>, A::Error> {
        ParameterVisitor.visit_seq(seq).map(Ok)
    }

    fn collect_unmodeled(&self, pointer: &mut String, out: &mut Vec<String>) {
        if let NotificationParameter::Object(object) = self {
            object.collect_unmodeled(pointer, out);
        }
    }

    fn collect_unexpected(
        &self,
        pointer: &mut String,
        out: &mut Vec<crate::diagnostics::UnexpectedValue>,
    ) {
        if let NotificationParameter::Object(object) = self {
            object.collect_unexpected(pointer, out);
        }
    }
}

impl Serialize for NotificationParameter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            NotificationParameter::Text(text) => serializer.serialize_str(text),
            NotificationParameter::Object(object) => object.serialize(serializer),
            NotificationParameter::Other(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for NotificationParameter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ParameterVisitor)
    }
}

struct ParameterVisitor;

impl<'de> Visitor<'de> for ParameterVisitor {
    type Value = NotificationParameter;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a notification parameter")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(NotificationParameter::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(NotificationParameter::Text(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        LabelAssociation::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(NotificationParameter::Object)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq))
            .map(NotificationParameter::Other)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(NotificationParameter::Other(Value::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(NotificationParameter::Other(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(NotificationParameter::Other(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        serde_json::Number::from_f64(v)
            .map(|n| NotificationParameter::Other(Value::Number(n)))
            .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(NotificationParameter::Other(Value::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(NotificationParameter::Other(Value::Null))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for NotificationParameter {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NotificationParameter".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let label = generator.subschema_for::<LabelAssociation>();
        // Strings and non-object values are always accepted; objects must be label objects.
        schemars::json_schema!({
            "title": "NotificationParameter",
            "description": "One notification parameter: a string, a label object, or any other JSON value.",
            "if": { "type": "object" },
            "then": label
        })
    }
}

lossless_object! {
    /// An invitation to become admin of a newsletter (channel).
    pub struct NewsletterAdminInvite {
        /// Id of the newsletter (`...@newsletter`).
        "newsletterId" => newsletter_id: String,
        /// Name of the newsletter.
        "newsletterName" => newsletter_name: String,
        /// Invitation text.
        "text" => text: String,
        /// When the invitation expires (seconds in the docs' example).
        "inviteExpiration" => invite_expiration: Timestamp,
    }
}
