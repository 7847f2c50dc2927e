/**
 * A compact, read-only copy of a graph's adjacency for fast traversals: the
 * graph's keys and relation types mapped to small integers, and every node's
 * walk steps in typed arrays (compressed sparse rows), built once in O(n + m).
 *
 * What it holds
 *
 * - Node keys <-> indices 0..order-1 (graphology's node order), edge keys <->
 *   indices 0..size-1 (graphology's edge order), relation type names <-> ids
 *   0..types-1 (order of first use).
 * - Per adjacency entry (one walk step): `neighbor` (node index), `edge` (edge
 *   index), `type` (relation type id) and `reversed` (1 when the step goes from
 *   the edge's target to its source).
 * - Per node, its entries in sections laid out one after the other:
 *   out [outStart, inStart), in [inStart, undStart), undirected [undStart,
 *   undEnd). Within a section the entries are EXACTLY the steps of the shared
 *   walker (walk.ts) in its order: neighbours in the order first connected,
 *   parallel edges oldest first, self-loops left out. The sections are filled
 *   by running that walker once per node, so the order cannot drift from it.
 *   A walk in a direction reads one contiguous range per node:
 *   forward [out..), backward [in..undEnd), either [out..undEnd) (out-steps
 *   before in-steps, as the walker takes them). Only when the graph has
 *   undirected edges, forward also gets its own copy [fwdStart, fwdEnd) of the
 *   out and undirected sections, so that it too is one range.
 * - Self-loops (which never advance a walk, but belong to induced subgraphs),
 *   per node in the order added.
 * - The walker's cost estimate per node and direction (graphology's degree,
 *   self-loops included), so searches choose the side to grow as the reference
 *   implementation does.
 * - For nodes with more than HUB_DEGREE entries, the starts of their runs
 *   (the consecutive entries to one neighbour within one section) sorted by
 *   neighbour, so "the edges between u and w" is a binary search rather than a
 *   scan of a hub.
 *
 * The graph must not change after the index is built: the index is a snapshot
 * (the knowledge graph is immutable after load). Traversals check the graph's
 * order and size and refuse to run on a graph that visibly changed.
 */
import type { Attributes } from "graphology-types";
import { createDegree, createWalker, type Direction, type EdgeAttributes, type RelationGraph } from "./walk.js";

/** Directions as small integers: forward, backward, either. */
export const FORWARD = 0;
export const BACKWARD = 1;
export const EITHER = 2;
export type DirectionCode = 0 | 1 | 2;

export function directionCode(direction: Direction): DirectionCode {
  return direction === "forward" ? FORWARD : direction === "backward" ? BACKWARD : EITHER;
}

export function reverseCode(direction: DirectionCode): DirectionCode {
  return direction === FORWARD ? BACKWARD : direction === BACKWARD ? FORWARD : EITHER;
}

/** Nodes with more entries than this get a sorted run index for pair look-ups. */
export const HUB_DEGREE = 64;

export type TypeIds = Uint8Array | Uint16Array | Int32Array;

function typeArray(length: number, types: number): TypeIds {
  return types <= 0x100 ? new Uint8Array(length) : types <= 0x10000 ? new Uint16Array(length) : new Int32Array(length);
}

export class CompactAdjacency {
  /** Nodes and edges of the graph when indexed. */
  readonly order: number;
  readonly size: number;
  /** True when some edge is undirected (mixed graphs). */
  readonly mixed: boolean;

  readonly nodeKeys: readonly string[];
  readonly edgeKeys: readonly string[];
  readonly typeNames: readonly string[];
  private readonly nodeIndexes: Map<string, number>;
  private readonly typeIndexes: Map<string, number>;
  private edgeIndexes: Map<string, number> | null;

  /** Per entry. */
  readonly neighbor: Int32Array;
  readonly edge: Int32Array;
  readonly type: TypeIds;
  readonly reversed: Uint8Array;
  /** Per edge: its relation type id. */
  readonly edgeType: TypeIds;

  /** Per node: section bounds. */
  readonly outStart: Int32Array;
  readonly inStart: Int32Array;
  readonly undStart: Int32Array;
  readonly undEnd: Int32Array;
  /** Per direction code, per node: the walk's range [low, high) and its cost estimate. */
  readonly low: readonly [Int32Array, Int32Array, Int32Array];
  readonly high: readonly [Int32Array, Int32Array, Int32Array];
  readonly cost: readonly [Int32Array, Int32Array, Int32Array];

  /** Self-loops: node u's are loopEdge[loopStart[u] .. loopStart[u + 1]), in the order added. */
  readonly loopStart: Int32Array;
  readonly loopEdge: Int32Array;
  readonly loopUndirected: Uint8Array;

  /** Hub u's run starts are runEntry[runStart[u] .. runStart[u + 1]), by neighbour then position (empty for other nodes). */
  readonly runStart: Int32Array;
  readonly runEntry: Int32Array;

  constructor(graph: RelationGraph<Attributes, EdgeAttributes>) {
    const n = graph.order;
    const m = graph.size;
    this.order = n;
    this.size = m;

    const nodeKeys: string[] = new Array<string>(n);
    const nodeIndexes = new Map<string, number>();
    let i = 0;
    graph.forEachNode((key) => {
      nodeKeys[i] = key;
      nodeIndexes.set(key, i++);
    });

    // Edges: keys, types, self-loops, and the section sizes (self-loops excluded).
    const edgeKeys: string[] = new Array<string>(m);
    const edgeIndexes = new Map<string, number>();
    const typeNames: string[] = [];
    const typeIndexes = new Map<string, number>();
    const edgeTypeWide = new Int32Array(m);
    const outCount = new Int32Array(n);
    const inCount = new Int32Array(n);
    const undCount = new Int32Array(n);
    const loopCount = new Int32Array(n + 1);
    const loops: Array<{ node: number; edge: number; undirected: boolean }> = [];
    const indexOf = (key: string): number => nodeIndexes.get(key)!;
    let mixed = false;
    let e = 0;
    graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
      edgeKeys[e] = key;
      edgeIndexes.set(key, e);
      const typeName = attributes.type;
      let typeId = typeIndexes.get(typeName);
      if (typeId === undefined) {
        typeId = typeNames.length;
        typeNames.push(typeName);
        typeIndexes.set(typeName, typeId);
      }
      edgeTypeWide[e] = typeId;
      if (undirected) mixed = true;
      const s = indexOf(source);
      if (source === target) {
        loops.push({ node: s, edge: e, undirected });
        loopCount[s]!++;
      } else {
        const t = indexOf(target);
        if (undirected) {
          undCount[s]!++;
          undCount[t]!++;
        } else {
          outCount[s]!++;
          inCount[t]!++;
        }
      }
      e++;
    });
    const types = typeNames.length;
    const edgeType = typeArray(m, types);
    edgeType.set(edgeTypeWide);

    // Section layout.
    const outStart = new Int32Array(n);
    const inStart = new Int32Array(n);
    const undStart = new Int32Array(n);
    const undEnd = new Int32Array(n);
    const fwdStart = mixed ? new Int32Array(n) : outStart;
    const fwdEnd = mixed ? new Int32Array(n) : inStart;
    let total = 0;
    for (let u = 0; u < n; u++) {
      outStart[u] = total;
      total += outCount[u]!;
      inStart[u] = total;
      total += inCount[u]!;
      undStart[u] = total;
      total += undCount[u]!;
      undEnd[u] = total;
      if (mixed) {
        fwdStart[u] = total;
        total += outCount[u]! + undCount[u]!;
        fwdEnd[u] = total;
      }
    }

    const neighbor = new Int32Array(total);
    const edge = new Int32Array(total);
    const type = typeArray(total, types);
    const reversed = new Uint8Array(total);

    // Fill the sections with the walker's steps, in its order.
    let u = 0;
    let k = 0;
    let split = 0;
    let firstAt = 0;
    let restAt = 0;
    let copyAt = -1;
    const put = (j: number, edgeIndex: number, neighborIndex: number, isReversed: boolean): void => {
      neighbor[j] = neighborIndex;
      edge[j] = edgeIndex;
      type[j] = edgeTypeWide[edgeIndex]!;
      reversed[j] = isReversed ? 1 : 0;
    };
    const take = (edgeKey: string, neighborKey: string, isReversed: boolean): void => {
      const edgeIndex = edgeIndexes.get(edgeKey)!;
      const neighborIndex = nodeIndexes.get(neighborKey)!;
      if (k < split) put(firstAt + k, edgeIndex, neighborIndex, isReversed);
      else if (restAt >= 0) put(restAt + k - split, edgeIndex, neighborIndex, isReversed);
      if (copyAt >= 0) put(copyAt + k, edgeIndex, neighborIndex, isReversed);
      k++;
    };
    const walkOut = createWalker(graph, "forward", null);
    const walkIn = createWalker(graph, "backward", null);
    for (u = 0; u < n; u++) {
      const key = nodeKeys[u]!;
      // Forward: the out-steps, then (mixed graphs) the undirected ones.
      k = 0;
      split = outCount[u]!;
      firstAt = outStart[u]!;
      restAt = undStart[u]!;
      copyAt = mixed ? fwdStart[u]! : -1;
      walkOut(key, take);
      if (k !== outCount[u]! + undCount[u]!) throw new Error(`traversal index: ${k} forward steps from "${key}", expected ${outCount[u]! + undCount[u]!}`);
      // Backward: the in-steps, then the undirected ones again (already stored).
      k = 0;
      split = inCount[u]!;
      firstAt = inStart[u]!;
      restAt = -1;
      copyAt = -1;
      walkIn(key, take);
      if (k !== inCount[u]! + undCount[u]!) throw new Error(`traversal index: ${k} backward steps from "${key}", expected ${inCount[u]! + undCount[u]!}`);
    }

    // Self-loops, grouped by node in the order added.
    for (let v = n; v > 0; v--) loopCount[v] = loopCount[v - 1]!;
    loopCount[0] = 0;
    for (let v = 0; v < n; v++) loopCount[v + 1]! += loopCount[v]!;
    const loopEdge = new Int32Array(loops.length);
    const loopUndirected = new Uint8Array(loops.length);
    const loopFill = loopCount.slice(0, n);
    for (const loop of loops) {
      const at = loopFill[loop.node]!++;
      loopEdge[at] = loop.edge;
      loopUndirected[at] = loop.undirected ? 1 : 0;
    }

    // Cost estimates: graphology's degree in each direction.
    const cost = [new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
    const degrees = [createDegree(graph, "forward"), createDegree(graph, "backward"), createDegree(graph, "either")] as const;
    for (let d = 0; d < 3; d++) {
      const degree = degrees[d]!;
      const into = cost[d]!;
      for (let v = 0; v < n; v++) into[v] = degree(nodeKeys[v]!);
    }

    // Sorted run starts of the hubs.
    const runStart = new Int32Array(n + 1);
    let runs = 0;
    const isRunStart = (v: number, j: number): boolean =>
      j === outStart[v] || j === inStart[v] || j === undStart[v] || neighbor[j] !== neighbor[j - 1];
    for (let v = 0; v < n; v++) {
      runStart[v] = runs;
      if (undEnd[v]! - outStart[v]! > HUB_DEGREE) for (let j = outStart[v]!; j < undEnd[v]!; j++) if (isRunStart(v, j)) runs++;
    }
    runStart[n] = runs;
    const runEntry = new Int32Array(runs);
    const SPAN = 2 ** 26;
    for (let v = 0; v < n; v++) {
      const from = runStart[v]!;
      const count = runStart[v + 1]! - from;
      if (count === 0) continue;
      const base = outStart[v]!;
      const end = undEnd[v]!;
      if (end - base < SPAN && n < 2 ** 26) {
        // Sort numerically on (neighbour, position) packed exactly into one double.
        const keys = new Float64Array(count);
        let c = 0;
        for (let j = base; j < end; j++) if (isRunStart(v, j)) keys[c++] = neighbor[j]! * SPAN + (j - base);
        keys.sort();
        for (let r = 0; r < count; r++) runEntry[from + r] = base + (keys[r]! % SPAN);
      } else {
        const starts: number[] = [];
        for (let j = base; j < end; j++) if (isRunStart(v, j)) starts.push(j);
        starts.sort((a, b) => neighbor[a]! - neighbor[b]! || a - b);
        runEntry.set(starts, from);
      }
    }

    this.mixed = mixed;
    this.nodeKeys = nodeKeys;
    this.edgeKeys = edgeKeys;
    this.typeNames = typeNames;
    this.nodeIndexes = nodeIndexes;
    this.typeIndexes = typeIndexes;
    // Not needed by traversals: rebuilt on demand by edgeIndex().
    this.edgeIndexes = null;
    this.neighbor = neighbor;
    this.edge = edge;
    this.type = type;
    this.reversed = reversed;
    this.edgeType = edgeType;
    this.outStart = outStart;
    this.inStart = inStart;
    this.undStart = undStart;
    this.undEnd = undEnd;
    this.low = [fwdStart, inStart, outStart];
    this.high = [fwdEnd, undEnd, undEnd];
    this.cost = cost;
    this.loopStart = loopCount;
    this.loopEdge = loopEdge;
    this.loopUndirected = loopUndirected;
    this.runStart = runStart;
    this.runEntry = runEntry;
  }

  /** The node's index, or -1 when the graph has no such node. */
  nodeIndex(key: string): number {
    return this.nodeIndexes.get(key) ?? -1;
  }

  nodeKey(index: number): string {
    const key = this.nodeKeys[index];
    if (key === undefined) throw new RangeError(`no node with index ${index}`);
    return key;
  }

  /** The edge's index, or -1 when the graph has no such edge (the map is built on first use). */
  edgeIndex(key: string): number {
    if (this.edgeIndexes === null) {
      const map = new Map<string, number>();
      this.edgeKeys.forEach((edgeKey, index) => map.set(edgeKey, index));
      this.edgeIndexes = map;
    }
    return this.edgeIndexes.get(key) ?? -1;
  }

  edgeKey(index: number): string {
    const key = this.edgeKeys[index];
    if (key === undefined) throw new RangeError(`no edge with index ${index}`);
    return key;
  }

  /** The relation type's id, or -1 when no edge has that type. */
  typeId(name: string): number {
    return this.typeIndexes.get(name) ?? -1;
  }

  typeName(id: number): string {
    const name = this.typeNames[id];
    if (name === undefined) throw new RangeError(`no relation type with id ${id}`);
    return name;
  }

  /** Which relation type ids a walk may follow (1 = allowed), or null for every type. */
  allowedTypes(types: ReadonlySet<string> | null): Uint8Array | null {
    if (types === null) return null;
    const allowed = new Uint8Array(this.typeNames.length);
    for (const name of types) {
      const id = this.typeIndexes.get(name);
      if (id !== undefined) allowed[id] = 1;
    }
    return allowed;
  }

  /** Whether node u has a sorted run index (more than HUB_DEGREE entries). */
  isHub(u: number): boolean {
    return this.runStart[u + 1]! > this.runStart[u]!;
  }

  /**
   * The first run start of hub u leading to w (by position), as an index into
   * runEntry, or -1. The runs to w follow it while their neighbour is w.
   */
  firstRun(u: number, w: number): number {
    const runEntry = this.runEntry;
    const neighbor = this.neighbor;
    let lo = this.runStart[u]!;
    let hi = this.runStart[u + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (neighbor[runEntry[mid]!]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.runStart[u + 1]! && neighbor[runEntry[lo]!] === w ? lo : -1;
  }
}
