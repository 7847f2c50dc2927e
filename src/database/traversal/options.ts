/**
 * The keys and options of a push-down call, checked in the order the
 * in-memory traversals check them, with their checks (src/traversal/options.ts):
 * the entity ids first, all in one query (NotFoundError for the first
 * unknown one), then each option (BadInputError naming it), before any walk.
 */
import { NotFoundError } from "../../errors.js";
import { budgetOption, directionOption, relationTypeNames, reverseCode, type DirectionCode, type WalkOptions } from "../../traversal/options.js";
import { PushdownBudget } from "./budget.js";
import { existingEntities, type Queryable } from "./sql.js";

/** NotFoundError for the first of `keys` that is not an entity id; with `degrees`, each one's out- and in-degree (every type). */
export async function requireEntities(db: Queryable, keys: readonly string[], degrees = false): Promise<Map<string, { out: number; in: number }>> {
  const ids = [...new Set(keys.filter((key) => typeof key === "string"))];
  const found = ids.length === 0 ? new Map() : await existingEntities(db, ids, degrees);
  for (const key of keys) if (typeof key !== "string" || !found.has(key)) throw new NotFoundError("entity", String(key));
  return found;
}

export interface Walking {
  readonly direction: DirectionCode;
  /** The direction a walk toward the start takes. */
  readonly back: DirectionCode;
  /** Relation types followed, or null for every type. */
  readonly types: readonly string[] | null;
  readonly budget: PushdownBudget;
}

/** The walk options, checked; the budget named after the operation. */
export function walking(options: WalkOptions, operation: string): Walking {
  const direction = directionOption(options.direction);
  const types = relationTypeNames(options.relationTypes);
  return { direction, back: reverseCode(direction), types, budget: new PushdownBudget(operation, budgetOption(options.budget)) };
}
