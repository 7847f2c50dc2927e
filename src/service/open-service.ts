/**
 * The service over a data directory for the command line and the server:
 * from a snapshot of the validated data when one is current (see
 * loading/snapshot.ts), else validated in full, which loads the YAML parser
 * and the schemas only then. Throws DataValidationError on invalid data.
 */
import { loadWithSnapshot } from "../loading/snapshot.js";
import { BUNDLED_DATA_DIR } from "../paths.js";
import { createKnowledge } from "./knowledge.js";
import { KnowledgeService } from "./knowledge-service.js";
import { LIMITS } from "./limits.js";

export async function openService(dataDir: string = BUNDLED_DATA_DIR): Promise<KnowledgeService> {
  const knowledgeBase = await loadWithSnapshot(dataDir, async () => (await import("../loading/load.js")).loadKnowledgeBase(dataDir));
  return new KnowledgeService(createKnowledge(knowledgeBase), { traversalBudget: LIMITS.traversalBudget });
}
