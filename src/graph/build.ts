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

/**
 * graphology keeps each node's adjacency in plain objects keyed by neighbour.
 * V8 gives such an object a new hidden class for every key it gains, and with
 * a hundred thousand distinct neighbour keys those classes cost more than the
 * insertions themselves (a million relations built in about 6 s instead of 3).
 * Switching the objects to dictionary mode while they are still empty avoids
 * that. Property order is unchanged (it is fixed by the language, not by the
 * mode), so every iteration order is the same. This reaches into graphology's
 * internal node records; when they are not where this expects (another
 * graphology version), it leaves them alone and only speed is lost.
 */
function useDictionaryAdjacency(graph: KnowledgeGraph): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values() as Iterable<Record<string, unknown>>) {
    for (const side of ["out", "in", "undirected"]) {
      const adjacency = data[side];
      if (adjacency !== null && typeof adjacency === "object" && Object.keys(adjacency).length === 0) {
        toDictionaryMode(adjacency as Record<string, unknown>);
      }
    }
  }
}

/** Deleting a property other than the last one turns a V8 object into a dictionary. */
function toDictionaryMode(target: Record<string, unknown>): void {
  target["\u0000first"] = 0;
  target["\u0000second"] = 0;
  delete target["\u0000first"];
  delete target["\u0000second"];
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
  useDictionaryAdjacency(graph);
  for (const record of kb.relations) {
    graph.addDirectedEdgeWithKey(record.id, record.source, record.target, {
      type: record.type,
      date: parsedDate(record.date),
      record,
    });
  }
  return graph;
}
