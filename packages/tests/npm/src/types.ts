// An ESM TypeScript consumer of the types and of the runtime entry (index.js, index.d.ts).
import { callbacks, version } from "zapi-webhooks";
import type { Callback, CallbackName, ReceivedKinds, ReceivedImage } from "zapi-webhooks";

export const name: CallbackName = callbacks[0];
export const packageVersion: string = version;

/** The kind of a received callback, from its content key: narrowing, exhaustively. */
export function summary(body: Callback): string {
  switch (body.type) {
    case "ReceivedCallback":
    case "ReceivedCallBack":
      return body.image != null ? imageSummary({ ...body, image: body.image }) : "received";
    case "DeliveryCallback":
    case "DeliveryCallBack":
    case "MessageStatusCallback":
    case "MessageStatusCallBack":
    case "PresenceChatCallback":
    case "PresenceChatCallBack":
    case "ConnectedCallback":
    case "ConnectedCallBack":
    case "DisconnectedCallback":
    case "DisconnectedCallBack":
      return body.type;
    default: {
      const unreachable: never = body;
      return unreachable;
    }
  }
}

function imageSummary(body: ReceivedKinds["image"] & ReceivedImage): string {
  return `image ${body.image.mimeType ?? "?"}`;
}
