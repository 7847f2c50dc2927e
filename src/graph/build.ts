/**
 * Builds the graphology graph from a validated knowledge base: one node per
 * entity, one edge per relation, with the parsed dates alongside the records.
 */
import { MultiDirectedGraph } from "graphology";
import { parsePartialDate } from "../model/dates.js";
import type { PartialDate } from "../model/dates.js";
import type { DateRecord } from "../model/records.js";
import type { KnowledgeBase } from "../loading/validate.js";
import type { EntityNode, KnowledgeGraph, RelationEdge } from "./types.js";

function parsedDate(date: DateRecord | undefined): PartialDate | null {
  if (!date) return null;
  const parsed = parsePartialDate(date.value);
  if (typeof parsed === "string") throw new Error(`unvalidated date reached the graph: ${parsed}`);
  return parsed;
}

export function buildGraph(kb: KnowledgeBase): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<EntityNode, RelationEdge>({ allowSelfLoops: true });
  for (const record of kb.entities) {
    graph.addNode(record.id, {
      kind: record.kind,
      name: record.name,
      date: parsedDate("date" in record ? record.date : undefined),
      record,
    });
  }
  for (const record of kb.relations) {
    graph.addDirectedEdgeWithKey(record.id, record.source, record.target, {
      type: record.type,
      date: parsedDate(record.date),
      record,
    });
  }
  return graph;
}
