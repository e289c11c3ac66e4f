//! Contact cards.

use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// A shared contact card.
    pub struct Contact {
        /// Name shown for the contact.
        "displayName" => display_name: String,
        /// The contact as a vCard.
        "vCard" => v_card: String,
        /// Phone numbers of the contact.
        "phones" => phones: Vec<String>,
    }
}
