/**
 * Per-node working arrays, allocated once per index and reused by every
 * traversal call, named by the role they play. A `Marks` is a set of nodes
 * that empties in O(1): `clear()` starts a new generation, and a node is in
 * the set when its stamp equals the current generation. The value arrays
 * beside a set (distances, parents) are meaningful only for its members.
 *
 * Calls are synchronous and do not nest, so one scratch serves them all; a
 * traversal that calls out (the retaliation chain's `dateOf`) finishes with
 * the scratch before it does.
 */

export class Marks {
  readonly stamp: Uint32Array;
  private generation = 0;

  constructor(n: number) {
    this.stamp = new Uint32Array(n);
  }

  /** Empties the set; returns the generation its members will be stamped with. */
  clear(): number {
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

export class Scratch {
  /** Nodes reached from the start (neighbourhood, bidirectional search, what a chain answered). */
  readonly fromStart: Marks;
  readonly distanceFromStart: Int32Array;
  readonly startQueue: Int32Array;
  /** Nodes that reach the target (bidirectional search, distances to the target, what answered a chain). */
  readonly toTarget: Marks;
  readonly distanceToTarget: Int32Array;
  readonly targetQueue: Int32Array;
  /** The next layer of a breadth-first search. */
  readonly nextLayer: Int32Array;
  /** How each node of the forward search was first reached: the node before it and the entry walked. */
  readonly parentNode: Int32Array;
  readonly parentEntry: Int32Array;
  /** Nodes of the backward search's last layer that the forward search had reached. */
  readonly crossed: Marks;
  /** Nodes whose onward steps are listed in a depth-first search, at candidateStart, candidateCount long. */
  readonly listed: Marks;
  readonly candidateStart: Int32Array;
  readonly candidateCount: Int32Array;
  /** Nodes from which no shortest path continues. */
  readonly deadEnd: Marks;
  /** Nodes on the path a depth-first search is extending. */
  readonly onPath: Marks;
  /** Members of an induced subgraph, with their position in the member list. */
  readonly member: Marks;
  readonly memberRank: Int32Array;

  constructor(n: number) {
    this.fromStart = new Marks(n);
    this.distanceFromStart = new Int32Array(n);
    this.startQueue = new Int32Array(n);
    this.toTarget = new Marks(n);
    this.distanceToTarget = new Int32Array(n);
    this.targetQueue = new Int32Array(n);
    this.nextLayer = new Int32Array(n);
    this.parentNode = new Int32Array(n);
    this.parentEntry = new Int32Array(n);
    this.crossed = new Marks(n);
    this.listed = new Marks(n);
    this.candidateStart = new Int32Array(n);
    this.candidateCount = new Int32Array(n);
    this.deadEnd = new Marks(n);
    this.onPath = new Marks(n);
    this.member = new Marks(n);
    this.memberRank = new Int32Array(n);
  }
}

const scratches = new WeakMap<object, Scratch>();

/** The scratch of an index of `n` nodes, allocated on first use. */
export function scratchFor(index: { readonly order: number }): Scratch {
  let scratch = scratches.get(index);
  if (scratch === undefined) scratches.set(index, (scratch = new Scratch(index.order)));
  return scratch;
}
