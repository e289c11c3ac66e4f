// The README's Fastify handler, compiled by tsc --strict (build/readme-handler.js), served on
// the loopback and called over real HTTP with every example and with a retyped field.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { app } from "../build/readme-handler.js";
import { examples, receivedText } from "./helpers.mjs";

let base;
before(async () => {
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  base = address;
});
after(() => app.close());

const post = async (body) => {
  const response = await fetch(`${base}/zapi`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

test("every example is accepted and handled by its type", async () => {
  for (const { entry, payload } of examples) {
    const { status, body } = await post(payload);
    assert.equal(status, 200, `${entry.name}: ${JSON.stringify(body)}`);
    const expected = { received: "received", message_status: "message_status" }[entry.callback] ?? payload.type;
    assert.equal(body.handled, expected, entry.name);
  }
});

test("a retyped field gets 400 and its pointer", async () => {
  const { status, body } = await post({ ...receivedText(), fromMe: "yes" });
  assert.equal(status, 400);
  assert.ok(body.issues.some((issue) => issue.pointer === "/fromMe"), JSON.stringify(body));
  const array = await post([1, 2]);
  assert.equal(array.status, 400);
  assert.ok(array.body.issues.some((issue) => issue.pointer === ""), JSON.stringify(array.body));
});

test("an unknown callback type is accepted, as the schema says", async () => {
  const { status, body } = await post({ type: "SomethingNewCallback", x: 1 });
  assert.equal(status, 200);
  assert.equal(body.handled, "SomethingNewCallback");
});
