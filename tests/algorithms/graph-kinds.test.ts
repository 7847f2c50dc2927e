import { DirectedGraph, MultiGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { createTraversals, kShortestPaths, neighborhood, retaliationChain, shortestPath } from "../../src/algorithms/index.js";
import type { KnowledgeGraph } from "../../src/graph/types.js";
import { describePath } from "./fixtures.js";
import { implementations } from "./implementations.js";

describe.each(implementations)("graphs other than a multi directed graph, $name", ({ neighborhood, shortestPath, kShortestPaths }) => {
  it("walk undirected edges of a mixed graph in any direction, never as reversed", () => {
    const g = new MultiGraph<Record<string, never>, { type: string }>();
    g.addNode("a");
    g.addNode("b");
    g.addNode("c");
    g.addDirectedEdgeWithKey("ab", "a", "b", { type: "ALLY" });
    g.addUndirectedEdgeWithKey("bc", "b", "c", { type: "ALLY" });
    g.addUndirectedEdgeWithKey("cc", "c", "c", { type: "ALLY" });

    expect(describePath(shortestPath(g, "a", "c", { direction: "forward" })!)).toBe("a -ab-> b -bc-> c");
    expect(describePath(shortestPath(g, "c", "a", { direction: "backward" })!)).toBe("c -bc-> b <-ab- a");
    expect(shortestPath(g, "c", "a", { direction: "forward" })).toBeNull();
    expect(neighborhood(g, "b", { direction: "forward" })).toEqual({
      nodes: [
        { id: "b", depth: 0 },
        { id: "c", depth: 1 },
      ],
      edges: ["bc", "cc"],
      truncated: false,
    });
  });

  it("work on an undirected graph, hubs included", () => {
    const g = new UndirectedGraph<Record<string, never>, { type: string }>();
    g.mergeEdgeWithKey("ab", "a", "b", { type: "ALLY" });
    g.mergeEdgeWithKey("bc", "b", "c", { type: "ALLY" });
    g.mergeEdgeWithKey("cc", "c", "c", { type: "ALLY" });
    for (let i = 0; i < 100; i++) g.mergeEdgeWithKey(`h${i}`, "b", `leaf${i}`, { type: i % 2 === 0 ? "ALLY" : "FUNDS" });
    expect(describePath(shortestPath(g, "c", "a")!)).toBe("c -bc-> b -ab-> a");
    expect(kShortestPaths(g, "leaf1", "leaf3", { relationTypes: ["FUNDS"] }).map(describePath)).toEqual(["leaf1 -h1-> b -h3-> leaf3"]);
    expect(neighborhood(g, "c", { depth: 2, limit: 4 })).toEqual({
      nodes: [
        { id: "c", depth: 0 },
        { id: "b", depth: 1 },
        { id: "a", depth: 2 },
        { id: "leaf0", depth: 2 },
      ],
      edges: ["cc", "bc", "ab", "h0"],
      truncated: true,
    });
  });

  it("work on a simple directed graph with a hub and integer-like keys", () => {
    const g = new DirectedGraph<Record<string, never>, { type: string }>();
    for (let i = 0; i < 100; i++) {
      g.mergeEdgeWithKey(`out${i}`, "hub", String(99 - i), { type: "ALLY" });
      g.mergeEdgeWithKey(`in${i}`, String((i * 7) % 100), "hub", { type: "ALLY" });
    }
    // graphology lists integer-like keys first, in numeric order: so does every walk.
    expect(neighborhood(g, "hub", { limit: 3, direction: "forward" }).nodes.map((node) => node.id)).toEqual(["hub", "0", "1"]);
    expect(describePath(shortestPath(g, "5", "8")!)).toBe("5 -in15-> hub -out91-> 8");
  });

  it("work on a simple directed graph", () => {
    const g = new DirectedGraph<Record<string, never>, { type: string }>();
    g.mergeEdgeWithKey("xy", "x", "y", { type: "ALLY" });
    g.mergeEdgeWithKey("yz", "y", "z", { type: "ALLY" });
    expect(kShortestPaths(g, "x", "z").map(describePath)).toEqual(["x -xy-> y -yz-> z"]);
  });
});

describe("types", () => {

  it("accept the knowledge graph's own type", () => {
    const compiles = (kg: KnowledgeGraph) => [
      neighborhood(kg, "x"),
      shortestPath(kg, "x", "y"),
      retaliationChain(kg, "x", { dateOf: (id) => kg.getNodeAttribute(id, "date")?.earliest ?? null }),
      createTraversals(kg).shortestPath("x", "y"),
      createTraversals(kg).retaliationChain("x", { dateOf: (id) => kg.getNodeAttribute(id, "date")?.earliest ?? null }),
    ];
    expect(compiles).toBeTypeOf("function");
  });
});
