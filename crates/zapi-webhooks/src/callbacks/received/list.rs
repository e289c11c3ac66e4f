//! Lists: a list message sent from the API, and the answer to one.

use crate::mechanism::macros::lossless_object;

lossless_object! {
    /// A list of options sent from the API (WhatsApp's list message): a text, the button that
    /// opens the list, and the list's sections of rows. The answer comes back as a
    /// `listResponseMessage`.
    pub struct ListMessage {
        /// Title of the message.
        "title" => title: String,
        /// Body text of the message.
        "description" => description: String,
        /// Label of the button that opens the list.
        "buttonText" => button_text: String,
        /// Footer text.
        "footerText" => footer_text: String,
        /// WhatsApp's list type, e.g. `SINGLE_SELECT`.
        "listType" => list_type: String,
        /// The sections of the list.
        "sections" => sections: Vec<ListSection>,
    }
}

lossless_object! {
    /// A section of a list message: a title and its rows.
    pub struct ListSection {
        /// Title of the section.
        "title" => title: String,
        /// The options of the section, under the key public senders use.
        "rows" => rows: Vec<ListRow>,
        /// The options of the section, under the key recorded on received list messages
        /// (September 2025, a Z-API-format reseller's deliveries): the same shape as `rows`.
        "options" => options: Vec<ListRow>,
    }
}

lossless_object! {
    /// One option of a list message.
    pub struct ListRow {
        /// Title of the option.
        "title" => title: String,
        /// Text under the title.
        "description" => description: String,
        /// Id of the option: what a `listResponseMessage` sends back as `selectedRowId`.
        "rowId" => row_id: String,
    }
}

lossless_object! {
    /// The answer to an option list: which row was chosen.
    pub struct ListResponse {
        /// Text of the chosen option.
        "message" => message: String,
        /// Title of the list.
        "title" => title: String,
        /// Id of the chosen row.
        "selectedRowId" => selected_row_id: String,
    }
}
