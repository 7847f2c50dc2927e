/**
 * The two implementations of every traversal, so one spec runs against both:
 * the reference functions over graphology, and the compact traversal index
 * (built once per graph, on first use).
 */
import type { Attributes } from "graphology-types";
import {
  allShortestPaths,
  createTraversals,
  kShortestPaths,
  neighborhood,
  retaliationChain,
  shortestPath,
  type EdgeAttributes,
  type RelationGraph,
  type TraversalIndex,
} from "../../src/algorithms/index.js";

export interface Implementation {
  readonly name: string;
  readonly indexed: boolean;
  readonly neighborhood: typeof neighborhood;
  readonly shortestPath: typeof shortestPath;
  readonly allShortestPaths: typeof allShortestPaths;
  readonly kShortestPaths: typeof kShortestPaths;
  readonly retaliationChain: typeof retaliationChain;
}

const built = new WeakMap<object, TraversalIndex>();

/** The graph's traversal index, built on first use (the specs do not change a graph once they query it). */
export function indexOf<N extends Attributes, E extends EdgeAttributes>(graph: RelationGraph<N, E>): TraversalIndex<N, E> {
  let index = built.get(graph);
  if (index === undefined) {
    index = createTraversals(graph) as unknown as TraversalIndex;
    built.set(graph, index);
  }
  return index as unknown as TraversalIndex<N, E>;
}

export const reference: Implementation = {
  name: "reference (graphology walk)",
  indexed: false,
  neighborhood,
  shortestPath,
  allShortestPaths,
  kShortestPaths,
  retaliationChain,
};

export const indexed: Implementation = {
  name: "traversal index",
  indexed: true,
  neighborhood: (graph, id, options) => indexOf(graph).neighborhood(id, options),
  shortestPath: (graph, from, to, options) => indexOf(graph).shortestPath(from, to, options),
  allShortestPaths: (graph, from, to, options) => indexOf(graph).allShortestPaths(from, to, options),
  kShortestPaths: (graph, from, to, options) => indexOf(graph).kShortestPaths(from, to, options),
  retaliationChain: (graph, eventId, options) => indexOf(graph).retaliationChain(eventId, options),
};

export const implementations: readonly Implementation[] = [reference, indexed];
