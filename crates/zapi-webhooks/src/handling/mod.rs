//! Handling what arrives: the questions every integration asks of a delivery before it acts.
//!
//! * [`DedupeKey`] ([`Callback::dedupe_key`]): which deliveries report the same event, with
//!   versioned, documented semantics ([`dedupe`]).
//! * [`Origin`] ([`ReceivedCallback::origin`]): a contact, this instance through the API, or
//!   this instance from a device.
//!
//! Like the read layer, nothing here runs while parsing: each answer is computed when asked.

pub mod dedupe;
mod origin;

pub use dedupe::DedupeKey;
pub use origin::Origin;

use crate::{Callback, ReceivedCallback};

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
