#!/usr/bin/env node
// The `conflict-graph` command: runs the compiled entry point, which `npm install`
// builds (the `prepare` script) and `npm run build` rebuilds after a change.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/src/main.js", import.meta.url);
if (!existsSync(entry)) {
  console.error(`conflict-graph is not built yet: run \`npm run build\` in ${fileURLToPath(new URL("..", import.meta.url))}`);
  process.exit(2);
}
await import(entry.href);
