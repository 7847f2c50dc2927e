/**
 * What every traversal accepts, and how it is checked: which way relations may
 * be walked, which relation types, and how much work the call may do. Each
 * check throws NotFoundError for an unknown key and BadInputError naming the
 * option, before any work is done.
 */
import { BadInputError, NotFoundError } from "../errors.js";
import { Budget } from "./budget.js";
import { BACKWARD, EITHER, FORWARD, type DirectionCode, type TraversalIndex } from "./traversal-index.js";

export { BACKWARD, EITHER, FORWARD, type DirectionCode };

/** "forward" walks a relation from source to target, "backward" from target to source, "either" both. */
export type Direction = "forward" | "backward" | "either";
export const DIRECTIONS: readonly Direction[] = ["forward", "backward", "either"];


export interface WalkOptions {
  /** Relation types to follow; undefined or empty follows every type. */
  readonly relationTypes?: readonly string[] | null | undefined;
  /** Default "either". */
  readonly direction?: Direction | undefined;
  /** The most edge visits the call may make, an integer >= 1; default no limit (see Budget). */
  readonly budget?: number | undefined;
}

export const reverseCode = (direction: DirectionCode): DirectionCode => (direction === FORWARD ? BACKWARD : direction === BACKWARD ? FORWARD : EITHER);

/** The node's index; NotFoundError when the index has no such node. */
export function requireNode(index: TraversalIndex, key: string): number {
  const node = typeof key === "string" ? index.nodeIndex(key) : -1;
  if (node < 0) throw new NotFoundError("entity", String(key));
  return node;
}

/** An integer option `>= min`, or its default when not given. */
export function integerOption(name: string, value: number | null | undefined, fallback: number, min: number): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < min) throw new BadInputError(name, `must be an integer >= ${min} (got ${String(value)})`);
  return resolved;
}

export function directionOption(value: Direction | null | undefined): DirectionCode {
  const resolved = value ?? "either";
  const code = DIRECTIONS.indexOf(resolved);
  if (code < 0) throw new BadInputError("direction", `must be one of ${DIRECTIONS.map((d) => `"${d}"`).join(", ")} (got ${JSON.stringify(value)})`);
  return code as DirectionCode;
}

/** The relation type names a walk may follow, or null for every type (none given, or an empty list). */
export function relationTypeNames(value: readonly string[] | null | undefined): readonly string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((type) => typeof type !== "string")) throw new BadInputError("relationTypes", "must be a list of relation type names");
  return value.length === 0 ? null : value;
}

/** The relation type ids a walk may follow (1 = allowed), or null for every type. */
export function relationTypesOption(index: TraversalIndex, value: readonly string[] | null | undefined): Uint8Array | null {
  const names = relationTypeNames(value);
  return names === null ? null : index.allowedTypes(names);
}

/** The `budget` option: an integer >= 1, or Infinity (no limit) when not given. */
export function budgetOption(value: number | null | undefined): number {
  return value === undefined || value === null ? Infinity : integerOption("budget", value, 1, 1);
}

/** A path search's endpoints and walk options, checked; its budget named after the operation. */
export function pathSearch(index: TraversalIndex, from: string, to: string, options: WalkOptions, operation: string) {
  return {
    source: requireNode(index, from),
    target: requireNode(index, to),
    direction: directionOption(options.direction),
    allowed: relationTypesOption(index, options.relationTypes),
    budget: new Budget(operation, budgetOption(options.budget)),
  };
}
