// The receiver a Node user would write with our schemas: Fastify, with
// schemas/callback.schema.json as the route's body schema, compiled by ajv's draft 2020-12
// build. Answers 200 with the callback type for a valid body, 400 (Fastify's validation
// error) otherwise, and checks the `z-api-token` header like the Rust receiver does.
//
// usage: node server.mjs PORT TOKEN SCHEMA_FILE
import { readFileSync } from "node:fs";
import Fastify from "fastify";
import Ajv2020 from "ajv/dist/2020.js";

const [port, token, schemaFile] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
const ajv = new Ajv2020({ allowUnionTypes: true, strict: false });

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
app.post("/webhook", { schema: { body: schema } }, async (request, reply) => {
  if (request.headers["z-api-token"] !== token) {
    return reply.code(401).send({ error: "missing or wrong token" });
  }
  return { type: request.body.type ?? null };
});
await app.listen({ port: Number(port), host: "127.0.0.1" });
console.log(`fastify listening on 127.0.0.1:${port}`);
