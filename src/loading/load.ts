/**
 * Loading as one call: read a data directory, validate everything, and either
 * return the validated knowledge base or throw with every problem found.
 */
import { BUNDLED_DATA_DIR } from "../paths.js";
import { DataValidationError } from "./problems.js";
import { readDataDirectory } from "./read-files.js";
import { validateRecords } from "./validate.js";
import type { KnowledgeBase, ValidationOptions } from "./validate.js";

export { BUNDLED_DATA_DIR };

export function loadKnowledgeBase(dataDir: string = BUNDLED_DATA_DIR, options: ValidationOptions = {}): KnowledgeBase {
  const result = validateRecords(readDataDirectory(dataDir), options);
  if (!result.ok) throw new DataValidationError(result.problems);
  return result.knowledgeBase;
}
