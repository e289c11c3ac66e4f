// Generated from the zapi-webhooks JSON Schemas by `cargo xtask codegen`; do not edit by hand.
/**
 * TypeScript types for Z-API (WhatsApp) webhook bodies, from the permissive JSON Schemas of
 * the zapi-webhooks models.
 *
 * - `Callback` is a union discriminated on `type`; each callback's `type` is required here and
 *   narrowed to the two spellings the docs use.
 * - A documented field may be absent or `null`, as in the schemas: `field?: T | null`.
 * - Known values of open enums are listed, and any other string is allowed too:
 *   `"READ" | "PLAYED" | (string & {})` (editors still suggest the known values).
 * - Objects that accept unknown keys have `[key: string]: unknown`. Z-API adds fields without
 *   notice and the models keep them, so an object literal with a key not listed here must
 *   type-check (TypeScript's excess-property check would reject it otherwise). A listed key
 *   with a value of the wrong type is still an error (`fromMe: "yes"` does not compile);
 *   the price is that a misspelled key is taken as an unknown one, and reading an unlisted key
 *   gives `unknown`, which must be narrowed before use.
 *
 * @packageDocumentation
 */

/**
 * Any callback described here, discriminated on `type`. Z-API may also send callbacks with another
 * `type` (the JSON Schema accepts them as unknown); they are not part of this union, so check
 * `type` before trusting the shape.
 */
export type Callback =
  | ReceivedCallback
  | DeliveryCallback
  | MessageStatusCallback
  | PresenceChatCallback
  | ConnectedCallback
  | DisconnectedCallback;

/**
 * A message received (or sent by the connected number, when "notify sent by me" is on), or a
 * notification of one of the instance's chats. The envelope fields describe who, where and when;
 * exactly one content key (text, image, notification, ...) tells the kind.
 */
export interface ReceivedCallback {
  /** Tracing ids Z-API attaches to the delivery, seen in real deliveries. May be absent or null. */
  _traceContext?: TraceContext | null;
  /**
   * An audio or voice note. Content key: when present (and not null) the message kind is `audio`.
   * May be absent or null.
   */
  audio?: Audio | null;
  /** Whether the message came through a broadcast list. May be absent or null. */
  broadcast?: boolean | null;
  /** Recipients of a message sent to a broadcast list. May be absent or null. */
  broadcastRecipients?: string[] | null;
  /**
   * A message with buttons. Content key: when present (and not null) the message kind is
   * `buttons_message`. May be absent or null.
   */
  buttonsMessage?: ButtonsMessage | null;
  /**
   * A button pressed in a buttons message. Content key: when present (and not null) the message
   * kind is `buttons_response`. May be absent or null.
   */
  buttonsResponseMessage?: ButtonsResponse | null;
  /** Id of the call, for call notifications. May be absent or null. */
  callId?: string | null;
  /**
   * A carousel of cards. Content key: when present (and not null) the message kind is `carousel`.
   * May be absent or null.
   */
  carouselMessage?: Carousel | null;
  /** WhatsApp id (`...@lid`) of the chat. May be absent or null. */
  chatLid?: string | null;
  /** Name of the chat. May be absent or null. */
  chatName?: string | null;
  code?: unknown;
  /** The phone number connected to the instance. May be absent or null. */
  connectedPhone?: string | null;
  /**
   * A contact card. Content key: when present (and not null) the message kind is `contact`. May be
   * absent or null.
   */
  contact?: Contact | null;
  /**
   * A document. Content key: when present (and not null) the message kind is `document`. May be
   * absent or null.
   */
  document?: Document | null;
  /**
   * On an edit (`isEdit: true`): the id of the message that was edited. The media URL of an edited
   * media message may then be `null`. May be absent or null.
   */
  editMessageId?: string | null;
  /**
   * An event. Content key: when present (and not null) the message kind is `event`. May be absent
   * or null.
   */
  event?: Event | null;
  /**
   * An answer to an event. Content key: when present (and not null) the message kind is
   * `event_response`. May be absent or null.
   */
  eventResponse?: EventResponse | null;
  /** When a join request expires. May be absent or null. */
  expiresAt?: Timestamp | null;
  /** The ad the conversation came from. May be absent or null. */
  externalAdReply?: ExternalAdReply | null;
  /** Whether the message was forwarded. May be absent or null. */
  forwarded?: boolean | null;
  /** Whether the message was sent through the API. May be absent or null. */
  fromApi?: boolean | null;
  /** Whether the connected number sent the message. May be absent or null. */
  fromMe?: boolean | null;
  /**
   * A business template with header, body, footer and buttons. Content key: when present (and not
   * null) the message kind is `hydrated_template`. May be absent or null.
   */
  hydratedTemplate?: HydratedTemplate | null;
  /**
   * An image. Content key: when present (and not null) the message kind is `image`. May be absent
   * or null.
   */
  image?: Image | null;
  /** The Z-API instance. May be absent or null. */
  instanceId?: string | null;
  /** Whether the message is an edit of an earlier one. May be absent or null. */
  isEdit?: boolean | null;
  /** Whether the chat is a group. May be absent or null. */
  isGroup?: boolean | null;
  /** Whether the chat is a newsletter (channel). May be absent or null. */
  isNewsletter?: boolean | null;
  /** Whether the message replies to a status post. May be absent or null. */
  isStatusReply?: boolean | null;
  /**
   * Who may use a group's invite link (`GROUP_MEMBER_LINK_PROPERTY_UPDATE`). May be absent or null.
   */
  linkMode?: LinkMode | null;
  /**
   * A list of options sent from the API, seen in real deliveries. Content key: when present (and
   * not null) the message kind is `list_message`. May be absent or null.
   */
  listMessage?: ListMessage | null;
  /**
   * A row chosen in an option list. Content key: when present (and not null) the message kind is
   * `list_response`. May be absent or null.
   */
  listResponseMessage?: ListResponse | null;
  /**
   * A live location being shared, seen in real deliveries. Content key: when present (and not null)
   * the message kind is `live_location`. May be absent or null.
   */
  liveLocation?: LiveLocation | null;
  /**
   * A location. Content key: when present (and not null) the message kind is `location`. May be
   * absent or null.
   */
  location?: Location | null;
  /** Lifetime of disappearing messages in the chat, in seconds (0: off). May be absent or null. */
  messageExpirationSeconds?: number | null;
  /** WhatsApp id of the message. May be absent or null. */
  messageId?: string | null;
  /**
   * The same moment under the correctly spelled key that some English examples use. May be absent
   * or null.
   */
  moment?: Timestamp | null;
  /** When the message was received (milliseconds). May be absent or null. */
  momment?: Timestamp | null;
  /**
   * An invitation to administer a newsletter. Content key: when present (and not null) the message
   * kind is `newsletter_admin_invite`. May be absent or null.
   */
  newsletterAdminInvite?: NewsletterAdminInvite | null;
  /**
   * A system notification; its parameters are in the envelope's `notificationParameters` and, for
   * some, in `callId`, `requestMethod`, `linkMode`, `profileName`, `updatedPhoto`. Content key:
   * when present (and not null) the message kind is `notification`. May be absent or null.
   */
  notification?: NotificationType | null;
  /** Parameters of a notification. May be absent or null. */
  notificationParameters?: NotificationParameter[] | null;
  /**
   * A cart. Content key: when present (and not null) the message kind is `order`. May be absent or
   * null.
   */
  order?: Order | null;
  /**
   * In groups: WhatsApp id (`...@lid`) of the participant who sent the message. May be absent or
   * null.
   */
  participantLid?: string | null;
  /** In groups: phone number of the participant who sent the message. May be absent or null. */
  participantPhone?: string | null;
  /** Phone number of the chat, or the group's id. May be absent or null. */
  phone?: string | null;
  /** Picture URL of the chat. May be absent or null. */
  photo?: string | null;
  /**
   * A message pinned or unpinned. Content key: when present (and not null) the message kind is
   * `pin_message`. May be absent or null.
   */
  pinMessage?: PinMessage | null;
  /**
   * A Pix key payment button. Content key: when present (and not null) the message kind is
   * `pix_key`. May be absent or null.
   */
  pixKeyMessage?: PixKey | null;
  /**
   * A poll. Content key: when present (and not null) the message kind is `poll`. May be absent or
   * null.
   */
  poll?: Poll | null;
  /**
   * A vote on a poll. Content key: when present (and not null) the message kind is `poll_vote`. May
   * be absent or null.
   */
  pollVote?: PollVote | null;
  /**
   * A catalog product. Content key: when present (and not null) the message kind is `product`. May
   * be absent or null.
   */
  product?: Product | null;
  /** The new profile name (`PROFILE_NAME_UPDATED`). May be absent or null. */
  profileName?: string | null;
  /**
   * A round video note (PTV), seen in real deliveries. Content key: when present (and not null) the
   * message kind is `video_note`. May be absent or null.
   */
  ptv?: VideoNote | null;
  /**
   * A reaction to a message. Content key: when present (and not null) the message kind is
   * `reaction`. May be absent or null.
   */
  reaction?: Reaction | null;
  /** Id of the message this one replies to. May be absent or null. */
  referenceMessageId?: string | null;
  /** How somebody asked to join a group. May be absent or null. */
  requestMethod?: RequestMethod | null;
  /**
   * A payment request. Content key: when present (and not null) the message kind is
   * `request_payment`. May be absent or null.
   */
  requestPayment?: RequestPayment | null;
  /**
   * An order sent for review and payment. Content key: when present (and not null) the message kind
   * is `review_and_pay`. May be absent or null.
   */
  reviewAndPay?: PaymentOrder | null;
  /**
   * An update of an order sent for payment. Content key: when present (and not null) the message
   * kind is `review_order`. May be absent or null.
   */
  reviewOrder?: PaymentOrder | null;
  /**
   * A payment sent. Content key: when present (and not null) the message kind is `send_payment`.
   * May be absent or null.
   */
  sendPayment?: SendPayment | null;
  /** WhatsApp id (`...@lid`) of the sender. May be absent or null. */
  senderLid?: string | null;
  /** Name of the sender. May be absent or null. */
  senderName?: string | null;
  /** Picture URL of the sender. May be absent or null. */
  senderPhoto?: string | null;
  /** Status of the message when the callback was sent. May be absent or null. */
  status?: MessageStatus | null;
  /** The status post this message replies to. May be absent or null. */
  statusImage?: StatusImage | null;
  /**
   * A sticker. Content key: when present (and not null) the message kind is `sticker`. May be
   * absent or null.
   */
  sticker?: Sticker | null;
  /**
   * A text message. Content key: when present (and not null) the message kind is `text`. May be
   * absent or null.
   */
  text?: Text | null;
  /**
   * The callback type: `ReceivedCallback` or `ReceivedCallBack`. Required here so that `Callback`
   * can be narrowed on it (the JSON Schema also accepts a body without it).
   */
  type: "ReceivedCallback" | "ReceivedCallBack";
  /** URL of the new profile picture (`PROFILE_PICTURE_UPDATED`). May be absent or null. */
  updatedPhoto?: string | null;
  /**
   * A video or GIF. Content key: when present (and not null) the message kind is `video`. May be
   * absent or null.
   */
  video?: Video | null;
  /** Whether the message can be viewed only once. May be absent or null. */
  viewOnce?: boolean | null;
  /** Whether WhatsApp is still waiting for this message's content. May be absent or null. */
  waitingMessage?: boolean | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** Sent after the instance sends a message through the API: the message left Z-API. */
export interface DeliveryCallback {
  /** Error description, when sending failed. May be absent or null. */
  error?: string | null;
  /** The Z-API instance that sent the message. May be absent or null. */
  instanceId?: string | null;
  /** WhatsApp's id for the message. May be absent or null. */
  messageId?: string | null;
  /** When the event happened. May be absent or null. */
  momment?: Timestamp | null;
  /** Destination phone number (or group id) of the message. May be absent or null. */
  phone?: string | null;
  /**
   * The callback type: `DeliveryCallback` or `DeliveryCallBack`. Required here so that `Callback`
   * can be narrowed on it (the JSON Schema also accepts a body without it).
   */
  type: "DeliveryCallback" | "DeliveryCallBack";
  /** Z-API's own id for the queued message. May be absent or null. */
  zaapId?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A message changed status, for one or more message ids at once. */
export interface MessageStatusCallback {
  /**
   * A single message id, as the docs' table names it (the examples send `ids`). May be absent or
   * null.
   */
  id?: string | null;
  /** Ids of the messages whose status changed. May be absent or null. */
  ids?: string[] | null;
  /** The Z-API instance. May be absent or null. */
  instanceId?: string | null;
  /** Whether the chat is a group. May be absent or null. */
  isGroup?: boolean | null;
  /** When the status changed. May be absent or null. */
  momment?: Timestamp | null;
  /**
   * In groups: who the status is about (a phone number or an `@lid`), seen in real deliveries. May
   * be absent or null.
   */
  participant?: string | null;
  /**
   * In groups: which device of that participant (0 is the phone), seen in real deliveries. May be
   * absent or null.
   */
  participantDevice?: number | null;
  /** Phone number (or group id) of the chat. May be absent or null. */
  phone?: string | null;
  /** Which device of the account saw the event (0 is the phone). May be absent or null. */
  phoneDevice?: number | null;
  /** The new status of the messages. May be absent or null. */
  status?: MessageStatus | null;
  /**
   * The callback type: `MessageStatusCallback` or `MessageStatusCallBack`. Required here so that
   * `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
   */
  type: "MessageStatusCallback" | "MessageStatusCallBack";
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A contact's presence changed in a chat. */
export interface PresenceChatCallback {
  /** The Z-API instance. May be absent or null. */
  instanceId?: string | null;
  /** When the contact was last online; often `null`. May be absent or null. */
  lastSeen?: Timestamp | null;
  /** Phone number of the contact. May be absent or null. */
  phone?: string | null;
  /** The presence. May be absent or null. */
  status?: PresenceStatus | null;
  /**
   * The callback type: `PresenceChatCallback` or `PresenceChatCallBack`. Required here so that
   * `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
   */
  type: "PresenceChatCallback" | "PresenceChatCallBack";
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * The instance connected to its WhatsApp number (after the QR code was read, or on reconnection).
 */
export interface ConnectedCallback {
  /** Whether the instance is connected. May be absent or null. */
  connected?: boolean | null;
  /** The Z-API instance. May be absent or null. */
  instanceId?: string | null;
  /**
   * Whether the connected number is a WhatsApp Business account, seen in real deliveries. May be
   * absent or null.
   */
  isBusiness?: boolean | null;
  /** When it connected. Documented as a string, sent as an integer. May be absent or null. */
  momment?: Timestamp | null;
  /** The connected phone number. May be absent or null. */
  phone?: string | null;
  /**
   * The callback type: `ConnectedCallback` or `ConnectedCallBack`. Required here so that `Callback`
   * can be narrowed on it (the JSON Schema also accepts a body without it).
   */
  type: "ConnectedCallback" | "ConnectedCallBack";
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** The instance was disconnected from its WhatsApp number. */
export interface DisconnectedCallback {
  /** Whether the instance is disconnected. May be absent or null. */
  disconnected?: boolean | null;
  /** Why it was disconnected. May be absent or null. */
  error?: string | null;
  /** The Z-API instance. May be absent or null. */
  instanceId?: string | null;
  /** When it was disconnected (seconds in the docs' example). May be absent or null. */
  momment?: Timestamp | null;
  /**
   * The phone number that was connected, seen in real deliveries (and in the docs' unmerged
   * branch). May be absent or null.
   */
  phone?: string | null;
  /**
   * The callback type: `DisconnectedCallback` or `DisconnectedCallBack`. Required here so that
   * `Callback` can be narrowed on it (the JSON Schema also accepts a body without it).
   */
  type: "DisconnectedCallback" | "DisconnectedCallBack";
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * Kind `text`: a `ReceivedCallback` whose `text` is present and not null.
 *
 * A text message.
 */
export interface ReceivedText extends ReceivedCallback {
  text: Text;
}

/**
 * Kind `hydrated_template`: a `ReceivedCallback` whose `hydratedTemplate` is present and not null.
 *
 * A business template with header, body, footer and buttons.
 */
export interface ReceivedHydratedTemplate extends ReceivedCallback {
  hydratedTemplate: HydratedTemplate;
}

/**
 * Kind `reaction`: a `ReceivedCallback` whose `reaction` is present and not null.
 *
 * A reaction to a message.
 */
export interface ReceivedReaction extends ReceivedCallback {
  reaction: Reaction;
}

/**
 * Kind `buttons_response`: a `ReceivedCallback` whose `buttonsResponseMessage` is present and not
 * null.
 *
 * A button pressed in a buttons message.
 */
export interface ReceivedButtonsResponse extends ReceivedCallback {
  buttonsResponseMessage: ButtonsResponse;
}

/**
 * Kind `list_response`: a `ReceivedCallback` whose `listResponseMessage` is present and not null.
 *
 * A row chosen in an option list.
 */
export interface ReceivedListResponse extends ReceivedCallback {
  listResponseMessage: ListResponse;
}

/**
 * Kind `list_message`: a `ReceivedCallback` whose `listMessage` is present and not null.
 *
 * A list of options sent from the API, seen in real deliveries.
 */
export interface ReceivedListMessage extends ReceivedCallback {
  listMessage: ListMessage;
}

/**
 * Kind `buttons_message`: a `ReceivedCallback` whose `buttonsMessage` is present and not null.
 *
 * A message with buttons.
 */
export interface ReceivedButtonsMessage extends ReceivedCallback {
  buttonsMessage: ButtonsMessage;
}

/**
 * Kind `pix_key`: a `ReceivedCallback` whose `pixKeyMessage` is present and not null.
 *
 * A Pix key payment button.
 */
export interface ReceivedPixKey extends ReceivedCallback {
  pixKeyMessage: PixKey;
}

/**
 * Kind `carousel`: a `ReceivedCallback` whose `carouselMessage` is present and not null.
 *
 * A carousel of cards.
 */
export interface ReceivedCarousel extends ReceivedCallback {
  carouselMessage: Carousel;
}

/**
 * Kind `image`: a `ReceivedCallback` whose `image` is present and not null.
 *
 * An image.
 */
export interface ReceivedImage extends ReceivedCallback {
  image: Image;
}

/**
 * Kind `audio`: a `ReceivedCallback` whose `audio` is present and not null.
 *
 * An audio or voice note.
 */
export interface ReceivedAudio extends ReceivedCallback {
  audio: Audio;
}

/**
 * Kind `video`: a `ReceivedCallback` whose `video` is present and not null.
 *
 * A video or GIF.
 */
export interface ReceivedVideo extends ReceivedCallback {
  video: Video;
}

/**
 * Kind `video_note`: a `ReceivedCallback` whose `ptv` is present and not null.
 *
 * A round video note (PTV), seen in real deliveries.
 */
export interface ReceivedVideoNote extends ReceivedCallback {
  ptv: VideoNote;
}

/**
 * Kind `contact`: a `ReceivedCallback` whose `contact` is present and not null.
 *
 * A contact card.
 */
export interface ReceivedContact extends ReceivedCallback {
  contact: Contact;
}

/**
 * Kind `document`: a `ReceivedCallback` whose `document` is present and not null.
 *
 * A document.
 */
export interface ReceivedDocument extends ReceivedCallback {
  document: Document;
}

/**
 * Kind `location`: a `ReceivedCallback` whose `location` is present and not null.
 *
 * A location.
 */
export interface ReceivedLocation extends ReceivedCallback {
  location: Location;
}

/**
 * Kind `live_location`: a `ReceivedCallback` whose `liveLocation` is present and not null.
 *
 * A live location being shared, seen in real deliveries.
 */
export interface ReceivedLiveLocation extends ReceivedCallback {
  liveLocation: LiveLocation;
}

/**
 * Kind `sticker`: a `ReceivedCallback` whose `sticker` is present and not null.
 *
 * A sticker.
 */
export interface ReceivedSticker extends ReceivedCallback {
  sticker: Sticker;
}

/**
 * Kind `request_payment`: a `ReceivedCallback` whose `requestPayment` is present and not null.
 *
 * A payment request.
 */
export interface ReceivedRequestPayment extends ReceivedCallback {
  requestPayment: RequestPayment;
}

/**
 * Kind `send_payment`: a `ReceivedCallback` whose `sendPayment` is present and not null.
 *
 * A payment sent.
 */
export interface ReceivedSendPayment extends ReceivedCallback {
  sendPayment: SendPayment;
}

/**
 * Kind `product`: a `ReceivedCallback` whose `product` is present and not null.
 *
 * A catalog product.
 */
export interface ReceivedProduct extends ReceivedCallback {
  product: Product;
}

/**
 * Kind `order`: a `ReceivedCallback` whose `order` is present and not null.
 *
 * A cart.
 */
export interface ReceivedOrder extends ReceivedCallback {
  order: Order;
}

/**
 * Kind `poll`: a `ReceivedCallback` whose `poll` is present and not null.
 *
 * A poll.
 */
export interface ReceivedPoll extends ReceivedCallback {
  poll: Poll;
}

/**
 * Kind `poll_vote`: a `ReceivedCallback` whose `pollVote` is present and not null.
 *
 * A vote on a poll.
 */
export interface ReceivedPollVote extends ReceivedCallback {
  pollVote: PollVote;
}

/**
 * Kind `review_and_pay`: a `ReceivedCallback` whose `reviewAndPay` is present and not null.
 *
 * An order sent for review and payment.
 */
export interface ReceivedReviewAndPay extends ReceivedCallback {
  reviewAndPay: PaymentOrder;
}

/**
 * Kind `review_order`: a `ReceivedCallback` whose `reviewOrder` is present and not null.
 *
 * An update of an order sent for payment.
 */
export interface ReceivedReviewOrder extends ReceivedCallback {
  reviewOrder: PaymentOrder;
}

/**
 * Kind `newsletter_admin_invite`: a `ReceivedCallback` whose `newsletterAdminInvite` is present and
 * not null.
 *
 * An invitation to administer a newsletter.
 */
export interface ReceivedNewsletterAdminInvite extends ReceivedCallback {
  newsletterAdminInvite: NewsletterAdminInvite;
}

/**
 * Kind `pin_message`: a `ReceivedCallback` whose `pinMessage` is present and not null.
 *
 * A message pinned or unpinned.
 */
export interface ReceivedPinMessage extends ReceivedCallback {
  pinMessage: PinMessage;
}

/**
 * Kind `event`: a `ReceivedCallback` whose `event` is present and not null.
 *
 * An event.
 */
export interface ReceivedEvent extends ReceivedCallback {
  event: Event;
}

/**
 * Kind `event_response`: a `ReceivedCallback` whose `eventResponse` is present and not null.
 *
 * An answer to an event.
 */
export interface ReceivedEventResponse extends ReceivedCallback {
  eventResponse: EventResponse;
}

/**
 * Kind `notification`: a `ReceivedCallback` whose `notification` is present and not null.
 *
 * A system notification; its parameters are in the envelope's `notificationParameters` and, for
 * some, in `callId`, `requestMethod`, `linkMode`, `profileName`, `updatedPhoto`.
 */
export interface ReceivedNotification extends ReceivedCallback {
  notification: NotificationType;
}

/**
 * Kind `waiting_message`: a `ReceivedCallback` with no content key and `waitingMessage: true`.
 *
 * No content yet: WhatsApp is waiting for the message.
 */
export interface ReceivedWaitingMessage extends ReceivedCallback {
  waitingMessage: true;
}

/**
 * The type of each kind of `ReceivedCallback`, by kind name (the `kind` of the fixtures manifest).
 * When a body holds several content keys, the kind is the one listed first here; a body with none
 * that the models know is of kind `unknown`, a plain `ReceivedCallback`.
 */
export interface ReceivedKinds {
  text: ReceivedText;
  hydrated_template: ReceivedHydratedTemplate;
  reaction: ReceivedReaction;
  buttons_response: ReceivedButtonsResponse;
  list_response: ReceivedListResponse;
  list_message: ReceivedListMessage;
  buttons_message: ReceivedButtonsMessage;
  pix_key: ReceivedPixKey;
  carousel: ReceivedCarousel;
  image: ReceivedImage;
  audio: ReceivedAudio;
  video: ReceivedVideo;
  video_note: ReceivedVideoNote;
  contact: ReceivedContact;
  document: ReceivedDocument;
  location: ReceivedLocation;
  live_location: ReceivedLiveLocation;
  sticker: ReceivedSticker;
  request_payment: ReceivedRequestPayment;
  send_payment: ReceivedSendPayment;
  product: ReceivedProduct;
  order: ReceivedOrder;
  poll: ReceivedPoll;
  poll_vote: ReceivedPollVote;
  review_and_pay: ReceivedReviewAndPay;
  review_order: ReceivedReviewOrder;
  newsletter_admin_invite: ReceivedNewsletterAdminInvite;
  pin_message: ReceivedPinMessage;
  event: ReceivedEvent;
  event_response: ReceivedEventResponse;
  notification: ReceivedNotification;
  waiting_message: ReceivedWaitingMessage;
}

/** The name of a kind of `ReceivedCallback` that has a type. */
export type ReceivedKind = keyof ReceivedKinds;

/** An audio message or voice note. */
export interface Audio {
  /** URL to download the audio. May be absent or null. */
  audioUrl?: string | null;
  /** MIME type, e.g. `audio/ogg; codecs=opus`. May be absent or null. */
  mimeType?: string | null;
  /** `true` for a voice note recorded in WhatsApp ("push to talk"). May be absent or null. */
  ptt?: boolean | null;
  /** Length in seconds. May be absent or null. */
  seconds?: number | null;
  /** Whether it can be played only once. May be absent or null. */
  viewOnce?: boolean | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** One button of a buttons message. */
export interface Button {
  /** Id of the button. May be absent or null. */
  buttonId?: string | null;
  /** The label. May be absent or null. */
  buttonText?: ButtonText | null;
  /** Button type code (1 is a reply button). May be absent or null. */
  type?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** The label of a button. */
export interface ButtonText {
  /** Text shown on the button. May be absent or null. */
  displayText?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A message with buttons, optionally with an image or video. */
export interface ButtonsMessage {
  /** The buttons. May be absent or null. */
  buttons?: Button[] | null;
  /** Image shown above the buttons. May be absent or null. */
  imageUrl?: string | null;
  /** Body text. May be absent or null. */
  message?: string | null;
  /** Video shown above the buttons. May be absent or null. */
  videoUrl?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** The answer to a button message: which button was pressed. */
export interface ButtonsResponse {
  /** Id of the pressed button. May be absent or null. */
  buttonId?: string | null;
  /** Label of the pressed button. May be absent or null. */
  message?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A button that places a call. */
export interface CallButton {
  /** Label of the button. May be absent or null. */
  displayText?: string | null;
  /** Number it calls. May be absent or null. */
  phoneNumber?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A carousel: a text and several cards, each with a header and buttons. */
export interface Carousel {
  /** The cards. May be absent or null. */
  cards?: CarouselCard[] | null;
  /** Text above the cards. May be absent or null. */
  text?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** One card of a carousel. */
export interface CarouselCard {
  /** Footer text. May be absent or null. */
  footer?: string | null;
  /** Media header of the card. May be absent or null. */
  header?: TemplateHeader | null;
  /** Buttons of the card. May be absent or null. */
  hydratedButtons?: HydratedButton[] | null;
  /** Body text. May be absent or null. */
  message?: string | null;
  /** Title. May be absent or null. */
  title?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A shared contact card. */
export interface Contact {
  /** Name shown for the contact. May be absent or null. */
  displayName?: string | null;
  /** Phone numbers of the contact. May be absent or null. */
  phones?: string[] | null;
  /** The contact as a vCard. May be absent or null. */
  vCard?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A document (file). */
export interface Document {
  /** Caption. May be absent or null. */
  caption?: string | null;
  /** URL to download the document. May be absent or null. */
  documentUrl?: string | null;
  /** File name. May be absent or null. */
  fileName?: string | null;
  /** MIME type, e.g. `application/pdf`. May be absent or null. */
  mimeType?: string | null;
  /**
   * Number of pages. Documented as a string, sent as a number: both are accepted. May be absent or
   * null.
   */
  pageCount?: number | string | null;
  /** URL of the thumbnail. May be absent or null. */
  thumbnailUrl?: string | null;
  /** Title. May be absent or null. */
  title?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** An event (a scheduled meeting) shared in a chat. */
export interface Event {
  /** Whether it was canceled. May be absent or null. */
  canceled?: boolean | null;
  /** Event description. May be absent or null. */
  description?: string | null;
  /** Call link of the event. May be absent or null. */
  joinLink?: string | null;
  /** Where it takes place (may be an empty object). May be absent or null. */
  location?: Location | null;
  /** Event name. May be absent or null. */
  name?: string | null;
  /** When it takes place (seconds in the docs' example). May be absent or null. */
  scheduleTime?: Timestamp | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** Somebody answered an event invitation. */
export interface EventResponse {
  /** The event message answered. May be absent or null. */
  referencedMessage?: ReferencedMessage | null;
  /** The answer. May be absent or null. */
  response?: EventResponseType | null;
  /** Who answered. May be absent or null. */
  responseFrom?: string | null;
  /** When they answered. May be absent or null. */
  time?: Timestamp | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * An answer to an event invitation. Known values are listed; any other string is accepted too.
 *
 * - `GOING`: Will attend.
 * - `NOT_GOING`: Will not attend.
 * - `MAYBE`: Might attend.
 */
export type EventResponseType = "GOING" | "NOT_GOING" | "MAYBE" | (string & {});

/** The ad a conversation started from ("click to WhatsApp" ads). */
export interface ExternalAdReply {
  /** Ad text. May be absent or null. */
  body?: string | null;
  /** Whether an automatic reply is attached. May be absent or null. */
  containsAutoReply?: boolean | null;
  /** Click id for conversion tracking. May be absent or null. */
  ctwaClid?: string | null;
  /** Media type code of the ad (a number). May be absent or null. */
  mediaType?: number | null;
  /** Whether the thumbnail is shown large. May be absent or null. */
  renderLargerThumbnail?: boolean | null;
  /** Whether the ad attribution is shown. May be absent or null. */
  showAdAttribution?: boolean | null;
  /** Id of the ad. May be absent or null. */
  sourceId?: string | null;
  /** Source type, e.g. `ad`. May be absent or null. */
  sourceType?: string | null;
  /** URL of the ad. May be absent or null. */
  sourceUrl?: string | null;
  /** Ad thumbnail URL. May be absent or null. */
  thumbnailUrl?: string | null;
  /** Ad title. May be absent or null. */
  title?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A button of a template or carousel card: one of its button fields is set. */
export interface HydratedButton {
  /** A button that places a call. May be absent or null. */
  callButton?: CallButton | null;
  /** Position of the button. May be absent or null. */
  index?: number | null;
  /** A button that sends a quick reply. May be absent or null. */
  quickReplyButton?: QuickReplyButton | null;
  /** A button that opens a link (also used to copy OTP codes). May be absent or null. */
  urlButton?: UrlButton | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A hydrated template message (business templates: text, media header, buttons, OTP). */
export interface HydratedTemplate {
  /** Footer text. May be absent or null. */
  footer?: string | null;
  /** The header: empty, or one media item. May be absent or null. */
  header?: TemplateHeader | null;
  /** Buttons of the template. May be absent or null. */
  hydratedButtons?: HydratedButton[] | null;
  /** Body text. May be absent or null. */
  message?: string | null;
  /** Id of the template. May be absent or null. */
  templateId?: string | null;
  /** Title. May be absent or null. */
  title?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** An image. */
export interface Image {
  /** Caption. May be absent or null. */
  caption?: string | null;
  /** Why the download failed, when it did. May be absent or null. */
  downloadError?: string | null;
  /** Height in pixels. May be absent or null. */
  height?: number | null;
  /** URL to download the image. May be absent or null. */
  imageUrl?: string | null;
  /** MIME type, e.g. `image/jpeg`. May be absent or null. */
  mimeType?: string | null;
  /** URL of the thumbnail. May be absent or null. */
  thumbnailUrl?: string | null;
  /** Whether it can be viewed only once. May be absent or null. */
  viewOnce?: boolean | null;
  /** Width in pixels. May be absent or null. */
  width?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A label added to or removed from a chat. */
export interface LabelAssociation {
  /** `true` when added, `false` when removed. May be absent or null. */
  assigned?: boolean | null;
  /** Id of the label. May be absent or null. */
  label?: string | null;
  /** Phone number of the chat the label applies to. May be absent or null. */
  phone?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * Who may use a group's invite link. Known values are listed; any other string is accepted too.
 *
 * - `ADMIN_LINK`: Only admins.
 * - `ALL_MEMBER_LINK`: Every member.
 */
export type LinkMode = "ADMIN_LINK" | "ALL_MEMBER_LINK" | (string & {});

/**
 * A list of options sent from the API (WhatsApp's list message): a text, the button that opens the
 * list, and the list's sections of rows. The answer comes back as a `listResponseMessage`.
 */
export interface ListMessage {
  /** Label of the button that opens the list. May be absent or null. */
  buttonText?: string | null;
  /** Body text of the message. May be absent or null. */
  description?: string | null;
  /** Footer text. May be absent or null. */
  footerText?: string | null;
  /** WhatsApp's list type, e.g. `SINGLE_SELECT`. May be absent or null. */
  listType?: string | null;
  /** The sections of the list. May be absent or null. */
  sections?: ListSection[] | null;
  /** Title of the message. May be absent or null. */
  title?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** The answer to an option list: which row was chosen. */
export interface ListResponse {
  /** Text of the chosen option. May be absent or null. */
  message?: string | null;
  /** Id of the chosen row. May be absent or null. */
  selectedRowId?: string | null;
  /** Title of the list. May be absent or null. */
  title?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** One option of a list message. */
export interface ListRow {
  /** Text under the title. May be absent or null. */
  description?: string | null;
  /**
   * Id of the option: what a `listResponseMessage` sends back as `selectedRowId`. May be absent or
   * null.
   */
  rowId?: string | null;
  /** Title of the option. May be absent or null. */
  title?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A section of a list message: a title and its rows. */
export interface ListSection {
  /**
   * The options of the section, under the key recorded on received list messages (September 2025, a
   * Z-API-format reseller's deliveries): the same shape as `rows`. May be absent or null.
   */
  options?: ListRow[] | null;
  /** The options of the section, under the key public senders use. May be absent or null. */
  rows?: ListRow[] | null;
  /** Title of the section. May be absent or null. */
  title?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * A live location being shared, under the content key `liveLocation`; seen in real deliveries, not
 * in the docs.
 */
export interface LiveLocation {
  /** Caption. May be absent or null. */
  caption?: string | null;
  /** Latitude in degrees, kept as the exact JSON number sent. May be absent or null. */
  latitude?: number | null;
  /** Longitude in degrees, kept as the exact JSON number sent. May be absent or null. */
  longitude?: number | null;
  /** Which update of the shared location this is. May be absent or null. */
  sequence?: LiveLocationSequence | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * The update counter of a live location: a 64-bit number sent as two 32-bit halves, the way
 * WhatsApp's protocol encodes it in JSON.
 */
export interface LiveLocationSequence {
  /** The upper 32 bits. May be absent or null. */
  high?: number | null;
  /** The lower 32 bits (as a signed or unsigned JSON integer). May be absent or null. */
  low?: number | null;
  /** Whether the whole number is unsigned. May be absent or null. */
  unsigned?: boolean | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A location. */
export interface Location {
  /** Address of the place. May be absent or null. */
  address?: string | null;
  /** Latitude in degrees, kept as the exact JSON number sent. May be absent or null. */
  latitude?: number | null;
  /** Longitude in degrees, kept as the exact JSON number sent. May be absent or null. */
  longitude?: number | null;
  /** Name of the place. May be absent or null. */
  name?: string | null;
  /** URL of the map thumbnail. May be absent or null. */
  thumbnailUrl?: string | null;
  /** Link to the place. May be absent or null. */
  url?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * Where a message stands: the `status` of a `ReceivedCallback` and of a `MessageStatusCallback`.
 * Known values are listed; any other string is accepted too.
 *
 * - `PENDING`: Not yet sent by the phone.
 * - `SENT`: Sent to WhatsApp's servers.
 * - `RECEIVED`: Delivered to the recipient's device.
 * - `READ`: Read by the recipient.
 * - `READ_BY_ME`: Read on the connected number itself (a message the instance received and opened).
 * - `PLAYED`: An audio or video that the recipient played.
 * - `MESSAGE_RECEIVED`: Seen on payment notifications sent by the connected number.
 */
export type MessageStatus =
  | "PENDING"
  | "SENT"
  | "RECEIVED"
  | "READ"
  | "READ_BY_ME"
  | "PLAYED"
  | "MESSAGE_RECEIVED"
  | (string & {});

/** An invitation to become admin of a newsletter (channel). */
export interface NewsletterAdminInvite {
  /** When the invitation expires (seconds in the docs' example). May be absent or null. */
  inviteExpiration?: Timestamp | null;
  /** Id of the newsletter (`...@newsletter`). May be absent or null. */
  newsletterId?: string | null;
  /** Name of the newsletter. May be absent or null. */
  newsletterName?: string | null;
  /** Invitation text. May be absent or null. */
  text?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** One notification parameter: a string, a label object, or any other JSON value. */
export type NotificationParameter = LabelAssociation | string | number | boolean | null | unknown[];

/**
 * The `notification` of a system message. Parameters, when there are any, are in
 * `notificationParameters`. Known values are listed; any other string is accepted too.
 *
 * - `CALL_VOICE`: Incoming voice call.
 * - `CALL_MISSED_VOICE`: Missed voice call.
 * - `CALL_MISSED_VIDEO`: Missed video call.
 * - `CALL_VIDEO`: Incoming video call (seen in real deliveries, not in the docs).
 * - `MEMBERSHIP_APPROVAL_REQUEST`: Somebody asked to join a group (parameters: who asked, and who
 *   added them for `non_admin_add`).
 * - `REVOKED_MEMBERSHIP_REQUESTS`: A request to join a group was withdrawn by its author.
 * - `GROUP_PARTICIPANT_LEAVE`: A participant left a group.
 * - `GROUP_PARTICIPANT_ADD`: A participant was added to a group.
 * - `GROUP_PARTICIPANT_REMOVE`: A participant was removed from a group.
 * - `GROUP_PARTICIPANT_INVITE`: Somebody joined a group through an invite link (seen in real
 *   deliveries, not in the docs).
 * - `GROUP_CREATE`: A group was created (parameter: its name).
 * - `GROUP_MEMBER_LINK_PROPERTY_UPDATE`: Who may use the group's invite link changed (see
 *   `linkMode`).
 * - `NEWSLETTER_ADMIN_PROMOTE`: Somebody became an admin of a newsletter (channel).
 * - `NEWSLETTER_ADMIN_DEMOTE`: Somebody stopped being an admin of a newsletter.
 * - `PAYMENT_ACTION_REQUEST_DECLINED`: A payment request was declined (parameters: phone, currency,
 *   amount).
 * - `PROFILE_NAME_UPDATED`: The connected number changed its profile name (see `profileName`).
 * - `PROFILE_PICTURE_UPDATED`: The connected number changed its profile picture (see
 *   `updatedPhoto`).
 * - `CHAT_LABEL_ASSOCIATION`: Labels were added to or removed from a chat (parameters: label
 *   objects).
 * - `E2E_ENCRYPTED`: The chat is end-to-end encrypted.
 * - `CIPHERTEXT`: A message could not be decrypted yet.
 * - `BLUE_MSG_SELF_PREMISE_UNVERIFIED`: The other side is a business account not yet verified by
 *   WhatsApp.
 * - `BLUE_MSG_SELF_PREMISE_VERIFIED`: The other side is a business account verified by WhatsApp.
 * - `BIZ_MOVE_TO_CONSUMER_APP`: A business account became a personal account.
 * - `REVOKE`: A message was deleted.
 */
export type NotificationType =
  | "CALL_VOICE"
  | "CALL_MISSED_VOICE"
  | "CALL_MISSED_VIDEO"
  | "CALL_VIDEO"
  | "MEMBERSHIP_APPROVAL_REQUEST"
  | "REVOKED_MEMBERSHIP_REQUESTS"
  | "GROUP_PARTICIPANT_LEAVE"
  | "GROUP_PARTICIPANT_ADD"
  | "GROUP_PARTICIPANT_REMOVE"
  | "GROUP_PARTICIPANT_INVITE"
  | "GROUP_CREATE"
  | "GROUP_MEMBER_LINK_PROPERTY_UPDATE"
  | "NEWSLETTER_ADMIN_PROMOTE"
  | "NEWSLETTER_ADMIN_DEMOTE"
  | "PAYMENT_ACTION_REQUEST_DECLINED"
  | "PROFILE_NAME_UPDATED"
  | "PROFILE_PICTURE_UPDATED"
  | "CHAT_LABEL_ASSOCIATION"
  | "E2E_ENCRYPTED"
  | "CIPHERTEXT"
  | "BLUE_MSG_SELF_PREMISE_UNVERIFIED"
  | "BLUE_MSG_SELF_PREMISE_VERIFIED"
  | "BIZ_MOVE_TO_CONSUMER_APP"
  | "REVOKE"
  | (string & {});

/** A cart sent from a catalog. */
export interface Order {
  /** Currency code. May be absent or null. */
  currency?: string | null;
  /** Number of items. May be absent or null. */
  itemCount?: number | null;
  /** Message sent with the order. May be absent or null. */
  message?: string | null;
  /** Id of the order. May be absent or null. */
  orderId?: string | null;
  /** Title of the order. May be absent or null. */
  orderTitle?: string | null;
  /** The items. May be absent or null. */
  products?: OrderProduct[] | null;
  /** The seller. May be absent or null. */
  sellerJid?: string | null;
  /** Amount before discounts, shipping and taxes. May be absent or null. */
  subTotal?: number | null;
  /** URL of the thumbnail. May be absent or null. */
  thumbnailUrl?: string | null;
  /** Token to fetch the order's details. May be absent or null. */
  token?: string | null;
  /** Total amount. May be absent or null. */
  total?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** An item of a cart. */
export interface OrderProduct {
  /** Currency code. May be absent or null. */
  currencyCode?: string | null;
  /** Product name. May be absent or null. */
  name?: string | null;
  /** Unit price. May be absent or null. */
  price?: number | null;
  /** Id of the product. May be absent or null. */
  productId?: string | null;
  /** Quantity. May be absent or null. */
  quantity?: number | null;
  /** The seller's own id for the product. May be absent or null. */
  retailerId?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** Details of a payment. */
export interface PaymentInfo {
  /** Currency code, e.g. `BRL`. May be absent or null. */
  currencyCode?: string | null;
  /** Phone number receiving the money. May be absent or null. */
  receiverPhone?: string | null;
  /** Progress of the payment. May be absent or null. */
  status?: PaymentInfoStatus | null;
  /** State of the transaction. May be absent or null. */
  transactionStatus?: TransactionStatus | null;
  /** Amount, kept as the exact JSON number sent. May be absent or null. */
  value?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * Progress of a payment (`paymentInfo.status`). Known values are listed; any other string is
 * accepted too.
 *
 * - `WAITING`: Waiting for the payer.
 * - `COMPLETE`: Paid.
 */
export type PaymentInfoStatus = "WAITING" | "COMPLETE" | (string & {});

/** An order sent for review and payment (`reviewAndPay`) or its update (`reviewOrder`). */
export interface PaymentOrder {
  /** Currency code. May be absent or null. */
  currency?: string | null;
  /** Discount. May be absent or null. */
  discount?: number | null;
  /** Id of the order request. May be absent or null. */
  orderRequestId?: string | null;
  /** Order status, e.g. `pending`, `processing`. May be absent or null. */
  orderStatus?: string | null;
  /** Payment status, e.g. `pending`. May be absent or null. */
  paymentStatus?: string | null;
  /** The items. May be absent or null. */
  products?: PaymentOrderProduct[] | null;
  /** Payment reference. May be absent or null. */
  referenceId?: string | null;
  /** Shipping cost. May be absent or null. */
  shipping?: number | null;
  /** Amount before discount, shipping and tax. May be absent or null. */
  subTotal?: number | null;
  /** Tax. May be absent or null. */
  tax?: number | null;
  /** Total amount. May be absent or null. */
  total?: number | null;
  /** Kind of goods, e.g. `physical-goods` (only in `reviewAndPay`). May be absent or null. */
  type?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** An item of an order sent for payment. */
export interface PaymentOrderProduct {
  /** Whether the item was typed in rather than taken from the catalog. May be absent or null. */
  isCustomItem?: boolean | null;
  /** Item name. May be absent or null. */
  name?: string | null;
  /** Id of the product. May be absent or null. */
  productId?: string | null;
  /** Quantity. May be absent or null. */
  quantity?: number | null;
  /** Unit value. May be absent or null. */
  value?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * What happened to a pinned message. Known values are listed; any other string is accepted too.
 *
 * - `pin`: The message was pinned.
 * - `unpin`: The message was unpinned.
 */
export type PinAction = "pin" | "unpin" | (string & {});

/** A message was pinned or unpinned in a chat. */
export interface PinMessage {
  /** Pin or unpin. May be absent or null. */
  action?: PinAction | null;
  /** How long the pin lasts, in seconds. May be absent or null. */
  pinDurationInSecs?: number | null;
  /** The pinned message. May be absent or null. */
  referencedMessage?: ReferencedMessage | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A button that shares a Pix key for payment. */
export interface PixKey {
  /** Currency code, e.g. `BRL`. May be absent or null. */
  currency?: string | null;
  /** The Pix key. May be absent or null. */
  key?: string | null;
  /** Its kind. May be absent or null. */
  keyType?: PixKeyType | null;
  /** Name of the receiver. May be absent or null. */
  merchantName?: string | null;
  /** Payment reference. May be absent or null. */
  referenceId?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * Kind of a Pix key (Brazil's instant payment system). Known values are listed; any other string is
 * accepted too.
 *
 * - `EVP`: A random key.
 * - `CPF`: A person's tax id.
 * - `CNPJ`: A company's tax id.
 * - `PHONE`: A phone number.
 * - `EMAIL`: An e-mail address.
 */
export type PixKeyType = "EVP" | "CPF" | "CNPJ" | "PHONE" | "EMAIL" | (string & {});

/** A poll. */
export interface Poll {
  /** The options. May be absent or null. */
  options?: PollOption[] | null;
  /** How many options one may choose (0: any number). May be absent or null. */
  pollMaxOptions?: number | null;
  /** The question. May be absent or null. */
  question?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** An option of a poll. */
export interface PollOption {
  /** Text of the option. May be absent or null. */
  name?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A vote on a poll. */
export interface PollVote {
  /** The chosen options. May be absent or null. */
  options?: PollOption[] | null;
  /** Id of the poll message voted on. May be absent or null. */
  pollMessageId?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * What a contact is doing in a chat. Known values are listed; any other string is accepted too.
 *
 * - `UNAVAILABLE`: Not in the chat (offline or elsewhere).
 * - `AVAILABLE`: In the chat.
 * - `COMPOSING`: Typing.
 * - `PAUSED`: Stopped typing, or deleted what was typed.
 * - `RECORDING`: Recording audio.
 */
export type PresenceStatus =
  | "UNAVAILABLE"
  | "AVAILABLE"
  | "COMPOSING"
  | "PAUSED"
  | "RECORDING"
  | (string & {});

/** A product from a business catalog. */
export interface Product {
  /** The business that owns the catalog. May be absent or null. */
  businessOwnerJid?: string | null;
  /** Currency code. May be absent or null. */
  currencyCode?: string | null;
  /** Description. May be absent or null. */
  description?: string | null;
  /** Id of the first image. May be absent or null. */
  firstImageId?: string | null;
  /** Price, kept as the exact JSON number sent. May be absent or null. */
  price?: number | null;
  /** Id of the product. May be absent or null. */
  productId?: string | null;
  /** URL of the product image. May be absent or null. */
  productImage?: string | null;
  /** Number of images. May be absent or null. */
  productImageCount?: number | null;
  /** The seller's own id for the product. May be absent or null. */
  retailerId?: string | null;
  /** Product name. May be absent or null. */
  title?: string | null;
  /** Link to the product. May be absent or null. */
  url?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A button that answers with a quick reply. */
export interface QuickReplyButton {
  /** Label of the button. May be absent or null. */
  displayText?: string | null;
  /** Id sent back when it is pressed. May be absent or null. */
  id?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A reaction (emoji) to a message. */
export interface Reaction {
  /** Who reacted. May be absent or null. */
  reactionBy?: string | null;
  /** The message reacted to. May be absent or null. */
  referencedMessage?: ReferencedMessage | null;
  /** When the reaction was made. May be absent or null. */
  time?: Timestamp | null;
  /** The emoji; empty when a reaction is removed. May be absent or null. */
  value?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A message that another one refers to (reactions, pins, event answers). */
export interface ReferencedMessage {
  /** Whether it was sent by the connected number. May be absent or null. */
  fromMe?: boolean | null;
  /** Id of the message. May be absent or null. */
  messageId?: string | null;
  /** Group participant who sent it, in groups. May be absent or null. */
  participant?: string | null;
  /** Chat phone number. May be absent or null. */
  phone?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * How somebody asked to join a group. Known values are listed; any other string is accepted too.
 *
 * - `invite_link`: Through an invite link.
 * - `non_admin_add`: A participant who is not an admin added them.
 */
export type RequestMethod = "invite_link" | "non_admin_add" | (string & {});

/** A request for payment. */
export interface RequestPayment {
  /** Currency code. May be absent or null. */
  currencyCode?: string | null;
  /** When the request expires. May be absent or null. */
  expiration?: Timestamp | null;
  /** The payment made for it, if any. May be absent or null. */
  paymentInfo?: PaymentInfo | null;
  /** Who is asked to pay. May be absent or null. */
  requestPhone?: string | null;
  /** Amount requested. May be absent or null. */
  value?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A payment sent. */
export interface SendPayment {
  /** The payment. May be absent or null. */
  paymentInfo?: PaymentInfo | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** The status post (story) a message replies to. */
export interface StatusImage {
  /** Its caption. May be absent or null. */
  caption?: string | null;
  /** Height in pixels. May be absent or null. */
  height?: number | null;
  /** URL of the status image. May be absent or null. */
  imageUrl?: string | null;
  /** MIME type, under the spelling the other media use. May be absent or null. */
  mimeType?: string | null;
  /** MIME type (sent in lower case as `mimetype` here). May be absent or null. */
  mimetype?: string | null;
  /** URL of its thumbnail. May be absent or null. */
  thumbnailUrl?: string | null;
  /** Whether it was view-once. May be absent or null. */
  viewOnce?: boolean | null;
  /** Width in pixels. May be absent or null. */
  width?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A sticker. */
export interface Sticker {
  /** Height in pixels, seen in real deliveries. May be absent or null. */
  height?: number | null;
  /** Whether it is animated. May be absent or null. */
  isAnimated?: boolean | null;
  /** MIME type, e.g. `image/webp`. May be absent or null. */
  mimeType?: string | null;
  /** URL to download the sticker. May be absent or null. */
  stickerUrl?: string | null;
  /** Width in pixels, seen in real deliveries. May be absent or null. */
  width?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** The header of a template or carousel card: at most one of its fields is set. */
export interface TemplateHeader {
  /** A document header. May be absent or null. */
  document?: Document | null;
  /** An image header. May be absent or null. */
  image?: Image | null;
  /** A location header. May be absent or null. */
  location?: Location | null;
  /** A video header. May be absent or null. */
  video?: Video | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A text message (also link previews, catalog and group-invite messages). */
export interface Text {
  /** Description WhatsApp attached (link previews, ads). May be absent or null. */
  description?: string | null;
  /** The same description under the misspelled key some payloads use. May be absent or null. */
  descritpion?: string | null;
  /** The text. May be absent or null. */
  message?: string | null;
  /** Thumbnail attached to the message (e.g. a group invite's picture). May be absent or null. */
  thumbnailUrl?: string | null;
  /** Title WhatsApp attached. May be absent or null. */
  title?: string | null;
  /**
   * Link attached to the message (e.g. a catalog's "see catalog" button). May be absent or null.
   */
  url?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * A Unix time. Usually a JSON integer; a string of digits is accepted too. Values of 10^11 or more
 * are milliseconds, smaller ones seconds.
 */
export type Timestamp = number | string;

/**
 * The tracing context Z-API attaches to a delivery (`_traceContext`), seen in real deliveries from
 * 2025 on, call notifications included.
 */
export interface TraceContext {
  /** Id of the span. May be absent or null. */
  spanId?: string | null;
  /** Id of the trace. May be absent or null. */
  traceId?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * State of a payment transaction. Known values are listed; any other string is accepted too.
 *
 * - `COLLECT_SUCCESS`: A payment request was paid.
 * - `SUCCESS`: A payment went through.
 */
export type TransactionStatus = "COLLECT_SUCCESS" | "SUCCESS" | (string & {});

/** Body of `PUT /update-every-webhooks`: the same URL for every callback. */
export interface UpdateEveryWebhooksRequest {
  /**
   * Also send a `ReceivedCallback` for messages the connected number sends (the Portuguese
   * docs' name for the switch).
   */
  notifySentByMe?: boolean | null;
  /** The same switch under the name the English docs' example sends. */
  receivedAndDeliveryCallback?: boolean | null;
  /** Your endpoint that will receive every callback. */
  value: WebhookUrl;
}

/** Body of `PUT /update-notify-sent-by-me`. */
export interface UpdateNotifySentByMeRequest {
  /** Send a `ReceivedCallback` for messages the connected number sends too. */
  notifySentByMe: boolean;
}

/** Body of `PUT /update-webhook-*` (one callback) and `/update-webhook-received-delivery`. */
export interface UpdateWebhookRequest {
  /** Your endpoint that will receive the callback. */
  value: WebhookUrl;
}

/** Response of every webhook-configuration endpoint. */
export interface UpdateWebhookResponse {
  /** Whether the change was applied. */
  value: boolean;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A button that opens a link. */
export interface UrlButton {
  /** Label of the button. May be absent or null. */
  displayText?: string | null;
  /** The link. May be absent or null. */
  url?: string | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** A video; GIFs arrive in the same shape. */
export interface Video {
  /** Caption. May be absent or null. */
  caption?: string | null;
  /** Height in pixels. May be absent or null. */
  height?: number | null;
  /** Whether it is a GIF. May be absent or null. */
  isGif?: boolean | null;
  /** MIME type, e.g. `video/mp4`. May be absent or null. */
  mimeType?: string | null;
  /** Length in seconds. May be absent or null. */
  seconds?: number | null;
  /** URL to download the video. May be absent or null. */
  videoUrl?: string | null;
  /** Whether it can be viewed only once. May be absent or null. */
  viewOnce?: boolean | null;
  /** Width in pixels. May be absent or null. */
  width?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/**
 * A round video note (WhatsApp's PTV), under the content key `ptv`; seen in real deliveries, not in
 * the docs.
 */
export interface VideoNote {
  /** Caption (usually empty). May be absent or null. */
  caption?: string | null;
  /** Height in pixels (0 when unknown). May be absent or null. */
  height?: number | null;
  /** MIME type, e.g. `video/mp4`. May be absent or null. */
  mimeType?: string | null;
  /** URL to download the video note. May be absent or null. */
  ptvUrl?: string | null;
  /** Width in pixels (0 when unknown). May be absent or null. */
  width?: number | null;
  /** A key not described here, kept as sent. */
  [key: string]: unknown;
}

/** An https:// URL with a host and no whitespace. Z-API refuses webhooks that are not HTTPS. */
export type WebhookUrl = string;

/** The version of this package: the version of the zapi-webhooks crates it was generated from. */
export declare const version: "0.2.0";

/**
 * The callback names. Each has `schemas/<name>.schema.json` (and `schemas/strict/`), and its examples are
 * under `examples/<name>/`.
 */
export declare const callbacks: readonly ["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"];

/** A callback name, as in `callbacks`. */
export type CallbackName = (typeof callbacks)[number];
