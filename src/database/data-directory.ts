/**
 * Data sets and data directories: `dataSetOf` reads and validates a
 * directory into the records the database stores (each with its file and
 * place, each file with its opening comment), and `writeDataDirectory`
 * writes a data set out as a directory, through a staging directory renamed
 * into place, so that a reader never finds half of one. `dataSetFiles`
 * gives each file's text, in the style of data/ (as `merge` writes it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseDocument } from "yaml";
import type { EntityRecord, LocationRecord, RelationRecord, SourceDocument } from "../model/records.js";
import { DataValidationError } from "../loading/problems.js";
import { readDataDirectory } from "../loading/read-files.js";
import type { RawData, RawRecord, RecordGroup } from "../loading/read-files.js";
import { validateRecords } from "../loading/validate.js";
import type { KnowledgeBase, ValidationOptions } from "../loading/validate.js";
import { writeDataFile } from "../curation/merge/edit-files.js";
import type { GroupRecords } from "../curation/merge/edit-files.js";
import type { Placed } from "./rows.js";
import type { DataFile, DataSet } from "./store.js";

/** The comment that opens a YAML text, without its `#` marks, or null. */
export function openingComment(text: string): string | null {
  const doc = parseDocument(text);
  const first = doc.contents && "items" in doc.contents ? (doc.contents.items[0] as { commentBefore?: string | null } | undefined) : undefined;
  return doc.commentBefore ?? (doc.contents as { commentBefore?: string | null } | null)?.commentBefore ?? first?.commentBefore ?? null;
}

/** The raw records of a data set, as read-files.ts would read its directory (files named relative to the directory). */
export function rawDataOf(data: DataSet): RawData {
  const records: RawRecord[] = [];
  const push = (group: RecordGroup, placed: readonly Placed<unknown>[]) => placed.forEach(({ record, file, position }) => records.push({ group, file, index: position, value: record }));
  push("sources", data.sources);
  push("entities", data.entities);
  push("relations", data.relations);
  push("locations", data.locations);
  return { records, problems: [], files: data.files.map((f) => f.path), unreadable: new Set() };
}

/**
 * A knowledge base held in memory (generated data, say) as a data set: each
 * group in one file named `name` (`entities/NAME.yaml`, ...), records in order.
 */
export function dataSetOfKnowledgeBase(kb: KnowledgeBase, name = "generated"): DataSet {
  const placed = <T>(file: string, records: readonly T[]): Placed<T>[] => records.map((record, position) => ({ record, file, position }));
  const files = ["sources.yaml", `entities/${name}.yaml`, `relations/${name}.yaml`, ...(kb.locations.length > 0 ? [`geography/${name}.yaml`] : [])];
  return {
    files: files.map((path) => ({ path, comment: null })),
    sources: placed("sources.yaml", kb.sources),
    entities: placed(`entities/${name}.yaml`, kb.entities),
    relations: placed(`relations/${name}.yaml`, kb.relations),
    locations: placed(`geography/${name}.yaml`, kb.locations),
  };
}

/** Validates a data set as the loader validates a directory; throws DataValidationError with every problem. */
export function validateDataSet(data: DataSet, options: ValidationOptions = {}): KnowledgeBase {
  const result = validateRecords(rawDataOf(data), options);
  if (!result.ok) throw new DataValidationError(result.problems);
  return result.knowledgeBase;
}

/**
 * The records of a knowledge base validated from `raw`, each placed where its
 * raw record was (validation keeps every record, in order), with `files`.
 */
export function placedDataSet(raw: RawData, kb: KnowledgeBase, files: readonly DataFile[], relativeFile: (rawFile: string) => string = (file) => file): DataSet {
  const placed = <T>(group: RecordGroup, records: readonly T[]): Placed<T>[] => {
    const rawOfGroup = raw.records.filter((r) => r.group === group);
    return records.map((record, i) => ({ record, file: relativeFile(rawOfGroup[i]!.file), position: rawOfGroup[i]!.index }));
  };
  return {
    files,
    sources: placed("sources", kb.sources),
    entities: placed("entities", kb.entities),
    relations: placed("relations", kb.relations),
    locations: placed("locations", kb.locations),
  };
}

/** The data set of a directory, validated in full; throws DataValidationError when it does not validate. */
export function dataSetOf(dataDir: string): DataSet {
  const root = resolve(dataDir);
  const raw = readDataDirectory(root);
  const result = validateRecords(raw);
  if (!result.ok) throw new DataValidationError(result.problems);
  // read-files.ts names files relative to the directory's parent: `data/entities/events.yaml`.
  const prefix = `${basename(root)}/`;
  const relativePath = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : file);
  const files: DataFile[] = raw.files.map((file) => {
    const path = relativePath(file);
    return { path, comment: openingComment(readFileSync(join(root, path), "utf8")) };
  });
  return placedDataSet(raw, result.knowledgeBase, files, relativePath);
}

const groupOfPath = (path: string): RecordGroup => (path === "sources.yaml" ? "sources" : path.startsWith("entities/") ? "entities" : path.startsWith("relations/") ? "relations" : "locations");

/** Each file's text, by path relative to the data directory. */
export function dataSetFiles(data: DataSet): Map<string, string> {
  const byFile = new Map<string, Array<Placed<unknown>>>();
  for (const file of data.files) byFile.set(file.path, []);
  for (const placed of [...data.sources, ...data.entities, ...data.relations, ...data.locations] as Array<Placed<unknown>>) {
    const list = byFile.get(placed.file);
    if (list) list.push(placed);
    else byFile.set(placed.file, [placed]);
  }
  const comments = new Map(data.files.map((f) => [f.path, f.comment]));
  const texts = new Map<string, string>();
  for (const [path, placed] of byFile) {
    const records = placed.sort((a, b) => a.position - b.position).map((p) => p.record);
    const group = groupOfPath(path);
    const content = (
      group === "sources"
        ? { group, records: records as SourceDocument[] }
        : group === "entities"
          ? { group, records: records as EntityRecord[] }
          : group === "relations"
            ? { group, records: records as RelationRecord[] }
            : { group, records: records as LocationRecord[] }
    ) as GroupRecords;
    texts.set(path, writeDataFile(content, comments.get(path) ?? null));
  }
  return texts;
}

/** Refuses a target that exists and is not an empty directory. */
export function checkExportTarget(dir: string): string | null {
  if (!existsSync(dir)) return null;
  try {
    if (readdirSync(dir).length > 0) return `${dir} is not empty: export writes a whole data directory, so give a new or empty directory`;
  } catch {
    return `${dir} exists and is not a directory`;
  }
  return null;
}

/** Writes the data set as a data directory at `dir` (new or empty), all or nothing. */
export function writeDataDirectory(data: DataSet, dir: string): string[] {
  const target = resolve(dir);
  const refusal = checkExportTarget(target);
  if (refusal !== null) throw new Error(refusal);
  const staging = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.partial`);
  const files = dataSetFiles(data);
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), text);
    }
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return [...files.keys()].sort();
}
