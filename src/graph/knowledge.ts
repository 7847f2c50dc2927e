/**
 * The loaded knowledge graph with its lookups, its compact traversal index and
 * its source documents: the one object the service layer works from.
 */
import { createTraversals, profileGraph } from "../algorithms/index.js";
import type { GraphProfile, RecordListMaxima, TraversalIndex } from "../algorithms/index.js";
import type { KnowledgeBase } from "../loading/validate.js";
import type { Evidence, SourceDocument } from "../model/records.js";
import { buildGraph } from "./build.js";
import { Lookups } from "./lookups.js";
import type { EntityNode, KnowledgeGraph, RelationEdge } from "./types.js";

export interface Knowledge {
  readonly graph: KnowledgeGraph;
  readonly lookups: Lookups;
  /** Built once here; the graph is never changed after load. */
  readonly traversals: TraversalIndex<EntityNode, RelationEdge>;
  /** Upper bounds on what queries can return (for the cost analysis). */
  readonly profile: GraphProfile;
  readonly sources: ReadonlyMap<string, SourceDocument>;
}

function recordListMaxima(kb: KnowledgeBase): RecordListMaxima {
  let claims = 0;
  let entityEvidence = 0;
  let relationEvidence = 0;
  let attributedTo = 0;
  const evidenceOf = (evidence: readonly Evidence[]) => {
    for (const entry of evidence) attributedTo = Math.max(attributedTo, entry.attributedTo?.length ?? 0);
  };
  for (const entity of kb.entities) {
    claims = Math.max(claims, entity.claims?.length ?? 0);
    entityEvidence = Math.max(entityEvidence, entity.evidence.length);
    evidenceOf(entity.evidence);
    evidenceOf((entity.claims ?? []).map((claim) => claim.evidence));
  }
  for (const relation of kb.relations) {
    relationEvidence = Math.max(relationEvidence, relation.evidence.length);
    evidenceOf(relation.evidence);
  }
  return { claims, entityEvidence, relationEvidence, attributedTo, sources: kb.sources.length };
}

export function createKnowledge(kb: KnowledgeBase): Knowledge {
  const graph = buildGraph(kb);
  const traversals = createTraversals(graph);
  return {
    graph,
    lookups: new Lookups(graph),
    traversals,
    profile: profileGraph(traversals.adjacency, recordListMaxima(kb)),
    sources: new Map(kb.sources.map((s) => [s.id, s])),
  };
}
