// Validates the fixtures against schemas/ with ajv (draft 2020-12), unchanged, and checks that
// ajv rejects every payload the crate rejects (tests/data/invalid).
// Usage: node validate.mjs <workspace root>
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const root = process.argv[2] ?? "../../..";
const read = (path) => JSON.parse(readFileSync(path, "utf8"));
const callbacks = ["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"];

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = {};
for (const flavor of ["", "strict/"]) {
  for (const name of ["callback", ...callbacks]) {
    const schema = read(join(root, "schemas", flavor, `${name}.schema.json`));
    validators[`${flavor}${name}`] = ajv.compile(schema);
  }
}

let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`FAIL ${what}`);
  }
};

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

console.log(`ajv: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
