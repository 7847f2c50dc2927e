/**
 * A cache of parsed YAML files, so that commands which load the data many
 * times (the CLI, tests) skip the YAML parser, the slowest step of a load:
 * each file's parsed value is kept as JSON under
 * node_modules/.cache/conflict-graph/, keyed by the SHA-256 of the file's
 * text and the parser's version. Validation still runs on every load, so a
 * cached file is judged exactly as a freshly parsed one. Only files that
 * parsed without errors and whose values JSON keeps exactly (no .inf, .nan)
 * are cached. A cache that cannot be read or written is bypassed; set
 * CONFLICT_GRAPH_CACHE=off to bypass it always.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";

const CACHE_DIR = join(PACKAGE_ROOT, "node_modules", ".cache", "conflict-graph", "yaml");
const enabled = () => process.env["CONFLICT_GRAPH_CACHE"] !== "off";

export const cacheKey = (text: string, parserVersion: string) => createHash("sha256").update(parserVersion).update("\0").update(text).digest("hex");

/** The cached value for `key`, or undefined. */
export function cachedParse(key: string): unknown {
  if (!enabled()) return undefined;
  try {
    return JSON.parse(readFileSync(join(CACHE_DIR, `${key}.json`), "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Keeps `value` for `key` when JSON holds it exactly; written to a temporary file and renamed, so a reader never sees half of it. */
export function storeParse(key: string, value: unknown): void {
  if (!enabled()) return;
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "number" && !Number.isFinite(v)) throw new Error("not representable in JSON");
      return v;
    });
  } catch {
    return;
  }
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = join(CACHE_DIR, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, join(CACHE_DIR, `${key}.json`));
  } catch {
    // A read-only install: every load parses.
  }
}
