/**
 * The candidate new entities of one text, by key (the normalised name), with
 * every spelling the text uses, the sentences that name them, and the votes
 * their mentions cast for a kind. Names that stand for one entity are merged
 * when the text is read (mergeAliases): an acronym and what it abbreviates,
 * a surname and the full name, two spellings of one site.
 */
import { normaliseName } from "../model/names.js";
import type { EntityKind } from "../model/ontology.js";
import type { KnownMention } from "./mentions.js";
import type { KindGuess } from "./vocabulary.js";
import { NAME_PARTICLES } from "./vocabulary.js";

/** A mention's grammatical role: doing something, a place something is in, or neither. */
export type MentionContext = "actor" | "locative" | "neutral";

export type EntityRef = { readonly known: readonly string[] } | { readonly candidate: string };

/** Where a sentence names an entity, known or candidate. */
export interface EntitySpan {
  readonly start: number;
  readonly end: number;
  /** Token indexes [first, last) in the sentence. */
  readonly first: number;
  readonly last: number;
  readonly ref: EntityRef;
  readonly surface: string;
  /** Inside a longer span ("Iran" in "Iran-backed militias"). */
  nested: boolean;
  /** Used as a modifier ("U.S. strikes", "Iran-backed"), not as a noun of the clause. */
  readonly modifier: boolean;
  readonly context: MentionContext;
  /** A known mention: what it matched. */
  readonly known?: KnownMention;
}

/**
 * What a vote rests on, and its weight. A kind's score adds the weights of
 * the categories any mention voted for it, each once: ten mentions of "Forces"
 * in a name are one piece of evidence, not ten.
 */
export const VOTE_WEIGHTS = {
  apposition: 4,
  list: 4,
  including: 3.5,
  description: 3,
  title: 3,
  role: 3,
  head: 2.5,
  suffix: 2.5,
  told: 2,
  governmentOf: 2,
  personTags: 1.5,
  placeTags: 1.5,
  members: 1.5,
  country: 1,
  organizationTags: 1,
  affiliation: 1,
  reported: 1,
  locative: 1,
  acting: 1,
  based: 1,
} as const;
export type VoteCategory = keyof typeof VOTE_WEIGHTS;
export type KindVote = readonly [KindGuess, VoteCategory, string];

interface Vote {
  readonly categories: Map<VoteCategory, string>;
  subtype?: string;
}

export interface CandidateEntry {
  readonly key: string;
  readonly surfaces: Map<string, number>;
  readonly votes: Map<EntityKind, Vote>;
  /** Sentences it is named in (the first few), for evidence, and where in each it is named first. */
  readonly sentences: number[];
  readonly offsets: number[];
  mentions: number;
  /** A country: its mentions as an actor make a Government, as a place a Place. */
  country: boolean;
  readonly roles: { actor: number; locative: number };
  /** A description the text uses as a name ("U.S. forces"), not a proper name. */
  descriptive: boolean;
}

export interface KindDecision {
  readonly kind: EntityKind;
  readonly subtype?: string;
  /** The sum of the weights of the categories that voted for it. */
  readonly weight: number;
  readonly reasons: readonly string[];
}

const MAX_EVIDENCE_SENTENCES = 3;

/** A name's key: normalised, without a leading article. */
export const nameKey = (text: string) => normaliseName(text).replace(/^(?:the|a|an) /, "");
/**
 * The root a country and its demonym share: their first four letters
 * ("Iran" and "Iranian", "Iraq" and "Iraqi", "Britain" and "British").
 */
export const root = (norm: string) => (norm.length > 4 ? norm.slice(0, 4) : norm);
/** Names that differ only in spacing are one ("air base" and "airbase", "oil field" and "oilfield"). */
const compact = (key: string) => key.replace(/ /g, "");

/** A kind's score: the weights of the categories that voted for it, each once. */
const scoreOf = (vote: Vote) => [...vote.categories.keys()].reduce((sum, category) => sum + VOTE_WEIGHTS[category], 0);

/** The kind with the highest score (ties: the first voted). */
export function topKind(entry: CandidateEntry): KindDecision | null {
  let best: KindDecision | null = null;
  for (const [kind, vote] of entry.votes) {
    const weight = scoreOf(vote);
    if (best === null || weight > best.weight) {
      const reasons = [...vote.categories].sort(([a], [b]) => VOTE_WEIGHTS[b] - VOTE_WEIGHTS[a]).map(([, reason]) => reason);
      best = { kind, ...(vote.subtype !== undefined ? { subtype: vote.subtype } : {}), weight, reasons };
    }
  }
  return best;
}

export class CandidateTable {
  readonly entries = new Map<string, CandidateEntry>();
  private readonly parent = new Map<string, string>();

  /** The key a key was merged into. */
  find(key: string): string {
    let at = key;
    while (this.parent.has(at)) at = this.parent.get(at)!;
    return at;
  }

  entry(key: string): CandidateEntry | undefined {
    return this.entries.get(this.find(key));
  }

  note(key: string, surface: string, sentence: number, votes: readonly KindVote[], flags: { country?: boolean; descriptive?: boolean; context?: MentionContext; at?: number } = {}): void {
    const at = this.find(key);
    let entry = this.entries.get(at);
    if (!entry) {
      entry = { key: at, surfaces: new Map(), votes: new Map(), sentences: [], offsets: [], mentions: 0, country: false, roles: { actor: 0, locative: 0 }, descriptive: flags.descriptive ?? false };
      this.entries.set(at, entry);
    }
    entry.mentions++;
    entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
    if (entry.sentences.length < MAX_EVIDENCE_SENTENCES && !entry.sentences.includes(sentence)) {
      entry.sentences.push(sentence);
      entry.offsets.push(flags.at ?? -1);
    }
    if (flags.country) entry.country = true;
    if (flags.context === "actor") entry.roles.actor++;
    if (flags.context === "locative") entry.roles.locative++;
    for (const [guess, category, reason] of votes) this.vote(entry, guess, category, reason);
  }

  vote(entry: CandidateEntry, guess: KindGuess, category: VoteCategory, reason: string): void {
    const vote: Vote = entry.votes.get(guess.kind) ?? { categories: new Map() };
    if (!vote.categories.has(category)) vote.categories.set(category, reason);
    if (guess.subtype !== undefined) vote.subtype ??= guess.subtype;
    entry.votes.set(guess.kind, vote);
  }

  /** Merges `alias` into `target`. */
  merge(alias: string, target: string): void {
    const a = this.find(alias);
    const b = this.find(target);
    if (a === b || !this.entries.has(a) || !this.entries.has(b)) return;
    const from = this.entries.get(a)!;
    const into = this.entries.get(b)!;
    for (const [surface, n] of from.surfaces) into.surfaces.set(surface, (into.surfaces.get(surface) ?? 0) + n);
    for (const [kind, vote] of from.votes) {
      const mine: Vote = into.votes.get(kind) ?? { categories: new Map() };
      for (const [category, reason] of vote.categories) if (!mine.categories.has(category)) mine.categories.set(category, reason);
      if (vote.subtype !== undefined) mine.subtype ??= vote.subtype;
      into.votes.set(kind, mine);
    }
    from.sentences.forEach((s, i) => {
      if (into.sentences.length < MAX_EVIDENCE_SENTENCES && !into.sentences.includes(s)) {
        into.sentences.push(s);
        into.offsets.push(from.offsets[i] ?? -1);
      }
    });
    into.mentions += from.mentions;
    into.country ||= from.country;
    into.roles.actor += from.roles.actor;
    into.roles.locative += from.roles.locative;
    this.entries.delete(a);
    this.parent.set(a, b);
  }
}

/** Initials of a name, particles left out ("Kataib Sayyid al Shuhada": kss). */
const initials = (norm: string) =>
  norm
    .split(" ")
    .filter((w) => !NAME_PARTICLES.has(w) && w !== "and" && w !== "the")
    .map((w) => w[0])
    .join("");

/**
 * Merges the names that stand for one entity:
 * - an acronym written after a name, "(PMF)", or whose letters are the
 *   initials of one other name ("U.S.", "KSS");
 * - names that differ only in spacing ("Air Base", "airbase");
 * - a surname and the one full name of an official it ends ("Muhandis");
 * - a site's shorter name and the one site name it begins ("Abu Kamal"),
 *   and two names of a site with the same first word and head ("Baghdad
 *   airport", "Baghdad International Airport");
 * - a demonym or a country's descriptions and the country ("Iranian", "Iran").
 */
export function mergeAliases(table: CandidateTable, acronyms: ReadonlyArray<readonly [string, string]>): void {
  for (const [acronym, name] of acronyms) table.merge(acronym, name);
  const keys = () => [...table.entries.keys()];
  const entryOf = (key: string) => table.entries.get(key)!;
  const kindOf = (key: string) => topKind(entryOf(key))?.kind;
  const isSite = (key: string) => ["Base", "Place"].includes(kindOf(key) ?? "") && !entryOf(key).country;
  const proper = (key: string) => !entryOf(key).descriptive;

  for (const key of keys()) {
    if (!table.entries.has(key)) continue;
    const written = [...entryOf(key).surfaces.keys()].some((s) => /^[\p{Lu}.]+$/u.test(s.replace(/\s/g, "")));
    const letters = compact(key);
    if (!written || !/^[a-z]{2,6}$/.test(letters)) continue;
    const matches = keys().filter((other) => other !== key && other.includes(" ") && initials(other) === letters && proper(other));
    if (matches.length === 1) table.merge(key, matches[0]!);
  }
  const byCompact = new Map<string, string>();
  for (const key of keys()) {
    const same = byCompact.get(compact(key));
    if (same !== undefined) table.merge(key, same);
    else byCompact.set(compact(key), key);
  }
  for (const key of keys()) {
    if (!table.entries.has(key) || key.includes(" ") || !proper(key)) continue;
    const kind = kindOf(key);
    if (kind !== undefined && kind !== "Official") continue;
    const full = keys().filter((other) => other !== key && other.includes(" ") && other.split(" ").pop() === key && kindOf(other) === "Official");
    if (full.length === 1) table.merge(key, full[0]!);
  }
  for (const key of keys()) {
    if (!table.entries.has(key) || entryOf(key).country || !proper(key)) continue;
    const longer = keys().filter((other) => other !== key && other.startsWith(`${key} `) && isSite(other) && proper(other));
    if (longer.length > 0 && (isSite(key) || kindOf(key) === undefined || kindOf(key) === "Official")) {
      const heads = new Set(longer.map((other) => other.split(" ").pop()));
      if (heads.size === 1) for (const other of [key, ...longer.slice(1)]) table.merge(other, longer[0]!);
    }
  }
  const sites = keys().filter((key) => isSite(key) && proper(key) && key.includes(" "));
  for (const key of sites) {
    if (!table.entries.has(key)) continue;
    const [first] = key.split(" ");
    const head = compact(key.split(" ").slice(-1)[0]!);
    const same = sites.filter((other) => other !== key && table.entries.has(other) && other.split(" ")[0] === first && compact(other.split(" ").slice(-1)[0]!) === head);
    for (const other of same) table.merge(other, key);
  }
  const countries = keys().filter((key) => entryOf(key).country);
  for (const key of keys()) {
    if (!table.entries.has(key) || entryOf(key).country) continue;
    const entry = entryOf(key);
    if (entry.votes.size > 0 || key.includes(" ")) continue;
    const country = countries.filter((c) => table.entries.has(c) && root(c) === root(key));
    if (country.length === 1) table.merge(key, country[0]!);
  }
  // A country's description and the proper name it stands for ("Iraq's security forces", "Iraqi Security Forces").
  for (const key of keys()) {
    if (!table.entries.has(key) || proper(key)) continue;
    const [head, ...rest] = key.split(" ");
    const named = keys().filter((other) => other !== key && proper(other) && other.split(" ").length === rest.length + 1 && other.endsWith(` ${rest.join(" ")}`) && root(other) === root(head!));
    if (named.length === 1) table.merge(key, named[0]!);
  }
}
