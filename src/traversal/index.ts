/**
 * Traversals of the knowledge graph: build the traversal index once, then ask
 * it as often as needed. Each traversal is a pure function of the index, then
 * the keys, then options with documented defaults; it validates first
 * (NotFoundError for an unknown key, BadInputError naming the option), spends
 * at most its `budget` of edge visits (BudgetExceededError past it), and
 * answers "no path" with null.
 *
 *   const index = buildTraversalIndex(graph);
 *   shortestPath(index, "a", "b", { direction: "either" });
 */
export { buildTraversalIndex, HUB_DEGREE, type TraversalIndex } from "./traversal-index.js";
export { DIRECTIONS, type Direction, type WalkOptions } from "./options.js";
export type { Path, Step } from "./path.js";
export { neighborhood, type Neighborhood, type NeighborhoodOptions } from "./neighborhood.js";
export { allShortestPaths, shortestPath, type AllShortestPathsOptions } from "./shortest-paths.js";
export { kShortestPaths, type KShortestPathsOptions } from "./k-shortest-paths.js";
export { inDateOrder, retaliationChain, type RetaliationChain, type RetaliationChainOptions } from "./retaliation-chain.js";
