# Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.
"""`TypedDict`s of the JSON bodies Z-API (WhatsApp) POSTs to webhooks; see the README.

Generated from the permissive JSON Schemas, with the names of the npm package's TypeScript types.
"""

from __future__ import annotations

from typing import List, Literal, Union

from typing_extensions import ReadOnly, Required, TypeAlias, TypedDict

__all__ = [
    "Audio",
    "Button",
    "ButtonText",
    "ButtonsMessage",
    "ButtonsResponse",
    "CallButton",
    "Callback",
    "Carousel",
    "CarouselCard",
    "ConnectedCallback",
    "Contact",
    "DeliveryCallback",
    "DisconnectedCallback",
    "Document",
    "Event",
    "EventResponse",
    "EventResponseType",
    "ExternalAdReply",
    "HydratedButton",
    "HydratedTemplate",
    "Image",
    "LabelAssociation",
    "LinkMode",
    "ListMessage",
    "ListResponse",
    "ListRow",
    "ListSection",
    "LiveLocation",
    "LiveLocationSequence",
    "Location",
    "MessageStatus",
    "MessageStatusCallback",
    "NewsletterAdminInvite",
    "NotificationParameter",
    "NotificationType",
    "Order",
    "OrderProduct",
    "PaymentInfo",
    "PaymentInfoStatus",
    "PaymentOrder",
    "PaymentOrderProduct",
    "PinAction",
    "PinMessage",
    "PixKey",
    "PixKeyType",
    "Poll",
    "PollOption",
    "PollVote",
    "PresenceChatCallback",
    "PresenceStatus",
    "Product",
    "QuickReplyButton",
    "Reaction",
    "ReceivedAudio",
    "ReceivedButtonsMessage",
    "ReceivedButtonsResponse",
    "ReceivedCallback",
    "ReceivedCarousel",
    "ReceivedContact",
    "ReceivedDocument",
    "ReceivedEvent",
    "ReceivedEventResponse",
    "ReceivedHydratedTemplate",
    "ReceivedImage",
    "ReceivedKind",
    "ReceivedKinds",
    "ReceivedListMessage",
    "ReceivedListResponse",
    "ReceivedLiveLocation",
    "ReceivedLocation",
    "ReceivedNewsletterAdminInvite",
    "ReceivedNotification",
    "ReceivedOrder",
    "ReceivedPinMessage",
    "ReceivedPixKey",
    "ReceivedPoll",
    "ReceivedPollVote",
    "ReceivedProduct",
    "ReceivedReaction",
    "ReceivedRequestPayment",
    "ReceivedReviewAndPay",
    "ReceivedReviewOrder",
    "ReceivedSendPayment",
    "ReceivedSticker",
    "ReceivedText",
    "ReceivedVideo",
    "ReceivedVideoNote",
    "ReceivedWaitingMessage",
    "ReferencedMessage",
    "RequestMethod",
    "RequestPayment",
    "SendPayment",
    "StatusImage",
    "Sticker",
    "TemplateHeader",
    "Text",
    "Timestamp",
    "TraceContext",
    "TransactionStatus",
    "UpdateEveryWebhooksRequest",
    "UpdateNotifySentByMeRequest",
    "UpdateWebhookRequest",
    "UpdateWebhookResponse",
    "UrlButton",
    "Video",
    "VideoNote",
    "WebhookUrl",
]


class ReceivedCallback(TypedDict, total=False):
    """A message received (or sent by the connected number, when "notify sent by me" is on), or a
    notification of one of the instance's chats. The envelope fields describe who, where and
    when; exactly one content key (text, image, notification, ...) tells the kind.
    """
    # Tracing ids Z-API attaches to the delivery, seen in real deliveries. May be absent or null.
    _traceContext: TraceContext | None
    # An audio or voice note. Content key: when present (and not null) the message kind is `audio`.
    # May be absent or null.
    audio: ReadOnly[Audio | None]
    # Whether the message came through a broadcast list. May be absent or null.
    broadcast: bool | None
    # Recipients of a message sent to a broadcast list. May be absent or null.
    broadcastRecipients: List[str] | None
    # A message with buttons. Content key: when present (and not null) the message kind is
    # `buttons_message`. May be absent or null.
    buttonsMessage: ReadOnly[ButtonsMessage | None]
    # A button pressed in a buttons message. Content key: when present (and not null) the message
    # kind is `buttons_response`. May be absent or null.
    buttonsResponseMessage: ReadOnly[ButtonsResponse | None]
    # Id of the call, for call notifications. May be absent or null.
    callId: str | None
    # A carousel of cards. Content key: when present (and not null) the message kind is `carousel`.
    # May be absent or null.
    carouselMessage: ReadOnly[Carousel | None]
    # WhatsApp id (`...@lid`) of the chat. May be absent or null.
    chatLid: str | None
    # Name of the chat. May be absent or null.
    chatName: str | None
    code: object
    # The phone number connected to the instance. May be absent or null.
    connectedPhone: str | None
    # A contact card. Content key: when present (and not null) the message kind is `contact`. May
    # be absent or null.
    contact: ReadOnly[Contact | None]
    # A document. Content key: when present (and not null) the message kind is `document`. May be
    # absent or null.
    document: ReadOnly[Document | None]
    # On an edit (`isEdit: true`): the id of the message that was edited. The media URL of an
    # edited media message may then be `null`. May be absent or null.
    editMessageId: str | None
    # An event. Content key: when present (and not null) the message kind is `event`. May be absent
    # or null.
    event: ReadOnly[Event | None]
    # An answer to an event. Content key: when present (and not null) the message kind is
    # `event_response`. May be absent or null.
    eventResponse: ReadOnly[EventResponse | None]
    # When a join request expires. May be absent or null.
    expiresAt: Timestamp | None
    # The ad the conversation came from. May be absent or null.
    externalAdReply: ExternalAdReply | None
    # Whether the message was forwarded. May be absent or null.
    forwarded: bool | None
    # Whether the message was sent through the API. May be absent or null.
    fromApi: bool | None
    # Whether the connected number sent the message. May be absent or null.
    fromMe: bool | None
    # A business template with header, body, footer and buttons. Content key: when present (and not
    # null) the message kind is `hydrated_template`. May be absent or null.
    hydratedTemplate: ReadOnly[HydratedTemplate | None]
    # An image. Content key: when present (and not null) the message kind is `image`. May be absent
    # or null.
    image: ReadOnly[Image | None]
    # The Z-API instance. May be absent or null.
    instanceId: str | None
    # Whether the message is an edit of an earlier one. May be absent or null.
    isEdit: bool | None
    # Whether the chat is a group. May be absent or null.
    isGroup: bool | None
    # Whether the chat is a newsletter (channel). May be absent or null.
    isNewsletter: bool | None
    # Whether the message replies to a status post. May be absent or null.
    isStatusReply: bool | None
    # Who may use a group's invite link (`GROUP_MEMBER_LINK_PROPERTY_UPDATE`). May be absent or
    # null.
    linkMode: LinkMode | None
    # A list of options sent from the API, seen in real deliveries. Content key: when present (and
    # not null) the message kind is `list_message`. May be absent or null.
    listMessage: ReadOnly[ListMessage | None]
    # A row chosen in an option list. Content key: when present (and not null) the message kind is
    # `list_response`. May be absent or null.
    listResponseMessage: ReadOnly[ListResponse | None]
    # A live location being shared, seen in real deliveries. Content key: when present (and not
    # null) the message kind is `live_location`. May be absent or null.
    liveLocation: ReadOnly[LiveLocation | None]
    # A location. Content key: when present (and not null) the message kind is `location`. May be
    # absent or null.
    location: ReadOnly[Location | None]
    # Lifetime of disappearing messages in the chat, in seconds (0: off). May be absent or null.
    messageExpirationSeconds: int | None
    # WhatsApp id of the message. May be absent or null.
    messageId: str | None
    # The same moment under the correctly spelled key that some English examples use. May be absent
    # or null.
    moment: Timestamp | None
    # When the message was received (milliseconds). May be absent or null.
    momment: Timestamp | None
    # An invitation to administer a newsletter. Content key: when present (and not null) the
    # message kind is `newsletter_admin_invite`. May be absent or null.
    newsletterAdminInvite: ReadOnly[NewsletterAdminInvite | None]
    # A system notification; its parameters are in the envelope's `notificationParameters` and, for
    # some, in `callId`, `requestMethod`, `linkMode`, `profileName`, `updatedPhoto`. Content key:
    # when present (and not null) the message kind is `notification`. May be absent or null.
    notification: ReadOnly[NotificationType | None]
    # Parameters of a notification. May be absent or null.
    notificationParameters: List[NotificationParameter] | None
    # A cart. Content key: when present (and not null) the message kind is `order`. May be absent
    # or null.
    order: ReadOnly[Order | None]
    # In groups: WhatsApp id (`...@lid`) of the participant who sent the message. May be absent or
    # null.
    participantLid: str | None
    # In groups: phone number of the participant who sent the message. May be absent or null.
    participantPhone: str | None
    # Phone number of the chat, or the group's id. May be absent or null.
    phone: str | None
    # Picture URL of the chat. May be absent or null.
    photo: str | None
    # A message pinned or unpinned. Content key: when present (and not null) the message kind is
    # `pin_message`. May be absent or null.
    pinMessage: ReadOnly[PinMessage | None]
    # A Pix key payment button. Content key: when present (and not null) the message kind is
    # `pix_key`. May be absent or null.
    pixKeyMessage: ReadOnly[PixKey | None]
    # A poll. Content key: when present (and not null) the message kind is `poll`. May be absent or
    # null.
    poll: ReadOnly[Poll | None]
    # A vote on a poll. Content key: when present (and not null) the message kind is `poll_vote`.
    # May be absent or null.
    pollVote: ReadOnly[PollVote | None]
    # A catalog product. Content key: when present (and not null) the message kind is `product`.
    # May be absent or null.
    product: ReadOnly[Product | None]
    # The new profile name (`PROFILE_NAME_UPDATED`). May be absent or null.
    profileName: str | None
    # A round video note (PTV), seen in real deliveries. Content key: when present (and not null)
    # the message kind is `video_note`. May be absent or null.
    ptv: ReadOnly[VideoNote | None]
    # A reaction to a message. Content key: when present (and not null) the message kind is
    # `reaction`. May be absent or null.
    reaction: ReadOnly[Reaction | None]
    # Id of the message this one replies to. May be absent or null.
    referenceMessageId: str | None
    # How somebody asked to join a group. May be absent or null.
    requestMethod: RequestMethod | None
    # A payment request. Content key: when present (and not null) the message kind is
    # `request_payment`. May be absent or null.
    requestPayment: ReadOnly[RequestPayment | None]
    # An order sent for review and payment. Content key: when present (and not null) the message
    # kind is `review_and_pay`. May be absent or null.
    reviewAndPay: ReadOnly[PaymentOrder | None]
    # An update of an order sent for payment. Content key: when present (and not null) the message
    # kind is `review_order`. May be absent or null.
    reviewOrder: ReadOnly[PaymentOrder | None]
    # A payment sent. Content key: when present (and not null) the message kind is `send_payment`.
    # May be absent or null.
    sendPayment: ReadOnly[SendPayment | None]
    # WhatsApp id (`...@lid`) of the sender. May be absent or null.
    senderLid: str | None
    # Name of the sender. May be absent or null.
    senderName: str | None
    # Picture URL of the sender. May be absent or null.
    senderPhoto: str | None
    # Status of the message when the callback was sent. May be absent or null.
    status: MessageStatus | None
    # The status post this message replies to. May be absent or null.
    statusImage: StatusImage | None
    # A sticker. Content key: when present (and not null) the message kind is `sticker`. May be
    # absent or null.
    sticker: ReadOnly[Sticker | None]
    # A text message. Content key: when present (and not null) the message kind is `text`. May be
    # absent or null.
    text: ReadOnly[Text | None]
    # The callback type: `ReceivedCallback` or `ReceivedCallBack`. Required here so that `Callback`
    # can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Required[Literal["ReceivedCallback", "ReceivedCallBack"]]
    # URL of the new profile picture (`PROFILE_PICTURE_UPDATED`). May be absent or null.
    updatedPhoto: str | None
    # A video or GIF. Content key: when present (and not null) the message kind is `video`. May be
    # absent or null.
    video: ReadOnly[Video | None]
    # Whether the message can be viewed only once. May be absent or null.
    viewOnce: bool | None
    # Whether WhatsApp is still waiting for this message's content. May be absent or null.
    waitingMessage: ReadOnly[bool | None]


class DeliveryCallback(TypedDict, total=False):
    """Sent after the instance sends a message through the API: the message left Z-API."""
    # Error description, when sending failed. May be absent or null.
    error: str | None
    # The Z-API instance that sent the message. May be absent or null.
    instanceId: str | None
    # WhatsApp's id for the message. May be absent or null.
    messageId: str | None
    # When the event happened. May be absent or null.
    momment: Timestamp | None
    # Destination phone number (or group id) of the message. May be absent or null.
    phone: str | None
    # The callback type: `DeliveryCallback` or `DeliveryCallBack`. Required here so that `Callback`
    # can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Required[Literal["DeliveryCallback", "DeliveryCallBack"]]
    # Z-API's own id for the queued message. May be absent or null.
    zaapId: str | None


class MessageStatusCallback(TypedDict, total=False):
    """A message changed status, for one or more message ids at once."""
    # A single message id, as the docs' table names it (the examples send `ids`). May be absent or
    # null.
    id: str | None
    # Ids of the messages whose status changed. May be absent or null.
    ids: List[str] | None
    # The Z-API instance. May be absent or null.
    instanceId: str | None
    # Whether the chat is a group. May be absent or null.
    isGroup: bool | None
    # When the status changed. May be absent or null.
    momment: Timestamp | None
    # In groups: who the status is about (a phone number or an `@lid`), seen in real deliveries.
    # May be absent or null.
    participant: str | None
    # In groups: which device of that participant (0 is the phone), seen in real deliveries. May be
    # absent or null.
    participantDevice: int | None
    # Phone number (or group id) of the chat. May be absent or null.
    phone: str | None
    # Which device of the account saw the event (0 is the phone). May be absent or null.
    phoneDevice: int | None
    # The new status of the messages. May be absent or null.
    status: MessageStatus | None
    # The callback type: `MessageStatusCallback` or `MessageStatusCallBack`. Required here so that
    # `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Required[Literal["MessageStatusCallback", "MessageStatusCallBack"]]


class PresenceChatCallback(TypedDict, total=False):
    """A contact's presence changed in a chat."""
    # The Z-API instance. May be absent or null.
    instanceId: str | None
    # When the contact was last online; often `null`. May be absent or null.
    lastSeen: Timestamp | None
    # Phone number of the contact. May be absent or null.
    phone: str | None
    # The presence. May be absent or null.
    status: PresenceStatus | None
    # The callback type: `PresenceChatCallback` or `PresenceChatCallBack`. Required here so that
    # `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Required[Literal["PresenceChatCallback", "PresenceChatCallBack"]]


class ConnectedCallback(TypedDict, total=False):
    """The instance connected to its WhatsApp number (after the QR code was read, or on
    reconnection).
    """
    # Whether the instance is connected. May be absent or null.
    connected: bool | None
    # The Z-API instance. May be absent or null.
    instanceId: str | None
    # Whether the connected number is a WhatsApp Business account, seen in real deliveries. May be
    # absent or null.
    isBusiness: bool | None
    # When it connected. Documented as a string, sent as an integer. May be absent or null.
    momment: Timestamp | None
    # The connected phone number. May be absent or null.
    phone: str | None
    # The callback type: `ConnectedCallback` or `ConnectedCallBack`. Required here so that
    # `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Required[Literal["ConnectedCallback", "ConnectedCallBack"]]


class DisconnectedCallback(TypedDict, total=False):
    """The instance was disconnected from its WhatsApp number."""
    # Whether the instance is disconnected. May be absent or null.
    disconnected: bool | None
    # Why it was disconnected. May be absent or null.
    error: str | None
    # The Z-API instance. May be absent or null.
    instanceId: str | None
    # When it was disconnected (seconds in the docs' example). May be absent or null.
    momment: Timestamp | None
    # The phone number that was connected, seen in real deliveries (and in the docs' unmerged
    # branch). May be absent or null.
    phone: str | None
    # The callback type: `DisconnectedCallback` or `DisconnectedCallBack`. Required here so that
    # `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Required[Literal["DisconnectedCallback", "DisconnectedCallBack"]]


class ReceivedText(ReceivedCallback):
    """Kind `text`: a `ReceivedCallback` whose `text` is present and not None.

    A text message.
    """
    text: ReadOnly[Text]


class ReceivedHydratedTemplate(ReceivedCallback):
    """Kind `hydrated_template`: a `ReceivedCallback` whose `hydratedTemplate` is present and not
    None.

    A business template with header, body, footer and buttons.
    """
    hydratedTemplate: ReadOnly[HydratedTemplate]


class ReceivedReaction(ReceivedCallback):
    """Kind `reaction`: a `ReceivedCallback` whose `reaction` is present and not None.

    A reaction to a message.
    """
    reaction: ReadOnly[Reaction]


class ReceivedButtonsResponse(ReceivedCallback):
    """Kind `buttons_response`: a `ReceivedCallback` whose `buttonsResponseMessage` is present and
    not None.

    A button pressed in a buttons message.
    """
    buttonsResponseMessage: ReadOnly[ButtonsResponse]


class ReceivedListResponse(ReceivedCallback):
    """Kind `list_response`: a `ReceivedCallback` whose `listResponseMessage` is present and not
    None.

    A row chosen in an option list.
    """
    listResponseMessage: ReadOnly[ListResponse]


class ReceivedListMessage(ReceivedCallback):
    """Kind `list_message`: a `ReceivedCallback` whose `listMessage` is present and not None.

    A list of options sent from the API, seen in real deliveries.
    """
    listMessage: ReadOnly[ListMessage]


class ReceivedButtonsMessage(ReceivedCallback):
    """Kind `buttons_message`: a `ReceivedCallback` whose `buttonsMessage` is present and not None.

    A message with buttons.
    """
    buttonsMessage: ReadOnly[ButtonsMessage]


class ReceivedPixKey(ReceivedCallback):
    """Kind `pix_key`: a `ReceivedCallback` whose `pixKeyMessage` is present and not None.

    A Pix key payment button.
    """
    pixKeyMessage: ReadOnly[PixKey]


class ReceivedCarousel(ReceivedCallback):
    """Kind `carousel`: a `ReceivedCallback` whose `carouselMessage` is present and not None.

    A carousel of cards.
    """
    carouselMessage: ReadOnly[Carousel]


class ReceivedImage(ReceivedCallback):
    """Kind `image`: a `ReceivedCallback` whose `image` is present and not None.

    An image.
    """
    image: ReadOnly[Image]


class ReceivedAudio(ReceivedCallback):
    """Kind `audio`: a `ReceivedCallback` whose `audio` is present and not None.

    An audio or voice note.
    """
    audio: ReadOnly[Audio]


class ReceivedVideo(ReceivedCallback):
    """Kind `video`: a `ReceivedCallback` whose `video` is present and not None.

    A video or GIF.
    """
    video: ReadOnly[Video]


class ReceivedVideoNote(ReceivedCallback):
    """Kind `video_note`: a `ReceivedCallback` whose `ptv` is present and not None.

    A round video note (PTV), seen in real deliveries.
    """
    ptv: ReadOnly[VideoNote]


class ReceivedContact(ReceivedCallback):
    """Kind `contact`: a `ReceivedCallback` whose `contact` is present and not None.

    A contact card.
    """
    contact: ReadOnly[Contact]


class ReceivedDocument(ReceivedCallback):
    """Kind `document`: a `ReceivedCallback` whose `document` is present and not None.

    A document.
    """
    document: ReadOnly[Document]


class ReceivedLocation(ReceivedCallback):
    """Kind `location`: a `ReceivedCallback` whose `location` is present and not None.

    A location.
    """
    location: ReadOnly[Location]


class ReceivedLiveLocation(ReceivedCallback):
    """Kind `live_location`: a `ReceivedCallback` whose `liveLocation` is present and not None.

    A live location being shared, seen in real deliveries.
    """
    liveLocation: ReadOnly[LiveLocation]


class ReceivedSticker(ReceivedCallback):
    """Kind `sticker`: a `ReceivedCallback` whose `sticker` is present and not None.

    A sticker.
    """
    sticker: ReadOnly[Sticker]


class ReceivedRequestPayment(ReceivedCallback):
    """Kind `request_payment`: a `ReceivedCallback` whose `requestPayment` is present and not None.

    A payment request.
    """
    requestPayment: ReadOnly[RequestPayment]


class ReceivedSendPayment(ReceivedCallback):
    """Kind `send_payment`: a `ReceivedCallback` whose `sendPayment` is present and not None.

    A payment sent.
    """
    sendPayment: ReadOnly[SendPayment]


class ReceivedProduct(ReceivedCallback):
    """Kind `product`: a `ReceivedCallback` whose `product` is present and not None.

    A catalog product.
    """
    product: ReadOnly[Product]


class ReceivedOrder(ReceivedCallback):
    """Kind `order`: a `ReceivedCallback` whose `order` is present and not None.

    A cart.
    """
    order: ReadOnly[Order]


class ReceivedPoll(ReceivedCallback):
    """Kind `poll`: a `ReceivedCallback` whose `poll` is present and not None.

    A poll.
    """
    poll: ReadOnly[Poll]


class ReceivedPollVote(ReceivedCallback):
    """Kind `poll_vote`: a `ReceivedCallback` whose `pollVote` is present and not None.

    A vote on a poll.
    """
    pollVote: ReadOnly[PollVote]


class ReceivedReviewAndPay(ReceivedCallback):
    """Kind `review_and_pay`: a `ReceivedCallback` whose `reviewAndPay` is present and not None.

    An order sent for review and payment.
    """
    reviewAndPay: ReadOnly[PaymentOrder]


class ReceivedReviewOrder(ReceivedCallback):
    """Kind `review_order`: a `ReceivedCallback` whose `reviewOrder` is present and not None.

    An update of an order sent for payment.
    """
    reviewOrder: ReadOnly[PaymentOrder]


class ReceivedNewsletterAdminInvite(ReceivedCallback):
    """Kind `newsletter_admin_invite`: a `ReceivedCallback` whose `newsletterAdminInvite` is
    present and not None.

    An invitation to administer a newsletter.
    """
    newsletterAdminInvite: ReadOnly[NewsletterAdminInvite]


class ReceivedPinMessage(ReceivedCallback):
    """Kind `pin_message`: a `ReceivedCallback` whose `pinMessage` is present and not None.

    A message pinned or unpinned.
    """
    pinMessage: ReadOnly[PinMessage]


class ReceivedEvent(ReceivedCallback):
    """Kind `event`: a `ReceivedCallback` whose `event` is present and not None.

    An event.
    """
    event: ReadOnly[Event]


class ReceivedEventResponse(ReceivedCallback):
    """Kind `event_response`: a `ReceivedCallback` whose `eventResponse` is present and not None.

    An answer to an event.
    """
    eventResponse: ReadOnly[EventResponse]


class ReceivedNotification(ReceivedCallback):
    """Kind `notification`: a `ReceivedCallback` whose `notification` is present and not None.

    A system notification; its parameters are in the envelope's `notificationParameters` and,
    for some, in `callId`, `requestMethod`, `linkMode`, `profileName`, `updatedPhoto`.
    """
    notification: ReadOnly[NotificationType]


class ReceivedWaitingMessage(ReceivedCallback):
    """Kind `waiting_message`: a `ReceivedCallback` with no content key and `waitingMessage: True`.

    No content yet: WhatsApp is waiting for the message.
    """
    waitingMessage: ReadOnly[Literal[True]]


ReceivedKinds = TypedDict(
    "ReceivedKinds",
    {
        "text": ReceivedText,
        "hydrated_template": ReceivedHydratedTemplate,
        "reaction": ReceivedReaction,
        "buttons_response": ReceivedButtonsResponse,
        "list_response": ReceivedListResponse,
        "list_message": ReceivedListMessage,
        "buttons_message": ReceivedButtonsMessage,
        "pix_key": ReceivedPixKey,
        "carousel": ReceivedCarousel,
        "image": ReceivedImage,
        "audio": ReceivedAudio,
        "video": ReceivedVideo,
        "video_note": ReceivedVideoNote,
        "contact": ReceivedContact,
        "document": ReceivedDocument,
        "location": ReceivedLocation,
        "live_location": ReceivedLiveLocation,
        "sticker": ReceivedSticker,
        "request_payment": ReceivedRequestPayment,
        "send_payment": ReceivedSendPayment,
        "product": ReceivedProduct,
        "order": ReceivedOrder,
        "poll": ReceivedPoll,
        "poll_vote": ReceivedPollVote,
        "review_and_pay": ReceivedReviewAndPay,
        "review_order": ReceivedReviewOrder,
        "newsletter_admin_invite": ReceivedNewsletterAdminInvite,
        "pin_message": ReceivedPinMessage,
        "event": ReceivedEvent,
        "event_response": ReceivedEventResponse,
        "notification": ReceivedNotification,
        "waiting_message": ReceivedWaitingMessage,
    },
)
"""The type of each kind of `ReceivedCallback`, by kind name (the `kind` of the examples manifest).
"""


class Audio(TypedDict, total=False):
    """An audio message or voice note."""
    # URL to download the audio. May be absent or null.
    audioUrl: str | None
    # MIME type, e.g. `audio/ogg; codecs=opus`. May be absent or null.
    mimeType: str | None
    # `true` for a voice note recorded in WhatsApp ("push to talk"). May be absent or null.
    ptt: bool | None
    # Length in seconds. May be absent or null.
    seconds: int | None
    # Whether it can be played only once. May be absent or null.
    viewOnce: bool | None


class Button(TypedDict, total=False):
    """One button of a buttons message."""
    # Id of the button. May be absent or null.
    buttonId: str | None
    # The label. May be absent or null.
    buttonText: ButtonText | None
    # Button type code (1 is a reply button). May be absent or null.
    type: int | None


class ButtonText(TypedDict, total=False):
    """The label of a button."""
    # Text shown on the button. May be absent or null.
    displayText: str | None


class ButtonsMessage(TypedDict, total=False):
    """A message with buttons, optionally with an image or video."""
    # The buttons. May be absent or null.
    buttons: List[Button] | None
    # Image shown above the buttons. May be absent or null.
    imageUrl: str | None
    # Body text. May be absent or null.
    message: str | None
    # Video shown above the buttons. May be absent or null.
    videoUrl: str | None


class ButtonsResponse(TypedDict, total=False):
    """The answer to a button message: which button was pressed."""
    # Id of the pressed button. May be absent or null.
    buttonId: str | None
    # Label of the pressed button. May be absent or null.
    message: str | None


class CallButton(TypedDict, total=False):
    """A button that places a call."""
    # Label of the button. May be absent or null.
    displayText: str | None
    # Number it calls. May be absent or null.
    phoneNumber: str | None


class Carousel(TypedDict, total=False):
    """A carousel: a text and several cards, each with a header and buttons."""
    # The cards. May be absent or null.
    cards: List[CarouselCard] | None
    # Text above the cards. May be absent or null.
    text: str | None


class CarouselCard(TypedDict, total=False):
    """One card of a carousel."""
    # Footer text. May be absent or null.
    footer: str | None
    # Media header of the card. May be absent or null.
    header: TemplateHeader | None
    # Buttons of the card. May be absent or null.
    hydratedButtons: List[HydratedButton] | None
    # Body text. May be absent or null.
    message: str | None
    # Title. May be absent or null.
    title: str | None


class Contact(TypedDict, total=False):
    """A shared contact card."""
    # Name shown for the contact. May be absent or null.
    displayName: str | None
    # Phone numbers of the contact. May be absent or null.
    phones: List[str] | None
    # The contact as a vCard. May be absent or null.
    vCard: str | None


class Document(TypedDict, total=False):
    """A document (file)."""
    # Caption. May be absent or null.
    caption: str | None
    # URL to download the document. May be absent or null.
    documentUrl: str | None
    # File name. May be absent or null.
    fileName: str | None
    # MIME type, e.g. `application/pdf`. May be absent or null.
    mimeType: str | None
    # Number of pages. Documented as a string, sent as a number: both are accepted. May be absent
    # or null.
    pageCount: Union[float, str, None]
    # URL of the thumbnail. May be absent or null.
    thumbnailUrl: str | None
    # Title. May be absent or null.
    title: str | None


class Event(TypedDict, total=False):
    """An event (a scheduled meeting) shared in a chat."""
    # Whether it was canceled. May be absent or null.
    canceled: bool | None
    # Event description. May be absent or null.
    description: str | None
    # Call link of the event. May be absent or null.
    joinLink: str | None
    # Where it takes place (may be an empty object). May be absent or null.
    location: Location | None
    # Event name. May be absent or null.
    name: str | None
    # When it takes place (seconds in the docs' example). May be absent or null.
    scheduleTime: Timestamp | None


class EventResponse(TypedDict, total=False):
    """Somebody answered an event invitation."""
    # The event message answered. May be absent or null.
    referencedMessage: ReferencedMessage | None
    # The answer. May be absent or null.
    response: EventResponseType | None
    # Who answered. May be absent or null.
    responseFrom: str | None
    # When they answered. May be absent or null.
    time: Timestamp | None


class ExternalAdReply(TypedDict, total=False):
    """The ad a conversation started from ("click to WhatsApp" ads)."""
    # Ad text. May be absent or null.
    body: str | None
    # Whether an automatic reply is attached. May be absent or null.
    containsAutoReply: bool | None
    # Click id for conversion tracking. May be absent or null.
    ctwaClid: str | None
    # Media type code of the ad (a number). May be absent or null.
    mediaType: int | None
    # Whether the thumbnail is shown large. May be absent or null.
    renderLargerThumbnail: bool | None
    # Whether the ad attribution is shown. May be absent or null.
    showAdAttribution: bool | None
    # Id of the ad. May be absent or null.
    sourceId: str | None
    # Source type, e.g. `ad`. May be absent or null.
    sourceType: str | None
    # URL of the ad. May be absent or null.
    sourceUrl: str | None
    # Ad thumbnail URL. May be absent or null.
    thumbnailUrl: str | None
    # Ad title. May be absent or null.
    title: str | None


class HydratedButton(TypedDict, total=False):
    """A button of a template or carousel card: one of its button fields is set."""
    # A button that places a call. May be absent or null.
    callButton: CallButton | None
    # Position of the button. May be absent or null.
    index: int | None
    # A button that sends a quick reply. May be absent or null.
    quickReplyButton: QuickReplyButton | None
    # A button that opens a link (also used to copy OTP codes). May be absent or null.
    urlButton: UrlButton | None


class HydratedTemplate(TypedDict, total=False):
    """A hydrated template message (business templates: text, media header, buttons, OTP)."""
    # Footer text. May be absent or null.
    footer: str | None
    # The header: empty, or one media item. May be absent or null.
    header: TemplateHeader | None
    # Buttons of the template. May be absent or null.
    hydratedButtons: List[HydratedButton] | None
    # Body text. May be absent or null.
    message: str | None
    # Id of the template. May be absent or null.
    templateId: str | None
    # Title. May be absent or null.
    title: str | None


class Image(TypedDict, total=False):
    """An image."""
    # Caption. May be absent or null.
    caption: str | None
    # Why the download failed, when it did. May be absent or null.
    downloadError: str | None
    # Height in pixels. May be absent or null.
    height: int | None
    # URL to download the image. May be absent or null.
    imageUrl: str | None
    # MIME type, e.g. `image/jpeg`. May be absent or null.
    mimeType: str | None
    # URL of the thumbnail. May be absent or null.
    thumbnailUrl: str | None
    # Whether it can be viewed only once. May be absent or null.
    viewOnce: bool | None
    # Width in pixels. May be absent or null.
    width: int | None


class LabelAssociation(TypedDict, total=False):
    """A label added to or removed from a chat."""
    # `true` when added, `false` when removed. May be absent or null.
    assigned: bool | None
    # Id of the label. May be absent or null.
    label: str | None
    # Phone number of the chat the label applies to. May be absent or null.
    phone: str | None


class ListMessage(TypedDict, total=False):
    """A list of options sent from the API (WhatsApp's list message): a text, the button that opens
    the list, and the list's sections of rows. The answer comes back as a `listResponseMessage`.
    """
    # Label of the button that opens the list. May be absent or null.
    buttonText: str | None
    # Body text of the message. May be absent or null.
    description: str | None
    # Footer text. May be absent or null.
    footerText: str | None
    # WhatsApp's list type, e.g. `SINGLE_SELECT`. May be absent or null.
    listType: str | None
    # The sections of the list. May be absent or null.
    sections: List[ListSection] | None
    # Title of the message. May be absent or null.
    title: str | None


class ListResponse(TypedDict, total=False):
    """The answer to an option list: which row was chosen."""
    # Text of the chosen option. May be absent or null.
    message: str | None
    # Id of the chosen row. May be absent or null.
    selectedRowId: str | None
    # Title of the list. May be absent or null.
    title: str | None


class ListRow(TypedDict, total=False):
    """One option of a list message."""
    # Text under the title. May be absent or null.
    description: str | None
    # Id of the option: what a `listResponseMessage` sends back as `selectedRowId`. May be absent
    # or null.
    rowId: str | None
    # Title of the option. May be absent or null.
    title: str | None


class ListSection(TypedDict, total=False):
    """A section of a list message: a title and its rows."""
    # The options of the section, under the key recorded on received list messages (September 2025,
    # a Z-API-format reseller's deliveries): the same shape as `rows`. May be absent or null.
    options: List[ListRow] | None
    # The options of the section, under the key public senders use. May be absent or null.
    rows: List[ListRow] | None
    # Title of the section. May be absent or null.
    title: str | None


class LiveLocation(TypedDict, total=False):
    """A live location being shared, under the content key `liveLocation`; seen in real deliveries,
    not in the docs.
    """
    # Caption. May be absent or null.
    caption: str | None
    # Latitude in degrees, kept as the exact JSON number sent. May be absent or null.
    latitude: float | None
    # Longitude in degrees, kept as the exact JSON number sent. May be absent or null.
    longitude: float | None
    # Which update of the shared location this is. May be absent or null.
    sequence: LiveLocationSequence | None


class LiveLocationSequence(TypedDict, total=False):
    """The update counter of a live location: a 64-bit number sent as two 32-bit halves, the way
    WhatsApp's protocol encodes it in JSON.
    """
    # The upper 32 bits. May be absent or null.
    high: float | None
    # The lower 32 bits (as a signed or unsigned JSON integer). May be absent or null.
    low: float | None
    # Whether the whole number is unsigned. May be absent or null.
    unsigned: bool | None


class Location(TypedDict, total=False):
    """A location."""
    # Address of the place. May be absent or null.
    address: str | None
    # Latitude in degrees, kept as the exact JSON number sent. May be absent or null.
    latitude: float | None
    # Longitude in degrees, kept as the exact JSON number sent. May be absent or null.
    longitude: float | None
    # Name of the place. May be absent or null.
    name: str | None
    # URL of the map thumbnail. May be absent or null.
    thumbnailUrl: str | None
    # Link to the place. May be absent or null.
    url: str | None


class NewsletterAdminInvite(TypedDict, total=False):
    """An invitation to become admin of a newsletter (channel)."""
    # When the invitation expires (seconds in the docs' example). May be absent or null.
    inviteExpiration: Timestamp | None
    # Id of the newsletter (`...@newsletter`). May be absent or null.
    newsletterId: str | None
    # Name of the newsletter. May be absent or null.
    newsletterName: str | None
    # Invitation text. May be absent or null.
    text: str | None


class Order(TypedDict, total=False):
    """A cart sent from a catalog."""
    # Currency code. May be absent or null.
    currency: str | None
    # Number of items. May be absent or null.
    itemCount: int | None
    # Message sent with the order. May be absent or null.
    message: str | None
    # Id of the order. May be absent or null.
    orderId: str | None
    # Title of the order. May be absent or null.
    orderTitle: str | None
    # The items. May be absent or null.
    products: List[OrderProduct] | None
    # The seller. May be absent or null.
    sellerJid: str | None
    # Amount before discounts, shipping and taxes. May be absent or null.
    subTotal: float | None
    # URL of the thumbnail. May be absent or null.
    thumbnailUrl: str | None
    # Token to fetch the order's details. May be absent or null.
    token: str | None
    # Total amount. May be absent or null.
    total: float | None


class OrderProduct(TypedDict, total=False):
    """An item of a cart."""
    # Currency code. May be absent or null.
    currencyCode: str | None
    # Product name. May be absent or null.
    name: str | None
    # Unit price. May be absent or null.
    price: float | None
    # Id of the product. May be absent or null.
    productId: str | None
    # Quantity. May be absent or null.
    quantity: int | None
    # The seller's own id for the product. May be absent or null.
    retailerId: str | None


class PaymentInfo(TypedDict, total=False):
    """Details of a payment."""
    # Currency code, e.g. `BRL`. May be absent or null.
    currencyCode: str | None
    # Phone number receiving the money. May be absent or null.
    receiverPhone: str | None
    # Progress of the payment. May be absent or null.
    status: PaymentInfoStatus | None
    # State of the transaction. May be absent or null.
    transactionStatus: TransactionStatus | None
    # Amount, kept as the exact JSON number sent. May be absent or null.
    value: float | None


class PaymentOrder(TypedDict, total=False):
    """An order sent for review and payment (`reviewAndPay`) or its update (`reviewOrder`)."""
    # Currency code. May be absent or null.
    currency: str | None
    # Discount. May be absent or null.
    discount: float | None
    # Id of the order request. May be absent or null.
    orderRequestId: str | None
    # Order status, e.g. `pending`, `processing`. May be absent or null.
    orderStatus: str | None
    # Payment status, e.g. `pending`. May be absent or null.
    paymentStatus: str | None
    # The items. May be absent or null.
    products: List[PaymentOrderProduct] | None
    # Payment reference. May be absent or null.
    referenceId: str | None
    # Shipping cost. May be absent or null.
    shipping: float | None
    # Amount before discount, shipping and tax. May be absent or null.
    subTotal: float | None
    # Tax. May be absent or null.
    tax: float | None
    # Total amount. May be absent or null.
    total: float | None
    # Kind of goods, e.g. `physical-goods` (only in `reviewAndPay`). May be absent or null.
    type: str | None


class PaymentOrderProduct(TypedDict, total=False):
    """An item of an order sent for payment."""
    # Whether the item was typed in rather than taken from the catalog. May be absent or null.
    isCustomItem: bool | None
    # Item name. May be absent or null.
    name: str | None
    # Id of the product. May be absent or null.
    productId: str | None
    # Quantity. May be absent or null.
    quantity: int | None
    # Unit value. May be absent or null.
    value: float | None


class PinMessage(TypedDict, total=False):
    """A message was pinned or unpinned in a chat."""
    # Pin or unpin. May be absent or null.
    action: PinAction | None
    # How long the pin lasts, in seconds. May be absent or null.
    pinDurationInSecs: int | None
    # The pinned message. May be absent or null.
    referencedMessage: ReferencedMessage | None


class PixKey(TypedDict, total=False):
    """A button that shares a Pix key for payment."""
    # Currency code, e.g. `BRL`. May be absent or null.
    currency: str | None
    # The Pix key. May be absent or null.
    key: str | None
    # Its kind. May be absent or null.
    keyType: PixKeyType | None
    # Name of the receiver. May be absent or null.
    merchantName: str | None
    # Payment reference. May be absent or null.
    referenceId: str | None


class Poll(TypedDict, total=False):
    """A poll."""
    # The options. May be absent or null.
    options: List[PollOption] | None
    # How many options one may choose (0: any number). May be absent or null.
    pollMaxOptions: int | None
    # The question. May be absent or null.
    question: str | None


class PollOption(TypedDict, total=False):
    """An option of a poll."""
    # Text of the option. May be absent or null.
    name: str | None


class PollVote(TypedDict, total=False):
    """A vote on a poll."""
    # The chosen options. May be absent or null.
    options: List[PollOption] | None
    # Id of the poll message voted on. May be absent or null.
    pollMessageId: str | None


class Product(TypedDict, total=False):
    """A product from a business catalog."""
    # The business that owns the catalog. May be absent or null.
    businessOwnerJid: str | None
    # Currency code. May be absent or null.
    currencyCode: str | None
    # Description. May be absent or null.
    description: str | None
    # Id of the first image. May be absent or null.
    firstImageId: str | None
    # Price, kept as the exact JSON number sent. May be absent or null.
    price: float | None
    # Id of the product. May be absent or null.
    productId: str | None
    # URL of the product image. May be absent or null.
    productImage: str | None
    # Number of images. May be absent or null.
    productImageCount: int | None
    # The seller's own id for the product. May be absent or null.
    retailerId: str | None
    # Product name. May be absent or null.
    title: str | None
    # Link to the product. May be absent or null.
    url: str | None


class QuickReplyButton(TypedDict, total=False):
    """A button that answers with a quick reply."""
    # Label of the button. May be absent or null.
    displayText: str | None
    # Id sent back when it is pressed. May be absent or null.
    id: str | None


class Reaction(TypedDict, total=False):
    """A reaction (emoji) to a message."""
    # Who reacted. May be absent or null.
    reactionBy: str | None
    # The message reacted to. May be absent or null.
    referencedMessage: ReferencedMessage | None
    # When the reaction was made. May be absent or null.
    time: Timestamp | None
    # The emoji; empty when a reaction is removed. May be absent or null.
    value: str | None


class ReferencedMessage(TypedDict, total=False):
    """A message that another one refers to (reactions, pins, event answers)."""
    # Whether it was sent by the connected number. May be absent or null.
    fromMe: bool | None
    # Id of the message. May be absent or null.
    messageId: str | None
    # Group participant who sent it, in groups. May be absent or null.
    participant: str | None
    # Chat phone number. May be absent or null.
    phone: str | None


class RequestPayment(TypedDict, total=False):
    """A request for payment."""
    # Currency code. May be absent or null.
    currencyCode: str | None
    # When the request expires. May be absent or null.
    expiration: Timestamp | None
    # The payment made for it, if any. May be absent or null.
    paymentInfo: PaymentInfo | None
    # Who is asked to pay. May be absent or null.
    requestPhone: str | None
    # Amount requested. May be absent or null.
    value: float | None


class SendPayment(TypedDict, total=False):
    """A payment sent."""
    # The payment. May be absent or null.
    paymentInfo: PaymentInfo | None


class StatusImage(TypedDict, total=False):
    """The status post (story) a message replies to."""
    # Its caption. May be absent or null.
    caption: str | None
    # Height in pixels. May be absent or null.
    height: int | None
    # URL of the status image. May be absent or null.
    imageUrl: str | None
    # MIME type, under the spelling the other media use. May be absent or null.
    mimeType: str | None
    # MIME type (sent in lower case as `mimetype` here). May be absent or null.
    mimetype: str | None
    # URL of its thumbnail. May be absent or null.
    thumbnailUrl: str | None
    # Whether it was view-once. May be absent or null.
    viewOnce: bool | None
    # Width in pixels. May be absent or null.
    width: int | None


class Sticker(TypedDict, total=False):
    """A sticker."""
    # Height in pixels, seen in real deliveries. May be absent or null.
    height: int | None
    # Whether it is animated. May be absent or null.
    isAnimated: bool | None
    # MIME type, e.g. `image/webp`. May be absent or null.
    mimeType: str | None
    # URL to download the sticker. May be absent or null.
    stickerUrl: str | None
    # Width in pixels, seen in real deliveries. May be absent or null.
    width: int | None


class TemplateHeader(TypedDict, total=False):
    """The header of a template or carousel card: at most one of its fields is set."""
    # A document header. May be absent or null.
    document: Document | None
    # An image header. May be absent or null.
    image: Image | None
    # A location header. May be absent or null.
    location: Location | None
    # A video header. May be absent or null.
    video: Video | None


class Text(TypedDict, total=False):
    """A text message (also link previews, catalog and group-invite messages)."""
    # Description WhatsApp attached (link previews, ads). May be absent or null.
    description: str | None
    # The same description under the misspelled key some payloads use. May be absent or null.
    descritpion: str | None
    # The text. May be absent or null.
    message: str | None
    # Thumbnail attached to the message (e.g. a group invite's picture). May be absent or null.
    thumbnailUrl: str | None
    # Title WhatsApp attached. May be absent or null.
    title: str | None
    # Link attached to the message (e.g. a catalog's "see catalog" button). May be absent or null.
    url: str | None


class TraceContext(TypedDict, total=False):
    """The tracing context Z-API attaches to a delivery (`_traceContext`), seen in real deliveries
    from 2025 on, call notifications included.
    """
    # Id of the span. May be absent or null.
    spanId: str | None
    # Id of the trace. May be absent or null.
    traceId: str | None


class UpdateEveryWebhooksRequest(TypedDict, total=False):
    """Body of `PUT /update-every-webhooks`: the same URL for every callback."""
    # Also send a `ReceivedCallback` for messages the connected number sends (the Portuguese
    # docs' name for the switch).
    notifySentByMe: bool | None
    # The same switch under the name the English docs' example sends.
    receivedAndDeliveryCallback: bool | None
    # Your endpoint that will receive every callback.
    value: Required[WebhookUrl]


class UpdateNotifySentByMeRequest(TypedDict, total=False):
    """Body of `PUT /update-notify-sent-by-me`."""
    # Send a `ReceivedCallback` for messages the connected number sends too.
    notifySentByMe: Required[bool]


class UpdateWebhookRequest(TypedDict, total=False):
    """Body of `PUT /update-webhook-*` (one callback) and `/update-webhook-received-delivery`."""
    # Your endpoint that will receive the callback.
    value: Required[WebhookUrl]


class UpdateWebhookResponse(TypedDict, total=False):
    """Response of every webhook-configuration endpoint."""
    # Whether the change was applied.
    value: Required[bool]


class UrlButton(TypedDict, total=False):
    """A button that opens a link."""
    # Label of the button. May be absent or null.
    displayText: str | None
    # The link. May be absent or null.
    url: str | None


class Video(TypedDict, total=False):
    """A video; GIFs arrive in the same shape."""
    # Caption. May be absent or null.
    caption: str | None
    # Height in pixels. May be absent or null.
    height: int | None
    # Whether it is a GIF. May be absent or null.
    isGif: bool | None
    # MIME type, e.g. `video/mp4`. May be absent or null.
    mimeType: str | None
    # Length in seconds. May be absent or null.
    seconds: int | None
    # URL to download the video. May be absent or null.
    videoUrl: str | None
    # Whether it can be viewed only once. May be absent or null.
    viewOnce: bool | None
    # Width in pixels. May be absent or null.
    width: int | None


class VideoNote(TypedDict, total=False):
    """A round video note (WhatsApp's PTV), under the content key `ptv`; seen in real deliveries,
    not in the docs.
    """
    # Caption (usually empty). May be absent or null.
    caption: str | None
    # Height in pixels (0 when unknown). May be absent or null.
    height: int | None
    # MIME type, e.g. `video/mp4`. May be absent or null.
    mimeType: str | None
    # URL to download the video note. May be absent or null.
    ptvUrl: str | None
    # Width in pixels (0 when unknown). May be absent or null.
    width: int | None


Callback: TypeAlias = Union[
    ReceivedCallback,
    DeliveryCallback,
    MessageStatusCallback,
    PresenceChatCallback,
    ConnectedCallback,
    DisconnectedCallback,
]
"""Any callback described here, discriminated on `type`. Z-API may also send callbacks with another
`type` (the JSON Schema accepts them as unknown); they are not part of this union, so check
`type` before trusting the shape.
"""


ReceivedKind: TypeAlias = Literal[
    "text",
    "hydrated_template",
    "reaction",
    "buttons_response",
    "list_response",
    "list_message",
    "buttons_message",
    "pix_key",
    "carousel",
    "image",
    "audio",
    "video",
    "video_note",
    "contact",
    "document",
    "location",
    "live_location",
    "sticker",
    "request_payment",
    "send_payment",
    "product",
    "order",
    "poll",
    "poll_vote",
    "review_and_pay",
    "review_order",
    "newsletter_admin_invite",
    "pin_message",
    "event",
    "event_response",
    "notification",
    "waiting_message",
]
"""The name of a kind of `ReceivedCallback` that has a type."""


EventResponseType: TypeAlias = Union[Literal["GOING", "NOT_GOING", "MAYBE"], str]
"""An answer to an event invitation. Known values are listed; any other string is accepted too.

- `GOING`: Will attend.
- `NOT_GOING`: Will not attend.
- `MAYBE`: Might attend.
"""


LinkMode: TypeAlias = Union[Literal["ADMIN_LINK", "ALL_MEMBER_LINK"], str]
"""Who may use a group's invite link. Known values are listed; any other string is accepted too.

- `ADMIN_LINK`: Only admins.
- `ALL_MEMBER_LINK`: Every member.
"""


MessageStatus: TypeAlias = Union[
    Literal["PENDING", "SENT", "RECEIVED", "READ", "READ_BY_ME", "PLAYED", "MESSAGE_RECEIVED"],
    str,
]
"""Where a message stands: the `status` of a `ReceivedCallback` and of a `MessageStatusCallback`.
Known values are listed; any other string is accepted too.

- `PENDING`: Not yet sent by the phone.
- `SENT`: Sent to WhatsApp's servers.
- `RECEIVED`: Delivered to the recipient's device.
- `READ`: Read by the recipient.
- `READ_BY_ME`: Read on the connected number itself (a message the instance received and
  opened).
- `PLAYED`: An audio or video that the recipient played.
- `MESSAGE_RECEIVED`: Seen on payment notifications sent by the connected number.
"""


NotificationParameter: TypeAlias = Union[LabelAssociation, str, float, bool, List[object], None]
"""One notification parameter: a string, a label object, or any other JSON value."""


NotificationType: TypeAlias = Union[
    Literal[
        "CALL_VOICE",
        "CALL_MISSED_VOICE",
        "CALL_MISSED_VIDEO",
        "CALL_VIDEO",
        "MEMBERSHIP_APPROVAL_REQUEST",
        "REVOKED_MEMBERSHIP_REQUESTS",
        "GROUP_PARTICIPANT_LEAVE",
        "GROUP_PARTICIPANT_ADD",
        "GROUP_PARTICIPANT_REMOVE",
        "GROUP_PARTICIPANT_INVITE",
        "GROUP_CREATE",
        "GROUP_MEMBER_LINK_PROPERTY_UPDATE",
        "NEWSLETTER_ADMIN_PROMOTE",
        "NEWSLETTER_ADMIN_DEMOTE",
        "PAYMENT_ACTION_REQUEST_DECLINED",
        "PROFILE_NAME_UPDATED",
        "PROFILE_PICTURE_UPDATED",
        "CHAT_LABEL_ASSOCIATION",
        "E2E_ENCRYPTED",
        "CIPHERTEXT",
        "BLUE_MSG_SELF_PREMISE_UNVERIFIED",
        "BLUE_MSG_SELF_PREMISE_VERIFIED",
        "BIZ_MOVE_TO_CONSUMER_APP",
        "REVOKE",
    ],
    str,
]
"""The `notification` of a system message. Parameters, when there are any, are in
`notificationParameters`. Known values are listed; any other string is accepted too.

- `CALL_VOICE`: Incoming voice call.
- `CALL_MISSED_VOICE`: Missed voice call.
- `CALL_MISSED_VIDEO`: Missed video call.
- `CALL_VIDEO`: Incoming video call (seen in real deliveries, not in the docs).
- `MEMBERSHIP_APPROVAL_REQUEST`: Somebody asked to join a group (parameters: who asked, and who
  added them for `non_admin_add`).
- `REVOKED_MEMBERSHIP_REQUESTS`: A request to join a group was withdrawn by its author.
- `GROUP_PARTICIPANT_LEAVE`: A participant left a group.
- `GROUP_PARTICIPANT_ADD`: A participant was added to a group.
- `GROUP_PARTICIPANT_REMOVE`: A participant was removed from a group.
- `GROUP_PARTICIPANT_INVITE`: Somebody joined a group through an invite link (seen in real
  deliveries, not in the docs).
- `GROUP_CREATE`: A group was created (parameter: its name).
- `GROUP_MEMBER_LINK_PROPERTY_UPDATE`: Who may use the group's invite link changed (see
  `linkMode`).
- `NEWSLETTER_ADMIN_PROMOTE`: Somebody became an admin of a newsletter (channel).
- `NEWSLETTER_ADMIN_DEMOTE`: Somebody stopped being an admin of a newsletter.
- `PAYMENT_ACTION_REQUEST_DECLINED`: A payment request was declined (parameters: phone,
  currency, amount).
- `PROFILE_NAME_UPDATED`: The connected number changed its profile name (see `profileName`).
- `PROFILE_PICTURE_UPDATED`: The connected number changed its profile picture (see
  `updatedPhoto`).
- `CHAT_LABEL_ASSOCIATION`: Labels were added to or removed from a chat (parameters: label
  objects).
- `E2E_ENCRYPTED`: The chat is end-to-end encrypted.
- `CIPHERTEXT`: A message could not be decrypted yet.
- `BLUE_MSG_SELF_PREMISE_UNVERIFIED`: The other side is a business account not yet verified by
  WhatsApp.
- `BLUE_MSG_SELF_PREMISE_VERIFIED`: The other side is a business account verified by WhatsApp.
- `BIZ_MOVE_TO_CONSUMER_APP`: A business account became a personal account.
- `REVOKE`: A message was deleted.
"""


PaymentInfoStatus: TypeAlias = Union[Literal["WAITING", "COMPLETE"], str]
"""Progress of a payment (`paymentInfo.status`). Known values are listed; any other string is
accepted too.

- `WAITING`: Waiting for the payer.
- `COMPLETE`: Paid.
"""


PinAction: TypeAlias = Union[Literal["pin", "unpin"], str]
"""What happened to a pinned message. Known values are listed; any other string is accepted too.

- `pin`: The message was pinned.
- `unpin`: The message was unpinned.
"""


PixKeyType: TypeAlias = Union[Literal["EVP", "CPF", "CNPJ", "PHONE", "EMAIL"], str]
"""Kind of a Pix key (Brazil's instant payment system). Known values are listed; any other string
is accepted too.

- `EVP`: A random key.
- `CPF`: A person's tax id.
- `CNPJ`: A company's tax id.
- `PHONE`: A phone number.
- `EMAIL`: An e-mail address.
"""


PresenceStatus: TypeAlias = Union[
    Literal["UNAVAILABLE", "AVAILABLE", "COMPOSING", "PAUSED", "RECORDING"],
    str,
]
"""What a contact is doing in a chat. Known values are listed; any other string is accepted too.

- `UNAVAILABLE`: Not in the chat (offline or elsewhere).
- `AVAILABLE`: In the chat.
- `COMPOSING`: Typing.
- `PAUSED`: Stopped typing, or deleted what was typed.
- `RECORDING`: Recording audio.
"""


RequestMethod: TypeAlias = Union[Literal["invite_link", "non_admin_add"], str]
"""How somebody asked to join a group. Known values are listed; any other string is accepted too.

- `invite_link`: Through an invite link.
- `non_admin_add`: A participant who is not an admin added them.
"""


Timestamp: TypeAlias = Union[int, str]
"""A Unix time. Usually a JSON integer; a string of digits is accepted too. Values of 10^11 or more
are milliseconds, smaller ones seconds.
"""


TransactionStatus: TypeAlias = Union[Literal["COLLECT_SUCCESS", "SUCCESS"], str]
"""State of a payment transaction. Known values are listed; any other string is accepted too.

- `COLLECT_SUCCESS`: A payment request was paid.
- `SUCCESS`: A payment went through.
"""


WebhookUrl: TypeAlias = str
"""An https:// URL with a host and no whitespace. Z-API refuses webhooks that are not HTTPS."""
