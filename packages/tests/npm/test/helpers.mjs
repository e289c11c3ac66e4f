// What the tests share: the installed package's manifest and examples, read through the
// package's `exports` map as a user would, and the facts .ci/packages-test passes in.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** An environment variable .ci/packages-test sets; missing is an error, not a skip. */
export function env(name) {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set: run these tests through .ci/packages-test`);
  }
  return value;
}

/** A JSON file of the installed package, e.g. `schemas/callback.schema.json`. */
export function packaged(relative) {
  return require(`zapi-webhooks/${relative}`);
}

export const manifest = packaged("examples/manifest.json");

/** Every example: its manifest entry and its payload. */
export const examples = manifest.examples.map((entry) => ({
  entry,
  payload: packaged(`examples/${entry.path}`),
}));

/** The first received example with a boolean `fromMe` and a `text.message`, to corrupt. */
export function receivedText() {
  const found = examples.find(
    ({ entry, payload }) =>
      entry.kind === "text" && typeof payload.fromMe === "boolean" && typeof payload.text?.message === "string",
  );
  if (found === undefined) throw new Error("no received text example with a boolean fromMe");
  return found.payload;
}
