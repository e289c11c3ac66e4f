#!/usr/bin/env node
// Validates the fixture corpus with ajv (draft 2020-12) against the union schemas, the
// counterpart of `cargo bench -p zapi-webhooks --bench validate`.
//
//   node bench.js [--schemas DIR] [--fixtures DIR] [--time SECONDS] [--warmup SECONDS]
//
// DIR for --schemas holds `callback.schema.json` (permissive) and `strict/callback.schema.json`,
// the layout of the repository's `schemas/` (the default). Each schema is compiled once; then
// passes over every fixture (one pass = each payload validated once, like one divan iteration)
// are timed for --time seconds after --warmup seconds of JIT warm-up. Prints, per flavour, the
// median and fastest pass as payloads/s, plus a `RESULT` line for scripts.

"use strict";

const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const ajvVersion = require("ajv/package.json").version;

// Folder order of the Rust benches (`CallbackType::ALL`).
const FAMILIES = ["received", "delivery", "message_status", "presence_chat", "connected", "disconnected"];

function parseArgs(argv) {
  const repo = path.resolve(__dirname, "../../../..");
  const options = {
    schemas: path.join(repo, "schemas"),
    fixtures: path.join(repo, "fixtures"),
    time: 3,
    warmup: 1,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value after ${flag}`);
    switch (flag) {
      case "--schemas": options.schemas = path.resolve(value); break;
      case "--fixtures": options.fixtures = path.resolve(value); break;
      case "--time": options.time = Number(value); break;
      case "--warmup": options.warmup = Number(value); break;
      default: throw new Error(`unknown argument ${flag}`);
    }
    i += 1;
  }
  return options;
}

function loadFixtures(dir) {
  const payloads = [];
  for (const family of FAMILIES) {
    const folder = path.join(dir, family);
    const files = fs.readdirSync(folder).filter((name) => name.endsWith(".json")).sort();
    for (const name of files) {
      payloads.push({ path: `${family}/${name}`, value: JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) });
    }
  }
  if (payloads.length === 0) throw new Error(`no fixtures under ${dir}`);
  return payloads;
}

function compile(file) {
  const schema = JSON.parse(fs.readFileSync(file, "utf8"));
  // strict: true turns every strict-mode warning (unknown keyword or format, ambiguous types)
  // into a compile error: the schemas use standard 2020-12 keywords only, so they must pass.
  // The one relaxation, allowUnionTypes, is ajv's own style rule, not a standard one: strict
  // mode rejects the array form of `type` (`"type": ["string", "null"]`, valid 2020-12 that
  // schemars writes for every nullable field) unless it is allowed explicitly.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: false });
  return ajv.compile(schema);
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function formatRate(perSecond) {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(3)} Mitem/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(3)} Kitem/s`;
  return `${perSecond.toFixed(1)} item/s`;
}

function bench(validate, values, options) {
  let sink = 0;
  const pass = () => {
    let valid = 0;
    for (let i = 0; i < values.length; i += 1) {
      if (validate(values[i])) valid += 1;
    }
    return valid;
  };
  const warmupEnd = process.hrtime.bigint() + BigInt(Math.round(options.warmup * 1e9));
  while (process.hrtime.bigint() < warmupEnd) sink += pass();

  const passNanos = [];
  const end = process.hrtime.bigint() + BigInt(Math.round(options.time * 1e9));
  for (;;) {
    const start = process.hrtime.bigint();
    sink += pass();
    const stop = process.hrtime.bigint();
    passNanos.push(Number(stop - start));
    if (stop >= end) break;
  }
  passNanos.sort((a, b) => a - b);
  return { passes: passNanos.length, medianNanos: median(passNanos), fastestNanos: passNanos[0], sink };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const payloads = loadFixtures(options.fixtures);
  const values = payloads.map((payload) => payload.value);
  console.log(`ajv ${ajvVersion} (Ajv2020, strict: true, allowUnionTypes: true), node ${process.version}, ${values.length} fixtures, schemas from ${options.schemas}`);

  const flavours = [
    ["permissive", path.join(options.schemas, "callback.schema.json")],
    ["strict", path.join(options.schemas, "strict", "callback.schema.json")],
  ];
  for (const [name, file] of flavours) {
    const validate = compile(file);
    const valid = values.filter((value) => validate(value)).length;
    console.log(`validate ${name}: ${valid}/${values.length} fixtures valid (schema callback.schema.json)`);
    const result = bench(validate, values, options);
    const median = (values.length * 1e9) / result.medianNanos;
    const fastest = (values.length * 1e9) / result.fastestNanos;
    console.log(
      `ajv ${name.padEnd(10)} median ${formatRate(median).padStart(16)} (${(result.medianNanos / 1e3).toFixed(2)} µs/pass)` +
        `   fastest ${formatRate(fastest).padStart(16)} (${(result.fastestNanos / 1e3).toFixed(2)} µs/pass)   ${result.passes} passes`,
    );
    console.log(`RESULT ajv ${name} median_payloads_per_s=${median.toFixed(0)} fastest_payloads_per_s=${fastest.toFixed(0)} valid=${valid}/${values.length}`);
  }
}

main();
