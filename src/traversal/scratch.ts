/**
 * Per-node working arrays, allocated once per index and reused by every call,
 * named by their role. A `Marks` is a set of nodes that empties in O(1) (a new
 * generation); the value arrays beside a set mean something only for its
 * members. Calls are synchronous and do not nest; a traversal that calls out
 * (the retaliation chain's `dateOf`) is done with the scratch before it does.
 */

export class Marks {
  readonly stamp: Uint32Array;
  private generation = 0;

  constructor(n: number) {
    this.stamp = new Uint32Array(n);
  }

  /** The generation members are stamped with now. */
  get current(): number {
    return this.generation;
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

const createScratch = (n: number) => ({
  /** Nodes reached from the start, their hops, the queue that reached them (neighbourhood, forward search, what a chain answered). */
  fromStart: new Marks(n),
  distanceFromStart: new Int32Array(n),
  startQueue: new Int32Array(n),
  /** The same towards the target (backward search, distances to the target, what answered a chain). */
  toTarget: new Marks(n),
  distanceToTarget: new Int32Array(n),
  targetQueue: new Int32Array(n),
  /** The next layer of a bidirectional search. */
  nextLayer: new Int32Array(n),
  /** How each node of the forward search was first reached: the node before it and the entry walked. */
  parentNode: new Int32Array(n),
  parentEntry: new Int32Array(n),
  /** Nodes of the backward search's last layer that the forward search had reached. */
  crossed: new Marks(n),
  /** Nodes whose onward steps a depth-first search has listed, at candidateStart, candidateCount long. */
  listed: new Marks(n),
  candidateStart: new Int32Array(n),
  candidateCount: new Int32Array(n),
  /** Nodes from which no shortest path continues. */
  deadEnd: new Marks(n),
  /** Nodes on the path a depth-first search is extending. */
  onPath: new Marks(n),
  /** Members of an induced subgraph, with their position in the member list. */
  member: new Marks(n),
  memberRank: new Int32Array(n),
});
export type Scratch = ReturnType<typeof createScratch>;

const scratches = new WeakMap<object, Scratch>();

/** The scratch of an index of `order` nodes. */
export function scratchFor(index: { readonly order: number }): Scratch {
  let scratch = scratches.get(index);
  if (scratch === undefined) scratches.set(index, (scratch = createScratch(index.order)));
  return scratch;
}
