/**
 * What every traversal shares: the graph shape the algorithms accept, the walk
 * options (direction and relation-type filter), validation of keys and options,
 * and a `Walker` that enumerates the steps a walk may take from a node.
 *
 * Iteration follows insertion order: a node's neighbours in the order they were
 * first connected (graphology's adjacency order, which keeps them in plain
 * objects, so integer-like keys come first), out-edges before in-edges, and
 * parallel edges in the order they were added. Every result is therefore a
 * function of the graph and the arguments alone.
 *
 * Self-loops never advance a walk. Undirected edges (in mixed graphs) can be
 * walked either way and never count as reversed.
 */
import type { AbstractGraph, Attributes } from "graphology-types";
import { BadInputError, NotFoundError } from "../errors.js";

/** Edge attributes the algorithms rely on: the relation type. */
export interface TypedEdgeAttributes {
  readonly type: string;
}

/** Any graphology graph whose edges carry a `type`; node keys are strings. */
export type RelationGraph<N extends Attributes = Attributes, E extends EdgeAttributes = EdgeAttributes> = AbstractGraph<N, E>;

export type EdgeAttributes = Attributes & TypedEdgeAttributes;

/**
 * "forward" follows edges from source to target, "backward" from target to
 * source, "either" ignores edge direction.
 */
export type Direction = "forward" | "backward" | "either";
export const DIRECTIONS: readonly Direction[] = ["forward", "backward", "either"];

export interface WalkOptions {
  /** Relation types to follow; undefined or empty follows every type. */
  readonly relationTypes?: readonly string[] | undefined;
  /** Default "either". */
  readonly direction?: Direction | undefined;
}

/** One edge walked on a path; `reversed` when walked from its target to its source. */
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

/** Called once per step; `reversed` is relative to the walk that produced it. */
export type StepVisitor = (edge: string, neighbor: string, reversed: boolean) => void;

/** Calls `visit` for every step allowed from `node`. Not re-entrant: `visit` must not walk. */
export type Walker = (node: string, visit: StepVisitor) => void;

export function requireNode(graph: { hasNode(key: unknown): boolean }, key: string): void {
  if (typeof key !== "string" || !graph.hasNode(key)) throw new NotFoundError("entity", String(key));
}

/** An integer option `>= min`, or its default when not given. */
export function integerOption(name: string, value: number | null | undefined, fallback: number, min: number): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < min) {
    throw new BadInputError(name, `must be an integer >= ${min} (got ${String(value)})`);
  }
  return resolved;
}

export function directionOption(value: Direction | null | undefined, fallback: Direction = "either"): Direction {
  const resolved = value ?? fallback;
  if (!DIRECTIONS.includes(resolved)) {
    throw new BadInputError("direction", `must be one of ${DIRECTIONS.map((d) => `"${d}"`).join(", ")} (got ${JSON.stringify(value)})`);
  }
  return resolved;
}

/** The relation types to follow as a set, or null for "every type". */
export function relationTypesOption(value: readonly string[] | null | undefined, name = "relationTypes"): ReadonlySet<string> | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((type) => typeof type !== "string")) {
    throw new BadInputError(name, "must be a list of relation type names");
  }
  return value.length === 0 ? null : new Set(value);
}

export function reverse(direction: Direction): Direction {
  return direction === "forward" ? "backward" : direction === "backward" ? "forward" : "either";
}

const ignore: StepVisitor = () => {};

/**
 * graphology lists parallel edges to one neighbour most recent first; walkers
 * and `inducedEdges` hold such a run back and replay it oldest first.
 */
export function createWalker<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  direction: Direction,
  types: ReadonlySet<string> | null,
): Walker {
  const outward = direction !== "backward";
  const inward = direction !== "forward";
  const undirected = graph.type !== "directed";
  let visit: StepVisitor = ignore;
  let current = "";
  const run: string[] = [];
  let runNeighbor = "";
  let runReversed = false;

  const flush = (): void => {
    for (let i = run.length - 1; i >= 0; i--) visit(run[i]!, runNeighbor, runReversed);
    run.length = 0;
  };
  const hold = (edge: string, neighbor: string, reversed: boolean): void => {
    if (run.length > 0 && neighbor !== runNeighbor) flush();
    run.push(edge);
    runNeighbor = neighbor;
    runReversed = reversed;
  };
  const onOut = (edge: string, attributes: E, source: string, target: string): void => {
    if (source !== target && (types === null || types.has(attributes.type))) hold(edge, target, false);
  };
  const onIn = (edge: string, attributes: E, source: string, target: string): void => {
    if (source !== target && (types === null || types.has(attributes.type))) hold(edge, source, true);
  };
  const onUndirected = (edge: string, attributes: E, source: string, target: string): void => {
    if (source !== target && (types === null || types.has(attributes.type))) {
      hold(edge, source === current ? target : source, false);
    }
  };

  return (node, visitor) => {
    visit = visitor;
    current = node;
    run.length = 0;
    if (outward) {
      graph.forEachOutEdge(node, onOut);
      flush();
    }
    if (inward) {
      graph.forEachInEdge(node, onIn);
      flush();
    }
    if (undirected) {
      graph.forEachUndirectedEdge(node, onUndirected);
      flush();
    }
    visit = ignore;
  };
}

/**
 * The edges of an allowed type with both endpoints in `nodes` (the induced
 * subgraph, self-loops included), each once, grouped by node in the order of
 * `nodes`; `members` is the same nodes as a set.
 */
export function inducedEdges<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  nodes: Iterable<string>,
  members: ReadonlySet<string>,
  types: ReadonlySet<string> | null,
): string[] {
  const edges: string[] = [];
  let current = "";
  let runStart = 0;
  let runNeighbor: string | null = null;
  const endRun = (): void => {
    for (let i = runStart, j = edges.length - 1; i < j; i++, j--) {
      const edge = edges[i]!;
      edges[i] = edges[j]!;
      edges[j] = edge;
    }
    runStart = edges.length;
    runNeighbor = null;
  };
  const keep = (edge: string, neighbor: string): void => {
    if (neighbor !== runNeighbor) {
      endRun();
      runNeighbor = neighbor;
    }
    edges.push(edge);
  };
  const onOut = (edge: string, attributes: E, _source: string, target: string): void => {
    if (members.has(target) && (types === null || types.has(attributes.type))) keep(edge, target);
  };
  const onUndirected = (edge: string, attributes: E, source: string, target: string): void => {
    if (source === current && members.has(target) && (types === null || types.has(attributes.type))) keep(edge, target);
  };
  const undirected = graph.type !== "directed";
  for (const node of nodes) {
    current = node;
    graph.forEachOutEdge(node, onOut);
    endRun();
    if (undirected) {
      graph.forEachUndirectedEdge(node, onUndirected);
      endRun();
    }
  }
  return edges;
}

/** Every node reachable from `start` (itself included) in breadth-first order. */
export function reachable(start: string, walk: Walker): string[] {
  const seen = new Set<string>([start]);
  const order = [start];
  const visit: StepVisitor = (_edge, neighbor) => {
    if (!seen.has(neighbor)) {
      seen.add(neighbor);
      order.push(neighbor);
    }
  };
  for (let i = 0; i < order.length; i++) walk(order[i]!, visit);
  return order;
}

/**
 * Breadth-first distances from `start` along `walk`, up to `maxDepth` hops
 * (nodes farther away are absent).
 */
export function distancesFrom(start: string, walk: Walker, maxDepth: number): Map<string, number> {
  const distance = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  let next: string[] = [];
  let depth = 0;
  const visit: StepVisitor = (_edge, neighbor) => {
    if (!distance.has(neighbor)) {
      distance.set(neighbor, depth + 1);
      next.push(neighbor);
    }
  };
  while (frontier.length > 0 && depth < maxDepth) {
    for (const node of frontier) walk(node, visit);
    frontier = next;
    next = [];
    depth++;
  }
  return distance;
}

export function trivialPath(node: string): Path {
  return { nodes: [node], steps: [] };
}

export function pathFromSteps(start: string, steps: Step[]): Path {
  const nodes = [start];
  for (const step of steps) nodes.push(step.to);
  return { nodes, steps };
}
