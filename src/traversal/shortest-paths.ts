/**
 * Shortest paths between two entities ("how is X connected to Y?"), by
 * bidirectional breadth-first search; each round grows the side whose next
 * layer looks at fewer edges.
 *
 * Paths are ordered as a depth-first walk from `from` meets them, taking each
 * node's steps in adjacency order; `shortestPath` returns the first of them,
 * which is also `allShortestPaths(...)[0]`.
 */
import type { Budget } from "./budget.js";
import { integerOption, pathSearch, reverseCode, type DirectionCode, type WalkOptions } from "./options.js";
import { pathAlong, stepsBetween, trivialPath, type Path } from "./path.js";
import { scratchFor } from "./scratch.js";
import type { TraversalIndex } from "./traversal-index.js";

export interface AllShortestPathsOptions extends WalkOptions {
  /** Most paths returned, an integer >= 1; default 10. */
  readonly limit?: number | undefined;
}

export function shortestPath(index: TraversalIndex, from: string, to: string, options: WalkOptions = {}): Path | null {
  const { source, target, direction, allowed, budget } = pathSearch(index, from, to, options, "shortestPath");
  if (source === target) return trivialPath(from);

  const found = search(index, source, target, direction, allowed, budget);
  if (found === null) return null;
  const { parentNode, parentEntry } = scratchFor(index);
  const entries: number[] = [];
  for (let node = found.meetingNode; node !== source; node = parentNode[node]!) entries.push(parentEntry[node]!);
  entries.reverse();
  entries.push(found.meetingEntry);
  const onward: number[] = [];
  for (let node = index.neighbor[found.meetingEntry]!; node !== target; ) {
    onward.length = 0;
    onwardSteps(index, found, node, true, onward, budget);
    entries.push(onward[0]!);
    node = index.neighbor[onward[0]!]!;
  }
  return pathAlong(index, source, entries);
}

export function allShortestPaths(index: TraversalIndex, from: string, to: string, options: AllShortestPathsOptions = {}): Path[] {
  const { source, target, direction, allowed, budget } = pathSearch(index, from, to, options, "allShortestPaths");
  const limit = integerOption("limit", options.limit, 10, 1);
  if (source === target) return [trivialPath(from)];

  const found = search(index, source, target, direction, allowed, budget);
  if (found === null) return [];

  // Each node's onward steps, listed once: pool[candidateStart[v] .. + candidateCount[v]).
  const scratch = scratchFor(index);
  const { candidateStart, candidateCount } = scratch;
  const { stamp: listedStamp } = scratch.listed;
  const listed = scratch.listed.clear();
  const { stamp: deadStamp } = scratch.deadEnd;
  const dead = scratch.deadEnd.clear();
  const pool: number[] = [];
  const list = (node: number): void => {
    if (listedStamp[node] === listed) return;
    listedStamp[node] = listed;
    candidateStart[node] = pool.length;
    onwardSteps(index, found, node, false, pool, budget);
    candidateCount[node] = pool.length - candidateStart[node]!;
  };

  const paths: Path[] = [];
  // The depth-first stack: frame f explores frameNode[f], its next candidate frameNext[f].
  const frameNode: number[] = [source];
  const frameNext: number[] = [0];
  const frameReached: boolean[] = [false];
  const path: number[] = [];
  list(source);
  while (frameNode.length > 0 && paths.length < limit) {
    const top = frameNode.length - 1;
    const node = frameNode[top]!;
    const next = frameNext[top]!;
    if (next >= candidateCount[node]!) {
      frameNode.pop();
      frameNext.pop();
      const reached = frameReached.pop()!;
      path.pop();
      if (!reached) deadStamp[node] = dead;
      else if (top > 0) frameReached[top - 1] = true;
      continue;
    }
    frameNext[top] = next + 1;
    budget.charge(1);
    const entry = pool[candidateStart[node]! + next]!;
    const v = index.neighbor[entry]!;
    if (v === target) {
      frameReached[top] = true;
      path.push(entry);
      paths.push(pathAlong(index, source, path));
      path.pop();
    } else if (deadStamp[v] !== dead) {
      path.push(entry);
      list(v);
      frameNode.push(v);
      frameNext.push(0);
      frameReached.push(false);
    }
  }
  return paths;
}

/**
 * Where the two searches met. Every shortest path (`length` steps) runs from
 * the source through the forward ball (nodes at most `forwardDepth` from it,
 * in scratch.fromStart), over one edge into the backward ball (in
 * scratch.toTarget); the first such edge is `meetingEntry`, from `meetingNode`.
 */
interface Meeting {
  readonly target: number;
  readonly direction: DirectionCode;
  readonly allowed: Uint8Array | null;
  readonly forwardDepth: number;
  readonly length: number;
  readonly meetingNode: number;
  readonly meetingEntry: number;
}

function search(index: TraversalIndex, source: number, target: number, direction: DirectionCode, allowed: Uint8Array | null, budget: Budget): Meeting | null {
  const { neighbor, type } = index;
  const back = reverseCode(direction);
  const forwardLow = index.low[direction];
  const forwardHigh = index.high[direction];
  const forwardDegree = index.cost[direction];
  const backwardLow = index.low[back];
  const backwardHigh = index.high[back];
  const backwardDegree = index.cost[back];
  const scratch = scratchFor(index);
  const { distanceFromStart: distanceFrom, distanceToTarget: distanceTo, parentNode, parentEntry } = scratch;
  const inFrom = scratch.fromStart.stamp;
  const fromGeneration = scratch.fromStart.clear();
  const inTo = scratch.toTarget.stamp;
  const toGeneration = scratch.toTarget.clear();
  const crossed = scratch.crossed.stamp;
  const crossedGeneration = scratch.crossed.clear();

  inFrom[source] = fromGeneration;
  distanceFrom[source] = 0;
  inTo[target] = toGeneration;
  distanceTo[target] = 0;
  let forwardLayer = scratch.startQueue;
  let backwardLayer = scratch.targetQueue;
  let next = scratch.nextLayer;
  forwardLayer[0] = source;
  backwardLayer[0] = target;
  let forwardSize = 1;
  let backwardSize = 1;
  let forwardDepth = 0;
  let backwardDepth = 0;
  let forwardCost = forwardDegree[source]!;
  let backwardCost = backwardDegree[target]!;
  let meetingNode = -1;
  let meetingEntry = -1;
  let crossings = 0;

  while (meetingEntry < 0 && crossings === 0 && forwardSize > 0 && backwardSize > 0) {
    let nextSize = 0;
    let nextCost = 0;
    if (forwardCost <= backwardCost) {
      const depth = forwardDepth + 1;
      for (let i = 0; i < forwardSize && meetingEntry < 0; i++) {
        const u = forwardLayer[i]!;
        const a = forwardLow[u]!;
        const b = forwardHigh[u]!;
        const stop = budget.stop(a, b);
        let j = a;
        for (; j < stop; j++) {
          if (allowed !== null && allowed[type[j]!] === 0) continue;
          const v = neighbor[j]!;
          if (inTo[v] === toGeneration) {
            meetingNode = u;
            meetingEntry = j;
            break;
          }
          if (inFrom[v] !== fromGeneration) {
            inFrom[v] = fromGeneration;
            distanceFrom[v] = depth;
            parentNode[v] = u;
            parentEntry[v] = j;
            next[nextSize++] = v;
            nextCost += forwardDegree[v]!;
          }
        }
        budget.scanned(a, j, stop, b);
      }
      if (meetingEntry < 0) {
        const layer = forwardLayer;
        forwardLayer = next;
        next = layer;
        forwardSize = nextSize;
        forwardCost = nextCost;
        forwardDepth = depth;
      }
    } else {
      const depth = backwardDepth + 1;
      for (let i = 0; i < backwardSize; i++) {
        const u = backwardLayer[i]!;
        const a = backwardLow[u]!;
        const b = backwardHigh[u]!;
        const stop = budget.stop(a, b);
        let j = a;
        for (; j < stop; j++) {
          if (allowed !== null && allowed[type[j]!] === 0) continue;
          const v = neighbor[j]!;
          if (inFrom[v] === fromGeneration) {
            if (crossed[v] !== crossedGeneration) {
              crossed[v] = crossedGeneration;
              crossings++;
            }
          } else if (crossings === 0 && inTo[v] !== toGeneration) {
            inTo[v] = toGeneration;
            distanceTo[v] = depth;
            next[nextSize++] = v;
            nextCost += backwardDegree[v]!;
          }
        }
        budget.scanned(a, j, stop, b);
      }
      if (crossings === 0) {
        const layer = backwardLayer;
        backwardLayer = next;
        next = layer;
        backwardSize = nextSize;
        backwardCost = nextCost;
        backwardDepth = depth;
      }
    }
  }
  if (meetingEntry < 0 && crossings === 0) return null;

  const found = { target, direction, allowed, forwardDepth, length: forwardDepth + backwardDepth + 1, meetingNode, meetingEntry };
  if (meetingEntry >= 0) return found;
  // The search from the target met the forward layer: the first crossing in that layer's order starts the first path.
  let first = -1;
  for (let i = 0; i < forwardSize && first < 0; i++) if (crossed[forwardLayer[i]!] === crossedGeneration) first = forwardLayer[i]!;
  const steps: number[] = [];
  onwardSteps(index, found, first, true, steps, budget);
  return { ...found, meetingNode: first, meetingEntry: steps[0]! };
}

/** Appends to `out` the entries from `node` (itself on a shortest path) that stay on one; only the first when `firstOnly`. */
function onwardSteps(index: TraversalIndex, found: Meeting, node: number, firstOnly: boolean, out: number[], budget: Budget): void {
  const { forwardDepth, length, direction, allowed } = found;
  const { fromStart, toTarget, distanceFromStart: distanceFrom, distanceToTarget: distanceTo } = scratchFor(index);
  const inFrom = fromStart.stamp;
  const fromGeneration = fromStart.current;
  const position = inFrom[node] === fromGeneration ? distanceFrom[node]! : -1;
  const forwardSide = position >= 0 && position <= forwardDepth;
  const left = forwardSide ? length - position - 1 : distanceTo[node]! - 1;
  if (left === 0) {
    stepsBetween(index, node, found.target, direction, allowed, firstOnly, out, budget);
    return;
  }
  const aheadFrom = forwardSide && position < forwardDepth;
  const ahead = aheadFrom ? inFrom : toTarget.stamp;
  const aheadGeneration = aheadFrom ? fromGeneration : toTarget.current;
  const aheadDistance = aheadFrom ? distanceFrom : distanceTo;
  const wanted = aheadFrom ? position + 1 : left;
  const { neighbor, type } = index;
  const a = index.low[direction][node]!;
  const b = index.high[direction][node]!;
  const stop = budget.stop(a, b);
  let j = a;
  for (; j < stop; j++) {
    if (allowed !== null && allowed[type[j]!] === 0) continue;
    const v = neighbor[j]!;
    if (ahead[v] === aheadGeneration && aheadDistance[v] === wanted) {
      out.push(j);
      if (firstOnly) break;
    }
  }
  budget.scanned(a, j, stop, b);
}
