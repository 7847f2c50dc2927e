/**
 * Root query fields and abstract types resolved synchronously.
 *
 * type-graphql checks arguments in an `async` function, so every field with
 * arguments resolves through a promise even when the check and the resolver
 * are synchronous (as all of ours are); and it wraps each interface's
 * `resolveType` in an `async` function, so every `Entity` in a result costs a
 * promise too. A promise anywhere sends graphql-js down its asynchronous path.
 * On a small graph, where a path search takes microseconds, that detour is a
 * large part of what a path query costs.
 *
 * This replaces, from the same type-graphql metadata:
 * - the resolver of each root query field whose parameters are an args class
 *   and the context, with one that calls the resolver method with the
 *   arguments graphql-js coerced (defaults included) and the context: the
 *   service checks the arguments (service/requests.ts), so there is nothing
 *   else for type-graphql to do. Fields with other parameters (`@Arg`,
 *   `@Root`, `@Info`), middlewares or roles keep type-graphql's resolver.
 * - the `resolveType` of each interface and union with the declared function
 *   itself, its answer mapped from a class to a type name as type-graphql does.
 *   A declared function that returns a promise still works (graphql-js accepts
 *   one); it just does not gain.
 *
 * Internal dependency, checked against type-graphql 2.0.0-rc.4: the shape of
 * `getMetadataStorage()`'s `queries`, `objectTypes`, `interfaceTypes` and
 * `unions` (typed by hand below). Replaced resolvers are marked, so the
 * start-up self-check (hooks.ts) can tell which fields run synchronously.
 */
import { getMetadataStorage } from "type-graphql";
import { isInterfaceType, isUnionType } from "graphql";
import type { GraphQLFieldResolver, GraphQLSchema, GraphQLTypeResolver } from "graphql";

type ParamGetter = (args: Record<string, unknown>, context: unknown) => unknown;

interface QueryMetadata {
  readonly schemaName: string;
  readonly methodName: string;
  readonly target: Function;
  readonly params?: ReadonlyArray<{ readonly kind: string; readonly index: number; readonly propertyName?: string | undefined; readonly getType?: () => unknown }>;
  readonly middlewares?: readonly unknown[];
  readonly roles?: readonly unknown[];
}

interface AbstractTypeMetadata {
  readonly name: string;
  readonly resolveType?: ((...args: unknown[]) => unknown) | undefined;
}

/** Marks the resolvers this module installed. */
const SYNCHRONOUS = Symbol("synchronous resolver");

/** Whether a field's or type's resolver is one this module installed. */
export const isSynchronous = (resolver: unknown): boolean => typeof resolver === "function" && SYNCHRONOUS in resolver;

/** Replaces what it can, in place. */
export function resolveSynchronously(schema: GraphQLSchema): void {
  synchronousRootFields(schema);
  synchronousAbstractTypes(schema);
}

function synchronousRootFields(schema: GraphQLSchema): void {
  const fields = schema.getQueryType()?.getFields() ?? {};
  for (const query of getMetadataStorage().queries as readonly QueryMetadata[]) {
    const field = fields[query.schemaName];
    const resolve = field && synchronousResolver(query);
    if (field && resolve) field.resolve = Object.assign(resolve, { [SYNCHRONOUS]: true });
  }
}

function synchronousResolver(query: QueryMetadata): GraphQLFieldResolver<unknown, unknown> | null {
  if ((query.middlewares?.length ?? 0) > 0 || (query.roles?.length ?? 0) > 0 || !query.params) return null;
  const getters: ParamGetter[] = [];
  for (const param of [...query.params].sort((a, b) => a.index - b.index)) {
    if (param.kind === "context" && param.propertyName === undefined) {
      getters.push((_args, context) => context);
    } else if (param.kind === "args" && param.getType) {
      const ArgsClass = param.getType() as new () => object;
      if (typeof ArgsClass !== "function") return null;
      getters.push((args) => args);
    } else {
      return null;
    }
  }
  const Resolver = query.target as new () => Record<string, (...params: unknown[]) => unknown>;
  const instance = new Resolver();
  const method = instance[query.methodName];
  if (typeof method !== "function") return null;
  return (_root, args, context) => method.apply(instance, getters.map((get) => get(args as Record<string, unknown>, context)));
}

function synchronousAbstractTypes(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const typeNames = new Map<unknown, string>(storage.objectTypes.map((type) => [type.target, type.name]));
  const declared = [...storage.interfaceTypes, ...storage.unions] as readonly AbstractTypeMetadata[];
  for (const { name, resolveType } of declared) {
    const type = schema.getType(name);
    if (!resolveType || !(isInterfaceType(type) || isUnionType(type))) continue;
    const resolve: GraphQLTypeResolver<unknown, unknown> = (...args) => {
      const resolved = resolveType(...args);
      if (resolved === null || resolved === undefined) return undefined;
      if (typeof resolved === "string") return resolved;
      if (typeof (resolved as PromiseLike<unknown>).then === "function") {
        return Promise.resolve(resolved).then((value) => (typeof value === "string" ? value : typeNames.get(value)));
      }
      return typeNames.get(resolved);
    };
    type.resolveType = Object.assign(resolve, { [SYNCHRONOUS]: true });
  }
}
