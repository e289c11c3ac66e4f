#!/usr/bin/env node
// Side-by-side table of the Rust `validate` bench (divan output) and `bench.js` (ajv output).
//
//   node compare.js RUST_OUTPUT_FILE AJV_OUTPUT_FILE
//
// Reads, for each flavour, divan's fastest and median time per pass over the corpus (one pass =
// every fixture validated once) and the payload count from the `validate <flavour>: V/N` line,
// and ajv's `RESULT` lines; prints payloads/s and the Rust/ajv ratio. Exits non-zero when the
// two disagree on how many fixtures are valid (then they did not validate against the same
// schemas) or when a number is missing.

"use strict";

const fs = require("fs");

const UNITS = { ps: 1e-12, ns: 1e-9, "µs": 1e-6, us: 1e-6, ms: 1e-3, s: 1 };

function seconds(text) {
  const match = text.trim().match(/^([0-9.]+)\s*(ps|ns|µs|us|ms|s)$/);
  if (!match) throw new Error(`not a divan time: "${text.trim()}"`);
  return Number(match[1]) * UNITS[match[2]];
}

function parseRust(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const counts = line.match(/^validate (\w+): (\d+)\/(\d+) fixtures valid/);
    if (counts) {
      out[counts[1]] = { ...out[counts[1]], valid: `${counts[2]}/${counts[3]}`, payloads: Number(counts[3]) };
      continue;
    }
    // `├─ permissive  11.2 µs  │ 20 µs  │ 12 µs  │ 12.3 µs  │ 100  │ 100`
    const row = line.match(/^[├╰]─ (\w+)\s+(.*)$/);
    if (row) {
      const columns = row[2].split("│");
      if (columns.length < 4) continue;
      out[row[1]] = { ...out[row[1]], fastest: seconds(columns[0]), median: seconds(columns[2]) };
    }
  }
  return out;
}

function parseAjv(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const match = line.match(/^RESULT ajv (\w+) median_payloads_per_s=(\d+) fastest_payloads_per_s=(\d+) valid=(\S+)/);
    if (match) out[match[1]] = { median: Number(match[2]), fastest: Number(match[3]), valid: match[4] };
  }
  return out;
}

function rate(perSecond) {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(3)} M/s`;
  return `${(perSecond / 1e3).toFixed(1)} K/s`;
}

function main() {
  const [rustFile, ajvFile] = process.argv.slice(2);
  if (!rustFile || !ajvFile) throw new Error("usage: node compare.js RUST_OUTPUT_FILE AJV_OUTPUT_FILE");
  const rust = parseRust(fs.readFileSync(rustFile, "utf8"));
  const ajv = parseAjv(fs.readFileSync(ajvFile, "utf8"));
  let ok = true;
  console.log("payloads/s over the fixture corpus (median pass; fastest pass in brackets)");
  console.log(`${"flavour".padEnd(11)}${"Rust jsonschema".padStart(28)}${"ajv".padStart(28)}${"Rust/ajv".padStart(20)}`);
  for (const flavour of ["permissive", "strict"]) {
    const r = rust[flavour];
    const a = ajv[flavour];
    if (!r || r.median === undefined || r.payloads === undefined || !a) {
      console.log(`${flavour}: missing numbers (Rust: ${JSON.stringify(r)}, ajv: ${JSON.stringify(a)})`);
      ok = false;
      continue;
    }
    const rustMedian = r.payloads / r.median;
    const rustFastest = r.payloads / r.fastest;
    const cell = (median, fastest) => `${rate(median)} [${rate(fastest)}]`;
    console.log(
      `${flavour.padEnd(11)}${cell(rustMedian, rustFastest).padStart(28)}${cell(a.median, a.fastest).padStart(28)}` +
        `${`${(rustMedian / a.median).toFixed(2)}x [${(rustFastest / a.fastest).toFixed(2)}x]`.padStart(20)}`,
    );
    if (r.valid !== a.valid) {
      console.log(`  ${flavour}: Rust finds ${r.valid} fixtures valid, ajv ${a.valid}: not the same schema or a validator disagreement`);
      ok = false;
    }
  }
  if (!ok) process.exit(1);
}

main();
