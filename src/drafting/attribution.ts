/**
 * Who a clause says said it, guessed from the clause (outside quotations):
 * "..., X said." (and reported, claimed, tweeted, added, ...), "X said that
 * ...", "X told Y that ...", "according to X", "X did not specify ...", and
 * "X claimed that ..., Y reported" (X, as reported by Y). "he", "she", "it"
 * and "they" are the latest person, or body, named in the paragraph. A
 * source the text does not name ("Iraqi sources", "a Britain-based monitor",
 * "an SDF spokesperson") becomes a candidate of its own. Without any of
 * these, the attribution is the document's own voice ("the article").
 */
import type { CandidateTable, EntityRef, EntitySpan } from "./candidate-table.js";
import { nameKey, topKind } from "./candidate-table.js";
import type { KnownNames } from "./mentions.js";
import type { Token, TaggedSentence } from "./tokens.js";
import { NAME_HEADS, ROLE_WORDS, SOURCE_NOUNS, SPEECH_VERBS } from "./vocabulary.js";

export const DOCUMENT_ATTRIBUTION = "the article";

export interface Attribution {
  /** As the evidence records it ("Iraqi military officials told The Associated Press", "the article"). */
  readonly text: string;
  /** The entities it names, speakers first. */
  readonly refs: readonly EntityRef[];
  /** How it was found. */
  readonly how: "said" | "says-that" | "according-to" | "did-not-specify" | "pronoun" | "reported-by" | "document";
}

export const documentAttribution = (): Attribution => ({ text: DOCUMENT_ATTRIBUTION, refs: [], how: "document" });

/** A clause as token indexes [first, last). */
export interface Clause {
  readonly first: number;
  readonly last: number;
}

const CLAUSE_OPENERS = new Set(["while", "but", "whereas", "although", "though"]);
const PRONOUNS = new Set(["he", "she", "it", "they"]);
const TRAILERS = new Set(["without", "specifying", "how", "many", "in", "a", "statement", "on", "via", "twitter", "as", "well", "later", "also", "immediately"]);
const NEGATED = new Set(["specify", "report", "say", "confirm", "give", "disclose"]);
const PREPOSITIONS = new Set(["for", "of", "with", "in", "on", "at", "by", "from", "to", "affiliated", "based", "used", "linked"]);

/** Splits a sentence at ";" and at ", while", ", but", ... */
export function clausesOf(tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted) continue;
    const opener = t.text === "," && tokens[i + 1]?.word === true && CLAUSE_OPENERS.has(tokens[i + 1]!.lower);
    if ((t.text === ";" || opener) && i > first) {
      clauses.push({ first, last: i });
      first = opener ? i + 2 : i + 1;
    }
  }
  if (first < tokens.length) clauses.push({ first, last: tokens.length });
  return clauses;
}

interface Speaker {
  readonly first: number;
  readonly last: number;
}

export class Attributor {
  /** Per paragraph: the latest person named as a source, and the latest body acting. */
  private block = -1;
  private lastPerson: { ref: EntityRef; text: string } | null = null;
  private lastBody: { ref: EntityRef; text: string } | null = null;
  /** The first full wording of each source, for pronouns. */
  private readonly wording = new Map<string, string>();

  constructor(
    private readonly table: CandidateTable,
    private readonly known: KnownNames,
  ) {}

  /** The attribution of each clause of a sentence. */
  attribute(tagged: TaggedSentence, spans: readonly EntitySpan[], clauses: readonly Clause[]): Attribution[] {
    if (tagged.block !== this.block) {
      this.block = tagged.block;
      this.lastPerson = null;
      this.lastBody = null;
    }
    const found = clauses.map((clause) => this.attributeClause(tagged, spans, clause));
    // A clause without a source takes that of a later clause which only reports ("..., but the Pentagon did not specify how many").
    for (let i = found.length - 2; i >= 0; i--) {
      if (found[i] === null && found[i + 1] !== null && (found[i + 1]!.how === "did-not-specify" || found[i + 1]!.how === "said" || found[i + 1]!.how === "pronoun")) found[i] = found[i + 1]!;
    }
    // The paragraph's subject, for "it" and "they" later.
    const subject = spans.find((s) => !s.nested && !s.modifier && !tagged.tokens[s.first]!.quoted);
    if (subject && !this.isPerson(subject.ref)) this.lastBody = { ref: subject.ref, text: subject.surface };
    return found.map((a) => a ?? documentAttribution());
  }

  private isPerson(ref: EntityRef): boolean {
    if ("known" in ref) return ref.known.some((id) => this.known.record(id)?.kind === "Official");
    const entry = this.table.entry(ref.candidate);
    return entry !== undefined && topKind(entry)?.kind === "Official";
  }

  private refKey(ref: EntityRef): string {
    return "known" in ref ? `known:${ref.known[0]}` : `candidate:${this.table.find(ref.candidate)}`;
  }

  private attributeClause(tagged: TaggedSentence, spans: readonly EntitySpan[], clause: Clause): Attribution | null {
    const tokens = tagged.tokens;
    const live = (i: number) => tokens[i] !== undefined && !tokens[i]!.quoted;
    let final: Attribution | null = null;
    let initial: Attribution | null = null;
    for (let v = clause.first; v < clause.last; v++) {
      const t = tokens[v]!;
      if (!t.word || !live(v)) continue;
      // "according to X"
      if (t.lower === "according" && tokens[v + 1]?.lower === "to") {
        let end = v + 2;
        while (end < clause.last && tokens[end]!.text !== "," && tokens[end]!.text !== ".") end++;
        const a = this.speakerAttribution(tagged, spans, { first: v + 2, last: end }, "according-to");
        if (a) return a;
      }
      // "X did not specify how many"
      if (t.lower === "did" && tokens[v + 1]?.lower === "not" && tokens[v + 2]?.word && NEGATED.has(tokens[v + 2]!.lower)) {
        const speaker = this.subjectBefore(tokens, clause.first, v);
        const a = speaker && this.speakerAttribution(tagged, spans, speaker, "did-not-specify");
        if (a) initial ??= a;
        continue;
      }
      if (!SPEECH_VERBS.includes(t.lower)) continue;
      // Final: "..., X said." with at most a short trailer after the verb.
      let after = v + 1;
      let trailer = 0;
      while (after < clause.last && tokens[after]!.word && TRAILERS.has(tokens[after]!.lower)) {
        after++;
        trailer++;
      }
      const closes = after >= clause.last || (!tokens[after]!.word && /^[.!?"”]$/.test(tokens[after]!.text) && (after + 1 >= clause.last || !tokens[after + 1]!.word));
      if (closes && trailer <= 6) {
        // The comma before the speaker (the one closing an apposition right before the verb does not count).
        let end = v;
        while (end > clause.first && !tokens[end - 1]!.word) end--;
        let comma = end - 1;
        while (comma >= clause.first && tokens[comma]!.text !== ",") comma--;
        if (comma >= clause.first) {
          const speaker = this.withApposition(tokens, clause.first, comma, end);
          const a = this.speakerAttribution(tagged, spans, speaker, "said");
          if (a) final = a;
          continue;
        }
      }
      // Initial: "X said that", "X told Y that", "X claimed:".
      let object: Speaker | null = null;
      let k = v + 1;
      if (t.lower === "told") {
        while (k < clause.last && tokens[k]!.word && tokens[k]!.lower !== "that") k++;
        if (k > v + 1) object = { first: v + 1, last: k };
      } else if (["confirmed", "said", "claimed", "reported"].includes(t.lower)) {
        while (k < clause.last && k < v + 4 && tokens[k]!.word && tokens[k]!.lower !== "that") k++;
      }
      const opens = tokens[k] !== undefined && (tokens[k]!.lower === "that" || /^[,:“"]$/.test(tokens[k]!.text) || tokens[k]!.quoted);
      if (!opens && !(k === v + 1 && tokens[k]?.word === true)) continue;
      const speaker = this.subjectBefore(tokens, clause.first, v);
      if (!speaker) continue;
      const a = this.speakerAttribution(tagged, spans, speaker, "says-that");
      if (!a) continue;
      if (object) {
        const recipient = this.refsIn(spans, object, tokens);
        initial = { text: `${a.text} told ${this.textOf(tagged, object, true)}`, refs: [...a.refs, ...recipient], how: "says-that" };
      } else initial ??= a;
    }
    if (initial && final && initial.how !== "did-not-specify") {
      return { text: `${initial.text}, as reported by ${final.text}`, refs: [...initial.refs, ...final.refs], how: "reported-by" };
    }
    return final ?? initial;
  }

  /** The subject before a verb: the comma-separated segment before it, with a leading appositive's name ("X, military spokesman for Y, said"). */
  private subjectBefore(tokens: readonly Token[], from: number, verb: number): Speaker | null {
    let start = verb - 1;
    while (start >= from && tokens[start]!.text !== ",") start--;
    const speaker = this.withApposition(tokens, from, start, verb);
    return speaker.last > speaker.first ? speaker : null;
  }

  /** The segment between `comma` and `verb`; when it is an apposition ("spokesperson for ..."), with the name before it. */
  private withApposition(tokens: readonly Token[], from: number, comma: number, verb: number): Speaker {
    let first = comma + 1;
    while (first < verb && !tokens[first]!.word) first++;
    let last = verb;
    while (last > first && !tokens[last - 1]!.word) last--;
    const lead = tokens[first];
    const leadRole = lead !== undefined && lead.word && !lead.capital && (ROLE_WORDS.has(lead.lower) || ((lead.lower === "military" || lead.lower === "press") && ROLE_WORDS.has(tokens[first + 1]?.lower ?? "")));
    // "spokesperson for the coalition" is an apposition to the name before it; "spokesman Col. Marotto" names its own.
    const named = tokens.slice(first + 1, last).some((t) => t.word && t.capital && !t.text.includes("-"));
    if (leadRole && !named && comma > from) {
      let before = comma - 1;
      while (before >= from && tokens[before]!.text !== ",") before--;
      let nameFirst = before + 1;
      while (nameFirst < comma && !tokens[nameFirst]!.word) nameFirst++;
      if (nameFirst < comma && tokens[nameFirst]!.capital) return { first: nameFirst, last };
    }
    return { first, last };
  }

  /** The words as written; a speaker's leading article in lower case ("the Pentagon"), a name's kept ("The Associated Press"). */
  private textOf(tagged: TaggedSentence, speaker: Speaker, asName = false): string {
    const tokens = tagged.tokens;
    const text = tagged.text.slice(tokens[speaker.first]!.start - tagged.start, tokens[speaker.last - 1]!.end - tagged.start);
    return asName ? text : text.replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
  }

  /** The entities a speaker phrase names: its spans, less countries and hyphenated modifiers, less names with no kind yet. */
  private refsIn(spans: readonly EntitySpan[], speaker: Speaker, tokens: readonly Token[], apposition = -1): EntityRef[] {
    const refs: EntityRef[] = [];
    for (const span of spans) {
      if (span.nested || span.first < speaker.first || span.last > speaker.last) continue;
      if (apposition >= 0 && span.first >= apposition) continue;
      if (span.modifier && (tokens[span.first]!.text.includes("-") || this.isCountry(span.ref))) continue;
      if ("candidate" in span.ref) {
        const entry = this.table.entry(span.ref.candidate);
        if (!entry || (entry.votes.size === 0 && !entry.country)) continue;
        if (entry.country && span.modifier) continue;
      }
      refs.push(span.ref);
    }
    return refs;
  }

  private isCountry(ref: EntityRef): boolean {
    if ("known" in ref) return ref.known.some((id) => this.known.record(id)?.kind === "Government" || this.known.record(id)?.kind === "Place");
    return this.table.entry(ref.candidate)?.country === true;
  }

  private speakerAttribution(tagged: TaggedSentence, spans: readonly EntitySpan[], speaker: Speaker, how: Attribution["how"]): Attribution | null {
    const tokens = tagged.tokens;
    const words = tokens.slice(speaker.first, speaker.last).filter((t) => t.word);
    if (words.length === 0 || words.length > 16) return null;
    // "No group claimed responsibility": a negated subject is what is reported, not who reports.
    if (["no", "none", "nobody", "neither"].includes(words[0]!.lower)) return null;
    // A speaker is a noun phrase: no verb of its own.
    if (words.some((t, i) => i > 0 && t.tags.has("Verb") && !t.tags.has("Participle") && !t.tags.has("PastTense") && !t.capital && !SOURCE_NOUNS.has(t.lower))) return null;
    if (words.length === 1 && PRONOUNS.has(words[0]!.lower)) {
      const antecedent = words[0]!.lower === "he" || words[0]!.lower === "she" ? this.lastPerson : this.lastBody;
      if (!antecedent) return null;
      return { text: this.wording.get(this.refKey(antecedent.ref)) ?? antecedent.text, refs: [antecedent.ref], how: "pronoun" };
    }
    const text = this.textOf(tagged, speaker);
    // Where an apposition follows the name, only the name is the source.
    const comma = tokens.slice(speaker.first, speaker.last).findIndex((t) => t.text === ",");
    // The phrase's head: its last noun before a preposition or participle ("Telegram channels affiliated with ...": channels).
    let headIndex = speaker.first;
    for (let i = speaker.first; i < speaker.last; i++) {
      const t = tokens[i]!;
      if (!t.word || PREPOSITIONS.has(t.lower) || t.text === ",") break;
      headIndex = i;
    }
    const head = tokens[headIndex]!;
    // "U.S. officials", "Iraqi sources": the source is the officials, not the country that qualifies them.
    const sourceHead = SOURCE_NOUNS.has(head.lower);
    let refs = this.refsIn(spans, speaker, tokens, comma >= 0 ? speaker.first + comma : -1).filter((ref) => {
      const span = spans.find((s) => s.ref === ref);
      return !(sourceHead && span !== undefined && span.modifier && span.last <= headIndex);
    });
    const role = !head.capital && ROLE_WORDS.has(head.lower) && !refs.some((r) => this.isPerson(r));
    if (refs.length === 0 || role) {
      const name = text.replace(/^(?:the|a|an)\s+/i, "");
      const key = nameKey(name);
      const media = SOURCE_NOUNS.get(head.lower);
      const body = NAME_HEADS.get(head.lower);
      if (role) {
        this.table.note(key, name, tagged.index, [[{ kind: "Official" }, "description", `an unnamed "${head.text}" the text cites`]], { descriptive: true, at: tokens[speaker.first]!.start });
        refs = [{ candidate: key }];
      } else if (media !== undefined) {
        this.table.note(key, name, tagged.index, [[{ kind: "MediaSource", subtype: media }, "description", `a source the text cites without naming it ("${head.text}")`]], { descriptive: true, at: tokens[speaker.first]!.start });
        refs = [{ candidate: key }];
      } else if (body !== undefined && !head.capital && body.kind !== "Base" && body.kind !== "Place" && words.length >= 2) {
        this.table.note(key, name, tagged.index, [[body, "description", `a body the text cites ("${head.text}")`]], { descriptive: true, at: tokens[speaker.first]!.start });
        refs = [{ candidate: key }];
      }
    }
    const attribution: Attribution = { text, refs, how };
    const first = refs[0];
    if (first) {
      if (!this.wording.has(this.refKey(first))) this.wording.set(this.refKey(first), text);
      if (this.isPerson(first)) this.lastPerson = { ref: first, text };
      else this.lastBody = { ref: first, text };
    }
    return attribution;
  }
}
