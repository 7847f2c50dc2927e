/**
 * Reads the YAML files of a data directory into raw records, without judging
 * them: `sources.yaml`, `entities/*.yaml`, `relations/*.yaml` and
 * `geography/*.yaml` (coordinates; optional). Syntax
 * errors become problems with line numbers; every file is still read.
 * Parsed files are cached (parse-cache.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative } from "node:path";
import { parseDocument } from "yaml";
import { cacheKey, cachedParse, storeParse } from "./parse-cache.js";

/** The yaml package and its version, part of every cache key. */
const PARSER = `yaml@${(JSON.parse(readFileSync(join(dirname(createRequire(import.meta.url).resolve("yaml")), "..", "package.json"), "utf8")) as { version: string }).version}`;
import type { DataProblem } from "./problems.js";

export type RecordGroup = "sources" | "entities" | "relations" | "locations";

export interface RawRecord {
  readonly group: RecordGroup;
  readonly file: string;
  /** Position in its file, from 0. */
  readonly index: number;
  readonly value: unknown;
}

export interface RawData {
  readonly records: RawRecord[];
  readonly problems: DataProblem[];
  readonly files: string[];
  /** Groups with a file that could not be read: references into them cannot be checked. */
  readonly unreadable: ReadonlySet<RecordGroup>;
}

const isYaml = (name: string) => name.endsWith(".yaml") || name.endsWith(".yml");

export function readDataDirectory(dataDir: string): RawData {
  const records: RawRecord[] = [];
  const problems: DataProblem[] = [];
  const files: string[] = [];
  const unreadable = new Set<RecordGroup>();
  const display = (path: string) => relative(join(dataDir, ".."), path) || basename(path);

  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    problems.push({ file: dataDir, id: "-", field: "-", message: "data directory does not exist" });
    return { records, problems, files, unreadable };
  }

  const sourcesFile = join(dataDir, "sources.yaml");
  const groups: Array<[RecordGroup, string[]]> = [
    ["sources", existsSync(sourcesFile) ? [sourcesFile] : []],
    ["entities", listYaml(join(dataDir, "entities"))],
    ["relations", listYaml(join(dataDir, "relations"))],
    ["locations", listYaml(join(dataDir, "geography"))],
  ];
  for (const [group, paths] of groups) {
    if (paths.length === 0 && group !== "locations") {
      const where = group === "sources" ? "sources.yaml" : `${group}/*.yaml`;
      problems.push({ file: display(join(dataDir, where)), id: "-", field: "-", message: `no ${group} file found` });
    }
    for (const path of paths) {
      const file = display(path);
      files.push(file);
      const text = readFileSync(path, "utf8");
      const key = cacheKey(text, PARSER);
      let content = cachedParse(key);
      if (content === undefined) {
        const doc = parseDocument(text, { uniqueKeys: true });
        if (doc.errors.length > 0) {
          for (const error of doc.errors) {
            const at = error.linePos?.[0];
            const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
            problems.push({ file, id: "-", field: "-", message: `YAML syntax error${at ? ` at line ${at.line}, column ${at.col}` : ""}: ${reason}` });
          }
          unreadable.add(group);
          continue;
        }
        content = doc.toJS();
        storeParse(key, content);
      }
      if (content === null || content === undefined) continue;
      if (!Array.isArray(content)) {
        problems.push({ file, id: "-", field: "-", message: "must be a YAML list of records" });
        unreadable.add(group);
        continue;
      }
      content.forEach((value, index) => records.push({ group, file, index, value }));
    }
  }
  return { records, problems, files, unreadable };
}

function listYaml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(isYaml)
    .sort()
    .map((name) => join(dir, name));
}
