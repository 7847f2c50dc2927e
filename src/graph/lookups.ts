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
  /** [entity id, normalised names] pairs, for closest-name suggestions. */
  private readonly searchable: Array<[string, string[]]> = [];
  /**
   * For substring search: every normalised name, entity after entity, joined
   * with a separator no normalised text contains, so one `indexOf` over one
   * string finds the matches (several times faster than one call per name).
   * Name n starts at nameStart[n] and belongs to searchable[nameOwner[n]].
   */
  private readonly searchText: string;
  private readonly nameStart: Int32Array;
  private readonly nameOwner: Int32Array;
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
      // An open start ("no earlier bound") sorts first.
      if (node.date) dated.push([id, node.date.earliest ?? ""]);
    });
    dated.sort(([a, da], [b, db]) => (da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0));
    this.datedIds = dated.map(([id]) => id);

    const allNames = this.searchable.flatMap(([, names]) => names);
    this.nameStart = new Int32Array(allNames.length);
    this.nameOwner = new Int32Array(allNames.length);
    let n = 0;
    let offset = 0;
    this.searchable.forEach(([, names], owner) => {
      for (const name of names) {
        this.nameStart[n] = offset;
        this.nameOwner[n++] = owner;
        offset += name.length + NAME_SEPARATOR.length;
      }
    });
    this.searchText = allNames.join(NAME_SEPARATOR);
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
    const { searchText, nameStart, nameOwner } = this;
    const ranked: Array<[number, number, string]> = [];
    let owner = -1;
    let best: [number, number] | null = null;
    const settle = () => {
      if (best) ranked.push([best[0], best[1], this.searchable[owner]![0]]);
    };
    // Each name's first occurrence ranks it, as `name.indexOf(query)` would; the search then resumes at the next name.
    for (let hit = searchText.indexOf(query); hit >= 0; ) {
      const n = nameContaining(nameStart, hit);
      const start = nameStart[n]!;
      const end = n + 1 < nameStart.length ? nameStart[n + 1]! - NAME_SEPARATOR.length : searchText.length;
      const at = hit - start;
      const length = end - start;
      const rank = at === 0 && length === query.length ? 0 : at === 0 ? 1 : searchText[hit - 1] === " " ? 2 : 3;
      if (nameOwner[n] !== owner) {
        settle();
        owner = nameOwner[n]!;
        best = null;
      }
      if (best === null || rank < best[0] || (rank === best[0] && length < best[1])) best = [rank, length];
      hit = n + 1 < nameStart.length ? searchText.indexOf(query, nameStart[n + 1]) : -1;
    }
    settle();
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

/** Joins names in the search text; normalised names hold only letters, digits and single spaces. */
const NAME_SEPARATOR = "\u0000";

/** The index of the name whose span holds `position` (the last start at or before it). */
function nameContaining(starts: Int32Array, position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
