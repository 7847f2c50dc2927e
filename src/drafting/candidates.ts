/**
 * Candidate new entities in one sentence: names the graph does not know,
 * found from compromise's tagging (runs of proper nouns, with its people(),
 * organizations() and places() as votes), and the descriptions the text uses
 * as entities ("U.S. forces", "Iran-backed militias", "northern Iraq",
 * "PMF militias"). Each mention votes for a kind, with a reason a curator
 * can read: a noun heading the name ("Base"), a title before it ("Major
 * General"), an apposition ("X, an umbrella group"), compromise's tags.
 * Headings are not read for candidates: every word of a title is capitalised.
 */
import nlp from "compromise";
import type { KnownMention } from "./mentions.js";
import type { Token, TaggedSentence } from "./tokens.js";
import type { KindGuess } from "./vocabulary.js";
import {
  CALENDAR_WORDS,
  COLLECTIVE_NOUNS,
  DESCRIPTORS,
  DIRECTIONS,
  FORCE_NOUNS,
  LEADING_HEADS,
  MEMBER_NOUNS,
  MODIFIER_SUFFIXES,
  NAME_HEADS,
  NAME_PARTICLES,
  ROLE_WORDS,
  SITE_SUFFIXES,
  TITLES,
  TITLE_QUALIFIERS,
  TWO_WORD_HEADS,
} from "./vocabulary.js";
import type { CandidateTable, EntitySpan, KindVote, MentionContext } from "./candidate-table.js";
import { nameKey, root } from "./candidate-table.js";

/** "X-backed Y": X backs Y (the relations read it). */
export interface ModifierLink {
  readonly modifier: EntitySpan;
  readonly suffix: string;
  readonly head: EntitySpan | null;
}

export interface SentenceCandidates {
  /** Every entity span of the sentence, known ones included, sorted; nested ones marked. */
  readonly spans: EntitySpan[];
  readonly links: ModifierLink[];
  /** [acronym key, name key] pairs written "Name (ACR)". */
  readonly acronyms: Array<[string, string]>;
}

const PROPER_TAGS = ["ProperNoun", "Person", "Place", "Organization", "Acronym", "Country", "City", "Region", "FirstName", "LastName"];
const FUNCTION_WORD_TAGS = ["Determiner", "Preposition", "Conjunction", "Pronoun", "Value", "Expression", "QuestionWord", "Adverb"];
const PERSON_TAGS = ["Person", "FirstName", "LastName", "MaleName", "FemaleName"];
const LOCATIVES = new Set(["in", "inside", "near", "into", "across", "within", "throughout", "at", "outside"]);
const DETERMINERS = new Set(["a", "an", "the", "its", "their", "his", "her"]);
const AUXILIARIES = new Set(["has", "have", "had", "did", "must", "will", "would", "should", "could", "may", "might", "can"]);
const isAllCaps = (t: Token) => t.word && /\p{Lu}/u.test(t.text) && !/\p{Ll}/u.test(t.text) && t.text.replace(/\P{L}/gu, "").length >= 2;
const hasTag = (t: Token, tags: readonly string[]) => tags.some((tag) => t.tags.has(tag));
const HYPHEN_MODIFIER = /^(.+?)-(\p{Ll}+)$/u;
const PREFIX_MODIFIER = /^(pro|anti|non)-(.+)$/iu;
/** Particles joined to a name by a hyphen ("al-Shuhada"). */
const HYPHENATED_PARTICLE = /^(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu)-\p{Lu}/u;
/** Designations of equipment ("F-16", "MQ-9"): not entities. */
const DESIGNATION = /^\p{Lu}{1,3}-\p{N}+$/u;
/** An abbreviation of a country's name ("U.S.", "U.K."). */
const DOTTED_ABBREVIATION = /^(?:\p{Lu}\.){2,}$/u;
/** An adjective of nationality or faith ("Iraqi", "Iranian", "Kurdish", "Shiite"). */
const DEMONYM_ENDING = /(?:ian|ish|ese|ite|i)$/;

const functionWords = new Map<string, boolean>();
/** Whether compromise tags the word, written in lower case, as a closed-class word ("at", "with", "and"). */
function isFunctionWord(lower: string): boolean {
  let known = functionWords.get(lower);
  if (known === undefined) {
    const tags = (nlp(lower).json({ terms: {} }) as Array<{ terms: Array<{ tags: string[] }> }>).flatMap((s) => s.terms).flatMap((t) => t.tags);
    known = FUNCTION_WORD_TAGS.some((tag) => tags.includes(tag));
    if (functionWords.size < 10_000) functionWords.set(lower, known);
  }
  return known;
}

/** Titles of a head of state or government: "X of Y" names a country Y. */
const HEADS_OF_STATE = new Set(["president", "king", "queen", "emir", "prince", "premier", "chancellor", "minister"]);

const wordAt = (tokens: readonly Token[], i: number): Token | undefined => (tokens[i]?.word ? tokens[i] : undefined);

function previousWord(tokens: readonly Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j]!.word) return tokens[j];
  return undefined;
}

/** Whether tokens from i spell `words` (lower case, whole words); the index after them, or -1. */
export function spells(tokens: readonly Token[], i: number, words: readonly string[]): number {
  for (let w = 0; w < words.length; w++) {
    const t = tokens[i + w];
    if (!t || !t.word || t.lower !== words[w]) return -1;
  }
  return i + words.length;
}

function isTitle(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t?.word) return false;
  if (TITLES.has(t.lower) || TITLES.has(`${t.lower}.`)) return true;
  return TITLE_QUALIFIERS.has(t.lower) && tokens[i + 1]?.word === true && TITLES.has(tokens[i + 1]!.lower);
}

/** The verb after a name makes it an actor ("Iran condemned", "the United States struck"). */
function actorAfter(tokens: readonly Token[], end: number): boolean {
  let i = end;
  while (tokens[i]?.word && ["also", "immediately", "then", "later", "not"].includes(tokens[i]!.lower)) i++;
  const t = tokens[i];
  if (!t?.word) return false;
  if (AUXILIARIES.has(t.lower)) return true;
  return t.tags.has("Verb") && !t.tags.has("Gerund") && !t.tags.has("Passive") && !t.tags.has("Copula") && !t.capital && t.lower !== "including";
}

/** Finds the candidate names and descriptions of one sentence, records their votes, and returns every entity span (known ones included). */
export function findCandidates(tagged: TaggedSentence, known: readonly KnownMention[], table: CandidateTable, heading: boolean): SentenceCandidates {
  const tokens = tagged.tokens;
  const covered = new Set<number>();
  for (const m of known) for (let i = m.first; i < m.last; i++) covered.add(i);
  const spans: EntitySpan[] = [];
  const links: ModifierLink[] = [];
  const acronyms: Array<[string, string]> = [];
  const surfaceOf = (first: number, last: number) => tagged.text.slice(tokens[first]!.start - tagged.start, tokens[last - 1]!.end - tagged.start);
  const contextOf = (first: number, last: number): MentionContext => {
    const before = previousWord(tokens, first);
    if (before && (LOCATIVES.has(before.lower) || DIRECTIONS.has(before.lower))) return "locative";
    if (before?.lower === "by" || actorAfter(tokens, last)) return "actor";
    return "neutral";
  };
  const modifierAfter = (last: number) => {
    const next = tokens[last];
    return next?.word === true && !next.capital && next.tags.has("Noun") && !next.tags.has("Verb") && !LOCATIVES.has(next.lower) && !AUXILIARIES.has(next.lower);
  };

  for (const m of known) {
    spans.push({ start: m.start, end: m.end, first: m.first, last: m.last, ref: { known: m.ids }, surface: surfaceOf(m.first, m.last), nested: false, modifier: modifierAfter(m.last), context: contextOf(m.first, m.last), known: m });
  }
  if (heading) return finish(spans, links, acronyms);

  // Speaker labels ("QUESTION:", "SECRETARY BLINKEN:") head a transcript turn: not names.
  let labelEnd = 0;
  while (tokens[labelEnd] && isAllCaps(tokens[labelEnd]!)) labelEnd++;
  if (labelEnd > 0 && tokens[labelEnd]?.text === ":") for (let i = 0; i < labelEnd; i++) covered.add(i);

  /** The first word of a sentence, of a quotation or after a colon: capitalised whatever it is. */
  const isInitial = (i: number) => {
    const before = tokens[i - 1];
    if (before === undefined) return true;
    if (before.word) return covered.has(i - 1) && i - 1 < labelEnd;
    return /[•“"‘(:\-–]/.test(before.text) && (i < 2 || !tokens[i - 2]!.word || before.text !== "-");
  };
  const isModifierToken = (t: Token) => {
    const m = HYPHEN_MODIFIER.exec(t.text);
    return (m !== null && MODIFIER_SUFFIXES.has(m[2]!)) || PREFIX_MODIFIER.test(t.text);
  };
  const capitalised = (t: Token) => t.capital || HYPHENATED_PARTICLE.test(t.text);
  const chunkToken = (i: number): boolean => {
    const t = tokens[i];
    if (!t?.word || covered.has(i) || !capitalised(t) || CALENDAR_WORDS.has(t.lower) || /^\p{N}+$/u.test(t.text) || isModifierToken(t) || DESIGNATION.test(t.text)) return false;
    if (t.tags.has("Pronoun") || /^i['’]/i.test(t.text) || t.text === "I") return false;
    if (isInitial(i)) {
      // The first word of a sentence is capitalised whatever it is: a name only if compromise says so, or if a proper noun follows.
      if (hasTag(t, FUNCTION_WORD_TAGS) || isFunctionWord(t.lower)) return false;
      if (hasTag(t, PROPER_TAGS) || isTitle(tokens, i) || isAllCaps(t)) return true;
      const next = tokens[i + 1];
      return next?.word === true && capitalised(next) && next.tags.has("ProperNoun") && !CALENDAR_WORDS.has(next.lower);
    }
    return true;
  };

  // 1. Hyphenated modifiers: "Iran-backed", "Britain-based", "pro-Iran", "anti-ISIS".
  const modifierSpans = new Map<number, EntitySpan>();
  tokens.forEach((t, i) => {
    if (!t.word || covered.has(i)) return;
    const hyphen = HYPHEN_MODIFIER.exec(t.text);
    const prefix = PREFIX_MODIFIER.exec(t.text);
    const name = hyphen && MODIFIER_SUFFIXES.has(hyphen[2]!) && /^\p{Lu}/u.test(hyphen[1]!) ? hyphen[1]! : prefix && /^\p{Lu}/u.test(prefix[2]!) ? prefix[2]! : null;
    if (name === null) return;
    const suffix = hyphen && MODIFIER_SUFFIXES.has(hyphen[2]!) && name === hyphen[1] ? hyphen[2]! : `${prefix![1]!.toLowerCase()}-`;
    const offset = t.text.indexOf(name);
    const key = nameKey(name);
    const context: MentionContext = suffix === "based" ? "locative" : "actor";
    const votes: KindVote[] = suffix === "based" ? [[{ kind: "Place" }, "based", `"${t.text}"`]] : [];
    table.note(key, name, tagged.index, votes, { country: t.tags.has("Country"), context, at: t.start + offset });
    const span: EntitySpan = { start: t.start + offset, end: t.start + offset + name.length, first: i, last: i + 1, ref: { candidate: key }, surface: name, nested: false, modifier: true, context };
    spans.push(span);
    modifierSpans.set(i, span);
  });

  // 2. Runs of proper nouns, with particles inside ("Abu Mahdi al Muhandis", "Department of Defense").
  const chunks: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const startsWithParticle = tokens[i]?.word === true && ["al", "el"].includes(tokens[i]!.lower) && !covered.has(i) && chunkToken(i + 1) && !isInitial(i + 1);
    if (!chunkToken(i) && !startsWithParticle) continue;
    let j = i + 1;
    while (j < tokens.length) {
      if (tokens[j - 1]!.possessive) break;
      if (chunkToken(j) && !isInitial(j)) {
        j++;
        continue;
      }
      const t = tokens[j]!;
      if (t.word && NAME_PARTICLES.has(t.lower) && chunkToken(j + 1)) {
        j += 2;
        continue;
      }
      if (t.word && t.lower === "in" && ["embassy", "consulate"].includes(tokens[j - 1]!.lower) && chunkToken(j + 1)) {
        j += 2;
        continue;
      }
      // "Washington, D.C."
      if (t.text === "," && tokens[j + 1] && DOTTED_ABBREVIATION.test(tokens[j + 1]!.text) && tokens[j + 1]!.text.length <= 4) {
        j += 2;
        continue;
      }
      // "Subcommittee on Near East, South Asia, Central Asia, and Counterterrorism": a list inside a name.
      const inside = tokens.slice(i, j).some((x) => x.lower === "on" || x.lower === "of");
      if (inside && t.text === "," && chunkToken(j + 1)) {
        let k = j + 1;
        while (chunkToken(k)) k++;
        if (tokens[k]?.text === "," || tokens[k]?.lower === "and") {
          j = k;
          continue;
        }
      }
      if (inside && t.text === "," && tokens[j + 1]?.lower === "and" && chunkToken(j + 2)) {
        j += 2;
        continue;
      }
      if (inside && t.lower === "and" && chunkToken(j + 1) && tokens[j - 1]?.text === ",") {
        j += 1;
        continue;
      }
      break;
    }
    while (j > i + 1 && !tokens[j - 1]!.word) j--;
    chunks.push([i, j]);
    i = j - 1;
  }

  const noteChunk = (first: number, last: number, extraVotes: KindVote[], forcedContext?: MentionContext): EntitySpan | null => {
    const chunk = tokens.slice(first, last);
    const words = chunk.filter((t) => t.word && !NAME_PARTICLES.has(t.lower));
    if (words.length === 0) return null;
    const isCountry = words.every((t) => t.tags.has("Country")) && !chunk.some((t) => t.text.includes("-"));
    // A demonym alone ("Iraqi", "Kurdish") describes; it does not name.
    if (words.length === 1 && !isCountry && (words[0]!.tags.has("Demonym") || (DEMONYM_ENDING.test(words[0]!.lower) && (isTitle(tokens, last) || (tokens[last]?.word === true && !tokens[last]!.capital && !hasTag(words[0]!, PERSON_TAGS)))))) return null;
    // "Government of Iraq": the government of a country is the country acting.
    if (["government", "administration"].includes(tokens[first]!.lower) && tokens[first + 1]?.lower === "of" && first + 2 < last) {
      return noteChunk(first + 2, last, [[{ kind: "Government" }, "governmentOf", `"${surfaceOf(first, last)}"`]], "actor");
    }
    let end = last;
    const votes: KindVote[] = [...extraVotes];
    const leading = LEADING_HEADS.get(tokens[first]!.lower);
    const countryLike = isCountry || (chunk.length === 1 && DOTTED_ABBREVIATION.test(chunk[0]!.text));
    // Keyword suffixes: "K1 military airbase", "al Omar oil field", "Kurdistan region".
    if (!NAME_HEADS.has(tokens[last - 1]!.lower) && !countryLike && !leading) {
      for (const [suffix, guess] of SITE_SUFFIXES) {
        const after = spells(tokens, last, suffix);
        if (after > 0) {
          end = after;
          votes.push([guess, "suffix", `"${suffix.join(" ")}" after the name`]);
          break;
        }
      }
    }
    const surface = surfaceOf(first, end);
    const key = nameKey(surface);
    if (key === "" || /^\p{N}/u.test(key)) return null;
    // The head of "Department of Defense" is "Department"; of "U.S. Embassy in Baghdad", "Embassy".
    const particle = tokens.slice(first + 1, end).findIndex((t) => t.lower === "of" || t.lower === "on" || t.lower === "in");
    const headToken = particle >= 0 ? tokens[first + particle]! : tokens[end - 1]!;
    const twoWordHead = particle < 0 && end - first >= 2 ? TWO_WORD_HEADS.get(`${tokens[end - 2]!.lower} ${tokens[end - 1]!.lower}`) : undefined;
    const headGuess = end === last ? (twoWordHead ?? NAME_HEADS.get(headToken.lower)) : undefined;
    if (headGuess) votes.push([headGuess, "head", `the name's head is "${headToken.text}"`]);
    if (leading) votes.push([leading, "head", `the name begins with "${tokens[first]!.text}"`]);
    const personish = words.filter((t) => hasTag(t, PERSON_TAGS) || t.nlp.person).length;
    if (!headGuess && !leading && personish * 2 >= words.length && words.length >= 2) votes.push([{ kind: "Official" }, "personTags", "compromise tags it a person"]);
    if (isCountry) votes.push([{ kind: "Place", subtype: "COUNTRY" }, "country", "compromise tags it a country"]);
    else if (words.every((t) => t.nlp.place || hasTag(t, ["Place", "City", "Region"]))) votes.push([{ kind: "Place", subtype: words.some((t) => t.tags.has("City")) ? "CITY" : "REGION" }, "placeTags", "compromise tags it a place"]);
    if (words.some((t) => t.nlp.organization || t.tags.has("Organization"))) votes.push([{ kind: "Organization", subtype: "GOVERNMENT_BODY" }, "organizationTags", "compromise tags it an organization"]);
    const context = forcedContext ?? contextOf(first, end);
    votes.push(...contextVotes(tokens, first, end));
    if (votes.length === 0 && words.length === 1 && isAllCaps(words[0]!) && context === "actor") votes.push([{ kind: "Organization", subtype: "GOVERNMENT_BODY" }, "acting", "an acronym that acts"]);
    // "Name (ACR)": the acronym is an alias.
    if (tokens[end]?.text === "(" && tokens[end + 2]?.text === ")" && tokens[end + 1] && isAllCaps(tokens[end + 1]!)) {
      const acronym = nameKey(tokens[end + 1]!.text);
      if (acronym[0] === key[0]) acronyms.push([acronym, key]);
    }
    const span: EntitySpan = { start: tokens[first]!.start, end: tokens[end - 1]!.end, first, last: end, ref: { candidate: key }, surface, nested: false, modifier: modifierAfter(end), context };
    table.note(key, surface, tagged.index, votes, { country: isCountry, context, at: tokens[first]!.start });
    spans.push(span);
    return span;
  };

  for (const [first, last] of chunks) {
    // Titles split a run: "Pentagon Press Secretary John Kirby" is the Pentagon, a title, and a person.
    let p = -1;
    if (!NAME_HEADS.has(tokens[last - 1]!.lower)) for (let i = first; i < last && p < 0; i++) if (isTitle(tokens, i)) p = i;
    if (p < 0) {
      const roleBefore = previousWord(tokens, first);
      const extra: KindVote[] = roleBefore && !roleBefore.capital && ROLE_WORDS.has(roleBefore.lower) ? [[{ kind: "Official" }, "role", `"${roleBefore.text}" before the name`]] : [];
      noteChunk(first, last, extra);
      continue;
    }
    let q = p;
    let ofCountry: [number, number] | null = null;
    while (q < last) {
      if (isTitle(tokens, q)) q++;
      else if (tokens[q]!.lower === "of" && q + 1 < last) {
        // "President of Israel": a head of state's title names a country; "Secretary of State" names a department.
        if (tokens[q + 1]!.tags.has("Country") || HEADS_OF_STATE.has(tokens[q - 1]!.lower)) {
          ofCountry = [q + 1, last];
          q = last;
        } else q += 2;
      } else break;
    }
    const title = tagged.text.slice(tokens[p]!.start - tagged.start, tokens[Math.max(p, q - 1)]!.end - tagged.start);
    if (p > first) noteChunk(first, p, [[{ kind: "Organization", subtype: "GOVERNMENT_BODY" }, "affiliation", `named before the title "${title}"`]]);
    if (ofCountry) noteChunk(ofCountry[0], ofCountry[1], [[{ kind: "Government" }, "governmentOf", `"${title} of" it`]], "actor");
    else if (q < last) noteChunk(q, last, [[{ kind: "Official" }, "title", `the title "${title}" before the name`]]);
  }

  // 3. Descriptions used as names.
  const countryAt = (i: number): { end: number; key: string } | null => {
    const span = spans.find((s) => s.first === i && !(s.modifier && tokens[i]!.text.includes("-")));
    if (span) {
      const entry = "candidate" in span.ref ? table.entry(span.ref.candidate) : undefined;
      const countryLike = entry?.country === true || DOTTED_ABBREVIATION.test(span.surface) || (span.known !== undefined && span.last - span.first === 1);
      if (countryLike) return { end: span.last, key: root(nameKey(span.surface)) };
      return null;
    }
    const t = tokens[i];
    if (t?.word && t.capital && (t.tags.has("Demonym") || DEMONYM_ENDING.test(t.lower)) && !hasTag(t, PERSON_TAGS) && !covered.has(i)) return { end: i + 1, key: root(t.norm) };
    return null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    const country = countryAt(i);
    // "U.S. forces", "Iraqi air defenses", "Kurdish security forces" (not inside quotations).
    if (country && !t.quoted) {
      for (const [words, force] of FORCE_NOUNS) {
        const end = spells(tokens, country.end, words);
        if (end < 0 || tokens[end - 1]!.capital || covered.has(end - 1)) continue;
        const surface = surfaceOf(i, end);
        const key = `${country.key} ${force}`;
        const context = contextOf(i, end);
        table.note(key, surface, tagged.index, [[{ kind: "Organization", subtype: "ARMED_FORCE" }, "description", `a country's ${force}`]], { descriptive: true, context, at: t.start });
        spans.push({ start: t.start, end: tokens[end - 1]!.end, first: i, last: end, ref: { candidate: key }, surface, nested: false, modifier: false, context });
        break;
      }
      // "the Iraqi government": the country acting.
      if (tokens[country.end]?.word && tokens[country.end]!.lower === "government") {
        const target = [...table.entries.values()].find((e) => e.country && root(e.key) === country.key);
        if (target) {
          const surface = surfaceOf(i, country.end + 1);
          table.note(target.key, [...target.surfaces.keys()][0]!, tagged.index, [[{ kind: "Government" }, "governmentOf", `"${surface}"`]], { context: "actor", at: t.start });
          spans.push({ start: t.start, end: tokens[country.end]!.end, first: i, last: country.end + 1, ref: { candidate: target.key }, surface, nested: false, modifier: false, context: "actor" });
        }
      }
    }
    // "northern Iraq", "eastern Syria".
    if (!t.capital && DIRECTIONS.has(t.lower)) {
      const place = spans.find((s) => s.first === i + 1 && !s.modifier);
      if (place) {
        const surface = surfaceOf(i, place.last);
        const key = nameKey(surface);
        table.note(key, surface, tagged.index, [[{ kind: "Place", subtype: "REGION" }, "description", `"${t.text}" and a place`]], { descriptive: true, context: "locative", at: t.start });
        spans.push({ start: t.start, end: place.end, first: i, last: place.last, ref: { candidate: key }, surface, nested: false, modifier: false, context: contextOf(i, place.last) });
      }
    }
    // "Iran-backed militias", "U.S.-backed Syrian Democratic Forces".
    const modifier = modifierSpans.get(i);
    if (modifier) {
      const suffix = HYPHEN_MODIFIER.exec(t.text)?.[2] ?? "";
      let collective: EntitySpan | null = null;
      for (const words of COLLECTIVE_NOUNS) {
        const end = spells(tokens, i + 1, words);
        if (end < 0 || !MODIFIER_SUFFIXES.has(suffix)) continue;
        const surface = surfaceOf(i, end);
        const key = `${root(nameKey(modifier.surface))}-${suffix} collective`;
        const context = contextOf(i, end);
        table.note(key, surface, tagged.index, [[{ kind: "Militia" }, "description", `"${surface}": a collective of armed groups`]], { descriptive: true, context, at: t.start });
        collective = { start: t.start, end: tokens[end - 1]!.end, first: i, last: end, ref: { candidate: key }, surface, nested: false, modifier: false, context };
        spans.push(collective);
        break;
      }
      const head = collective ?? spans.find((s) => s.first === i + 1 && !s.modifier) ?? null;
      links.push({ modifier, suffix: MODIFIER_SUFFIXES.has(suffix) ? suffix : `${PREFIX_MODIFIER.exec(t.text)?.[1]?.toLowerCase() ?? ""}-`, head });
    }
  }
  // "PMF militias": a named group's militias.
  for (const span of [...spans]) {
    if (!tokens[span.last]?.word || tokens[span.last]!.lower !== "militias" || "known" in span.ref || modifierSpans.has(span.first)) continue;
    if ("candidate" in span.ref && (table.entry(span.ref.candidate)?.descriptive || table.entry(span.ref.candidate)?.country)) continue;
    const surface = surfaceOf(span.first, span.last + 1);
    const key = `${nameKey(span.surface)} militias`;
    const context = contextOf(span.first, span.last + 1);
    table.note(key, surface, tagged.index, [[{ kind: "Militia" }, "description", `"${surface}": the militias of a named group`]], { descriptive: true, context, at: span.start });
    spans.push({ start: span.start, end: tokens[span.last]!.end, first: span.first, last: span.last + 1, ref: { candidate: key }, surface, nested: false, modifier: false, context });
  }
  return finish(spans, links, acronyms);
}

function finish(spans: EntitySpan[], links: ModifierLink[], acronyms: Array<[string, string]>): SentenceCandidates {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const span of spans) span.nested = spans.some((other) => other !== span && other.start <= span.start && other.end >= span.end && other.end - other.start > span.end - span.start);
  return { spans, links, acronyms };
}

/** Votes from the words around a name: an apposition, a list it heads, the nouns after it, "told", "reported", "in". */
function contextVotes(tokens: readonly Token[], first: number, end: number): KindVote[] {
  const votes: KindVote[] = [];
  // After: ", a/an/the ... DESCRIPTOR" (skipping "(ACR)").
  let i = end;
  if (tokens[i]?.text === "(" && tokens[i + 2]?.text === ")") i += 3;
  if (tokens[i]?.text === "," && tokens[i + 1]?.word && DETERMINERS.has(tokens[i + 1]!.lower)) {
    // An apposition runs to the next comma or the sentence's end, with no verb of its own ("Syria, an SDF spokesperson tweeted" is a clause).
    let close = i + 2;
    while (close < tokens.length && tokens[close]!.text !== "," && tokens[close]!.text !== "." && tokens[close]!.text !== ";") close++;
    const clause = tokens.slice(i + 2, close).some((t) => t.word && t.tags.has("Verb") && !t.tags.has("Participle") && !t.tags.has("Gerund") && !t.tags.has("PastTense")) || (tokens[close - 1]?.word === true && tokens[close - 1]!.tags.has("PastTense") && close === tokens.length - 1);
    const descriptor = clause ? null : findDescriptor(tokens, i + 2, 8);
    if (descriptor) votes.push([descriptor.guess, "apposition", `described as "${descriptor.words}"`]);
  }
  // Before: "DESCRIPTOR—X and Y", "DESCRIPTOR, including X".
  let j = first - 1;
  while (j >= 0 && (tokens[j]!.text === "," || tokens[j]!.lower === "and" || tokens[j]!.text === ")" || tokens[j]!.text === "(" || (tokens[j]!.word && tokens[j]!.capital))) j--;
  const opener = tokens[j];
  if (opener && (opener.text === "—" || opener.text === "–" || opener.text === ":" || opener.lower === "including")) {
    for (let s = j - 1; s >= Math.max(0, j - 3); s--) {
      const descriptor = findDescriptor(tokens, s, j - s, true);
      if (descriptor) {
        votes.push(opener.word ? [descriptor.guess, "including", `listed as "${descriptor.words}, including" it`] : [descriptor.guess, "list", `listed after "${descriptor.words}"`]);
        break;
      }
    }
  }
  // Nouns for members after the name: "Kataib Hezbollah militants", "a Kataib Hezbollah senior commander".
  const next = tokens[end]?.word && !tokens[end]!.capital && MEMBER_NOUNS.has(tokens[end]!.lower) ? tokens[end] : tokens[end]?.word && !tokens[end]!.capital && tokens[end + 1]?.word && MEMBER_NOUNS.has(tokens[end + 1]!.lower) ? tokens[end + 1] : undefined;
  if (next) votes.push([{ kind: "Militia" }, "members", `its "${next.text}"`]);
  // "told X that": X is a news outlet; "..., X reported." closing a sentence: a reporter.
  const before = previousWord(tokens, first);
  if (before?.lower === "told" && tokens[end]?.word && tokens[end]!.lower === "that") votes.push([{ kind: "MediaSource", subtype: "NEWS_AGENCY" }, "told", `"told" it`]);
  const after = wordAt(tokens, end);
  if (after?.lower === "reported" && (tokens[end + 1] === undefined || tokens[end + 1]!.text === ".") && tokens[first - 1]?.text === ",") votes.push([{ kind: "MediaSource", subtype: "NEWS_AGENCY" }, "reported", `"…, ${tokens[first]!.text} ${after.text}."`]);
  else if (after !== undefined && ["said", "says", "stated", "announced", "added"].includes(after.lower)) votes.push([{ kind: "Organization", subtype: "GOVERNMENT_BODY" }, "acting", `"${tokens[first]!.text} ${after.text}"`]);
  if (before && LOCATIVES.has(before.lower)) votes.push([{ kind: "Place", subtype: "CITY" }, "locative", `"${before.text}" before it`]);
  return votes;
}

/** The first descriptor in the `span` tokens from `from`, before any punctuation; with `exact`, only one starting at `from`. */
function findDescriptor(tokens: readonly Token[], from: number, span: number, exact = false): { guess: KindGuess; words: string } | null {
  for (let i = from; i < from + span && i < tokens.length; i++) {
    if (!tokens[i]!.word) return null;
    for (const [words, guess] of DESCRIPTORS) {
      if (spells(tokens, i, words) > 0) return { guess, words: words.join(" ") };
    }
    if (exact) return null;
  }
  return null;
}
