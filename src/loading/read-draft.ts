/**
 * Reads a draft file (written by `conflict-graph draft`) into raw records, as
 * read-files.ts reads a data directory, so that a draft is validated with
 * the same rules against the data it will join. A draft is one YAML mapping:
 * record lists under `sources`, `entities` and `relations` (the schemas of
 * data/, each record `status: proposed`), and the drafter's notes for the
 * curator under the other keys, which are read but not validated.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { parseDocument } from "yaml";
import type { DataProblem } from "./problems.js";
import type { RawData, RawRecord, RecordGroup } from "./read-files.js";

/** The record lists a draft holds, under these keys. */
export const DRAFT_RECORD_GROUPS = ["sources", "entities", "relations"] as const satisfies readonly RecordGroup[];
/** The drafter's notes: about the draft, mentions of known entities, dates found, what was left undecided. */
export const DRAFT_NOTE_KEYS = ["draft", "mentions", "dates", "undecided"] as const;

export interface DraftFile {
  readonly raw: RawData;
  /** The notes, by key, as parsed. */
  readonly notes: Readonly<Record<string, unknown>>;
}

export function readDraftFile(path: string, display: string = path): DraftFile {
  const records: RawRecord[] = [];
  const problems: DataProblem[] = [];
  const notes: Record<string, unknown> = {};
  const unreadable = new Set<RecordGroup>();
  const fail = (message: string): DraftFile => {
    problems.push({ file: display, id: "-", field: "-", message });
    for (const group of DRAFT_RECORD_GROUPS) unreadable.add(group);
    return { raw: { records, problems, files: [display], unreadable }, notes };
  };
  if (!existsSync(path) || !statSync(path).isFile()) return fail("draft file does not exist");
  const doc = parseDocument(readFileSync(path, "utf8"), { uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = error.linePos?.[0];
      problems.push({ file: display, id: "-", field: "-", message: `YAML syntax error${at ? ` at line ${at.line}, column ${at.col}` : ""}: ${(error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}` });
    }
    for (const group of DRAFT_RECORD_GROUPS) unreadable.add(group);
    return { raw: { records, problems, files: [display], unreadable }, notes };
  }
  const content: unknown = doc.toJS();
  if (content === null || typeof content !== "object" || Array.isArray(content)) {
    return fail(`must be a YAML mapping with ${DRAFT_RECORD_GROUPS.join(", ")} (lists of records) and the drafter's notes`);
  }
  for (const [key, value] of Object.entries(content)) {
    if ((DRAFT_RECORD_GROUPS as readonly string[]).includes(key)) {
      const group = key as RecordGroup;
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) {
        problems.push({ file: display, id: "-", field: key, message: "must be a list of records" });
        unreadable.add(group);
        continue;
      }
      value.forEach((record, index) => records.push({ group, file: display, index, value: record }));
    } else if ((DRAFT_NOTE_KEYS as readonly string[]).includes(key)) {
      notes[key] = value;
    } else {
      problems.push({ file: display, id: "-", field: key, message: `unknown key; a draft holds ${[...DRAFT_RECORD_GROUPS, ...DRAFT_NOTE_KEYS].join(", ")}` });
    }
  }
  return { raw: { records, problems, files: [display], unreadable }, notes };
}
