/**
 * The worker thread a draft runs in (see draft-job.ts): takes the job from
 * workerData, posts back the result.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runDraftJob } from "./draft-job.js";
import type { DraftJob } from "./draft-job.js";

parentPort!.postMessage(await runDraftJob(workerData as DraftJob));
