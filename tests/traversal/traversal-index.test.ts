/**
 * The traversal index gives exactly the oracles' answers (same paths, same
 * orders, same flags) on many seeded random multigraphs: self-loops, parallel
 * edges both ways, hubs (past the size where the index looks pairs up by
 * binary search), integer-like keys (which graphology lists first), every
 * direction, relation-type filters (unknown types included), unreachable
 * pairs and small limits.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import * as indexed from "../../src/traversal/index.js";
import { buildTraversalIndex, HUB_DEGREE } from "../../src/traversal/index.js";
import { BudgetExceededError, NotFoundError } from "../../src/errors.js";
import { allShortestPaths, createWalker, DIRECTIONS, kShortestPaths, neighborhood, retaliationChain, shortestPath, type Direction } from "./oracles/index.js";
import { thrownBy } from "./errors.js";
import { graph, randomShapedGraph, seededRandom, type RandomGraphShape } from "./fixtures.js";

const MANY_TYPES = Array.from({ length: 12 }, (_, i) => `T${i}`);

const shapes: Array<[string, number, RandomGraphShape]> = [
  ["sparse", 11, { order: 120, size: 300 }],
  ["dense, with hubs", 12, { order: 60, size: 900, hubs: 3, hubShare: 0.5 }],
  ["integer-like keys only", 13, { order: 80, size: 420, numericKeys: 1, hubs: 1, hubShare: 0.35 }],
  ["many relation types", 15, { order: 90, size: 450, types: MANY_TYPES }],
  ["mostly disconnected", 16, { order: 200, size: 130, hubs: 0 }],
  ["hubs meeting hubs", 21, { order: 150, size: 1_400, hubs: 6, hubShare: 0.6 }],
  ["integer-like keys beside others, with hubs", 22, { order: 110, size: 800, numericKeys: 0.5, hubs: 2, hubShare: 0.45 }],
  ["many parallel edges", 23, { order: 60, size: 1_500, hubs: 1, hubShare: 0.2 }],
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
  const index = buildTraversalIndex(g);
  const nodes = g.nodes();
  const random = seededRandom(seed * 31 + 7);
  const any = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const filters = filtersOf(shape.types ?? ["A", "B", "C"]);
  const pairs = Array.from({ length: 60 }, (_, i) => (i % 15 === 0 ? [nodes[i]!, nodes[i]!] : [any(nodes), any(nodes)]) as [string, string]);

  it("has hubs past the binary-search threshold when asked", () => {
    const widest = Math.max(...nodes.map((node) => g.degree(node)));
    if ((shape.hubs ?? 2) > 0 && shape.size >= 400) expect(widest).toBeGreaterThan(HUB_DEGREE);
  });

  it("holds each node's walk steps in exactly the oracle walker's order, in every direction", () => {
    const byCode: Record<Direction, 0 | 1 | 2> = { forward: 0, backward: 1, either: 2 };
    for (const direction of DIRECTIONS) {
      const walk = createWalker(g, direction, null);
      for (const node of nodes) {
        const expected: Array<[string, string, boolean]> = [];
        walk(node, (edge, neighbor, reversed) => void expected.push([edge, neighbor, reversed]));
        const u = index.nodeIndex(node);
        const actual: Array<[string, string, boolean]> = [];
        for (let j = index.low[byCode[direction]][u]!; j < index.high[byCode[direction]][u]!; j++) {
          actual.push([index.edgeKeys[index.edge[j]!]!, index.nodeKeys[index.neighbor[j]!]!, j >= index.inStart[u]!]);
        }
        expect(actual, `${direction} from ${node}`).toEqual(expected);
      }
    }
  });

  it("numbers nodes, edges and relation types in graphology's order", () => {
    expect(index.nodeKeys).toEqual(g.nodes());
    expect(index.edgeKeys).toEqual(g.edges());
    g.forEachNode((node, _attributes) => expect(index.nodeKeys[index.nodeIndex(node)]).toBe(node));
    g.forEachEdge((edge, attributes) => expect(index.typeNames[index.edgeType[index.edgeKeys.indexOf(edge)]!]).toBe(attributes.type));
    expect(index.nodeIndex("nobody")).toBe(-1);
  });

  it.each(DIRECTIONS)("neighborhood agrees, direction %s", (direction) => {
    for (const relationTypes of filters) {
      for (const start of pairs.slice(0, 12).map(([from]) => from)) {
        for (const depth of [0, 1, 2, 3]) {
          for (const limit of [1, 3, 25, 1_000_000]) {
            const options = { direction, relationTypes, depth, limit };
            expect(indexed.neighborhood(index, start, options), JSON.stringify([start, options])).toEqual(neighborhood(g, start, options));
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
        expect(indexed.shortestPath(index, from, to, options), JSON.stringify([from, to, options])).toEqual(expected);
        for (const limit of [1, 4, 1_000_000]) {
          expect(indexed.allShortestPaths(index, from, to, { ...options, limit }), JSON.stringify([from, to, options, limit])).toEqual(
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
          expect(indexed.kShortestPaths(index, from, to, options), JSON.stringify([from, to, options])).toEqual(kShortestPaths(g, from, to, options));
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
        expect(indexed.retaliationChain(index, event, options), JSON.stringify([event, relationType])).toEqual(retaliationChain(g, event, options));
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
        ["neighborhood", (budget) => indexed.neighborhood(index, from, { ...walk, depth: 2, limit: 40, budget }), (budget) => neighborhood(g, from, { ...walk, depth: 2, limit: 40, budget })],
        ["shortestPath", (budget) => indexed.shortestPath(index, from, to, { ...walk, budget }), (budget) => shortestPath(g, from, to, { ...walk, budget })],
        ["allShortestPaths", (budget) => indexed.allShortestPaths(index, from, to, { ...walk, limit: 20, budget }), (budget) => allShortestPaths(g, from, to, { ...walk, limit: 20, budget })],
        ["kShortestPaths", (budget) => indexed.kShortestPaths(index, from, to, { ...walk, limit: 20, budget }), (budget) => kShortestPaths(g, from, to, { ...walk, limit: 20, budget })],
        ["retaliationChain", (budget) => indexed.retaliationChain(index, from, { relationType, dateOf: () => null, budget }), (budget) => retaliationChain(g, from, { relationType, dateOf: () => null, budget })],
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
    const index = buildTraversalIndex(g);
    const nodes = g.nodes();
    for (const [from, to] of [[nodes[1]!, nodes[2]!], [nodes[7]!, nodes[0]!], [nodes[3]!, nodes[50]!]] as const) {
      const call = (budget?: number) => indexed.allShortestPaths(index, from, to, { limit: 30, budget });
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

  it("lets dateOf call the index while a retaliation chain is being assembled", () => {
    const g = graph("b -[r1:RETALIATES_FOR]-> a", "c -[r2:RETALIATES_FOR]-> b", "c -[x:ALLY]-> z");
    const index = buildTraversalIndex(g);
    const dateOf = (node: string) => {
      indexed.neighborhood(index, node, { depth: 3 });
      indexed.kShortestPaths(index, node, "z");
      return { a: "2020-01-01", b: "2020-01-02", c: "2020-01-03" }[node] ?? null;
    };
    expect(indexed.retaliationChain(index, "b", { dateOf })).toEqual(retaliationChain(g, "b", { dateOf }));
    expect(indexed.retaliationChain(index, "b", { dateOf }).edges).toEqual(["r1", "r2"]);
  });

  it("works on an empty graph and names unknown keys", () => {
    const index = buildTraversalIndex(new MultiDirectedGraph<Record<string, never>, { type: string }>());
    expect(thrownBy(() => indexed.neighborhood(index, "x"))).toBeInstanceOf(NotFoundError);
    expect(thrownBy(() => indexed.shortestPath(index, "x", "y"))).toMatchObject({ key: "x" });
    expect(thrownBy(() => indexed.kShortestPaths(index, 1 as never, "y"))).toMatchObject({ key: "1" });
  });

  it("keeps relation-type filters exact with more than 256 relation types", () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(`s -[e${i}:T${i}]-> m${i}`, `m${i} -[f${i}:T${i}]-> t`);
    const g = graph(...lines);
    const index = buildTraversalIndex(g);
    for (const relationTypes of [["T0"], ["T299"], ["T257", "T3"], ["T256"]]) {
      expect(indexed.allShortestPaths(index, "s", "t", { relationTypes, limit: 500 })).toEqual(allShortestPaths(g, "s", "t", { relationTypes, limit: 500 }));
      expect(indexed.neighborhood(index, "s", { relationTypes, depth: 2 })).toEqual(neighborhood(g, "s", { relationTypes, depth: 2 }));
    }
    expect(indexed.allShortestPaths(index, "s", "t", { limit: 500 })).toHaveLength(300);
  });

  it("builds from a large graph once and answers repeated calls alike (marks are never cleared between calls)", () => {
    const g = randomShapedGraph(77, { order: 3_000, size: 12_000, hubs: 4, hubShare: 0.2 });
    const index = buildTraversalIndex(g);
    const nodes = g.nodes();
    const random = seededRandom(3);
    for (let i = 0; i < 300; i++) {
      const from = nodes[Math.floor(random() * nodes.length)]!;
      const to = nodes[Math.floor(random() * nodes.length)]!;
      const first = indexed.shortestPath(index, from, to);
      expect(indexed.shortestPath(index, from, to)).toEqual(first);
      if (i % 10 === 0) expect(first).toEqual(shortestPath(g, from, to));
      if (i % 30 === 0) expect(indexed.neighborhood(index, from, { depth: 2, limit: 100 })).toEqual(neighborhood(g, from, { depth: 2, limit: 100 }));
    }
  });
});
