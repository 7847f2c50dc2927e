/**
 * The retaliation chain of an event: what it answered, what that answered, and
 * so on back in time, plus what answered it, and so on forward, in date order.
 *
 * An event E that retaliates for P has an edge E -> P. The chain is E with the
 * closure of its outgoing edges (ancestors) and of its incoming edges
 * (descendants) of that one relation type; it does not wander sideways to
 * other answers to an ancestor. (In a cycle an event is both before and after.)
 *
 * The oracle: a plain walk over graphology, which the traversal index is held to.
 */
import type { Attributes } from "graphology-types";
import { BadInputError } from "../../../src/errors.js";
import { inDateOrder } from "../../../src/traversal/index.js";
import {
  budgetOption,
  createWalker,
  inducedEdges,
  Meter,
  reachable,
  requireNode,
  type EdgeAttributes,
  type RelationGraph,
} from "./walk.js";

export interface RetaliationChainOptions {
  /** The relation type linking an answer to what it answers; default "RETALIATES_FOR". */
  readonly relationType?: string | undefined;
  /** A sortable date (ISO 8601) for an event, or null when unknown. */
  readonly dateOf: (node: string) => string | null;
  /** The most edge visits (adjacency entries examined) the call may make, an integer >= 1; default no limit. */
  readonly budget?: number | undefined;
}

export interface RetaliationChain {
  /** The event and its chain, by date ascending, undated last, ties by key. */
  readonly events: string[];
  /** The events it answered, directly or through others (its ancestors), in `events` order. */
  readonly before: string[];
  /** The events that answered it, directly or through others (its descendants), in `events` order. */
  readonly after: string[];
  /** The edges of the relation type between returned events, by source then target in `events` order. */
  readonly edges: string[];
}

export function retaliationChain<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  eventId: string,
  options: RetaliationChainOptions,
): RetaliationChain {
  requireNode(graph, eventId);
  const relationType = options.relationType ?? "RETALIATES_FOR";
  if (typeof relationType !== "string" || relationType === "") {
    throw new BadInputError("relationType", "must be a non-empty relation type name");
  }
  if (typeof options.dateOf !== "function") throw new BadInputError("dateOf", "must be a function");
  const meter = new Meter("retaliationChain", budgetOption(options.budget));

  const types = new Set([relationType]);
  const ancestors = reachable(eventId, createWalker(graph, "forward", types, meter));
  const descendants = reachable(eventId, createWalker(graph, "backward", types, meter));
  const members = new Set([...ancestors, ...descendants]);

  const events = inDateOrder(members, options.dateOf);
  const answered = new Set(ancestors);
  const answeredBy = new Set(descendants);
  return {
    events,
    before: events.filter((event) => event !== eventId && answered.has(event)),
    after: events.filter((event) => event !== eventId && answeredBy.has(event)),
    edges: inducedEdges(graph, events, types, meter),
  };
}
