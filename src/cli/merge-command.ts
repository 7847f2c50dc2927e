/**
 * `merge DRAFT [--dry-run] [--data DIR]`: folds a reviewed draft into the
 * data directory (src/curation/merge/), or with --dry-run says what it would
 * change. Exit codes: 0 merged (or would merge), 1 refused (records still
 * proposed, an ambiguous match, a result that would not validate; nothing
 * written), 2 bad usage (no such draft or data directory).
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { BUNDLED_DATA_DIR } from "../paths.js";
import { formatProblem } from "../loading/problems.js";
import { mergeDraft } from "../curation/merge/merge-draft.js";
import type { MergeReport, MergeResult } from "../curation/merge/merge-draft.js";
import { EXIT, UsageError } from "./usage.js";
import type { Output } from "./usage.js";

export interface MergeCommandOptions {
  readonly draft: string;
  readonly dataDir: string;
  readonly dryRun: boolean;
  /** Merge into the PostgreSQL store DATABASE_URL names instead of the data directory. */
  readonly database?: boolean;
  /** Whether --data was given (it does not go with --database). */
  readonly dataGiven?: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function runMerge(options: MergeCommandOptions, out: Output): Promise<number> {
  if (!existsSync(options.draft)) throw new UsageError(`merge: no such draft file "${options.draft}"`);
  if (!statSync(options.draft).isFile()) throw new UsageError(`merge: "${options.draft}" is not a file`);
  if (options.database) {
    if (options.dataGiven) throw new UsageError("merge: give --database (the store DATABASE_URL names) or --data DIR, not both");
    const { requireDatabaseUrl, withDatabase } = await import("./db-command.js");
    const { describeDatabase } = await import("../database/connection.js");
    const { mergeIntoDatabase } = await import("../database/merge.js");
    const url = requireDatabaseUrl("merge --database");
    return withDatabase(url, out, async (client) => report(await mergeIntoDatabase(client, { draft: options.draft, name: describeDatabase(url), dryRun: options.dryRun }), out));
  }
  if (process.env["DATABASE_URL"] && !options.dataGiven) {
    throw new UsageError("merge: DATABASE_URL is set: give --database to merge into the store it names, or --data DIR to merge into a data directory");
  }
  if (!existsSync(options.dataDir) || !statSync(options.dataDir).isDirectory()) throw new UsageError(`--data: no such directory "${options.dataDir}"`);
  return report(mergeDraft(options), out);
}

function report(result: MergeResult, out: Output): number {
  if (!result.ok) {
    for (const problem of result.problems) out.error(formatProblem(problem));
    out.error(`\nNot merged: ${result.reason} (${plural(result.problems.length, "problem")}). Nothing was written.`);
    return EXIT.NOT_FOUND_OR_INVALID;
  }
  for (const line of describeMerge(result.report)) out.log(line);
  return EXIT.OK;
}

/** The report as lines: per file what is added, then what matched, what was renamed, and what to do next. */
export function describeMerge(report: MergeReport): string[] {
  const lines: string[] = [];
  const changed = report.files.length;
  if (changed === 0) lines.push(`Nothing to merge: the data in ${report.dataDir} already has everything ${report.draft} states.`);
  else if (report.written) lines.push(`Merged ${report.draft} into ${report.dataDir}: ${plural(changed, "file")} written.`);
  else lines.push(`Dry run: merging ${report.draft} into ${report.dataDir} would change ${plural(changed, "file")}; nothing was written.`);
  for (const file of report.files) {
    lines.push("", `${file.file}${file.created ? " (new file)" : ""}`);
    if (file.added.length > 0) lines.push(`  records added (${file.added.length}):`, ...file.added.map((id) => `    ${id}`));
    if (file.evidence.length > 0) {
      lines.push(`  evidence appended (${plural(file.evidence.reduce((n, e) => n + e.entries, 0), "entry", "entries")} on ${plural(file.evidence.length, "record")}):`);
      lines.push(...file.evidence.map((e) => `    ${e.id} +${e.entries}`));
    }
    if (file.corroborations.length > 0) {
      lines.push(`  corroborations added (${file.corroborations.length}):`);
      lines.push(...file.corroborations.map((c) => `    ${c.id} ${c.claim}: ${c.documents.join(", ")}`));
    }
    if (file.accounts.length > 0) {
      lines.push(`  accounts added (${file.accounts.length}):`);
      lines.push(...file.accounts.map((a) => `    ${a.id}: ${a.account} (${a.measure}, ${plural(a.claims, "claim")})`));
    }
    if (file.aliases.length > 0) {
      lines.push(`  aliases added (${file.aliases.length}):`);
      lines.push(...file.aliases.map((a) => `    ${a.id}: ${a.names.map((n) => JSON.stringify(n)).join(", ")}`));
    }
  }
  const matched = (group: string) => report.matches.filter((m) => m.group === group);
  const relations = matched("relations");
  const entities = matched("entities");
  const sources = matched("sources");
  lines.push("", `Matched in the data: ${plural(sources.length, "source document")}, ${plural(entities.length, "entity", "entities")}, ${plural(relations.length, "relation")} (the same type, source and target).`);
  for (const m of [...sources, ...entities]) lines.push(`  ${m.draftField} ${m.draftId} is ${m.id} (by ${m.by})`);
  if (report.alreadyPresent > 0) lines.push(`Already in the data, so not added again: ${plural(report.alreadyPresent, "evidence entry", "evidence entries")} (a passage of the same document the record already cites, or a claim's own document).`);
  if (report.renames.length > 0) {
    lines.push(`Renamed (${report.renames.length}), references remapped:`);
    lines.push(...report.renames.map((r) => `  ${r.group.replace(/s$/, "")} ${r.from} -> ${r.to}: ${r.why}`));
  }
  if (report.warnings.length > 0) lines.push(`Check (${report.warnings.length}):`, ...report.warnings.map((w) => `  ${w}`));
  if (report.awaitingGeocoding.length > 0) {
    lines.push(
      `Next: \`npm run geocode${resolve(report.dataDir) === BUNDLED_DATA_DIR ? "" : ` -- --data ${report.dataDir}`}\`: ${plural(report.awaitingGeocoding.length, "place or base", "places and bases")} added (${report.awaitingGeocoding.join(", ")}) need a location and a country; the data does not load until they have them.`,
    );
  }
  return lines;
}
