/**
 * The publication date a draft is made against (`draft --published`): a real
 * day written YYYY-MM-DD. The years a text leaves out are inferred from it
 * (dates.ts); kept apart so that checking it loads no date parser.
 */

export interface Publication {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** YYYY-MM-DD. */
  readonly iso: string;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The day, or null when `value` is not a real day written YYYY-MM-DD between 1900 and 2100. */
export function parsePublication(value: string): Publication | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day, iso: value };
}
