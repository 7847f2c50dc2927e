/**
 * The API's argument limits in one table, used by the args classes and
 * documented in the README ("Limits").
 */
export const LIMITS = {
  /** Page size of `entities` and `relations`. */
  pageSize: { default: 20, max: 100 },
  /** Hops of `neighborhood`. */
  depth: { default: 1, max: 4 },
  /** Entities returned by `neighborhood`. */
  subgraphNodes: { default: 100, max: 500 },
  /** Paths returned by `allShortestPaths` and `paths`. */
  paths: { default: 10, max: 50 },
  /** Steps of a path in `paths`. */
  pathLength: { default: 4, max: 8 },
  /** Characters of a search string or an id. */
  text: 200,
  /** Items of a list argument (relation types, event types). */
  listItems: 50,
} as const;
