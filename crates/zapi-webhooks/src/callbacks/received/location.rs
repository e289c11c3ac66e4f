//! Locations: a fixed location and a live location being shared.

use serde_json::Number;

use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// A location.
    pub struct Location {
        /// Longitude in degrees, kept as the exact JSON number sent.
        "longitude" => longitude: Number,
        /// Latitude in degrees, kept as the exact JSON number sent.
        "latitude" => latitude: Number,
        /// Name of the place.
        "name" => name: String,
        /// Address of the place.
        "address" => address: String,
        /// Link to the place.
        "url" => url: String,
        /// URL of the map thumbnail.
        "thumbnailUrl" => thumbnail_url: String,
    }
}

lossless_object! {
    /// A live location being shared, under the content key `liveLocation`; seen in real
    /// deliveries, not in the docs.
    pub struct LiveLocation {
        /// Longitude in degrees, kept as the exact JSON number sent.
        "longitude" => longitude: Number,
        /// Latitude in degrees, kept as the exact JSON number sent.
        "latitude" => latitude: Number,
        /// Caption.
        "caption" => caption: String,
        /// Which update of the shared location this is.
        "sequence" => sequence: LiveLocationSequence,
    }
}

lossless_object! {
    /// The update counter of a live location: a 64-bit number sent as two 32-bit halves, the
    /// way WhatsApp's protocol encodes it in JSON.
    pub struct LiveLocationSequence {
        /// The lower 32 bits (as a signed or unsigned JSON integer).
        "low" => low: Number,
        /// The upper 32 bits.
        "high" => high: Number,
        /// Whether the whole number is unsigned.
        "unsigned" => unsigned: bool,
    }
}

impl LiveLocationSequence {
    /// The 64-bit number the two halves make (`high << 32 | low`, each half taken as its 32
    /// bits), when both are present integers.
    ///
    /// ```
    /// let sequence: zapi_webhooks::received::LiveLocationSequence =
    ///     serde_json::from_str(r#"{"low": -1, "high": 1, "unsigned": false}"#).unwrap();
    /// assert_eq!(sequence.value(), Some(0x1_FFFF_FFFF));
    /// ```
    pub fn value(&self) -> Option<u64> {
        let half = |n: &Number| -> Option<u64> {
            let bits = n.as_i64()?;
            // Each half is 32 bits, sent signed or unsigned.
            Some(u64::from(u32::try_from(bits & 0xFFFF_FFFF).ok()?))
        };
        Some(half(self.high.get()?)? << 32 | half(self.low.get()?)?)
    }
}
