/**
 * `npm run geocode`: reads data/ and data/gazetteer-queries.yaml, resolves
 * them against the installed gazetteer (geocode.ts) and writes what it found
 * into data/: geography/locations.yaml, relations/gazetteer.yaml,
 * entities/gazetteer.yaml (countries the data lacked) and the gazetteer
 * records of sources.yaml. With `check`, writes nothing and fails when any of
 * them differs from what it would write: CI's check that the gazetteer facts
 * are what the cited gazetteer version says.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseDocument, stringify } from "yaml";
import { EntitySchema, RelationSchema } from "../model/records.js";
import type { EntityRecord, RelationRecord, SourceDocument } from "../model/records.js";
import { readDataDirectory } from "../loading/read-files.js";
import type { RawRecord } from "../loading/read-files.js";
import type { Gazetteer } from "./gazetteer.js";
import { GazetteerQueryFileSchema, geocode } from "./geocode.js";
import type { GazetteerQuery } from "./geocode.js";

export const QUERIES_FILE = "gazetteer-queries.yaml";
/** The files the script owns, relative to the data directory. */
export const GENERATED_FILES = {
  locations: join("geography", "locations.yaml"),
  relations: join("relations", "gazetteer.yaml"),
  countries: join("entities", "gazetteer.yaml"),
} as const;

export interface GeocodeOptions {
  readonly dataDir: string;
  readonly check: boolean;
}

interface Output {
  log(line: string): void;
  error(line: string): void;
}

const HEADER = (what: string) =>
  `# ${what}\n# Written by \`npm run geocode\` from the gazetteer and ${QUERIES_FILE}: do not edit by hand (edit the queries and run it again).\n`;

const asYaml = (records: readonly object[]) => (records.length === 0 ? "[]\n" : stringify(records, { lineWidth: 0, aliasDuplicateObjects: false, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" }));

/** Runs the script; returns the exit code (0 done or up to date, 1 problems or stale files). */
export function runGeocode(options: GeocodeOptions, gazetteer: Gazetteer, out: Output): number {
  const { dataDir } = options;
  const input = readInput(dataDir, out);
  if (!input) return 1;
  const result = geocode(input.entities, input.relations, input.queries, gazetteer);
  if (result.problems.length > 0) {
    for (const p of result.problems) out.error(`${p.entity}: ${p.message}`);
    out.error(`\n${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}; nothing was written.`);
    return 1;
  }

  const files = new Map<string, string | null>([
    [GENERATED_FILES.locations, HEADER("Where each place and base is: coordinates from the gazetteer, or why there are none.") + asYaml(result.locations)],
    [GENERATED_FILES.relations, HEADER("Countries of places the article leaves without one (LOCATED_IN), each resting on gazetteer records.") + asYaml(result.relations)],
    [GENERATED_FILES.countries, result.countries.length > 0 ? HEADER("Countries the gazetteer adds: places in the data lie in them, the article does not name them as places.") + asYaml(result.countries) : null],
    ["sources.yaml", withSources(readFileSync(join(dataDir, "sources.yaml"), "utf8"), result.sources)],
  ]);
  const stale = [...files].filter(([file, text]) => {
    const path = join(dataDir, file);
    const current = existsSync(path) ? readFileSync(path, "utf8") : null;
    return current !== text;
  });

  const located = result.locations.filter((l) => l.coordinates).length;
  const summary = `${result.locations.length} locations (${located} with coordinates, ${result.locations.length - located} unresolved), ${result.relations.length} countries from the gazetteer, ${result.countries.length} country places added; ${[gazetteer.cities.version, gazetteer.countries.version].join(", ")}`;
  if (options.check) {
    if (stale.length === 0) {
      out.log(`Gazetteer data up to date: ${summary}.`);
      return 0;
    }
    out.error(`Out of date with the gazetteer (run \`npm run geocode\`): ${stale.map(([file]) => join(dataDir, file)).join(", ")}`);
    return 1;
  }
  for (const [file, text] of stale) {
    const path = join(dataDir, file);
    if (text === null) rmSync(path);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    out.log(`${text === null ? "removed" : "wrote"} ${path}`);
  }
  out.log(`${stale.length === 0 ? "Nothing to change" : "Done"}: ${summary}.`);
  return 0;
}

/** Entities and relations as curated (the script's own files left out), and the queries; null after reporting problems. */
function readInput(dataDir: string, out: Output): { entities: EntityRecord[]; relations: RelationRecord[]; queries: GazetteerQuery[] } | null {
  const raw = readDataDirectory(dataDir);
  const generated = (r: RawRecord) => r.group === "locations" || r.file.endsWith(GENERATED_FILES.relations) || r.file.endsWith(GENERATED_FILES.countries);
  const problems: string[] = raw.problems.map((p) => `${p.file}: ${p.message}`);
  const parse = <T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, r: RawRecord): T[] => {
    const parsed = schema.safeParse(r.value);
    if (parsed.success) return [parsed.data];
    problems.push(`${r.file}: record ${r.index + 1} is not valid (run \`npm run validate\` for the details)`);
    return [];
  };
  const records = raw.records.filter((r) => !generated(r));
  const entities = records.filter((r) => r.group === "entities").flatMap((r) => parse<EntityRecord>(EntitySchema, r));
  const relations = records.filter((r) => r.group === "relations").flatMap((r) => parse<RelationRecord>(RelationSchema, r));

  const queriesPath = join(dataDir, QUERIES_FILE);
  let queries: GazetteerQuery[] = [];
  if (existsSync(queriesPath)) {
    const document = parseDocument(readFileSync(queriesPath, "utf8"));
    if (document.errors.length > 0) problems.push(`${queriesPath}: ${document.errors[0]!.message}`);
    else {
      const parsed = GazetteerQueryFileSchema.safeParse(document.toJS() ?? []);
      if (parsed.success) queries = parsed.data;
      else for (const issue of parsed.error.issues) problems.push(`${queriesPath}: ${issue.path.join(".")}: ${issue.message}`);
    }
  }
  if (problems.length === 0) return { entities, relations, queries };
  for (const p of problems) out.error(p);
  out.error("\nFix these first; nothing was written.");
  return null;
}

/** sources.yaml with the gazetteer documents replaced by `sources` (comments and other records kept). */
function withSources(text: string, sources: readonly SourceDocument[]): string {
  const document = parseDocument(text);
  const items = (document.contents as { items?: Array<{ get(key: string): unknown }> } | null)?.items ?? [];
  for (let i = items.length - 1; i >= 0; i--) if (items[i]!.get("kind") === "GAZETTEER") document.deleteIn([i]);
  for (const source of sources) document.add(document.createNode(source, { aliasDuplicateObjects: false }));
  return document.toString({ lineWidth: 0 });
}
