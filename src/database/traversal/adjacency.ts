/**
 * A node's walk as the in-memory traversal index lays it out, rebuilt from
 * rows: the out-section then the in-section (those the direction walks),
 * each in graphology's adjacency order (neighbours in the order first
 * connected, integer-like keys first in numeric order, parallel relations
 * oldest first). A step's position in the walk is the offset the in-memory
 * scan is at when it reads it, so budgets charge the same edge visits.
 *
 * Rows give each section's relations in data order as one string of
 * tokens, `next/relation` for a relation of a type the walk follows and
 * `next` alone for one it does not (such a relation still fixes its
 * neighbour's place in the order and costs an edge visit).
 */
import { arrayIndex } from "../../traversal/traversal-index.js";

/** One relation as a walk may take it; `edge` is null for a relation of a type the walk does not follow. */
export interface WalkStep {
  readonly next: string;
  readonly edge: string | null;
  readonly reversed: boolean;
}

export interface Walk {
  readonly steps: readonly WalkStep[];
  /** Steps of the out-section (the rest are in-steps). */
  readonly outLength: number;
}

export const EMPTY_WALK: Walk = { steps: [], outLength: 0 };

/** One section's steps, from its tokens in data order. */
export function layOutSection(tokens: string | null, reversed: boolean): WalkStep[] {
  if (tokens === null || tokens === "") return [];
  const runs = new Map<string, WalkStep[]>();
  for (const token of tokens.split(" ")) {
    const slash = token.indexOf("/");
    const next = slash < 0 ? token : token.slice(0, slash);
    const step = { next, edge: slash < 0 ? null : token.slice(slash + 1), reversed };
    const run = runs.get(next);
    if (run) run.push(step);
    else runs.set(next, [step]);
  }
  const neighbours = [...runs.keys()];
  if (neighbours.some((key) => arrayIndex(key) >= 0)) {
    const order = neighbours.map((key, i) => ({ key, i, number: arrayIndex(key) }));
    order.sort((a, b) => (a.number >= 0 && b.number >= 0 ? a.number - b.number : a.number >= 0 ? -1 : b.number >= 0 ? 1 : a.i - b.i));
    return order.flatMap(({ key }) => runs.get(key)!);
  }
  return neighbours.flatMap((key) => runs.get(key)!);
}

/** A walk from its two sections' tokens (null for a section not walked or empty). */
export function walkOf(outTokens: string | null, inTokens: string | null): Walk {
  const out = layOutSection(outTokens, false);
  return { steps: [...out, ...layOutSection(inTokens, true)], outLength: out.length };
}
