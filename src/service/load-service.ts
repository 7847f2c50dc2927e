/**
 * The service over a data directory (the bundled data by default), with the
 * API's traversal budget, validating every time (tests, benchmarks); see
 * open-service.ts for the command line's and the server's way.
 */
import { loadKnowledgeBase } from "../loading/load.js";
import { createKnowledge } from "./knowledge.js";
import { KnowledgeService } from "./knowledge-service.js";
import { LIMITS } from "./limits.js";

export function loadService(dataDir?: string): KnowledgeService {
  return new KnowledgeService(createKnowledge(loadKnowledgeBase(dataDir)), { traversalBudget: LIMITS.traversalBudget });
}
