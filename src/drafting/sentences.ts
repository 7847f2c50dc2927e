/**
 * The text's structure, found without NLP: blocks (headings, paragraphs and
 * list items), the sections headings open, sentences, and the spans inside
 * quotation marks. Everything is a character offset into the text (a
 * JavaScript string index), so every later step can cite the text verbatim.
 */

export type BlockKind = "heading" | "paragraph" | "item";

export interface Block {
  readonly start: number;
  readonly end: number;
  readonly kind: BlockKind;
  /** Sections are numbered from 0 and begin at each heading. */
  readonly section: number;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Index of its block. */
  readonly block: number;
}

export interface TextStructure {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly sentences: readonly Sentence[];
  /** Quotations (at least MIN_QUOTE_WORDS words inside quotation marks), sorted, as [start, end). */
  readonly quotes: ReadonlyArray<readonly [number, number]>;
}

/** A list item starts with a bullet, a dash or a number. */
const ITEM_MARKER = /^[ \t]*(?:[•●▪◦·‣*\-–]|\d{1,3}[.)])[ \t]+/;
/** Abbreviations whose period does not end a sentence (titles, months, Latin): generic words, not names. */
const ABBREVIATIONS = new Set(
  "col gen lt maj capt sgt adm cmdr mr mrs ms dr st jr sr sen rep gov pres prof rev no nos vol vols vs etc inc corp ltd co jan feb mar apr jun jul aug sep sept oct nov dec mt ft est approx dept univ".split(" "),
);
/** A quotation shorter than this is a term the author marks ("foiled"), not someone's words. */
export const MIN_QUOTE_WORDS = 4;
/** Sentences longer than this are cut at a space, so that no NLP step sees an unbounded string. */
export const MAX_SENTENCE_LENGTH = 1200;

const isBlank = (line: string) => line.trim() === "";

function isHeading(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 100 || ITEM_MARKER.test(line)) return false;
  if (/[.!?:;,"”’)\]]$/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 12) return false;
  const long = words.filter((w) => w.replace(/\P{L}/gu, "").length >= 4);
  const capitalised = long.filter((w) => /^\P{L}*\p{Lu}/u.test(w));
  return long.length > 0 && capitalised.length * 2 >= long.length;
}

/** Splits the text into blocks: blank lines end a block, a bullet starts one, a short title-case line alone is a heading. */
function findBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let section = 0;
  let open: { start: number; end: number; lines: number; firstLine: string; item: boolean } | null = null;
  const close = () => {
    if (open === null) return;
    const heading = open.lines === 1 && !open.item && isHeading(open.firstLine);
    if (heading && blocks.length > 0) section++;
    blocks.push({ start: open.start, end: open.end, kind: heading ? "heading" : open.item ? "item" : "paragraph", section });
    open = null;
  };
  const linePattern = /[^\n]*(?:\n|$)/g;
  for (let match = linePattern.exec(text); match !== null && match[0] !== ""; match = linePattern.exec(text)) {
    const start = match.index;
    const line = match[0].replace(/\r?\n$/, "");
    if (isBlank(line)) {
      close();
      continue;
    }
    const item = ITEM_MARKER.test(line);
    const content = start + (line.length - line.trimStart().length);
    const end = start + line.trimEnd().length;
    if (open === null || item) {
      close();
      open = { start: content, end, lines: 1, firstLine: line, item };
    } else {
      open.end = end;
      open.lines++;
    }
  }
  close();
  return blocks;
}

/** Whether the period at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number, blockStart: number): boolean {
  let from = dot;
  while (from > blockStart && /[\p{L}.]/u.test(text[from - 1]!)) from--;
  const word = text.slice(from, dot);
  if (word === "") return false;
  if (word.includes(".")) return true; // U.S, D.C
  if (/^\p{Lu}$/u.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Sentence ends in one block: . ! ? (and closing quotes or brackets) followed by space and a capital, digit, quote or bullet. */
function splitSentences(text: string, block: Block, index: number, sentences: Sentence[]): void {
  let start = block.start;
  const end = block.end;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b <= a) return;
    // Bound every sentence: cut overlong ones at a space.
    while (b - a > MAX_SENTENCE_LENGTH) {
      let cut = text.lastIndexOf(" ", a + MAX_SENTENCE_LENGTH);
      if (cut <= a) cut = a + MAX_SENTENCE_LENGTH;
      sentences.push({ start: a, end: cut, block: index });
      a = cut;
      while (a < b && /\s/.test(text[a]!)) a++;
    }
    if (b > a) sentences.push({ start: a, end: b, block: index });
  };
  for (let i = block.start; i < end; i++) {
    const c = text[i]!;
    if (c !== "." && c !== "!" && c !== "?") continue;
    let j = i + 1;
    while (j < end && /["'”’)\]]/.test(text[j]!)) j++;
    if (j >= end) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < end && /\s/.test(text[k]!)) k++;
    if (k >= end || !/[\p{Lu}\p{N}"“‘'(•]/u.test(text[k]!)) continue;
    if (c === "." && isAbbreviation(text, i, block.start)) continue;
    push(start, j);
    start = k;
    i = k - 1;
  }
  push(start, end);
}

/** Spans inside quotation marks (curly, or straight pairs), per block; an unclosed quotation runs to the block's end. */
function findQuotes(text: string, blocks: readonly Block[]): Array<[number, number]> {
  const quotes: Array<[number, number]> = [];
  const keep = (from: number, to: number) => {
    const words = text.slice(from, to).split(/\s+/).filter((w) => w !== "").length;
    if (words >= MIN_QUOTE_WORDS) quotes.push([from, to]);
  };
  for (const block of blocks) {
    let curly: number | null = null;
    let straight: number | null = null;
    for (let i = block.start; i < block.end; i++) {
      const c = text[i];
      if (c === "“") curly ??= i;
      else if (c === "”" && curly !== null) {
        keep(curly, i + 1);
        curly = null;
      } else if (c === '"') {
        if (straight === null) straight = i;
        else {
          keep(straight, i + 1);
          straight = null;
        }
      }
    }
    const open = [curly, straight].filter((x): x is number => x !== null);
    if (open.length > 0) keep(Math.min(...open), block.end);
  }
  return quotes.sort((a, b) => a[0] - b[0]);
}

export function analyseStructure(text: string): TextStructure {
  const blocks = findBlocks(text);
  const sentences: Sentence[] = [];
  blocks.forEach((block, i) => splitSentences(text, block, i, sentences));
  return { text, blocks, sentences, quotes: findQuotes(text, blocks) };
}

/** Whether [start, end) lies inside a quotation (binary search over the sorted spans). */
export function inQuote(structure: TextStructure, start: number, end: number = start + 1): boolean {
  const quotes = structure.quotes;
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = quotes[mid]!;
    if (end <= a) hi = mid - 1;
    else if (start >= b) lo = mid + 1;
    else return start >= a && end <= b;
  }
  return false;
}
