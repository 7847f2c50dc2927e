/**
 * Paths as traversals return them, and the walk steps between two given
 * nodes (for the last step of a path, and for hubs in induced subgraphs).
 */
import type { Budget } from "./budget.js";
import { BACKWARD, FORWARD, type DirectionCode } from "./options.js";
import { firstRun, isHub, type TraversalIndex } from "./traversal-index.js";

/** One relation walked on a path; `reversed` when walked from its target to its source. */
export interface Step {
  readonly edge: string;
  readonly from: string;
  readonly to: string;
  readonly reversed: boolean;
}

/** A walk from `nodes[0]` to the last node; `steps[i]` leads from `nodes[i]` to `nodes[i + 1]`. */
export interface Path {
  readonly nodes: string[];
  readonly steps: Step[];
}

export const trivialPath = (node: string): Path => ({ nodes: [node], steps: [] });

/** The path from `start` along `entries`. */
export function pathAlong({ nodeKeys, edgeKeys, neighbor, edge, inStart }: TraversalIndex, start: number, entries: readonly number[]): Path {
  const nodes = [nodeKeys[start]!];
  let u = start;
  const steps = entries.map((j) => {
    const v = neighbor[j]!;
    const step = { edge: edgeKeys[edge[j]!]!, from: nodeKeys[u]!, to: nodeKeys[v]!, reversed: j >= inStart[u]! };
    nodes.push(nodeKeys[(u = v)]!);
    return step;
  });
  return { nodes, steps };
}

/**
 * Appends to `out` the entries from `u` to `w` that a walk in `direction` may
 * take, in walk order (out-steps, then in-steps; parallel edges oldest first);
 * only the first when `firstOnly`. A hub is looked up by binary search.
 */
export function stepsBetween(
  index: TraversalIndex,
  u: number,
  w: number,
  direction: DirectionCode,
  allowed: Uint8Array | null,
  firstOnly: boolean,
  out: number[],
  budget: Budget,
): void {
  const { neighbor, type, outStart, inStart } = index;
  const outward = direction !== BACKWARD;
  const inward = direction !== FORWARD;

  if (isHub(index, u)) {
    const { runEntry, runStart } = index;
    budget.charge(1);
    for (let r = firstRun(index, u, w); r >= 0 && r < runStart[u + 1]! && neighbor[runEntry[r]!] === w; r++) {
      const begin = runEntry[r]!;
      const inSection = begin >= inStart[u]!;
      if (inSection ? !inward : !outward) continue;
      const end = inSection ? outStart[u + 1]! : inStart[u]!;
      for (let j = begin; j < end && neighbor[j] === w; j++) {
        budget.charge(1);
        if (allowed !== null && allowed[type[j]!] === 0) continue;
        out.push(j);
        if (firstOnly) return;
      }
    }
    return;
  }
  // Out-steps, then in-steps; a first step found ends the scan.
  for (let section = outward ? 0 : 1; section < (inward ? 2 : 1); section++) {
    const a = section === 0 ? outStart[u]! : inStart[u]!;
    const b = section === 0 ? inStart[u]! : outStart[u + 1]!;
    const stop = budget.stop(a, b);
    let j = a;
    for (; j < stop; j++) {
      if (neighbor[j] !== w || (allowed !== null && allowed[type[j]!] === 0)) continue;
      out.push(j);
      if (firstOnly) break;
    }
    budget.scanned(a, j, stop, b);
    if (j < stop) return;
  }
}
