// A CommonJS TypeScript consumer: the `require` entry (index.cjs) and its types (index.d.cts).
import type { Callback, CallbackName, ReceivedText } from "zapi-webhooks";
import zapi = require("zapi-webhooks");

export const version: string = zapi.version;
export const names: readonly CallbackName[] = zapi.callbacks;

export function textOf(body: Callback): string | null {
  if (body.type !== "ReceivedCallback" && body.type !== "ReceivedCallBack") return null;
  if (body.text == null) return null;
  const text: ReceivedText = { ...body, text: body.text };
  return text.text.message ?? null;
}
