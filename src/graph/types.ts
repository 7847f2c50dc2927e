/**
 * The shape of the knowledge graph: a graphology multi directed graph whose node
 * keys are entity ids and whose edge keys are relation ids.
 */
import type { MultiDirectedGraph } from "graphology";
import type { PartialDate } from "../model/dates.js";
import type { EntityKind, RelationType } from "../model/ontology.js";
import type { EntityRecord, RelationRecord } from "../model/records.js";

export interface EntityNode {
  readonly kind: EntityKind;
  readonly name: string;
  /** Parsed date, for events and statements. */
  readonly date: PartialDate | null;
  readonly record: EntityRecord;
}

export interface RelationEdge {
  readonly type: RelationType;
  /** Position in the data (files in name order, records in file order): graphology groups an entity's edges by neighbour instead. */
  readonly order: number;
  readonly date: PartialDate | null;
  readonly record: RelationRecord;
}

export type KnowledgeGraph = MultiDirectedGraph<EntityNode, RelationEdge>;
