/**
 * Which records each source document supports: every entity, relation and
 * claim with an evidence entry citing it, in data order (entities, then
 * relations, then claims). An index over the built graph, read by
 * `SourceDocument.supports`; built on first use, as most requests never ask.
 */
import type { Claim, Evidence } from "../model/records.js";
import type { KnowledgeGraph } from "./types.js";

export const SUPPORTED_RECORD_KINDS = ["ENTITY", "RELATION", "CLAIM"] as const;
export type SupportedRecordKind = (typeof SUPPORTED_RECORD_KINDS)[number];

/** One record a document supports, with the evidence entry that cites the document. */
export type Support =
  | { readonly kind: "ENTITY"; readonly entity: string; readonly evidence: Evidence }
  | { readonly kind: "RELATION"; readonly relation: string; readonly evidence: Evidence }
  | { readonly kind: "CLAIM"; readonly entity: string; readonly claim: Claim; readonly evidence: Evidence };

/** The evidence of a claim: its source, then the documents that state the same figure. */
export function claimEvidence(claim: Claim): readonly Evidence[] {
  return [claim.evidence, ...(claim.corroboration ?? [])];
}

/** How many records of each kind a document supports, and its relations by type. */
interface SupportCounts {
  readonly kinds: Record<SupportedRecordKind, number>;
  readonly relationTypes: Map<string, number>;
}

export class DocumentSupport {
  private readonly byDocument = new Map<string, Support[]>();
  private readonly counts = new Map<string, SupportCounts>();

  constructor(graph: KnowledgeGraph) {
    const add = (evidence: readonly Evidence[], support: (evidence: Evidence) => Support) => {
      const seen = new Set<string>();
      for (const entry of evidence) {
        // A record that cites one document twice supports it once, with the first excerpt.
        if (seen.has(entry.document)) continue;
        seen.add(entry.document);
        const list = this.byDocument.get(entry.document) ?? [];
        list.push(support(entry));
        this.byDocument.set(entry.document, list);
      }
    };
    graph.forEachNode((id, node) => add(node.record.evidence, (evidence) => ({ kind: "ENTITY", entity: id, evidence })));
    graph.forEachEdge((id, edge) => add(edge.record.evidence, (evidence) => ({ kind: "RELATION", relation: id, evidence })));
    graph.forEachNode((id, node) => {
      for (const claim of node.record.claims ?? []) add(claimEvidence(claim), (evidence) => ({ kind: "CLAIM", entity: id, claim, evidence }));
    });
    for (const [document, supports] of this.byDocument) {
      const counts: SupportCounts = { kinds: { ENTITY: 0, RELATION: 0, CLAIM: 0 }, relationTypes: new Map() };
      for (const support of supports) {
        counts.kinds[support.kind]++;
        if (support.kind === "RELATION") {
          const type = graph.getEdgeAttribute(support.relation, "record").type;
          counts.relationTypes.set(type, (counts.relationTypes.get(type) ?? 0) + 1);
        }
      }
      this.counts.set(document, counts);
    }
  }

  /** How many records of `kinds` (null: all) the document supports, relations only of `types` (null: all): from counts, without a walk. */
  count(document: string, kinds: readonly SupportedRecordKind[] | null, types: readonly string[] | null): number {
    const counts = this.counts.get(document);
    if (!counts) return 0;
    let total = 0;
    for (const kind of kinds ?? SUPPORTED_RECORD_KINDS) {
      if (kind === "RELATION" && types !== null) for (const type of new Set(types)) total += counts.relationTypes.get(type) ?? 0;
      else total += counts.kinds[kind];
    }
    return total;
  }

  /** What the document supports, in data order; empty for a document nothing cites. */
  of(document: string): readonly Support[] {
    return this.byDocument.get(document) ?? [];
  }
}

/** The distinct documents among a record's evidence, in the order first cited. */
export function citedDocuments(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((entry) => entry.document))];
}
