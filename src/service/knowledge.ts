/**
 * The loaded knowledge graph with its lookups, its search index, its traversal index, the
 * profile of what queries can return and its source documents: the one object
 * the service works from, assembled once from validated records.
 */
import { buildGraph } from "../graph/build.js";
import { Lookups } from "../graph/lookups.js";
import { SearchIndex } from "../graph/search-index.js";
import type { KnowledgeGraph } from "../graph/types.js";
import type { KnowledgeBase } from "../loading/validate.js";
import type { SourceDocument } from "../model/records.js";
import { buildTraversalIndex } from "../traversal/index.js";
import type { TraversalIndex } from "../traversal/index.js";
import { buildGeography } from "./geography.js";
import type { Geography } from "./geography.js";
import { profileGraph, recordListMaxima } from "./graph-profile.js";
import type { GraphProfile } from "./graph-profile.js";

export interface Knowledge {
  readonly graph: KnowledgeGraph;
  readonly lookups: Lookups;
  /** Entity search by id, name, alias, variant and description. */
  readonly search: SearchIndex;
  /** Built once here, of the relations that are not deprecated; the graph is never changed after load. */
  readonly index: TraversalIndex;
  /** Countries and coordinates of places, bases and events. */
  readonly geography: Geography;
  /** Upper bounds on what queries can return (for the cost analysis). */
  readonly profile: GraphProfile;
  readonly sources: ReadonlyMap<string, SourceDocument>;
}

export function createKnowledge(kb: KnowledgeBase): Knowledge {
  const graph = buildGraph(kb);
  const index = buildTraversalIndex(graph, (edge) => edge.record.rank !== "DEPRECATED");
  return {
    graph,
    lookups: new Lookups(graph),
    search: new SearchIndex(graph),
    index,
    geography: buildGeography(kb),
    profile: profileGraph(index, recordListMaxima(kb)),
    sources: new Map(kb.sources.map((s) => [s.id, s])),
  };
}
