/**
 * What the service hands to its callers: records plus the derived values they
 * need (parsed dates, paths and subgraphs resolved to records).
 */
import type { DatePrecision } from "../model/dates.js";
import type { SearchHit } from "../graph/search-index.js";
import type { Claim, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../model/records.js";
import type { SupportedRecordKind } from "../graph/document-support.js";

export interface DateView {
  readonly value: string;
  readonly precision: DatePrecision;
  readonly earliest: string | null;
  readonly latest: string | null;
  readonly asWritten: string | null;
  readonly yearInferred: boolean;
  readonly yearInference: string | null;
}

export interface SubgraphView {
  /** The entity the subgraph is centred on. */
  readonly center: string;
  readonly depth: number;
  readonly nodes: Array<{ readonly depth: number; readonly entity: EntityRecord }>;
  readonly edges: RelationRecord[];
  readonly truncated: boolean;
}

/** How a path step walked its relation: from source to target, or against it. */
export type WalkDirection = "forward" | "backward";

export interface PathStepView {
  readonly from: EntityRecord;
  readonly relation: RelationRecord;
  readonly to: EntityRecord;
  /** "forward" when the relation was walked from its source to its target. */
  readonly direction: WalkDirection;
}

export interface PathView {
  readonly length: number;
  readonly nodes: EntityRecord[];
  readonly steps: PathStepView[];
}

export interface RetaliationChainView {
  readonly event: EntityRecord;
  /** Every event in the chain, the queried one included, in date order. */
  readonly events: EntityRecord[];
  /** Events the queried event answered, directly or through others, in date order. */
  readonly before: EntityRecord[];
  /** Events that answered the queried event, directly or through others, in date order. */
  readonly after: EntityRecord[];
  readonly relations: RelationRecord[];
}

/** A search hit with its entity. */
export interface SearchHitView extends SearchHit {
  readonly entity: EntityRecord;
}

/** A claim with the entity it is about. */
export interface ClaimEntry {
  readonly subject: EntityRecord;
  readonly claim: Claim;
}

/** A record a source document supports: an entity, a relation, or a claim with the entity it is about. */
export interface SupportView {
  readonly kind: SupportedRecordKind;
  /** The entity (ENTITY), or the entity a claim is about (CLAIM); null for a relation. */
  readonly entity: EntityRecord | null;
  readonly relation: RelationRecord | null;
  readonly claim: Claim | null;
  /** The evidence entry that cites the document. */
  readonly evidence: Evidence;
}

/** How many documents state a fact, which, and each one's evidence. */
export interface CorroborationView {
  readonly documentCount: number;
  readonly documents: SourceDocument[];
  readonly evidence: readonly Evidence[];
}
