// What every Node check here shares: the workspace root (the first argument, else the folder
// above checks/), JSON reading, and a tally of checks that ends the process with its outcome.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The workspace root, absolute. */
export const root = resolve(process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url)));

/** The JSON file at `path`, parsed. */
export const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/**
 * A tally named `name`: `check(ok, what)` counts one check and prints `FAIL what` on standard
 * error when `ok` is false; `failures()` is the count so far; `finish()` prints the summary and
 * exits, with status 1 when anything failed.
 */
export function tally(name) {
  let passed = 0;
  let failed = 0;
  return {
    check(ok, what) {
      if (ok) passed++;
      else {
        failed++;
        console.error(`FAIL ${what}`);
      }
    },
    failures: () => failed,
    finish() {
      console.log(`${name}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}
