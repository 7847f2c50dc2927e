/**
 * Building the knowledge graph: one node per entity and one edge per relation,
 * and every iteration order exactly what a plain graphology graph built from
 * the same records gives (the builder changes how adjacency is stored, for
 * speed, never what it holds or the order it is walked in).
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.js";
import { buildGraph } from "../../src/graph/build.js";
import type { KnowledgeBase } from "../../src/loading/validate.js";
import type { EntityRecord, RelationRecord } from "../../src/model/records.js";

/** A generated knowledge base plus places with integer-like ids (which objects order first) and parallel relations. */
function knowledgeBase(): KnowledgeBase {
  const { knowledgeBase: base } = generate(3_000, 5);
  const evidence = [{ document: base.sources[0]!.id, excerpt: "synthetic", attribution: "the test" }];
  const place = (id: string): EntityRecord => ({ id, kind: "Place", name: `Place ${id}`, placeType: "CITY", description: "A place.", evidence }) as EntityRecord;
  const locatedIn = (id: string, source: string, target: string): RelationRecord => ({ id, type: "LOCATED_IN", source, target, evidence });
  const existing = base.entities.find((e) => e.kind === "Place")!.id;
  return {
    sources: base.sources,
    locations: [],
    entities: [...base.entities, place("12"), place("7"), place("0")],
    relations: [
      ...base.relations,
      locatedIn("x1", "12", existing),
      locatedIn("x2", "7", existing),
      locatedIn("x3", "7", existing),
      locatedIn("x4", "0", "12"),
      locatedIn("x5", existing, "7"),
      locatedIn("x6", "0", existing),
    ],
  };
}

function plainGraph(kb: KnowledgeBase) {
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const entity of kb.entities) graph.addNode(entity.id);
  for (const relation of kb.relations) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target);
  return graph;
}

describe("buildGraph", () => {
  const kb = knowledgeBase();
  const graph = buildGraph(kb);
  const plain = plainGraph(kb);

  it("has one node per entity and one edge per relation, with their records", () => {
    expect(graph.order).toBe(kb.entities.length);
    expect(graph.size).toBe(kb.relations.length);
    expect(graph.getNodeAttribute("7", "record")).toBe(kb.entities.find((e) => e.id === "7"));
    expect(graph.getEdgeAttributes("x2")).toMatchObject({ type: "LOCATED_IN", date: null });
  });

  it("iterates nodes, edges, neighbours and each node's edges in the same order as a plain graphology graph", () => {
    expect(graph.nodes()).toEqual(plain.nodes());
    expect(graph.edges()).toEqual(plain.edges());
    for (const node of plain.nodes()) {
      expect(graph.outNeighbors(node)).toEqual(plain.outNeighbors(node));
      expect(graph.inNeighbors(node)).toEqual(plain.inNeighbors(node));
      expect(graph.outEdges(node)).toEqual(plain.outEdges(node));
      expect(graph.inEdges(node)).toEqual(plain.inEdges(node));
    }
  });

  it("orders integer-like neighbour ids first, as graphology's plain objects do", () => {
    const existing = graph.target("x1");
    expect(graph.inNeighbors(existing).slice(0, 3)).toEqual(["0", "7", "12"]);
  });
});
