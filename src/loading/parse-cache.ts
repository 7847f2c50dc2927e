/**
 * A cache of parsed YAML files, so that commands which load the data many
 * times (the CLI, tests) skip the YAML parser, the slowest step of a load:
 * each file's parsed value is kept as JSON under
 * node_modules/.cache/conflict-graph/, keyed by the SHA-256 of the file's
 * text and the parser's version. Validation still runs on every load, so a
 * cached file is judged exactly as a freshly parsed one. Only files that
 * parsed without errors and whose values JSON keeps exactly (no .inf, .nan)
 * are cached (see cache-files.ts).
 */
import { createHash } from "node:crypto";
import { cacheFile, readCache, writeCache } from "./cache-files.js";

export const cacheKey = (text: string, parserVersion: string) => createHash("sha256").update(parserVersion).update("\0").update(text).digest("hex");

/** The cached value for `key`, or undefined. */
export const cachedParse = (key: string): unknown => readCache(cacheFile("yaml", `${key}.json`));

/** Keeps `value` for `key` when JSON holds it exactly. */
export function storeParse(key: string, value: unknown): void {
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "number" && !Number.isFinite(v)) throw new Error("not representable in JSON");
      return v;
    });
  } catch {
    return;
  }
  writeCache(cacheFile("yaml", `${key}.json`), text);
}
