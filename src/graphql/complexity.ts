/**
 * Query cost, computed before execution from the document and its variables
 * (graphql-query-complexity, with the `complexity` each field declares beside
 * its resolver; fields that declare none cost 1 plus their selections). An
 * operation over the limit is refused with 400 QUERY_TOO_COMPLEX, naming its
 * cost and the limit; nothing runs.
 */
import { createRequire } from "node:module";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { DocumentNode, GraphQLSchema } from "graphql";
import type { ComplexityEstimatorArgs } from "graphql-query-complexity";
import { LIMITS } from "./limits.js";

// The package's ESM build imports graphql/index.mjs, a second copy of graphql
// beside the one type-graphql and Apollo Server load; its CommonJS build
// shares theirs.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  "graphql-query-complexity",
) as typeof import("graphql-query-complexity");

/** Cost of a list of `count` items, each costing its selections (at least 1). */
export const perItem = (count: number, childComplexity: number) => count * Math.max(1, childComplexity);

/**
 * An argument's value for costing, clamped to its bounds: a value out of range
 * is refused by its resolver (BAD_USER_INPUT, before any traversal runs), so
 * it must not inflate the cost and hide that clearer error.
 */
function bounded(value: unknown, max: number): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), max) : 0;
}

/** Cost estimators for fields whose result size depends on an argument. */
export const COST = {
  /** A page of `first` items. */
  page: ({ args, childComplexity }: ComplexityEstimatorArgs) => 1 + perItem(bounded(args["first"], LIMITS.pageSize.max), childComplexity),
  /** A list the graph decides the length of: counted as ten items. */
  list: ({ childComplexity }: ComplexityEstimatorArgs) => perItem(10, childComplexity),
  /** A path: up to eight steps or nine entities. */
  pathItems: ({ childComplexity }: ComplexityEstimatorArgs) => perItem(8, childComplexity),
  /** A neighbourhood: traversal work grows with depth, results with `limit`. */
  neighborhood: ({ args, childComplexity }: ComplexityEstimatorArgs) =>
    10 * (bounded(args["depth"], LIMITS.depth.max) + 1) + perItem(bounded(args["limit"], LIMITS.subgraphNodes.max), childComplexity),
  /** One path search. */
  path: ({ childComplexity }: ComplexityEstimatorArgs) => 20 + childComplexity,
  /** Up to `limit` path searches' worth of results. */
  paths: ({ args, childComplexity }: ComplexityEstimatorArgs) => 50 + perItem(bounded(args["limit"], LIMITS.paths.max), childComplexity),
  /** Serialising a subgraph to a file format. */
  export: 50,
} as const;

/**
 * What of the variables can change a cost: the estimators read numbers and the
 * length of lists, never a string's value, so strings are blanked and lists
 * reduced to their length. Two requests with the same key cost the same.
 */
function costKey(operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  const shape = JSON.stringify(variables ?? {}, (_key, value: unknown) =>
    typeof value === "string" ? "" : Array.isArray(value) ? value.length : value,
  );
  return `${operationName ?? ""}\n${shape}`;
}

/** Costs already computed, per parsed document (Apollo reuses the document object for the same query text). */
const MAX_KEYS_PER_DOCUMENT = 256;

export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined) => {
    const key = costKey(operationName, variables);
    let costs = known.get(document);
    const cached = costs?.get(key);
    if (cached !== undefined) return cached;
    const cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
    if (!costs) known.set(document, (costs = new Map()));
    if (costs.size >= MAX_KEYS_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = costOf(document, request.operationName, request.variables);
          } catch (error) {
            throw new GraphQLError(error instanceof Error ? error.message : "Invalid variables", {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the maximum of ${maxCost}; ask for fewer items (first, limit, depth) or fewer fields`, {
              extensions: { code: "QUERY_TOO_COMPLEX", cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
