/**
 * The two implementations of every traversal, so one spec runs against both:
 * the oracles (plain walks over graphology, tests/traversal/oracles) and the
 * traversal index (src/traversal), built once per graph on first use.
 */
import type { Attributes } from "graphology-types";
import { allShortestPaths, buildTraversalIndex, kShortestPaths, neighborhood, retaliationChain, shortestPath } from "../../src/traversal/index.js";
import type { TraversalIndex } from "../../src/traversal/index.js";
import * as oracle from "./oracles/index.js";
import type { EdgeAttributes, RelationGraph } from "./oracles/index.js";

export interface Implementation {
  readonly name: string;
  readonly indexed: boolean;
  readonly neighborhood: typeof oracle.neighborhood;
  readonly shortestPath: typeof oracle.shortestPath;
  readonly allShortestPaths: typeof oracle.allShortestPaths;
  readonly kShortestPaths: typeof oracle.kShortestPaths;
  readonly retaliationChain: typeof oracle.retaliationChain;
}

const built = new WeakMap<object, TraversalIndex>();

/** The graph's traversal index, built on first use (the specs do not change a graph once they query it). */
export function indexOf<N extends Attributes, E extends EdgeAttributes>(graph: RelationGraph<N, E>): TraversalIndex {
  let index = built.get(graph);
  if (index === undefined) built.set(graph, (index = buildTraversalIndex(graph)));
  return index;
}

export const reference: Implementation = { name: "oracle (graphology walk)", indexed: false, ...oracle };

export const indexed: Implementation = {
  name: "traversal index",
  indexed: true,
  neighborhood: (graph, id, options) => neighborhood(indexOf(graph), id, options),
  shortestPath: (graph, from, to, options) => shortestPath(indexOf(graph), from, to, options),
  allShortestPaths: (graph, from, to, options) => allShortestPaths(indexOf(graph), from, to, options),
  kShortestPaths: (graph, from, to, options) => kShortestPaths(indexOf(graph), from, to, options),
  retaliationChain: (graph, eventId, options) => retaliationChain(indexOf(graph), eventId, options),
};

export const implementations: readonly Implementation[] = [reference, indexed];
