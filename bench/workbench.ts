/**
 * `npm run bench:workbench`: the workbench's figures against its targets, in
 * headless Chromium on this machine, each beside a reference measured in the
 * same run:
 *   - JavaScript shipped, gzipped, per page and in total (target 1.5 MB);
 *   - the IDE interactive after navigation (editor drawn and the schema
 *     loaded, so completion works), in a fresh browser context each run, so
 *     nothing is cached (target 2 s); reference: navigating to /health;
 *   - the explorer laying out and drawing a 500-node neighbourhood of a
 *     generated graph, as the page measures it from the API's answer to the
 *     frame drawn (target 1 s); reference: the same neighbourhood's GraphQL
 *     requests alone; and, with no target, navigation to that view drawn.
 * Prints a table; medians of --runs (default 5) after one warm-up run.
 *
 *   npm run bench:workbench [-- --runs N]
 */
import "reflect-metadata";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "puppeteer-core";
import { startApp } from "../src/app.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { createKnowledge } from "../src/service/knowledge.js";
import { KnowledgeService } from "../src/service/knowledge-service.js";
import { LIMITS } from "../src/service/limits.js";
import { buildWorkbench, currentBuild } from "../scripts/build-web.js";
import { CHROMIUM, INSTALL_HINT, launchBrowser } from "../tests/browser/browser.js";
import { generate } from "./generate.js";
import { percentile } from "./stats.js";

const { values } = parseArgs({ options: { runs: { type: "string" } } });
const RUNS = Number(values.runs ?? 5);
const TARGETS = { javascriptGzipMB: 1.5, ideInteractiveMs: 2_000, explorer500Ms: 1_000 };

if (!CHROMIUM) {
  console.error(INSTALL_HINT.replace("browser tests skipped", "nothing to measure"));
  process.exit(1);
}

const outDir = join(PACKAGE_ROOT, "dist", "web");
const manifest = currentBuild(outDir) ?? (await buildWorkbench(outDir));
const scripts = manifest.assets.filter((asset) => asset.file.endsWith(".js"));
const gzipMB = (bytes: number) => bytes / 1e6;
const perPage = Object.keys(manifest.pages).map((page) => ({
  page,
  gzip: scripts.filter((asset) => asset.file.startsWith(`assets/${page}-`)).reduce((sum, asset) => sum + asset.gzipBytes, 0),
}));
const totalGzip = scripts.reduce((sum, asset) => sum + asset.gzipBytes, 0);

/** Median of `RUNS` timings after one warm-up, each in a fresh browser context (empty cache and storage). */
async function medianOf(browser: Browser, run: (page: import("puppeteer-core").Page) => Promise<number>): Promise<{ median: number; p90: number }> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const time = await run(page);
    await context.close();
    if (i > 0) times.push(time);
  }
  return { median: percentile(times, 50), p90: percentile(times, 90) };
}

const app = await startApp({ port: 0, host: "127.0.0.1", logError: () => {} });
const browser = await launchBrowser();
const rows: Array<[string, string, string, string]> = [];
try {
  for (const { page, gzip } of perPage) rows.push([`JavaScript, ${page} page (gzip)`, `${gzipMB(gzip).toFixed(2)} MB`, "", ""]);
  rows.push(["JavaScript, all pages (gzip)", `${gzipMB(totalGzip).toFixed(2)} MB`, "", `≤ ${TARGETS.javascriptGzipMB} MB`]);

  const health = await medianOf(browser, async (page) => {
    const started = performance.now();
    await page.goto(`${app.origin}/health`);
    return performance.now() - started;
  });
  const ide = await medianOf(browser, async (page) => {
    const started = performance.now();
    const schema = page.waitForResponse((response) => response.url() === `${app.origin}/graphql` && (response.request().postData() ?? "").includes("__schema"));
    await page.goto(`${app.origin}/`);
    await Promise.all([schema, page.waitForSelector(".graphiql-query-editor .CodeMirror")]);
    return performance.now() - started;
  });
  rows.push(["IDE interactive after navigation", `${ide.median.toFixed(0)} ms (p90 ${ide.p90.toFixed(0)})`, `/health: ${health.median.toFixed(0)} ms`, `≤ ${TARGETS.ideInteractiveMs} ms`]);
} finally {
  await app.close();
}

// The explorer on a generated graph of 10k relations: a governments' hub, two hops, 500 entities.
const service = new KnowledgeService(createKnowledge(generate(10_000, 42).knowledgeBase), { traversalBudget: LIMITS.traversalBudget });
const HUB = { id: "government-0", depth: 2, limit: 500 };
const expected = service.neighborhood(HUB);
const generatedApp = await startApp({ service, port: 0, host: "127.0.0.1", logError: () => {} });
try {
  // The reference: the explorer's own two requests (entities, and the relations as node-link), in parallel.
  const queries = [
    "query($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { truncated nodes { depth entity { id name kind } } } }",
    "query($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { nodeLink(edgesKey: LINKS) } }",
  ];
  const request = await medianOf(browser, async (page) => {
    await page.goto(`${generatedApp.origin}/health`);
    return page.evaluate(async (bodies) => {
      const started = performance.now();
      const answers = await Promise.all(bodies.map((body) => fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body }).then((response) => response.json() as Promise<{ errors?: unknown }>)));
      if (answers.some((answer) => answer.errors)) throw new Error(`the reference request failed: ${JSON.stringify(answers.map((answer) => answer.errors))}`);
      return performance.now() - started;
    }, queries.map((query) => JSON.stringify({ query, variables: HUB })));
  });
  let navigationToDrawn: number[] = [];
  const explorer = await medianOf(browser, async (page) => {
    const started = performance.now();
    await page.goto(`${generatedApp.origin}/explorer?mode=neighborhood&id=${HUB.id}&depth=${HUB.depth}&limit=${HUB.limit}`);
    await page.waitForFunction(() => (window as unknown as { __explorer?: { lastRenderMs: number | null } }).__explorer?.lastRenderMs != null, { timeout: 30_000 });
    const drawn = await page.evaluate(() => (window as unknown as { __explorer: { graph: { order: number } } }).__explorer.graph.order);
    navigationToDrawn.push(performance.now() - started);
    if (drawn !== expected.nodes.length) throw new Error(`the explorer drew ${drawn} nodes; the API gives ${expected.nodes.length}`);
    return page.evaluate(() => (window as unknown as { __explorer: { lastRenderMs: number } }).__explorer.lastRenderMs);
  });
  rows.push([
    `Explorer: layout and draw, ${expected.nodes.length} nodes, ${expected.edges.length} edges`,
    `${explorer.median.toFixed(0)} ms (p90 ${explorer.p90.toFixed(0)})`,
    `its GraphQL requests: ${request.median.toFixed(0)} ms`,
    `≤ ${TARGETS.explorer500Ms} ms`,
  ]);
  navigationToDrawn = navigationToDrawn.slice(1);
  rows.push(["Explorer: navigation to that view drawn (page, WebGL, requests, layout, draw)", `${percentile(navigationToDrawn, 50).toFixed(0)} ms (p90 ${percentile(navigationToDrawn, 90).toFixed(0)})`, "", ""]);
} finally {
  await generatedApp.close();
  await browser.close();
}

const width = [0, 1, 2, 3].map((column) => Math.max(...[["figure", "measured", "reference", "target"], ...rows].map((row) => row[column]!.length)));
const line = (row: readonly string[]) => `| ${row.map((cell, column) => cell.padEnd(width[column]!)).join(" | ")} |`;
console.log(`Workbench, headless Chromium (${CHROMIUM}), medians of ${RUNS} runs after a warm-up`);
console.log(line(["figure", "measured", "reference", "target"]));
console.log(line(width.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
