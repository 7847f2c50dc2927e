/**
 * The k shortest simple paths between two entities, shortest first, up to a
 * length bound: one length at a time, by depth-first search that follows a
 * branch at depth d through v only when d + dist(v, to) fits, so hubs far from
 * the target are never expanded. Distances to the target are explored only
 * ceil(L / 2) hops out for length L, and bounded from below beyond. Within a
 * length, paths come in the order the search meets them (adjacency order).
 */
import { BreadthFirst } from "./breadth-first.js";
import { integerOption, pathSearch, reverseCode, type WalkOptions } from "./options.js";
import { pathAlong, stepsBetween, trivialPath, type Path } from "./path.js";
import { scratchFor } from "./scratch.js";
import type { TraversalIndex } from "./traversal-index.js";

export interface KShortestPathsOptions extends WalkOptions {
  /** Longest path returned, in edges, an integer >= 1; default 4. */
  readonly maxLength?: number | undefined;
  /** Most paths returned, an integer >= 1; default 10. */
  readonly limit?: number | undefined;
}

export function kShortestPaths(index: TraversalIndex, from: string, to: string, options: KShortestPathsOptions = {}): Path[] {
  const { source, target, direction, allowed, budget } = pathSearch(index, from, to, options, "kShortestPaths");
  const maxLength = integerOption("maxLength", options.maxLength, 4, 1);
  const limit = integerOption("limit", options.limit, 10, 1);
  if (source === target) return [trivialPath(from)];

  const { neighbor, type } = index;
  const scratch = scratchFor(index);

  // Distances to the target, explored one layer at a time only as far as asked.
  const toTarget = new BreadthFirst(index, reverseCode(direction), allowed, scratch.toTarget, scratch.distanceToTarget, scratch.targetQueue, target, budget);
  /** The exact distance where explored, else the least it can be (Infinity when unreachable). */
  const atLeast = (v: number): number => (toTarget.has(v) ? toTarget.distance[v]! : toTarget.exhausted ? Infinity : toTarget.depth + 1);

  const low = index.low[direction];
  const high = index.high[direction];
  const n = index.order;
  const onPath = scratch.onPath.stamp;
  const paths: Path[] = [];
  const pathsOfLength = (length: number): void => {
    const onPathGeneration = scratch.onPath.clear();
    // The steps from a node after which `left` edges remain to reach the target, whatever the path so far.
    const memo = new Map<number, number[]>();
    const continuations = (node: number, left: number): number[] => {
      const key = left * n + node;
      let steps = memo.get(key);
      if (steps !== undefined) return steps;
      steps = [];
      if (left === 0) {
        stepsBetween(index, node, target, direction, allowed, false, steps, budget);
      } else {
        const a = low[node]!;
        const b = high[node]!;
        const stop = budget.stop(a, b);
        let j = a;
        for (; j < stop; j++) {
          if (allowed !== null && allowed[type[j]!] === 0) continue;
          const v = neighbor[j]!;
          if (v !== target && atLeast(v) <= left) steps.push(j);
        }
        budget.scanned(a, j, stop, b);
      }
      memo.set(key, steps);
      return steps;
    };

    onPath[source] = onPathGeneration;
    const path: number[] = [];
    const frameSteps: number[][] = [continuations(source, length - 1)];
    const frameNext: number[] = [0];
    while (frameSteps.length > 0) {
      const top = frameSteps.length - 1;
      const steps = frameSteps[top]!;
      const next = frameNext[top]!;
      if (next >= steps.length) {
        frameSteps.pop();
        frameNext.pop();
        const left = path.pop();
        if (left !== undefined) onPath[neighbor[left]!] = 0;
        continue;
      }
      frameNext[top] = next + 1;
      budget.charge(1);
      const entry = steps[next]!;
      const v = neighbor[entry]!;
      if (v === target) {
        path.push(entry);
        paths.push(pathAlong(index, source, path));
        path.pop();
        if (paths.length >= limit) return;
      } else if (onPath[v] !== onPathGeneration) {
        path.push(entry);
        onPath[v] = onPathGeneration;
        frameSteps.push(continuations(v, length - path.length - 1));
        frameNext.push(0);
      }
    }
  };

  for (let length = 1; length <= maxLength && paths.length < limit; length++) {
    toTarget.reach(Math.ceil(length / 2));
    const shortest = atLeast(source);
    if (shortest === Infinity) break;
    if (shortest <= length) pathsOfLength(length);
  }
  return paths;
}
