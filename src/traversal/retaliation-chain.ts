/**
 * The retaliation chain of an event, in date order: what it answered, what
 * that answered, and so on back, and what answered it, and so on forward. An
 * event E that retaliates for P has an edge E -> P; the chain is E with the
 * closure of its outgoing (ancestors) and incoming (descendants) edges of that
 * one type, never sideways. (In a cycle an event is both before and after.)
 */
import { BadInputError } from "../errors.js";
import { BreadthFirst } from "./breadth-first.js";
import { Budget } from "./budget.js";
import { inducedRelations } from "./induced-relations.js";
import { BACKWARD, budgetOption, FORWARD, requireNode, type DirectionCode } from "./options.js";
import { scratchFor, type Marks } from "./scratch.js";
import type { TraversalIndex } from "./traversal-index.js";

export interface RetaliationChainOptions {
  /** The relation type linking an answer to what it answers; default "RETALIATES_FOR". */
  readonly relationType?: string | undefined;
  /** A sortable date (ISO 8601) for an event, or null when unknown. */
  readonly dateOf: (node: string) => string | null;
  /** The most edge visits the call may make, an integer >= 1; default no limit. */
  readonly budget?: number | undefined;
}

export interface RetaliationChain {
  /** The event and its chain, by date ascending, undated last, ties by key. */
  readonly events: string[];
  /** The events it answered, directly or through others (its ancestors), in `events` order. */
  readonly before: string[];
  /** The events that answered it, directly or through others (its descendants), in `events` order. */
  readonly after: string[];
  /** The relations of the type between returned events, by source then target in `events` order. */
  readonly edges: string[];
}

/** Events by date ascending (each date asked once), undated last, ties by key. */
export function inDateOrder(events: Iterable<string>, dateOf: (node: string) => string | null): string[] {
  const dates = new Map<string, string | null>();
  for (const event of events) dates.set(event, dateOf(event));
  return [...dates.keys()].sort((a, b) => {
    const [dateA, dateB] = [dates.get(a) ?? null, dates.get(b) ?? null];
    if (dateA !== dateB) return dateA === null ? 1 : dateB === null ? -1 : dateA < dateB ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export function retaliationChain(index: TraversalIndex, eventId: string, options: RetaliationChainOptions): RetaliationChain {
  const event = requireNode(index, eventId);
  const relationType = options.relationType ?? "RETALIATES_FOR";
  if (typeof relationType !== "string" || relationType === "") throw new BadInputError("relationType", "must be a non-empty relation type name");
  if (typeof options.dateOf !== "function") throw new BadInputError("dateOf", "must be a function");
  const budget = new Budget("retaliationChain", budgetOption(options.budget));

  const allowed = index.allowedTypes([relationType]);
  const scratch = scratchFor(index);
  const reachable = (direction: DirectionCode, seen: Marks, distance: Int32Array, queue: Int32Array): string[] => {
    const search = new BreadthFirst(index, direction, allowed, seen, distance, queue, event, budget);
    search.reach(Infinity);
    return Array.from(queue.subarray(0, search.count), (v) => index.nodeKeys[v]!);
  };
  const answered = reachable(FORWARD, scratch.fromStart, scratch.distanceFromStart, scratch.startQueue);
  const answeredBy = reachable(BACKWARD, scratch.toTarget, scratch.distanceToTarget, scratch.targetQueue);
  // From here on `dateOf` runs, which may use the index: nothing is read from the scratch again.
  const events = inDateOrder([...answered, ...answeredBy], options.dateOf);
  const before = new Set(answered);
  const after = new Set(answeredBy);
  return {
    events,
    before: events.filter((member) => member !== eventId && before.has(member)),
    after: events.filter((member) => member !== eventId && after.has(member)),
    edges: inducedRelations(index, events.map((member) => index.nodeIndex(member)), allowed, budget),
  };
}
