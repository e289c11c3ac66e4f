// The package imported from ESM: the entry, the JSON files through `exports`, and every
// example validated by ajv with the packaged schemas.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { callbacks, version } from "zapi-webhooks";
import packageJson from "zapi-webhooks/package.json" with { type: "json" };
import schema from "zapi-webhooks/schemas/callback.schema.json" with { type: "json" };
import { env, examples, manifest, packaged, receivedText } from "./helpers.mjs";

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map();
const validator = (flavor, name) => {
  const key = `${flavor}${name}`;
  if (!validators.has(key)) validators.set(key, ajv.compile(packaged(`schemas/${key}.schema.json`)));
  return validators.get(key);
};

test("the ESM entry gives the crates' version and the callback names", () => {
  assert.equal(version, env("ZAPI_VERSION"));
  assert.equal(packageJson.version, env("ZAPI_VERSION"));
  assert.equal(manifest.version, env("ZAPI_VERSION"));
  assert.ok(Object.isFrozen(callbacks));
  assert.deepEqual([...callbacks].sort(), [...new Set(manifest.examples.map((e) => e.callback))].sort());
});

test("a JSON import of a schema gives the same object as require", () => {
  assert.deepEqual(schema, packaged("schemas/callback.schema.json"));
  assert.equal(schema.$id, "urn:zapi-webhooks:schema:v1:callback");
});

test("every example of the docs and every capture is packaged", () => {
  assert.equal(examples.length, Number(env("ZAPI_EXAMPLES")));
  assert.equal(new Set(examples.map((e) => e.entry.name)).size, examples.length);
  assert.ok(examples.some((e) => e.entry.origin === "docs"));
  assert.ok(examples.some((e) => e.entry.origin === "capture"));
});

test("every example validates under ajv with the packaged schemas", () => {
  let checked = 0;
  for (const { entry, payload } of examples) {
    assert.equal(payload.type.toLowerCase(), entry.type.toLowerCase(), entry.name);
    for (const name of ["callback", entry.callback]) {
      const permissive = validator("", name);
      assert.ok(permissive(payload), `${entry.name} against ${name}: ${ajv.errorsText(permissive.errors)}`);
      const strict = validator("strict/", name);
      const valid = strict(payload);
      if (entry.app_added_keys.length === 0) {
        assert.ok(valid, `${entry.name} against strict/${name}: ${ajv.errorsText(strict.errors)}`);
      } else {
        assert.ok(!valid, `${entry.name} carries ${entry.app_added_keys} and passes strict/${name}`);
        // Besides the unmodeled keys, the union reports the `if` whose `then` failed.
        assert.ok(strict.errors.every((e) => ["additionalProperties", "if"].includes(e.keyword)), ajv.errorsText(strict.errors));
        const extra = strict.errors.filter((e) => e.keyword === "additionalProperties").map((e) => e.params.additionalProperty);
        assert.deepEqual([...new Set(extra)].sort(), [...entry.app_added_keys].sort());
      }
      checked += 2;
    }
  }
  assert.equal(checked, examples.length * 4);
});

test("a retyped field is refused, naming its JSON pointer", () => {
  const payload = receivedText();
  for (const [flavor, name] of [["", "callback"], ["", "received"], ["strict/", "callback"]]) {
    const validate = validator(flavor, name);
    assert.ok(!validate({ ...payload, fromMe: "yes" }));
    assert.ok(validate.errors.some((e) => e.instancePath === "/fromMe" && e.keyword === "type"), ajv.errorsText(validate.errors));
    assert.ok(!validate({ ...payload, text: { ...payload.text, message: 42 } }));
    assert.ok(validate.errors.some((e) => e.instancePath === "/text/message"), ajv.errorsText(validate.errors));
  }
});

test("paths outside the exports map are refused", async () => {
  await assert.rejects(import("zapi-webhooks/index.js"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
  await assert.rejects(import("zapi-webhooks/README.md"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
});
