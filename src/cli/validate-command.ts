/**
 * `validate`: checks the data directory and prints counts per entity kind and
 * relation type; with `--source`, also checks every evidence excerpt against
 * the source document's text; with `--draft FILE`, validates a draft (records
 * `status: proposed`, see docs/drafting.md) together with the data it will
 * join and prints what a curator must still decide. Exit code 0 when valid
 * (warnings allowed), 1 when not, 2 on bad usage.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
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

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

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

  const result = validateRecords(raw, { sourceTexts });
  if (!result.ok) {
    for (const problem of result.problems) out.error(formatProblem(problem));
    out.error(`\n${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${options.dataDir}; nothing was loaded.`);
    return 1;
  }
  printSummary(result.knowledgeBase, raw.files.length, out);
  if (sourceTexts.size > 0) {
    const excerpts = [...result.knowledgeBase.entities, ...result.knowledgeBase.relations]
      .flatMap(evidenceOf)
      .filter(({ evidence }) => sourceTexts.has(evidence.document)).length;
    out.log(`\nEvidence: all ${excerpts} excerpts occur verbatim, at their positions, in ${sourceFiles.map((f) => f.path).join(", ")}.`);
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
