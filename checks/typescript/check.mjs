// Type-checks the TypeScript types of the npm package (packages/npm/index.d.ts, written by
// `cargo xtask codegen`) with tsc --noEmit --strict:
//
// * every fixture (fixtures/manifest.json) must compile as a `Callback`, as its own callback type
//   (e.g. `ReceivedCallback`) and, for received messages, as the type of its kind
//   (e.g. `ReceivedText`);
// * a switch on `type` must narrow `Callback` exhaustively (the package README's example, which
//   needs Fastify and ajv, is compiled by .ci/packages-test against the packed package);
// * payloads with a wrong field type, a wrong or missing `type`, or an unknown key where none is
//   allowed must NOT compile, each with the expected error.
//
// The package is imported by its npm name through build/node_modules (a symlink), so its
// package.json `exports`/`types` are exercised too. Everything is written under build/.
// It all runs twice: with --strict, and with --strict --exactOptionalPropertyTypes.
//
// Usage: node check.mjs <workspace root>
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readJson, root, tally } from "../common.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(root, "packages", "npm");
const packageName = readJson(join(packageDir, "package.json")).name;
const build = join(here, "build");
const tsc = join(here, "node_modules", "typescript", "bin", "tsc");

rmSync(build, { recursive: true, force: true });
mkdirSync(join(build, "node_modules"), { recursive: true });
symlinkSync(packageDir, join(build, "node_modules", packageName), "dir");

const write = (relative, lines) => {
  const path = join(build, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
};
const imports = (names) => `import type { ${[...new Set(names)].sort().join(", ")} } from "${packageName}";`;
const pascal = (snake) => snake.split("_").map((word) => word[0].toUpperCase() + word.slice(1)).join("");

// Files that must compile: name -> what it proves.
const positives = new Map();
// Files that must not compile: path -> { what, codes (one of them must be reported) }.
const negatives = new Map();

// Every fixture, as each type it must satisfy. The JSON text is used as it is: JSON is a valid
// TypeScript expression, and an object literal gets the full (excess-property) check.
const manifest = readJson(join(root, "fixtures", "manifest.json"));
let received = null;
for (const entry of manifest.fixtures) {
  const stem = basename(entry.path, ".json");
  const json = readFileSync(join(root, "fixtures", entry.path), "utf8").trim();
  const types = ["Callback", entry.type];
  if (entry.callback === "received" && entry.kind !== "unknown") types.push(`Received${pascal(entry.kind)}`);
  const lines = [imports(types), ""];
  for (const type of types) lines.push(`export const as${type}: ${type} = ${json};`, "");
  positives.set(write(`fixtures/${entry.callback}/${stem}.ts`, lines), `fixtures/${entry.path} as ${types.join(", ")}`);
  const payload = JSON.parse(json);
  if (received === null && entry.callback === "received" && typeof payload.fromMe === "boolean") {
    received = { path: entry.path, payload };
  }
}

// Narrowing on `type` is exhaustive, open enums take any string, unknown keys are allowed.
positives.set(
  write("narrowing.ts", [
    imports(["Callback", "MessageStatus", "ReceivedCallback", "ReceivedKind", "ReceivedKinds", "UpdateWebhookRequest"]),
    "",
    "export function describe(body: Callback): string {",
    "  switch (body.type) {",
    '    case "ReceivedCallback":',
    '    case "ReceivedCallBack":',
    "      return String(body.fromMe ?? body.text?.message);",
    '    case "DeliveryCallback":',
    '    case "DeliveryCallBack":',
    '      return body.zaapId ?? "";',
    '    case "MessageStatusCallback":',
    '    case "MessageStatusCallBack":',
    '      return (body.ids ?? []).join(",") + (body.status ?? "");',
    '    case "PresenceChatCallback":',
    '    case "PresenceChatCallBack":',
    '      return body.status ?? "";',
    '    case "ConnectedCallback":',
    '    case "ConnectedCallBack":',
    "      return String(body.connected);",
    '    case "DisconnectedCallback":',
    '    case "DisconnectedCallBack":',
    "      return String(body.disconnected);",
    "    default: {",
    "      const unreachable: never = body;",
    "      return unreachable;",
    "    }",
    "  }",
    "}",
    "",
    'export const newStatus: MessageStatus = "SOMETHING_NEW";',
    'export const open: ReceivedCallback = { type: "ReceivedCallBack", keyFromTheFuture: { a: [1] } };',
    "export const extra: unknown = open.keyFromTheFuture;",
    'export const request: UpdateWebhookRequest = { value: "https://example.com/zapi" };',
    "export function contentOf<K extends ReceivedKind>(body: ReceivedKinds[K]): ReceivedCallback {",
    "  return body;",
    "}",
  ]),
  "narrowing on `type`, open enums, unknown keys",
);

// Payloads that must be rejected. TS2322: not assignable (TS2820: the same, with a "did you
// mean"); TS2353: an unknown key in an object literal; TS2741: a required property is missing.
const negative = (name, codes, what, types, body) => {
  negatives.set(write(`negative/${name}.ts`, [imports(types), "", ...body]), { what, codes });
};
if (received === null) {
  console.error("FAIL no received fixture with a boolean fromMe to corrupt");
  process.exit(1);
}
negative(
  "fixture_from_me_string",
  ["TS2322"],
  `fixtures/${received.path} with fromMe: "yes", as ReceivedCallback`,
  ["ReceivedCallback"],
  [`export const bad: ReceivedCallback = ${JSON.stringify({ ...received.payload, fromMe: "yes" }, null, 2)};`],
);
negative(
  "fixture_from_me_string_as_callback",
  ["TS2322"],
  `fixtures/${received.path} with fromMe: "yes", as Callback`,
  ["Callback"],
  [`export const bad: Callback = ${JSON.stringify({ ...received.payload, fromMe: "yes" }, null, 2)};`],
);
negative("nested_wrong_type", ["TS2322"], "text.message: 42", ["ReceivedCallback"], [
  'export const bad: ReceivedCallback = { type: "ReceivedCallback", text: { message: 42 } };',
]);
negative("timestamp_boolean", ["TS2322"], "momment: true (a Timestamp is a number or a string)", ["DeliveryCallback"], [
  'export const bad: DeliveryCallback = { type: "DeliveryCallback", momment: true };',
]);
negative("array_item_wrong_type", ["TS2322"], "ids: [1]", ["MessageStatusCallback"], [
  'export const bad: MessageStatusCallback = { type: "MessageStatusCallback", ids: [1] };',
]);
negative("enum_not_a_string", ["TS2322"], "status: 3", ["PresenceChatCallback"], [
  'export const bad: PresenceChatCallback = { type: "PresenceChatCallback", status: 3 };',
]);
negative("misspelled_type", ["TS2322", "TS2820"], 'type: "ReceivedCallbak" as Callback', ["Callback"], [
  'export const bad: Callback = { type: "ReceivedCallbak" };',
]);
negative("other_callback_type", ["TS2322"], 'type: "ReceivedCallback" as DeliveryCallback', ["DeliveryCallback"], [
  'export const bad: DeliveryCallback = { type: "ReceivedCallback" };',
]);
negative("missing_type", ["TS2741"], "no type, as ConnectedCallback", ["ConnectedCallback"], [
  "export const bad: ConnectedCallback = { connected: true };",
]);
negative("kind_without_its_content", ["TS2741"], "ReceivedText without text", ["ReceivedText"], [
  'export const bad: ReceivedText = { type: "ReceivedCallback" };',
]);
negative("closed_object_unknown_key", ["TS2353"], "UpdateWebhookRequest with notifySendByMe (a typo)", ["UpdateWebhookRequest"], [
  'export const bad: UpdateWebhookRequest = { value: "https://example.com", notifySendByMe: true };',
]);

// Run tsc over everything at once and sort its errors by file.
const files = [...positives.keys(), ...negatives.keys()];
const configurations = [
  ["--noEmit", "--strict"],
  ["--noEmit", "--strict", "--exactOptionalPropertyTypes"],
];
const common = ["--pretty", "false", "--target", "es2022", "--lib", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext"];

const { check, failures, finish } = tally("typescript");

for (const flags of configurations) {
  const label = `tsc ${flags.join(" ")}`;
  const failedBefore = failures();
  const run = spawnSync(process.execPath, [tsc, ...flags, ...common, ...files], { cwd: here, encoding: "utf8" });
  if (run.error) throw run.error;
  const errors = new Map();
  const unplaced = [];
  let last = null;
  for (const line of run.stdout.split("\n")) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (match) {
      last = { code: match[4], text: `${match[4]} at ${match[2]}:${match[3]}: ${match[5]}` };
      const file = resolve(here, match[1]);
      if (!errors.has(file)) errors.set(file, []);
      errors.get(file).push(last);
    } else if (/^\S.*error TS\d+/.test(line)) {
      unplaced.push(line);
    } else if (line.trim() !== "" && last !== null) {
      last.text += `\n      ${line.trim()}`;
    }
  }
  check(unplaced.length === 0, `${label}: errors outside any file: ${unplaced.join("; ")}`);
  for (const [file, what] of positives) {
    const found = errors.get(file) ?? [];
    check(found.length === 0, `${label}: ${what} does not compile:\n    ${found.map((e) => e.text).join("\n    ")}`);
    errors.delete(file);
  }
  for (const [file, { what, codes }] of negatives) {
    const found = errors.get(file) ?? [];
    const ok = found.some((error) => codes.includes(error.code));
    check(ok, `${label}: ${what} should fail with ${codes.join(" or ")}, got: ${found.map((e) => e.text).join("; ") || "no error"}`);
    errors.delete(file);
  }
  for (const [file, found] of errors) {
    check(false, `${label}: errors in ${file}:\n    ${found.map((e) => e.text).join("\n    ")}`);
  }
  check(run.status === 0 ? negatives.size === 0 : true, `${label}: exit code ${run.status}`);
  if (failures() === failedBefore) {
    console.log(`${label}: ${positives.size} files compile, ${negatives.size} wrong payloads rejected as expected`);
  }
}

finish();
