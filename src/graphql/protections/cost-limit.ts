/**
 * The cost limit as an Apollo plugin: once the operation is known, its cost
 * (see cost.ts) is computed from the document and the variables it declares;
 * over the limit it is refused with 400 QUERY_TOO_COMPLEX, naming the cost and
 * the limit, and nothing runs.
 *
 * Costs are remembered per document, operation and cost-relevant variables, in
 * a cache bounded by entries; variables the operation does not declare play no
 * part. Variables that do not coerce to their declared types are refused
 * here, with 400 BAD_USER_INPUT, as graphql-js words it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, getNamedType, getVariableValues, isEnumType, isListType, isNonNullType, typeFromAST } from "graphql";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { GraphProfile } from "../../service/graph-profile.js";
import { operationCost } from "./cost.js";

export interface CostLimitOptions {
  readonly maxCost: number;
  /** Costs remembered; default 1,000. When full, the oldest half is forgotten. */
  readonly maxCachedCosts?: number;
}

export interface CostLimit {
  readonly plugin: ApolloServerPlugin;
  /** Costs remembered now (for tests). */
  cachedCosts(): number;
}

/** Keys longer than this are not remembered: they come from unusually large variables. */
const MAX_KEY_LENGTH = 1_000;

/**
 * `profile` is the graph's profile, or a function giving the profile of the
 * graph a request runs on (from its context), for a server that swaps graphs;
 * remembered costs are forgotten when the profile changes.
 */
export function costLimit(schema: GraphQLSchema, profile: GraphProfile | ((context: unknown) => GraphProfile), options: CostLimitOptions): CostLimit {
  const { maxCost } = options;
  const profileOf = typeof profile === "function" ? profile : () => profile;
  let costedWith: GraphProfile | undefined;
  const maxCached = options.maxCachedCosts ?? 1_000;
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  const cache = new Map<string, number>();

  /**
   * What of the declared variables can change a cost: numbers, booleans and
   * enum values (relation types, directions) are kept; strings and ids are not
   * (no cost reads them), lists of them count only by length.
   */
  const costKey = (document: DocumentNode, operation: OperationDefinitionNode, coerced: Record<string, unknown>): string => {
    let id = documentIds.get(document);
    if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
    const parts: unknown[] = [id, operation.name?.value ?? document.definitions.indexOf(operation)];
    for (const definition of operation.variableDefinitions ?? []) {
      const value = coerced[definition.variable.name.value];
      const type = typeFromAST(schema, definition.type);
      const inner = type && isNonNullType(type) ? type.ofType : type;
      const keepsValues = type !== undefined && isEnumType(getNamedType(type));
      if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean" || keepsValues) parts.push(value ?? null);
      else if (Array.isArray(value) || (inner && isListType(inner))) parts.push(Array.isArray(value) ? value.length : 1);
      else parts.push(typeof value === "string" ? "" : JSON.stringify(value, (_k, v: unknown) => (typeof v === "string" ? "" : v)));
    }
    return JSON.stringify(parts);
  };

  const remember = (key: string, cost: number) => {
    if (key.length > MAX_KEY_LENGTH) return;
    if (cache.size >= maxCached) {
      let drop = Math.ceil(cache.size / 2);
      for (const old of cache.keys()) {
        if (drop-- === 0) break;
        cache.delete(old);
      }
    }
    cache.set(key, cost);
  };

  const costOf = (document: DocumentNode, operation: OperationDefinitionNode, inputs: Record<string, unknown> | undefined, profile: GraphProfile): number => {
    if (profile !== costedWith) {
      cache.clear();
      costedWith = profile;
    }
    const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 1 });
    if (coercion.errors) {
      const [error] = coercion.errors;
      throw new GraphQLError(error?.message ?? "Invalid variables", { nodes: error?.nodes, extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
    }
    const key = costKey(document, operation, coercion.coerced);
    const known = cache.get(key);
    if (known !== undefined) return known;
    const cost = operationCost(schema, document, operation, coercion.coerced, profile);
    remember(key, cost);
    return cost;
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, contextValue }) {
          if (!operation) return;
          const cost = costOf(document, operation, request.variables, profileOf(contextValue));
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the maximum of ${maxCost}; ask for fewer items (first, limit, depth) or fewer fields`, {
              extensions: { code: "QUERY_TOO_COMPLEX", cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
  return { plugin, cachedCosts: () => cache.size };
}
