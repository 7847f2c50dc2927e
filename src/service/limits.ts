/**
 * Every limit the API enforces, in one table: argument bounds and defaults
 * (applied by the request layer, requests.ts, for GraphQL, the export routes
 * and the command line alike) and the bounds on a GraphQL document (checked
 * before it runs). The README's "Limits" section states the same numbers, and
 * a test keeps them equal.
 */
export const LIMITS = {
  /** Page size of `entities`, `relations`, `events` and of Entity.relations / Entity.neighbors. */
  pageSize: { default: 20, max: 100 },
  /** Events returned by the timeline (`events(first)`). */
  timeline: { default: 100, max: 500 },
  /** Items of a list inside an entity (`Entity.relations`, `Entity.neighbors`, `Event.targets`, ...). */
  relatedItems: { default: 100, max: 500 },
  /** Items skipped by `offset`. */
  offset: { max: 1_000_000 },
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
  /** Ids in one `entitiesById` call. */
  ids: 250,
  /** Edge visits one traversal may make before it is stopped. */
  traversalBudget: 2_000_000,
} as const;

export const REQUEST_LIMITS = {
  /** Computed cost of one operation (see schema descriptions), checked before execution. */
  maxCost: 10_000,
  /** Depth of nested selections. */
  maxDepth: 12,
  /** Aliased fields in one operation. */
  maxAliases: 30,
  /** Selections of one response name in one selection set, through fragments (checked before validation). */
  maxRepeatedSelections: 20,
  /** Directives in one operation. */
  maxDirectives: 50,
  /** Tokens in one document. */
  maxTokens: 3_000,
  /** Introspection fields (`__schema`, `__type`) in one operation, counted through fragments. */
  maxIntrospectionFields: 3,
  /** Nested `ofType` selections: what graphql-js's `getIntrospectionQuery()` uses. */
  maxOfTypeDepth: 9,
} as const;
