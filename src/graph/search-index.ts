/**
 * Entity search over a FlexSearch index of ids, names, aliases, spelling
 * variants and descriptions, built once at load, and the rule that turns a
 * name as a person types it into one entity.
 *
 * Matching:
 * - Names, aliases and variants match by word prefix and phonetically
 *   (FlexSearch's LatinBalance encoder folds doubled letters and vowel shifts:
 *   Hezbollah / Hizbollah / Hezbolah, Soleimani / Suleimani). Ids and
 *   descriptions match whole words. Every word of the query must match.
 * - A query whose every word has at most two letters, or whose every word is
 *   in capitals with at most five (KH, PMF, IRGC), is an acronym: it matches
 *   the words names write in capitals, whole, so KH finds Kataib Hezbollah and
 *   not Khatibzadeh. So is a
 *   query with a word the phonetic encoder folds to under three letters
 *   ("zzzz" becomes "s", which would prefix-match nearly every name).
 *
 * Ranking: exact names first (the whole query equals an id, name, alias or
 * variant once normalised; score 1), then by field (NAME 0.9, ALIAS 0.8,
 * VARIANT 0.7, ID 0.6, DESCRIPTION 0.4) less up to 0.1 for the share of the
 * matched name the query leaves uncovered ("Biden" covers half of "Joe Biden"
 * and a seventh of "Biden remarks to reporters on the airstrikes"), then
 * FlexSearch's relevance. The coverage is computed for the first
 * COVERAGE_WINDOW hits of each field. Scores order one search's results and
 * mean nothing across searches.
 */
import FlexSearch from "flexsearch";
import type { EntityKind } from "../model/ontology.js";
import type { EntityRecord } from "../model/records.js";
import { normaliseName } from "../model/names.js";
import type { KnowledgeGraph } from "./types.js";

export const SEARCH_FIELDS = ["NAME", "ALIAS", "VARIANT", "ID", "DESCRIPTION"] as const;
/** The field a search matched in. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface SearchHit {
  readonly id: string;
  /** From 0 to 1: 1 for an exact name, then lower by field and coverage. */
  readonly score: number;
  /** The best field the query matched in. */
  readonly field: SearchField;
  /** Whether the whole query equals an id, name, alias or variant once normalised. */
  readonly exact: boolean;
}

/** An entity as a person names it: one entity, or the candidates (several equally good matches, or the nearest names). */
export type Resolution = { readonly id: string } | { readonly candidates: readonly string[]; readonly ambiguous: boolean };

const FIELD_WEIGHT: Record<SearchField, number> = { NAME: 0.9, ALIAS: 0.8, VARIANT: 0.7, ID: 0.6, DESCRIPTION: 0.4 };
const FIELD_KEY: Record<SearchField, "name" | "alias" | "variant" | "id" | "description"> = { NAME: "name", ALIAS: "alias", VARIANT: "variant", ID: "id", DESCRIPTION: "description" };
const NAME_FIELDS = ["NAME", "ALIAS", "VARIANT", "ID"] as const;
/** How many hits per field are ranked by coverage; the rest keep FlexSearch's order. */
export const COVERAGE_WINDOW = 50;

interface IndexedDocument {
  [key: string]: string | number;
  n: number;
  name: string;
  alias: string;
  variant: string;
  id: string;
  description: string;
  acronyms: string;
}

const { Document, Charset, Encoder } = FlexSearch;

const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
const isCapitals = (word: string) => word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();

/** A query is an acronym when every word has at most 2 letters, or every word is in capitals with at most 5. */
export function isAcronymQuery(text: string): boolean {
  const words = wordsOf(text);
  return words.length > 0 && (words.every((w) => w.length <= 2) || words.every((w) => w.length <= 5 && isCapitals(w)));
}

/** The words names write in capitals (KH, PMF, IRGC, U.S. as "us"), normalised: what acronym queries match. */
const acronymsIn = (names: readonly string[]): string =>
  names
    .flatMap((name) => {
      const words = wordsOf(name.replace(/\b(\p{Lu})\.(?=\p{Lu}\.)/gu, "$1"));
      return words.filter(isCapitals).map(normaliseName);
    })
    .join(" ");

/** An entity's normalised names in one name field. */
function namesIn(record: EntityRecord, field: (typeof NAME_FIELDS)[number]): string[] {
  switch (field) {
    case "NAME":
      return [normaliseName(record.name)];
    case "ALIAS":
      return (record.aliases ?? []).map(normaliseName);
    case "VARIANT":
      return (record.variants ?? []).map((v) => normaliseName(v.name));
    case "ID":
      return [normaliseName(record.id)];
  }
}

const wordCount = (name: string) => name.split(" ").length;

/** The share of its name a non-exact hit covers, read back from its score (exact hits: 1). */
const coverageOf = (hit: SearchHit) => (hit.exact ? 1 : 1 - (FIELD_WEIGHT[hit.field] - hit.score) / 0.1);

export class SearchIndex {
  private readonly records: EntityRecord[] = [];
  /** Normalised id, name, alias or variant -> [entity number, field], best field first. */
  private readonly exactNames = new Map<string, Array<[number, SearchField]>>();
  /** Words in each entity's name and id, for coverage without re-reading them. */
  private readonly nameWords: Uint8Array;
  private readonly idWords: Uint8Array;
  private readonly encoder = new Encoder(Charset.LatinBalance);
  /** Fields name, alias, variant, id and description. */
  private readonly index;

  constructor(graph: KnowledgeGraph) {
    const prefixes = { tokenize: "forward" as const, encoder: Charset.LatinBalance };
    // Texts arrive normalised (see model/names.ts): whole words need no further encoding.
    const words = { tokenize: "strict" as const, encoder: Charset.Exact };
    this.index = new Document<IndexedDocument>({
      document: {
        id: "n",
        index: [
          { field: "name", ...prefixes },
          { field: "alias", ...prefixes },
          { field: "variant", ...prefixes },
          // Ids are copied, not spelled: their words match whole.
          { field: "id", ...words },
          { field: "description", ...words },
          { field: "acronyms", ...words },
        ],
      },
    });
    this.nameWords = new Uint8Array(graph.order);
    this.idWords = new Uint8Array(graph.order);

    graph.forEachNode((_id, { record }) => {
      const n = this.records.length;
      this.records.push(record);
      const names = Object.fromEntries(NAME_FIELDS.map((field) => [field, namesIn(record, field)])) as Record<(typeof NAME_FIELDS)[number], string[]>;
      for (const field of NAME_FIELDS) {
        for (const name of names[field]) {
          const holders = this.exactNames.get(name) ?? [];
          if (!holders.some(([m]) => m === n)) holders.push([n, field]);
          this.exactNames.set(name, holders);
        }
      }
      this.nameWords[n] = Math.min(255, wordCount(names.NAME[0]!));
      this.idWords[n] = Math.min(255, wordCount(names.ID[0]!));
      const document: IndexedDocument = {
        n,
        name: names.NAME[0]!,
        alias: names.ALIAS.join(" | "),
        variant: names.VARIANT.join(" | "),
        id: names.ID[0]!,
        description: normaliseName(record.description),
        acronyms: acronymsIn([record.name, ...(record.aliases ?? []), ...(record.variants ?? []).map((v) => v.name)]),
      };
      this.index.add(document);
    });
  }

  private idOf(n: number): string {
    return this.records[n]!.id;
  }

  /** Entities whose id, name, alias or variant equals `text` once normalised, in data order. */
  byName(text: string): string[] {
    return (this.exactNames.get(normaliseName(text)) ?? []).map(([n]) => n).sort((a, b) => a - b).map((n) => this.idOf(n));
  }

  /** Every match for `text`, best first (see the module comment); only entities of `kind` when given. */
  search(text: string, kind: EntityKind | null = null): SearchHit[] {
    const query = normaliseName(text);
    if (query === "") return [];
    const seen = new Set<number>();
    const keep = (n: number) => !seen.has(n) && (kind === null || this.records[n]!.kind === kind);
    const hits: SearchHit[] = [];
    for (const [n, field] of this.exactNames.get(query) ?? []) {
      if (!keep(n)) continue;
      seen.add(n);
      hits.push({ id: this.idOf(n), score: 1, field, exact: true });
    }
    const encoded = this.encoder.encode(query);
    // A word the encoder folds to under three letters ("zzzz" -> "s") would match by prefix almost anything: such queries match whole words.
    const acronym = isAcronymQuery(text) || encoded.some((word) => word.length < 3);
    const queryWords = acronym ? query.split(" ") : encoded;
    const found = acronym
      ? new Map([["acronym", (this.index.search(query, { limit: this.records.length, index: ["acronyms"] })[0]?.result ?? []) as number[]]])
      : new Map(this.index.search(query, { limit: this.records.length, index: SEARCH_FIELDS.map((f) => FIELD_KEY[f]) }).map((r) => [String(r.field), r.result as number[]]));
    const groups = acronym ? [["acronym", null] as const] : SEARCH_FIELDS.map((field) => [FIELD_KEY[field], field] as const);
    for (const [key, fixedField] of groups) {
      const ranked = (found.get(key) ?? []).filter(keep).map((n, position) => {
        const field = fixedField ?? this.acronymField(n, queryWords);
        const coverage = position < COVERAGE_WINDOW ? this.coverage(n, field, queryWords, acronym) : 0;
        return { n, position, field, score: FIELD_WEIGHT[field] - 0.1 * (1 - coverage) };
      });
      const window = ranked.slice(0, COVERAGE_WINDOW).sort((a, b) => b.score - a.score || a.position - b.position);
      for (const { n, field, score } of [...window, ...ranked.slice(COVERAGE_WINDOW)]) {
        seen.add(n);
        hits.push({ id: this.idOf(n), score, field, exact: false });
      }
    }
    return hits;
  }

  /**
   * An entity as a person types it: the exact id; else the one entity with
   * that exact name; else the best name match (descriptions aside) when the
   * next one matched in a lower field, or covers less of its name ("Biden"
   * covers 1/2 of "Joe Biden" and 1/7 of "Biden remarks to reporters on the
   * airstrikes": Joe Biden). Otherwise the candidates: the matches as good as
   * the best, or FlexSearch's nearest names when nothing matches.
   */
  resolve(text: string): Resolution {
    if ((this.exactNames.get(text) ?? []).some(([n, field]) => field === "ID" && this.idOf(n) === text)) return { id: text };
    const named = this.byName(text);
    if (named.length === 1) return { id: named[0]! };
    if (named.length > 1) return { candidates: named, ambiguous: true };
    const hits = this.search(text).filter((hit) => hit.field !== "DESCRIPTION");
    if (hits.length === 0) return { candidates: this.suggest(text, 5), ambiguous: false };
    const [best, next] = hits as [SearchHit, SearchHit | undefined];
    if (next === undefined || next.field !== best.field || coverageOf(best) > coverageOf(next)) return { id: best.id };
    return { candidates: hits.filter((hit) => hit.field === best.field && coverageOf(hit) === coverageOf(best)).map((hit) => hit.id), ambiguous: true };
  }

  /** Up to `count` entities whose names come nearest to `text`: FlexSearch's partial matches. */
  suggest(text: string, count: number): string[] {
    const query = normaliseName(text);
    if (query === "" || this.encoder.encode(query).some((word) => word.length < 3)) return [];
    const found = new Set<number>();
    for (const { result } of this.index.search(query, { limit: count, suggest: true, index: NAME_FIELDS.map((f) => FIELD_KEY[f]) })) {
      for (const n of result as number[]) found.add(n);
    }
    return [...found].slice(0, count).map((n) => this.idOf(n));
  }

  /** The best name field of entity n holding every word of an acronym query. */
  private acronymField(n: number, queryWords: string[]): SearchField {
    const record = this.records[n]!;
    return NAME_FIELDS.find((field) => namesIn(record, field).some((name) => queryWords.every((w) => name.split(" ").includes(w)))) ?? "NAME";
  }

  /** The largest share of one name's words (in `field`) the query's words cover: whole words for acronyms, else encoded prefixes. */
  private coverage(n: number, field: SearchField, queryWords: string[], acronym: boolean): number {
    if (field === "DESCRIPTION") return 0;
    if (!acronym && field === "NAME") return Math.min(1, queryWords.length / this.nameWords[n]!);
    if (!acronym && field === "ID") return Math.min(1, queryWords.length / this.idWords[n]!);
    let best = 0;
    for (const name of namesIn(this.records[n]!, field)) {
      const words = acronym ? name.split(" ") : this.encoder.encode(name);
      const covered = acronym ? queryWords.every((q) => words.includes(q)) : queryWords.every((q) => words.some((w) => w.startsWith(q)));
      if (covered) best = Math.max(best, Math.min(1, queryWords.length / words.length));
    }
    return best;
  }
}
