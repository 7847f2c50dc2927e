/**
 * Breadth-first search over the index, one layer at a time, into a queue (the
 * start, then every node at one hop, at two...), each marked in `seen` with
 * its hops in `distance`. `reach(depth)` explores only as far as asked and can
 * be resumed; `limit` stops it at that many nodes (`truncated` then says so).
 */
import type { Budget } from "./budget.js";
import type { DirectionCode } from "./options.js";
import type { Marks } from "./scratch.js";
import type { TraversalIndex } from "./traversal-index.js";

export class BreadthFirst {
  /** Nodes held: queue[0 .. count). */
  count = 1;
  /** Layers explored: every node within `depth` hops is held. */
  depth = 0;
  truncated = false;
  private layerStart = 0;
  private readonly generation: number;

  constructor(
    private readonly index: TraversalIndex,
    private readonly direction: DirectionCode,
    private readonly allowed: Uint8Array | null,
    private readonly seen: Marks,
    readonly distance: Int32Array,
    readonly queue: Int32Array,
    start: number,
    private readonly budget: Budget,
    private readonly limit = Infinity,
  ) {
    this.generation = seen.clear();
    seen.stamp[start] = this.generation;
    distance[start] = 0;
    queue[0] = start;
  }

  /** Whether `v` is held. */
  has(v: number): boolean {
    return this.seen.stamp[v] === this.generation;
  }

  /** True once a layer came out empty: nothing more is reachable. */
  get exhausted(): boolean {
    return this.layerStart === this.count;
  }

  /** Explores layers until every node within `depth` hops is held (or none is left, or `limit` is reached). */
  reach(depth: number): void {
    const { neighbor, type } = this.index;
    const { allowed, budget, distance, queue, limit, generation } = this;
    const stamp = this.seen.stamp;
    const low = this.index.low[this.direction];
    const high = this.index.high[this.direction];
    while (this.depth < depth && !this.exhausted && !this.truncated) {
      const layerEnd = this.count;
      const next = this.depth + 1;
      for (let i = this.layerStart; i < layerEnd && !this.truncated; i++) {
        const u = queue[i]!;
        const a = low[u]!;
        const b = high[u]!;
        const stop = budget.stop(a, b);
        let j = a;
        for (; j < stop; j++) {
          if (allowed !== null && allowed[type[j]!] === 0) continue;
          const v = neighbor[j]!;
          if (stamp[v] === generation) continue;
          if (this.count >= limit) {
            this.truncated = true;
            break;
          }
          stamp[v] = generation;
          distance[v] = next;
          queue[this.count++] = v;
        }
        budget.scanned(a, j, stop, b);
      }
      this.layerStart = layerEnd;
      this.depth = next;
    }
  }
}
