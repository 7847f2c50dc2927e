/**
 * Traversals answered from PostgreSQL ("push-down"), for graphs that need
 * not be held in memory: the same functions, options, defaults, budgets,
 * answers and errors as the in-memory ones in src/traversal, asked of the
 * database instead of the traversal index. Each walks the relation table's
 * two covering indexes one frontier at a time (one indexed query per hop),
 * leaving out deprecated relations as the in-memory index does.
 *
 *   const pool = openPool(url);
 *   await shortestPath(pool, "a", "b", { direction: "either" });
 *
 * A pg.Pool runs each query on whichever connection is free; for answers
 * from one snapshot while the store is written to, pass a client inside a
 * REPEATABLE READ transaction.
 */
export type { Queryable } from "./sql.js";
export type { Neighborhood, NeighborhoodOptions, Path, Step, WalkOptions } from "../../traversal/index.js";
export { shortestPath } from "./shortest-path.js";
export { neighborhood } from "./neighborhood.js";
