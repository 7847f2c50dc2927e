/**
 * Dates in the text, found with chrono-node, and the years the text leaves
 * out, inferred by reasoning each date records:
 *
 * 1. A year written with the date (four digits) is the year.
 * 2. A dated list (list items or paragraphs that each begin with a date in
 *    the same form, "• On April 14," or "December 29:") is read in text
 *    order: an entry in an earlier month than the entry before it starts the
 *    next year. The list is anchored by an entry whose year is written, else
 *    its last entry is the latest one not after the publication date.
 * 3. A date without a year inside a paragraph takes the year that puts it
 *    nearest to the date written before it in that paragraph, else to the
 *    entry of the dated list it is written under.
 * 4. Any other date is the latest one not after the publication date.
 *
 * Where the text also dates the same day with a year elsewhere, the
 * explanation says whether that agrees.
 */
import * as chrono from "chrono-node";
import type { Publication } from "./publication.js";
import type { Block, TextStructure } from "./sentences.js";

export type { Publication } from "./publication.js";
export { parsePublication } from "./publication.js";

export type DatePrecision = "DAY" | "MONTH" | "YEAR" | "RANGE";

interface Point {
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface DateMention {
  readonly start: number;
  readonly end: number;
  /** The text as written ("June 27", "since April", "between April and June 2021", "mid-2014"). */
  readonly asWritten: string;
  readonly sentence: number;
  readonly block: number;
  /** RANGE: "since X" (open end), "between X and Y" / "from X to Y". */
  readonly shape: "single" | "since" | "between";
  readonly from: Point;
  /** The end of a "between" range. */
  readonly to: Point | null;
  /** Filled in by resolveYears. */
  value: string;
  precision: DatePrecision;
  /** How a year the text leaves out was inferred; absent when written. */
  yearInferred?: string;
  /** The rule that gave the year: written, a dated list, the paragraph, the publication date. */
  rule: "written" | "list" | "paragraph" | "list-entry" | "publication" | "range";
  /** A list entry: the date heads its block. */
  entry: boolean;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_WORD = new RegExp(`\\b(?:${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\b\\.?`, "i");
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
const FOUR_DIGIT_YEAR = /\b(1[89]\d\d|20\d\d|2100)\b/;
/** A bare year, with how the text qualifies it ("mid-2014", "In 2016"). */
const BARE_YEAR = /\b(?:(mid|early|late)-?\s?)?((?:19|20)\d\d)\b(?!-\d)/gi;

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (p: Point): string => (p.month === null ? `${p.year}` : p.day === null ? `${p.year}-${pad(p.month)}` : `${p.year}-${pad(p.month)}-${pad(p.day)}`);
/** A comparable key, day 0 for a month. */
const ordinal = (year: number, p: Point) => year * 10_000 + (p.month ?? 0) * 100 + (p.day ?? 0);
const monthDay = (p: Point) => (p.day === null ? MONTH_NAMES[(p.month ?? 1) - 1]! : `${MONTH_NAMES[(p.month ?? 1) - 1]!} ${p.day}`);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDay(year: number, p: Point): boolean {
  return p.month === null || p.day === null || p.day <= daysIn(year, p.month);
}

/** Finds the dates of one sentence: chrono-node's, kept when they name a month or a four-digit year, and bare years. */
function findInSentence(text: string, offset: number, sentence: number, block: number, reference: Date): DateMention[] {
  const found: DateMention[] = [];
  // chrono-node is the slow step on long texts: only sentences naming a month or a year can hold a date it keeps.
  const results = MONTH_WORD.test(text) ? chrono.casual.parse(text, { instant: reference, timezone: 0 }) : [];
  for (const result of results) {
    let written = result.text.replace(/[\s,.;:]+$/, "");
    const fourDigits = FOUR_DIGIT_YEAR.test(written);
    if (!MONTH_WORD.test(written) && !fourDigits) continue; // "tomorrow", "Saturday", "in the month"
    const component = result.start;
    const month = component.isCertain("month") ? component.get("month") : null;
    if (month === null) continue;
    let day = component.isCertain("day") ? component.get("day") : null;
    let year = component.isCertain("year") && fourDigits ? component.get("year") : null;
    if (component.isCertain("year") && !fourDigits) {
      // "July 7, 14 rockets": a two-digit "year" is a number of the sentence, not part of the date.
      written = written.replace(/,?\s*\d{1,2}$/, "");
      year = null;
    }
    if (day !== null && !/\d/.test(written)) day = null;
    // A month alone must be capitalised and introduced ("in June", "since April"): "may" is mostly a verb.
    if (day === null && year === null && !/^\p{Lu}/u.test(written)) continue;
    const at = result.index + result.text.indexOf(written);
    const before = text.slice(0, at);
    if (day === null && year === null && !/\b(?:in|since|from|between|until|by|of|early|late|mid|and|to|through)\s*-?\s*$/i.test(before)) continue;
    const since = /\bsince\s+$/i.exec(before);
    const start = since ? at - since[0].length : at;
    const end = at + written.length;
    found.push({
      start: offset + start,
      end: offset + end,
      asWritten: text.slice(start, end),
      sentence,
      block,
      shape: since ? "since" : "single",
      from: { year, month, day },
      to: null,
      value: "",
      precision: since ? "RANGE" : day !== null ? "DAY" : "MONTH",
      rule: year !== null ? "written" : "publication",
      entry: false,
    });
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    const start = offset + match.index;
    if (found.some((d) => d.start - offset <= match.index + match[0].length && d.end - offset >= match.index)) continue;
    const before = text.slice(0, match.index);
    // A year as a date is introduced or qualified: "in 2016", "mid-2014", "since 2019"; "the 2002 AUMF" is a name.
    if (match[1] === undefined && !/\b(?:in|since|from|until|by|of|during|early|late|mid)\s*$/i.test(before)) continue;
    found.push({
      start,
      end: start + match[0].length,
      asWritten: match[0],
      sentence,
      block,
      shape: "single",
      from: { year: Number(match[2]), month: null, day: null },
      to: null,
      value: "",
      precision: "YEAR",
      rule: "written",
      entry: false,
    });
  }
  found.sort((a, b) => a.start - b.start);
  // "between April and June 2021", "from May to July": one range.
  const merged: DateMention[] = [];
  for (const date of found) {
    const previous = merged[merged.length - 1];
    if (previous && previous.shape === "single" && date.shape === "single") {
      const between = text.slice(previous.end - offset, date.start - offset);
      const lead = text.slice(0, previous.start - offset);
      const opener = /\b(between|from)\s+$/i.exec(lead);
      if (opener && /^\s*(?:and|to|through|until|-|–)\s*$/i.test(between)) {
        const begin = previous.start - opener[0].length;
        merged[merged.length - 1] = { ...previous, start: begin, end: date.end, asWritten: text.slice(begin - offset, date.end - offset), shape: "between", to: date.from, precision: "RANGE" };
        continue;
      }
    }
    merged.push(date);
  }
  return merged;
}

/** Where a date heads its block ("• On April 14,", "December 29:"), the form of that heading; else null. */
function entryShape(text: string, block: Block, date: DateMention): string | null {
  if (date.from.day === null || date.shape !== "single") return null;
  const before = text.slice(block.start, date.start);
  const match = /^\s*([•●▪◦·‣*\-–]|\d{1,3}[.)])?\s*(on\s+)?$/i.exec(before);
  if (!match) return null;
  const after = text.slice(date.end, date.end + 1);
  return `${match[1] ? "item" : "paragraph"}|${match[2] ? "on" : ""}|${after === ":" ? ":" : after === "," ? "," : " "}`;
}

/** The year among the neighbours of `reference` that puts `p` nearest to it (ties: the earlier), never after the publication date when another will do. */
function nearestYear(p: Point, reference: { year: number; point: Point }, publication: Publication): number {
  const refDay = Date.UTC(reference.year, (reference.point.month ?? 7) - 1, reference.point.day ?? 15);
  let best = reference.year;
  let bestDistance = Infinity;
  const published = ordinal(publication.year, { year: null, month: publication.month, day: publication.day });
  const years = [reference.year - 1, reference.year, reference.year + 1].filter((y) => isRealDay(y, p));
  const possible = years.filter((y) => ordinal(y, p) <= published);
  for (const year of possible.length > 0 ? possible : years) {
    const distance = Math.abs(Date.UTC(year, (p.month ?? 7) - 1, p.day ?? 15) - refDay);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

/** The latest year that puts `p` on or before the publication date. */
function latestNotAfter(p: Point, publication: Publication): number {
  let year = publication.year;
  while (ordinal(year, p) > ordinal(publication.year, { year: null, month: publication.month, day: publication.day }) || !isRealDay(year, p)) year--;
  return year;
}

function finish(date: DateMention, year: number, yearInferred: string | undefined, rule: DateMention["rule"]): void {
  const from = { ...date.from, year: date.from.year ?? year };
  if (date.shape === "between" && date.to) {
    const to = { ...date.to, year: date.to.year ?? from.year };
    date.value = `${iso(from)}/${iso(to)}`;
  } else if (date.shape === "since") {
    date.value = `${iso(from)}/..`;
  } else {
    date.value = iso(from);
  }
  if (yearInferred !== undefined) date.yearInferred = yearInferred;
  date.rule = rule;
}

/** Finds every date in the text and infers the years it leaves out (see the module comment). */
export function findDates(structure: TextStructure, publication: Publication): DateMention[] {
  const reference = new Date(Date.UTC(publication.year, publication.month - 1, publication.day, 12));
  const dates: DateMention[] = [];
  structure.sentences.forEach((sentence, index) => {
    dates.push(...findInSentence(structure.text.slice(sentence.start, sentence.end), sentence.start, index, sentence.block, reference));
  });
  resolveYears(structure, dates, publication);
  return dates;
}

interface Run {
  shape: string;
  entries: DateMention[];
}

/** Infers the missing years of `dates` (in text order), in place. */
export function resolveYears(structure: TextStructure, dates: DateMention[], publication: Publication): void {
  const { text, blocks } = structure;
  // The years the text writes for each month and day, for the explanations.
  const written = new Map<string, DateMention>();
  for (const date of dates) {
    if (date.from.year !== null && date.from.month !== null && date.shape === "single") written.set(monthDay(date.from), date);
  }
  const byBlock = new Map<number, DateMention[]>();
  for (const date of dates) byBlock.set(date.block, [...(byBlock.get(date.block) ?? []), date]);

  // 1. Dated lists: runs of blocks headed by dates of one form, within a section.
  const runOfBlock = new Map<number, Run>();
  const runs: Run[] = [];
  let open: Run | null = null;
  blocks.forEach((block, index) => {
    if (block.kind === "heading") {
      open = null;
      return;
    }
    const first = byBlock.get(index)?.[0];
    const shape = first ? entryShape(text, block, first) : null;
    if (first && shape !== null) {
      first.entry = true;
      if (open === null || open.shape !== shape) {
        open = { shape, entries: [] };
        runs.push(open);
      }
      open.entries.push(first);
    }
    if (open !== null) runOfBlock.set(index, open);
  });

  for (const run of runs) resolveRun(run, written, publication);

  // 2. Every other date: written, or by the paragraph, the list entry, the publication date.
  const entryOf = (date: DateMention): DateMention | null => {
    const run = runOfBlock.get(date.block);
    if (!run) return null;
    let entry: DateMention | null = null;
    for (const candidate of run.entries) if (candidate.start <= date.start) entry = candidate;
    return entry;
  };
  for (const [, inBlock] of [...byBlock].sort(([a], [b]) => a - b)) {
    let previous: DateMention | null = null;
    for (const date of inBlock) {
      if (!date.entry) resolveOne(date, previous, entryOf(date), written, publication);
      if (date.value !== "") previous = date;
    }
  }
}

function agreement(date: DateMention, year: number, written: ReadonlyMap<string, DateMention>): string {
  if (date.from.day === null) return "";
  const other = written.get(monthDay(date.from));
  if (!other || other === date) return "";
  return other.from.year === year
    ? ` The text also writes "${other.asWritten}", which agrees.`
    : ` The text also writes "${other.asWritten}", which does not agree: check this date.`;
}

function resolveRun(run: Run, written: ReadonlyMap<string, DateMention>, publication: Publication): void {
  const entries = run.entries;
  if (entries.length < 2) {
    // One dated paragraph is not a list: the date stands alone.
    for (const entry of entries) resolveOne(entry, null, null, written, publication);
    return;
  }
  // Year offsets: an entry in an earlier month than the one before it starts the next year.
  const offsets: number[] = [];
  let turns = 0;
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    if (previous && (entry.from.month ?? 0) < (previous.from.month ?? 0)) turns++;
    offsets.push(turns);
  });
  const sequence = entries.length <= 6 ? entries.map((e) => e.asWritten).join(", ") : `${entries.slice(0, 3).map((e) => e.asWritten).join(", ")}, ... ${entries.slice(-2).map((e) => e.asWritten).join(", ")} (${entries.length} entries)`;
  const turnText = turns === 0 ? "no entry is in an earlier month than the one before it, so they share one year" : `an entry in an earlier month than the one before it starts the next year (${turns} time${turns === 1 ? "" : "s"})`;
  const anchorIndex = entries.findIndex((e) => e.from.year !== null);
  let base: number;
  let anchorText: string;
  if (anchorIndex >= 0) {
    const anchor = entries[anchorIndex]!;
    base = anchor.from.year! - offsets[anchorIndex]!;
    anchorText = `the entry "${anchor.asWritten}" writes its year`;
  } else {
    const last = entries[entries.length - 1]!;
    const lastYear = latestNotAfter(last.from, publication);
    base = lastYear - offsets[entries.length - 1]!;
    anchorText = `the last entry, ${last.asWritten}, is taken as the latest one not after the publication date ${publication.iso}: ${last.asWritten}, ${lastYear}`;
  }
  entries.forEach((entry, i) => {
    if (entry.from.year !== null) {
      finish(entry, entry.from.year, undefined, "written");
      return;
    }
    const year = base + offsets[i]!;
    const explanation = `Read in text order, the dated entries of this list run ${sequence}; ${turnText}, and ${anchorText}. So ${entry.asWritten} falls in ${year}.${agreement(entry, year, written)}`;
    finish(entry, year, explanation, "list");
  });
}

function resolveOne(date: DateMention, previous: DateMention | null, entry: DateMention | null, written: ReadonlyMap<string, DateMention>, publication: Publication): void {
  if (date.from.year !== null) {
    finish(date, date.from.year, undefined, "written");
    return;
  }
  if (date.shape === "between" && date.to?.year !== null && date.to?.year !== undefined) {
    const year = date.to.year - ((date.from.month ?? 0) > (date.to.month ?? 0) ? 1 : 0);
    finish(date, year, `The range writes its year at its end (${date.asWritten}).`, "range");
    return;
  }
  const reference = previous ?? (entry !== date ? entry : null);
  if (reference) {
    const refYear = Number(reference.value.slice(0, 4));
    const refPoint = reference.from;
    const year = nearestYear(date.from, { year: refYear, point: refPoint }, publication);
    const where = reference === previous ? "the date written before it in the same paragraph" : "the date heading the paragraph or list it is written under";
    finish(date, year, `The text gives no year; taken as the ${monthDay(date.from)} nearest to ${where}, ${reference.asWritten} (${reference.value.split("/")[0]}).${agreement(date, year, written)}`, reference === previous ? "paragraph" : "list-entry");
    return;
  }
  const year = latestNotAfter(date.from, publication);
  finish(date, year, `The text gives no year; taken as the latest ${monthDay(date.from)} not after the publication date ${publication.iso}.${agreement(date, year, written)}`, "publication");
}
