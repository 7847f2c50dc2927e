/**
 * How long a replica takes to follow the store: for each size (generated
 * relations, bench/generate.ts), the first load of a server following a
 * PostgreSQL store (read one snapshot, validate, build the graph and its
 * indexes), and then the time from a committed write (one relation with its
 * evidence, bumping the data version) to the moment the replica serves the
 * new version, the median of a few writes. Side by side: building the same
 * graph from the knowledge base already in memory (what a swap costs at
 * least). Starts its own PostgreSQL (tests/support/postgres.ts).
 *
 *   npm run bench:replicas -- --sizes 356,100000 --writes 5
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { migrate } from "../src/database/migrate.js";
import { openClient } from "../src/database/connection.js";
import { dataSetOfKnowledgeBase } from "../src/database/data-directory.js";
import { importDataSet } from "../src/database/import-export.js";
import { createKnowledge } from "../src/service/knowledge.js";
import { KnowledgeService } from "../src/service/knowledge-service.js";
import { DatabaseSource } from "../src/service/database-source.js";
import { startPostgres } from "../tests/support/postgres.js";
import { generate } from "./generate.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "1000,100000" }, writes: { type: "string", default: "5" } } });
const sizes = values.sizes.split(",").map(Number);
const writes = Number(values.writes);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x).toLocaleString("en")} ms`;

const server = await startPostgres();
const rows: string[][] = [];
try {
  for (const [i, size] of sizes.entries()) {
    const url = await server.createDatabase(`swap_${i}`);
    const { knowledgeBase } = generate(size, 7);
    const client = openClient(url);
    await client.connect();
    await migrate(client);
    let started = performance.now();
    await importDataSet(client, dataSetOfKnowledgeBase(knowledgeBase), { change: "benchmark import" });
    const importMs = performance.now() - started;
    await client.query("ANALYZE");

    started = performance.now();
    new KnowledgeService(createKnowledge(knowledgeBase));
    const buildMs = performance.now() - started;

    const source = new DatabaseSource({ url, poolMax: 2, log: () => {} });
    started = performance.now();
    await source.whenReady();
    const firstLoadMs = performance.now() - started;

    const [from, to] = [knowledgeBase.entities.find((e) => e.kind === "Government")!.id, knowledgeBase.entities.find((e) => e.kind === "Militia")!.id];
    const document = knowledgeBase.sources[0]!.id;
    const swaps: number[] = [];
    for (let w = 0; w < writes; w++) {
      const version = source.status().dataVersion as number;
      await client.query("BEGIN");
      await client.query(`INSERT INTO relation (id, type, source, source_kind, target, target_kind, file, position) VALUES ($1, 'BACKS', $2, 'Government', $3, 'Militia', 'relations/generated.yaml', $4)`, [`bench-write-${w}`, from, to, size + w]);
      await client.query(`INSERT INTO evidence (role, relation, position, document, excerpt, attribution) VALUES ('record', $1, 0, $2, 'a benchmark write', 'the benchmark')`, [`bench-write-${w}`, document]);
      await client.query("SELECT bump_data_version('benchmark write')");
      await client.query("COMMIT");
      const committed = performance.now();
      while (source.status().dataVersion !== version + 1) await new Promise((resolve) => setTimeout(resolve, 5));
      swaps.push(performance.now() - committed);
    }
    await source.close();
    await client.end();
    rows.push([size.toLocaleString("en"), ms(importMs), ms(buildMs), ms(firstLoadMs), ms(median(swaps)), ms(Math.max(...swaps))]);
    console.error(`${size}: done`);
  }
} finally {
  await server.stop();
}
const header = ["relations", "import into PostgreSQL", "build from memory (reference)", "replica's first load", "commit to swap, median", "commit to swap, worst"];
console.log(`| ${header.join(" | ")} |\n| ${header.map(() => "---").join(" | ")} |`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
