/**
 * Indexes over the built graph for the questions the API asks most: entities
 * of a kind, entities by name or alias, events in date order.
 */
import type { EntityKind } from "../model/ontology.js";
import { normaliseName } from "./names.js";
import type { KnowledgeGraph } from "./types.js";

export class Lookups {
  private readonly idsByKind = new Map<EntityKind, string[]>();
  private readonly idsByName = new Map<string, string[]>();
  /** [entity id, normalised names] pairs, for substring search. */
  private readonly searchable: Array<[string, string[]]> = [];
  /** Ids of Event and Statement entities, ordered by earliest date, then id. */
  readonly datedIds: readonly string[];

  constructor(graph: KnowledgeGraph) {
    const dated: Array<[string, string]> = [];
    graph.forEachNode((id, node) => {
      const ids = this.idsByKind.get(node.kind) ?? [];
      ids.push(id);
      this.idsByKind.set(node.kind, ids);

      const names = [...new Set([node.name, ...(node.record.aliases ?? []), id].map(normaliseName))];
      for (const name of names) {
        const holders = this.idsByName.get(name) ?? [];
        holders.push(id);
        this.idsByName.set(name, holders);
      }
      this.searchable.push([id, names]);
      if (node.date) dated.push([id, node.date.earliest]);
    });
    dated.sort(([a, da], [b, db]) => (da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0));
    this.datedIds = dated.map(([id]) => id);
  }

  /** Entity ids of one kind, in data-file order. */
  ofKind(kind: EntityKind): readonly string[] {
    return this.idsByKind.get(kind) ?? [];
  }

  /** Entities whose id, name or an alias equals `text` once normalised. */
  byName(text: string): readonly string[] {
    return this.idsByName.get(normaliseName(text)) ?? [];
  }

  /**
   * Entities whose id, name or an alias contains `text` once normalised: exact
   * matches first, then names starting with it, then the rest, each in data order.
   */
  search(text: string): string[] {
    const query = normaliseName(text);
    if (query === "") return [];
    const ranked: Array<[number, string]> = [];
    for (const [id, names] of this.searchable) {
      let rank = 3;
      for (const name of names) {
        if (name === query) rank = Math.min(rank, 0);
        else if (name.startsWith(query)) rank = Math.min(rank, 1);
        else if (name.includes(query)) rank = Math.min(rank, 2);
      }
      if (rank < 3) ranked.push([rank, id]);
    }
    return ranked.sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  }
}
