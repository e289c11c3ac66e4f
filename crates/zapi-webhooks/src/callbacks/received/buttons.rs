//! Templates, buttons messages, carousels, and the answers to buttons.

use super::{Document, Image, Location, Video};
use crate::mechanism::macros::lossless_object;

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
