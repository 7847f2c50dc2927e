/**
 * The neighbourhood of an entity: everything within `depth` hops, breadth
 * first, and the relations among what was found ("what is around X?").
 */
import { BreadthFirst } from "./breadth-first.js";
import { Budget } from "./budget.js";
import { inducedRelations } from "./induced-relations.js";
import { budgetOption, directionOption, integerOption, relationTypesOption, requireNode, type WalkOptions } from "./options.js";
import { scratchFor } from "./scratch.js";
import type { TraversalIndex } from "./traversal-index.js";

export interface NeighborhoodOptions extends WalkOptions {
  /** Hops from the start, an integer >= 0; default 1. */
  readonly depth?: number | undefined;
  /** Most nodes returned, start included, an integer >= 1; default 100. */
  readonly limit?: number | undefined;
}

export interface Neighborhood {
  /** Breadth-first, the start first, each with its hops from the start. */
  readonly nodes: Array<{ readonly id: string; readonly depth: number }>;
  /** Every relation of an allowed type between two returned nodes (see inducedRelations for the order). */
  readonly edges: string[];
  /** True when a reachable node was left out because of `limit`. */
  readonly truncated: boolean;
}

export function neighborhood(index: TraversalIndex, id: string, options: NeighborhoodOptions = {}): Neighborhood {
  const start = requireNode(index, id);
  const depth = integerOption("depth", options.depth, 1, 0);
  const limit = integerOption("limit", options.limit, 100, 1);
  const direction = directionOption(options.direction);
  const allowed = relationTypesOption(index, options.relationTypes);
  const budget = new Budget("neighborhood", budgetOption(options.budget));

  const scratch = scratchFor(index);
  const search = new BreadthFirst(index, direction, allowed, scratch.fromStart, scratch.distanceFromStart, scratch.startQueue, start, budget, limit);
  search.reach(depth);
  const { queue, distance, count, truncated } = search;
  const members = Array.from(queue.subarray(0, count));
  const nodes = members.map((v) => ({ id: index.nodeKeys[v]!, depth: distance[v]! }));
  return { nodes, edges: inducedRelations(index, members, allowed, budget), truncated };
}
