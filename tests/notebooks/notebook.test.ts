/**
 * The example notebooks run, every cell, against a live server. The first
 * loads a neighbourhood into networkx, checks the server's shortest path
 * against networkx's, and draws a PNG; the second loads the events and claims
 * tables into pandas, totals the dead by country and month, draws a timeline
 * and builds the retaliation chains. Needs Debian's python3-pandas,
 * -networkx, -nbclient, -ipykernel and -matplotlib (which .ci/run installs);
 * without them the tests are skipped locally with a message, and fail in CI.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";

const PYTHON = "/usr/bin/python3";
const NOTEBOOK = fileURLToPath(new URL("./kataib-hezbollah.ipynb", import.meta.url));
const EVENTS_NOTEBOOK = fileURLToPath(new URL("./events-table.ipynb", import.meta.url));
const RUNNER = fileURLToPath(new URL("./run_notebook.py", import.meta.url));
const ready = spawnSync(PYTHON, ["-c", "import pandas, networkx, nbclient, ipykernel, matplotlib"]).status === 0;
const required = Boolean(process.env["CI"]);
if (!ready && !required) {
  console.warn(`notebook tests skipped: ${PYTHON} lacks pandas, networkx, nbclient, ipykernel or matplotlib (apt-get install python3-pandas python3-networkx python3-nbclient python3-ipykernel python3-matplotlib)`);
}

describe("the example notebook", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.skipIf(!ready && !required)(
    "runs every cell against a live server and draws the picture",
    async () => {
      expect(ready, `${PYTHON} needs python3-networkx, python3-nbclient, python3-ipykernel and python3-matplotlib`).toBe(true);
      const output = mkdtempSync(join(tmpdir(), "notebook-"));
      const { stdout } = await promisify(execFile)(PYTHON, [RUNNER, NOTEBOOK, join(output, "executed.ipynb")], {
        env: { ...process.env, CONFLICT_GRAPH_URL: server.app.origin, NOTEBOOK_OUTPUT_DIR: output, PYDEVD_DISABLE_FILE_VALIDATION: "1" },
        timeout: 240_000,
      });
      expect(stdout).toMatch(/Neighbourhood of kataib-hezbollah, depth 2 -> \d+ entities, \d+ relations/);
      const [, server_, networkx] = /server: (\d+) \| networkx: (\d+)/.exec(stdout) ?? [];
      expect(server_).toBeDefined();
      expect(server_).toBe(networkx);
      expect(statSync(join(output, "kataib-hezbollah-2-hop.png")).size).toBeGreaterThan(10_000);
    },
    300_000,
  );

  it.skipIf(!ready && !required)("whole-graph node-link and GraphML exports load in networkx with nothing lost", async () => {
    const checker = fileURLToPath(new URL("./check_networkx_exports.py", import.meta.url));
    const { stdout } = await promisify(execFile)(PYTHON, [checker, server.app.origin], { timeout: 120_000 });
    const { entities, relations } = server.app.service.stats();
    expect(stdout.trim()).toMatch(new RegExp(`^networkx [\\d.]+: node-link and GraphML agree on ${entities} nodes and ${relations} edges$`));
  });

  it.skipIf(!ready && !required)(
    "the events-table notebook totals the dead by country and month, draws the timeline and follows the retaliation chains",
    async () => {
      expect(ready, `${PYTHON} needs python3-pandas, python3-networkx, python3-nbclient, python3-ipykernel and python3-matplotlib`).toBe(true);
      const output = mkdtempSync(join(tmpdir(), "notebook-"));
      const { stdout } = await promisify(execFile)(PYTHON, [RUNNER, EVENTS_NOTEBOOK, join(output, "executed.ipynb")], {
        env: { ...process.env, CONFLICT_GRAPH_URL: server.app.origin, NOTEBOOK_OUTPUT_DIR: output, PYDEVD_DISABLE_FILE_VALIDATION: "1" },
        timeout: 240_000,
      });
      // The expected figures, from the server's own CSV, read here independently of pandas.
      const events = parseCsv(await (await server.request("/export/events.csv")).text(), { columns: true }) as Array<Record<string, string>>;
      const bests = events.map((e) => e["fatalities_best"] ?? "").filter((cell) => cell !== "").map(Number);
      expect(bests.every(Number.isInteger)).toBe(true);
      const totalBest = bests.reduce((sum, best) => sum + best, 0);
      const answers = events.flatMap((e) => (e["retaliates_for"] ? e["retaliates_for"].split("; ") : [])).length;
      expect(totalBest).toBeGreaterThan(0);
      expect(answers).toBeGreaterThan(0);

      const [, rows] = /^fatalities by country and month: (\d+) rows$/m.exec(stdout) ?? [];
      expect(Number(rows)).toBeGreaterThan(0);
      const [, printedBest] = /\btotal best: (\d+)\b/.exec(stdout) ?? [];
      expect(printedBest).toBe(String(totalBest));
      const [, chains, edges] = /^retaliation chains: (\d+) chains, (\d+) edges$/m.exec(stdout) ?? [];
      expect(Number(chains)).toBeGreaterThan(0);
      expect(edges).toBe(String(answers));
      expect(statSync(join(output, "events-timeline.png")).size).toBeGreaterThan(10_000);
    },
    300_000,
  );
});
