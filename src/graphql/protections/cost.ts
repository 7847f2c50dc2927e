/**
 * Query cost: what an operation can cost, computed from the document, its
 * variables and the data's own bounds before anything runs.
 *
 * A field costs its `base` (1 unless it declares more) plus `items` times the
 * cost of what it selects, where `items` is how many results a list can really
 * hold: a `first` or `limit` argument, bounded by the data (the most relations
 * of those types any entity has, the most relations among the `limit` busiest
 * entities, the longest a shortest path can be; see GraphProfile). Fields
 * declare their cost with `@Cost({ base, items, scope })` beside their
 * resolvers; `scope` passes a bound down to lists further in (a
 * neighbourhood's `limit` bounds `Subgraph.nodes`). `__typename` is free.
 *
 * The walk is linear in the size of the document: each selection set is
 * costed once per concrete type and scope, however often it is reached
 * through fragment spreads. A fragment spread twice counts twice. Below an
 * interface the cost is that of the costliest type implementing it.
 */
import { Extensions } from "type-graphql";
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
} from "graphql";
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  InlineFragmentNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";
import type { GraphProfile } from "../../service/graph-profile.js";

/** Bounds that a field passes down to the lists it contains. */
export interface CostScope {
  /** Entities in a subgraph. */
  readonly nodes?: number;
  /** Relations in a subgraph. */
  readonly relations?: number;
  /** Steps of a path. */
  readonly steps?: number;
  /** Items of a connection page. */
  readonly page?: number;
}

export interface CostInput {
  /** The field's arguments, coerced (defaults applied). */
  readonly args: Record<string, unknown>;
  readonly profile: GraphProfile;
  readonly scope: CostScope;
}

export interface FieldCost {
  /** The field's own cost; default 1. */
  readonly base?: number | ((input: CostInput) => number);
  /** How many items the list can hold; default 1. */
  readonly items?: (input: CostInput) => number;
  /** Bounds for the lists below this field. */
  readonly scope?: (input: CostInput) => CostScope;
}

/** Declares a field's cost (read by `operationCost`). */
export const Cost = (cost: FieldCost) => Extensions({ cost });

/**
 * An argument's value for costing, clamped to `0 .. max`: a value out of range
 * is refused by its resolver (BAD_USER_INPUT, before any traversal runs), so
 * it must not inflate the cost and hide that clearer error.
 */
export function bounded(value: unknown, max: number): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), max) : 0;
}

const EMPTY_SCOPE: CostScope = {};

/**
 * The cost of `operation` with coerced `variables`; `work` (when given) counts
 * the selection sets costed, for tests that hold the walk to linear work.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  profile: GraphProfile,
  work?: { count: number },
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const setIds = new Map<SelectionSetNode, number>();
  const scopeIds = new Map<CostScope, string>();
  const memo = new Map<string, number>();
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;

  const included = (node: FieldNode | FragmentSpreadNode | InlineFragmentNode): boolean => {
    if (!node.directives?.length) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.["if"] === true) return false;
      return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.["if"] !== false;
    } catch {
      return true;
    }
  };

  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  const fieldDefinition = (type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name && type === schema.getQueryType()) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name && type === schema.getQueryType()) return TypeMetaFieldDef;
    return type.getFields()[name];
  };

  const fieldCost = (node: FieldNode, type: GraphQLObjectType, scope: CostScope): number => {
    const definition = fieldDefinition(type, node.name.value);
    if (!definition) return 0;
    const spec = definition.extensions?.["cost"] as FieldCost | undefined;
    let args: Record<string, unknown> = {};
    if (spec && definition.args.length > 0) {
      try {
        args = getArgumentValues(definition, node, variables);
      } catch {
        args = {};
      }
    }
    const input: CostInput = { args, profile, scope };
    const base = spec?.base === undefined ? 1 : typeof spec.base === "number" ? spec.base : spec.base(input);
    const items = spec?.items ? spec.items(input) : 1;
    const named = getNamedType(definition.type);
    if (!node.selectionSet || !isCompositeType(named)) return base;
    const inner = spec?.scope ? { ...scope, ...spec.scope(input) } : scope;
    return base + items * selectionsCost(node.selectionSet, named, inner);
  };

  const selectionsCost = (set: SelectionSetNode, type: GraphQLCompositeType, scope: CostScope): number => {
    if (isAbstractType(type)) {
      let costliest = 0;
      for (const concrete of schema.getPossibleTypes(type)) costliest = Math.max(costliest, selectionsCost(set, concrete, scope));
      return costliest;
    }
    const objectType = type as GraphQLObjectType;
    let setId = setIds.get(set);
    if (setId === undefined) setIds.set(set, (setId = setIds.size));
    let scopeId = scopeIds.get(scope);
    if (scopeId === undefined) scopeIds.set(scope, (scopeId = JSON.stringify(scope)));
    const key = `${setId} ${objectType.name} ${scopeId}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, 0); // a fragment cycle (refused by validation before this runs) costs nothing more
    if (work) work.count++;
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== "__typename") total += fieldCost(selection, objectType, scope);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, objectType)) total += selectionsCost(selection.selectionSet, objectType, scope);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition.name.value, objectType)) total += selectionsCost(fragment.selectionSet, objectType, scope);
      }
    }
    const cost = Math.min(total, Number.MAX_SAFE_INTEGER);
    memo.set(key, cost);
    return cost;
  };

  return selectionsCost(operation.selectionSet, root, EMPTY_SCOPE);
}
