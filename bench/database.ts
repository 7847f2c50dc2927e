/**
 * `npm run bench:database`: shortest paths answered from PostgreSQL. For each
 * size (generated relations, bench/generate.ts, seed 42) it starts from an
 * empty database of its own PostgreSQL (tests/support/postgres.ts), times
 * the load (migrate, then `db import`'s importDataSet; then VACUUM ANALYZE,
 * timed apart), and on the same seeded random reachable pairs times:
 *
 * - memory: `shortestPath` on the in-memory traversal index (src/traversal),
 *   built from the same knowledge base as the server builds it;
 * - push-down: `shortestPath` from src/database/traversal (one indexed query
 *   per hop), without a budget and with the server's (LIMITS.traversalBudget);
 * - CTE: the recursive CTE a PostGraphile or Hasura user writes (see CTE),
 *   with a statement_timeout, on the first --cte-pairs pairs; also its
 *   variant that stops at the first row instead of ordering by depth.
 *
 * Speed-ups compare p50s over the CTE's pairs. Every push-down path must
 * equal memory's, and every path length found by a CTE memory's: the run
 * prints each mismatch and exits 1.
 *
 *   npm run bench:database                                   100,000 and 1,000,000 relations, 200 pairs
 *   npm run bench:database -- --sizes 100000 --pairs 50
 *   npm run bench:database -- --quick                        10,000 relations, 30 pairs (a smoke run)
 *
 * Flags: --sizes, --pairs (200), --cte-pairs (50), --cte-timeout seconds (30), --quick.
 */
import { isDeepStrictEqual, parseArgs } from "node:util";
import type pg from "pg";
import { openClient } from "../src/database/connection.js";
import { dataSetOfKnowledgeBase } from "../src/database/data-directory.js";
import { importDataSet } from "../src/database/import-export.js";
import { migrate } from "../src/database/migrate.js";
import { rowsOf } from "../src/database/store.js";
import * as pushdown from "../src/database/traversal/index.js";
import type { Queryable } from "../src/database/traversal/index.js";
import { buildGraph } from "../src/graph/build.js";
import { LIMITS } from "../src/service/limits.js";
import { buildTraversalIndex, shortestPath, type Path } from "../src/traversal/index.js";
import { startPostgres } from "../tests/support/postgres.js";
import { generate, random } from "./generate.js";
import { ms, percentile, timeEach } from "./stats.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100000,1000000" },
    pairs: { type: "string", default: "200" },
    "cte-pairs": { type: "string", default: "50" },
    "cte-timeout": { type: "string", default: "30" },
    quick: { type: "boolean", default: false },
  },
});
const positive = (option: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${option} must be a whole number of at least 1, got "${text}"`);
    process.exit(2);
  }
  return value;
};
const SIZES = values.quick ? [10_000] : values.sizes.split(",").map((size) => positive("sizes", size));
const PAIRS = values.quick ? 30 : positive("pairs", values.pairs);
const CTE_PAIRS = Math.min(PAIRS, values.quick ? 10 : positive("cte-pairs", values["cte-pairs"]));
const CTE_TIMEOUT_S = positive("cte-timeout", values["cte-timeout"]);

/**
 * Server settings for a read-mostly benchmark on one machine: the table and
 * its indexes fit in shared_buffers; random reads cost about what sequential
 * ones do (everything is cached); JIT off, since compiling a plan costs
 * hundreds of milliseconds and these are short queries; larger WAL between
 * checkpoints for the load. Durability stays off, as the harness has it.
 */
const SETTINGS = {
  shared_buffers: "2GB",
  effective_cache_size: "8GB",
  work_mem: "64MB",
  maintenance_work_mem: "1GB",
  max_wal_size: "8GB",
  random_page_cost: "1.1",
  jit: "off",
};

/**
 * The CTE: a walk in either direction (as the others walk by default) from
 * $1, one relation more per level through the two indexes (a LATERAL
 * subquery per direction), never back onto a node already on its path (the
 * path array), at most $3 relations deep ($3 is the length memory found);
 * the answer is the least deep path that ends at $2. "First row" leaves out
 * the ORDER BY: PostgreSQL evaluates a recursive CTE level by level and
 * stops at the first row the LIMIT takes, which is then one of the least deep.
 */
const CTE = `WITH RECURSIVE walk(node, depth, path) AS (
    SELECT $1::text, 0, ARRAY[$1::text]
    UNION ALL
    SELECT step.next, walk.depth + 1, walk.path || step.next
    FROM walk CROSS JOIN LATERAL (
      SELECT target AS next FROM relation WHERE source = walk.node AND rank IS DISTINCT FROM 'DEPRECATED'
      UNION ALL
      SELECT source AS next FROM relation WHERE target = walk.node AND rank IS DISTINCT FROM 'DEPRECATED'
    ) step
    WHERE walk.depth < $3 AND NOT step.next = ANY(walk.path)
  )
  SELECT path FROM walk WHERE node = $2`;
const CTE_ORDERED = `${CTE} ORDER BY depth LIMIT 1`;
const CTE_FIRST_ROW = `${CTE} LIMIT 1`;

const mismatches: string[] = [];

/** A Queryable that counts the queries made through it. */
function counting(client: pg.Client): Queryable & { queries: number } {
  const counter = {
    queries: 0,
    query: (text: string, params?: unknown[]) => {
      counter.queries++;
      return client.query(text, params);
    },
  };
  return counter as unknown as Queryable & { queries: number };
}

async function timeEachAsync<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>): Promise<number[]> {
  for (const input of inputs.slice(0, Math.min(20, inputs.length))) await run(input);
  const times: number[] = [];
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    await run(input);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

interface CteRun {
  /** Milliseconds per pair; Infinity for a query stopped by the statement_timeout. */
  readonly times: number[];
  readonly timeouts: number;
}

async function timeCte(client: pg.Client, sql: string, pairs: ReadonlyArray<readonly [string, string, number]>, label: string): Promise<CteRun> {
  const times: number[] = [];
  let timeouts = 0;
  for (const [from, to, length] of pairs) {
    const start = process.hrtime.bigint();
    try {
      const { rows } = await client.query<{ path: string[] }>(sql, [from, to, length]);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const found = rows[0] ? rows[0].path.length - 1 : null;
      if (found !== length) mismatches.push(`${label}: ${from} to ${to}: ${found === null ? "no path" : `${found} relations`}, memory ${length}`);
    } catch (error) {
      if ((error as { code?: string }).code !== "57014") throw error;
      times.push(Infinity);
      timeouts++;
    }
  }
  return { times, timeouts };
}

const shown = (value: number) => (value === Infinity ? `> ${(CTE_TIMEOUT_S * 1000).toLocaleString("en")} (timeout)` : ms(value));
const times = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const ratio = (slow: number, fast: number) => (slow === Infinity ? `> ${times((CTE_TIMEOUT_S * 1000) / fast)}×` : `${times(slow / fast)}×`);

const server = await startPostgres(SETTINGS);
const main: string[][] = [];
const more: string[][] = [];
try {
  for (const [i, size] of SIZES.entries()) {
    const { knowledgeBase } = generate(size, 42);
    const data = dataSetOfKnowledgeBase(knowledgeBase);
    const rows = Object.values(rowsOf(data)).reduce((sum, table) => sum + table.length, 0);
    const url = await server.createDatabase(`bench_${i}`);
    const client = openClient(url, "bench-database");
    await client.connect();
    let started = performance.now();
    await migrate(client);
    await importDataSet(client, data, { change: "benchmark import" });
    const loadMs = performance.now() - started;
    started = performance.now();
    await client.query("VACUUM ANALYZE");
    const analyzeMs = performance.now() - started;
    console.error(`${size.toLocaleString("en")} relations: loaded in ${ms(loadMs)} ms (${rows.toLocaleString("en")} rows), VACUUM ANALYZE ${ms(analyzeMs)} ms`);

    const index = buildTraversalIndex(buildGraph(knowledgeBase), (edge) => edge.record.rank !== "DEPRECATED");
    const rand = random(7);
    const nodes = index.nodeKeys;
    const pairs: Array<[string, string, Path]> = [];
    for (let attempts = 0; pairs.length < PAIRS && attempts < PAIRS * 20; attempts++) {
      const from = nodes[Math.floor(rand() * nodes.length)]!;
      const to = nodes[Math.floor(rand() * nodes.length)]!;
      const path = from === to ? null : shortestPath(index, from, to);
      if (path !== null) pairs.push([from, to, path]);
    }
    const memoryTimes = timeEach(pairs, ([from, to]) => shortestPath(index, from, to));

    const db = counting(client);
    const answers = new Map<string, Path | null>();
    const pushdownTimes = await timeEachAsync(pairs, async ([from, to]) => answers.set(`${from} ${to}`, await pushdown.shortestPath(db, from, to)));
    for (const [from, to, expected] of pairs) {
      const path = answers.get(`${from} ${to}`);
      if (!isDeepStrictEqual(path, expected)) mismatches.push(`push-down: ${from} to ${to}: ${JSON.stringify(path)}, memory ${JSON.stringify(expected)}`);
    }
    db.queries = 0;
    const budgetedTimes = await timeEachAsync(pairs, ([from, to]) => pushdown.shortestPath(db, from, to, { budget: LIMITS.traversalBudget }));
    const queriesPerPath = db.queries / (pairs.length + Math.min(20, pairs.length));

    await client.query(`SET statement_timeout = '${CTE_TIMEOUT_S}s'`);
    const ctePairs = pairs.slice(0, CTE_PAIRS).map(([from, to, path]) => [from, to, path.steps.length] as const);
    console.error(`  memory and push-down done on ${pairs.length} pairs; the CTE on ${ctePairs.length}`);
    const ordered = await timeCte(client, CTE_ORDERED, ctePairs, "CTE");
    const firstRow = await timeCte(client, CTE_FIRST_ROW, ctePairs, "CTE, first row");
    await client.end();

    const p = (times: number[], q: number) => percentile(times, q);
    const pushdownOnCtePairs = pushdownTimes.slice(0, ctePairs.length);
    main.push([
      size.toLocaleString("en"),
      `${ms(loadMs / 1000)} s`,
      ms(p(memoryTimes, 50)),
      ms(p(memoryTimes, 99)),
      ms(p(pushdownTimes, 50)),
      ms(p(pushdownTimes, 99)),
      shown(p(ordered.times, 50)),
      shown(p(ordered.times, 99)),
      ratio(p(ordered.times, 50), p(pushdownOnCtePairs, 50)),
    ]);
    more.push([
      size.toLocaleString("en"),
      `${Math.round(rows / (loadMs / 1000)).toLocaleString("en")} (${Math.round(size / (loadMs / 1000)).toLocaleString("en")} relations/s)`,
      `${ms(analyzeMs / 1000)} s`,
      `${pairs.length} / ${ctePairs.length}`,
      ms(p(budgetedTimes, 50)),
      ms(p(budgetedTimes, 99)),
      queriesPerPath.toFixed(1),
      shown(p(firstRow.times, 50)),
      shown(p(firstRow.times, 99)),
      ratio(p(firstRow.times, 50), p(pushdownOnCtePairs, 50)),
      `${ordered.timeouts} / ${firstRow.timeouts}`,
    ]);
    console.error(`  done`);
  }
} finally {
  await server.stop();
}

const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
console.log(
  table(["relations", "load (migrate + import)", "memory p50 (ms)", "memory p99 (ms)", "push-down p50 (ms)", "push-down p99 (ms)", "CTE p50 (ms)", "CTE p99 (ms)", "push-down vs CTE at p50"], main),
);
console.log();
console.log(
  table(
    ["relations", "load, rows/s", "VACUUM ANALYZE", "pairs (all / CTE)", "push-down, server's budget, p50 (ms)", "p99 (ms)", "queries per path", "CTE first row p50 (ms)", "p99 (ms)", "push-down vs CTE first row at p50", "CTE timeouts (ordered / first row)"],
    more,
  ),
);
if (mismatches.length > 0) {
  console.error(`\n${mismatches.length} mismatch(es):\n${mismatches.join("\n")}`);
  process.exitCode = 1;
}
