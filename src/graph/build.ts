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
 * mode), so every iteration order is the same.
 *
 * Internal dependency, checked against graphology 0.26.0: the private `_nodes`
 * map and its records' `out` and `in` objects. When they are not there
 * (another graphology version), nothing is touched and only speed is lost;
 * `dictionaryAdjacencyApplies` tells the start-up self-check.
 */
function useDictionaryAdjacency(graph: KnowledgeGraph): boolean {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return false;
  let applied = false;
  for (const data of nodes.values() as Iterable<Record<string, unknown>>) {
    for (const side of ["out", "in"]) {
      const adjacency = data[side];
      if (adjacency !== null && typeof adjacency === "object" && Object.keys(adjacency).length === 0) {
        toDictionaryMode(adjacency as Record<string, unknown>);
        applied = true;
      }
    }
  }
  return applied;
}

/** Whether the switch to dictionary mode finds graphology's adjacency objects (a probe on a one-node graph). */
export function dictionaryAdjacencyApplies(): boolean {
  const probe: KnowledgeGraph = new MultiDirectedGraph<EntityNode, RelationEdge>();
  probe.addNode("probe", {} as EntityNode);
  return useDictionaryAdjacency(probe);
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
  kb.relations.forEach((record, order) => {
    graph.addDirectedEdgeWithKey(record.id, record.source, record.target, {
      type: record.type,
      order,
      date: parsedDate(record.date),
      record,
    });
  });
  return graph;
}
