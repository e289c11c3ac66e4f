// The packed tarball holds exactly what the package README promises ("What is in it"), and
// every example of the manifest.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { env, manifest } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const installed = dirname(require.resolve("zapi-webhooks/package.json"));

/** The lines of the first ```text block after `heading`, as patterns: `<x>` is one segment. */
function promised(readme, heading) {
  const at = readme.indexOf(heading);
  assert.notEqual(at, -1, `the README has no "${heading}"`);
  const block = /```text\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(block, `no text block under "${heading}"`);
  return block[1]
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => ({ line, pattern: new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/<[a-z]+>/g, "[^/]+")}$`) }));
}

test("the tarball holds exactly the files the README lists", () => {
  const listing = execFileSync("tar", ["-tzf", env("ZAPI_TARBALL")], { encoding: "utf8" });
  const files = listing.split("\n").filter((line) => line !== "" && !line.endsWith("/"));
  assert.ok(files.every((file) => file.startsWith("package/")), "every entry is under package/");
  const paths = files.map((file) => file.slice("package/".length));
  const readme = readFileSync(join(installed, "README.md"), "utf8");
  const patterns = promised(readme, "## What is in it");
  for (const path of paths) {
    const matching = patterns.filter(({ pattern }) => pattern.test(path));
    assert.equal(matching.length, 1, `${path} matches ${matching.length} lines of the README's list`);
  }
  for (const { line, pattern } of patterns) {
    assert.ok(paths.some((path) => pattern.test(path)), `the README lists ${line}, the tarball has none`);
  }
  const examples = paths.filter((path) => path.startsWith("examples/") && path !== "examples/manifest.json");
  assert.deepEqual(examples.sort(), manifest.examples.map((e) => `examples/${e.path}`).sort());
  assert.equal(examples.length, Number(env("ZAPI_EXAMPLES")));
  assert.ok(!paths.some((path) => /(^|\/)(test|tests|node_modules|src)\//.test(path)), "no test or source folder");
});

test("the package has no runtime dependency", () => {
  const packageJson = require("zapi-webhooks/package.json");
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
    assert.equal(packageJson[field], undefined, field);
  }
  assert.equal(packageJson.license, "MIT OR Apache-2.0");
});
