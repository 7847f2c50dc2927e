/**
 * The traversals of this folder, run on a compact traversal index instead of
 * on graphology: build it once after loading, then ask it as often as needed.
 *
 *   const traversals = createTraversals(graph);
 *   traversals.shortestPath("a", "b", { direction: "either" });
 *
 * The index (see adjacency.ts for exactly what it holds) keeps node keys,
 * edge keys and relation types as integers and every node's walk steps in
 * typed arrays, in the shared walker's order. Every method takes the same
 * options, validates them the same way (NotFoundError for an unknown key,
 * BadInputError naming the option) and returns the same result, in the same
 * order, as the function of the same name over graphology (neighborhood.ts,
 * shortest-paths.ts, k-shortest-paths.ts, retaliation.ts), which stay the
 * reference implementations; the tests hold the two to identical answers.
 *
 * Searches are integer breadth-first searches over typed arrays: visited marks
 * carry a generation number, so nothing is cleared between calls; frontier
 * arrays are allocated once; bidirectional search grows the side whose next
 * layer costs less; a relation-type filter is a Uint8Array over type ids.
 * Each call may be given a `budget` of edge visits (adjacency entries
 * examined, plus steps a depth-first search takes from its memoised lists);
 * a call that would exceed it throws BudgetExceededError.
 *
 * The graph must not change after the index is built (the knowledge graph is
 * immutable after load). Calls are synchronous and share scratch arrays; a
 * callback (`dateOf`) may itself call the index.
 */
import type { Attributes } from "graphology-types";
import { BadInputError, BudgetExceededError, NotFoundError } from "../errors.js";
import { BACKWARD, CompactAdjacency, directionCode, FORWARD, reverseCode, type DirectionCode } from "./adjacency.js";
import type { KShortestPathsOptions } from "./k-shortest-paths.js";
import type { Neighborhood, NeighborhoodNode, NeighborhoodOptions } from "./neighborhood.js";
import { inDateOrder } from "./retaliation.js";
import type { RetaliationChain, RetaliationChainOptions } from "./retaliation.js";
import type { AllShortestPathsOptions, ShortestPathOptions } from "./shortest-paths.js";
import {
  budgetOption,
  directionOption,
  integerOption,
  relationTypesOption,
  type EdgeAttributes,
  type Path,
  type RelationGraph,
  type Step,
} from "./walk.js";

/** One call's spending against its budget. */
class Spending {
  spent = 0;
  constructor(
    readonly operation: string,
    readonly budget: number,
  ) {}

  /** Counts `n` more edge visits. */
  charge(n: number): void {
    if ((this.spent += n) > this.budget) throw this.exceeded();
  }

  /** Where a scan of [a, b) must stop to stay within budget (b when it may run to the end). */
  stopAt(a: number, b: number): number {
    const room = this.budget - this.spent;
    return b - a > room ? a + room : b;
  }

  exceeded(): BudgetExceededError {
    return new BudgetExceededError(this.operation, this.budget);
  }
}

/** Per-node scratch arrays, allocated once and reused by every call. */
class Scratch {
  readonly markA: Uint32Array;
  readonly markB: Uint32Array;
  readonly markC: Uint32Array;
  readonly markD: Uint32Array;
  readonly markE: Uint32Array;
  readonly valueA: Int32Array;
  readonly valueB: Int32Array;
  readonly valueC: Int32Array;
  readonly valueD: Int32Array;
  readonly parentNode: Int32Array;
  readonly parentEntry: Int32Array;
  readonly queueA: Int32Array;
  readonly queueB: Int32Array;
  readonly queueC: Int32Array;
  private generation = 0;

  constructor(n: number) {
    this.markA = new Uint32Array(n);
    this.markB = new Uint32Array(n);
    this.markC = new Uint32Array(n);
    this.markD = new Uint32Array(n);
    this.markE = new Uint32Array(n);
    this.valueA = new Int32Array(n);
    this.valueB = new Int32Array(n);
    this.valueC = new Int32Array(n);
    this.valueD = new Int32Array(n);
    this.parentNode = new Int32Array(n);
    this.parentEntry = new Int32Array(n);
    this.queueA = new Int32Array(n);
    this.queueB = new Int32Array(n);
    this.queueC = new Int32Array(n);
  }

  /** A fresh generation: every mark set before it reads as unset. */
  begin(): number {
    if (this.generation >= 0xffffffff) {
      this.markA.fill(0);
      this.markB.fill(0);
      this.markC.fill(0);
      this.markD.fill(0);
      this.markE.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

/** Where a bidirectional search met (see `search` in shortest-paths.ts). */
interface Meeting {
  readonly generation: number;
  readonly from: number;
  readonly to: number;
  readonly direction: DirectionCode;
  readonly allowed: Uint8Array | null;
  readonly forwardDepth: number;
  readonly length: number;
  /** The first edge from the forward ball into the backward ball: its source node and entry. */
  readonly meetingNode: number;
  readonly meetingEntry: number;
}

export class TraversalIndex<N extends Attributes = Attributes, E extends EdgeAttributes = EdgeAttributes> {
  readonly adjacency: CompactAdjacency;
  private scratchArrays: Scratch | null = null;

  constructor(private readonly graph: RelationGraph<N, E>) {
    this.adjacency = new CompactAdjacency(graph as unknown as RelationGraph);
  }

  // ---------------------------------------------------------------- neighborhood

  neighborhood(id: string, options: NeighborhoodOptions = {}): Neighborhood {
    const start = this.requireNode(id);
    const depth = integerOption("depth", options.depth, 1, 0);
    const limit = integerOption("limit", options.limit, 100, 1);
    const direction = directionCode(directionOption(options.direction));
    const allowed = this.adjacency.allowedTypes(relationTypesOption(options.relationTypes));
    const spending = new Spending("neighborhood", budgetOption(options.budget));

    const { neighbor, type } = this.adjacency;
    const low = this.adjacency.low[direction];
    const high = this.adjacency.high[direction];
    const scratch = this.scratch();
    const generation = scratch.begin();
    const { markA: seen, valueA: distance, queueA: queue } = scratch;
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
      const stop = spending.stopAt(a, b);
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
      if (truncated) {
        spending.charge(j - a + 1);
      } else {
        spending.charge(stop - a);
        if (stop < b) throw spending.exceeded();
      }
    }

    const { nodeKeys } = this.adjacency;
    const nodes: NeighborhoodNode[] = new Array<NeighborhoodNode>(count);
    const members: number[] = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const v = queue[i]!;
      members[i] = v;
      nodes[i] = { id: nodeKeys[v]!, depth: distance[v]! };
    }
    return { nodes, edges: this.inducedEdges(members, allowed, spending), truncated };
  }

  // -------------------------------------------------------------- shortest paths

  shortestPath(from: string, to: string, options: ShortestPathOptions = {}): Path | null {
    const source = this.requireNode(from);
    const target = this.requireNode(to);
    const direction = directionCode(directionOption(options.direction));
    const allowed = this.adjacency.allowedTypes(relationTypesOption(options.relationTypes));
    const spending = new Spending("shortestPath", budgetOption(options.budget));
    if (source === target) return trivialPath(from);

    const found = this.search(source, target, direction, allowed, spending);
    if (found === null) return null;

    const { parentNode, parentEntry } = this.scratch();
    const entries: number[] = [];
    for (let node = found.meetingNode; node !== source; node = parentNode[node]!) entries.push(parentEntry[node]!);
    entries.reverse();
    entries.push(found.meetingEntry);
    const { neighbor } = this.adjacency;
    const onward: number[] = [];
    for (let node = neighbor[found.meetingEntry]!; node !== target; ) {
      onward.length = 0;
      this.onward(found, node, true, onward, spending);
      const entry = onward[0]!;
      entries.push(entry);
      node = neighbor[entry]!;
    }
    return this.path(source, entries, entries.length);
  }

  allShortestPaths(from: string, to: string, options: AllShortestPathsOptions = {}): Path[] {
    const source = this.requireNode(from);
    const target = this.requireNode(to);
    const direction = directionCode(directionOption(options.direction));
    const allowed = this.adjacency.allowedTypes(relationTypesOption(options.relationTypes));
    const limit = integerOption("limit", options.limit, 10, 1);
    const spending = new Spending("allShortestPaths", budgetOption(options.budget));
    if (source === target) return [trivialPath(from)];

    const found = this.search(source, target, direction, allowed, spending);
    if (found === null) return [];

    // Each node's onward steps, computed once: pool[start[v] .. start[v] + size[v]).
    const { markE: listed, valueC: start, valueD: size, markD: dead } = this.scratch();
    const generation = found.generation;
    const pool: number[] = [];
    const candidates = (node: number): void => {
      if (listed[node] === generation) return;
      listed[node] = generation;
      start[node] = pool.length;
      this.onward(found, node, false, pool, spending);
      size[node] = pool.length - start[node]!;
    };

    const { neighbor } = this.adjacency;
    const paths: Path[] = [];
    // The depth-first stack: frame f explores node frameNode[f], its next candidate frameNext[f].
    const frameNode: number[] = [source];
    const frameNext: number[] = [0];
    const frameReached: boolean[] = [false];
    const path: number[] = [];
    candidates(source);
    while (frameNode.length > 0 && paths.length < limit) {
      const top = frameNode.length - 1;
      const node = frameNode[top]!;
      const next = frameNext[top]!;
      if (next >= size[node]!) {
        frameNode.pop();
        frameNext.pop();
        const reached = frameReached.pop()!;
        path.pop();
        if (!reached) dead[node] = generation;
        else if (top > 0) frameReached[top - 1] = true;
        continue;
      }
      frameNext[top] = next + 1;
      spending.charge(1);
      const entry = pool[start[node]! + next]!;
      const v = neighbor[entry]!;
      if (v === target) {
        frameReached[top] = true;
        path.push(entry);
        paths.push(this.path(source, path, path.length));
        path.pop();
      } else if (dead[v] !== generation) {
        path.push(entry);
        candidates(v);
        frameNode.push(v);
        frameNext.push(0);
        frameReached.push(false);
      }
    }
    return paths;
  }

  /**
   * Bidirectional breadth-first search, as `search` in shortest-paths.ts: each
   * round grows the side whose next layer looks at fewer edges. Leaves the
   * balls in the scratch arrays: markA/valueA distances from `from`, markB /
   * valueB distances to `to`, parentNode / parentEntry how each node of the
   * forward ball was first reached.
   */
  private search(from: number, to: number, direction: DirectionCode, allowed: Uint8Array | null, spending: Spending): Meeting | null {
    const { neighbor, type } = this.adjacency;
    const back = reverseCode(direction);
    const forwardLow = this.adjacency.low[direction];
    const forwardHigh = this.adjacency.high[direction];
    const backwardLow = this.adjacency.low[back];
    const backwardHigh = this.adjacency.high[back];
    const forwardDegree = this.adjacency.cost[direction];
    const backwardDegree = this.adjacency.cost[back];
    const scratch = this.scratch();
    const generation = scratch.begin();
    const { markA: inFrom, valueA: distanceFrom, markB: inTo, valueB: distanceTo, markC: crossed, parentNode, parentEntry } = scratch;

    inFrom[from] = generation;
    distanceFrom[from] = 0;
    inTo[to] = generation;
    distanceTo[to] = 0;
    let forwardLayer = scratch.queueA;
    let backwardLayer = scratch.queueB;
    let next = scratch.queueC;
    forwardLayer[0] = from;
    backwardLayer[0] = to;
    let forwardSize = 1;
    let backwardSize = 1;
    let forwardDepth = 0;
    let backwardDepth = 0;
    let forwardCost = forwardDegree[from]!;
    let backwardCost = backwardDegree[to]!;
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
          const stop = spending.stopAt(a, b);
          let j = a;
          for (; j < stop; j++) {
            if (allowed !== null && allowed[type[j]!] === 0) continue;
            const v = neighbor[j]!;
            if (inTo[v] === generation) {
              meetingNode = u;
              meetingEntry = j;
              break;
            }
            if (inFrom[v] !== generation) {
              inFrom[v] = generation;
              distanceFrom[v] = depth;
              parentNode[v] = u;
              parentEntry[v] = j;
              next[nextSize++] = v;
              nextCost += forwardDegree[v]!;
            }
          }
          if (meetingEntry >= 0) {
            spending.charge(j - a + 1);
          } else {
            spending.charge(stop - a);
            if (stop < b) throw spending.exceeded();
          }
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
          const stop = spending.stopAt(a, b);
          for (let j = a; j < stop; j++) {
            if (allowed !== null && allowed[type[j]!] === 0) continue;
            const v = neighbor[j]!;
            if (inFrom[v] === generation) {
              if (crossed[v] !== generation) {
                crossed[v] = generation;
                crossings++;
              }
            } else if (crossings === 0 && inTo[v] !== generation) {
              inTo[v] = generation;
              distanceTo[v] = depth;
              next[nextSize++] = v;
              nextCost += backwardDegree[v]!;
            }
          }
          spending.charge(stop - a);
          if (stop < b) throw spending.exceeded();
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

    const found = {
      generation,
      from,
      to,
      direction,
      allowed,
      forwardDepth,
      length: forwardDepth + backwardDepth + 1,
      meetingNode,
      meetingEntry,
    };
    if (meetingEntry >= 0) return found;
    // The search from `to` met the forward layer: the first crossing in that layer's order starts the first path.
    let first = -1;
    for (let i = 0; i < forwardSize && first < 0; i++) if (crossed[forwardLayer[i]!] === generation) first = forwardLayer[i]!;
    const steps: number[] = [];
    this.onward(found, first, true, steps, spending);
    return { ...found, meetingNode: first, meetingEntry: steps[0]! };
  }

  /** Appends to `out` the steps from `node` (itself on a shortest path) that stay on one; only the first when `firstOnly`. */
  private onward(found: Meeting, node: number, firstOnly: boolean, out: number[], spending: Spending): void {
    const { generation, forwardDepth, length, direction, allowed } = found;
    const { markA: inFrom, valueA: distanceFrom, markB: inTo, valueB: distanceTo } = this.scratch();
    const position = inFrom[node] === generation ? distanceFrom[node]! : -1;
    const forwardSide = position >= 0 && position <= forwardDepth;
    const left = forwardSide ? length - position - 1 : distanceTo[node]! - 1;
    if (left === 0) {
      this.stepsBetween(node, found.to, direction, allowed, firstOnly, out, spending);
      return;
    }
    const aheadFrom = forwardSide && position < forwardDepth;
    const ahead = aheadFrom ? inFrom : inTo;
    const aheadDistance = aheadFrom ? distanceFrom : distanceTo;
    const wanted = aheadFrom ? position + 1 : left;
    const { neighbor, type } = this.adjacency;
    const a = this.adjacency.low[direction][node]!;
    const b = this.adjacency.high[direction][node]!;
    const stop = spending.stopAt(a, b);
    for (let j = a; j < stop; j++) {
      if (allowed !== null && allowed[type[j]!] === 0) continue;
      const v = neighbor[j]!;
      if (ahead[v] === generation && aheadDistance[v] === wanted) {
        out.push(j);
        if (firstOnly) {
          spending.charge(j - a + 1);
          return;
        }
      }
    }
    spending.charge(stop - a);
    if (stop < b) throw spending.exceeded();
  }

  // ---------------------------------------------------------- k shortest paths

  kShortestPaths(from: string, to: string, options: KShortestPathsOptions = {}): Path[] {
    const source = this.requireNode(from);
    const target = this.requireNode(to);
    const direction = directionCode(directionOption(options.direction));
    const allowed = this.adjacency.allowedTypes(relationTypesOption(options.relationTypes));
    const maxLength = integerOption("maxLength", options.maxLength, 4, 1);
    const limit = integerOption("limit", options.limit, 10, 1);
    const spending = new Spending("kShortestPaths", budgetOption(options.budget));
    if (source === target) return [trivialPath(from)];

    const { neighbor, type } = this.adjacency;
    const n = this.adjacency.order;
    const scratch = this.scratch();
    const generation = scratch.begin();

    // Breadth-first distances to `target`, explored one layer at a time only as far as asked.
    const { markA: explored, valueA: distance, markB: onPath } = scratch;
    const back = reverseCode(direction);
    const backLow = this.adjacency.low[back];
    const backHigh = this.adjacency.high[back];
    let frontier = scratch.queueA;
    let following = scratch.queueB;
    let frontierSize = 1;
    let exploredDepth = 0;
    explored[target] = generation;
    distance[target] = 0;
    frontier[0] = target;
    const reach = (depth: number): void => {
      while (exploredDepth < depth && frontierSize > 0) {
        let size = 0;
        for (let i = 0; i < frontierSize; i++) {
          const u = frontier[i]!;
          const a = backLow[u]!;
          const b = backHigh[u]!;
          const stop = spending.stopAt(a, b);
          for (let j = a; j < stop; j++) {
            if (allowed !== null && allowed[type[j]!] === 0) continue;
            const v = neighbor[j]!;
            if (explored[v] !== generation) {
              explored[v] = generation;
              distance[v] = exploredDepth + 1;
              following[size++] = v;
            }
          }
          spending.charge(stop - a);
          if (stop < b) throw spending.exceeded();
        }
        const swap = frontier;
        frontier = following;
        following = swap;
        frontierSize = size;
        exploredDepth++;
      }
    };
    /** The exact distance where explored, else the least it can be (Infinity when unreachable). */
    const atLeast = (v: number): number =>
      explored[v] === generation ? distance[v]! : frontierSize === 0 ? Infinity : exploredDepth + 1;

    const low = this.adjacency.low[direction];
    const high = this.adjacency.high[direction];
    const paths: Path[] = [];
    const pathsOfLength = (length: number): void => {
      // The steps from a node after which `left` edges remain to reach `target`, whatever the path so far.
      const memo = new Map<number, number[]>();
      const continuations = (node: number, left: number): number[] => {
        const key = left * n + node;
        let steps = memo.get(key);
        if (steps === undefined) {
          steps = [];
          if (left === 0) {
            this.stepsBetween(node, target, direction, allowed, false, steps, spending);
          } else {
            const a = low[node]!;
            const b = high[node]!;
            const stop = spending.stopAt(a, b);
            for (let j = a; j < stop; j++) {
              if (allowed !== null && allowed[type[j]!] === 0) continue;
              const v = neighbor[j]!;
              if (v !== target && atLeast(v) <= left) steps.push(j);
            }
            spending.charge(stop - a);
            if (stop < b) throw spending.exceeded();
          }
          memo.set(key, steps);
        }
        return steps;
      };

      onPath[source] = generation;
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
        spending.charge(1);
        const entry = steps[next]!;
        const v = neighbor[entry]!;
        if (v === target) {
          path.push(entry);
          paths.push(this.path(source, path, path.length));
          path.pop();
          if (paths.length >= limit) return;
        } else if (onPath[v] !== generation) {
          path.push(entry);
          onPath[v] = generation;
          frameSteps.push(continuations(v, length - path.length - 1));
          frameNext.push(0);
        }
      }
    };

    for (let length = 1; length <= maxLength && paths.length < limit; length++) {
      reach(Math.ceil(length / 2));
      const shortest = atLeast(source);
      if (shortest === Infinity) break;
      if (shortest <= length) pathsOfLength(length);
    }
    return paths;
  }

  // --------------------------------------------------------- retaliation chain

  retaliationChain(eventId: string, options: RetaliationChainOptions): RetaliationChain {
    const event = this.requireNode(eventId);
    const relationType = options.relationType ?? "RETALIATES_FOR";
    if (typeof relationType !== "string" || relationType === "") {
      throw new BadInputError("relationType", "must be a non-empty relation type name");
    }
    if (typeof options.dateOf !== "function") throw new BadInputError("dateOf", "must be a function");
    const spending = new Spending("retaliationChain", budgetOption(options.budget));

    const allowed = this.adjacency.allowedTypes(new Set([relationType]));
    const { nodeKeys } = this.adjacency;
    const scratch = this.scratch();
    const generation = scratch.begin();
    const ancestors = this.reachable(event, FORWARD, allowed, scratch.markA, scratch.queueA, generation, spending);
    const descendants = this.reachable(event, BACKWARD, allowed, scratch.markB, scratch.queueB, generation, spending);
    const answered = new Set<string>();
    const answeredBy = new Set<string>();
    const members = new Set<string>();
    for (let i = 0; i < ancestors; i++) {
      const key = nodeKeys[scratch.queueA[i]!]!;
      answered.add(key);
      members.add(key);
    }
    for (let i = 0; i < descendants; i++) {
      const key = nodeKeys[scratch.queueB[i]!]!;
      answeredBy.add(key);
      members.add(key);
    }

    // From here on `dateOf` runs, which may use this index: nothing above is read from the scratch arrays again.
    const events = inDateOrder(members, options.dateOf);
    return {
      events,
      before: events.filter((member) => member !== eventId && answered.has(member)),
      after: events.filter((member) => member !== eventId && answeredBy.has(member)),
      edges: this.inducedEdges(
        events.map((member) => this.adjacency.nodeIndex(member)),
        allowed,
        spending,
      ),
    };
  }

  /** Breadth-first: every node reachable from `start` into queue[0 .. returned count), start first. */
  private reachable(
    start: number,
    direction: DirectionCode,
    allowed: Uint8Array | null,
    seen: Uint32Array,
    queue: Int32Array,
    generation: number,
    spending: Spending,
  ): number {
    const { neighbor, type } = this.adjacency;
    const low = this.adjacency.low[direction];
    const high = this.adjacency.high[direction];
    seen[start] = generation;
    queue[0] = start;
    let count = 1;
    for (let i = 0; i < count; i++) {
      const u = queue[i]!;
      const a = low[u]!;
      const b = high[u]!;
      const stop = spending.stopAt(a, b);
      for (let j = a; j < stop; j++) {
        if (allowed !== null && allowed[type[j]!] === 0) continue;
        const v = neighbor[j]!;
        if (seen[v] !== generation) {
          seen[v] = generation;
          queue[count++] = v;
        }
      }
      spending.charge(stop - a);
      if (stop < b) throw spending.exceeded();
    }
    return count;
  }

  // ------------------------------------------------------------------- shared

  /**
   * The steps from `node` to `neighbor` in walk order (out-steps, in-steps,
   * undirected ones; parallel edges oldest first), appended to `out`; only the
   * first when `firstOnly`. A hub is looked up by binary search, another node scanned.
   */
  private stepsBetween(
    node: number,
    other: number,
    direction: DirectionCode,
    allowed: Uint8Array | null,
    firstOnly: boolean,
    out: number[],
    spending: Spending,
  ): void {
    const adjacency = this.adjacency;
    const { neighbor, type } = adjacency;
    const outStart = adjacency.outStart[node]!;
    const inStart = adjacency.inStart[node]!;
    const undStart = adjacency.undStart[node]!;
    const undEnd = adjacency.undEnd[node]!;
    const outward = direction !== BACKWARD;
    const inward = direction !== FORWARD;
    const sectionEnd = (j: number): number => (j < inStart ? inStart : j < undStart ? undStart : undEnd);
    const walked = (j: number): boolean => (j < inStart ? outward : j < undStart ? inward : true);

    if (adjacency.isHub(node)) {
      const runEntry = adjacency.runEntry;
      const last = adjacency.runStart[node + 1]!;
      let r = adjacency.firstRun(node, other);
      spending.charge(1);
      if (r < 0) return;
      for (; r < last && neighbor[runEntry[r]!] === other; r++) {
        const begin = runEntry[r]!;
        if (!walked(begin)) continue;
        const end = sectionEnd(begin);
        for (let j = begin; j < end && neighbor[j] === other; j++) {
          spending.charge(1);
          if (allowed !== null && allowed[type[j]!] === 0) continue;
          out.push(j);
          if (firstOnly) return;
        }
      }
      return;
    }

    const scan = (a: number, b: number): boolean => {
      const stop = spending.stopAt(a, b);
      for (let j = a; j < stop; j++) {
        if (neighbor[j] !== other || (allowed !== null && allowed[type[j]!] === 0)) continue;
        out.push(j);
        if (firstOnly) {
          spending.charge(j - a + 1);
          return true;
        }
      }
      spending.charge(stop - a);
      if (stop < b) throw spending.exceeded();
      return false;
    };
    if (outward && scan(outStart, inStart)) return;
    if (inward && scan(inStart, undStart)) return;
    scan(undStart, undEnd);
  }

  /**
   * The edges of an allowed type with both endpoints in `members` (self-loops
   * included), each once, as inducedEdges in walk.ts orders them: by source in
   * the order of `members`, then by target in that order, parallel edges in the
   * order added; an undirected edge under its endpoint that comes first.
   */
  private inducedEdges(members: readonly number[], allowed: Uint8Array | null, spending: Spending): string[] {
    const adjacency = this.adjacency;
    const { neighbor, type, edge, edgeKeys, edgeType, loopStart, loopEdge, loopUndirected, runEntry } = adjacency;
    const scratch = this.scratch();
    const generation = scratch.begin();
    const { markD: isMember, valueD: rank } = scratch;
    const count = members.length;
    for (let i = 0; i < count; i++) {
      const v = members[i]!;
      if (isMember[v] !== generation) {
        isMember[v] = generation;
        rank[v] = i;
      }
    }

    const edges: string[] = [];
    // What one source links to, kept sorted by target rank as it is found (stably, so parallel edges
    // keep their order): edge indices, and their targets' ranks.
    const foundEdge: number[] = [];
    const foundRank: number[] = [];
    const keep = (edgeIndex: number, targetRank: number): void => {
      let at = foundEdge.length;
      foundEdge.push(edgeIndex);
      foundRank.push(targetRank);
      while (at > 0 && foundRank[at - 1]! > targetRank) {
        foundEdge[at] = foundEdge[at - 1]!;
        foundRank[at] = foundRank[at - 1]!;
        at--;
      }
      foundEdge[at] = edgeIndex;
      foundRank[at] = targetRank;
    };
    const drain = (): void => {
      for (const edgeIndex of foundEdge) edges.push(edgeKeys[edgeIndex]!);
      foundEdge.length = 0;
      foundRank.length = 0;
    };

    for (let i = 0; i < count; i++) {
      const u = members[i]!;
      if (rank[u] !== i) continue;
      // Directed edges out of u: scanned, or for a hub with more of them than there are members, looked up per member.
      const a = adjacency.outStart[u]!;
      const b = adjacency.inStart[u]!;
      if (b - a <= count || !adjacency.isHub(u)) {
        const stop = spending.stopAt(a, b);
        for (let j = a; j < stop; j++) {
          const v = neighbor[j]!;
          if (isMember[v] === generation && (allowed === null || allowed[type[j]!] === 1)) keep(edge[j]!, rank[v]!);
        }
        spending.charge(stop - a);
        if (stop < b) throw spending.exceeded();
      } else {
        const last = adjacency.runStart[u + 1]!;
        for (let k = 0; k < count; k++) {
          const w = members[k]!;
          if (rank[w] !== k) continue;
          if (!adjacency.isHub(w)) {
            // w's in-steps from u are the same edges in the same order, in a short section: scan it.
            const c = adjacency.inStart[w]!;
            const d = adjacency.undStart[w]!;
            const stop = spending.stopAt(c, d);
            for (let j = c; j < stop; j++) {
              if (neighbor[j] === u && (allowed === null || allowed[type[j]!] === 1)) keep(edge[j]!, k);
            }
            spending.charge(stop - c);
            if (stop < d) throw spending.exceeded();
            continue;
          }
          spending.charge(1);
          for (let r = adjacency.firstRun(u, w); r >= 0 && r < last && neighbor[runEntry[r]!] === w; r++) {
            const begin = runEntry[r]!;
            if (begin >= b) break;
            for (let j = begin; j < b && neighbor[j] === w; j++) {
              spending.charge(1);
              if (allowed === null || allowed[type[j]!] === 1) keep(edge[j]!, k);
            }
          }
        }
      }
      for (let l = loopStart[u]!; l < loopStart[u + 1]!; l++) {
        spending.charge(1);
        const e = loopEdge[l]!;
        if (loopUndirected[l] === 0 && (allowed === null || allowed[edgeType[e]!] === 1)) keep(e, i);
      }
      drain();
      if (!adjacency.mixed) continue;
      // Undirected edges of u whose other end does not come before it.
      const c = adjacency.undStart[u]!;
      const d = adjacency.undEnd[u]!;
      const stop = spending.stopAt(c, d);
      for (let j = c; j < stop; j++) {
        const v = neighbor[j]!;
        if (isMember[v] === generation && rank[v]! >= i && (allowed === null || allowed[type[j]!] === 1)) keep(edge[j]!, rank[v]!);
      }
      spending.charge(stop - c);
      if (stop < d) throw spending.exceeded();
      for (let l = loopStart[u]!; l < loopStart[u + 1]!; l++) {
        const e = loopEdge[l]!;
        if (loopUndirected[l] === 1 && (allowed === null || allowed[edgeType[e]!] === 1)) keep(e, i);
      }
      drain();
    }
    return edges;
  }

  /** The path from `start` along entries[0 .. count). */
  private path(start: number, entries: readonly number[], count: number): Path {
    const { nodeKeys, edgeKeys, neighbor, edge, reversed } = this.adjacency;
    let node = nodeKeys[start]!;
    const nodes = [node];
    const steps: Step[] = new Array<Step>(count);
    for (let i = 0; i < count; i++) {
      const j = entries[i]!;
      const next = nodeKeys[neighbor[j]!]!;
      steps[i] = { edge: edgeKeys[edge[j]!]!, from: node, to: next, reversed: reversed[j] === 1 };
      nodes.push(next);
      node = next;
    }
    return { nodes, steps };
  }

  private requireNode(key: string): number {
    if (this.graph.order !== this.adjacency.order || this.graph.size !== this.adjacency.size) {
      throw new Error("The graph changed after its traversal index was built; build a new index");
    }
    const index = typeof key === "string" ? this.adjacency.nodeIndex(key) : -1;
    if (index < 0) throw new NotFoundError("entity", String(key));
    return index;
  }

  private scratch(): Scratch {
    return (this.scratchArrays ??= new Scratch(this.adjacency.order));
  }
}

/** Builds the traversal index of a graph that will not change from now on (see TraversalIndex). */
export function createTraversals<N extends Attributes, E extends EdgeAttributes>(graph: RelationGraph<N, E>): TraversalIndex<N, E> {
  return new TraversalIndex(graph);
}

function trivialPath(node: string): Path {
  return { nodes: [node], steps: [] };
}
