// Validates the fixtures against schemas/ with ajv (draft 2020-12), unchanged, and checks that
// ajv rejects every payload the crate rejects (tests/data/invalid).
// Usage: node validate.mjs <workspace root>
import { readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { readJson as read, root, tally } from "../common.mjs";

const callbacks = ["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"];

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = {};
for (const flavor of ["", "strict/"]) {
  for (const name of ["callback", ...callbacks]) {
    const schema = read(join(root, "schemas", flavor, `${name}.schema.json`));
    validators[`${flavor}${name}`] = ajv.compile(schema);
  }
}

const { check, finish } = tally("ajv");

for (const callback of callbacks) {
  const dir = join(root, "fixtures", callback);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const payload = read(join(dir, file));
    for (const flavor of ["", "strict/"]) {
      for (const name of ["callback", callback]) {
        const validate = validators[`${flavor}${name}`];
        check(validate(payload), `${callback}/${file} against ${flavor}${name}: ${ajv.errorsText(validate.errors)}`);
      }
    }
  }
}

const invalidDir = join(root, "crates/zapi-webhooks/tests/data/invalid");
for (const file of readdirSync(invalidDir).sort()) {
  const payload = read(join(invalidDir, file));
  check(!validators["callback"](payload), `${file} should be rejected by callback.schema.json`);
}

finish();
