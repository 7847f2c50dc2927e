/**
 * The traversal index gives exactly the reference implementations' answers
 * (same paths, same orders, same flags) on many seeded random multigraphs:
 * self-loops, parallel edges both ways, hubs (past the size where the index
 * looks pairs up by binary search), integer-like keys (which graphology lists
 * first), mixed graphs with undirected edges, every direction, relation-type
 * filters (unknown types included), unreachable pairs and small limits.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import {
  allShortestPaths,
  createTraversals,
  DIRECTIONS,
  HUB_DEGREE,
  kShortestPaths,
  neighborhood,
  retaliationChain,
  shortestPath,
  type Direction,
} from "../../src/algorithms/index.js";
import { createWalker } from "../../src/algorithms/walk.js";
import { BudgetExceededError, NotFoundError } from "../../src/errors.js";
import { thrownBy } from "./errors.js";
import { graph, randomShapedGraph, seededRandom, type RandomGraphShape } from "./fixtures.js";

const MANY_TYPES = Array.from({ length: 12 }, (_, i) => `T${i}`);

const shapes: Array<[string, number, RandomGraphShape]> = [
  ["sparse, directed", 11, { order: 120, size: 300 }],
  ["dense, directed, with hubs", 12, { order: 60, size: 900, hubs: 3, hubShare: 0.5 }],
  ["integer-like keys only", 13, { order: 80, size: 420, numericKeys: 1, hubs: 1, hubShare: 0.35 }],
  ["mixed, with undirected edges", 14, { order: 70, size: 520, undirected: 0.3, hubs: 2, hubShare: 0.4 }],
  ["many relation types", 15, { order: 90, size: 450, types: MANY_TYPES }],
  ["mostly disconnected", 16, { order: 200, size: 130, hubs: 0 }],
];

const filtersOf = (types: readonly string[]): Array<string[] | undefined> => [
  undefined,
  [],
  [types[0]!],
  [types[0]!, types[2]!],
  ["UNKNOWN"],
  [types[1]!, "UNKNOWN"],
];

describe.each(shapes)("the traversal index on a random multigraph: %s", (_name, seed, shape) => {
  const g = randomShapedGraph(seed, shape);
  const index = createTraversals(g);
  const nodes = g.nodes();
  const random = seededRandom(seed * 31 + 7);
  const any = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const filters = filtersOf(shape.types ?? ["A", "B", "C"]);
  const pairs = Array.from({ length: 60 }, (_, i) => (i % 15 === 0 ? [nodes[i]!, nodes[i]!] : [any(nodes), any(nodes)]) as [string, string]);

  it("has hubs past the binary-search threshold when asked", () => {
    const widest = Math.max(...nodes.map((node) => g.degree(node)));
    if ((shape.hubs ?? 2) > 0 && shape.size >= 400) expect(widest).toBeGreaterThan(HUB_DEGREE);
  });

  it("holds each node's walk steps in exactly the walker's order, in every direction", () => {
    const { adjacency } = index;
    const byCode: Record<Direction, 0 | 1 | 2> = { forward: 0, backward: 1, either: 2 };
    for (const direction of DIRECTIONS) {
      const walk = createWalker(g, direction, null);
      for (const node of nodes) {
        const expected: Array<[string, string, boolean]> = [];
        walk(node, (edge, neighbor, reversed) => void expected.push([edge, neighbor, reversed]));
        const u = adjacency.nodeIndex(node);
        const actual: Array<[string, string, boolean]> = [];
        for (let j = adjacency.low[byCode[direction]][u]!; j < adjacency.high[byCode[direction]][u]!; j++) {
          actual.push([adjacency.edgeKey(adjacency.edge[j]!), adjacency.nodeKey(adjacency.neighbor[j]!), adjacency.reversed[j] === 1]);
        }
        expect(actual, `${direction} from ${node}`).toEqual(expected);
      }
    }
  });

  it("maps keys and relation types to indices and back", () => {
    const { adjacency } = index;
    g.forEachNode((node) => expect(adjacency.nodeKey(adjacency.nodeIndex(node))).toBe(node));
    g.forEachEdge((edge, attributes) => {
      const e = adjacency.edgeIndex(edge);
      expect(adjacency.edgeKey(e)).toBe(edge);
      expect(adjacency.typeName(adjacency.edgeType[e]!)).toBe(attributes.type);
    });
    expect(adjacency.nodeIndex("nobody")).toBe(-1);
    expect(adjacency.edgeIndex("nothing")).toBe(-1);
    expect(adjacency.typeId("UNKNOWN")).toBe(-1);
  });

  it.each(DIRECTIONS)("neighborhood agrees, direction %s", (direction) => {
    for (const relationTypes of filters) {
      for (const start of pairs.slice(0, 12).map(([from]) => from)) {
        for (const depth of [0, 1, 2, 3]) {
          for (const limit of [1, 3, 25, 1_000_000]) {
            const options = { direction, relationTypes, depth, limit };
            expect(index.neighborhood(start, options), JSON.stringify([start, options])).toEqual(neighborhood(g, start, options));
          }
        }
      }
    }
  });

  it.each(DIRECTIONS)("shortestPath and allShortestPaths agree, direction %s", (direction) => {
    let found = 0;
    for (const relationTypes of filters) {
      for (const [from, to] of pairs) {
        const options = { direction, relationTypes };
        const expected = shortestPath(g, from, to, options);
        if (expected !== null) found++;
        expect(index.shortestPath(from, to, options), JSON.stringify([from, to, options])).toEqual(expected);
        for (const limit of [1, 4, 1_000_000]) {
          expect(index.allShortestPaths(from, to, { ...options, limit }), JSON.stringify([from, to, options, limit])).toEqual(
            allShortestPaths(g, from, to, { ...options, limit }),
          );
        }
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  it.each(DIRECTIONS)("kShortestPaths agrees, direction %s", (direction) => {
    for (const relationTypes of filters.slice(0, 4)) {
      for (const [from, to] of pairs.slice(0, 25)) {
        for (const [maxLength, limit] of [[1, 10], [2, 1000], [3, 50], [4, 200], [6, 25]] as const) {
          const options = { direction, relationTypes, maxLength, limit };
          expect(index.kShortestPaths(from, to, options), JSON.stringify([from, to, options])).toEqual(kShortestPaths(g, from, to, options));
        }
      }
    }
  });

  it("retaliationChain agrees, for every relation type", () => {
    const dates = new Map(nodes.map((node) => [node, random() < 0.2 ? null : `2020-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`]));
    const dateOf = (node: string) => dates.get(node) ?? null;
    for (const relationType of [...(shape.types ?? ["A", "B", "C"]), "UNKNOWN", undefined]) {
      for (const event of nodes.slice(0, 40)) {
        const options = { relationType, dateOf };
        expect(index.retaliationChain(event, options), JSON.stringify([event, relationType])).toEqual(retaliationChain(g, event, options));
      }
    }
  });

  it("either answers within a budget or throws BudgetExceededError, in both implementations", () => {
    type Call = [string, (budget: number | undefined) => unknown, (budget: number | undefined) => unknown];
    const calls: Call[] = [];
    for (let i = 0; i < 40; i++) {
      const [from, to] = pairs[i]!;
      const walk = { direction: any(DIRECTIONS), relationTypes: any(filters) };
      const relationType = any([...(shape.types ?? ["A", "B", "C"]), "UNKNOWN"]);
      calls.push(
        ["neighborhood", (budget) => index.neighborhood(from, { ...walk, depth: 2, limit: 40, budget }), (budget) => neighborhood(g, from, { ...walk, depth: 2, limit: 40, budget })],
        ["shortestPath", (budget) => index.shortestPath(from, to, { ...walk, budget }), (budget) => shortestPath(g, from, to, { ...walk, budget })],
        ["allShortestPaths", (budget) => index.allShortestPaths(from, to, { ...walk, limit: 20, budget }), (budget) => allShortestPaths(g, from, to, { ...walk, limit: 20, budget })],
        ["kShortestPaths", (budget) => index.kShortestPaths(from, to, { ...walk, limit: 20, budget }), (budget) => kShortestPaths(g, from, to, { ...walk, limit: 20, budget })],
        ["retaliationChain", (budget) => index.retaliationChain(from, { relationType, dateOf: () => null, budget }), (budget) => retaliationChain(g, from, { relationType, dateOf: () => null, budget })],
      );
    }
    let threw = 0;
    let answered = 0;
    for (const [operation, ...implementations] of calls) {
      for (const call of implementations) {
        const unlimited = call(undefined);
        for (const budget of [1, 2, 5, 20, 100, 400, 2_000, 1e9]) {
          let result: unknown;
          try {
            result = call(budget);
          } catch (error) {
            expect(error).toBeInstanceOf(BudgetExceededError);
            expect(error).toMatchObject({ operation, budget });
            threw++;
            continue;
          }
          expect(result).toEqual(unlimited);
          answered++;
        }
      }
    }
    expect(threw).toBeGreaterThan(50);
    expect(answered).toBeGreaterThan(50);
  });
});

describe("the traversal index", () => {
  it("needs a budget no smaller than the one that first suffices, and then gives the full answer", () => {
    const g = randomShapedGraph(5, { order: 60, size: 700, hubs: 2, hubShare: 0.5 });
    const index = createTraversals(g);
    const nodes = g.nodes();
    for (const [from, to] of [[nodes[1]!, nodes[2]!], [nodes[7]!, nodes[0]!], [nodes[3]!, nodes[50]!]] as const) {
      const call = (budget?: number) => index.allShortestPaths(from, to, { limit: 30, budget });
      const fits = (budget: number) => {
        try {
          call(budget);
          return true;
        } catch (error) {
          if (error instanceof BudgetExceededError) return false;
          throw error;
        }
      };
      let low = 1;
      let high = 1_000_000;
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (fits(mid)) high = mid;
        else low = mid + 1;
      }
      if (low > 1) expect(fits(low - 1)).toBe(false);
      expect(call(low)).toEqual(call());
      expect(call(low + 1000)).toEqual(call());
    }
  });

  it("refuses to run on a graph that changed after it was built", () => {
    const g = graph("a -[ab:ALLY]-> b");
    const index = createTraversals(g);
    g.addNode("c");
    expect(() => index.shortestPath("a", "b")).toThrow(/changed/);
  });

  it("lets dateOf call the index while a retaliation chain is being assembled", () => {
    const g = graph("b -[r1:RETALIATES_FOR]-> a", "c -[r2:RETALIATES_FOR]-> b", "c -[x:ALLY]-> z");
    const index = createTraversals(g);
    const dateOf = (node: string) => {
      index.neighborhood(node, { depth: 3 });
      index.kShortestPaths(node, "z");
      return { a: "2020-01-01", b: "2020-01-02", c: "2020-01-03" }[node] ?? null;
    };
    expect(index.retaliationChain("b", { dateOf })).toEqual(retaliationChain(g, "b", { dateOf }));
    expect(index.retaliationChain("b", { dateOf }).edges).toEqual(["r1", "r2"]);
  });

  it("works on an empty graph and names unknown keys", () => {
    const index = createTraversals(new MultiDirectedGraph<Record<string, never>, { type: string }>());
    expect(thrownBy(() => index.neighborhood("x"))).toBeInstanceOf(NotFoundError);
    expect(thrownBy(() => index.shortestPath("x", "y"))).toMatchObject({ key: "x" });
    expect(thrownBy(() => index.kShortestPaths(1 as never, "y"))).toMatchObject({ key: "1" });
  });

  it("keeps relation-type filters exact with more than 256 relation types", () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(`s -[e${i}:T${i}]-> m${i}`, `m${i} -[f${i}:T${i}]-> t`);
    const g = graph(...lines);
    const index = createTraversals(g);
    for (const relationTypes of [["T0"], ["T299"], ["T257", "T3"], ["T256"]]) {
      expect(index.allShortestPaths("s", "t", { relationTypes, limit: 500 })).toEqual(allShortestPaths(g, "s", "t", { relationTypes, limit: 500 }));
      expect(index.neighborhood("s", { relationTypes, depth: 2 })).toEqual(neighborhood(g, "s", { relationTypes, depth: 2 }));
    }
    expect(index.allShortestPaths("s", "t", { limit: 500 })).toHaveLength(300);
  });

  it("builds from a large graph once and answers repeated calls alike (marks are never cleared between calls)", () => {
    const g = randomShapedGraph(77, { order: 3_000, size: 12_000, hubs: 4, hubShare: 0.2 });
    const index = createTraversals(g);
    const nodes = g.nodes();
    const random = seededRandom(3);
    for (let i = 0; i < 300; i++) {
      const from = nodes[Math.floor(random() * nodes.length)]!;
      const to = nodes[Math.floor(random() * nodes.length)]!;
      const first = index.shortestPath(from, to);
      expect(index.shortestPath(from, to)).toEqual(first);
      if (i % 10 === 0) expect(first).toEqual(shortestPath(g, from, to));
      if (i % 30 === 0) expect(index.neighborhood(from, { depth: 2, limit: 100 })).toEqual(neighborhood(g, from, { depth: 2, limit: 100 }));
    }
  });
});
