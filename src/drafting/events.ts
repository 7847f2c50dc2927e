/**
 * Candidate events: a day the text dates in a sentence (outside quotations)
 * that also holds a word for an attack, typed by the attack word nearest the
 * date ("rocket attack" a ROCKET_ATTACK, "drone strike" an AIRSTRIKE: the
 * last word of the phrase is its head); a range ("since April", "between
 * April and June 2021") with a plural attack noun is a series of attacks.
 * The same type on the same day is one event, however many times the text
 * tells it; where the graph has an event of that type on that day, the text
 * mentions it. The table also remembers the order events are told in, so
 * that "the strikes" or "The airstrikes" can be resolved to the latest one.
 */
import type { KnowledgeGraph } from "../graph/types.js";
import type { EventType } from "../model/ontology.js";
import type { CandidateTable, EntityRef, EntitySpan } from "./candidate-table.js";
import type { DateMention } from "./dates.js";
import type { TextStructure } from "./sentences.js";
import { inQuote } from "./sentences.js";
import type { Token, TaggedSentence } from "./tokens.js";
import { ATTACK_WORDS, EXCHANGE_OF_FIRE } from "./vocabulary.js";

export interface EventCandidate {
  readonly key: string;
  readonly type: EventType;
  /** For ATTACK_SERIES: the type of its attacks. */
  readonly memberType: EventType | null;
  readonly date: DateMention;
  /** The event in the graph this is (same type, same day), if any. */
  readonly knownId: string | null;
  /** The words the type was guessed from. */
  readonly typeWords: string;
  /** Sentences that tell it (the first few), as [sentence index, start, end]. */
  readonly told: Array<readonly [number, number, number]>;
  /** Who carried it out (subjects of "struck", "conducted airstrikes"). */
  readonly actors: EntityRef[];
  /** Names of what it struck, for the event's name. */
  readonly targets: string[];
}

/** An attack phrase in a sentence: adjacent attack words, typed by the last typed one. */
export interface AttackPhrase {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly type: EventType | null;
  readonly plural: boolean;
  readonly words: string;
}

/** Where a sentence tells an event. */
export interface EventMention {
  readonly key: string;
  /** Offset of its date in the text (the point it is told at). */
  readonly at: number;
}

const MAX_TOLD = 3;
const TYPE_SLUGS: Record<EventType, string> = {
  AIRSTRIKE: "airstrike",
  DRONE_ATTACK: "drone-attack",
  ROCKET_ATTACK: "rocket-attack",
  ATTACK_SERIES: "attack-series",
  STORMING: "storming",
  EXCHANGE_OF_FIRE: "exchange-of-fire",
  TERRITORIAL_CAPTURE: "territorial-capture",
  FOUNDING: "founding",
  INSTITUTIONAL_CHANGE: "institutional-change",
};
export const eventTypeSlug = (type: EventType) => TYPE_SLUGS[type];

function attackType(token: Token): { attack: boolean; type: EventType | null } {
  for (const [pattern, type] of ATTACK_WORDS) if (pattern.test(token.lower)) return { attack: true, type };
  return { attack: false, type: null };
}

/** The attack phrases of a sentence outside quotations. */
export function attackPhrases(tokens: readonly Token[]): AttackPhrase[] {
  const phrases: AttackPhrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || t.quoted || !attackType(t).attack) continue;
    let j = i;
    let type: EventType | null = null;
    while (j < tokens.length && tokens[j]!.word && !tokens[j]!.quoted && attackType(tokens[j]!).attack) {
      type = attackType(tokens[j]!).type ?? type;
      j++;
    }
    const head = tokens[j - 1]!;
    phrases.push({ first: i, last: j, start: t.start, end: head.end, type, plural: /s$/.test(head.lower) && !/ss$/.test(head.lower), words: tokens.slice(i, j).map((x) => x.text).join(" ") });
    i = j - 1;
  }
  return phrases;
}

/** The first typed attack word of a block's text outside quotations (for a dated list item whose type is told after its date). */
function blockType(structure: TextStructure, block: number): { type: EventType; words: string } | null {
  const { start, end } = structure.blocks[block]!;
  const text = structure.text.slice(start, end);
  for (const match of text.matchAll(/[\p{L}-]+/gu)) {
    if (inQuote(structure, start + match.index)) continue;
    const lower = match[0].toLowerCase();
    for (const [pattern, type] of ATTACK_WORDS) if (type !== null && pattern.test(lower)) return { type, words: match[0] };
  }
  return null;
}

export class EventTable {
  readonly events = new Map<string, EventCandidate>();
  /** Events in the order the text tells them (a key each time it is told). */
  private readonly history: Array<{ key: string; sentence: number; block: number }> = [];
  private readonly knownByDay = new Map<string, string[]>();
  /** The graph's events up to the publication date, latest first, with who carried them out: for "the strikes" told before the drafted text. */
  private readonly knownEvents: Array<{ id: string; type: EventType; actors: string[] }> = [];

  constructor(
    graph: KnowledgeGraph,
    private readonly candidates: CandidateTable,
    publication: string,
  ) {
    const dated: Array<{ id: string; type: EventType; actors: string[]; earliest: string }> = [];
    graph.forEachNode((id, node) => {
      if (node.record.kind !== "Event") return;
      const day = `${node.record.eventType}|${node.record.date.value.split("/")[0]}`;
      this.knownByDay.set(day, [...(this.knownByDay.get(day) ?? []), id]);
      const earliest = node.date?.earliest ?? null;
      if (earliest === null || earliest > publication || node.record.eventType === "ATTACK_SERIES") return;
      const actors = graph.filterInEdges(id, (_e, attributes) => attributes.type === "CARRIED_OUT").map((edge) => graph.source(edge));
      dated.push({ id, type: node.record.eventType, actors, earliest });
    });
    dated.sort((a, b) => (a.earliest < b.earliest ? 1 : a.earliest > b.earliest ? -1 : 0));
    this.knownEvents.push(...dated);
  }

  /** The key that stands for an event of the graph no sentence of the draft dates. */
  static knownKey(id: string): string {
    return `known:${id}`;
  }

  /** Finds the events a sentence dates, and records them. */
  detect(tagged: TaggedSentence, dates: readonly DateMention[], structure: TextStructure): EventMention[] {
    // "U.S. forces returned fire": an exchange of fire on the day of the attack the paragraph tells.
    const exchange = EXCHANGE_OF_FIRE.exec(tagged.text);
    if (exchange && dates.length === 0 && !inQuote(structure, tagged.start + exchange.index)) {
      const answered = this.current(tagged.index, tagged.block);
      const event = answered ? this.events.get(answered) : undefined;
      if (event && event.type !== "ATTACK_SERIES" && event.date.precision === "DAY") {
        return [{ key: this.record("EXCHANGE_OF_FIRE", null, event.date, exchange[0], tagged), at: tagged.start + exchange.index }];
      }
    }
    const phrases = attackPhrases(tagged.tokens);
    if (phrases.length === 0 && !dates.some((d) => d.entry)) return [];
    const found: EventMention[] = [];
    for (const date of dates) {
      if (inQuote(structure, date.start)) continue;
      if (date.precision === "DAY") {
        let type: EventType | null = null;
        let words = "";
        let distance = Infinity;
        for (const phrase of phrases) {
          if (phrase.type === null) continue;
          const d = phrase.start >= date.end ? phrase.start - date.end : date.start >= phrase.end ? date.start - phrase.end : 0;
          if (d < distance) {
            distance = d;
            type = phrase.type;
            words = phrase.words;
          }
        }
        if (type === null && date.entry && phrases.length > 0) {
          const inBlock = blockType(structure, tagged.block);
          if (inBlock) ({ type, words } = inBlock);
        }
        if (type === null) continue;
        found.push({ key: this.record(type, null, date, words, tagged), at: date.start });
      } else if (date.precision === "RANGE") {
        // The plural attack phrase nearest the range ("drone attacks ... since April").
        const distance = (p: AttackPhrase) => (p.start >= date.end ? p.start - date.end : date.start >= p.end ? date.start - p.end : 0);
        const plural = phrases.filter((p) => p.plural && p.type !== null && p.type !== "STORMING").sort((a, b) => distance(a) - distance(b))[0];
        if (!plural) continue;
        found.push({ key: this.record("ATTACK_SERIES", plural.type, date, plural.words, tagged), at: date.start });
      }
    }
    return found;
  }

  private record(type: EventType, memberType: EventType | null, date: DateMention, words: string, tagged: TaggedSentence): string {
    const day = type === "ATTACK_SERIES" ? `${memberType}|${date.value.split("/")[0]}` : date.value;
    const key = `${type}|${day}`;
    let event = this.events.get(key);
    if (!event) {
      const known = this.knownByDay.get(`${type}|${date.value.split("/")[0]}`) ?? [];
      event = { key, type, memberType, date, knownId: known.length === 1 ? known[0]! : null, typeWords: words, told: [], actors: [], targets: [] };
      this.events.set(key, event);
    }
    if (event.told.length < MAX_TOLD && !event.told.some(([s]) => s === tagged.index)) event.told.push([tagged.index, tagged.start, tagged.end]);
    this.history.push({ key, sentence: tagged.index, block: tagged.block });
    return key;
  }

  /** Records that `ref` carried out the event. */
  addActor(key: string, ref: EntityRef): void {
    const event = this.events.get(key);
    if (!event) return;
    if (!event.actors.some((a) => sameRef(a, ref, this.candidates))) event.actors.push(ref);
  }

  addTarget(key: string, name: string): void {
    const event = this.events.get(key);
    if (event && !event.targets.includes(name)) event.targets.push(name);
  }

  /**
   * The event a phrase like "the strikes" or "The U.S. attacks" refers to: the
   * latest told before `sentence` of the phrase's type (any, for "attack"),
   * carried out by `actor` when the phrase names one.
   */
  resolve(type: EventType | null, actor: EntityRef | null, sentence: number): string | null {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const { key, sentence: at } = this.history[i]!;
      if (at >= sentence) continue;
      const event = this.events.get(key)!;
      if (event.type === "ATTACK_SERIES") continue;
      if (type !== null && event.type !== type) continue;
      if (actor !== null && !event.actors.some((a) => sameRef(a, actor, this.candidates))) continue;
      return key;
    }
    if (actor !== null) {
      const known = this.resolveKnown(type, actor);
      if (known !== null) return known;
      return this.resolve(type, null, sentence);
    }
    return this.resolveKnown(type, null);
  }

  /** Told nowhere in the drafted text: the graph's latest event of the type (by the actor), up to the publication date. */
  private resolveKnown(type: EventType | null, actor: EntityRef | null): string | null {
    const ids = actor !== null && "known" in actor ? actor.known : null;
    if (actor !== null && ids === null) return null;
    const event = this.knownEvents.find((e) => (type === null || e.type === type) && (ids === null || e.actors.some((a) => ids.includes(a))));
    return event ? EventTable.knownKey(event.id) : null;
  }

  /** The type of an event by key (an event of the graph included). */
  typeOf(key: string): EventType | null {
    if (key.startsWith("known:")) return this.knownEvents.find((e) => EventTable.knownKey(e.id) === key)?.type ?? null;
    return this.events.get(key)?.type ?? null;
  }

  /** The event a sentence without a date of its own is about: the latest told in its block, else in the two blocks before (a series only in its own block). */
  current(sentence: number, block: number): string | null {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const entry = this.history[i]!;
      if (entry.sentence > sentence) continue;
      if (entry.block < block - 2) return null;
      if (this.events.get(entry.key)!.type === "ATTACK_SERIES" && entry.block !== block) continue;
      return entry.key;
    }
    return null;
  }

  /** Events told in the given sentences, in order. */
  toldIn(sentence: number): string[] {
    return this.history.filter((h) => h.sentence === sentence).map((h) => h.key);
  }
}

/** Whether two references name one entity: the same known id, the same candidate, or one is the other's initials ("U.S.", "United States"). */
export function sameRef(a: EntityRef, b: EntityRef, table: CandidateTable): boolean {
  if ("known" in a && "known" in b) return a.known.some((id) => b.known.includes(id));
  if ("candidate" in a && "candidate" in b) {
    const x = table.find(a.candidate);
    const y = table.find(b.candidate);
    if (x === y) return true;
    const initials = (key: string) => key.split(" ").filter((w) => !["of", "the", "al", "and"].includes(w)).map((w) => w[0]).join("");
    const compact = (key: string) => key.replace(/ /g, "");
    return (x.includes(" ") && initials(x) === compact(y)) || (y.includes(" ") && initials(y) === compact(x));
  }
  return false;
}

/** "The airstrikes", "the U.S. attacks", "The drone strike": a definite phrase for an event, its type and the actor it names. */
export interface Anaphor {
  readonly first: number;
  readonly last: number;
  readonly type: EventType | null;
  readonly actor: EntityRef | null;
}

export function anaphorAt(tokens: readonly Token[], spans: readonly EntitySpan[], i: number): Anaphor | null {
  const t = tokens[i];
  if (!t?.word || t.quoted || !["the", "these", "this", "that", "those"].includes(t.lower)) return null;
  const phrases = attackPhrases(tokens);
  for (const phrase of phrases) {
    if (phrase.first <= i || phrase.first > i + 4) continue;
    // Only modifiers between the determiner and the attack words ("the U.S. strikes", "the first airstrikes").
    const between = tokens.slice(i + 1, phrase.first);
    if (between.some((b) => !b.word || (b.tags.has("Verb") && !b.capital))) return null;
    const actorSpan = spans.find((s) => s.first > i && s.last <= phrase.first && !s.nested);
    return { first: i, last: phrase.last, type: phrase.type, actor: actorSpan?.ref ?? null };
  }
  return null;
}

/** A readable name for an event: its type, what it struck, its date. */
export function eventName(event: EventCandidate): string {
  const label = event.type === "ATTACK_SERIES" ? `${TYPE_SLUGS[event.memberType ?? "ATTACK_SERIES"].replace(/-/g, " ")}s` : TYPE_SLUGS[event.type].replace(/-/g, " ");
  const on = event.targets.length > 0 ? ` on ${event.targets.slice(0, 2).join(" and ")}` : "";
  return `${label[0]!.toUpperCase()}${label.slice(1)}${on}, ${event.date.value.replace("/..", " onwards").replace("/", " to ")}`;
}

/** Which event the words at a token are about (see makeEventLocator). */
export interface EventLocator {
  /** The event the sentence's subject refers to ("The airstrikes were ..."), if any. */
  readonly subject: string | null;
  at(token: number): string | null;
}

/**
 * Which event the words at a token of a sentence are about: the event whose
 * date follows them in their clause ("a rocket attack ... on December 27"),
 * else the one whose date precedes them, else the event the sentence's
 * subject refers to ("The drone strike killed ..."), else the latest event of
 * the paragraph.
 */
export function makeEventLocator(tagged: TaggedSentence, spans: readonly EntitySpan[], told: readonly EventMention[], clauses: ReadonlyArray<{ first: number; last: number }>, events: EventTable): EventLocator {
  const tokens = tagged.tokens;
  const dated = told.map((m) => ({ key: m.key, index: tokens.findIndex((t) => t.start >= m.at) }));
  let i = 0;
  while (tokens[i] && (!tokens[i]!.word || ["but", "and", "so"].includes(tokens[i]!.lower))) i++;
  const anaphor = anaphorAt(tokens, spans, i);
  const subject = anaphor ? events.resolve(anaphor.type, anaphor.actor, tagged.index) : null;
  return {
    subject,
    at(token: number): string | null {
      const clause = clauses.find((c) => token >= c.first && token < c.last) ?? { first: 0, last: tokens.length };
      const inClause = dated.filter((d) => d.index >= clause.first && d.index < clause.last);
      const after = inClause.filter((d) => d.index > token).sort((a, b) => a.index - b.index)[0];
      const before = inClause.filter((d) => d.index <= token).sort((a, b) => b.index - a.index)[0];
      return after?.key ?? before?.key ?? subject ?? dated[0]?.key ?? events.current(tagged.index, tagged.block);
    },
  };
}
