/**
 * The neighbourhood of an entity: everything within `depth` hops, breadth
 * first, and the relations among what was found ("what is around X?").
 */
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

  const { neighbor, type } = index;
  const scratch = scratchFor(index);
  const low = index.low[direction];
  const high = index.high[direction];
  const { stamp: seen } = scratch.fromStart;
  const generation = scratch.fromStart.clear();
  const distance = scratch.distanceFromStart;
  const queue = scratch.startQueue;
  seen[start] = generation;
  distance[start] = 0;
  queue[0] = start;
  let count = 1;
  let truncated = false;
  for (let i = 0; i < count && !truncated; i++) {
    const u = queue[i]!;
    const next = distance[u]! + 1;
    if (next > depth) break;
    const a = low[u]!;
    const b = high[u]!;
    const stop = budget.stop(a, b);
    let j = a;
    for (; j < stop; j++) {
      if (allowed !== null && allowed[type[j]!] === 0) continue;
      const v = neighbor[j]!;
      if (seen[v] === generation) continue;
      if (count >= limit) {
        truncated = true;
        break;
      }
      seen[v] = generation;
      distance[v] = next;
      queue[count++] = v;
    }
    budget.scanned(a, j, stop, b);
  }

  const members = Array.from(queue.subarray(0, count));
  const nodes = members.map((v) => ({ id: index.nodeKeys[v]!, depth: distance[v]! }));
  return { nodes, edges: inducedRelations(index, members, allowed, budget), truncated };
}
