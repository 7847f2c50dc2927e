/**
 * One draft, start to finish: read and check the text, load the graph,
 * draft, write the file atomically, and return a summary (or the error a
 * person should see). The command line runs it in a worker thread with a
 * ceiling on its heap (draft-worker.ts), so that a long text is drafted in
 * bounded memory: the garbage collector works harder instead of the heap
 * growing, and a text that cannot fit fails cleanly.
 */
import { basename } from "node:path";
import { DataValidationError, formatProblem } from "../loading/problems.js";
import { loadWithSnapshot } from "../loading/snapshot.js";
import { parsePublication } from "./publication.js";
import { draftText } from "./draft.js";
import type { DraftHeader } from "./draft.js";
import { writeDraftFile } from "./draft-file.js";
import { DraftInputError, readSourceText } from "./text-input.js";

export interface DraftJob {
  readonly text: string;
  readonly published: string;
  readonly title?: string | undefined;
  readonly output: string;
  /** The temporary file written before the rename (so that whoever started the job can remove it if the job dies). */
  readonly temporary: string;
  readonly dataDir: string;
}

export type DraftJobResult =
  | { readonly ok: true; readonly header: DraftHeader; readonly inferredYears: number; readonly seconds: number }
  | { readonly ok: false; readonly exitCode: 1 | 2; readonly lines: readonly string[] };

export async function runDraftJob(job: DraftJob): Promise<DraftJobResult> {
  const publication = parsePublication(job.published);
  if (publication === null) return { ok: false, exitCode: 2, lines: [`error: --published must be a real day written YYYY-MM-DD (got "${job.published}")`] };
  try {
    const source = readSourceText(job.text);
    const knowledgeBase = await loadWithSnapshot(job.dataDir, async () => (await import("../loading/load.js")).loadKnowledgeBase(job.dataDir));
    const started = performance.now();
    const draft = draftText({
      text: source.text,
      sha256: source.sha256,
      name: basename(job.text),
      publication,
      ...(job.title !== undefined ? { title: job.title } : {}),
      knowledgeBase,
      graphLabel: `${job.dataDir} (${knowledgeBase.entities.length} entities, ${knowledgeBase.relations.length} relations)`,
    });
    writeDraftFile(draft, job.output, job.temporary);
    return { ok: true, header: draft.header, inferredYears: draft.dates.filter((d) => d.yearInferred !== undefined).length, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    if (error instanceof DraftInputError) return { ok: false, exitCode: error.exitCode, lines: [`error: ${error.message}`] };
    if (error instanceof DataValidationError) {
      return { ok: false, exitCode: 1, lines: [...error.problems.map(formatProblem), `\n${error.problems.length} problem(s) in ${job.dataDir}: the graph to draft against does not validate; nothing was written.`] };
    }
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, exitCode: 1, lines: [`error: drafting failed${code ? ` (${code})` : ""}: ${(error as Error).message ?? String(error)}; nothing was written.`] };
  }
}
