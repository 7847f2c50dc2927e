/**
 * `validate`: checks the data directory and prints counts per entity kind and
 * relation type; with `--source`, also checks every evidence excerpt against
 * the source document's text; with `--draft FILE`, validates a draft (records
 * `status: proposed`, see docs/drafting.md) together with the data it will
 * join and prints what a curator must still decide. Exit code 0 when valid
 * (warnings allowed), 1 when not, 2 on bad usage.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ENTITY_KINDS, RELATION_TYPE_NAMES } from "../model/ontology.js";
import { evidenceOf, validateRecords } from "../loading/validate.js";
import type { KnowledgeBase } from "../loading/validate.js";
import { readDataDirectory } from "../loading/read-files.js";
import type { RawData } from "../loading/read-files.js";
import { readDraftFile } from "../loading/read-draft.js";
import { reviewDraft } from "../drafting/review.js";
import type { EntityRecord, RelationRecord, SourceDocument } from "../model/records.js";
import { formatProblem } from "../loading/problems.js";
import { UsageError } from "./usage.js";
import type { Output } from "./usage.js";

export interface ValidateOptions {
  readonly dataDir: string;
  /** `path` or `documentId=path`. */
  readonly sources: readonly string[];
  /** A folder of document texts, each matched to its document by SHA-256. */
  readonly sourceDir?: string | undefined;
  /** A draft file to validate with the data. */
  readonly draft?: string | undefined;
}

interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly explicitId: string | null;
}

function readSource(spec: string): SourceFile {
  const eq = spec.indexOf("=");
  const explicitId = eq > 0 && !existsSync(spec) ? spec.slice(0, eq) : null;
  const path = explicitId === null ? spec : spec.slice(eq + 1);
  if (!existsSync(path)) throw new UsageError(`--source: no such file "${path}"`);
  return { path, text: readFileSync(path, "utf8"), explicitId };
}

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

interface SourceDirectory {
  /** Texts by document id. */
  readonly texts: Map<string, string>;
  /** Articles with no text in the folder (or no SHA-256 to find one by), each with why. */
  readonly missing: string[];
  /** Files matching no document, and entries that could not be read. */
  readonly unmatched: string[];
}

/** Finds each article's text in `dir` by the SHA-256 its record gives. */
function readSourceDirectory(dir: string, documents: ReadonlyArray<{ id: string; kind?: string; sha256?: string | undefined }>): SourceDirectory {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--source-dir: no such folder "${dir}"`);
  const byHash = new Map<string, string>();
  const unreadable: string[] = [];
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    try {
      if (statSync(path).isFile()) byHash.set(sha256(readFileSync(path)), path);
    } catch {
      unreadable.push(path);
    }
  }
  const texts = new Map<string, string>();
  const missing: string[] = [];
  const used = new Set<string>();
  for (const document of documents.filter((d) => (d.kind ?? "ARTICLE") === "ARTICLE")) {
    if (document.sha256 === undefined) {
      missing.push(`source document "${document.id}" records no sha256, so no text can be matched to it`);
      continue;
    }
    const path = byHash.get(document.sha256);
    if (path === undefined) {
      missing.push(`source document "${document.id}": no file in ${dir} has its SHA-256 (${document.sha256})`);
      continue;
    }
    try {
      texts.set(document.id, new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path)));
      used.add(path);
    } catch {
      missing.push(`source document "${document.id}": ${path} is not UTF-8 text`);
    }
  }
  return { texts, missing, unmatched: [...[...byHash.values()].filter((path) => !used.has(path)), ...unreadable.map((path) => `${path} (unreadable)`)] };
}

/** Decides which source document each --source file is, by explicit id, by hash, or as the only article. */
function matchSources(files: readonly SourceFile[], documents: ReadonlyArray<{ id: string; kind?: string; sha256?: string | undefined }>, out: Output) {
  const texts = new Map<string, string>();
  const articles = documents.filter((d) => (d.kind ?? "ARTICLE") === "ARTICLE");
  for (const file of files) {
    const hash = sha256(file.text);
    const doc =
      (file.explicitId !== null ? documents.find((d) => d.id === file.explicitId) : undefined) ??
      (file.explicitId === null ? documents.find((d) => d.sha256 === hash) : undefined) ??
      (file.explicitId === null && articles.length === 1 ? articles[0] : undefined);
    if (!doc) {
      const known = documents.map((d) => d.id).join(", ");
      throw new UsageError(
        file.explicitId !== null
          ? `--source: no source document "${file.explicitId}" (known: ${known})`
          : `--source: cannot tell which source document "${file.path}" is; write --source <document-id>=<path> (known: ${known})`,
      );
    }
    if (doc.sha256 && doc.sha256 !== hash) {
      out.log(`note: ${file.path} differs from the text recorded for "${doc.id}" (sha256 ${hash.slice(0, 12)}..., recorded ${doc.sha256.slice(0, 12)}...)`);
    }
    texts.set(doc.id, file.text);
  }
  return texts;
}

function countBy<T extends string>(names: readonly T[], values: readonly T[]): Array<[T, number]> {
  return names.map((name) => [name, values.filter((v) => v === name).length] as [T, number]).filter(([, n]) => n > 0);
}

function printSummary(kb: KnowledgeBase, files: number, out: Output) {
  out.log(`Valid: ${kb.entities.length} entities, ${kb.relations.length} relations, ${kb.sources.length} source document(s) in ${files} files.`);
  out.log("\nEntities by kind:");
  for (const [kind, n] of countBy(ENTITY_KINDS, kb.entities.map((e) => e.kind))) out.log(`  ${kind.padEnd(20)} ${String(n).padStart(5)}`);
  out.log("\nRelations by type:");
  for (const [type, n] of countBy(RELATION_TYPE_NAMES, kb.relations.map((r) => r.type))) out.log(`  ${type.padEnd(20)} ${String(n).padStart(5)}`);
}

export function runValidate(options: ValidateOptions, out: Output): number {
  if (options.draft !== undefined) return runValidateDraft(options, options.draft, out);
  const raw = readDataDirectory(options.dataDir);
  const documents = raw.records
    .filter((r) => r.group === "sources")
    .map((r) => r.value as { id: string; kind?: string; sha256?: string });
  const sourceFiles = options.sources.map(readSource);
  const sourceTexts = matchSources(sourceFiles, documents, out);
  const folder = options.sourceDir === undefined ? null : readSourceDirectory(options.sourceDir, documents);
  for (const [id, text] of folder?.texts ?? []) if (!sourceTexts.has(id)) sourceTexts.set(id, text);

  const result = validateRecords(raw, { sourceTexts });
  if (!result.ok) {
    for (const problem of result.problems) out.error(formatProblem(problem));
    out.error(`\n${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${options.dataDir}; nothing was loaded.`);
    return 1;
  }
  if (folder !== null && folder.missing.length > 0) {
    for (const problem of folder.missing) out.error(problem);
    out.error(`\n${folder.missing.length} source document${folder.missing.length === 1 ? "" : "s"} without a text in ${options.sourceDir}: their excerpts were not checked.`);
    return 1;
  }
  printSummary(result.knowledgeBase, raw.files.length, out);
  for (const path of folder?.unmatched ?? []) out.log(`note: ${path} is the text of no source document`);
  if (sourceTexts.size > 0) {
    const excerpts = [...result.knowledgeBase.entities, ...result.knowledgeBase.relations]
      .flatMap(evidenceOf)
      .filter(({ evidence }) => sourceTexts.has(evidence.document)).length;
    const checked = [...sourceFiles.map((f) => f.path), ...(folder ? [...folder.texts.keys()].filter((id) => !sourceFiles.some((f) => f.explicitId === id)).map((id) => `${id} (from ${options.sourceDir})`) : [])];
    out.log(`\nEvidence: all ${excerpts} excerpts occur verbatim, at their positions, in ${checked.join(", ")}.`);
  } else {
    out.log("\nEvidence: structure only (pass --source <path to the article> to check excerpts against its text).");
  }
  const gazetteers = new Set(result.knowledgeBase.sources.filter((s) => s.kind === "GAZETTEER").map((s) => s.id));
  if (gazetteers.size > 0) {
    const cited = [...result.knowledgeBase.entities, ...result.knowledgeBase.relations].flatMap(evidenceOf).filter(({ evidence }) => gazetteers.has(evidence.document)).length;
    const coordinates = result.knowledgeBase.locations.filter((l) => l.coordinates).length;
    out.log(`Gazetteer: ${cited + coordinates} excerpts cite ${[...gazetteers].join(", ")}; \`npm run geocode -- --check\` checks them against the installed gazetteer.`);
  }
  return 0;
}

/** `validate --draft FILE`: the draft's records with the data's, proposed records allowed; then what is left to decide. */
function runValidateDraft(options: ValidateOptions, path: string, out: Output): number {
  if (!existsSync(path)) throw new UsageError(`--draft: no such file "${path}"`);
  const data = readDataDirectory(options.dataDir);
  const draft = readDraftFile(path);
  const raw: RawData = {
    records: [...data.records, ...draft.raw.records],
    problems: [...data.problems, ...draft.raw.problems],
    files: [...data.files, ...draft.raw.files],
    unreadable: new Set([...data.unreadable, ...draft.raw.unreadable]),
  };
  const documents = raw.records.filter((r) => r.group === "sources").map((r) => r.value as { id: string; kind?: string; sha256?: string });
  const sourceTexts = matchSources(options.sources.map(readSource), documents, out);
  const result = validateRecords(raw, { sourceTexts, allowProposed: true });
  if (!result.ok) {
    for (const problem of result.problems) out.error(formatProblem(problem));
    out.error(`\n${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in the draft ${path} (validated with ${options.dataDir}).`);
    return 1;
  }
  const ids = new Set(draft.raw.records.map((r) => (r.value as { id?: string }).id));
  const kb = result.knowledgeBase;
  const mine = {
    sources: kb.sources.filter((s): s is SourceDocument => ids.has(s.id)),
    entities: kb.entities.filter((e): e is EntityRecord => ids.has(e.id)),
    relations: kb.relations.filter((r): r is RelationRecord => ids.has(r.id)),
    notes: draft.notes,
  };
  out.log(`Valid draft: ${path}, ${mine.entities.length} entities, ${mine.relations.length} relations and ${mine.sources.length} source document(s), with ${options.dataDir} (${kb.entities.length - mine.entities.length} entities, ${kb.relations.length - mine.relations.length} relations).`);
  if (sourceTexts.size > 0) out.log(`Evidence: every excerpt occurs verbatim in ${options.sources.join(", ")}.`);
  out.log("");
  for (const line of reviewDraft(mine, kb)) out.log(line);
  return 0;
}
