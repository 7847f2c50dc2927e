import { DirectedGraph, MultiGraph } from "graphology";
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
