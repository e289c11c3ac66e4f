// Writes src/readme-handler.ts from the first ```ts block of the installed package's README,
// so that tsc compiles (and the tests run) exactly what the README shows.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const readme = readFileSync(join(dirname(require.resolve("zapi-webhooks/package.json")), "README.md"), "utf8");
const block = /```ts\n([\s\S]*?)```/.exec(readme);
if (block === null) {
  console.error("FAIL the package README has no ```ts block");
  process.exit(1);
}
mkdirSync("src", { recursive: true });
writeFileSync("src/readme-handler.ts", `// From the package README.\n${block[1]}`);
console.log(`src/readme-handler.ts: ${block[1].split("\n").length} lines from the README`);
