/**
 * graphql-js's default resolver for plain fields. type-graphql gives every
 * plain field a resolver that reads `root[name]` through its middleware chain;
 * with no middlewares (this API has none), graphql-js's default resolver does
 * the same for less work per field, which matters for lists of hundreds of
 * nodes.
 *
 * Internal dependency, checked against type-graphql 2.0.0-rc.4: the
 * pass-through resolver is recognised by its source (type-graphql offers no
 * public way to ask for it). Should another version write it differently,
 * nothing is replaced and the start-up self-check reports it (see hooks.ts).
 */
import { isInterfaceType, isObjectType } from "graphql";
import type { GraphQLSchema } from "graphql";

const PASS_THROUGH = /applyMiddlewares\(container, resolverData, middlewares, \(\) => root\[fieldMetadata\.name\]\)/;

/** Replaces type-graphql's pass-through resolvers with graphql-js's default, in place; returns how many. */
export function useDefaultResolvers(schema: GraphQLSchema): number {
  let replaced = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && PASS_THROUGH.test(field.resolve.toString())) {
        field.resolve = undefined;
        replaced++;
      }
    }
  }
  return replaced;
}
