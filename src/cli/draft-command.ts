/**
 * `draft TEXT --published YYYY-MM-DD [--title T] [--output FILE] [--data DIR]`:
 * drafts records from a new text against the graph of the data directory
 * (src/drafting/) and writes them, every one `status: proposed`, to one YAML
 * file, atomically. The drafting runs in a worker thread whose heap is capped
 * at DRAFT_HEAP_MB, so that a long text is drafted in bounded memory (where
 * no worker can run, as under the test runner, it runs in this thread).
 * Exit codes: 0 written (warnings printed), 1 the text or the data cannot be
 * drafted from (empty, binary, not UTF-8, too large, invalid data, a failed
 * write), 2 bad usage. Never a stack trace, never a partly written file.
 */
import { existsSync, realpathSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { DraftJob, DraftJobResult } from "../drafting/draft-job.js";
import { parsePublication } from "../drafting/publication.js";
import { temporaryPath } from "../drafting/draft-file.js";
import { EXIT, UsageError } from "./usage.js";
import type { Output } from "./usage.js";

export interface DraftOptions {
  readonly text: string;
  readonly published: string | undefined;
  readonly title: string | undefined;
  readonly output: string | undefined;
  readonly dataDir: string;
}

/** The old-generation heap a draft may use, in MB (CONFLICT_GRAPH_DRAFT_HEAP_MB; a 10 MB text needs about 110 MB of it). */
export const DRAFT_HEAP_MB = Number(process.env["CONFLICT_GRAPH_DRAFT_HEAP_MB"]) || 128;

/** The default output: the text's name with `.draft.yaml`, in the current directory. */
export const defaultOutput = (text: string) => `${basename(text, extname(text))}.draft.yaml`;

/**
 * The worker's module, of this module's kind: compiled JavaScript, or
 * TypeScript (run from the sources, with tsx), which the worker loads by
 * registering tsx itself (a worker does not inherit the loaders of its
 * parent). Null when the worker is turned off (CONFLICT_GRAPH_DRAFT_WORKER=off).
 */
function workerModule(): { file: string; typescript: boolean } | null {
  if (process.env["CONFLICT_GRAPH_DRAFT_WORKER"] === "off") return null;
  const here = fileURLToPath(import.meta.url);
  const extension = extname(here);
  const file = join(dirname(here), "..", "drafting", `draft-worker${extension}`);
  return existsSync(file) ? { file, typescript: extension === ".ts" } : null;
}

function inWorker(module: { file: string; typescript: boolean }, job: DraftJob): Promise<DraftJobResult> {
  const tsx = module.typescript ? pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist", "esm", "api", "index.mjs")).href : null;
  const boot = `(async () => { ${tsx ? `(await import(${JSON.stringify(tsx)})).register();` : ""} await import(${JSON.stringify(pathToFileURL(module.file).href)}); })().catch((error) => { throw error; });`;
  return new Promise((resolvePromise) => {
    const worker = new Worker(boot, { eval: true, workerData: job, resourceLimits: { maxOldGenerationSizeMb: DRAFT_HEAP_MB } });
    let settled = false;
    const settle = (result: DraftJobResult) => {
      if (settled) return;
      settled = true;
      resolvePromise(result);
    };
    worker.once("message", (result: DraftJobResult) => settle(result));
    worker.once("error", (error: NodeJS.ErrnoException) => {
      settle({
        ok: false,
        exitCode: 1,
        lines: [
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `error: the text needs more than the ${DRAFT_HEAP_MB} MB of memory a draft may use: split it and draft the parts; nothing was written.`
            : `error: drafting failed: ${error.message}; nothing was written.`,
        ],
      });
    });
    worker.once("exit", (code) => settle({ ok: false, exitCode: 1, lines: [`error: drafting stopped (exit code ${code}); nothing was written.`] }));
  });
}

export async function runDraft(options: DraftOptions, out: Output): Promise<number> {
  if (options.published === undefined) throw new UsageError("draft needs --published YYYY-MM-DD: the day the text was published (the years it leaves out are inferred from it)");
  if (parsePublication(options.published) === null) throw new UsageError(`--published must be a real day written YYYY-MM-DD, between 1900 and 2100 (got "${options.published}")`);
  if (options.title !== undefined && options.title.trim() === "") throw new UsageError("--title must not be empty");
  const output = resolve(options.output ?? defaultOutput(options.text));
  if (!existsSync(dirname(output)) || !statSync(dirname(output)).isDirectory()) throw new UsageError(`--output: no such directory "${dirname(output)}"`);
  if (existsSync(output) && statSync(output).isDirectory()) throw new UsageError(`--output: "${output}" is a directory`);
  if (existsSync(options.text) && existsSync(output) && realpathSync(options.text) === realpathSync(output)) throw new UsageError("--output would overwrite the text itself");

  const job: DraftJob = { text: options.text, published: options.published, title: options.title?.trim(), output, temporary: temporaryPath(output), dataDir: options.dataDir };
  const worker = workerModule();
  let result: DraftJobResult;
  try {
    result = worker !== null ? await inWorker(worker, job) : await (await import("../drafting/draft-job.js")).runDraftJob(job);
  } finally {
    rmSync(job.temporary, { force: true });
  }
  if (!result.ok) {
    for (const line of result.lines) out.error(line);
    return result.exitCode;
  }
  const { counts, warnings, document } = result.header;
  out.log(`Wrote ${output} in ${result.seconds.toFixed(1)} s:`);
  out.log(`  proposed: ${counts["entities"]} entities, ${counts["events"]} events, ${counts["claims"]} claims, ${counts["relations"]} relations${counts["sources"] ? ", 1 source document" : ` (the text is source document "${document}")`}`);
  out.log(`  noted: ${counts["mentions"]} mentions of entities the graph has, ${counts["dates"]} dates (${result.inferredYears} with an inferred year), ${counts["undecided"]} findings left undecided`);
  for (const warning of warnings) out.error(`warning: ${warning}`);
  out.log(`Review it, then: conflict-graph validate --draft ${options.output ?? defaultOutput(options.text)}`);
  return EXIT.OK;
}
