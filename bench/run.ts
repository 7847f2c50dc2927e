/**
 * `npm run bench`: builds generated graphs of 1k, 10k, 100k and 1M relations
 * and prints, per size: build time and heap; p50/p99 of shortestPath,
 * neighborhood (depth 2) and entity search, in-process and over HTTP under
 * load; graphology-shortest-path's and networkx's shortest paths on the same
 * pairs (asserting equal lengths); and how each figure grows with size.
 *
 *   npm run bench                       all sizes
 *   npm run bench -- --sizes 1k,10k     some sizes
 *   npm run bench -- --quick            the smallest size, short runs (CI's smoke test)
 *
 * Sizes up to 100k go through the full validating loader (in memory); 1M uses
 * the direct builder, see README ("Benchmarks").
 */
import "reflect-metadata";
import { spawn, spawnSync } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import { toUndirected } from "graphology-operators";
import { loadService } from "../src/app.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { createKnowledge } from "../src/service/knowledge.js";
import type { Knowledge } from "../src/service/knowledge.js";
import type { KnowledgeBase } from "../src/loading/validate.js";
import { validateKnowledgeBase } from "../src/loading/validate.js";
import { KnowledgeService } from "../src/service/knowledge-service.js";
import { SearchIndex } from "../src/graph/search-index.js";
import { tableOf } from "../src/export/tables.js";
import { writeTable } from "../src/export/table-formats.js";
import { Writable } from "node:stream";
import { generate, random } from "./generate.js";
import { ms, percentile, timeEach } from "./stats.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    quick: { type: "boolean" },
    pairs: { type: "string" },
    duration: { type: "string" },
  },
});
const SIZE_NAMES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };
const sizes = (values.sizes ?? (values.quick ? "1k" : "1k,10k,100k,1m")).split(",").map((s) => {
  const n = SIZE_NAMES[s.trim().toLowerCase()];
  if (n === undefined) throw new Error(`unknown size "${s}"; use ${Object.keys(SIZE_NAMES).join(", ")}`);
  return n;
});
const PAIRS = Number(values.pairs ?? (values.quick ? 50 : 200));
const DURATION = Number(values.duration ?? (values.quick ? 1 : 8));
const VALIDATE_UP_TO = 100_000;
const SEQUENTIAL_WARMUP = values.quick ? 50 : 1_000;
const SEQUENTIAL_ROUNDS = values.quick ? 1 : 5;
/**
 * Alternating { __typename } and path runs on the bundled data; the ratio
 * reported is the median of the rounds'. Short rounds, many of them: this
 * machine's speed drifts by tens of percent over seconds, and a drift splits
 * a pair less when its two runs are close together.
 */
const THROUGHPUT_ROUNDS = values.quick ? 1 : 15;
const THROUGHPUT_ROUND_SECONDS = values.quick ? DURATION : 3;
const PYTHON = "/usr/bin/python3";
const hasNetworkx = spawnSync(PYTHON, ["-c", "import networkx"]).status === 0;

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

function load(kb: KnowledgeBase, size: number): Knowledge {
  if (size <= VALIDATE_UP_TO) {
    const result = validateKnowledgeBase(kb, "generated");
    if (!result.ok) throw new Error(`generated data failed validation: ${JSON.stringify(result.problems.slice(0, 3))}`);
    return createKnowledge(result.knowledgeBase);
  }
  return createKnowledge(kb);
}

interface Figures {
  [name: string]: number;
}

async function load_(url: string, bodies: readonly string[], connections: number, duration: number, { warmUp = true } = {}) {
  let next = 0;
  const run = (seconds: number) =>
    autocannon({
      url,
      method: "POST",
      headers: { "content-type": "application/json" },
      connections,
      duration: seconds,
      requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    });
  if (warmUp) await run(Math.min(2, duration)); // JIT and caches, not measured
  const result = await run(duration);
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`load test saw ${result.errors} errors and ${result.non2xx} non-2xx responses`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

/** A server over the same generated graph (size 0: the bundled data) in a child process, so it has a core of its own. */
async function childServer(size: number) {
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, "dist", "bench", "serve-generated.js"), String(size), "42"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.on("exit", (code) => reject(new Error(`benchmark server exited ${code}: ${output}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL endpoint: (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Sequential requests over one keep-alive connection, timed one by one
 * (sub-millisecond, unlike autocannon). The server is warmed up first with
 * SEQUENTIAL_WARMUP requests, so its hot paths are compiled, and every body is
 * sent SEQUENTIAL_ROUNDS times, so one slow moment weighs little in the p50.
 */
async function sequentialLatency(url: string, bodies: readonly string[]): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  const send = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  for (let i = 0; i < SEQUENTIAL_WARMUP; i++) await send(bodies[i % bodies.length]!);
  const times: number[] = [];
  for (let round = 0; round < SEQUENTIAL_ROUNDS; round++) {
    for (const body of bodies) {
      const start = process.hrtime.bigint();
      await send(body);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  agent.destroy();
  return times;
}

const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const PATH_QUERY = "query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length steps { relation { id } } } }";
const NEIGHBORHOOD_QUERY = "query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { truncated nodes { depth entity { id } } } }";
const SEARCH_QUERY = "query($s: String!) { entities(search: $s, first: 10) { totalCount nodes { id } } }";

/**
 * The events table streamed as CSV and as Parquet into a sink that only
 * counts bytes: once timed, once with the live heap (after a full
 * collection) sampled every 256 chunks (every row group for Parquet). How far
 * it rises above its level before the export is the export's working memory,
 * which should not grow with the number of rows. Without --expose-gc the
 * figures include garbage not yet collected.
 */
async function streamedExport(service: KnowledgeService): Promise<Figures> {
  const figures: Figures = {};
  const exportTo = async (format: "csv" | "parquet", onChunk: (chunk: Buffer) => void) => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        onChunk(chunk);
        done();
      },
    });
    await writeTable(tableOf(service, "events"), format, sink);
  };
  for (const format of ["csv", "parquet"] as const) {
    let bytes = 0;
    const start = performance.now();
    await exportTo(format, (chunk) => (bytes += chunk.length));
    figures[`export ${format} ms`] = performance.now() - start;
    figures[`export ${format} size MB`] = bytes / 2 ** 20;
    // A second run samples the live heap, which collections slow down.
    const sampleEvery = format === "parquet" ? 1 : 256;
    let chunks = 0;
    gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    await exportTo(format, () => {
      if (chunks++ % sampleEvery !== 0) return;
      gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    });
    figures[`export ${format} MB`] = (peak - base) / 2 ** 20;
  }
  figures["export rows"] = [...service.eventsMatching()].length;
  return figures;
}

/** Time to the first byte of output of `conflict-graph path KH Biden` on the bundled data, in a fresh process each time (median of CLI_RUNS). */
async function cliStart(): Promise<{ median: number; times: number[] }> {
  const CLI_RUNS = 10;
  const times: number[] = [];
  for (let run = 0; run < CLI_RUNS; run++) {
    const start = performance.now();
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, "bin", "conflict-graph.mjs"), "path", "KH", "Biden"], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once("data", () => {
        times.push(performance.now() - start);
        resolve();
      });
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`conflict-graph exited ${code}`))));
    });
    await new Promise((resolve) => child.once("close", resolve));
  }
  return { median: percentile(times, 50), times };
}

async function benchSize(size: number): Promise<Figures> {
  const figures: Figures = {};
  const { knowledgeBase, names } = generate(size, 42);
  const before = heapMB();
  let start = performance.now();
  const knowledge = load(knowledgeBase, size);
  figures["build ms"] = performance.now() - start;
  figures["heap MB"] = heapMB() - before;
  const service = new KnowledgeService(knowledge);
  const { graph } = knowledge;
  figures["entities"] = graph.order;
  figures["relations"] = graph.size;

  // Random reachable pairs, the same for every implementation.
  const rand = random(7);
  const nodes = graph.nodes();
  const pairs: Array<[string, string]> = [];
  for (let attempts = 0; pairs.length < PAIRS && attempts < PAIRS * 20; attempts++) {
    const a = nodes[Math.floor(rand() * nodes.length)]!;
    const b = nodes[Math.floor(rand() * nodes.length)]!;
    if (a !== b && service.shortestPath({ from: a, to: b }) !== null) pairs.push([a, b]);
  }
  const ours = pairs.map(([a, b]) => service.shortestPath({ from: a, to: b })!.length);
  const pathTimes = timeEach(pairs, ([a, b]) => service.shortestPath({ from: a, to: b }));
  figures["path p50"] = percentile(pathTimes, 50);
  figures["path p99"] = percentile(pathTimes, 99);

  const starts = pairs.map(([a]) => a);
  const hoodTimes = timeEach(starts, (id) => service.neighborhood({ id, depth: 2, limit: 100 }));
  figures["hood p50"] = percentile(hoodTimes, 50);
  figures["hood p99"] = percentile(hoodTimes, 99);
  const queries = pairs.map((_, i) => names[Math.floor(random(i)() * names.length)]!.slice(0, 3 + (i % 4)));
  const searchTimes = timeEach(queries, (q) => service.entities({ search: q, first: 10 }));
  figures["search p50"] = percentile(searchTimes, 50);
  figures["search p99"] = percentile(searchTimes, 99);
  start = performance.now();
  new SearchIndex(graph);
  figures["search index ms"] = performance.now() - start;
  Object.assign(figures, await streamedExport(service));

  // graphology-shortest-path's bidirectional BFS on an undirected copy (paths ignore direction).
  const undirected = toUndirected(graph);
  const graphologyTimes = timeEach(pairs, ([a, b]) => bidirectional(undirected, a, b));
  pairs.forEach(([a, b], i) => {
    const length = bidirectional(undirected, a, b)!.length - 1;
    if (length !== ours[i]) throw new Error(`graphology finds length ${length} from ${a} to ${b}, we find ${ours[i]}`);
  });
  figures["graphology p50"] = percentile(graphologyTimes, 50);
  figures["graphology p99"] = percentile(graphologyTimes, 99);

  if (hasNetworkx) {
    const dir = mkdtempSync(join(tmpdir(), "bench-"));
    const index = new Map(nodes.map((n, i) => [n, i]));
    writeFileSync(join(dir, "edges.txt"), graph.mapEdges((_e, _a, s, t) => `${index.get(s)} ${index.get(t)}`).join("\n"));
    writeFileSync(join(dir, "pairs.txt"), pairs.map(([a, b]) => `${index.get(a)} ${index.get(b)}`).join("\n"));
    const run = spawnSync(PYTHON, [join(PACKAGE_ROOT, "bench", "networkx_paths.py"), join(dir, "edges.txt"), join(dir, "pairs.txt")], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`networkx benchmark failed: ${run.stderr}`);
    const nx = JSON.parse(run.stdout) as { lengths: number[]; times_ms: number[] };
    nx.lengths.forEach((length, i) => {
      if (length !== ours[i]) throw new Error(`networkx finds length ${length} for pair ${i}, we find ${ours[i]}`);
    });
    figures["networkx p50"] = percentile(nx.times_ms, 50);
    figures["networkx p99"] = percentile(nx.times_ms, 99);
  }

  // Over HTTP, against a server in its own process: one connection for latency, then ten for throughput.
  const app = await childServer(size);
  try {
    const pathBodies = pairs.map(([from, to]) => gql(PATH_QUERY, { from, to }));
    const single = await sequentialLatency(app.url, pathBodies);
    figures["http path p50"] = percentile(single, 50);
    figures["http adds p50"] = figures["http path p50"] - figures["path p50"]!;
    const path = await load_(app.url, pathBodies, 10, DURATION);
    Object.assign(figures, { "http path p99": path.p99, "http path rps": path.rps });
    const hood = await load_(app.url, starts.map((id) => gql(NEIGHBORHOOD_QUERY, { id })), 10, DURATION);
    Object.assign(figures, { "http hood p50": hood.p50, "http hood p99": hood.p99, "http hood rps": hood.rps });
    const search = await load_(app.url, queries.map((s) => gql(SEARCH_QUERY, { s })), 10, DURATION);
    Object.assign(figures, { "http search p50": search.p50, "http search p99": search.p99, "http search rps": search.rps });
  } finally {
    await app.close();
  }
  return figures;
}

/**
 * Path-query throughput against `{ __typename }` on the bundled data, on one
 * server. After one warm-up each, the two alternate for THROUGHPUT_ROUNDS
 * rounds, so a drift in the machine's speed touches both alike; the ratio is
 * the median of the rounds'.
 */
async function bundledThroughput() {
  const app = await childServer(0);
  try {
    const ids = loadService().allEntities().map((e) => e.id);
    const rand = random(3);
    const bodies = Array.from({ length: 200 }, () => gql(PATH_QUERY, { from: ids[Math.floor(rand() * ids.length)], to: ids[Math.floor(rand() * ids.length)] }));
    const typenameBody = [JSON.stringify({ query: "{ __typename }" })];
    const rounds: Array<{ typename: number; path: number; ratio: number }> = [];
    for (const warmUp of [typenameBody, bodies]) await load_(app.url, warmUp, 10, 2, { warmUp: false });
    for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
      const typename = (await load_(app.url, typenameBody, 10, THROUGHPUT_ROUND_SECONDS, { warmUp: false })).rps;
      const path = (await load_(app.url, bodies, 10, THROUGHPUT_ROUND_SECONDS, { warmUp: false })).rps;
      rounds.push({ typename, path, ratio: path / typename });
    }
    rounds.sort((a, b) => a.ratio - b.ratio);
    return { median: rounds[Math.floor(rounds.length / 2)]!, lowest: rounds[0]!.ratio, highest: rounds.at(-1)!.ratio, rounds: rounds.length };
  } finally {
    await app.close();
  }
}

const ROWS: Array<[string, string]> = [
  ["entities", "entities"],
  ["relations", "relations"],
  ["build ms", "build (ms)"],
  ["heap MB", "heap (MB)"],
  ["path p50", "shortestPath p50 (ms)"],
  ["path p99", "shortestPath p99 (ms)"],
  ["graphology p50", "graphology bidirectional p50 (ms)"],
  ["graphology p99", "graphology bidirectional p99 (ms)"],
  ["networkx p50", "networkx bidirectional p50 (ms)"],
  ["networkx p99", "networkx bidirectional p99 (ms)"],
  ["hood p50", "neighborhood(depth 2, limit 100) p50 (ms)"],
  ["hood p99", "neighborhood(depth 2, limit 100) p99 (ms)"],
  ["search p50", "entities(search) p50 (ms)"],
  ["search p99", "entities(search) p99 (ms)"],
  ["search index ms", "search index build (ms)"],
  ["export rows", "events table rows"],
  ["export csv ms", "events CSV export (ms)"],
  ["export csv MB", "events CSV export, live heap above its start (MB)"],
  ["export csv size MB", "events CSV size (MB)"],
  ["export parquet ms", "events Parquet export (ms)"],
  ["export parquet MB", "events Parquet export, live heap above its start (MB)"],
  ["export parquet size MB", "events Parquet size (MB)"],
  ["http path p50", "HTTP shortestPath p50, 1 connection (ms)"],
  ["http adds p50", "HTTP + GraphQL overhead at p50 (ms)"],
  ["http path p99", "HTTP shortestPath p99, 10 connections (ms)"],
  ["http path rps", "HTTP shortestPath requests/s"],
  ["http hood p50", "HTTP neighborhood p50 (ms)"],
  ["http hood p99", "HTTP neighborhood p99 (ms)"],
  ["http hood rps", "HTTP neighborhood requests/s"],
  ["http search p50", "HTTP search p50 (ms)"],
  ["http search p99", "HTTP search p99 (ms)"],
  ["http search rps", "HTTP search requests/s"],
];

const results: Array<{ size: number; figures: Figures }> = [];
console.log(`Benchmark on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${gc ? "" : " (run with --expose-gc for exact heap figures)"}`);
console.log(`${PAIRS} random reachable pairs per size; HTTP runs ${DURATION} s each${hasNetworkx ? "" : `; networkx column skipped: ${PYTHON} has no networkx (apt-get install python3-networkx)`}.`);
// First, while this process (autocannon's) holds no generated graph.
process.stderr.write("bundled data...\n");
const bundled = await bundledThroughput();
process.stderr.write("command line start...\n");
const cli = await cliStart();
for (const size of sizes) {
  process.stderr.write(`size ${size}...\n`);
  results.push({ size, figures: await benchSize(size) });
}

const header = ["", ...results.map((r) => `${r.size.toLocaleString("en")} relations`)];
const lines = [`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`];
for (const [key, title] of ROWS) {
  if (results.every((r) => r.figures[key] === undefined)) continue;
  const cells = results.map((r, i) => {
    const value = r.figures[key];
    if (value === undefined) return "–";
    const previous = results[i - 1]?.figures[key];
    const growth = previous && i > 0 && !key.startsWith("http adds") ? ` (×${(value / previous).toFixed(1)})` : "";
    return `${key.endsWith("rps") || key === "entities" || key === "relations" ? Math.round(value).toLocaleString("en") : ms(value)}${growth}`;
  });
  lines.push(`| ${title} | ${cells.join(" | ")} |`);
}
console.log(`\n${lines.join("\n")}\n\n(×N: growth from the previous size.)`);
const { median, lowest, highest, rounds } = bundled;
console.log(
  `\nBundled data, 10 connections: shortestPath ${Math.round(median.path)} requests/s vs { __typename } ${Math.round(median.typename)} requests/s = ${(100 * median.ratio).toFixed(0)}%` +
    (rounds > 1 ? ` (median of ${rounds} alternating rounds; lowest ${(100 * lowest).toFixed(0)}%, highest ${(100 * highest).toFixed(0)}%).` : "."),
);
console.log(`Command line, bundled data: \`conflict-graph path KH Biden\` prints its first output after ${ms(cli.median)} ms (median of ${cli.times.length} fresh processes; fastest ${ms(Math.min(...cli.times))}, slowest ${ms(Math.max(...cli.times))}).`);
