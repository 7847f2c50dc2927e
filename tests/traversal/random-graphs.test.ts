/**
 * The traversals agree with deliberately naive reference implementations on
 * seeded random multigraphs (parallel edges and self-loops included), in every
 * direction and with and without a relation-type filter.
 */
import { describe, expect, it } from "vitest";
import type { Direction } from "./oracles/index.js";
import type { Path } from "../../src/traversal/index.js";
import { randomGraph, seededRandom, type TestGraph } from "./fixtures.js";
import { implementations } from "./implementations.js";

interface RefStep {
  edge: string;
  from: string;
  to: string;
  reversed: boolean;
}

/**
 * Each node's steps in the documented order: out-edges then in-edges, grouped
 * by neighbour in order of first connection, parallel edges in insertion order.
 */
function referenceSteps(g: TestGraph, direction: Direction, types: string[] | undefined): Map<string, RefStep[]> {
  type Groups = Map<string, Map<string, Array<RefStep | null>>>;
  const outGroups: Groups = new Map();
  const inGroups: Groups = new Map();
  g.forEachNode((node) => {
    outGroups.set(node, new Map());
    inGroups.set(node, new Map());
  });
  // A step that may not be walked is kept as null: it still fixes its neighbour's place in the order.
  const group = (groups: Groups, node: string, neighbor: string, step: RefStep | null) => {
    const byNeighbor = groups.get(node)!;
    if (!byNeighbor.has(neighbor)) byNeighbor.set(neighbor, []);
    byNeighbor.get(neighbor)!.push(step);
  };
  g.forEachEdge((edge, attributes, source, target) => {
    const allowed = source !== target && (types === undefined || types.includes(attributes.type));
    group(outGroups, source, target, allowed ? { edge, from: source, to: target, reversed: false } : null);
    group(inGroups, target, source, allowed ? { edge, from: target, to: source, reversed: true } : null);
  });
  const steps = new Map<string, RefStep[]>();
  g.forEachNode((node) => {
    const list: RefStep[] = [];
    const take = (groups: Groups) => {
      for (const run of groups.get(node)!.values()) for (const step of run) if (step !== null) list.push(step);
    };
    if (direction !== "backward") take(outGroups);
    if (direction !== "forward") take(inGroups);
    steps.set(node, list);
  });
  return steps;
}

function referenceDistances(steps: Map<string, RefStep[]>, start: string): Map<string, number> {
  const distance = new Map([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const step of steps.get(node)!) {
      if (!distance.has(step.to)) {
        distance.set(step.to, distance.get(node)! + 1);
        queue.push(step.to);
      }
    }
  }
  return distance;
}

const reverseOf = (direction: Direction): Direction => (direction === "forward" ? "backward" : direction === "backward" ? "forward" : "either");

/** All simple paths from `from` to `to` of at most `maxLength` edges, depth first in step order. */
function referenceSimplePaths(steps: Map<string, RefStep[]>, from: string, to: string, maxLength: number): Path[] {
  const paths: Path[] = [];
  const extend = (nodes: string[], taken: RefStep[]) => {
    const last = nodes[nodes.length - 1]!;
    if (last === to) {
      paths.push({ nodes: [...nodes], steps: [...taken] });
      return;
    }
    if (taken.length === maxLength) return;
    for (const step of steps.get(last)!) {
      if (nodes.includes(step.to)) continue;
      extend([...nodes, step.to], [...taken, step]);
    }
  };
  extend([from], []);
  return paths;
}

/** All shortest paths, depth first in step order (`distanceTo` prunes the search). */
function referenceShortestPaths(steps: Map<string, RefStep[]>, from: string, to: string, distanceTo: Map<string, number>): Path[] {
  const total = distanceTo.get(from);
  if (total === undefined) return [];
  const paths: Path[] = [];
  const extend = (nodes: string[], taken: RefStep[]) => {
    const last = nodes[nodes.length - 1]!;
    if (last === to) {
      paths.push({ nodes: [...nodes], steps: [...taken] });
      return;
    }
    for (const step of steps.get(last)!) {
      if (distanceTo.get(step.to) === total - taken.length - 1) extend([...nodes, step.to], [...taken, step]);
    }
  };
  extend([from], []);
  return paths;
}

const g = randomGraph(20240601, 200, 600);
const small = randomGraph(7, 40, 120);
const random = seededRandom(99);
const someNode = (graph: TestGraph) => `n${Math.floor(random() * graph.order)}`;

const configurations: Array<[Direction, string[] | undefined]> = [
  ["either", undefined],
  ["forward", undefined],
  ["backward", undefined],
  ["either", ["A", "B"]],
  ["forward", ["A", "C"]],
];

describe.each(implementations)("$name", ({ allShortestPaths, kShortestPaths, neighborhood, shortestPath }) => {
  describe.each(configurations)("on random multigraphs, direction %s, relation types %j", (direction, relationTypes) => {
    const steps = referenceSteps(g, direction, relationTypes);
    const backSteps = referenceSteps(g, reverseOf(direction), relationTypes);
    const pairs = Array.from({ length: 120 }, () => [someNode(g), someNode(g)] as const);

    it("shortestPath is as short as a plain BFS finds, and is its first path in step order", () => {
      let reachable = 0;
      for (const [from, to] of pairs) {
        const path = shortestPath(g, from, to, { direction, relationTypes });
        const expected = referenceShortestPaths(steps, from, to, referenceDistances(backSteps, to))[0] ?? null;
        if (expected !== null) reachable++;
        expect(path?.steps.length, `${from} -> ${to}`).toBe(referenceDistances(steps, from).get(to));
        expect(path, `${from} -> ${to}`).toEqual(expected);
      }
      expect(reachable).toBeGreaterThan(10);
    });

    it("allShortestPaths returns exactly the shortest paths, in step order", () => {
      for (const [from, to] of pairs) {
        const expected = referenceShortestPaths(steps, from, to, referenceDistances(backSteps, to));
        expect(allShortestPaths(g, from, to, { direction, relationTypes, limit: 10_000 }), `${from} -> ${to}`).toEqual(expected);
        expect(allShortestPaths(g, from, to, { direction, relationTypes, limit: 3 })).toEqual(expected.slice(0, 3));
      }
    });

    it("kShortestPaths returns the simple paths by length, then in step order", () => {
      const smallSteps = referenceSteps(small, direction, relationTypes);
      let found = 0;
      for (let i = 0; i < 60; i++) {
        const from = someNode(small);
        const to = someNode(small);
        const byLength = referenceSimplePaths(smallSteps, from, to, 4).sort((a, b) => a.steps.length - b.steps.length);
        found += byLength.length;
        expect(kShortestPaths(small, from, to, { direction, relationTypes, limit: 100_000 }), `${from} -> ${to}`).toEqual(byLength);
        expect(kShortestPaths(small, from, to, { direction, relationTypes, limit: 5, maxLength: 3 })).toEqual(
          byLength.filter((path) => path.steps.length <= 3).slice(0, 5),
        );
      }
      expect(found).toBeGreaterThan(20);
    });

    it("neighborhood finds every node within depth at its BFS distance, and the edges among them", () => {
      for (const [from] of pairs.slice(0, 30)) {
        const distance = referenceDistances(steps, from);
        const expected = [...distance].filter(([, d]) => d <= 2).map(([id, depth]) => ({ id, depth }));
        for (const limit of [100_000, 4]) {
          const result = neighborhood(g, from, { direction, relationTypes, depth: 2, limit });
          expect(result.nodes).toEqual(expected.slice(0, limit));
          expect(result.truncated).toBe(expected.length > limit);
          // By source, then target, in node order; parallel edges in insertion order.
          const rank = new Map(result.nodes.map((node, i) => [node.id, i]));
          const induced = g
            .filterEdges((_edge, attributes, source, target) => rank.has(source) && rank.has(target) && (relationTypes === undefined || relationTypes.includes(attributes.type)))
            .sort((a, b) => rank.get(g.source(a))! - rank.get(g.source(b))! || rank.get(g.target(a))! - rank.get(g.target(b))!);
          expect(result.edges).toEqual(induced);
        }
      }
    });
  });
});
