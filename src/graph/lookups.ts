/**
 * Indexes over the built graph for the questions the API asks most: entities
 * of a kind, events in date order, entities with claims. Name search is search-index.ts.
 */
import type { EntityKind } from "../model/ontology.js";
import type { KnowledgeGraph } from "./types.js";

export class Lookups {
  private readonly idsByKind = new Map<EntityKind, string[]>();
  /** Ids of Event and Statement entities, ordered by earliest date, then id. */
  readonly datedIds: readonly string[];
  /** Ids of entities with claims, in data order. */
  readonly claimHolders: readonly string[];

  constructor(graph: KnowledgeGraph) {
    const dated: Array<[string, string]> = [];
    const claimHolders: string[] = [];
    graph.forEachNode((id, node) => {
      if ((node.record.claims ?? []).length > 0) claimHolders.push(id);
      const ids = this.idsByKind.get(node.kind) ?? [];
      ids.push(id);
      this.idsByKind.set(node.kind, ids);
      // An open start ("no earlier bound") sorts first.
      if (node.date) dated.push([id, node.date.earliest ?? ""]);
    });
    dated.sort(([a, da], [b, db]) => (da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0));
    this.datedIds = dated.map(([id]) => id);
    this.claimHolders = claimHolders;
  }

  /** Entity ids of one kind, in data-file order. */
  ofKind(kind: EntityKind): readonly string[] {
    return this.idsByKind.get(kind) ?? [];
  }
}
