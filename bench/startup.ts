/**
 * Start-up on the bundled data, in a fresh process: the time from the first
 * line of this script to a server listening (data read and validated, graph,
 * traversal index, geography and schema built), and the heap in use after a
 * full collection. Prints one JSON line. `npm run bench:startup` runs it;
 * compare two versions by running each checkout's copy in turn (see
 * docs/performance.md).
 *
 *   node --expose-gc dist/bench/startup.js
 */
import "reflect-metadata";
import { performance } from "node:perf_hooks";

const started = performance.now();
const { startApp } = await import("../src/app.js");
const app = await startApp({ port: 0, host: "127.0.0.1", logError: () => {} });
const listeningMs = performance.now() - started;
globalThis.gc?.();
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
await app.close();
console.log(JSON.stringify({ listeningMs: Math.round(listeningMs), heapMB: Number(heapMB.toFixed(1)), gc: typeof globalThis.gc === "function" }));
