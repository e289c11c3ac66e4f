# Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.
"""The JSON bodies Z-API (WhatsApp) POSTs to your webhooks, as `TypedDict`s.

Generated from the permissive JSON Schemas of the zapi-webhooks models, with the names of the
TypeScript types of the npm package `zapi-webhooks`.

A `TypedDict` describes the plain `dict` that `json.loads` gives: nothing is converted, nothing
is lost, and nothing is refused at run time. Check a body with `zapi_webhooks.validate()` first;
the types then tell a type checker (mypy, pyright) what the keys hold.

- `Callback` is a union discriminated on `type`; each callback's `type` is required here and
  narrowed to the two spellings the docs use.
- A documented key may be absent or `None`, as in the schemas: `NotRequired[Optional[T]]`.
- Open enums list their known values and accept any other string:
  `Union[Literal["READ", "PLAYED"], str]`.
- Z-API adds keys without notice; the schemas accept them, but a `TypedDict` cannot list
  unknown keys: read them through a cast to `dict[str, object]`.
- `ReceivedText`, `ReceivedImage`, ... are a `ReceivedCallback` whose content key is set. The
  content keys are `ReadOnly` so that each of them is a subtype of `ReceivedCallback`.
"""

from __future__ import annotations

from typing import List, Literal, Optional, Union

from typing_extensions import NotRequired, ReadOnly, TypeAlias, TypedDict

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


class ReceivedCallback(TypedDict):
    """A message received (or sent by the connected number, when "notify sent by me" is on), or a
    notification of one of the instance's chats. The envelope fields describe who, where and
    when; exactly one content key (text, image, notification, ...) tells the kind.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Tracing ids Z-API attaches to the delivery, seen in real deliveries. May be absent or null.
    _traceContext: NotRequired[Optional[TraceContext]]
    # An audio or voice note. Content key: when present (and not null) the message kind is `audio`.
    # May be absent or null.
    audio: NotRequired[ReadOnly[Optional[Audio]]]
    # Whether the message came through a broadcast list. May be absent or null.
    broadcast: NotRequired[Optional[bool]]
    # Recipients of a message sent to a broadcast list. May be absent or null.
    broadcastRecipients: NotRequired[Optional[List[str]]]
    # A message with buttons. Content key: when present (and not null) the message kind is
    # `buttons_message`. May be absent or null.
    buttonsMessage: NotRequired[ReadOnly[Optional[ButtonsMessage]]]
    # A button pressed in a buttons message. Content key: when present (and not null) the message
    # kind is `buttons_response`. May be absent or null.
    buttonsResponseMessage: NotRequired[ReadOnly[Optional[ButtonsResponse]]]
    # Id of the call, for call notifications. May be absent or null.
    callId: NotRequired[Optional[str]]
    # A carousel of cards. Content key: when present (and not null) the message kind is `carousel`.
    # May be absent or null.
    carouselMessage: NotRequired[ReadOnly[Optional[Carousel]]]
    # WhatsApp id (`...@lid`) of the chat. May be absent or null.
    chatLid: NotRequired[Optional[str]]
    # Name of the chat. May be absent or null.
    chatName: NotRequired[Optional[str]]
    code: NotRequired[object]
    # The phone number connected to the instance. May be absent or null.
    connectedPhone: NotRequired[Optional[str]]
    # A contact card. Content key: when present (and not null) the message kind is `contact`. May
    # be absent or null.
    contact: NotRequired[ReadOnly[Optional[Contact]]]
    # A document. Content key: when present (and not null) the message kind is `document`. May be
    # absent or null.
    document: NotRequired[ReadOnly[Optional[Document]]]
    # On an edit (`isEdit: true`): the id of the message that was edited. The media URL of an
    # edited media message may then be `null`. May be absent or null.
    editMessageId: NotRequired[Optional[str]]
    # An event. Content key: when present (and not null) the message kind is `event`. May be absent
    # or null.
    event: NotRequired[ReadOnly[Optional[Event]]]
    # An answer to an event. Content key: when present (and not null) the message kind is
    # `event_response`. May be absent or null.
    eventResponse: NotRequired[ReadOnly[Optional[EventResponse]]]
    # When a join request expires. May be absent or null.
    expiresAt: NotRequired[Optional[Timestamp]]
    # The ad the conversation came from. May be absent or null.
    externalAdReply: NotRequired[Optional[ExternalAdReply]]
    # Whether the message was forwarded. May be absent or null.
    forwarded: NotRequired[Optional[bool]]
    # Whether the message was sent through the API. May be absent or null.
    fromApi: NotRequired[Optional[bool]]
    # Whether the connected number sent the message. May be absent or null.
    fromMe: NotRequired[Optional[bool]]
    # A business template with header, body, footer and buttons. Content key: when present (and not
    # null) the message kind is `hydrated_template`. May be absent or null.
    hydratedTemplate: NotRequired[ReadOnly[Optional[HydratedTemplate]]]
    # An image. Content key: when present (and not null) the message kind is `image`. May be absent
    # or null.
    image: NotRequired[ReadOnly[Optional[Image]]]
    # The Z-API instance. May be absent or null.
    instanceId: NotRequired[Optional[str]]
    # Whether the message is an edit of an earlier one. May be absent or null.
    isEdit: NotRequired[Optional[bool]]
    # Whether the chat is a group. May be absent or null.
    isGroup: NotRequired[Optional[bool]]
    # Whether the chat is a newsletter (channel). May be absent or null.
    isNewsletter: NotRequired[Optional[bool]]
    # Whether the message replies to a status post. May be absent or null.
    isStatusReply: NotRequired[Optional[bool]]
    # Who may use a group's invite link (`GROUP_MEMBER_LINK_PROPERTY_UPDATE`). May be absent or
    # null.
    linkMode: NotRequired[Optional[LinkMode]]
    # A list of options sent from the API, seen in real deliveries. Content key: when present (and
    # not null) the message kind is `list_message`. May be absent or null.
    listMessage: NotRequired[ReadOnly[Optional[ListMessage]]]
    # A row chosen in an option list. Content key: when present (and not null) the message kind is
    # `list_response`. May be absent or null.
    listResponseMessage: NotRequired[ReadOnly[Optional[ListResponse]]]
    # A live location being shared, seen in real deliveries. Content key: when present (and not
    # null) the message kind is `live_location`. May be absent or null.
    liveLocation: NotRequired[ReadOnly[Optional[LiveLocation]]]
    # A location. Content key: when present (and not null) the message kind is `location`. May be
    # absent or null.
    location: NotRequired[ReadOnly[Optional[Location]]]
    # Lifetime of disappearing messages in the chat, in seconds (0: off). May be absent or null.
    messageExpirationSeconds: NotRequired[Optional[int]]
    # WhatsApp id of the message. May be absent or null.
    messageId: NotRequired[Optional[str]]
    # The same moment under the correctly spelled key that some English examples use. May be absent
    # or null.
    moment: NotRequired[Optional[Timestamp]]
    # When the message was received (milliseconds). May be absent or null.
    momment: NotRequired[Optional[Timestamp]]
    # An invitation to administer a newsletter. Content key: when present (and not null) the
    # message kind is `newsletter_admin_invite`. May be absent or null.
    newsletterAdminInvite: NotRequired[ReadOnly[Optional[NewsletterAdminInvite]]]
    # A system notification; its parameters are in the envelope's `notificationParameters` and, for
    # some, in `callId`, `requestMethod`, `linkMode`, `profileName`, `updatedPhoto`. Content key:
    # when present (and not null) the message kind is `notification`. May be absent or null.
    notification: NotRequired[ReadOnly[Optional[NotificationType]]]
    # Parameters of a notification. May be absent or null.
    notificationParameters: NotRequired[Optional[List[NotificationParameter]]]
    # A cart. Content key: when present (and not null) the message kind is `order`. May be absent
    # or null.
    order: NotRequired[ReadOnly[Optional[Order]]]
    # In groups: WhatsApp id (`...@lid`) of the participant who sent the message. May be absent or
    # null.
    participantLid: NotRequired[Optional[str]]
    # In groups: phone number of the participant who sent the message. May be absent or null.
    participantPhone: NotRequired[Optional[str]]
    # Phone number of the chat, or the group's id. May be absent or null.
    phone: NotRequired[Optional[str]]
    # Picture URL of the chat. May be absent or null.
    photo: NotRequired[Optional[str]]
    # A message pinned or unpinned. Content key: when present (and not null) the message kind is
    # `pin_message`. May be absent or null.
    pinMessage: NotRequired[ReadOnly[Optional[PinMessage]]]
    # A Pix key payment button. Content key: when present (and not null) the message kind is
    # `pix_key`. May be absent or null.
    pixKeyMessage: NotRequired[ReadOnly[Optional[PixKey]]]
    # A poll. Content key: when present (and not null) the message kind is `poll`. May be absent or
    # null.
    poll: NotRequired[ReadOnly[Optional[Poll]]]
    # A vote on a poll. Content key: when present (and not null) the message kind is `poll_vote`.
    # May be absent or null.
    pollVote: NotRequired[ReadOnly[Optional[PollVote]]]
    # A catalog product. Content key: when present (and not null) the message kind is `product`.
    # May be absent or null.
    product: NotRequired[ReadOnly[Optional[Product]]]
    # The new profile name (`PROFILE_NAME_UPDATED`). May be absent or null.
    profileName: NotRequired[Optional[str]]
    # A round video note (PTV), seen in real deliveries. Content key: when present (and not null)
    # the message kind is `video_note`. May be absent or null.
    ptv: NotRequired[ReadOnly[Optional[VideoNote]]]
    # A reaction to a message. Content key: when present (and not null) the message kind is
    # `reaction`. May be absent or null.
    reaction: NotRequired[ReadOnly[Optional[Reaction]]]
    # Id of the message this one replies to. May be absent or null.
    referenceMessageId: NotRequired[Optional[str]]
    # How somebody asked to join a group. May be absent or null.
    requestMethod: NotRequired[Optional[RequestMethod]]
    # A payment request. Content key: when present (and not null) the message kind is
    # `request_payment`. May be absent or null.
    requestPayment: NotRequired[ReadOnly[Optional[RequestPayment]]]
    # An order sent for review and payment. Content key: when present (and not null) the message
    # kind is `review_and_pay`. May be absent or null.
    reviewAndPay: NotRequired[ReadOnly[Optional[PaymentOrder]]]
    # An update of an order sent for payment. Content key: when present (and not null) the message
    # kind is `review_order`. May be absent or null.
    reviewOrder: NotRequired[ReadOnly[Optional[PaymentOrder]]]
    # A payment sent. Content key: when present (and not null) the message kind is `send_payment`.
    # May be absent or null.
    sendPayment: NotRequired[ReadOnly[Optional[SendPayment]]]
    # WhatsApp id (`...@lid`) of the sender. May be absent or null.
    senderLid: NotRequired[Optional[str]]
    # Name of the sender. May be absent or null.
    senderName: NotRequired[Optional[str]]
    # Picture URL of the sender. May be absent or null.
    senderPhoto: NotRequired[Optional[str]]
    # Status of the message when the callback was sent. May be absent or null.
    status: NotRequired[Optional[MessageStatus]]
    # The status post this message replies to. May be absent or null.
    statusImage: NotRequired[Optional[StatusImage]]
    # A sticker. Content key: when present (and not null) the message kind is `sticker`. May be
    # absent or null.
    sticker: NotRequired[ReadOnly[Optional[Sticker]]]
    # A text message. Content key: when present (and not null) the message kind is `text`. May be
    # absent or null.
    text: NotRequired[ReadOnly[Optional[Text]]]
    # The callback type: `ReceivedCallback` or `ReceivedCallBack`. Required here so that `Callback`
    # can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Literal["ReceivedCallback", "ReceivedCallBack"]
    # URL of the new profile picture (`PROFILE_PICTURE_UPDATED`). May be absent or null.
    updatedPhoto: NotRequired[Optional[str]]
    # A video or GIF. Content key: when present (and not null) the message kind is `video`. May be
    # absent or null.
    video: NotRequired[ReadOnly[Optional[Video]]]
    # Whether the message can be viewed only once. May be absent or null.
    viewOnce: NotRequired[Optional[bool]]
    # Whether WhatsApp is still waiting for this message's content. May be absent or null.
    waitingMessage: NotRequired[ReadOnly[Optional[bool]]]


class DeliveryCallback(TypedDict):
    """Sent after the instance sends a message through the API: the message left Z-API.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Error description, when sending failed. May be absent or null.
    error: NotRequired[Optional[str]]
    # The Z-API instance that sent the message. May be absent or null.
    instanceId: NotRequired[Optional[str]]
    # WhatsApp's id for the message. May be absent or null.
    messageId: NotRequired[Optional[str]]
    # When the event happened. May be absent or null.
    momment: NotRequired[Optional[Timestamp]]
    # Destination phone number (or group id) of the message. May be absent or null.
    phone: NotRequired[Optional[str]]
    # The callback type: `DeliveryCallback` or `DeliveryCallBack`. Required here so that `Callback`
    # can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Literal["DeliveryCallback", "DeliveryCallBack"]
    # Z-API's own id for the queued message. May be absent or null.
    zaapId: NotRequired[Optional[str]]


class MessageStatusCallback(TypedDict):
    """A message changed status, for one or more message ids at once.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # A single message id, as the docs' table names it (the examples send `ids`). May be absent or
    # null.
    id: NotRequired[Optional[str]]
    # Ids of the messages whose status changed. May be absent or null.
    ids: NotRequired[Optional[List[str]]]
    # The Z-API instance. May be absent or null.
    instanceId: NotRequired[Optional[str]]
    # Whether the chat is a group. May be absent or null.
    isGroup: NotRequired[Optional[bool]]
    # When the status changed. May be absent or null.
    momment: NotRequired[Optional[Timestamp]]
    # In groups: who the status is about (a phone number or an `@lid`), seen in real deliveries.
    # May be absent or null.
    participant: NotRequired[Optional[str]]
    # In groups: which device of that participant (0 is the phone), seen in real deliveries. May be
    # absent or null.
    participantDevice: NotRequired[Optional[int]]
    # Phone number (or group id) of the chat. May be absent or null.
    phone: NotRequired[Optional[str]]
    # Which device of the account saw the event (0 is the phone). May be absent or null.
    phoneDevice: NotRequired[Optional[int]]
    # The new status of the messages. May be absent or null.
    status: NotRequired[Optional[MessageStatus]]
    # The callback type: `MessageStatusCallback` or `MessageStatusCallBack`. Required here so that
    # `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Literal["MessageStatusCallback", "MessageStatusCallBack"]


class PresenceChatCallback(TypedDict):
    """A contact's presence changed in a chat.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The Z-API instance. May be absent or null.
    instanceId: NotRequired[Optional[str]]
    # When the contact was last online; often `null`. May be absent or null.
    lastSeen: NotRequired[Optional[Timestamp]]
    # Phone number of the contact. May be absent or null.
    phone: NotRequired[Optional[str]]
    # The presence. May be absent or null.
    status: NotRequired[Optional[PresenceStatus]]
    # The callback type: `PresenceChatCallback` or `PresenceChatCallBack`. Required here so that
    # `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Literal["PresenceChatCallback", "PresenceChatCallBack"]


class ConnectedCallback(TypedDict):
    """The instance connected to its WhatsApp number (after the QR code was read, or on
    reconnection).

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Whether the instance is connected. May be absent or null.
    connected: NotRequired[Optional[bool]]
    # The Z-API instance. May be absent or null.
    instanceId: NotRequired[Optional[str]]
    # Whether the connected number is a WhatsApp Business account, seen in real deliveries. May be
    # absent or null.
    isBusiness: NotRequired[Optional[bool]]
    # When it connected. Documented as a string, sent as an integer. May be absent or null.
    momment: NotRequired[Optional[Timestamp]]
    # The connected phone number. May be absent or null.
    phone: NotRequired[Optional[str]]
    # The callback type: `ConnectedCallback` or `ConnectedCallBack`. Required here so that
    # `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Literal["ConnectedCallback", "ConnectedCallBack"]


class DisconnectedCallback(TypedDict):
    """The instance was disconnected from its WhatsApp number.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Whether the instance is disconnected. May be absent or null.
    disconnected: NotRequired[Optional[bool]]
    # Why it was disconnected. May be absent or null.
    error: NotRequired[Optional[str]]
    # The Z-API instance. May be absent or null.
    instanceId: NotRequired[Optional[str]]
    # When it was disconnected (seconds in the docs' example). May be absent or null.
    momment: NotRequired[Optional[Timestamp]]
    # The phone number that was connected, seen in real deliveries (and in the docs' unmerged
    # branch). May be absent or null.
    phone: NotRequired[Optional[str]]
    # The callback type: `DisconnectedCallback` or `DisconnectedCallBack`. Required here so that
    # `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
    type: Literal["DisconnectedCallback", "DisconnectedCallBack"]


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


class Audio(TypedDict):
    """An audio message or voice note.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # URL to download the audio. May be absent or null.
    audioUrl: NotRequired[Optional[str]]
    # MIME type, e.g. `audio/ogg; codecs=opus`. May be absent or null.
    mimeType: NotRequired[Optional[str]]
    # `true` for a voice note recorded in WhatsApp ("push to talk"). May be absent or null.
    ptt: NotRequired[Optional[bool]]
    # Length in seconds. May be absent or null.
    seconds: NotRequired[Optional[int]]
    # Whether it can be played only once. May be absent or null.
    viewOnce: NotRequired[Optional[bool]]


class Button(TypedDict):
    """One button of a buttons message.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Id of the button. May be absent or null.
    buttonId: NotRequired[Optional[str]]
    # The label. May be absent or null.
    buttonText: NotRequired[Optional[ButtonText]]
    # Button type code (1 is a reply button). May be absent or null.
    type: NotRequired[Optional[int]]


class ButtonText(TypedDict):
    """The label of a button.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Text shown on the button. May be absent or null.
    displayText: NotRequired[Optional[str]]


class ButtonsMessage(TypedDict):
    """A message with buttons, optionally with an image or video.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The buttons. May be absent or null.
    buttons: NotRequired[Optional[List[Button]]]
    # Image shown above the buttons. May be absent or null.
    imageUrl: NotRequired[Optional[str]]
    # Body text. May be absent or null.
    message: NotRequired[Optional[str]]
    # Video shown above the buttons. May be absent or null.
    videoUrl: NotRequired[Optional[str]]


class ButtonsResponse(TypedDict):
    """The answer to a button message: which button was pressed.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Id of the pressed button. May be absent or null.
    buttonId: NotRequired[Optional[str]]
    # Label of the pressed button. May be absent or null.
    message: NotRequired[Optional[str]]


class CallButton(TypedDict):
    """A button that places a call.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Label of the button. May be absent or null.
    displayText: NotRequired[Optional[str]]
    # Number it calls. May be absent or null.
    phoneNumber: NotRequired[Optional[str]]


class Carousel(TypedDict):
    """A carousel: a text and several cards, each with a header and buttons.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The cards. May be absent or null.
    cards: NotRequired[Optional[List[CarouselCard]]]
    # Text above the cards. May be absent or null.
    text: NotRequired[Optional[str]]


class CarouselCard(TypedDict):
    """One card of a carousel.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Footer text. May be absent or null.
    footer: NotRequired[Optional[str]]
    # Media header of the card. May be absent or null.
    header: NotRequired[Optional[TemplateHeader]]
    # Buttons of the card. May be absent or null.
    hydratedButtons: NotRequired[Optional[List[HydratedButton]]]
    # Body text. May be absent or null.
    message: NotRequired[Optional[str]]
    # Title. May be absent or null.
    title: NotRequired[Optional[str]]


class Contact(TypedDict):
    """A shared contact card.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Name shown for the contact. May be absent or null.
    displayName: NotRequired[Optional[str]]
    # Phone numbers of the contact. May be absent or null.
    phones: NotRequired[Optional[List[str]]]
    # The contact as a vCard. May be absent or null.
    vCard: NotRequired[Optional[str]]


class Document(TypedDict):
    """A document (file).

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Caption. May be absent or null.
    caption: NotRequired[Optional[str]]
    # URL to download the document. May be absent or null.
    documentUrl: NotRequired[Optional[str]]
    # File name. May be absent or null.
    fileName: NotRequired[Optional[str]]
    # MIME type, e.g. `application/pdf`. May be absent or null.
    mimeType: NotRequired[Optional[str]]
    # Number of pages. Documented as a string, sent as a number: both are accepted. May be absent
    # or null.
    pageCount: NotRequired[Union[float, str, None]]
    # URL of the thumbnail. May be absent or null.
    thumbnailUrl: NotRequired[Optional[str]]
    # Title. May be absent or null.
    title: NotRequired[Optional[str]]


class Event(TypedDict):
    """An event (a scheduled meeting) shared in a chat.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Whether it was canceled. May be absent or null.
    canceled: NotRequired[Optional[bool]]
    # Event description. May be absent or null.
    description: NotRequired[Optional[str]]
    # Call link of the event. May be absent or null.
    joinLink: NotRequired[Optional[str]]
    # Where it takes place (may be an empty object). May be absent or null.
    location: NotRequired[Optional[Location]]
    # Event name. May be absent or null.
    name: NotRequired[Optional[str]]
    # When it takes place (seconds in the docs' example). May be absent or null.
    scheduleTime: NotRequired[Optional[Timestamp]]


class EventResponse(TypedDict):
    """Somebody answered an event invitation.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The event message answered. May be absent or null.
    referencedMessage: NotRequired[Optional[ReferencedMessage]]
    # The answer. May be absent or null.
    response: NotRequired[Optional[EventResponseType]]
    # Who answered. May be absent or null.
    responseFrom: NotRequired[Optional[str]]
    # When they answered. May be absent or null.
    time: NotRequired[Optional[Timestamp]]


class ExternalAdReply(TypedDict):
    """The ad a conversation started from ("click to WhatsApp" ads).

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Ad text. May be absent or null.
    body: NotRequired[Optional[str]]
    # Whether an automatic reply is attached. May be absent or null.
    containsAutoReply: NotRequired[Optional[bool]]
    # Click id for conversion tracking. May be absent or null.
    ctwaClid: NotRequired[Optional[str]]
    # Media type code of the ad (a number). May be absent or null.
    mediaType: NotRequired[Optional[int]]
    # Whether the thumbnail is shown large. May be absent or null.
    renderLargerThumbnail: NotRequired[Optional[bool]]
    # Whether the ad attribution is shown. May be absent or null.
    showAdAttribution: NotRequired[Optional[bool]]
    # Id of the ad. May be absent or null.
    sourceId: NotRequired[Optional[str]]
    # Source type, e.g. `ad`. May be absent or null.
    sourceType: NotRequired[Optional[str]]
    # URL of the ad. May be absent or null.
    sourceUrl: NotRequired[Optional[str]]
    # Ad thumbnail URL. May be absent or null.
    thumbnailUrl: NotRequired[Optional[str]]
    # Ad title. May be absent or null.
    title: NotRequired[Optional[str]]


class HydratedButton(TypedDict):
    """A button of a template or carousel card: one of its button fields is set.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # A button that places a call. May be absent or null.
    callButton: NotRequired[Optional[CallButton]]
    # Position of the button. May be absent or null.
    index: NotRequired[Optional[int]]
    # A button that sends a quick reply. May be absent or null.
    quickReplyButton: NotRequired[Optional[QuickReplyButton]]
    # A button that opens a link (also used to copy OTP codes). May be absent or null.
    urlButton: NotRequired[Optional[UrlButton]]


class HydratedTemplate(TypedDict):
    """A hydrated template message (business templates: text, media header, buttons, OTP).

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Footer text. May be absent or null.
    footer: NotRequired[Optional[str]]
    # The header: empty, or one media item. May be absent or null.
    header: NotRequired[Optional[TemplateHeader]]
    # Buttons of the template. May be absent or null.
    hydratedButtons: NotRequired[Optional[List[HydratedButton]]]
    # Body text. May be absent or null.
    message: NotRequired[Optional[str]]
    # Id of the template. May be absent or null.
    templateId: NotRequired[Optional[str]]
    # Title. May be absent or null.
    title: NotRequired[Optional[str]]


class Image(TypedDict):
    """An image.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Caption. May be absent or null.
    caption: NotRequired[Optional[str]]
    # Why the download failed, when it did. May be absent or null.
    downloadError: NotRequired[Optional[str]]
    # Height in pixels. May be absent or null.
    height: NotRequired[Optional[int]]
    # URL to download the image. May be absent or null.
    imageUrl: NotRequired[Optional[str]]
    # MIME type, e.g. `image/jpeg`. May be absent or null.
    mimeType: NotRequired[Optional[str]]
    # URL of the thumbnail. May be absent or null.
    thumbnailUrl: NotRequired[Optional[str]]
    # Whether it can be viewed only once. May be absent or null.
    viewOnce: NotRequired[Optional[bool]]
    # Width in pixels. May be absent or null.
    width: NotRequired[Optional[int]]


class LabelAssociation(TypedDict):
    """A label added to or removed from a chat.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # `true` when added, `false` when removed. May be absent or null.
    assigned: NotRequired[Optional[bool]]
    # Id of the label. May be absent or null.
    label: NotRequired[Optional[str]]
    # Phone number of the chat the label applies to. May be absent or null.
    phone: NotRequired[Optional[str]]


class ListMessage(TypedDict):
    """A list of options sent from the API (WhatsApp's list message): a text, the button that opens
    the list, and the list's sections of rows. The answer comes back as a `listResponseMessage`.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Label of the button that opens the list. May be absent or null.
    buttonText: NotRequired[Optional[str]]
    # Body text of the message. May be absent or null.
    description: NotRequired[Optional[str]]
    # Footer text. May be absent or null.
    footerText: NotRequired[Optional[str]]
    # WhatsApp's list type, e.g. `SINGLE_SELECT`. May be absent or null.
    listType: NotRequired[Optional[str]]
    # The sections of the list. May be absent or null.
    sections: NotRequired[Optional[List[ListSection]]]
    # Title of the message. May be absent or null.
    title: NotRequired[Optional[str]]


class ListResponse(TypedDict):
    """The answer to an option list: which row was chosen.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Text of the chosen option. May be absent or null.
    message: NotRequired[Optional[str]]
    # Id of the chosen row. May be absent or null.
    selectedRowId: NotRequired[Optional[str]]
    # Title of the list. May be absent or null.
    title: NotRequired[Optional[str]]


class ListRow(TypedDict):
    """One option of a list message.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Text under the title. May be absent or null.
    description: NotRequired[Optional[str]]
    # Id of the option: what a `listResponseMessage` sends back as `selectedRowId`. May be absent
    # or null.
    rowId: NotRequired[Optional[str]]
    # Title of the option. May be absent or null.
    title: NotRequired[Optional[str]]


class ListSection(TypedDict):
    """A section of a list message: a title and its rows.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The options of the section, under the key recorded on received list messages (September 2025,
    # a Z-API-format reseller's deliveries): the same shape as `rows`. May be absent or null.
    options: NotRequired[Optional[List[ListRow]]]
    # The options of the section, under the key public senders use. May be absent or null.
    rows: NotRequired[Optional[List[ListRow]]]
    # Title of the section. May be absent or null.
    title: NotRequired[Optional[str]]


class LiveLocation(TypedDict):
    """A live location being shared, under the content key `liveLocation`; seen in real deliveries,
    not in the docs.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Caption. May be absent or null.
    caption: NotRequired[Optional[str]]
    # Latitude in degrees, kept as the exact JSON number sent. May be absent or null.
    latitude: NotRequired[Optional[float]]
    # Longitude in degrees, kept as the exact JSON number sent. May be absent or null.
    longitude: NotRequired[Optional[float]]
    # Which update of the shared location this is. May be absent or null.
    sequence: NotRequired[Optional[LiveLocationSequence]]


class LiveLocationSequence(TypedDict):
    """The update counter of a live location: a 64-bit number sent as two 32-bit halves, the way
    WhatsApp's protocol encodes it in JSON.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The upper 32 bits. May be absent or null.
    high: NotRequired[Optional[float]]
    # The lower 32 bits (as a signed or unsigned JSON integer). May be absent or null.
    low: NotRequired[Optional[float]]
    # Whether the whole number is unsigned. May be absent or null.
    unsigned: NotRequired[Optional[bool]]


class Location(TypedDict):
    """A location.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Address of the place. May be absent or null.
    address: NotRequired[Optional[str]]
    # Latitude in degrees, kept as the exact JSON number sent. May be absent or null.
    latitude: NotRequired[Optional[float]]
    # Longitude in degrees, kept as the exact JSON number sent. May be absent or null.
    longitude: NotRequired[Optional[float]]
    # Name of the place. May be absent or null.
    name: NotRequired[Optional[str]]
    # URL of the map thumbnail. May be absent or null.
    thumbnailUrl: NotRequired[Optional[str]]
    # Link to the place. May be absent or null.
    url: NotRequired[Optional[str]]


class NewsletterAdminInvite(TypedDict):
    """An invitation to become admin of a newsletter (channel).

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # When the invitation expires (seconds in the docs' example). May be absent or null.
    inviteExpiration: NotRequired[Optional[Timestamp]]
    # Id of the newsletter (`...@newsletter`). May be absent or null.
    newsletterId: NotRequired[Optional[str]]
    # Name of the newsletter. May be absent or null.
    newsletterName: NotRequired[Optional[str]]
    # Invitation text. May be absent or null.
    text: NotRequired[Optional[str]]


class Order(TypedDict):
    """A cart sent from a catalog.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Currency code. May be absent or null.
    currency: NotRequired[Optional[str]]
    # Number of items. May be absent or null.
    itemCount: NotRequired[Optional[int]]
    # Message sent with the order. May be absent or null.
    message: NotRequired[Optional[str]]
    # Id of the order. May be absent or null.
    orderId: NotRequired[Optional[str]]
    # Title of the order. May be absent or null.
    orderTitle: NotRequired[Optional[str]]
    # The items. May be absent or null.
    products: NotRequired[Optional[List[OrderProduct]]]
    # The seller. May be absent or null.
    sellerJid: NotRequired[Optional[str]]
    # Amount before discounts, shipping and taxes. May be absent or null.
    subTotal: NotRequired[Optional[float]]
    # URL of the thumbnail. May be absent or null.
    thumbnailUrl: NotRequired[Optional[str]]
    # Token to fetch the order's details. May be absent or null.
    token: NotRequired[Optional[str]]
    # Total amount. May be absent or null.
    total: NotRequired[Optional[float]]


class OrderProduct(TypedDict):
    """An item of a cart.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Currency code. May be absent or null.
    currencyCode: NotRequired[Optional[str]]
    # Product name. May be absent or null.
    name: NotRequired[Optional[str]]
    # Unit price. May be absent or null.
    price: NotRequired[Optional[float]]
    # Id of the product. May be absent or null.
    productId: NotRequired[Optional[str]]
    # Quantity. May be absent or null.
    quantity: NotRequired[Optional[int]]
    # The seller's own id for the product. May be absent or null.
    retailerId: NotRequired[Optional[str]]


class PaymentInfo(TypedDict):
    """Details of a payment.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Currency code, e.g. `BRL`. May be absent or null.
    currencyCode: NotRequired[Optional[str]]
    # Phone number receiving the money. May be absent or null.
    receiverPhone: NotRequired[Optional[str]]
    # Progress of the payment. May be absent or null.
    status: NotRequired[Optional[PaymentInfoStatus]]
    # State of the transaction. May be absent or null.
    transactionStatus: NotRequired[Optional[TransactionStatus]]
    # Amount, kept as the exact JSON number sent. May be absent or null.
    value: NotRequired[Optional[float]]


class PaymentOrder(TypedDict):
    """An order sent for review and payment (`reviewAndPay`) or its update (`reviewOrder`).

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Currency code. May be absent or null.
    currency: NotRequired[Optional[str]]
    # Discount. May be absent or null.
    discount: NotRequired[Optional[float]]
    # Id of the order request. May be absent or null.
    orderRequestId: NotRequired[Optional[str]]
    # Order status, e.g. `pending`, `processing`. May be absent or null.
    orderStatus: NotRequired[Optional[str]]
    # Payment status, e.g. `pending`. May be absent or null.
    paymentStatus: NotRequired[Optional[str]]
    # The items. May be absent or null.
    products: NotRequired[Optional[List[PaymentOrderProduct]]]
    # Payment reference. May be absent or null.
    referenceId: NotRequired[Optional[str]]
    # Shipping cost. May be absent or null.
    shipping: NotRequired[Optional[float]]
    # Amount before discount, shipping and tax. May be absent or null.
    subTotal: NotRequired[Optional[float]]
    # Tax. May be absent or null.
    tax: NotRequired[Optional[float]]
    # Total amount. May be absent or null.
    total: NotRequired[Optional[float]]
    # Kind of goods, e.g. `physical-goods` (only in `reviewAndPay`). May be absent or null.
    type: NotRequired[Optional[str]]


class PaymentOrderProduct(TypedDict):
    """An item of an order sent for payment.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Whether the item was typed in rather than taken from the catalog. May be absent or null.
    isCustomItem: NotRequired[Optional[bool]]
    # Item name. May be absent or null.
    name: NotRequired[Optional[str]]
    # Id of the product. May be absent or null.
    productId: NotRequired[Optional[str]]
    # Quantity. May be absent or null.
    quantity: NotRequired[Optional[int]]
    # Unit value. May be absent or null.
    value: NotRequired[Optional[float]]


class PinMessage(TypedDict):
    """A message was pinned or unpinned in a chat.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Pin or unpin. May be absent or null.
    action: NotRequired[Optional[PinAction]]
    # How long the pin lasts, in seconds. May be absent or null.
    pinDurationInSecs: NotRequired[Optional[int]]
    # The pinned message. May be absent or null.
    referencedMessage: NotRequired[Optional[ReferencedMessage]]


class PixKey(TypedDict):
    """A button that shares a Pix key for payment.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Currency code, e.g. `BRL`. May be absent or null.
    currency: NotRequired[Optional[str]]
    # The Pix key. May be absent or null.
    key: NotRequired[Optional[str]]
    # Its kind. May be absent or null.
    keyType: NotRequired[Optional[PixKeyType]]
    # Name of the receiver. May be absent or null.
    merchantName: NotRequired[Optional[str]]
    # Payment reference. May be absent or null.
    referenceId: NotRequired[Optional[str]]


class Poll(TypedDict):
    """A poll.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The options. May be absent or null.
    options: NotRequired[Optional[List[PollOption]]]
    # How many options one may choose (0: any number). May be absent or null.
    pollMaxOptions: NotRequired[Optional[int]]
    # The question. May be absent or null.
    question: NotRequired[Optional[str]]


class PollOption(TypedDict):
    """An option of a poll.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Text of the option. May be absent or null.
    name: NotRequired[Optional[str]]


class PollVote(TypedDict):
    """A vote on a poll.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The chosen options. May be absent or null.
    options: NotRequired[Optional[List[PollOption]]]
    # Id of the poll message voted on. May be absent or null.
    pollMessageId: NotRequired[Optional[str]]


class Product(TypedDict):
    """A product from a business catalog.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The business that owns the catalog. May be absent or null.
    businessOwnerJid: NotRequired[Optional[str]]
    # Currency code. May be absent or null.
    currencyCode: NotRequired[Optional[str]]
    # Description. May be absent or null.
    description: NotRequired[Optional[str]]
    # Id of the first image. May be absent or null.
    firstImageId: NotRequired[Optional[str]]
    # Price, kept as the exact JSON number sent. May be absent or null.
    price: NotRequired[Optional[float]]
    # Id of the product. May be absent or null.
    productId: NotRequired[Optional[str]]
    # URL of the product image. May be absent or null.
    productImage: NotRequired[Optional[str]]
    # Number of images. May be absent or null.
    productImageCount: NotRequired[Optional[int]]
    # The seller's own id for the product. May be absent or null.
    retailerId: NotRequired[Optional[str]]
    # Product name. May be absent or null.
    title: NotRequired[Optional[str]]
    # Link to the product. May be absent or null.
    url: NotRequired[Optional[str]]


class QuickReplyButton(TypedDict):
    """A button that answers with a quick reply.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Label of the button. May be absent or null.
    displayText: NotRequired[Optional[str]]
    # Id sent back when it is pressed. May be absent or null.
    id: NotRequired[Optional[str]]


class Reaction(TypedDict):
    """A reaction (emoji) to a message.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Who reacted. May be absent or null.
    reactionBy: NotRequired[Optional[str]]
    # The message reacted to. May be absent or null.
    referencedMessage: NotRequired[Optional[ReferencedMessage]]
    # When the reaction was made. May be absent or null.
    time: NotRequired[Optional[Timestamp]]
    # The emoji; empty when a reaction is removed. May be absent or null.
    value: NotRequired[Optional[str]]


class ReferencedMessage(TypedDict):
    """A message that another one refers to (reactions, pins, event answers).

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Whether it was sent by the connected number. May be absent or null.
    fromMe: NotRequired[Optional[bool]]
    # Id of the message. May be absent or null.
    messageId: NotRequired[Optional[str]]
    # Group participant who sent it, in groups. May be absent or null.
    participant: NotRequired[Optional[str]]
    # Chat phone number. May be absent or null.
    phone: NotRequired[Optional[str]]


class RequestPayment(TypedDict):
    """A request for payment.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Currency code. May be absent or null.
    currencyCode: NotRequired[Optional[str]]
    # When the request expires. May be absent or null.
    expiration: NotRequired[Optional[Timestamp]]
    # The payment made for it, if any. May be absent or null.
    paymentInfo: NotRequired[Optional[PaymentInfo]]
    # Who is asked to pay. May be absent or null.
    requestPhone: NotRequired[Optional[str]]
    # Amount requested. May be absent or null.
    value: NotRequired[Optional[float]]


class SendPayment(TypedDict):
    """A payment sent.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # The payment. May be absent or null.
    paymentInfo: NotRequired[Optional[PaymentInfo]]


class StatusImage(TypedDict):
    """The status post (story) a message replies to.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Its caption. May be absent or null.
    caption: NotRequired[Optional[str]]
    # Height in pixels. May be absent or null.
    height: NotRequired[Optional[int]]
    # URL of the status image. May be absent or null.
    imageUrl: NotRequired[Optional[str]]
    # MIME type, under the spelling the other media use. May be absent or null.
    mimeType: NotRequired[Optional[str]]
    # MIME type (sent in lower case as `mimetype` here). May be absent or null.
    mimetype: NotRequired[Optional[str]]
    # URL of its thumbnail. May be absent or null.
    thumbnailUrl: NotRequired[Optional[str]]
    # Whether it was view-once. May be absent or null.
    viewOnce: NotRequired[Optional[bool]]
    # Width in pixels. May be absent or null.
    width: NotRequired[Optional[int]]


class Sticker(TypedDict):
    """A sticker.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Height in pixels, seen in real deliveries. May be absent or null.
    height: NotRequired[Optional[int]]
    # Whether it is animated. May be absent or null.
    isAnimated: NotRequired[Optional[bool]]
    # MIME type, e.g. `image/webp`. May be absent or null.
    mimeType: NotRequired[Optional[str]]
    # URL to download the sticker. May be absent or null.
    stickerUrl: NotRequired[Optional[str]]
    # Width in pixels, seen in real deliveries. May be absent or null.
    width: NotRequired[Optional[int]]


class TemplateHeader(TypedDict):
    """The header of a template or carousel card: at most one of its fields is set.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # A document header. May be absent or null.
    document: NotRequired[Optional[Document]]
    # An image header. May be absent or null.
    image: NotRequired[Optional[Image]]
    # A location header. May be absent or null.
    location: NotRequired[Optional[Location]]
    # A video header. May be absent or null.
    video: NotRequired[Optional[Video]]


class Text(TypedDict):
    """A text message (also link previews, catalog and group-invite messages).

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Description WhatsApp attached (link previews, ads). May be absent or null.
    description: NotRequired[Optional[str]]
    # The same description under the misspelled key some payloads use. May be absent or null.
    descritpion: NotRequired[Optional[str]]
    # The text. May be absent or null.
    message: NotRequired[Optional[str]]
    # Thumbnail attached to the message (e.g. a group invite's picture). May be absent or null.
    thumbnailUrl: NotRequired[Optional[str]]
    # Title WhatsApp attached. May be absent or null.
    title: NotRequired[Optional[str]]
    # Link attached to the message (e.g. a catalog's "see catalog" button). May be absent or null.
    url: NotRequired[Optional[str]]


class TraceContext(TypedDict):
    """The tracing context Z-API attaches to a delivery (`_traceContext`), seen in real deliveries
    from 2025 on, call notifications included.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Id of the span. May be absent or null.
    spanId: NotRequired[Optional[str]]
    # Id of the trace. May be absent or null.
    traceId: NotRequired[Optional[str]]


class UpdateEveryWebhooksRequest(TypedDict):
    """Body of `PUT /update-every-webhooks`: the same URL for every callback."""
    # Also send a `ReceivedCallback` for messages the connected number sends (the Portuguese
    # docs' name for the switch).
    notifySentByMe: NotRequired[Optional[bool]]
    # The same switch under the name the English docs' example sends.
    receivedAndDeliveryCallback: NotRequired[Optional[bool]]
    # Your endpoint that will receive every callback.
    value: WebhookUrl


class UpdateNotifySentByMeRequest(TypedDict):
    """Body of `PUT /update-notify-sent-by-me`."""
    # Send a `ReceivedCallback` for messages the connected number sends too.
    notifySentByMe: bool


class UpdateWebhookRequest(TypedDict):
    """Body of `PUT /update-webhook-*` (one callback) and `/update-webhook-received-delivery`."""
    # Your endpoint that will receive the callback.
    value: WebhookUrl


class UpdateWebhookResponse(TypedDict):
    """Response of every webhook-configuration endpoint.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Whether the change was applied.
    value: bool


class UrlButton(TypedDict):
    """A button that opens a link.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Label of the button. May be absent or null.
    displayText: NotRequired[Optional[str]]
    # The link. May be absent or null.
    url: NotRequired[Optional[str]]


class Video(TypedDict):
    """A video; GIFs arrive in the same shape.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Caption. May be absent or null.
    caption: NotRequired[Optional[str]]
    # Height in pixels. May be absent or null.
    height: NotRequired[Optional[int]]
    # Whether it is a GIF. May be absent or null.
    isGif: NotRequired[Optional[bool]]
    # MIME type, e.g. `video/mp4`. May be absent or null.
    mimeType: NotRequired[Optional[str]]
    # Length in seconds. May be absent or null.
    seconds: NotRequired[Optional[int]]
    # URL to download the video. May be absent or null.
    videoUrl: NotRequired[Optional[str]]
    # Whether it can be viewed only once. May be absent or null.
    viewOnce: NotRequired[Optional[bool]]
    # Width in pixels. May be absent or null.
    width: NotRequired[Optional[int]]


class VideoNote(TypedDict):
    """A round video note (WhatsApp's PTV), under the content key `ptv`; seen in real deliveries,
    not in the docs.

    Keys not listed here are allowed by the schema and kept as sent (a TypedDict cannot list
    them).
    """
    # Caption (usually empty). May be absent or null.
    caption: NotRequired[Optional[str]]
    # Height in pixels (0 when unknown). May be absent or null.
    height: NotRequired[Optional[int]]
    # MIME type, e.g. `video/mp4`. May be absent or null.
    mimeType: NotRequired[Optional[str]]
    # URL to download the video note. May be absent or null.
    ptvUrl: NotRequired[Optional[str]]
    # Width in pixels (0 when unknown). May be absent or null.
    width: NotRequired[Optional[int]]


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
