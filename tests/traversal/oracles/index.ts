/**
 * The oracles: every traversal written plainly over graphology (walk.ts and
 * one module per family), with no index. They run nowhere in production; the
 * tests hold the traversal index's answers to theirs, paths and orders
 * included, on hand-built and seeded random graphs.
 */
export { neighborhood } from "./neighborhood.js";
export { allShortestPaths, shortestPath } from "./shortest-paths.js";
export { kShortestPaths } from "./k-shortest-paths.js";
export { retaliationChain } from "./retaliation.js";
export { createWalker, DIRECTIONS, type Direction, type EdgeAttributes, type RelationGraph } from "./walk.js";
