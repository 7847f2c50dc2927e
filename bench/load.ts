/**
 * `npm run load`: a bounded load test on loopback. Starts the server (compiled,
 * on the bundled data) as a child process, warms it up, then drives it at
 * saturation with a mix of path, neighbourhood and search queries (autocannon)
 * and checks: zero errors, zero non-2xx answers, and resident memory at the end
 * within 10% of what it was after warm-up. Exits 1 when a check fails.
 *
 * Resident memory rises and falls by tens of megabytes with each major garbage
 * collection (every 3 s or so at saturation), so one reading, or a window
 * shorter than a cycle, measures where the collector happened to be. The
 * server's RSS is sampled every 100 ms; "after warm-up" is the median over the
 * warm-up's last 5 s and "at the end" the median over the run's last 5 s.
 *
 *   npm run load                                  30 s after a 10 s warm-up
 *   npm run load -- --duration 10 --warmup 10     the short run CI makes
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { random } from "./generate.js";

const { values } = parseArgs({ options: { duration: { type: "string" }, warmup: { type: "string" }, connections: { type: "string" } } });
const DURATION = positive("duration", values.duration ?? "30");
const WARMUP = positive("warmup", values.warmup ?? "10");
const CONNECTIONS = positive("connections", values.connections ?? "16");

function positive(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${option} must be a whole number of at least 1, got "${text}"`);
    process.exit(2);
  }
  return value;
}
const MAX_RSS_GROWTH = 0.1;
const RSS_SAMPLE_MS = 100;
const RSS_WINDOW_S = 5;

const main = fileURLToPath(new URL("../src/main.js", import.meta.url));
const server = spawn(process.execPath, [main, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
const origin = await new Promise<string>((resolve, reject) => {
  let output = "";
  // Never leave the server behind: a run that fails to start it stops it.
  const timer = setTimeout(() => {
    server.kill("SIGKILL");
    reject(new Error(`server printed no URL: ${output}`));
  }, 20_000);
  server.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    const match = /GraphQL endpoint:\s+(http:\/\/\S+)\/graphql/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]!);
    }
  });
});

const rssMB = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
};

/** Samples the server's RSS while `work` runs; resolves to the median of the last `RSS_WINDOW_S` seconds. */
async function medianRssDuring<T>(work: Promise<T>): Promise<[T, number]> {
  const samples: Array<{ at: number; mb: number }> = [];
  const timer = setInterval(() => samples.push({ at: Date.now(), mb: rssMB() }), RSS_SAMPLE_MS);
  const result = await work;
  clearInterval(timer);
  samples.push({ at: Date.now(), mb: rssMB() });
  const since = Date.now() - RSS_WINDOW_S * 1000;
  const window = samples.filter((s) => s.at >= since).map((s) => s.mb).sort((a, b) => a - b);
  return [result, window[Math.floor(window.length / 2)]!];
}

// A mix of the three query families over the bundled entities.
const list = (await (
  await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ entities(first: 100) { nodes { id name } } e2: entities(first: 100, after: \"cG9zOjk5\") { nodes { id name } } }" }),
  })
).json()) as { data: { entities: { nodes: Array<{ id: string; name: string }> }; e2: { nodes: Array<{ id: string; name: string }> } } };
const entities = [...list.data.entities.nodes, ...list.data.e2.nodes];
const rand = random(11);
const pick = () => entities[Math.floor(rand() * entities.length)]!;
const bodies = Array.from({ length: 300 }, (_, i) => {
  if (i % 3 === 0) {
    return { query: "query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length steps { relation { id type } to { id } } } }", variables: { from: pick().id, to: pick().id } };
  }
  if (i % 3 === 1) {
    return { query: "query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { truncated nodes { depth entity { id name } } edges { id } } }", variables: { id: pick().id } };
  }
  return { query: "query($s: String!) { entities(search: $s, first: 10) { totalCount nodes { id } } }", variables: { s: pick().name.slice(0, 4) } };
}).map((b) => JSON.stringify(b));

async function drive(seconds: number) {
  let next = 0;
  return autocannon({
    url: `${origin}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
}

let failed = false;
try {
  const [warm, rssWarm] = await medianRssDuring(drive(WARMUP));
  const [run, rssEnd] = await medianRssDuring(drive(DURATION));
  const growth = rssEnd / rssWarm - 1;
  const checks: Array<[string, boolean]> = [
    [`errors: ${run.errors + warm.errors}`, run.errors + warm.errors === 0],
    [`non-2xx: ${run.non2xx + warm.non2xx}`, run.non2xx + warm.non2xx === 0],
    [`resident memory (median of the last ${RSS_WINDOW_S} s): ${rssWarm.toFixed(0)} MB after warm-up, ${rssEnd.toFixed(0)} MB at the end (${(100 * growth).toFixed(1)}%, limit ${100 * MAX_RSS_GROWTH}%)`, growth <= MAX_RSS_GROWTH],
  ];
  console.log(`Load: ${DURATION} s at ${CONNECTIONS} connections after a ${WARMUP} s warm-up; path, neighbourhood and search queries in equal parts.`);
  console.log(`  requests: ${run.requests.total} (${Math.round(run.requests.average)}/s), latency p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, max ${run.latency.max} ms`);
  for (const [text, ok] of checks) {
    console.log(`  ${ok ? "ok  " : "FAIL"} ${text}`);
    failed ||= !ok;
  }
} finally {
  server.kill("SIGTERM");
  const code = await exited;
  if (code !== 0) {
    console.log(`  FAIL server exited ${code} on SIGTERM`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
