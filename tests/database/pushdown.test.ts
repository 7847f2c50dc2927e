/**
 * The push-down traversals (src/database/traversal) against the in-memory
 * ones (src/traversal), on one real PostgreSQL: on hand-built graphs that pin
 * each edge case, on seeded random multigraphs (parallel relations,
 * deprecated ones, integer-like ids, a hub past HUB_DEGREE, relations spread
 * over several files) under random options, and on the bundled data, every
 * answer, or error class and message, is the same. The in-memory side is
 * what the server builds from the same store (loadFromStore, then
 * createKnowledge), or for the bundled data, from the data directory.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { random } from "../../bench/generate.js";
import { dataSetOf } from "../../src/database/data-directory.js";
import { importDataSet, loadFromStore } from "../../src/database/import-export.js";
import { migrate } from "../../src/database/migrate.js";
import type { DataSet } from "../../src/database/store.js";
import * as pushdown from "../../src/database/traversal/index.js";
import { BadInputError, BudgetExceededError, NotFoundError } from "../../src/errors.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import type { EntityRecord, RelationRecord, SourceDocument } from "../../src/model/records.js";
import { BUNDLED_DATA_DIR } from "../../src/paths.js";
import { createKnowledge } from "../../src/service/knowledge.js";
import { LIMITS } from "../../src/service/limits.js";
import * as memory from "../../src/traversal/index.js";
import type { NeighborhoodOptions, TraversalIndex, WalkOptions } from "../../src/traversal/index.js";
import { postgresAvailable, startPostgres } from "../support/postgres.js";
import type { TestPostgres } from "../support/postgres.js";

const TYPES: Record<string, string> = { R: "RETALIATES_FOR", S: "RESPONDS_TO", P: "PART_OF" };
const DEFAULT_FILE = "relations/relations.yaml";

interface Spec {
  readonly nodes: string[];
  readonly relations: Array<{ id: string; type: string; source: string; target: string; deprecated: boolean; file: string }>;
}

const ARROW = /^(?:(\S+\.yaml):\s+)?(\S+)\s+-\[(\S+):([RSP])(!?)\]->\s+(\S+)$/;

/**
 * A graph of events written as arrows: "a -[e1:R]-> b" (R, S, P: the three
 * relation types joining events; "R!" deprecated), "relations/b.yaml: a -[e2:S]-> c"
 * (in another data file), or a lone node. Nodes in order of first mention.
 */
function spec(...lines: string[]): Spec {
  const nodes: string[] = [];
  const node = (id: string) => (nodes.includes(id) ? undefined : nodes.push(id));
  const relations: Spec["relations"] = [];
  for (const line of lines) {
    const match = ARROW.exec(line.trim());
    if (match === null) {
      if (!/^[a-z0-9-]+$/.test(line)) throw new Error(`Not an arrow or a node: "${line}"`);
      node(line);
      continue;
    }
    const [, file, source, id, type, deprecated, target] = match as unknown as string[];
    node(source!);
    node(target!);
    relations.push({ id: id!, type: TYPES[type!]!, source: source!, target: target!, deprecated: deprecated === "!", file: file ?? DEFAULT_FILE });
  }
  return { nodes, relations };
}

const SOURCE: SourceDocument = { id: "test-source", title: "Test source", covers: { value: "2020" } } as SourceDocument;
const evidence = [{ document: SOURCE.id, excerpt: "a test fact", attribution: "the test" }];

function dataSetFor({ nodes, relations }: Spec): DataSet {
  const files = [...new Set([DEFAULT_FILE, ...relations.map((r) => r.file)])];
  const positions = new Map<string, number>();
  return {
    files: ["sources.yaml", "entities/events.yaml", ...files].map((path) => ({ path, comment: null })),
    sources: [{ record: SOURCE, file: "sources.yaml", position: 0 }],
    entities: nodes.map((id, position) => ({
      record: { id, kind: "Event", name: `Event ${id}`, description: "A test event.", eventType: "ROCKET_ATTACK", date: { value: "2020-01-01" }, evidence } as unknown as EntityRecord,
      file: "entities/events.yaml",
      position,
    })),
    relations: relations.map(({ id, type, source, target, deprecated, file }) => {
      const position = positions.get(file) ?? 0;
      positions.set(file, position + 1);
      const record = { id, type, source, target, evidence, ...(deprecated ? { rank: "DEPRECATED", rankReason: "a test" } : {}) } as unknown as RelationRecord;
      return { record, file, position };
    }),
    locations: [],
  };
}

type Outcome = { value: unknown } | { error: string; message: string };

async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    return { value: await run() };
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof BadInputError || error instanceof BudgetExceededError) return { error: error.name, message: error.message };
    throw error;
  }
}

const available = postgresAvailable();

describe.skipIf(!available)("push-down traversals answer as the in-memory ones", () => {
  let postgres: TestPostgres;
  const clients: pg.Client[] = [];
  let databases = 0;

  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
    await postgres?.stop();
  }, 30_000);

  /** The store of `data` and the traversal index the server would build from it. */
  async function load(data: DataSet): Promise<{ db: pg.Client; url: string; index: TraversalIndex }> {
    const url = await postgres.createDatabase(`pushdown_${++databases}`);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    clients.push(db);
    await migrate(db);
    await importDataSet(db, data, { change: "push-down test" });
    await db.query("ANALYZE");
    const { knowledgeBase } = await loadFromStore(db);
    return { db, url, index: createKnowledge(knowledgeBase).index };
  }

  /** Both implementations' outcomes for one shortest-path question. */
  async function paths(g: { db: pg.Client; index: TraversalIndex }, from: string, to: string, options?: WalkOptions) {
    const ours = await outcome(() => pushdown.shortestPath(g.db, from, to, options));
    const theirs = await outcome(() => memory.shortestPath(g.index, from, to, options));
    return { ours, theirs };
  }

  async function hoods(g: { db: pg.Client; index: TraversalIndex }, id: string, options?: NeighborhoodOptions) {
    const ours = await outcome(() => pushdown.neighborhood(g.db, id, options));
    const theirs = await outcome(() => memory.neighborhood(g.index, id, options));
    return { ours, theirs };
  }

  const hops = (o: Outcome) => ("value" in o && o.value !== null ? (o.value as memory.Path).steps.map((s) => `${s.from} ${s.reversed ? "<" : ""}-${s.edge}-${s.reversed ? "" : ">"} ${s.to}`) : o);

  describe("edge cases, on hand-built graphs", () => {
    let g: Awaited<ReturnType<typeof load>>;

    beforeAll(async () => {
      g = await load(
        dataSetFor(
          spec(
            "a -[e1:R]-> b",
            "b -[e2:S]-> c",
            "c -[e3:P]-> d",
            "a -[e4:R!]-> d",
            "d -[e5:S]-> e",
            "x -[e6:R]-> y",
            "relations/a.yaml: b -[e7:P]-> a",
            "relations/a.yaml: b -[e8:R]-> a",
            "lonely",
          ),
        ),
      );
    }, 60_000);

    it("answers null when there is no path, as memory does", async () => {
      const { ours, theirs } = await paths(g, "a", "y");
      expect(ours).toEqual({ value: null });
      expect(ours).toEqual(theirs);
      expect((await paths(g, "lonely", "a")).ours).toEqual({ value: null });
    });

    it("answers the one-node path from a node to itself", async () => {
      const { ours, theirs } = await paths(g, "c", "c", { direction: "forward" });
      expect(ours).toEqual({ value: { nodes: ["c"], steps: [] } });
      expect(ours).toEqual(theirs);
    });

    it("throws NotFoundError for an unknown id, before checking the options", async () => {
      for (const [from, to] of [["nope", "a"], ["a", "nope"], ["nope", "nope-too"]] as const) {
        const { ours, theirs } = await paths(g, from, to, { direction: "sideways" as never });
        expect(ours).toMatchObject({ error: "NotFoundError" });
        expect(ours).toEqual(theirs);
      }
      const { ours, theirs } = await hoods(g, "nope", { depth: -1 });
      expect(ours).toEqual({ error: "NotFoundError", message: 'No entity with id "nope"' });
      expect(ours).toEqual(theirs);
    });

    it("throws BadInputError naming the option, in memory's order", async () => {
      const bad: Array<[string, WalkOptions & NeighborhoodOptions]> = [
        ["direction", { direction: "sideways" as never }],
        ["relationTypes", { relationTypes: "RETALIATES_FOR" as never }],
        ["relationTypes", { relationTypes: [1] as never }],
        ["budget", { budget: 0 }],
        ["budget", { budget: 2.5 }],
        ["direction", { direction: "up" as never, budget: 0 }],
      ];
      for (const [argument, options] of bad) {
        const { ours, theirs } = await paths(g, "a", "e", options);
        expect(ours).toMatchObject({ error: "BadInputError", message: expect.stringMatching(new RegExp(`^${argument}: `)) });
        expect(ours).toEqual(theirs);
        expect((await hoods(g, "a", options)).ours).toEqual((await hoods(g, "a", options)).theirs);
      }
      for (const options of [{ depth: -1 }, { depth: 1.5 }, { limit: 0 }, { depth: 2, limit: -3 }, { limit: 0, direction: "no" as never }]) {
        const { ours, theirs } = await hoods(g, "a", options);
        expect(ours).toMatchObject({ error: "BadInputError" });
        expect(ours).toEqual(theirs);
      }
    });

    it("never walks a deprecated relation", async () => {
      const { ours, theirs } = await paths(g, "a", "d");
      expect(hops(ours)).toEqual(["a -e1-> b", "b -e2-> c", "c -e3-> d"]);
      expect(ours).toEqual(theirs);
      const hood = await hoods(g, "a", { depth: 1 });
      expect(hood.ours).toEqual(hood.theirs);
      expect((hood.ours as { value: memory.Neighborhood }).value.edges).not.toContain("e4");
    });

    it("walks forward, backward or either way", async () => {
      expect(hops((await paths(g, "a", "e", { direction: "forward" })).ours)).toEqual(["a -e1-> b", "b -e2-> c", "c -e3-> d", "d -e5-> e"]);
      expect((await paths(g, "a", "e", { direction: "backward" })).ours).toEqual({ value: null });
      expect(hops((await paths(g, "e", "a", { direction: "backward" })).ours)).toEqual(["e <-e5- d", "d <-e3- c", "c <-e2- b", "b <-e1- a"]);
      for (const direction of ["forward", "backward", "either"] as const) {
        for (const [from, to] of [["a", "e"], ["e", "a"], ["c", "a"], ["b", "d"]] as const) {
          const { ours, theirs } = await paths(g, from, to, { direction });
          expect(ours).toEqual(theirs);
        }
        const hood = await hoods(g, "c", { direction, depth: 3 });
        expect(hood.ours).toEqual(hood.theirs);
      }
    });

    it("follows only the relation types asked for (none given or an empty list: all; unknown names: none)", async () => {
      expect((await paths(g, "a", "c", { relationTypes: ["RETALIATES_FOR"] })).ours).toEqual({ value: null });
      for (const relationTypes of [["RETALIATES_FOR", "RESPONDS_TO"], [], ["PART_OF"], ["NOT_A_TYPE"], null] as const) {
        for (const [from, to] of [["a", "c"], ["c", "a"], ["a", "e"]] as const) {
          const { ours, theirs } = await paths(g, from, to, { relationTypes: relationTypes as string[] | null });
          expect(ours).toEqual(theirs);
        }
        const hood = await hoods(g, "b", { relationTypes: relationTypes as string[] | null, depth: 2 });
        expect(hood.ours).toEqual(hood.theirs);
      }
    });

    it("takes parallel relations oldest first, data files in order", async () => {
      // b -> a: e7 and e8 are in relations/a.yaml, which comes before relations/relations.yaml, so they are older than e1.
      const { ours, theirs } = await paths(g, "b", "a");
      expect(hops(ours)).toEqual(["b -e7-> a"]);
      expect(ours).toEqual(theirs);
      const typed = await paths(g, "b", "a", { relationTypes: ["RETALIATES_FOR"] });
      expect(hops(typed.ours)).toEqual(["b -e8-> a"]);
      expect(typed.ours).toEqual(typed.theirs);
      const hood = await hoods(g, "a");
      expect((hood.ours as { value: memory.Neighborhood }).value.edges).toEqual(["e1", "e7", "e8"]);
      expect(hood.ours).toEqual(hood.theirs);
    });

    it("stops a neighbourhood at its limit and says it was truncated", async () => {
      for (const limit of [1, 2, 3, 4, 5, 6, 100]) {
        for (const depth of [0, 1, 2, 5]) {
          const { ours, theirs } = await hoods(g, "b", { limit, depth });
          expect(ours).toEqual(theirs);
        }
      }
      expect((await hoods(g, "b", { limit: 2, depth: 3 })).ours).toMatchObject({ value: { truncated: true, nodes: [{ id: "b", depth: 0 }, { id: "a", depth: 1 }] } });
      expect((await hoods(g, "x", { limit: 2 })).ours).toMatchObject({ value: { truncated: false } });
    });

    it("throws BudgetExceededError exactly where memory does", async () => {
      let thrown = 0;
      for (let budget = 1; budget <= 40; budget++) {
        for (const [from, to] of [["a", "e"], ["e", "a"], ["b", "a"], ["a", "y"]] as const) {
          const { ours, theirs } = await paths(g, from, to, { budget });
          expect(ours).toEqual(theirs);
          if ("error" in ours) thrown++;
        }
        const hood = await hoods(g, "b", { budget, depth: 3 });
        expect(hood.ours).toEqual(hood.theirs);
      }
      expect(thrown).toBeGreaterThan(10);
      expect((await paths(g, "a", "e", { budget: 1 })).ours).toEqual({ error: "BudgetExceededError", message: new BudgetExceededError("shortestPath", 1).message });
    });

    it("accepts a pg.Pool as well as a client", async () => {
      const pool = new pg.Pool({ connectionString: g.url, max: 2 });
      try {
        expect(await pushdown.shortestPath(pool, "a", "e")).toEqual(memory.shortestPath(g.index, "a", "e"));
        expect(await pushdown.neighborhood(pool, "c", { depth: 2 })).toEqual(memory.neighborhood(g.index, "c", { depth: 2 }));
      } finally {
        await pool.end();
      }
    });
  });

  describe("a hub and integer-like ids", () => {
    let g: Awaited<ReturnType<typeof load>>;

    beforeAll(async () => {
      // "hub" has 80 relations (past HUB_DEGREE), to "7", "10", "2" and others; integer-like ids come first in a walk, in numeric order.
      const lines = ["z -[e0:R]-> hub"];
      for (let i = 0; i < 80; i++) {
        const other = ["10", "7", "m", "2", "k", `n${i % 9}`][i % 6]!;
        lines.push(i % 3 === 0 ? `${other} -[h${i}:${"RSP"[i % 3]}]-> hub` : `hub -[h${i}:${"RSP"[i % 3]}]-> ${other}`);
      }
      lines.push("7 -[f1:S]-> far", "m -[f2:R]-> far", "far -[f3:P]-> farther", "10 -[f4:R]-> 7", "relations/b.yaml: k -[f5:S]-> 2");
      g = await load(dataSetFor(spec(...lines)));
    }, 60_000);

    it("orders integer-like neighbours first, as graphology does", async () => {
      const { ours, theirs } = await paths(g, "z", "far");
      // hub's out-steps to "7" come before those to "m", though "m" also reaches "far".
      expect(hops(ours)).toEqual(["z -e0-> hub", "hub -h1-> 7", "7 -f1-> far"]);
      expect(ours).toEqual(theirs);
    });

    it("agrees on every pair, in every direction, with and without budgets", async () => {
      const nodes = g.index.nodeKeys;
      for (const from of nodes)
        for (const to of nodes)
          for (const options of [{}, { direction: "forward" }, { direction: "backward", relationTypes: ["RESPONDS_TO", "PART_OF"] }, { budget: 90 }, { budget: 150 }] as WalkOptions[]) {
            const { ours, theirs } = await paths(g, from, to, options);
            expect(ours, `${from} to ${to} ${JSON.stringify(options)}`).toEqual(theirs);
          }
    }, 120_000);

    it("agrees on neighbourhoods around the hub, budgets included", async () => {
      for (const id of ["hub", "z", "7", "far"])
        for (const options of [{ depth: 2 }, { depth: 2, limit: 5 }, { depth: 1, budget: 100 }, { depth: 2, budget: 300 }, { depth: 3, budget: 1000, limit: 8 }, { direction: "backward", depth: 2 }] as NeighborhoodOptions[]) {
          const { ours, theirs } = await hoods(g, id, options);
          expect(ours, `${id} ${JSON.stringify(options)}`).toEqual(theirs);
        }
    });
  });

  /** A seeded random multigraph of events: parallel and deprecated relations, integer-like ids, a hub, three data files. */
  function randomSpec(seed: number): Spec {
    const rand = random(seed);
    const count = 10 + Math.floor(rand() * 25);
    const nodes = Array.from({ length: count }, (_, i) => (i % 5 === 2 ? String((count - i) * 3) : `n${i}`));
    nodes.push("isolated");
    const pick = () => nodes[Math.floor(rand() * (nodes.length - 1))]!;
    const files = ["relations/a.yaml", "relations/b-c.yaml", DEFAULT_FILE];
    const lines: string[] = [];
    const add = (source: string, target: string) => {
      if (source === target) return;
      const file = files[Math.floor(rand() * files.length)]!;
      const type = "RSP"[Math.floor(rand() * 3)]!;
      lines.push(`${file}: ${source} -[r${lines.length}:${type}${rand() < 0.1 ? "!" : ""}]-> ${target}`);
    };
    const relations = Math.floor(count * (1.2 + rand() * 1.5));
    for (let i = 0; i < relations; i++) {
      const last = lines[lines.length - 1];
      const parallel = last !== undefined && rand() < 0.15 ? ARROW.exec(last) : null;
      if (parallel) add(rand() < 0.5 ? parallel[2]! : parallel[6]!, rand() < 0.5 ? parallel[6]! : parallel[2]!);
      else add(pick(), pick());
    }
    if (rand() < 0.7) for (let i = 0; i < 70; i++) (rand() < 0.5 ? add(nodes[1]!, pick()) : add(pick(), nodes[1]!));
    return { nodes, relations: spec(...lines).relations };
  }

  function randomOptions(rand: () => number): WalkOptions {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
    return {
      direction: pick([undefined, "forward", "backward", "either", "either"] as const),
      relationTypes: pick([undefined, undefined, [], ["RETALIATES_FOR"], ["RESPONDS_TO", "PART_OF"], ["PART_OF", "NOT_A_TYPE"], ["NOT_A_TYPE"]]),
      budget: pick([undefined, undefined, 1 + Math.floor(rand() * 40), 1 + Math.floor(rand() * 300), LIMITS.traversalBudget]),
    };
  }

  const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];

  it.each(SEEDS)("random multigraph, seed %i: the same paths, neighbourhoods and errors", async (seed) => {
    const g = await load(dataSetFor(randomSpec(seed)));
    onTestFinished(() => {
      clients.splice(clients.indexOf(g.db), 1);
      return g.db.end();
    });
    const rand = random(seed * 1000 + 7);
    const nodes = g.index.nodeKeys;
    const pick = () => nodes[Math.floor(rand() * nodes.length)]!;
    const seen = { path: 0, none: 0, error: 0 };
    for (let i = 0; i < 60; i++) {
      const [from, to, options] = [pick(), pick(), randomOptions(rand)];
      const { ours, theirs } = await paths(g, from, to, options);
      expect(ours, `seed ${seed}: ${from} to ${to} ${JSON.stringify(options)}`).toEqual(theirs);
      seen["error" in ours ? "error" : ours.value === null ? "none" : "path"]++;
    }
    expect(seen.path).toBeGreaterThan(0);
    for (let i = 0; i < 30; i++) {
      const options: NeighborhoodOptions = { ...randomOptions(rand), depth: [undefined, 0, 1, 2, 3][Math.floor(rand() * 5)], limit: [undefined, 1, 3, 8, 20][Math.floor(rand() * 5)] };
      const id = pick();
      const { ours, theirs } = await hoods(g, id, options);
      expect(ours, `seed ${seed}: around ${id} ${JSON.stringify(options)}`).toEqual(theirs);
    }
  }, 60_000);

  describe("the bundled data", () => {
    let g: Awaited<ReturnType<typeof load>>;
    let sample: string[];

    beforeAll(async () => {
      const loaded = await load(dataSetOf(BUNDLED_DATA_DIR));
      // The in-memory side as the server builds it from the data directory.
      g = { ...loaded, index: createKnowledge(loadKnowledgeBase(BUNDLED_DATA_DIR)).index };
      const ids = [...g.index.nodeKeys].sort();
      sample = ids.filter((_, i) => i % Math.floor(ids.length / 16) === 0).slice(0, 16);
      sample.push("kataib-hezbollah", "iran-government", "israel-government");
    }, 60_000);

    it("gives the same shortest path for every pair of a sample of entities", async () => {
      let found = 0;
      for (const from of sample)
        for (const to of sample) {
          const { ours, theirs } = await paths(g, from, to);
          expect(ours, `${from} to ${to}`).toEqual(theirs);
          if ("value" in ours && ours.value !== null) found++;
          const directed = await paths(g, from, to, { direction: "forward", budget: LIMITS.traversalBudget });
          expect(directed.ours, `${from} to ${to}, forward`).toEqual(directed.theirs);
        }
      expect(found).toBeGreaterThan(sample.length * 10);
    }, 120_000);

    it("gives the same neighbourhoods", async () => {
      for (const id of sample)
        for (const options of [{}, { depth: 2, limit: 50 }, { depth: 2, direction: "backward", budget: LIMITS.traversalBudget }] as NeighborhoodOptions[]) {
          const { ours, theirs } = await hoods(g, id, options);
          expect(ours, `around ${id} ${JSON.stringify(options)}`).toEqual(theirs);
        }
    }, 60_000);
  });
});
