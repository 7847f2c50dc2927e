/**
 * Which graphs the traversals take: the index takes a directed graph, multi
 * (the knowledge graph) or simple; it refuses any other, naming what it needs.
 */
import { DirectedGraph, MultiGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildTraversalIndex, shortestPath } from "../../src/traversal/index.js";
import { describePath } from "./fixtures.js";
import { implementations } from "./implementations.js";

describe.each(implementations)("a simple directed graph, $name", ({ neighborhood, shortestPath, kShortestPaths }) => {
  it("works with a hub and integer-like keys", () => {
    const g = new DirectedGraph<Record<string, never>, { type: string }>();
    for (let i = 0; i < 100; i++) {
      g.mergeEdgeWithKey(`out${i}`, "hub", String(99 - i), { type: "ALLY" });
      g.mergeEdgeWithKey(`in${i}`, String((i * 7) % 100), "hub", { type: "ALLY" });
    }
    // graphology lists integer-like keys first, in numeric order: so does every walk.
    expect(neighborhood(g, "hub", { limit: 3, direction: "forward" }).nodes.map((node) => node.id)).toEqual(["hub", "0", "1"]);
    expect(describePath(shortestPath(g, "5", "8")!)).toBe("5 -in15-> hub -out91-> 8");
  });

  it("works on a plain chain", () => {
    const g = new DirectedGraph<Record<string, never>, { type: string }>();
    g.mergeEdgeWithKey("xy", "x", "y", { type: "ALLY" });
    g.mergeEdgeWithKey("yz", "y", "z", { type: "ALLY" });
    expect(kShortestPaths(g, "x", "z").map(describePath)).toEqual(["x -xy-> y -yz-> z"]);
  });
});

describe("graphs the index does not take", () => {
  it.each([
    ["undirected", new UndirectedGraph()],
    ["mixed", new MultiGraph()],
  ])("refuses an %s graph, naming what it needs", (type, g) => {
    expect(() => buildTraversalIndex(g as never)).toThrow(new TypeError(`buildTraversalIndex: the graph must be directed (got a ${type} graph)`));
  });

  it("takes an empty directed graph", () => {
    const index = buildTraversalIndex(new DirectedGraph());
    expect(index.order).toBe(0);
    expect(() => shortestPath(index, "a", "b")).toThrow(/No entity with id "a"/);
  });
});

describe("edges left out of the index", () => {
  it("are never walked: the index holds only the edges `include` keeps", () => {
    const g = new DirectedGraph<Record<string, never>, { type: string; deprecated?: boolean }>();
    g.mergeEdgeWithKey("ab", "a", "b", { type: "ALLY", deprecated: true });
    g.mergeEdgeWithKey("ac", "a", "c", { type: "ALLY" });
    g.mergeEdgeWithKey("cb", "c", "b", { type: "ALLY" });
    const index = buildTraversalIndex(g, (edge) => !edge.deprecated);
    expect(index.size).toBe(2);
    expect(index.edgeKeys).toEqual(["ac", "cb"]);
    expect(describePath(shortestPath(index, "a", "b")!)).toBe("a -ac-> c -cb-> b");
  });
});
