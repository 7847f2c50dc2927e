/**
 * The loaded knowledge graph with its lookups and source documents: the one
 * object the service layer works from.
 */
import type { KnowledgeBase } from "../loading/validate.js";
import type { SourceDocument } from "../model/records.js";
import { buildGraph } from "./build.js";
import { Lookups } from "./lookups.js";
import type { KnowledgeGraph } from "./types.js";

export interface Knowledge {
  readonly graph: KnowledgeGraph;
  readonly lookups: Lookups;
  readonly sources: ReadonlyMap<string, SourceDocument>;
}

export function createKnowledge(kb: KnowledgeBase): Knowledge {
  const graph = buildGraph(kb);
  return {
    graph,
    lookups: new Lookups(graph),
    sources: new Map(kb.sources.map((s) => [s.id, s])),
  };
}
