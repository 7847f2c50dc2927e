/**
 * Cursor pagination over an in-memory list. Cursors are opaque strings that
 * encode a position; the data is immutable while the server runs, so a
 * position stays meaningful across requests.
 */
import { BadInputError } from "../errors.js";

export interface Page<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
  /** Cursor of each returned item, for resuming after it. */
  readonly cursors: string[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  /** The same page with each item replaced by `f(item)`. */
  mapped<U>(f: (item: T) => U): Page<U>;
}

const PREFIX = "pos:";

export function encodeCursor(position: number): string {
  return Buffer.from(`${PREFIX}${position}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const position = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isInteger(position) || position < 0 || encodeCursor(position) !== cursor) {
    throw new BadInputError("after", `"${cursor}" is not a cursor returned by this API`);
  }
  return position;
}

/** A list that can be sliced without being made whole first (an array, or search results). */
export interface Sliceable<T> {
  readonly length: number;
  slice(start: number, end: number): readonly T[];
}

/** The `first` items after the item at cursor `after` (from the start when absent). */
export function paginate<T>(all: Sliceable<T>, first: number, after: string | null | undefined): Page<T> {
  const start = after == null ? 0 : decodeCursor(after) + 1;
  return page(all.slice(start, start + first), all.length, start);
}

function page<T>(items: readonly T[], totalCount: number, start: number): Page<T> {
  return {
    items,
    totalCount,
    cursors: items.map((_, i) => encodeCursor(start + i)),
    hasNextPage: start + items.length < totalCount,
    hasPreviousPage: start > 0,
    mapped: (f) => page(items.map(f), totalCount, start),
  };
}
