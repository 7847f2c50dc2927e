/**
 * The loaded knowledge graph with its lookups, its compact traversal index and
 * its source documents: the one object the service layer works from.
 */
import { createTraversals } from "../algorithms/index.js";
import type { TraversalIndex } from "../algorithms/index.js";
import type { KnowledgeBase } from "../loading/validate.js";
import type { SourceDocument } from "../model/records.js";
import { buildGraph } from "./build.js";
import { Lookups } from "./lookups.js";
import type { EntityNode, KnowledgeGraph, RelationEdge } from "./types.js";

export interface Knowledge {
  readonly graph: KnowledgeGraph;
  readonly lookups: Lookups;
  /** Built once here; the graph is never changed after load. */
  readonly traversals: TraversalIndex<EntityNode, RelationEdge>;
  readonly sources: ReadonlyMap<string, SourceDocument>;
}

export function createKnowledge(kb: KnowledgeBase): Knowledge {
  const graph = buildGraph(kb);
  return {
    graph,
    lookups: new Lookups(graph),
    traversals: createTraversals(graph),
    sources: new Map(kb.sources.map((s) => [s.id, s])),
  };
}
