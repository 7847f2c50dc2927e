/**
 * `conflict-graph merge DRAFT`: folds a reviewed draft (docs/drafting.md)
 * into a data directory. In order, each step stopping the merge with every
 * problem it found, before anything is written:
 *
 * 1. the data directory must validate as it is;
 * 2. the draft must read, and none of its records (or claims) may still be
 *    `status: proposed`, and each must fit its schema;
 * 3. the draft is matched against the data (plan.ts): matching records
 *    become corroborating evidence, the others are added; a draft record
 *    that matches several records of the data is a problem;
 * 4. the files are edited in memory (edit-files.ts) and the result is
 *    validated as the loader would read it from disk, sparing only the
 *    places and bases the merge adds the location and country that
 *    `npm run geocode` gives them;
 * 5. unless this is a dry run, every changed file is written, all or nothing
 *    (write-files.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseDocument } from "yaml";
import { EntitySchema, RelationSchema, SourceDocumentSchema } from "../../model/records.js";
import type { EntityRecord, RelationRecord, SourceDocument } from "../../model/records.js";
import { readDataDirectory } from "../../loading/read-files.js";
import type { RawData, RawRecord, RecordGroup } from "../../loading/read-files.js";
import { readDraftFile } from "../../loading/read-draft.js";
import { validateRecords } from "../../loading/validate.js";
import type { KnowledgeBase } from "../../loading/validate.js";
import type { DataProblem } from "../../loading/problems.js";
import { GENERATED_FILES } from "../geocode-files.js";
import { editFiles, UneditableFileError } from "./edit-files.js";
import type { FileChange } from "./edit-files.js";
import { planMerge } from "./plan.js";
import type { DataRecord, DraftRecord, Match, MergePlan, Rename } from "./plan.js";
import { ConcurrentChangeError, writeAllOrNothing } from "./write-files.js";

export interface MergeOptions {
  /** The reviewed draft file. */
  readonly draft: string;
  readonly dataDir: string;
  /** Decide and report everything, write nothing. */
  readonly dryRun: boolean;
}

/** What the merge changes in one file. */
export interface FileReport {
  /** As problems name files: relative to the data directory's parent (`data/entities/events.yaml`). */
  readonly file: string;
  readonly created: boolean;
  /** Ids of the records added to the file. */
  readonly added: string[];
  /** Existing records given further evidence entries: id and how many. */
  readonly evidence: Array<{ id: string; entries: number }>;
  /** Existing entities given further names (aliases). */
  readonly aliases: Array<{ id: string; names: string[] }>;
  /** Existing claims corroborated: the entity, the claim (`claims.N`, its figure and account) and the documents. */
  readonly corroborations: Array<{ id: string; claim: string; documents: string[] }>;
  /** Accounts added to existing entities. */
  readonly accounts: Array<{ id: string; account: string; claims: number; measure: string }>;
}

export interface MergeReport {
  readonly draft: string;
  readonly dataDir: string;
  readonly written: boolean;
  /** The source document added records are filed under. */
  readonly document: string;
  readonly files: FileReport[];
  readonly matches: Match[];
  readonly renames: Rename[];
  /** Evidence entries and claim statements the data already had. */
  readonly alreadyPresent: number;
  readonly warnings: string[];
  /** Places and bases added, which need `npm run geocode`. */
  readonly awaitingGeocoding: string[];
}

export type MergeResult =
  | { readonly ok: true; readonly report: MergeReport }
  | { readonly ok: false; readonly reason: string; readonly problems: DataProblem[] };

export const STILL_PROPOSED = "is still proposed: accept it (`status: accepted`), correct it or delete it before merging";

const refuse = (reason: string, problems: DataProblem[]) => ({ ok: false as const, reason, problems });

const SCHEMAS = { sources: SourceDocumentSchema, entities: EntitySchema, relations: RelationSchema } as const;

const displayId = (value: unknown, index: number) => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" && id !== "" ? id : `#${index}`;
};

/** The draft's records, each checked: not proposed, and of its schema. */
function checkDraft(raw: RawData): { records: { sources: DraftRecord<SourceDocument>[]; entities: DraftRecord<EntityRecord>[]; relations: DraftRecord<RelationRecord>[] }; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const records = { sources: [] as DraftRecord<SourceDocument>[], entities: [] as DraftRecord<EntityRecord>[], relations: [] as DraftRecord<RelationRecord>[] };
  const seen = { sources: new Set<string>(), entities: new Set<string>(), relations: new Set<string>() };
  for (const r of raw.records) {
    const group = r.group as keyof typeof SCHEMAS;
    const id = displayId(r.value, r.index);
    const report = (field: string, message: string) => problems.push({ file: r.file, id, field, message: `${message} (${group}.${r.index})` });
    if (typeof r.value !== "object" || r.value === null || Array.isArray(r.value)) {
      report("-", "must be a mapping (a record)");
      continue;
    }
    const value = r.value as { status?: unknown; claims?: unknown };
    if (value.status === "proposed") report("status", STILL_PROPOSED);
    if (Array.isArray(value.claims)) {
      value.claims.forEach((claim: unknown, i) => {
        if ((claim as { status?: unknown } | null)?.status === "proposed") report(`claims.${i}.status`, STILL_PROPOSED);
      });
    }
    if (!id.startsWith("#")) {
      if (seen[group].has(id)) report("id", `the draft has two ${group} of this id`);
      seen[group].add(id);
    }
    const parsed = SCHEMAS[group].safeParse(r.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report(issue.path.length > 0 ? issue.path.join(".") : "-", issue.message);
      continue;
    }
    (records[group] as Array<DraftRecord<unknown>>).push({ record: parsed.data, index: r.index });
  }
  return { records, problems };
}

const GROUP_OF_DIR: Record<string, RecordGroup> = { entities: "entities", relations: "relations", geography: "locations" };

/**
 * The data a merge reads: a data directory, or the database's copy of one
 * (src/database/merge.ts). Files are named relative to the data directory.
 */
export interface MergeSource {
  /** How the report names the data (the directory as given, or the database). */
  readonly name: string;
  readonly raw: RawData;
  /** A raw record's file, relative to the data directory. */
  readonly relativeFile: (rawFile: string) => string;
  /** A file relative to the data directory, as problems name it. */
  readonly display: (file: string) => string;
  /** A file's current text; null when it does not exist. */
  readonly read: (file: string) => string | null;
}

/** The data directory's raw records as they would be read once `changes` are written. */
function rawAfter(source: MergeSource, changes: readonly FileChange[]): RawData {
  const before = source.raw;
  const changed = new Map(changes.map((c) => [source.display(c.file), c]));
  const records: RawRecord[] = before.records.filter((r) => !changed.has(r.file));
  for (const [file, change] of changed) {
    const group: RecordGroup = change.file === "sources.yaml" ? "sources" : GROUP_OF_DIR[change.file.split("/")[0]!]!;
    const content: unknown = parseDocument(change.after, { uniqueKeys: true }).toJS();
    if (Array.isArray(content)) content.forEach((value, index) => records.push({ group, file, index, value }));
  }
  const rank: Record<RecordGroup, number> = { sources: 0, entities: 1, relations: 2, locations: 3 };
  records.sort((a, b) => rank[a.group] - rank[b.group] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.index - b.index);
  const files = [...new Set([...before.files, ...changed.keys()])];
  return { records, problems: before.problems, files, unreadable: before.unreadable };
}

function reportFiles(plan: MergePlan, changes: readonly FileChange[], display: (file: string) => string): FileReport[] {
  return changes.map((change) => {
    const edits = plan.edits.filter((e) => e.file === change.file);
    const added = [
      ...(change.file === plan.files.sources ? plan.added.sources.map((s) => s.id) : []),
      ...(change.file === plan.files.entities ? plan.added.entities.map((e) => e.id) : []),
      ...(change.file === plan.files.relations ? plan.added.relations.map((r) => r.id) : []),
    ];
    return {
      file: display(change.file),
      created: change.before === null,
      added,
      evidence: edits.filter((e) => e.evidence.length > 0).map((e) => ({ id: e.id, entries: e.evidence.length })),
      aliases: edits.filter((e) => e.aliases.length > 0).map((e) => ({ id: e.id, names: e.aliases })),
      corroborations: [],
      accounts: edits.flatMap((e) => [...new Set(e.claims.map((c) => c.account))].map((account) => ({ id: e.id, account, measure: e.claims.find((c) => c.account === account)!.measure, claims: e.claims.filter((c) => c.account === account).length }))),
    };
  });
}

/** A merge decided and checked, not yet written: the files it changes and the data as it would then read. */
export type PreparedMerge =
  | { readonly ok: false; readonly reason: string; readonly problems: DataProblem[] }
  | {
      readonly ok: true;
      readonly plan: MergePlan;
      readonly changes: FileChange[];
      /** The data once the changes are written, as read-files.ts would read it, and validated. */
      readonly after: RawData;
      readonly knowledgeBase: KnowledgeBase;
      readonly report: (written: boolean) => MergeReport;
    };

/** Steps 1 to 4: everything but the write. */
export function prepareMerge(source: MergeSource, draft: string): PreparedMerge {
  const { raw } = source;
  const current = validateRecords(raw);
  if (!current.ok) return refuse(`the data in ${source.name} does not validate as it is: fix it first`, current.problems);
  const located = <T>(group: RecordGroup, values: readonly T[]): DataRecord<T>[] => {
    const rawOfGroup = raw.records.filter((r) => r.group === group);
    return values.map((record, i) => ({ record, file: source.relativeFile(rawOfGroup[i]!.file), index: rawOfGroup[i]!.index }));
  };
  const kb = current.knowledgeBase;

  // 2. The draft.
  const draftFile = readDraftFile(draft);
  if (draftFile.raw.problems.length > 0) return refuse(`the draft ${draft} cannot be read as a draft`, draftFile.raw.problems);
  const checked = checkDraft(draftFile.raw);
  if (checked.problems.length > 0) return refuse(`the draft ${draft} is not ready to merge`, checked.problems);

  // 3. The plan.
  const header = draftFile.notes["draft"] as { document?: unknown } | undefined;
  const plan = planMerge(
    {
      sources: located("sources", kb.sources),
      entities: located("entities", kb.entities),
      relations: located("relations", kb.relations),
      generatedFiles: new Set(Object.values(GENERATED_FILES)),
    },
    {
      file: draft,
      ...checked.records,
      document: typeof header?.document === "string" ? header.document : undefined,
      fallbackName: basename(draft).replace(/(\.draft)?\.ya?ml$/, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "merged",
    },
  );
  if (plan.problems.length > 0) return refuse(`the draft ${draft} does not match the data unambiguously`, plan.problems);

  // 4. The files, edited in memory, and the result validated.
  let changes: FileChange[];
  try {
    changes = editFiles(plan, source.read);
  } catch (error) {
    if (!(error instanceof UneditableFileError)) throw error;
    return refuse("a data file cannot be edited in place", [{ file: source.display(error.file), id: "-", field: "-", message: error.message.slice(error.file.length + 2) }]);
  }
  changes = changes.filter((c) => c.after !== c.before);
  const after = rawAfter(source, changes);
  const result = validateRecords(after, { awaitingGeocoding: new Set(plan.awaitingGeocoding) });
  if (!result.ok) {
    const origin = (p: DataProblem) => {
      const group = p.file.endsWith("sources.yaml") ? "sources" : basename(dirname(p.file));
      const from = plan.origins.get(`${group}:${p.id}`);
      return from === undefined ? p : { ...p, message: `${p.message} (the draft's ${from})` };
    };
    return refuse(`the merged data would not validate`, result.problems.map(origin));
  }
  const report = (written: boolean): MergeReport => {
    const files = reportFiles(plan, changes, source.display);
    for (const edit of plan.edits) {
      const file = files.find((f) => f.file === source.display(edit.file));
      const entity = kb.entities.find((e) => e.id === edit.id);
      for (const [index, entries] of edit.corroborations) {
        const claim = entity?.claims?.[index];
        const figure = claim ? `${claim.measure} ${claim.qualifier}${claim.count === undefined ? "" : ` ${claim.count}`}, account ${claim.account}` : "";
        file?.corroborations.push({ id: edit.id, claim: `claims.${index} (${figure})`, documents: entries.map((e) => e.document) });
      }
    }
    return {
      draft,
      dataDir: source.name,
      written,
      document: plan.document,
      files,
      matches: plan.matches,
      renames: plan.renames,
      alreadyPresent: plan.alreadyPresent,
      warnings: plan.warnings,
      awaitingGeocoding: plan.awaitingGeocoding,
    };
  };
  return { ok: true, plan, changes, after, knowledgeBase: result.knowledgeBase, report };
}

/** A data directory as a merge reads it. */
export function directorySource(dataDir: string, name: string): MergeSource {
  const root = resolve(dataDir);
  const display = (file: string) => relative(join(root, ".."), join(root, file));
  return {
    name,
    raw: readDataDirectory(root),
    relativeFile: (rawFile) => relative(root, join(root, "..", rawFile)),
    display,
    read: (file) => (existsSync(join(root, file)) ? readFileSync(join(root, file), "utf8") : null),
  };
}

export function mergeDraft(options: MergeOptions): MergeResult {
  const prepared = prepareMerge(directorySource(options.dataDir, options.dataDir), options.draft);
  if (!prepared.ok) return prepared;

  // 5. The write.
  if (!options.dryRun && prepared.changes.length > 0) {
    try {
      writeAllOrNothing(resolve(options.dataDir), prepared.changes);
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      return refuse("the data changed during the merge", [{ file: options.dataDir, id: "-", field: "-", message: error.message }]);
    }
  }
  return { ok: true, report: prepared.report(!options.dryRun && prepared.changes.length > 0) };
}
