// Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.
// CommonJS entry: the values of index.js (types: index.d.cts).
"use strict";
exports.version = "0.2.0";
exports.callbacks = Object.freeze(["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"]);
