/**
 * Candidate relations for a small set of patterns, each with its sentence as
 * evidence and the attribution of the clause it was found in:
 *
 * - RETALIATES_FOR: "in response to", "in retaliation for": the event told
 *   before the words answers the events told after them; "attacks" told
 *   without dates there are the dated attacks of the next sentence, or of
 *   the list a sentence ending in ":" introduces.
 * - CONDEMNS: "X condemned the strikes" (the latest strikes told).
 * - BACKS: "Iran-backed militias", "trained, armed, funded and sometimes
 *   directed by Iran", "backed by X".
 * - ATTACKS: what an attack verb or noun strikes ("struck", "attacked",
 *   "fired at", "landed on", "attack on", "storming of", "came under fire"),
 *   and who uses or operates what was struck ("used by X").
 * - INTERCEPTED: "X shot down", "X foiled".
 * - KILLED_IN: people named after "killed" in a sentence about an event.
 * - CARRIED_OUT: "X struck", "X conducted airstrikes", "attacks by X".
 *
 * Endpoints are references (a known entity, a candidate, an event); whether
 * the kinds fit the relation type is decided when the draft is assembled.
 */
import type { EventType, RelationType } from "../model/ontology.js";
import type { Attribution, Clause } from "./attribution.js";
import type { EntityRef, EntitySpan } from "./candidate-table.js";
import type { ModifierLink } from "./candidates.js";
import { spells } from "./candidates.js";
import type { EventLocator, EventMention, EventTable } from "./events.js";
import { anaphorAt, attackPhrases } from "./events.js";
import type { TextStructure } from "./sentences.js";
import type { Token, TaggedSentence } from "./tokens.js";
import { BACKING_MODIFIERS } from "./vocabulary.js";

export type Endpoint = { readonly entity: EntityRef } | { readonly event: string };

export interface RelationProposal {
  readonly type: RelationType;
  readonly source: Endpoint;
  readonly target: Endpoint;
  readonly sentence: number;
  readonly attribution: Attribution;
  readonly role?: string;
  /** The words the pattern matched, for the note. */
  readonly pattern: string;
  /** ATTACKS on the user of what was struck ("Kataib Hezbollah facilities", "used by X"): kept only for armed groups. */
  readonly owner?: boolean;
}

const RETALIATION_CUES = [["in", "direct", "response", "to"], ["in", "response", "to"], ["in", "retaliation", "for"], ["retaliation", "for"], ["to", "retaliate", "for"], ["in", "revenge", "for"]];
const DETERMINERS = new Set(["a", "an", "the"]);
const BACKING_VERBS = new Set(["trained", "armed", "funded", "backed", "supported", "directed", "financed", "equipped", "sponsored"]);
const LIST_GLUE = new Set([",", "and", "or", "sometimes", "also", "even"]);
const ATTACK_VERBS = new Set(["struck", "targeted", "attacked", "hit", "stormed", "bombed", "shelled", "approached", "raided"]);
const ATTACK_NOUNS = /^(?:attacks?|strikes?|airstrikes?|raids?|assaults?)$/;
const OBJECT_STOPS = new Set([",", ".", ";", ":", "—", "–", "that", "which", "who", "near", "in", "inside", "at", "along", "north", "south", "east", "west", "leaving", "used", "operated", "with", "from", "to", "on", "during", "after", "before", "and"]);
const INTERCEPTIONS = [["shot", "down"], ["shoot", "down"], ["intercepted"], ["foiled"], ["downed"], ["thwarted"], ["repelled"]];
const PERPETRATION = new Set(["struck", "conducted", "launched", "fired", "attacked", "stormed", "targeted", "hit", "bombed", "carried", "returned"]);

interface Pending {
  readonly source: string;
  readonly memberType: EventType | null;
  readonly block: number;
  readonly sentence: number;
  list: boolean;
  readonly proposal: Omit<RelationProposal, "target" | "sentence">;
}

export class RelationFinder {
  private pending: Pending | null = null;

  constructor(
    private readonly events: EventTable,
    private readonly structure: TextStructure,
  ) {}

  find(tagged: TaggedSentence, spans: readonly EntitySpan[], links: readonly ModifierLink[], told: readonly EventMention[], clauses: readonly Clause[], attributions: readonly Attribution[], locate: EventLocator): RelationProposal[] {
    const tokens = tagged.tokens;
    const found: RelationProposal[] = [];
    const top = spans.filter((s) => !s.nested);
    const clauseOf = (i: number) => Math.max(0, clauses.findIndex((c) => i >= c.first && i < c.last));
    const attributionAt = (i: number) => attributions[clauseOf(i)] ?? attributions[0]!;
    const push = (p: Omit<RelationProposal, "sentence">) => found.push({ ...p, sentence: tagged.index });

    const dated = told.map((m) => ({ key: m.key, index: tokens.findIndex((t) => t.start >= m.at) }));
    const subjectAnaphor = locate.subject;
    const eventFor = locate.at;
    const subjectOf = (clause: Clause, before: number): EntitySpan | undefined => top.find((s) => s.first >= clause.first && s.last <= before && !(s.modifier && tokens[s.first]!.text.includes("-")) && !tokens[s.first]!.quoted);

    this.resolvePending(tagged, told, push);
    // "returned fire": the exchange answers the attack the paragraph told before it.
    for (const mention of told) {
      if (this.events.typeOf(mention.key) !== "EXCHANGE_OF_FIRE") continue;
      const answered = this.events.current(tagged.index - 1, tagged.block);
      if (answered && answered !== mention.key) push({ type: "RETALIATES_FOR", source: { event: mention.key }, target: { event: answered }, attribution: attributions[0]!, pattern: "returned fire" });
    }

    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!t.word || t.quoted) continue;
      const clause = clauses[clauseOf(i)]!;

      // RETALIATES_FOR
      for (const cue of RETALIATION_CUES) {
        const end = spells(tokens, i, cue);
        if (end < 0) continue;
        const source = dated.filter((d) => d.index < i).pop()?.key ?? subjectAnaphor;
        if (!source) break;
        const targets = dated.filter((d) => d.index >= end && d.key !== source);
        const base = { type: "RETALIATES_FOR" as const, source: { event: source }, attribution: attributionAt(i), pattern: cue.join(" ") };
        for (const target of targets) push({ ...base, target: { event: target.key } });
        const days = targets.filter((d) => !d.key.startsWith("ATTACK_SERIES"));
        const plural = attackPhrases(tokens).find((p) => p.first >= end && p.plural);
        if (days.length === 0 && plural) this.pending = { source, memberType: plural.type, block: tagged.block, sentence: tagged.index, list: false, proposal: base };
        break;
      }

      // CONDEMNS
      if (/^condemn(?:ed|s|ing)?$/.test(t.lower)) {
        const subject = subjectOf(clause, i);
        let target: string | null = null;
        for (let j = i + 1; j < Math.min(tokens.length, i + 3) && target === null; j++) {
          const anaphor = anaphorAt(tokens, spans, j);
          if (anaphor) target = this.events.resolve(anaphor.type, anaphor.actor, tagged.index);
        }
        target ??= dated.find((d) => d.index > i)?.key ?? null;
        if (subject && target) push({ type: "CONDEMNS", source: { entity: subject.ref }, target: { event: target }, attribution: attributionAt(i), pattern: t.text });
      }

      // BACKS, passive: "trained, armed, funded and sometimes directed by Iran".
      if (t.lower === "by" && i > 0) {
        let j = i - 1;
        let verbs = 0;
        while (j >= clause.first && (BACKING_VERBS.has(tokens[j]!.lower) || LIST_GLUE.has(tokens[j]!.lower))) {
          if (BACKING_VERBS.has(tokens[j]!.lower)) verbs++;
          j--;
        }
        const backer = top.find((s) => s.first === i + 1 || (s.first === i + 2 && !tokens[i + 1]!.capital && tokens[i + 1]!.lower === "the"));
        if (verbs > 0 && backer) {
          const role = tagged.text.slice(tokens[j + 1]!.start - tagged.start, tokens[i - 1]!.end - tagged.start);
          for (const backed of this.backedBy(tokens, top, clause, j)) {
            push({ type: "BACKS", source: { entity: backer.ref }, target: { entity: backed.ref }, attribution: attributionAt(i), role, pattern: `${role} by` });
          }
        }
      }

      // ATTACKS
      const attackAt = this.attackObject(tokens, i);
      if (attackAt) {
        let event = eventFor(i);
        // "three separate rocket attacks against X" tells of rocket attacks, whatever the sentence's subject.
        const phrase = attackPhrases(tokens).find((p) => i >= p.first && i < p.last);
        if (event !== null && phrase?.type && !ATTACK_VERBS.has(t.lower) && this.events.typeOf(event) !== phrase.type) event = null;
        if (event) {
          for (const span of top) {
            if (span.first < attackAt.first || span.first >= attackAt.last || tokens[span.first]!.quoted) continue;
            if (span.modifier && tokens[span.first]!.text.includes("-")) continue;
            push({ type: "ATTACKS", source: { event }, target: { entity: span.ref }, attribution: attributionAt(i), pattern: attackAt.words, owner: span.modifier });
            if (!span.modifier) this.events.addTarget(event, span.surface);
          }
          for (const user of this.usedBy(tokens, top, attackAt.last, clause.last)) {
            push({ type: "ATTACKS", source: { event }, target: { entity: user.ref }, attribution: attributionAt(i), pattern: `${attackAt.words} … used by`, owner: true });
          }
        }
      }
      // "X came under fire"
      if (t.lower === "came" && tokens[i + 1]?.lower === "under" && ["fire", "attack"].includes(tokens[i + 2]?.lower ?? "")) {
        const subject = subjectOf(clause, i);
        const event = eventFor(i);
        if (subject && event) push({ type: "ATTACKS", source: { event }, target: { entity: subject.ref }, attribution: attributionAt(i), pattern: "came under fire" });
      }

      // INTERCEPTED
      for (const cue of INTERCEPTIONS) {
        if (spells(tokens, i, cue) < 0) continue;
        const subject = subjectOf(clause, i);
        const event = eventFor(i);
        if (subject && event) push({ type: "INTERCEPTED", source: { entity: subject.ref }, target: { event }, attribution: attributionAt(i), pattern: cue.join(" ") });
        break;
      }

      // KILLED_IN
      if (t.lower === "killed" || t.lower === "killing") {
        const event = eventFor(i);
        const passive = tokens[i - 1]?.word === true && ["was", "were", "been"].includes(tokens[i - 1]!.lower);
        if (event && !passive) {
          for (const span of top) {
            if (span.first <= i || span.last > clause.last || span.modifier) continue;
            push({ type: "KILLED_IN", source: { entity: span.ref }, target: { event }, attribution: attributionAt(i), pattern: t.text });
          }
        }
      }

      // CARRIED_OUT: "X struck", "X conducted airstrikes".
      if (PERPETRATION.has(t.lower)) {
        const subject = subjectOf(clause, i);
        const between = subject ? tokens.slice(subject.last, i).filter((x) => x.word) : [];
        const event = eventFor(i);
        if (subject && event && between.every((x) => ["also", "then", "later", "had", "has", "have"].includes(x.lower)) && !tokens[i + 1]?.lower.startsWith("by")) {
          push({ type: "CARRIED_OUT", source: { entity: subject.ref }, target: { event }, attribution: attributionAt(i), pattern: t.text });
          this.events.addActor(event, subject.ref);
        }
      }
    }
    // CARRIED_OUT: "five drone attacks by Iranian-backed militias".
    for (const phrase of attackPhrases(tokens)) {
      if (tokens[phrase.last]?.lower !== "by") continue;
      const agent = top.find((s) => s.first === phrase.last + 1 && !s.modifier);
      const event = eventFor(phrase.first);
      if (agent && event) {
        push({ type: "CARRIED_OUT", source: { entity: agent.ref }, target: { event }, attribution: attributionAt(phrase.first), pattern: `${phrase.words} by` });
        this.events.addActor(event, agent.ref);
      }
    }
    // BACKS: "Iran-backed militias", "U.S.-backed Syrian Democratic Forces".
    for (const link of links) {
      if (!BACKING_MODIFIERS.has(link.suffix) || !link.head || tokens[link.modifier.first]!.quoted) continue;
      push({ type: "BACKS", source: { entity: link.modifier.ref }, target: { entity: link.head.ref }, attribution: attributionAt(link.modifier.first), role: link.suffix, pattern: `${link.modifier.surface}-${link.suffix}` });
    }
    return found;
  }

  /** The groups a relative clause, an apposition or a clause's subject names: "militias—A and B—that are trained", "A, a militia backed by", "Many of the PMF militias had been trained". */
  private backedBy(tokens: readonly Token[], top: readonly EntitySpan[], clause: Clause, before: number): EntitySpan[] {
    // "Kataib Hezbollah, an Iraqi militia backed by Iran": the name before the apposition.
    let a = before;
    while (a >= clause.first && a > before - 6 && tokens[a]!.word && (!tokens[a]!.capital || tokens[a]!.tags.has("Demonym"))) a--;
    if (a > clause.first && tokens[a]!.text === "," && a < before && DETERMINERS.has(tokens[a + 1]!.lower)) {
      const named = top.find((s) => s.last === a && !s.modifier);
      if (named) return [named];
    }
    let j = before;
    while (j >= clause.first && tokens[j]!.word && ["are", "were", "is", "was", "been", "be", "had", "have", "has"].includes(tokens[j]!.lower)) j--;
    if (j >= clause.first && tokens[j]!.word && ["that", "which", "who"].includes(tokens[j]!.lower)) {
      const named: EntitySpan[] = [];
      let k = j - 1;
      while (k >= clause.first && !tokens[k]!.word && /[—–,]/.test(tokens[k]!.text)) k--;
      while (k >= clause.first) {
        const span = top.find((s) => s.last - 1 === k && !s.modifier);
        if (span) {
          named.unshift(span);
          k = span.first - 1;
        } else if (tokens[k]!.lower === "and" || tokens[k]!.text === ",") k--;
        else break;
      }
      return named;
    }
    const subject = top.find((s) => s.first >= clause.first && s.last <= before + 1 && !(s.modifier && tokens[s.first]!.text.includes("-")));
    return subject ? [subject] : [];
  }

  /** An attack verb or noun at i, and the words it strikes (its object, up to a preposition, a clause or a participle). */
  private attackObject(tokens: readonly Token[], i: number): { first: number; last: number; words: string } | null {
    const t = tokens[i]!;
    let o = -1;
    if (ATTACK_VERBS.has(t.lower) && tokens[i + 1]?.lower !== "by" && !(t.lower === "hit" && tokens[i - 1]?.lower === "the")) o = i + 1;
    else if ((t.lower === "fired" || t.lower === "landed") && ["at", "on"].includes(tokens[i + 1]?.lower ?? "")) o = i + 2;
    else if (ATTACK_NOUNS.test(t.lower) && ["against", "on"].includes(tokens[i + 1]?.lower ?? "")) o = i + 2;
    else if (t.lower === "storming" && tokens[i + 1]?.lower === "of") o = i + 2;
    if (o < 0 || !tokens[o]) return null;
    let last = o;
    while (last < tokens.length && !OBJECT_STOPS.has(tokens[last]!.lower) && !(tokens[last]!.word && (tokens[last]!.tags.has("Gerund") || (tokens[last]!.tags.has("Verb") && !tokens[last]!.capital && !tokens[last]!.tags.has("Noun"))))) last++;
    // "the perimeter of X": the object goes on through "of".
    while (tokens[last]?.lower === "of" && tokens[last + 1]) {
      last++;
      while (last < tokens.length && !OBJECT_STOPS.has(tokens[last]!.lower) && !tokens[last]!.tags.has("Gerund")) last++;
    }
    return last > o ? { first: o, last, words: tokens.slice(i, Math.min(last, i + 6)).map((x) => x.text).join(" ") } : null;
  }

  /** "... used by X and Y", "operated by two Iraqi militias—X and Y—": who uses what was struck. */
  private usedBy(tokens: readonly Token[], top: readonly EntitySpan[], from: number, to: number): EntitySpan[] {
    for (let i = from; i < to - 1; i++) {
      if (!["used", "operated"].includes(tokens[i]!.lower) || tokens[i + 1]!.lower !== "by") continue;
      let end = i + 2;
      while (end < to && !["that", "which", "who", "to", "."].includes(tokens[end]!.lower) && !(tokens[end]!.text === "," && tokens[end + 1]?.word && !tokens[end + 1]!.capital)) end++;
      return top.filter((s) => s.first >= i + 2 && s.last <= end && !(s.modifier && tokens[s.first]!.text.includes("-")));
    }
    return [];
  }

  /** Attacks told without dates after "in response to" are the dated attacks of the next sentence, or of the list it introduces. */
  private resolvePending(tagged: TaggedSentence, told: readonly EventMention[], push: (p: Omit<RelationProposal, "sentence">) => void): void {
    const pending = this.pending;
    if (!pending || tagged.index === pending.sentence) return;
    const block = this.structure.blocks[tagged.block]!;
    const text = tagged.text.trim();
    if (!pending.list && tagged.block === pending.block && text.endsWith(":")) {
      pending.list = true;
      return;
    }
    const inList = pending.list && block.kind === "item";
    const next = !pending.list && tagged.block === pending.block;
    if (!inList && !next) {
      if (pending.list && tagged.block !== pending.block && block.kind !== "item") this.pending = null;
      if (!pending.list) this.pending = null;
      return;
    }
    for (const mention of told) {
      const event = this.events.events.get(mention.key)!;
      if (event.type === "ATTACK_SERIES" || (pending.memberType !== null && event.type !== pending.memberType)) continue;
      push({ ...pending.proposal, target: { event: mention.key } });
    }
    if (next) this.pending = null;
  }
}
