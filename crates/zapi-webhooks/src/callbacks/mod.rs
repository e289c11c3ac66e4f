//! One model per Z-API callback type; [`crate::Callback`] dispatches a body to them on its
//! `type`.
//!
//! * `received`: `ReceivedCallback`, a message or notification, with its envelope and its
//!   content kinds (public as [`crate::received`]).
//! * `delivery`: `DeliveryCallback`.
//! * `message_status`: `MessageStatusCallback` and the `MessageStatus` enum it shares with
//!   `ReceivedCallback`.
//! * `presence_chat`: `PresenceChatCallback` and `PresenceStatus`.
//! * `connected`, `disconnected`: `ConnectedCallback`, `DisconnectedCallback`.

pub(crate) mod connected;
pub(crate) mod delivery;
pub(crate) mod disconnected;
pub(crate) mod message_status;
pub(crate) mod presence_chat;
pub mod received;
