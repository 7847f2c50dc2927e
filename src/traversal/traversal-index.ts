/**
 * The traversal index: a compact, read-only copy of a directed graphology
 * graph's adjacency, built once in one pass over its edges and read by every
 * traversal (kept apart from the algorithms, as graphology-indices does).
 * Nodes and edges are numbered in graphology's order, relation types in order
 * of first use. A node's entries are two sections of one array, out-steps
 * [outStart[u], inStart[u]) then in-steps [inStart[u], outStart[u + 1]), so a
 * walk in any direction reads one range. Sections follow graphology's
 * adjacency order, which every result follows: neighbours in the order first
 * connected (integer-like keys first, as JavaScript orders object keys),
 * parallel edges oldest first. Self-loops, which never advance a walk, are
 * kept apart. A hub's runs (its entries to one neighbour in one section) are
 * also kept sorted by neighbour, for binary search. The graph must not change
 * once indexed (the knowledge graph never does).
 */
import type { AbstractGraph, Attributes } from "graphology-types";

/** Walk directions as the index's array positions (see low, high, cost). */
export const [FORWARD, BACKWARD, EITHER] = [0, 1, 2] as const;
export type DirectionCode = 0 | 1 | 2;

export const HUB_DEGREE = 64;

type TypeIds = Uint8Array | Uint16Array | Int32Array;

/** The index (see buildTraversalIndex's return value for what each array holds). */
export type TraversalIndex = ReturnType<typeof buildTraversalIndex>;

const typeArray = (length: number, types: number): TypeIds =>
  types <= 0x100 ? new Uint8Array(length) : types <= 0x10000 ? new Uint16Array(length) : new Int32Array(length);

/** An object key JavaScript orders before all others (a canonical array index): its number, or -1. */
export const arrayIndex = (key: string): number => (/^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 0xffffffff ? Number(key) : -1);

/**
 * The index of a directed graph (multi or simple) whose edges carry a `type`,
 * of the edges `include` keeps (default all); TypeError for any other graph.
 */
export function buildTraversalIndex<E extends Attributes>(graph: AbstractGraph<Attributes, E>, include: (edge: E) => boolean = () => true) {
  if (graph.type !== "directed") throw new TypeError(`buildTraversalIndex: the graph must be directed (got a ${graph.type} graph)`);
  const n = graph.order;
  let m = graph.size;
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
    if (!include(attributes)) return;
    const typeName = attributes["type"] as string;
    let typeId = typeIndexes.get(typeName);
    if (typeId === undefined) typeIndexes.set(typeName, (typeId = typeNames.push(typeName) - 1));
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
  edgeKeys.length = m = e;

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
  const runStart = new Int32Array(n + 1);
  const runStarts: number[] = [];
  // Each section, laid out in graphology's adjacency order (see layOut).
  const layOut = sectionLayout(nodeKeys, typeOfEdge, neighbor, edge, type);
  const bySource = bucket(n, source, outCount, source, target);
  const byTarget = bucket(n, target, inCount, source, target);
  for (let u = 0; u < n; u++) {
    runStart[u] = runStarts.length;
    const runs = outStart[u + 1]! - outStart[u]! > HUB_DEGREE ? runStarts : null;
    layOut(bySource, u, target, outStart[u]!, runs);
    layOut(byTarget, u, source, inStart[u]!, runs);
    if (runs) {
      const sorted = runs.slice(runStart[u]).sort((a, b) => neighbor[a]! - neighbor[b]! || a - b);
      for (let r = 0; r < sorted.length; r++) runs[runStart[u]! + r] = sorted[r]!;
    }
  }
  runStart[n] = runStarts.length;

  const loopStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) loopStart[u + 1] = loopStart[u]! + loopCount[u]!;
  const loopEdge = new Int32Array(loopStart[n]!);
  const loopFill = loopStart.slice(0, n);
  for (let f = 0; f < m; f++) if (source[f] === target[f]) loopEdge[loopFill[source[f]!]!++] = f;

  const cost = [
    Int32Array.from(outCount, (c, u) => c + loopCount[u]!),
    Int32Array.from(inCount, (c, u) => c + loopCount[u]!),
    Int32Array.from(outCount, (c, u) => c + inCount[u]! + 2 * loopCount[u]!),
  ] as const;
  const edgeType = typeArray(m, typeNames.length).map((_, f) => typeOfEdge[f]!) as TypeIds;
  const sectionEnd = outStart.subarray(1);

  return {
    order: n,
    size: m,
    nodeKeys: nodeKeys as readonly string[],
    edgeKeys: edgeKeys as readonly string[],
    typeNames: typeNames as readonly string[],
    /** Per entry: the node reached, the edge walked, its relation type id. */
    neighbor,
    edge,
    type,
    /** Per edge: its relation type id. */
    edgeType,
    /** Per node: where its sections start (outStart has n + 1 entries). */
    outStart,
    inStart,
    /** Per direction code, per node: the range a walk reads, and graphology's degree that way (self-loops included). */
    low: [outStart, inStart, outStart] as const,
    high: [inStart, sectionEnd, sectionEnd] as const,
    cost,
    /** Node u's self-loops are loopEdge[loopStart[u] .. loopStart[u + 1]), in the order added. */
    loopStart,
    loopEdge,
    /** Hub u's run starts are runEntry[runStart[u] .. runStart[u + 1]), by neighbour then position. */
    runStart,
    runEntry: Int32Array.from(runStarts),
    /** The node's index, or -1. */
    nodeIndex: (key: string): number => nodeIndexes.get(key) ?? -1,
    /** Which relation type ids a walk may follow (1 = allowed). */
    allowedTypes(types: readonly string[]): Uint8Array {
      const allowed = new Uint8Array(typeNames.length);
      for (const name of types) {
        const id = typeIndexes.get(name);
        if (id !== undefined) allowed[id] = 1;
      }
      return allowed;
    },
  };
}

/** Edge ids grouped by node `by[e]` (self-loops left out), in insertion order within a node. */
function bucket(n: number, by: Int32Array, counts: Int32Array, source: Int32Array, target: Int32Array) {
  const start = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) start[u + 1] = start[u]! + counts[u]!;
  const fill = start.slice(0, n);
  const edges = new Int32Array(start[n]!);
  for (let e = 0; e < by.length; e++) if (source[e] !== target[e]) edges[fill[by[e]!]!++] = e;
  return { start, edges };
}

/**
 * Lays out node u's section from its edges (in insertion order): one run per
 * neighbour, in the order first connected but integer-like keys first in
 * numeric order (as JavaScript orders the object keys graphology keeps them
 * as), each run's edges oldest first. Pushes the run starts when asked.
 */
function sectionLayout(nodeKeys: readonly string[], typeOfEdge: Int32Array, neighbor: Int32Array, edge: Int32Array, type: TypeIds) {
  const n = nodeKeys.length;
  const numeric = Float64Array.from(nodeKeys, arrayIndex);
  const runOf = new Int32Array(n);
  const seenIn = new Int32Array(n).fill(-1);
  let section = 0;
  return ({ start, edges }: { start: Int32Array; edges: Int32Array }, u: number, other: Int32Array, at: number, runStarts: number[] | null): void => {
    const current = section++;
    const firsts: number[] = [];
    const sizes: number[] = [];
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const v = other[edges[k]!]!;
      if (seenIn[v] !== current) {
        seenIn[v] = current;
        runOf[v] = firsts.length;
        firsts.push(v);
        sizes.push(0);
      }
      sizes[runOf[v]!]!++;
    }
    const order = firsts.map((_, r) => r);
    if (firsts.some((v) => numeric[v]! >= 0)) {
      const key = (r: number) => numeric[firsts[r]!]!;
      order.sort((a, b) => (key(a) >= 0 && key(b) >= 0 ? key(a) - key(b) : key(a) >= 0 ? -1 : key(b) >= 0 ? 1 : a - b));
    }
    const offset = new Array<number>(firsts.length);
    for (const r of order) {
      offset[r] = at;
      runStarts?.push(at);
      at += sizes[r]!;
    }
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const e = edges[k]!;
      const j = offset[runOf[other[e]!]!]!++;
      neighbor[j] = other[e]!;
      edge[j] = e;
      type[j] = typeOfEdge[e]!;
    }
  };
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
