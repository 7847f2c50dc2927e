/**
 * The traversal index: a compact, read-only copy of a graphology
 * MultiDirectedGraph's adjacency, built once in one pass over its edges and
 * read by every traversal (kept apart from the algorithms, as
 * graphology-indices keeps its indices).
 *
 * Nodes and edges are numbered in graphology's order, relation types in order
 * of first use. A node's adjacency entries are two sections of one array:
 * out-steps [outStart[u], inStart[u]), then in-steps [inStart[u],
 * outStart[u + 1]); so a forward, backward or either-way walk reads one range.
 * Within a section, entries follow graphology's adjacency order, which every
 * result order follows: neighbours in the order they were first connected
 * (graphology keeps them as object keys, so integer-like keys come first, in
 * numeric order), parallel edges oldest first. Self-loops never advance a walk;
 * they are kept apart, for induced subgraphs. For a node with more than
 * HUB_DEGREE entries, the starts of its runs (the entries to one neighbour
 * within one section) are kept sorted by neighbour, so the edges between a hub
 * and one node are found by binary search.
 *
 * The graph must not change once indexed (the knowledge graph never does).
 */
import type { AbstractGraph, Attributes } from "graphology-types";
import { BACKWARD, EITHER, FORWARD } from "./options.js";

export const HUB_DEGREE = 64;

type TypeIds = Uint8Array | Uint16Array | Int32Array;

export interface TraversalIndex {
  readonly order: number;
  readonly size: number;
  readonly nodeKeys: readonly string[];
  readonly edgeKeys: readonly string[];
  readonly typeNames: readonly string[];
  /** Per entry: the node reached, the edge walked, its relation type id. */
  readonly neighbor: Int32Array;
  readonly edge: Int32Array;
  readonly type: TypeIds;
  /** Per edge: its relation type id. */
  readonly edgeType: TypeIds;
  /** Per node: where its sections start (outStart has n + 1 entries). */
  readonly outStart: Int32Array;
  readonly inStart: Int32Array;
  /** Per direction code, per node: the range a walk reads, and graphology's degree that way (self-loops included). */
  readonly low: readonly [Int32Array, Int32Array, Int32Array];
  readonly high: readonly [Int32Array, Int32Array, Int32Array];
  readonly cost: readonly [Int32Array, Int32Array, Int32Array];
  /** Node u's self-loops are loopEdge[loopStart[u] .. loopStart[u + 1]), in the order added. */
  readonly loopStart: Int32Array;
  readonly loopEdge: Int32Array;
  /** Hub u's run starts are runEntry[runStart[u] .. runStart[u + 1]), by neighbour then position. */
  readonly runStart: Int32Array;
  readonly runEntry: Int32Array;
  /** The node's index, or -1. */
  nodeIndex(key: string): number;
  /** Which relation type ids a walk may follow (1 = allowed). */
  allowedTypes(types: readonly string[]): Uint8Array;
}

const typeArray = (length: number, types: number): TypeIds =>
  types <= 0x100 ? new Uint8Array(length) : types <= 0x10000 ? new Uint16Array(length) : new Int32Array(length);

/** An object key JavaScript orders before all others: a canonical array index. */
const arrayIndex = (key: string): number => (/^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 0xffffffff ? Number(key) : -1);

/** The index of a directed graph (multi or simple) whose edges carry a `type`; TypeError for any other graph. */
export function buildTraversalIndex(graph: AbstractGraph<Attributes, Attributes & { type: string }>): TraversalIndex {
  if (graph.type !== "directed") throw new TypeError(`buildTraversalIndex: the graph must be directed (got a ${graph.type} graph)`);
  const n = graph.order;
  const m = graph.size;
  const nodeKeys: string[] = [];
  const nodeIndexes = new Map<string, number>();
  graph.forEachNode((key) => {
    nodeIndexes.set(key, nodeKeys.length);
    nodeKeys.push(key);
  });

  const edgeKeys = new Array<string>(m);
  const typeNames: string[] = [];
  const typeIndexes = new Map<string, number>();
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const typeOfEdge = new Int32Array(m);
  const outCount = new Int32Array(n);
  const inCount = new Int32Array(n);
  const loopCount = new Int32Array(n + 1);
  let e = 0;
  graph.forEachEdge((key, attributes, sourceKey, targetKey) => {
    let typeId = typeIndexes.get(attributes.type);
    if (typeId === undefined) {
      typeIndexes.set(attributes.type, (typeId = typeNames.length));
      typeNames.push(attributes.type);
    }
    const s = nodeIndexes.get(sourceKey)!;
    const t = nodeIndexes.get(targetKey)!;
    edgeKeys[e] = key;
    source[e] = s;
    target[e] = t;
    typeOfEdge[e] = typeId;
    if (s === t) loopCount[s]!++;
    else {
      outCount[s]!++;
      inCount[t]!++;
    }
    e++;
  });

  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n);
  for (let u = 0, total = 0; u < n; u++) {
    outStart[u] = total;
    inStart[u] = total += outCount[u]!;
    total += inCount[u]!;
    outStart[u + 1] = total;
  }
  const entries = outStart[n]!;
  const neighbor = new Int32Array(entries);
  const edge = new Int32Array(entries);
  const type = typeArray(entries, typeNames.length);
  const runStarts: number[] = [];
  const runStart = new Int32Array(n + 1);
  const order = new SectionOrder(n, nodeKeys);
  // The edges of each node in insertion order, by source (for out-sections) and by target (for in-sections).
  const bySource = bucket(n, m, source, outCount, source, target);
  const byTarget = bucket(n, m, target, inCount, source, target);
  for (let u = 0; u < n; u++) {
    runStart[u] = runStarts.length;
    const hub = outStart[u + 1]! - outStart[u]! > HUB_DEGREE;
    order.fill(u, bySource, target, outStart[u]!, neighbor, edge, type, typeOfEdge, hub ? runStarts : null);
    order.fill(u, byTarget, source, inStart[u]!, neighbor, edge, type, typeOfEdge, hub ? runStarts : null);
    if (hub) sortRuns(runStarts, runStart[u]!, neighbor);
  }
  runStart[n] = runStarts.length;

  const loopStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) loopStart[u + 1] = loopStart[u]! + loopCount[u]!;
  const loopEdge = new Int32Array(loopStart[n]!);
  const loopFill = loopStart.slice(0, n);
  for (let f = 0; f < m; f++) if (source[f] === target[f]) loopEdge[loopFill[source[f]!]!++] = f;

  const cost = [new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  for (let u = 0; u < n; u++) {
    cost[FORWARD][u] = outCount[u]! + loopCount[u]!;
    cost[BACKWARD][u] = inCount[u]! + loopCount[u]!;
    cost[EITHER][u] = outCount[u]! + inCount[u]! + 2 * loopCount[u]!;
  }
  const edgeType = typeArray(m, typeNames.length);
  edgeType.set(typeOfEdge);
  const sectionEnd = outStart.subarray(1);

  return {
    order: n,
    size: m,
    nodeKeys,
    edgeKeys,
    typeNames,
    neighbor,
    edge,
    type,
    edgeType,
    outStart,
    inStart,
    low: [outStart, inStart, outStart],
    high: [inStart, sectionEnd, sectionEnd],
    cost,
    loopStart,
    loopEdge,
    runStart,
    runEntry: Int32Array.from(runStarts),
    nodeIndex: (key) => nodeIndexes.get(key) ?? -1,
    allowedTypes(types) {
      const allowed = new Uint8Array(typeNames.length);
      for (const name of types) {
        const id = typeIndexes.get(name);
        if (id !== undefined) allowed[id] = 1;
      }
      return allowed;
    },
  };
}

/** Edge ids grouped by `by[e]` (self-loops left out), in insertion order within a group. */
function bucket(n: number, m: number, by: Int32Array, counts: Int32Array, source: Int32Array, target: Int32Array): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) start[u + 1] = start[u]! + counts[u]!;
  const fill = start.slice(0, n);
  const edges = new Int32Array(start[n]!);
  for (let e = 0; e < m; e++) if (source[e] !== target[e]) edges[fill[by[e]!]!++] = e;
  return { start, edges };
}

/** Lays out one section of one node in graphology's adjacency order. */
class SectionOrder {
  private readonly groupOf: Int32Array;
  private readonly seenBy: Int32Array;
  private readonly numeric: Float64Array;
  private groups: number[] = [];
  private sizes: number[] = [];
  private calls = 0;

  constructor(n: number, nodeKeys: readonly string[]) {
    this.groupOf = new Int32Array(n);
    this.seenBy = new Int32Array(n).fill(-1);
    this.numeric = Float64Array.from(nodeKeys, arrayIndex);
  }

  fill(
    u: number,
    { start, edges }: { start: Int32Array; edges: Int32Array },
    other: Int32Array,
    at: number,
    neighbor: Int32Array,
    edge: Int32Array,
    type: TypeIds,
    typeOfEdge: Int32Array,
    runStarts: number[] | null,
  ): void {
    const { groupOf, seenBy, numeric } = this;
    const call = this.calls++;
    const groups = (this.groups = [] as number[]);
    const sizes = (this.sizes = [] as number[]);
    let anyNumeric = false;
    // Groups (one per neighbour) in the order first connected, with their sizes.
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const v = other[edges[k]!]!;
      if (seenBy[v] !== call) {
        seenBy[v] = call;
        groupOf[v] = groups.length;
        groups.push(v);
        sizes.push(0);
        if (numeric[v]! >= 0) anyNumeric = true;
      }
      sizes[groupOf[v]!]!++;
    }
    const ordered = groups.map((_, g) => g);
    if (anyNumeric) {
      ordered.sort((a, b) => {
        const x = numeric[groups[a]!]!;
        const y = numeric[groups[b]!]!;
        return x >= 0 && y >= 0 ? x - y : x >= 0 ? -1 : y >= 0 ? 1 : a - b;
      });
    }
    const offset = new Array<number>(groups.length);
    for (const g of ordered) {
      offset[g] = at;
      if (runStarts) runStarts.push(at);
      at += sizes[g]!;
    }
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const e = edges[k]!;
      const v = other[e]!;
      const j = offset[groupOf[v]!]!++;
      neighbor[j] = v;
      edge[j] = e;
      type[j] = typeOfEdge[e]!;
    }
  }
}

/** Sorts a hub's run starts (from `from` on) by neighbour, then position. */
function sortRuns(runStarts: number[], from: number, neighbor: Int32Array): void {
  const runs = runStarts.slice(from).sort((a, b) => neighbor[a]! - neighbor[b]! || a - b);
  for (let r = 0; r < runs.length; r++) runStarts[from + r] = runs[r]!;
}

/** Whether node u has a sorted run index. */
export const isHub = (index: TraversalIndex, u: number): boolean => index.runStart[u + 1]! > index.runStart[u]!;

/** The first of hub u's runs to w, as a position in runEntry, or -1; the runs to w follow it while their neighbour is w. */
export function firstRun(index: TraversalIndex, u: number, w: number): number {
  const { runEntry, neighbor, runStart } = index;
  let lo = runStart[u]!;
  let hi = runStart[u + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (neighbor[runEntry[mid]!]! < w) lo = mid + 1;
    else hi = mid;
  }
  return lo < runStart[u + 1]! && neighbor[runEntry[lo]!] === w ? lo : -1;
}
