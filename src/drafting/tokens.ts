/**
 * One sentence as words and punctuation, each with its offsets in the text
 * and the part-of-speech and entity tags compromise gives it, and the spans
 * compromise's people(), organizations() and places() find. compromise runs
 * on one sentence at a time, so that memory stays bounded on long texts.
 */
import nlp from "compromise";
import { normaliseName } from "../model/names.js";
import type { TextStructure } from "./sentences.js";
import { inQuote } from "./sentences.js";

export interface Token {
  readonly start: number;
  readonly end: number;
  /** As written, without a possessive 's. */
  readonly text: string;
  readonly lower: string;
  /** normaliseName of the text: what names are compared by. */
  readonly norm: string;
  readonly word: boolean;
  /** Written with a capital (or digits and capitals: K1, F-15). */
  readonly capital: boolean;
  /** Followed by 's or ’s (or a plural possessive ’). */
  readonly possessive: boolean;
  readonly quoted: boolean;
  /** compromise's tags on the words it overlaps (Person, Place, Country, Organization, Verb, ...). */
  readonly tags: ReadonlySet<string>;
  /** Inside a span of compromise's people(), organizations(), places(). */
  readonly nlp: { person: boolean; organization: boolean; place: boolean };
}

export interface TaggedSentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly block: number;
  readonly text: string;
  readonly tokens: readonly Token[];
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|['’](?=\p{L})|[.\-‐](?=[\p{L}\p{N}])|\.-(?=\p{L}))*/gu;
const POSSESSIVE = /^['’]s\b|^['’](?=\s|$)/;
const ABBREVIATION = /^(?:\p{Lu}|col|gen|lt|maj|capt|sgt|adm|mr|mrs|ms|dr|st|jr|sr|sen|rep|gov|no|vs)$/iu;

type Span = readonly [number, number];
const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

function spansOf(view: { json(options: object): unknown }): Span[] {
  return (view.json({ offset: true }) as Array<{ offset?: { start: number; length: number } }>)
    .filter((m) => m.offset !== undefined)
    .map((m) => [m.offset!.start, m.offset!.start + m.offset!.length] as const);
}

export function tagSentence(structure: TextStructure, index: number): TaggedSentence {
  const sentence = structure.sentences[index]!;
  const text = structure.text.slice(sentence.start, sentence.end);
  const doc = nlp(text);
  const terms = (doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: Array<{ tags: string[]; offset: { start: number; length: number } }> }>).flatMap((s) => s.terms);
  const people = spansOf(doc.people());
  const organizations = spansOf(doc.organizations());
  const places = spansOf(doc.places());

  const tokens: Token[] = [];
  let cursor = 0;
  let termIndex = 0;
  const pushPunctuation = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = text[i]!;
      if (/\s/.test(c)) continue;
      const start = sentence.start + i;
      tokens.push({ start, end: start + 1, text: c, lower: c, norm: "", word: false, capital: false, possessive: false, quoted: inQuote(structure, start), tags: new Set(), nlp: { person: false, organization: false, place: false } });
    }
  };
  for (const match of text.matchAll(WORD)) {
    let from = match.index;
    let to = from + match[0].length;
    let word = match[0];
    // U.S., D.C., Col.: the period belongs to the abbreviation.
    if (text[to] === "." && (word.includes(".") || ABBREVIATION.test(word))) {
      to++;
      word = text.slice(from, to);
    }
    pushPunctuation(cursor, from);
    let possessive = false;
    const rest = text.slice(to);
    const poss = POSSESSIVE.exec(rest);
    if (poss && /\p{L}/u.test(word)) {
      possessive = true;
    } else if (/['’]s$/.test(word)) {
      possessive = true;
      word = word.slice(0, -2);
    }
    const span: Span = [from, from + word.length];
    const tags = new Set<string>();
    while (termIndex < terms.length && terms[termIndex]!.offset.start + terms[termIndex]!.offset.length <= from) termIndex++;
    for (let t = termIndex; t < terms.length && terms[t]!.offset.start < span[1]; t++) for (const tag of terms[t]!.tags) tags.add(tag);
    const start = sentence.start + from;
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      lower: word.toLowerCase(),
      norm: normaliseName(word),
      word: true,
      capital: /^\p{Lu}/u.test(word),
      possessive,
      quoted: inQuote(structure, start),
      tags,
      nlp: { person: people.some((p) => overlaps(p, span)), organization: organizations.some((p) => overlaps(p, span)), place: places.some((p) => overlaps(p, span)) },
    });
    cursor = possessive && poss ? to + poss[0].length : to;
    from = to;
  }
  pushPunctuation(cursor, text.length);
  return { index, start: sentence.start, end: sentence.end, block: sentence.block, text, tokens };
}
