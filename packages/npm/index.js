// Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.
// ESM entry: plain values, no dependency (types: index.d.ts).
export const version = "0.2.0";
export const callbacks = Object.freeze(["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"]);
