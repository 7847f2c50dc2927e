/**
 * Partial dates as the article gives them: a day ("June 27"), a month ("In June"),
 * a year ("In 2016") or a range ("since April"), each with its precision and,
 * where the article leaves the year out, a note on how the year was inferred.
 *
 * Written in data files as ISO 8601: `2021-06-27`, `2021-06`, `2021`, or an
 * interval `2021-04/2021-06-26`. An interval may leave one end open, as ISO
 * 8601-2 (EDTF) writes it: `../2014-07` (at the latest July 2014, no earlier
 * bound known) or `2021-07/..`.
 */

export const DATE_PRECISIONS = ["DAY", "MONTH", "YEAR", "RANGE"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PartialDate {
  /** The value as written in the data file (ISO 8601 date, month, year or interval). */
  readonly value: string;
  readonly precision: DatePrecision;
  /** First day the date can refer to (YYYY-MM-DD); null when the source gives no earlier bound. */
  readonly earliest: string | null;
  /** Last day the date can refer to (YYYY-MM-DD); null when the source gives no later bound. */
  readonly latest: string | null;
}

/** An open end of an interval (ISO 8601-2). */
const OPEN = "..";
const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

interface Bounds {
  precision: Exclude<DatePrecision, "RANGE">;
  earliest: string;
  latest: string;
}

/** Parses one ISO date, month or year; returns an error message when malformed or impossible. */
function parseSingle(text: string): Bounds | string {
  const match = SINGLE.exec(text);
  if (!match) return `"${text}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  const year = Number(match[1]);
  if (year < 1900 || year > 2100) return `year ${year} in "${text}" is out of range 1900..2100`;
  if (match[2] === undefined) {
    return { precision: "YEAR", earliest: `${pad(year, 4)}-01-01`, latest: `${pad(year, 4)}-12-31` };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `month ${match[2]} in "${text}" does not exist`;
  const last = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { precision: "MONTH", earliest: `${pad(year, 4)}-${pad(month)}-01`, latest: `${pad(year, 4)}-${pad(month)}-${pad(last)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last) return `day ${match[3]} in "${text}" does not exist (${pad(year, 4)}-${pad(month)} has ${last} days)`;
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { precision: "DAY", earliest: iso, latest: iso };
}

/** Parses a partial date or interval; returns an error message when malformed or impossible. */
export function parsePartialDate(value: string): PartialDate | string {
  const parts = value.split("/");
  if (parts.length > 2) return `"${value}" has more than one "/"`;
  if (parts.length === 1) {
    const single = parseSingle(value);
    return typeof single === "string" ? single : { value, ...single };
  }
  const [fromText, toText] = parts as [string, string];
  if (fromText === OPEN && toText === OPEN) return `interval "${value}" is open at both ends: give at least one date`;
  const from = fromText === OPEN ? null : parseSingle(fromText);
  if (typeof from === "string") return from;
  const to = toText === OPEN ? null : parseSingle(toText);
  if (typeof to === "string") return to;
  if (from !== null && to !== null && from.earliest > to.latest) return `interval "${value}" ends before it starts`;
  return { value, precision: "RANGE", earliest: from?.earliest ?? null, latest: to?.latest ?? null };
}
