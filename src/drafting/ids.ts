/**
 * Record ids for a draft, in the data's pattern (ID_PATTERN: lower-case words
 * joined by hyphens), never one already taken in the graph or the draft.
 */
import { normaliseName } from "../model/names.js";
import { ID_PATTERN } from "../model/records.js";

const MAX_ID_LENGTH = 80;

/** "Kata'ib Hezbollah" -> kataib-hezbollah; "2021-04/.." -> 2021-04-onwards. */
export function slugify(text: string): string {
  const words = normaliseName(text.replace(/\/\.\.$/, " onwards").replace(/^\.\.\//, "until ").replace(/\//g, " to "))
    .split(" ")
    .filter((w) => /^[a-z0-9]+$/.test(w));
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > MAX_ID_LENGTH) break;
    slug = next;
  }
  return ID_PATTERN.test(slug) ? slug : "record";
}

export class IdAllocator {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  /** A new id from `text`, with -2, -3, ... when taken. */
  allocate(text: string): string {
    const base = slugify(text);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }
}
