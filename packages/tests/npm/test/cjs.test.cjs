// The package required from CommonJS: the entry and the JSON files through `exports`.
const assert = require("node:assert/strict");
const { test } = require("node:test");

test("the CommonJS entry gives the version and the callback names", () => {
  const zapi = require("zapi-webhooks");
  assert.equal(zapi.version, process.env.ZAPI_VERSION);
  assert.deepEqual(
    [...zapi.callbacks],
    ["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"],
  );
  assert.equal(require("zapi-webhooks/package.json").version, zapi.version);
});

test("require reaches every schema and example through exports", () => {
  const zapi = require("zapi-webhooks");
  for (const flavor of ["", "strict/"]) {
    for (const name of ["callback", ...zapi.callbacks]) {
      const schema = require(`zapi-webhooks/schemas/${flavor}${name}.schema.json`);
      assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema", `${flavor}${name}`);
    }
  }
  const manifest = require("zapi-webhooks/examples/manifest.json");
  for (const entry of manifest.examples) {
    const payload = require(`zapi-webhooks/examples/${entry.path}`);
    assert.equal(typeof payload, "object", entry.path);
  }
  assert.equal(manifest.examples.length, Number(process.env.ZAPI_EXAMPLES));
});
