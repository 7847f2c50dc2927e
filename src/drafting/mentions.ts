/**
 * Mentions of entities already in the graph, found with the graph's search
 * index (graph/search-index.ts): the longest run of words whose normalised
 * form is an entity's id, name, alias or spelling variant (SearchIndex.byName),
 * and, for a candidate name the text spells differently, the index's best
 * match by sound when it covers the whole of one of that entity's names.
 * Each mention keeps its offsets and the name, alias or variant it matched.
 */
import type { KnowledgeGraph } from "../graph/types.js";
import type { SearchIndex } from "../graph/search-index.js";
import type { EntityRecord } from "../model/records.js";
import { normaliseName } from "../model/names.js";
import type { Token } from "./tokens.js";

export type MatchedField = "NAME" | "ALIAS" | "VARIANT" | "ID";

export interface KnownMention {
  readonly start: number;
  readonly end: number;
  /** Token indexes [first, last + 1) in the sentence. */
  readonly first: number;
  readonly last: number;
  /** The entities with that name, in data order (more than one: "Iraq" the government and the place). */
  readonly ids: readonly string[];
  /** The name, alias or variant that matched, as the graph records it. */
  readonly matched: string;
  readonly field: MatchedField;
  /** Found by sound through the search index, not spelt as recorded. */
  readonly bySound: boolean;
}

/** Most words in one name tried (the longest names in a graph are longer, but are not written whole). */
const MAX_NAME_WORDS = 20;
/** Words that say what a site is, after its name ("Air Base", "airport"). */
const SITE_WORDS = new Set(["air", "base", "airbase", "airport", "airfield", "international", "military", "camp", "compound", "facility", "oil", "field", "oilfield", "crossing", "border"]);
/** A name written in capitals is an acronym: "US" is not "us". */
const isAcronymName = (name: string) => /^[\p{Lu}\p{N}.\-&]+$/u.test(name.replace(/\s/g, "")) && /\p{Lu}/u.test(name);

export class KnownNames {
  /** First words of every name, so that only runs that can match are looked up. */
  private readonly firstWords = new Set<string>();

  constructor(
    private readonly graph: KnowledgeGraph,
    private readonly index: SearchIndex,
  ) {
    graph.forEachNode((_id, { record }) => {
      for (const name of [record.id, record.name, ...(record.aliases ?? []), ...(record.variants ?? []).map((v) => v.name)]) {
        const first = normaliseName(name).split(" ")[0];
        if (first) this.firstWords.add(first);
      }
    });
  }

  get empty(): boolean {
    return this.graph.order === 0;
  }

  record(id: string): EntityRecord | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id).record : undefined;
  }

  /** Which of the record's names equals `norm`, and in which field. */
  private matchedName(record: EntityRecord, norm: string): { matched: string; field: MatchedField } | null {
    if (normaliseName(record.name) === norm) return { matched: record.name, field: "NAME" };
    const alias = (record.aliases ?? []).find((a) => normaliseName(a) === norm);
    if (alias !== undefined) return { matched: alias, field: "ALIAS" };
    const variant = (record.variants ?? []).find((v) => normaliseName(v.name) === norm);
    if (variant !== undefined) return { matched: variant.name, field: "VARIANT" };
    if (normaliseName(record.id) === norm) return { matched: record.id, field: "ID" };
    return null;
  }

  /** The written words match a name's case where it matters: an acronym exactly, any capitalised name with some capital. */
  private caseFits(written: string, matched: string): boolean {
    if (isAcronymName(matched)) return written.replace(/[^\p{L}\p{N}]/gu, "") === matched.replace(/[^\p{L}\p{N}]/gu, "");
    if (/\p{Lu}/u.test(matched)) return /\p{Lu}/u.test(written);
    return true;
  }

  /** Mentions in one sentence's tokens: the longest matches, left to right, never overlapping. */
  find(tokens: readonly Token[], text: string, offset: number): KnownMention[] {
    if (this.empty) return [];
    const words = tokens.map((t, i) => [t, i] as const).filter(([t]) => t.word);
    const found: KnownMention[] = [];
    for (let w = 0; w < words.length; ) {
      const [first] = words[w]!;
      const head = first.norm.split(" ")[0]!;
      let hit: KnownMention | null = null;
      if (this.firstWords.has(head)) {
        for (let n = Math.min(MAX_NAME_WORDS, words.length - w); n >= 1 && hit === null; n--) {
          const run = words.slice(w, w + n);
          if (!this.contiguous(run.map(([t]) => t), text, offset)) continue;
          const last = run[run.length - 1]![0];
          const written = text.slice(first.start - offset, last.end - offset);
          const norm = normaliseName(written);
          const ids = this.index.byName(written);
          if (ids.length === 0) continue;
          const names = ids.map((id) => this.matchedName(this.record(id)!, norm)).filter((m): m is NonNullable<typeof m> => m !== null);
          const best = names[0];
          if (!best || !this.caseFits(written, best.matched)) continue;
          hit = { start: first.start, end: last.end, first: words[w]![1], last: run[run.length - 1]![1] + 1, ids, matched: best.matched, field: best.field, bySound: false };
          w += n;
        }
      }
      if (hit) found.push(hit);
      else w++;
    }
    return found;
  }

  /** "Ain al Asad" for "Ain al Asad Air Base": a site's name without the words that say what the site is. */
  private siteBySite(written: string, ids: readonly string[]): { id: string; matched: string; field: MatchedField } | null {
    const norm = normaliseName(written);
    const found = ids.filter((id, i) => ids.indexOf(id) === i).flatMap((id) => {
      const record = this.record(id)!;
      if (record.kind !== "Base" && record.kind !== "Place") return [];
      const names = [record.name, ...(record.aliases ?? [])];
      const name = names.find((n) => {
        const full = normaliseName(n);
        return full.startsWith(`${norm} `) && full.slice(norm.length + 1).split(" ").every((w) => SITE_WORDS.has(w));
      });
      return name === undefined ? [] : [{ id, matched: name, field: (name === record.name ? "NAME" : "ALIAS") as MatchedField }];
    });
    return found.length === 1 ? found[0]! : null;
  }

  /** Words that follow each other, with at most a comma, a slash or a hyphen between them (not a possessive). */
  private contiguous(run: readonly Token[], text: string, offset: number): boolean {
    for (let i = 1; i < run.length; i++) {
      if (!/^(?:['’]s)?[\s,/\-–]{0,3}$/.test(text.slice(run[i - 1]!.end - offset, run[i]!.start - offset))) return false;
    }
    return true;
  }

  /**
   * An entity that a name spelt differently stands for: the search index's
   * best hit on a name, alias or variant, taken only when it matched by
   * sound, the query covers that name whole, and no other entity is as good.
   */
  bySound(written: string, exclude?: string): { id: string; matched: string; field: MatchedField } | null {
    if (this.empty || written.trim().length < 5) return null;
    const hits = this.index
      .search(written)
      .slice(0, 6)
      .filter((h) => h.id !== exclude && (h.field === "NAME" || h.field === "ALIAS" || h.field === "VARIANT"));
    // The best hit that covers a name whole, unless another entity is as good.
    const best = hits.find((h) => h.coverage >= 1);
    if (!best || hits.some((h) => h !== best && h.coverage >= 1 && h.score === best.score && h.id !== best.id)) return this.siteBySite(written, hits.map((h) => h.id));
    const record = this.record(best.id)!;
    const words = normaliseName(written).split(" ").length;
    const names = [record.name, ...(record.aliases ?? []), ...(record.variants ?? []).map((v) => v.name)];
    const same = names.find((name) => normaliseName(name).split(" ").length === words);
    if (same === undefined) return null;
    return { id: best.id, matched: same, field: same === record.name ? "NAME" : (record.aliases ?? []).includes(same) ? "ALIAS" : "VARIANT" };
  }
}
