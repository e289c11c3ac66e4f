//! Templates, buttons, lists, carousels, polls, reactions, pins and events.

use crate::Timestamp;
use crate::mechanism::macros::{lossless_object, open_enum};

use super::media::{Document, Image, Location, Video};

lossless_object! {
    /// A hydrated template message (business templates: text, media header, buttons, OTP).
    pub struct HydratedTemplate {
        /// The header: empty, or one media item.
        "header" => header: TemplateHeader,
        /// Body text.
        "message" => message: String,
        /// Footer text.
        "footer" => footer: String,
        /// Title.
        "title" => title: String,
        /// Id of the template.
        "templateId" => template_id: String,
        /// Buttons of the template.
        "hydratedButtons" => hydrated_buttons: Vec<HydratedButton>,
    }
}

lossless_object! {
    /// The header of a template or carousel card: at most one of its fields is set.
    pub struct TemplateHeader {
        /// An image header.
        "image" => image: Image,
        /// A video header.
        "video" => video: Video,
        /// A document header.
        "document" => document: Document,
        /// A location header.
        "location" => location: Location,
    }
}

lossless_object! {
    /// A button of a template or carousel card: one of its button fields is set.
    pub struct HydratedButton {
        /// Position of the button.
        "index" => index: u64,
        /// A button that opens a link (also used to copy OTP codes).
        "urlButton" => url_button: UrlButton,
        /// A button that sends a quick reply.
        "quickReplyButton" => quick_reply_button: QuickReplyButton,
        /// A button that places a call.
        "callButton" => call_button: CallButton,
    }
}

lossless_object! {
    /// A button that opens a link.
    pub struct UrlButton {
        /// Label of the button.
        "displayText" => display_text: String,
        /// The link.
        "url" => url: String,
    }
}

lossless_object! {
    /// A button that answers with a quick reply.
    pub struct QuickReplyButton {
        /// Label of the button.
        "displayText" => display_text: String,
        /// Id sent back when it is pressed.
        "id" => id: String,
    }
}

lossless_object! {
    /// A button that places a call.
    pub struct CallButton {
        /// Label of the button.
        "displayText" => display_text: String,
        /// Number it calls.
        "phoneNumber" => phone_number: String,
    }
}

lossless_object! {
    /// The answer to a button message: which button was pressed.
    pub struct ButtonsResponse {
        /// Id of the pressed button.
        "buttonId" => button_id: String,
        /// Label of the pressed button.
        "message" => message: String,
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

lossless_object! {
    /// A message with buttons, optionally with an image or video.
    pub struct ButtonsMessage {
        /// Image shown above the buttons.
        "imageUrl" => image_url: String,
        /// Video shown above the buttons.
        "videoUrl" => video_url: String,
        /// Body text.
        "message" => message: String,
        /// The buttons.
        "buttons" => buttons: Vec<Button>,
    }
}

lossless_object! {
    /// One button of a buttons message.
    pub struct Button {
        /// Id of the button.
        "buttonId" => button_id: String,
        /// Button type code (1 is a reply button).
        "type" => r#type: u64,
        /// The label.
        "buttonText" => button_text: ButtonText,
    }
}

lossless_object! {
    /// The label of a button.
    pub struct ButtonText {
        /// Text shown on the button.
        "displayText" => display_text: String,
    }
}

open_enum! {
    /// Kind of a Pix key (Brazil's instant payment system).
    pub enum PixKeyType {
        /// A random key.
        Evp = "EVP",
        /// A person's tax id.
        Cpf = "CPF",
        /// A company's tax id.
        Cnpj = "CNPJ",
        /// A phone number.
        Phone = "PHONE",
        /// An e-mail address.
        Email = "EMAIL",
    }
}

lossless_object! {
    /// A button that shares a Pix key for payment.
    pub struct PixKey {
        /// Currency code, e.g. `BRL`.
        "currency" => currency: String,
        /// Payment reference.
        "referenceId" => reference_id: String,
        /// The Pix key.
        "key" => key: String,
        /// Its kind.
        "keyType" => key_type: PixKeyType,
        /// Name of the receiver.
        "merchantName" => merchant_name: String,
    }
}

lossless_object! {
    /// A carousel: a text and several cards, each with a header and buttons.
    pub struct Carousel {
        /// Text above the cards.
        "text" => text: String,
        /// The cards.
        "cards" => cards: Vec<CarouselCard>,
    }
}

lossless_object! {
    /// One card of a carousel.
    pub struct CarouselCard {
        /// Media header of the card.
        "header" => header: TemplateHeader,
        /// Body text.
        "message" => message: String,
        /// Footer text.
        "footer" => footer: String,
        /// Title.
        "title" => title: String,
        /// Buttons of the card.
        "hydratedButtons" => hydrated_buttons: Vec<HydratedButton>,
    }
}

lossless_object! {
    /// A reaction (emoji) to a message.
    pub struct Reaction {
        /// The emoji; empty when a reaction is removed.
        "value" => value: String,
        /// When the reaction was made.
        "time" => time: Timestamp,
        /// Who reacted.
        "reactionBy" => reaction_by: String,
        /// The message reacted to.
        "referencedMessage" => referenced_message: ReferencedMessage,
    }
}

lossless_object! {
    /// A message that another one refers to (reactions, pins, event answers).
    pub struct ReferencedMessage {
        /// Id of the message.
        "messageId" => message_id: String,
        /// Whether it was sent by the connected number.
        "fromMe" => from_me: bool,
        /// Chat phone number.
        "phone" => phone: String,
        /// Group participant who sent it, in groups.
        "participant" => participant: String,
    }
}

lossless_object! {
    /// A poll.
    pub struct Poll {
        /// The question.
        "question" => question: String,
        /// How many options one may choose (0: any number).
        "pollMaxOptions" => poll_max_options: u64,
        /// The options.
        "options" => options: Vec<PollOption>,
    }
}

lossless_object! {
    /// A vote on a poll.
    pub struct PollVote {
        /// Id of the poll message voted on.
        "pollMessageId" => poll_message_id: String,
        /// The chosen options.
        "options" => options: Vec<PollOption>,
    }
}

lossless_object! {
    /// An option of a poll.
    pub struct PollOption {
        /// Text of the option.
        "name" => name: String,
    }
}

open_enum! {
    /// What happened to a pinned message.
    pub enum PinAction {
        /// The message was pinned.
        Pin = "pin",
        /// The message was unpinned.
        Unpin = "unpin",
    }
}

lossless_object! {
    /// A message was pinned or unpinned in a chat.
    pub struct PinMessage {
        /// Pin or unpin.
        "action" => action: PinAction,
        /// How long the pin lasts, in seconds.
        "pinDurationInSecs" => pin_duration_in_secs: u64,
        /// The pinned message.
        "referencedMessage" => referenced_message: ReferencedMessage,
    }
}

lossless_object! {
    /// An event (a scheduled meeting) shared in a chat.
    pub struct Event {
        /// Event name.
        "name" => name: String,
        /// Event description.
        "description" => description: String,
        /// Whether it was canceled.
        "canceled" => canceled: bool,
        /// Call link of the event.
        "joinLink" => join_link: String,
        /// When it takes place (seconds in the docs' example).
        "scheduleTime" => schedule_time: Timestamp,
        /// Where it takes place (may be an empty object).
        "location" => location: Location,
    }
}

open_enum! {
    /// An answer to an event invitation.
    pub enum EventResponseType {
        /// Will attend.
        Going = "GOING",
        /// Will not attend.
        NotGoing = "NOT_GOING",
        /// Might attend.
        Maybe = "MAYBE",
    }
}

lossless_object! {
    /// Somebody answered an event invitation.
    pub struct EventResponse {
        /// The answer.
        "response" => response: EventResponseType,
        /// Who answered.
        "responseFrom" => response_from: String,
        /// When they answered.
        "time" => time: Timestamp,
        /// The event message answered.
        "referencedMessage" => referenced_message: ReferencedMessage,
    }
}
