/**
 * Loading as one call: read a data directory, validate everything, and either
 * return the validated knowledge base or throw with every problem found.
 */
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import { DataValidationError } from "./problems.js";
import { readDataDirectory } from "./read-files.js";
import { validateRecords } from "./validate.js";
import type { KnowledgeBase, ValidationOptions } from "./validate.js";

/** The data bundled with the product: `data/` at the package root. */
export const BUNDLED_DATA_DIR = join(PACKAGE_ROOT, "data");

export function loadKnowledgeBase(dataDir: string = BUNDLED_DATA_DIR, options: ValidationOptions = {}): KnowledgeBase {
  const result = validateRecords(readDataDirectory(dataDir), options);
  if (!result.ok) throw new DataValidationError(result.problems);
  return result.knowledgeBase;
}
