/**
 * Upper bounds on what a query can get back from this graph, computed once
 * from the traversal index: the most relations of each type one entity has
 * in each direction, how many relations the busiest entities can have among
 * themselves, and the longest a shortest path can be. The cost analysis reads
 * them, so that a list is costed at what it can really return rather than at
 * a guess.
 */
import type { KnowledgeBase } from "../loading/validate.js";
import type { Evidence } from "../model/records.js";
import { citedDocuments, claimEvidence } from "../graph/document-support.js";
import type { Direction, TraversalIndex } from "../traversal/index.js";

/** The longest lists the records themselves hold. */
export interface RecordListMaxima {
  /** Claims of one entity. */
  readonly claims: number;
  /** Evidence entries of one entity. */
  readonly entityEvidence: number;
  /** Evidence entries of one relation. */
  readonly relationEvidence: number;
  /** Evidence entries of one claim (its source and the documents corroborating it). */
  readonly claimEvidence: number;
  /** Records (entities, relations, claims) one source document supports. */
  readonly supportsPerDocument: number;
  /** Entities one evidence entry is attributed to. */
  readonly attributedTo: number;
  /** Source documents. */
  readonly sources: number;
  /** COUNTRY places: the most countries anything can lie in. */
  readonly countries: number;
  /** Deprecated relations touching one entity (the traversal index, and so `maxDegree`, leaves them out). */
  readonly deprecatedRelations: number;
  /** Deprecated relations in all. */
  readonly deprecatedRelationsTotal: number;
}

export interface GraphProfile {
  readonly entities: number;
  readonly relations: number;
  readonly records: RecordListMaxima;
  /**
   * The most relations of the given types (every type when null or empty) one
   * entity has in `direction`: a sum of per-type maxima, so an upper bound.
   */
  maxDegree(types: readonly string[] | null | undefined, direction: Direction): number;
  /** The most relations with both ends among any `k` entities: half the sum of the `k` largest degrees, at most every relation. */
  maxRelationsAmong(k: number): number;
  /**
   * The most steps a shortest path can take. Walking either way, a connected
   * part of the graph is at most twice as wide as the distance from its
   * busiest entity to the farthest one; walking one way only, it is bounded by
   * the part's size, and so it is when only some relation types are walked.
   */
  longestShortestPath(direction: Direction, types?: readonly string[] | null): number;
  /** Relations of one type. */
  relationsOfType(type: string): number;
  /** Entities with at least one relation of one type. */
  entitiesWithType(type: string): number;
}

const DIRECTION_INDEX: Record<Direction, number> = { forward: 0, backward: 1, either: 2 };

/** The largest of the values, 0 for none; a loop, since spreading a map of many sources into Math.max overflows the call stack. */
function largest(values: Iterable<number>): number {
  let most = 0;
  for (const value of values) if (value > most) most = value;
  return most;
}

/** The longest lists the records hold. */
export function recordListMaxima(kb: KnowledgeBase): RecordListMaxima {
  let claims = 0;
  let entityEvidence = 0;
  let relationEvidence = 0;
  let claimEvidenceMost = 0;
  let attributedTo = 0;
  const supports = new Map<string, number>();
  const evidenceOf = (evidence: readonly Evidence[]) => {
    for (const entry of evidence) attributedTo = Math.max(attributedTo, entry.attributedTo?.length ?? 0);
  };
  const supportsOf = (evidence: readonly Evidence[]) => {
    for (const document of citedDocuments(evidence)) supports.set(document, (supports.get(document) ?? 0) + 1);
  };
  for (const entity of kb.entities) {
    claims = Math.max(claims, entity.claims?.length ?? 0);
    entityEvidence = Math.max(entityEvidence, entity.evidence.length);
    evidenceOf(entity.evidence);
    supportsOf(entity.evidence);
    for (const claim of entity.claims ?? []) {
      const evidence = claimEvidence(claim);
      claimEvidenceMost = Math.max(claimEvidenceMost, evidence.length);
      evidenceOf(evidence);
      supportsOf(evidence);
    }
  }
  const deprecated = new Map<string, number>();
  const countDeprecated = (id: string) => deprecated.set(id, (deprecated.get(id) ?? 0) + 1);
  for (const relation of kb.relations) {
    relationEvidence = Math.max(relationEvidence, relation.evidence.length);
    evidenceOf(relation.evidence);
    supportsOf(relation.evidence);
    if (relation.rank === "DEPRECATED") {
      countDeprecated(relation.source);
      if (relation.target !== relation.source) countDeprecated(relation.target);
    }
  }
  for (const location of kb.locations) if (location.coordinates) evidenceOf([location.coordinates.evidence]);
  return {
    claims,
    entityEvidence,
    relationEvidence,
    claimEvidence: claimEvidenceMost,
    supportsPerDocument: largest(supports.values()),
    attributedTo,
    sources: kb.sources.length,
    countries: kb.entities.filter((entity) => entity.kind === "Place" && entity.placeType === "COUNTRY").length,
    deprecatedRelations: largest(deprecated.values()),
    deprecatedRelationsTotal: kb.relations.filter((relation) => relation.rank === "DEPRECATED").length,
  };
}

export function profileGraph(index: TraversalIndex, records: RecordListMaxima): GraphProfile {
  const { order: n, size: m, typeNames, neighbor, type, outStart, inStart, loopStart, loopEdge, edgeType } = index;
  const types = typeNames.length;
  // maxima[d * types + t]: the most relations of type t one entity has in direction d.
  const maxima = new Int32Array(3 * types);
  const maxAll = new Int32Array(3);
  const withType = new Int32Array(types);
  const ofType = new Int32Array(types);
  const out = new Int32Array(types);
  const into = new Int32Array(types);
  const degrees = new Int32Array(n);

  for (let u = 0; u < n; u++) {
    out.fill(0);
    into.fill(0);
    for (let j = outStart[u]!; j < inStart[u]!; j++) out[type[j]!]!++;
    for (let j = inStart[u]!; j < outStart[u + 1]!; j++) into[type[j]!]!++;
    for (let l = loopStart[u]!; l < loopStart[u + 1]!; l++) {
      const t = edgeType[loopEdge[l]!]!;
      out[t]!++;
      into[t]!++;
    }
    let outTotal = 0;
    let inTotal = 0;
    for (let t = 0; t < types; t++) {
      const o = out[t]!;
      const i = into[t]!;
      if (o > maxima[t]!) maxima[t] = o;
      if (i > maxima[types + t]!) maxima[types + t] = i;
      if (o + i > maxima[2 * types + t]!) maxima[2 * types + t] = o + i;
      if (o + i > 0) withType[t]!++;
      ofType[t]! += o;
      outTotal += o;
      inTotal += i;
    }
    maxAll[0] = Math.max(maxAll[0]!, outTotal);
    maxAll[1] = Math.max(maxAll[1]!, inTotal);
    maxAll[2] = Math.max(maxAll[2]!, outTotal + inTotal);
    degrees[u] = outTotal + inTotal;
  }

  // Prefix sums of the degrees, largest first.
  degrees.sort().reverse();
  const busiest = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) busiest[i + 1] = busiest[i]! + degrees[i]!;

  const typeIndex = new Map(typeNames.map((name, t) => [name, t]));
  const allDegrees = new Int32Array(n);
  for (let u = 0; u < n; u++) allDegrees[u] = outStart[u + 1]! - outStart[u]!;
  const widths = componentWidths(n, neighbor, outStart, outStart.subarray(1), allDegrees);

  return {
    entities: n,
    relations: m,
    records,
    longestShortestPath: (direction, typeList) => (direction === "either" && !typeList?.length ? widths.undirected : widths.directed),
    maxDegree(typeList, direction) {
      const d = DIRECTION_INDEX[direction];
      if (!typeList || typeList.length === 0) return maxAll[d]!;
      let sum = 0;
      for (const name of new Set(typeList)) {
        const t = typeIndex.get(name);
        if (t !== undefined) sum += maxima[d * types + t]!;
      }
      return Math.min(sum, maxAll[d]!);
    },
    maxRelationsAmong(k) {
      const count = Math.max(0, Math.min(Math.floor(k), n));
      return Math.min(m, Math.ceil(busiest[count]! / 2));
    },
    relationsOfType: (name) => {
      const t = typeIndex.get(name);
      return t === undefined ? 0 : ofType[t]!;
    },
    entitiesWithType: (name) => {
      const t = typeIndex.get(name);
      return t === undefined ? 0 : withType[t]!;
    },
  };
}

/**
 * Bounds on shortest-path lengths from the weakly connected components (found
 * by union-find over every adjacency entry): `directed` is one less than the
 * largest component's size; `undirected` is, over the components, the least
 * of that and twice the eccentricity of the component's busiest entity (one
 * breadth-first search per component, ignoring direction).
 */
function componentWidths(n: number, neighbor: Int32Array, start: Int32Array, end: Int32Array, degree: Int32Array): { directed: number; undirected: number } {
  const parent = new Int32Array(n);
  for (let u = 0; u < n; u++) parent[u] = u;
  const root = (u: number): number => {
    while (parent[u] !== u) {
      parent[u] = parent[parent[u]!]!;
      u = parent[u]!;
    }
    return u;
  };
  for (let u = 0; u < n; u++) {
    for (let j = start[u]!; j < end[u]!; j++) {
      const a = root(u);
      const b = root(neighbor[j]!);
      if (a !== b) parent[a] = b;
    }
  }
  const sizes = new Int32Array(n);
  const busiest = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const r = root(u);
    sizes[r]!++;
    if (busiest[r]! < 0 || degree[u]! > degree[busiest[r]!]!) busiest[r] = u;
  }
  const distance = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let directed = 0;
  let undirected = 0;
  for (let r = 0; r < n; r++) {
    if (busiest[r]! < 0) continue;
    directed = Math.max(directed, sizes[r]! - 1);
    const from = busiest[r]!;
    distance[from] = 0;
    queue[0] = from;
    let count = 1;
    let eccentricity = 0;
    for (let i = 0; i < count; i++) {
      const u = queue[i]!;
      eccentricity = distance[u]!;
      for (let j = start[u]!; j < end[u]!; j++) {
        const v = neighbor[j]!;
        if (distance[v]! < 0) {
          distance[v] = distance[u]! + 1;
          queue[count++] = v;
        }
      }
    }
    undirected = Math.max(undirected, Math.min(sizes[r]! - 1, 2 * eccentricity));
  }
  return { directed, undirected };
}
