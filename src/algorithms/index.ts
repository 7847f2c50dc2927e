/** Traversals over the knowledge graph: pure functions of a graphology graph. */
export { neighborhood, type Neighborhood, type NeighborhoodNode, type NeighborhoodOptions } from "./neighborhood.js";
export { allShortestPaths, shortestPath, type AllShortestPathsOptions, type ShortestPathOptions } from "./shortest-paths.js";
export { kShortestPaths, type KShortestPathsOptions } from "./k-shortest-paths.js";
export { retaliationChain, type RetaliationChain, type RetaliationChainOptions } from "./retaliation.js";
export {
  DIRECTIONS,
  type Direction,
  type EdgeAttributes,
  type Path,
  type RelationGraph,
  type Step,
  type TypedEdgeAttributes,
  type WalkOptions,
} from "./walk.js";
