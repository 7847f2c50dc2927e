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
 *
 * Every traversal takes a `budget` of edge visits, counted by a `Meter`.
 * The traversal index (src/traversal) lays each node's steps out in this
 * walker's order, and the tests hold it to that.
 */
import type { AbstractGraph, Attributes } from "graphology-types";
import { BadInputError, BudgetExceededError, NotFoundError } from "../../../src/errors.js";

/** Edge attributes the algorithms rely on: the relation type. */
export interface TypedEdgeAttributes {
  readonly type: string;
}

export type EdgeAttributes = Attributes & TypedEdgeAttributes;

/** Any graphology graph whose edges carry a `type`; node keys are strings. */
export type RelationGraph<N extends Attributes = Attributes, E extends EdgeAttributes = EdgeAttributes> = AbstractGraph<N, E>;

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
  /**
   * The most edge visits (adjacency entries examined) the call may make, an
   * integer >= 1; default no limit. A call that would need more throws
   * BudgetExceededError instead of running on.
   */
  readonly budget?: number | undefined;
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

/** Called once per step; `reversed` is relative to the walk. Returning true stops the walk from this node. */
export type StepVisitor = (edge: string, neighbor: string, reversed: boolean) => boolean | void;

/** Calls `visit` for every step allowed from `node`, until it returns true. Not re-entrant: `visit` must not walk. */
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
export function relationTypesOption(value: readonly string[] | null | undefined): ReadonlySet<string> | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((type) => typeof type !== "string")) {
    throw new BadInputError("relationTypes", "must be a list of relation type names");
  }
  return value.length === 0 ? null : new Set(value);
}

/** The `budget` option: an integer >= 1, or Infinity (no limit) when not given. */
export function budgetOption(value: number | null | undefined): number {
  return value === undefined || value === null ? Infinity : integerOption("budget", value, 1, 1);
}

/**
 * Counts the edge visits of one call against its budget: one per adjacency
 * entry examined (every edge a graphology iteration hands over, self-loops and
 * edges of other types included) and one per step a depth-first search takes
 * from a memoised list. Throws BudgetExceededError on the visit that would
 * exceed the budget.
 */
export class Meter {
  spent = 0;
  constructor(
    readonly operation: string,
    readonly budget: number = Infinity,
  ) {}

  visit(): void {
    if (++this.spent > this.budget) throw new BudgetExceededError(this.operation, this.budget);
  }
}

export function reverse(direction: Direction): Direction {
  return direction === "forward" ? "backward" : direction === "backward" ? "forward" : "either";
}

const ignore: StepVisitor = () => {};

/**
 * graphology lists parallel edges to one neighbour most recent first; a walker
 * holds such a run back and replays it oldest first.
 */
export function createWalker<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  direction: Direction,
  types: ReadonlySet<string> | null,
  meter: Meter = new Meter("walk"),
): Walker {
  const outward = direction !== "backward";
  const inward = direction !== "forward";
  const undirected = graph.type !== "directed";
  let visit: StepVisitor = ignore;
  let current = "";
  let stopped = false;
  const run: string[] = [];
  let runNeighbor = "";
  let runReversed = false;

  const flush = (): boolean => {
    for (let i = run.length - 1; i >= 0 && !stopped; i--) stopped = visit(run[i]!, runNeighbor, runReversed) === true;
    run.length = 0;
    return stopped;
  };
  const hold = (edge: string, neighbor: string, reversed: boolean): boolean => {
    if (run.length > 0 && neighbor !== runNeighbor && flush()) return true;
    run.push(edge);
    runNeighbor = neighbor;
    runReversed = reversed;
    return false;
  };
  const allowed = (source: string, target: string, attributes: E): boolean => {
    meter.visit();
    return source !== target && (types === null || types.has(attributes.type));
  };
  const onOut = (edge: string, attributes: E, source: string, target: string): boolean =>
    allowed(source, target, attributes) && hold(edge, target, false);
  const onIn = (edge: string, attributes: E, source: string, target: string): boolean =>
    allowed(source, target, attributes) && hold(edge, source, true);
  const onUndirected = (edge: string, attributes: E, source: string, target: string): boolean =>
    allowed(source, target, attributes) && hold(edge, source === current ? target : source, false);

  return (node, visitor) => {
    visit = visitor;
    current = node;
    stopped = false;
    run.length = 0;
    if (outward) {
      graph.findOutEdge(node, onOut);
      flush();
    }
    if (inward && !stopped) {
      graph.findInEdge(node, onIn);
      flush();
    }
    if (undirected && !stopped) {
      graph.findUndirectedEdge(node, onUndirected);
      flush();
    }
    visit = ignore;
  };
}

/**
 * Like a walker's steps from `node` filtered to those reaching `neighbor`, in
 * the same order, but looked up directly rather than scanning `node`'s edges.
 */
export type PairWalker = (node: string, neighbor: string, visit: StepVisitor) => void;

export function createPairWalker<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  direction: Direction,
  types: ReadonlySet<string> | null,
  meter: Meter = new Meter("walk"),
): PairWalker {
  const outward = direction !== "backward";
  const inward = direction !== "forward";
  const undirected = graph.type !== "directed";
  const run: string[] = [];
  const collect = (edge: string, attributes: E, source: string, target: string): void => {
    meter.visit();
    if (source !== target && (types === null || types.has(attributes.type))) run.push(edge);
  };
  const replay = (neighbor: string, reversed: boolean, visit: StepVisitor): boolean => {
    let stopped = false;
    for (let i = run.length - 1; i >= 0 && !stopped; i--) stopped = visit(run[i]!, neighbor, reversed) === true;
    run.length = 0;
    return stopped;
  };
  return (node, neighbor, visit) => {
    run.length = 0;
    if (outward) {
      graph.forEachOutEdge(node, neighbor, collect);
      if (replay(neighbor, false, visit)) return;
    }
    if (inward) {
      graph.forEachInEdge(node, neighbor, collect);
      if (replay(neighbor, true, visit)) return;
    }
    if (undirected) {
      graph.forEachUndirectedEdge(node, neighbor, collect);
      replay(neighbor, false, visit);
    }
  };
}

/**
 * The edges of an allowed type with both endpoints in `nodes` (the induced
 * subgraph, self-loops included), each once: by source in the order of
 * `nodes`, then by target in that order, parallel edges in the order they were
 * added. An undirected edge counts under its endpoint that comes first.
 *
 * A node with more edges than there are nodes is not scanned; instead each
 * pair is looked up, so hubs cost no more than the other nodes.
 */
export function inducedEdges<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  nodes: readonly string[],
  types: ReadonlySet<string> | null,
  meter: Meter = new Meter("walk"),
): string[] {
  const rank = new Map<string, number>();
  for (const node of nodes) if (!rank.has(node)) rank.set(node, rank.size);
  const edges: string[] = [];
  const found: Array<{ readonly edge: string; readonly rank: number; readonly order: number }> = [];
  let current = "";
  let least = 0;
  const take = (edge: string, attributes: E, neighbor: string): void => {
    meter.visit();
    const position = rank.get(neighbor);
    if (position !== undefined && position >= least && (types === null || types.has(attributes.type))) {
      found.push({ edge, rank: position, order: found.length });
    }
  };
  const onOut = (edge: string, attributes: E, _source: string, target: string): void => take(edge, attributes, target);
  const onUndirected = (edge: string, attributes: E, source: string, target: string): void =>
    take(edge, attributes, source === current ? target : source);
  // Within one neighbour, graphology lists the most recent edge first.
  const drain = (): void => {
    found.sort((a, b) => a.rank - b.rank || b.order - a.order);
    for (const { edge } of found) edges.push(edge);
    found.length = 0;
  };

  for (const [node, position] of rank) {
    current = node;
    least = 0;
    if (graph.outDegree(node) <= rank.size) graph.forEachOutEdge(node, onOut);
    else for (const other of rank.keys()) graph.forEachOutEdge(node, other, onOut);
    drain();
    if (graph.type !== "directed") {
      least = position;
      graph.forEachUndirectedEdge(node, onUndirected);
      drain();
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
 * Breadth-first distances from `start` along `walk`, explored one layer at a
 * time only as far as asked, so callers can bound the search.
 */
export class Distances {
  private readonly distance: Map<string, number>;
  private frontier: string[];
  private next: string[] = [];
  private depth = 0;
  private readonly visit: StepVisitor;

  constructor(
    start: string,
    private readonly walk: Walker,
  ) {
    this.distance = new Map([[start, 0]]);
    this.frontier = [start];
    this.visit = (_edge, neighbor) => {
      if (!this.distance.has(neighbor)) {
        this.distance.set(neighbor, this.depth + 1);
        this.next.push(neighbor);
      }
    };
  }

  /** Explores every node within `depth` hops. */
  reach(depth: number): void {
    while (this.depth < depth && this.frontier.length > 0) {
      for (const node of this.frontier) this.walk(node, this.visit);
      this.frontier = this.next;
      this.next = [];
      this.depth++;
    }
  }

  /** The exact distance where explored, else the least it can be (Infinity when unreachable). */
  atLeast(node: string): number {
    return this.distance.get(node) ?? (this.frontier.length === 0 ? Infinity : this.depth + 1);
  }
}

/** How many edges a walk looks at from a node: its degree in the walk's direction. */
export function createDegree<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  direction: Direction,
): (node: string) => number {
  if (graph.type === "directed") {
    if (direction === "forward") return (node) => graph.outDegree(node);
    if (direction === "backward") return (node) => graph.inDegree(node);
    return (node) => graph.degree(node);
  }
  if (direction === "forward") return (node) => graph.outDegree(node) + graph.undirectedDegree(node);
  if (direction === "backward") return (node) => graph.inDegree(node) + graph.undirectedDegree(node);
  return (node) => graph.degree(node);
}

export function trivialPath(node: string): Path {
  return { nodes: [node], steps: [] };
}

export function pathFromSteps(start: string, steps: Step[]): Path {
  const nodes = [start];
  for (const step of steps) nodes.push(step.to);
  return { nodes, steps };
}
