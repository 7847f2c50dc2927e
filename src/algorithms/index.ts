/**
 * Traversals over the knowledge graph, two ways with identical answers:
 *
 * - `createTraversals(graph)` builds a compact traversal index (typed-array
 *   adjacency, see adjacency.ts and traversal-index.ts) once, for a graph that
 *   no longer changes; its methods are the fast path for serving.
 * - The pure functions of a graphology graph (neighborhood, shortestPath, ...)
 *   walk graphology directly; they are the reference implementations the
 *   index is tested against, and need no index.
 *
 * Every traversal accepts `budget`, the most edge visits it may make before
 * throwing BudgetExceededError.
 */
export { neighborhood, type Neighborhood, type NeighborhoodNode, type NeighborhoodOptions } from "./neighborhood.js";
export { allShortestPaths, shortestPath, type AllShortestPathsOptions, type ShortestPathOptions } from "./shortest-paths.js";
export { kShortestPaths, type KShortestPathsOptions } from "./k-shortest-paths.js";
export { retaliationChain, type RetaliationChain, type RetaliationChainOptions } from "./retaliation.js";
export { createTraversals, TraversalIndex } from "./traversal-index.js";
export { CompactAdjacency, HUB_DEGREE } from "./adjacency.js";
export { profileGraph, type GraphProfile, type RecordListMaxima } from "./profile.js";
export {
  budgetOption,
  DIRECTIONS,
  type Direction,
  type EdgeAttributes,
  type Path,
  type RelationGraph,
  type Step,
  type TypedEdgeAttributes,
  type WalkOptions,
} from "./walk.js";
