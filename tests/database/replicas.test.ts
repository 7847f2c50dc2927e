/**
 * Serving from PostgreSQL: two replicas (`serve` with DATABASE_URL, each its
 * own process, as `npm start` runs it) and one real PostgreSQL. They answer
 * every shipped operation exactly as a server on the files does; after a
 * committed merge both swap to the new data version within 2 s; a replica
 * is "not ready" (503 on /ready and the API, /health saying why) until its
 * first load; and when its connections are cut it keeps answering from the
 * graph it has, reconnects, and follows the next change.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readExampleTabs } from "../../scripts/workbench-examples.js";
import { runCli } from "../../src/cli/run.js";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { DatabaseSource } from "../../src/service/database-source.js";
import { startChildServer } from "../support/child-server.js";
import type { ChildServer } from "../support/child-server.js";
import { postgresAvailable, startPostgres } from "../support/postgres.js";
import type { TestPostgres } from "../support/postgres.js";

const tabs = readExampleTabs(join(PACKAGE_ROOT, "operations"));

async function withUrl(url: string, args: string[]): Promise<{ code: number; stderr: string }> {
  const saved = process.env["DATABASE_URL"];
  process.env["DATABASE_URL"] = url;
  const stderr: string[] = [];
  try {
    return { code: await runCli(args, { log: () => {}, error: (line) => stderr.push(line) }), stderr: stderr.join("\n") };
  } finally {
    if (saved === undefined) delete process.env["DATABASE_URL"];
    else process.env["DATABASE_URL"] = saved;
  }
}

const origin = (server: ChildServer) => server.url.replace(/\/graphql$/, "");
const json = async (server: ChildServer, path: string) => {
  const response = await fetch(`${origin(server)}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const graphql = async (server: ChildServer, query: string, variables: unknown = {}, operationName?: string) => {
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables, operationName }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ready = (server: ChildServer) => until("ready", async () => ((await json(server, "/ready")).status === 200 ? true : undefined));
const versionOf = async (server: ChildServer) => (await json(server, "/health")).body["dataVersion"];

function draft(document: string, entity: string): string {
  const evidence = (excerpt: string) => ({ document, excerpt, attribution: "the report" });
  const path = join(mkdtempSync(join(tmpdir(), "conflict-graph-replica-")), `${document}.draft.yaml`);
  writeFileSync(
    path,
    stringify({
      sources: [{ id: document, kind: "ARTICLE", title: `Report ${document}`, covers: { value: "2021-06-27" }, status: "accepted" }],
      entities: [{ id: entity, kind: "Official", name: `Spokesman ${entity}`, description: "A spokesman the report quotes.", evidence: [evidence(`${entity} said`)], status: "accepted" }],
      relations: [{ id: `${entity}-condemns-strike`, type: "CONDEMNS", source: entity, target: "us-strike-2021-06-27", evidence: [evidence(`${entity} condemned the strikes`)], status: "accepted" }],
    }),
  );
  return path;
}

describe.skipIf(!postgresAvailable())("replicas serving from PostgreSQL", () => {
  let server: TestPostgres;
  let url: string;
  let files: ChildServer;
  const replicas: ChildServer[] = [];

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase("replicas");
    expect((await withUrl(url, ["db", "migrate"])).code).toBe(0);
    expect((await withUrl(url, ["db", "import"])).code).toBe(0);
    // The second replica answers neighbourhoods and shortest paths from the store (TRAVERSAL=database).
    const starting = await Promise.allSettled([startChildServer([], { DATABASE_URL: undefined }), startChildServer([], { DATABASE_URL: url }), startChildServer([], { DATABASE_URL: url, TRAVERSAL: "database" })]);
    const started = starting.map((result) => (result.status === "fulfilled" ? result.value : undefined));
    files = started[0]!;
    replicas.push(...(started.slice(1) as ChildServer[]));
    // A server that failed to start must not leave the others running.
    const failed = starting.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    await Promise.all(replicas.map(ready));
  }, 60_000);
  afterAll(async () => {
    const children = [files, ...replicas].filter((child): child is ChildServer => child !== undefined);
    for (const child of children) child.child.kill("SIGTERM");
    await Promise.all(children.map((child) => child.exit));
    await server?.stop();
  });

  it("say where they serve from and which data version", async () => {
    const health = await json(replicas[0]!, "/health");
    expect(health.body).toMatchObject({ status: "ok", ready: true, source: "database", dataVersion: 1, following: true, database: expect.stringMatching(/^conflict_graph_test@127\.0\.0\.1:\d+\/replicas$/) });
    expect(JSON.stringify(health.body)).not.toContain("test-only-password");
    expect(replicas[0]!.output()).not.toContain("test-only-password");
    expect(replicas[0]!.output()).toMatch(/Loaded data version 1 from conflict_graph_test@127\.0\.0\.1:\d+\/replicas: \d+ entities, \d+ relations/);
  });

  it.each(tabs.map((tab) => [tab.operationName, tab] as const))("%s: both replicas answer exactly as the server on the files", async (_name, tab) => {
    const variables = JSON.parse(tab.variables) as unknown;
    const [fromFiles, ...fromDatabase] = await Promise.all([files, ...replicas].map((server) => graphql(server, tab.query, variables, tab.operationName)));
    expect(fromFiles!.status).toBe(200);
    for (const answer of fromDatabase) expect(answer).toEqual(fromFiles);
  });

  it("the replica with TRAVERSAL=database answered its paths and neighbourhoods from the store, never falling back to memory", async () => {
    const ids = ["kataib-hezbollah", "joe-biden", "iran-government", "us-strike-2021-06-27", "iraq", "kataib-sayyid-al-shuhada"];
    for (const from of ids) {
      for (const to of ids) {
        const query = `{ shortestPath(from: "${from}", to: "${to}", direction: EITHER) { length steps { relation { id } } } neighborhood(id: "${from}", depth: 2, limit: 50) { truncated nodes { depth entity { id } } edges { id } } }`;
        const [expected, answer] = await Promise.all([graphql(files, query), graphql(replicas[1]!, query)]);
        expect(answer).toEqual(expected);
      }
    }
    const health = (await json(replicas[1]!, "/health")).body;
    expect(health).toMatchObject({ traversal: "database", traversalFallbacks: 0 });
    expect((await json(replicas[0]!, "/health")).body).toMatchObject({ traversal: "memory" });
  });

  it("after a committed merge, every replica swaps to the new data version within 2 s", async () => {
    const before = await Promise.all(replicas.map(versionOf));
    expect(before).toEqual([1, 1]);
    const merged = await withUrl(url, ["merge", draft("report-swap", "speaker-swap"), "--database"]);
    expect(merged).toEqual({ code: 0, stderr: "" });
    const committed = Date.now();
    const swapTimes = await Promise.all(replicas.map(async (replica) => until("the swap", async () => ((await versionOf(replica)) === 2 ? Date.now() - committed : undefined))));
    for (const ms of swapTimes) expect(ms).toBeLessThan(2000);
    for (const replica of replicas) {
      const answer = await graphql(replica, '{ entity(id: "speaker-swap") { name } }');
      expect(answer.body).toEqual({ data: { entity: { name: "Spokesman speaker-swap" } } });
    }
    console.log(`replica swap after commit: ${swapTimes.join(" ms, ")} ms`);
  });

  it("a replica whose connections are cut keeps answering, reconnects, and follows the next change", async () => {
    const replica = replicas[0]!;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'conflict-graph%'");
    } finally {
      await admin.end();
    }
    expect((await graphql(replica, '{ entity(id: "kataib-hezbollah") { id } }')).body).toEqual({ data: { entity: { id: "kataib-hezbollah" } } });
    await until("the replica to reconnect", async () => ((await json(replica, "/health")).body["following"] === true ? true : undefined));
    expect(replica.output()).toContain("Lost the change notifications");
    expect((await withUrl(url, ["merge", draft("report-after-cut", "speaker-after-cut"), "--database"])).code).toBe(0);
    await until("the swap after reconnecting", async () => ((await versionOf(replica)) === 3 ? true : undefined), 5000);
  });

  it("a swap replaces the service at once; a request holding the old one still answers from the old graph", async () => {
    const lines: string[] = [];
    const source = new DatabaseSource({ url, poolMax: 2, log: (line) => lines.push(line) });
    try {
      await source.whenReady();
      const held = source.current();
      const version = source.status().dataVersion as number;
      expect((await withUrl(url, ["merge", draft("report-held", "speaker-held"), "--database"])).code).toBe(0);
      await until("the swap", async () => (source.status().dataVersion === version + 1 ? true : undefined));
      expect(source.current()).not.toBe(held);
      expect(source.current().entity("speaker-held").name).toBe("Spokesman speaker-held");
      expect(() => held.entity("speaker-held")).toThrow('No entity with id "speaker-held"');
      expect(held.stats().entities).toBe(source.current().stats().entities - 1);
      expect(lines.at(-1)).toMatch(new RegExp(`^Swapped data version ${version} for data version ${version + 1} from `));
    } finally {
      await source.close();
    }
  });

  it("loading from a read replica that lags the primary it listens to: it keeps what it has and looks again until the replica catches up", async () => {
    const primary = await server.createDatabase("primary");
    const standby = await server.createDatabase("standby");
    for (const db of [primary, standby]) {
      expect((await withUrl(db, ["db", "migrate"])).code).toBe(0);
      expect((await withUrl(db, ["db", "import"])).code).toBe(0);
    }
    const lines: string[] = [];
    const source = new DatabaseSource({ url: standby, listenUrl: primary, poolMax: 2, log: (line) => lines.push(line) });
    try {
      await source.whenReady();
      await until("the listener", async () => (source.status()["following"] === true ? true : undefined));
      const change = draft("report-lag", "speaker-lag");
      expect((await withUrl(primary, ["merge", change, "--database"])).code).toBe(0);
      await until("the lag to be seen", async () => (lines.some((line) => line.includes("older than the 2 notified")) ? true : undefined));
      expect(source.status().dataVersion).toBe(1);
      // Replication catches up: the standby receives the same change.
      expect((await withUrl(standby, ["merge", change, "--database"])).code).toBe(0);
      await until("the catch-up", async () => (source.status().dataVersion === 2 ? true : undefined));
      expect(source.current().entity("speaker-lag").name).toBe("Spokesman speaker-lag");
    } finally {
      await source.close();
    }
  });

  it("a replica is not ready until its first load: /ready and the API answer 503, /health says why", async () => {
    const empty = await server.createDatabase("not_yet");
    const replica = await startChildServer([], { DATABASE_URL: empty });
    try {
      const notReady = await json(replica, "/ready");
      expect(notReady.status).toBe(503);
      expect(notReady.body).toMatchObject({ status: "loading", ready: false, source: "database", dataVersion: null });
      const api = await fetch(replica.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ sources { id } }"}' });
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("1");
      expect(await api.json()).toEqual({ errors: [{ message: expect.stringContaining("still loading"), extensions: { code: "NOT_READY" } }] });
      const health = await json(replica, "/health");
      expect(health.status).toBe(200);
      await until("the reason", async () => (String((await json(replica, "/health")).body["lastError"]).includes("db migrate") ? true : undefined));
      // Migrated but empty is still not ready: an empty graph is nothing to route traffic to.
      expect((await withUrl(empty, ["db", "migrate"])).code).toBe(0);
      await until("the empty store to be seen", async () => (String((await json(replica, "/health")).body["lastError"]).includes("holds no data yet") ? true : undefined));
      expect((await json(replica, "/ready")).status).toBe(503);
      // Once the store is loaded, the replica picks it up by itself.
      expect((await withUrl(empty, ["db", "import"])).code).toBe(0);
      await ready(replica);
      expect((await graphql(replica, "{ sources { id } }")).status).toBe(200);
    } finally {
      replica.child.kill("SIGTERM");
      await replica.exit;
    }
  }, 30_000);
});
