//! [`Origin`]: who sent a received message — a contact, or this instance (through the API or
//! from a device).

use std::fmt;

use crate::ReceivedCallback;

/// Who sent a received message. Returned by [`ReceivedCallback::origin`].
///
/// With "notify sent by me" on, Z-API delivers the instance's own messages too: a bot answers
/// [`Origin::Contact`], ignores its own echoes ([`Origin::Api`]) and may pause itself when a
/// person answers from the phone or WhatsApp Web ([`Origin::Device`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Origin {
    /// Somebody else: `fromMe` is `false`.
    Contact,
    /// This instance, through Z-API's API: `fromMe` and `fromApi` are `true`.
    Api,
    /// This instance, from one of the number's devices (the phone, WhatsApp Web, ...): `fromMe`
    /// is `true` and `fromApi` is not (`false`, absent, `null` or of another JSON type).
    Device,
}

impl Origin {
    /// Every origin.
    pub const ALL: &'static [Origin] = &[Origin::Contact, Origin::Api, Origin::Device];

    /// A stable lower-case name: `contact`, `api` or `device` (the CLI's `origin` field). Also
    /// what `Display` writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Contact => "contact",
            Origin::Api => "api",
            Origin::Device => "device",
        }
    }

    /// The origin whose name ([`Origin::as_str`]) is `name`.
    pub fn from_name(name: &str) -> Option<Origin> {
        Origin::ALL.iter().copied().find(|o| o.as_str() == name)
    }

    /// `true` for [`Origin::Api`] and [`Origin::Device`]: the instance's own message.
    pub fn is_me(self) -> bool {
        self != Origin::Contact
    }
}

/// Writes [`Origin::as_str`].
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The origin of a received message: see [`ReceivedCallback::origin`].
///
/// `fromMe` decides between a contact and the instance; only a JSON boolean counts, so an
/// absent, `null` or retyped `fromMe` (`"true"`, `1`) gives `None`. `fromApi` then decides
/// between the API and a device, and only a JSON `true` means the API; it is not read for a
/// contact's message (`fromMe: false` with `fromApi: true` is still a contact's).
pub fn origin(msg: &ReceivedCallback) -> Option<Origin> {
    match msg.from_me.get()? {
        false => Some(Origin::Contact),
        true if msg.from_api.is_true() => Some(Origin::Api),
        true => Some(Origin::Device),
    }
}
