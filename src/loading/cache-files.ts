/**
 * Files the loader keeps under node_modules/.cache/conflict-graph/ to skip
 * work it has done before (parse-cache.ts, snapshot.ts). A cache file is
 * written beside its name and renamed into place, so a reader never sees
 * half of one; a cache that cannot be read or written is only bypassed.
 * CONFLICT_GRAPH_CACHE=off bypasses every cache.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";

export const cachesEnabled = () => process.env["CONFLICT_GRAPH_CACHE"] !== "off";

/** The path of cache file `name` of cache `kind`. */
export const cacheFile = (kind: string, name: string) => join(PACKAGE_ROOT, "node_modules", ".cache", "conflict-graph", kind, name);

/** The cached JSON value at `file`, or undefined when there is none or it cannot be read. */
export function readCache(file: string): unknown {
  if (!cachesEnabled()) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Keeps `text` at `file`; a read-only install keeps nothing. */
export function writeCache(file: string, text: string): void {
  if (!cachesEnabled()) return;
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch {
    // Read-only: every load does the work.
  }
}
