/**
 * A snapshot of the validated knowledge base, so that a command that loads
 * the data (the command line, `npm start`) skips reading YAML and validating
 * when neither the data nor the code that validates it has changed. The key
 * is the SHA-256 of every data file (path and text) and of every module of
 * src/loading and src/model; the snapshot is the knowledge base those produced,
 * as JSON under node_modules/.cache/conflict-graph/. Anything else (no
 * snapshot, an unreadable one, invalid data) takes the full path, and only a
 * knowledge base that validated is ever stored (see cache-files.ts). This
 * module imports nothing that validates, so a hit loads neither the YAML
 * parser nor zod.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../paths.js";
import { cacheFile, cachesEnabled, readCache, writeCache } from "./cache-files.js";
import type { KnowledgeBase } from "./validate.js";

const LOADING_DIR = dirname(fileURLToPath(import.meta.url));
const CODE_DIRS = [LOADING_DIR, join(LOADING_DIR, "..", "model")];
const isCode = (name: string) => /\.(js|ts)$/.test(name) && !name.endsWith(".d.ts");
const isYaml = (name: string) => name.endsWith(".yaml") || name.endsWith(".yml");

/** The files a load reads, as read-files.ts finds them, in a fixed order. */
function dataFiles(dataDir: string): string[] {
  const listed = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter(isYaml).sort().map((name) => join(dir, name)) : []);
  const sources = join(dataDir, "sources.yaml");
  return [...(existsSync(sources) ? [sources] : []), ...listed(join(dataDir, "entities")), ...listed(join(dataDir, "relations")), ...listed(join(dataDir, "geography"))];
}

function keyOf(dataDir: string): string {
  const hash = createHash("sha256");
  // The installed dependencies (zod, yaml) validate too: the lockfile stands for them.
  const lockfile = join(PACKAGE_ROOT, "package-lock.json");
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile)).update("\0");
  for (const dir of CODE_DIRS) {
    for (const name of readdirSync(dir).filter(isCode).sort()) hash.update(name).update("\0").update(readFileSync(join(dir, name))).update("\0");
  }
  for (const file of dataFiles(dataDir)) hash.update(file.slice(dataDir.length)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/**
 * The validated knowledge base of `dataDir`: from its snapshot when there is
 * a current one, else loaded in full by `load` (which throws on invalid data)
 * and then kept.
 */
export async function loadWithSnapshot(dataDir: string, load: () => Promise<KnowledgeBase>): Promise<KnowledgeBase> {
  if (!cachesEnabled() || !existsSync(dataDir)) return load();
  const file = cacheFile("knowledge", `${keyOf(dataDir)}.json`);
  const cached = readCache(file);
  if (cached !== undefined) return cached as KnowledgeBase;
  const knowledgeBase = await load();
  writeCache(file, JSON.stringify(knowledgeBase));
  return knowledgeBase;
}
