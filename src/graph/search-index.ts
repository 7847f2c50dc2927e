/**
 * Entity search over a FlexSearch index of ids, names, aliases, spelling
 * variants and descriptions, built once at load, and the rule that turns a
 * name as a person types it into one entity.
 *
 * Matching, scaled by the length of the words typed (case, accents and
 * punctuation never matter, see model/names.ts):
 * - Every word of the query must match, in one field. Names, aliases and
 *   variants match by word prefix ("kata" finds Kataib Hezbollah),
 *   descriptions by whole word (numbers aside), ids only whole.
 * - A word of at least FUZZY_MIN_LETTERS letters also matches the name words
 *   that sound like it (FlexSearch's LatinBalance encoder folds doubled
 *   letters and vowel shifts: Hizbollah and Hezbolah sound like Hezbollah,
 *   Suleimani like Soleimani). Shorter words are too short to sound alike by
 *   chance ("nope" and "mobilization" begin alike by sound).
 * - A query whose every word has at most two letters, or whose every word is
 *   in capitals with at most five (KH, PMF, IRGC), is an acronym: it matches
 *   only words that names write in capitals, whole, so KH finds Kataib
 *   Hezbollah and not Khatibzadeh.
 *
 * Ranking: exact names first (the whole query equals an id, name, alias or
 * variant; score 1), then by field (NAME 0.9, ALIAS 0.8, VARIANT 0.7, ID 0.6,
 * DESCRIPTION 0.4) less up to 0.1 for the share of the matched name the query
 * leaves uncovered ("Biden" covers half of "Joe Biden" and a seventh of
 * "Biden remarks to reporters on the airstrikes"), less SOUND_PENALTY for a
 * match by sound; then FlexSearch's relevance. Coverage is computed for the
 * first COVERAGE_WINDOW hits of each field; the rest score the bottom of
 * their field's band. Scores order one search's results and mean nothing
 * across searches.
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
  /** The share of the matched name's words the query covers (1 when exact; 0 past the COVERAGE_WINDOW or in a description). */
  readonly coverage: number;
}

/**
 * The hits of one search, best first, made into SearchHit objects only when
 * read: a broad query can match most of a large graph, and a page shows ten.
 */
export class SearchResults {
  readonly length: number;

  constructor(private readonly segments: ReadonlyArray<SearchHit[] | { readonly ids: string[]; readonly field: SearchField; readonly score: number }>) {
    this.length = segments.reduce((total, segment) => total + (Array.isArray(segment) ? segment.length : segment.ids.length), 0);
  }

  /** Hits from `start` up to (not including) `end`. */
  slice(start = 0, end = this.length): SearchHit[] {
    const hits: SearchHit[] = [];
    let offset = 0;
    for (const segment of this.segments) {
      const size = Array.isArray(segment) ? segment.length : segment.ids.length;
      const from = Math.max(start - offset, 0);
      const to = Math.min(end - offset, size);
      for (let i = from; i < to; i++) {
        hits.push(Array.isArray(segment) ? segment[i]! : { id: segment.ids[i]!, score: segment.score, field: segment.field, exact: false, coverage: 0 });
      }
      offset += size;
      if (offset >= end) break;
    }
    return hits;
  }
}

/** An entity as a person names it: one entity, or the candidates (equally good matches, or the nearest names). */
export type Resolution = { readonly id: string } | { readonly candidates: readonly string[]; readonly ambiguous: boolean };

const FIELD_WEIGHT: Record<SearchField, number> = { NAME: 0.9, ALIAS: 0.8, VARIANT: 0.7, ID: 0.6, DESCRIPTION: 0.4 };
const FIELD_KEY = { NAME: "name", ALIAS: "alias", VARIANT: "variant", DESCRIPTION: "description" } as const satisfies Record<string, IndexedField>;
/** The fields FlexSearch indexes (ids are matched whole, through the exact names). */
const INDEXED_FIELDS = ["NAME", "ALIAS", "VARIANT", "DESCRIPTION"] as const;
const NAME_FIELDS = ["NAME", "ALIAS", "VARIANT", "ID"] as const;
type NameField = (typeof NAME_FIELDS)[number];
/** How many hits per field are ranked by coverage; the rest keep FlexSearch's order. */
export const COVERAGE_WINDOW = 50;
/** Words at least this long also match by sound. */
export const FUZZY_MIN_LETTERS = 5;
/** What a match by sound loses against the same match spelt as written. */
export const SOUND_PENALTY = 0.02;
/** Query words shorter than this are matched by checking candidates, not looked up (a letter or two begins too many words). */
const SHORT_WORD = 3;
/** The least share of a name a typed name must cover to stand for it ("Kadhimi" covers a third of "Mustafa al Kadhimi"; "June 27 strikes" three words of eleven). */
export const MIN_RESOLVE_COVERAGE = 1 / 3;
/** Most spellings by sound tried for one query. */
const MAX_SOUND_QUERIES = 8;

type IndexedField = "name" | "alias" | "variant" | "description" | "acronyms";

const { Index, Charset, Encoder } = FlexSearch;

const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
const isCapitals = (word: string) => word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();

/** A query is an acronym when every word has at most 2 letters, or every word is in capitals with at most 5. */
export function isAcronymQuery(text: string): boolean {
  const words = wordsOf(text);
  return words.length > 0 && (words.every((w) => w.length <= 2) || words.every((w) => w.length <= 5 && isCapitals(w)));
}

const HAS_CAPITALS = /\p{Lu}[\p{Lu}.]/u;

/** The words names write in capitals (KH, PMF, IRGC; U.S. as "us"), normalised: what acronym queries match. */
const acronymsIn = (names: readonly string[]): string =>
  names
    .filter((name) => HAS_CAPITALS.test(name))
    .flatMap((name) => wordsOf(name.replace(/\b(\p{Lu})\.(?=\p{Lu}\.)/gu, "$1")).filter(isCapitals).map(normaliseName))
    .join(" ");

/** An entity's normalised names in one name field. */
function namesIn(record: EntityRecord, field: NameField): string[] {
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
const isSpelledWord = (word: string) => word.length >= FUZZY_MIN_LETTERS && /^\p{L}+$/u.test(word);

/** Scores are given to four decimals: enough to order hits, short to read. */
const rounded = (score: number) => Math.round(score * 10_000) / 10_000;


/**
 * Normalised names -> the entities (numbers) that have them and in which
 * field, best field first. Most names belong to one entity once, so that
 * case is one number (entity * 4 + field), and only shared names get a list.
 */
class ExactNames {
  private readonly single = new Map<string, number>();
  private readonly shared = new Map<string, Array<[number, NameField]>>();

  add(name: string, n: number, field: NameField): void {
    const one = this.single.get(name);
    const holders = this.shared.get(name);
    if (one === undefined && holders === undefined) {
      this.single.set(name, n * 4 + NAME_FIELDS.indexOf(field));
    } else if (one !== undefined) {
      if (Math.floor(one / 4) === n) return;
      const first = this.get(name);
      this.single.delete(name);
      this.shared.set(name, [...first, [n, field]]);
    } else if (!holders!.some(([m]) => m === n)) {
      holders!.push([n, field]);
    }
  }

  get(name: string): Array<[number, NameField]> {
    const one = this.single.get(name);
    if (one !== undefined) return [[Math.floor(one / 4), NAME_FIELDS[one % 4]!]];
    return this.shared.get(name) ?? [];
  }
}

export class SearchIndex {
  private readonly records: EntityRecord[] = [];
  /** Normalised id, name, alias or variant -> [entity number, field], best field first. */
  private readonly exactNames = new ExactNames();
  /** Each entity's normalised name. */
  private readonly plainNames: string[] = [];
  /** Words in each entity's name and id, for coverage without re-reading them. */
  private readonly nameWords: Uint8Array;
  private readonly idWords: Uint8Array;
  /** Each distinct name word (letters only, FUZZY_MIN_LETTERS or more) by how it sounds. */
  private readonly wordsBySound = new Map<string, string[]>();
  private readonly sound = new Encoder(Charset.LatinBalance);
  /** One FlexSearch index per field; an entity is added only to the fields it has text in. */
  private readonly indexes: Record<IndexedField, InstanceType<typeof Index>>;

  constructor(graph: KnowledgeGraph) {
    // Texts arrive normalised: words need no further encoding. A low resolution suits short names and halves the index.
    const prefixes = () => new Index({ tokenize: "forward", encoder: Charset.Exact, resolution: 3 });
    const words = (filter?: (word: string) => boolean) => new Index({ tokenize: "strict", encoder: filter ? { ...Charset.Exact, filter } : Charset.Exact, resolution: 3 });
    this.indexes = { name: prefixes(), alias: prefixes(), variant: prefixes(), description: words((word) => !/^\d+$/.test(word)), acronyms: words() };
    this.nameWords = new Uint8Array(graph.order);
    this.idWords = new Uint8Array(graph.order);
    const spelled = new Set<string>();

    graph.forEachNode((_id, { record }) => {
      const n = this.records.length;
      this.records.push(record);
      const names = { NAME: namesIn(record, "NAME"), ALIAS: namesIn(record, "ALIAS"), VARIANT: namesIn(record, "VARIANT"), ID: namesIn(record, "ID") };
      for (const field of NAME_FIELDS) {
        for (const name of names[field]) {
          this.exactNames.add(name, n, field);
          if (field !== "ID") for (const word of name.split(" ")) spelled.add(word);
        }
      }
      this.plainNames.push(names.NAME[0]!);
      this.nameWords[n] = Math.min(255, wordCount(names.NAME[0]!));
      this.idWords[n] = Math.min(255, wordCount(names.ID[0]!));
      const texts: Record<IndexedField, string> = {
        name: names.NAME[0]!,
        alias: names.ALIAS.join(" | "),
        variant: names.VARIANT.join(" | "),
        description: normaliseName(record.description),
        acronyms: acronymsIn([record.name, ...(record.aliases ?? []), ...(record.variants ?? []).map((v) => v.name)]),
      };
      for (const field of Object.keys(texts) as IndexedField[]) if (texts[field] !== "") this.indexes[field].add(n, texts[field]);
    });
    for (const word of spelled) {
      if (!isSpelledWord(word)) continue;
      const key = this.sound.encode(word).join(" ");
      const same = this.wordsBySound.get(key) ?? [];
      same.push(word);
      this.wordsBySound.set(key, same);
    }
  }

  private idOf(n: number): string {
    return this.records[n]!.id;
  }

  /** Entities whose id, name, alias or variant equals `text` once normalised, in data order. */
  byName(text: string): string[] {
    return (this.exactNames.get(normaliseName(text)) ?? []).map(([n]) => n).sort((a, b) => a - b).map((n) => this.idOf(n));
  }

  /** Every match for `text`, best first (see the module comment); only entities of `kind` when given. */
  search(text: string, kind: EntityKind | null = null): SearchResults {
    const query = normaliseName(text);
    if (query === "") return new SearchResults([]);
    const seen = new Set<number>();
    const keep = (n: number) => !seen.has(n) && (kind === null || this.records[n]!.kind === kind);
    const exact: SearchHit[] = [];
    for (const [n, field] of this.exactNames.get(query) ?? []) {
      if (!keep(n)) continue;
      seen.add(n);
      exact.push({ id: this.idOf(n), score: 1, field, exact: true, coverage: 1 });
    }
    const segments: Array<SearchHit[] | { ids: string[]; field: SearchField; score: number }> = [exact];
    const queryWords = query.split(" ");
    if (isAcronymQuery(text)) {
      const found = this.found(query, ["acronyms"]).get("acronyms") ?? [];
      const hits: SearchHit[] = [];
      this.rank(found.filter(keep), (n) => this.acronymField(n, queryWords), (n, field) => this.coverage(n, field, queryWords, "words"), seen, hits);
      return new SearchResults([exact, hits]);
    }
    // Words under SHORT_WORD letters begin most names' words: FlexSearch looks up the longer ones, and the short ones are checked here.
    const selective = queryWords.filter((word) => word.length >= SHORT_WORD);
    const short = queryWords.filter((word) => word.length < SHORT_WORD);
    const spelled = this.found(selective.join(" "), INDEXED_FIELDS.map((f) => FIELD_KEY[f]));
    const bySound = this.soundAlikes(selective).map((words) => ({ words: [...words, ...short], found: this.found(words.join(" "), ["name", "alias", "variant"]) }));
    const sources = (key: string) => [{ ns: spelled.get(key) ?? [], words: queryWords, penalty: 0 }, ...bySound.map(({ words, found }) => ({ ns: found.get(key) ?? [], words, penalty: SOUND_PENALTY }))];
    for (const field of INDEXED_FIELDS) {
      const holds = short.length === 0 ? null : (n: number) => this.holdsWords(n, field, short);
      segments.push(...this.rankCandidates(sources(FIELD_KEY[field]), field, (n) => keep(n) && (holds === null || holds(n)), seen));
    }
    return new SearchResults(segments);
  }

  /** Whether a name of entity n in `field` has words beginning with each of `words` (whole words for ids and descriptions). */
  private holdsWords(n: number, field: SearchField, words: readonly string[]): boolean {
    const record = this.records[n]!;
    const texts = field === "NAME" ? [this.plainNames[n]!] : field === "DESCRIPTION" ? [normaliseName(record.description)] : namesIn(record, field);
    const whole = field === "ID" || field === "DESCRIPTION";
    return texts.some((text) => {
      const own = text.split(" ");
      return words.every((word) => own.some((w) => (whole ? w === word : w.startsWith(word))));
    });
  }

  /**
   * An entity as a person types it, among those `accept` allows (all by
   * default): the exact id; else the one entity with that exact name; else
   * the best name match (descriptions aside) when it covers at least
   * MIN_RESOLVE_COVERAGE of its name and the next one matched in a lower
   * field or covers less of its name ("Biden" covers 1/2 of "Joe Biden" and
   * 1/7 of "Biden remarks to reporters on the airstrikes": Joe Biden).
   * Otherwise the candidates: the matches as good as the best (or the best
   * few, when the best covers too little to be taken), or the nearest names
   * when nothing matches.
   */
  resolve(text: string, accept: (id: string) => boolean = () => true): Resolution {
    if ((this.exactNames.get(normaliseName(text)) ?? []).some(([n]) => this.idOf(n) === text) && accept(text)) return { id: text };
    const named = this.byName(text).filter(accept);
    if (named.length === 1) return { id: named[0]! };
    if (named.length > 1) return { candidates: named, ambiguous: true };
    const hits = this.search(text)
      .slice(0, 4 * COVERAGE_WINDOW)
      .filter((hit) => hit.field !== "DESCRIPTION" && accept(hit.id));
    if (hits.length === 0) return { candidates: this.suggest(text, 5).filter(accept), ambiguous: false };
    const [best, next] = hits as [SearchHit, SearchHit | undefined];
    if (best.coverage < MIN_RESOLVE_COVERAGE) return { candidates: hits.slice(0, 5).map((hit) => hit.id), ambiguous: true };
    if (next === undefined || next.field !== best.field || best.coverage > next.coverage) return { id: best.id };
    return { candidates: hits.filter((hit) => hit.field === best.field && hit.coverage === best.coverage).map((hit) => hit.id), ambiguous: true };
  }

  /** Up to `count` entities with a name word that begins like a word of `text` (its first three letters) or sounds like one. */
  suggest(text: string, count: number): string[] {
    const words = normaliseName(text).split(" ").filter((word) => word.length >= 3);
    const found = new Set<number>();
    for (const word of words) {
      for (const alike of [word.slice(0, 3), ...(this.wordsBySound.get(this.sound.encode(word).join(" ")) ?? [])]) {
        for (const n of [...this.found(alike, ["name", "alias", "variant"]).values()].flat()) {
          found.add(n);
          if (found.size === count) return [...found].map((n) => this.idOf(n));
        }
      }
    }
    return [...found].map((n) => this.idOf(n));
  }

  /** FlexSearch's matches for `query` in `fields`, by field. */
  private found(query: string, fields: readonly IndexedField[]): Map<string, number[]> {
    return new Map(fields.map((field) => [field, this.indexes[field].search(query, { limit: this.records.length }) as number[]]));
  }

  /** The query spelt with name words that sound like its long words (at most MAX_SOUND_QUERIES spellings, the query itself excluded). */
  private soundAlikes(queryWords: readonly string[]): string[][] {
    let spellings: string[][] = [[]];
    for (const word of queryWords) {
      const alikes = isSpelledWord(word) ? (this.wordsBySound.get(this.sound.encode(word).join(" ")) ?? []) : [];
      const options = [word, ...alikes.filter((alike) => alike !== word)];
      spellings = spellings.flatMap((spelling) => options.map((option) => [...spelling, option])).slice(0, MAX_SOUND_QUERIES + 1);
    }
    return spellings.filter((spelling) => spelling.some((word, i) => word !== queryWords[i]));
  }

  /** One field's candidates, from several lookups: the first COVERAGE_WINDOW by score, then the rest in lookup order at the bottom of the band. */
  private rankCandidates(
    sources: ReadonlyArray<{ ns: readonly number[]; words: readonly string[]; penalty: number }>,
    field: SearchField,
    keep: (n: number) => boolean,
    seen: Set<number>,
  ): [SearchHit[], { ids: string[]; field: SearchField; score: number }] {
    const floor = FIELD_WEIGHT[field] - 0.1;
    const window = new Map<number, { score: number; position: number; coverage: number }>();
    const rest: string[] = [];
    let position = 0;
    for (const { ns, words, penalty } of sources) {
      for (const n of ns) {
        position++;
        const inWindow = window.get(n);
        if (inWindow === undefined && !keep(n)) continue;
        if (inWindow === undefined && window.size === COVERAGE_WINDOW) {
          seen.add(n);
          rest.push(this.idOf(n));
          continue;
        }
        const coverage = this.coverage(n, field, words, "prefixes");
        const score = Math.max(floor, FIELD_WEIGHT[field] - 0.1 * (1 - coverage) - penalty);
        if (inWindow === undefined) {
          seen.add(n);
          window.set(n, { score, position, coverage });
        } else if (score > inWindow.score) Object.assign(inWindow, { score, coverage });
      }
    }
    const ranked = [...window].sort(([, a], [, b]) => b.score - a.score || a.position - b.position);
    return [ranked.map(([n, { score, coverage }]) => ({ id: this.idOf(n), score: rounded(score), field, exact: false, coverage })), { ids: rest, field, score: rounded(floor) }];
  }

  /** Appends matches in FlexSearch's order, the first COVERAGE_WINDOW re-ranked by score. */
  private rank(found: number[], fieldOf: (n: number) => SearchField, coverage: (n: number, field: SearchField) => number, seen: Set<number>, hits: SearchHit[]): void {
    const ranked = found.map((n, position) => {
      const field = fieldOf(n);
      const covered = position < COVERAGE_WINDOW ? coverage(n, field) : 0;
      return { n, position, field, covered, score: FIELD_WEIGHT[field] - 0.1 * (1 - covered) };
    });
    const window = ranked.slice(0, COVERAGE_WINDOW).sort((a, b) => b.score - a.score || a.position - b.position);
    for (const { n, field, score, covered } of [...window, ...ranked.slice(COVERAGE_WINDOW)]) {
      seen.add(n);
      hits.push({ id: this.idOf(n), score: rounded(score), field, exact: false, coverage: covered });
    }
  }

  /** The best name field of entity n holding every word of an acronym query. */
  private acronymField(n: number, queryWords: string[]): SearchField {
    const record = this.records[n]!;
    return NAME_FIELDS.find((field) => namesIn(record, field).some((name) => queryWords.every((w) => name.split(" ").includes(w)))) ?? "NAME";
  }

  /** The largest share of one name's words (in `field`) the query's words cover, as whole words or as prefixes. */
  private coverage(n: number, field: SearchField, queryWords: readonly string[], match: "words" | "prefixes"): number {
    if (field === "DESCRIPTION") return 0;
    if (match === "prefixes" && field === "NAME") return Math.min(1, queryWords.length / this.nameWords[n]!);
    if (match === "prefixes" && field === "ID") return Math.min(1, queryWords.length / this.idWords[n]!);
    let best = 0;
    for (const name of namesIn(this.records[n]!, field)) {
      const words = name.split(" ");
      const covered = match === "words" ? queryWords.every((q) => words.includes(q)) : queryWords.every((q) => words.some((w) => w.startsWith(q)));
      if (covered) best = Math.max(best, Math.min(1, queryWords.length / words.length));
    }
    return best;
  }
}
