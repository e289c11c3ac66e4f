// Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.
// The types of the CommonJS entry (index.cjs): the same as index.d.ts.
export type * from "./index.js";

/** The version of this package: the version of the zapi-webhooks crates it was generated from. */
export declare const version: "0.2.0";

/**
 * The callback names. Each has `schemas/<name>.schema.json` (and `schemas/strict/`), and its examples are
 * under `examples/<name>/`.
 */
export declare const callbacks: readonly ["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"];

/** A callback name, as in `callbacks`. */
export type CallbackName = (typeof callbacks)[number];
