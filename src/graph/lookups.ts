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
   * Entities whose id, name or an alias contains `text` once normalised:
   * exact matches first, then names starting with it, then names with a word
   * starting with it, then the rest; within each, shorter names first, then data order.
   */
  search(text: string): string[] {
    const query = normaliseName(text);
    if (query === "") return [];
    const ranked: Array<[number, number, string]> = [];
    for (const [id, names] of this.searchable) {
      let best: [number, number] | null = null;
      for (const name of names) {
        const at = name.indexOf(query);
        if (at < 0) continue;
        const rank = name === query ? 0 : at === 0 ? 1 : name[at - 1] === " " ? 2 : 3;
        if (best === null || rank < best[0] || (rank === best[0] && name.length < best[1])) best = [rank, name.length];
      }
      if (best) ranked.push([best[0], best[1], id]);
    }
    return ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , id]) => id);
  }

  /**
   * The `count` entities whose id, name or alias is closest to `text`: by edit
   * distance to the whole name or to any run of as many words as `text` has,
   * then shorter names first.
   */
  closest(text: string, count: number): string[] {
    const query = normaliseName(text);
    const width = query.split(" ").length;
    const distanceTo = (name: string) => {
      const words = name.split(" ");
      let best = editDistance(query, name);
      for (let i = 0; i + width <= words.length; i++) best = Math.min(best, editDistance(query, words.slice(i, i + width).join(" ")));
      return best;
    };
    return this.searchable
      .map(([id, names]) => [Math.min(...names.map(distanceTo)), Math.min(...names.map((n) => n.length)), id] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, count)
      .map(([, , id]) => id);
  }
}

/** Levenshtein distance, in O(|a|·|b|) time and O(|b|) space. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
