/**
 * The neutral form every export starts from: a directed multigraph of nodes and
 * edges with nested JSON attributes, built from records the service returned.
 */
import type { EntityRecord, RelationRecord } from "../model/records.js";
import { entityAttributes, relationAttributes } from "./attributes.js";
import type { Attributes, Whereabouts } from "./attributes.js";

export interface ExportNode {
  readonly key: string;
  readonly attributes: Attributes;
}

export interface ExportEdge {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly attributes: Attributes;
}

export interface ExportGraph {
  /** What the graph is (e.g. "neighborhood of kataib-hezbollah, depth 2") and its source documents. */
  readonly attributes: Attributes;
  readonly nodes: readonly ExportNode[];
  readonly edges: readonly ExportEdge[];
}

export interface ExportSelection {
  readonly nodes: ReadonlyArray<{ readonly entity: EntityRecord; readonly depth?: number }>;
  readonly edges: readonly RelationRecord[];
  readonly attributes: Attributes;
  /** Countries and coordinates of places, bases and events (others: null). */
  readonly whereabouts: (entity: EntityRecord) => Whereabouts | null;
}

export function buildExportGraph(selection: ExportSelection): ExportGraph {
  return {
    attributes: selection.attributes,
    nodes: selection.nodes.map(({ entity, depth }) => ({
      key: entity.id,
      attributes: depth === undefined ? entityAttributes(entity, selection.whereabouts(entity)) : { ...entityAttributes(entity, selection.whereabouts(entity)), depth },
    })),
    edges: selection.edges.map((relation) => ({
      key: relation.id,
      source: relation.source,
      target: relation.target,
      attributes: relationAttributes(relation),
    })),
  };
}
