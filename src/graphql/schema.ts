/** Builds the executable GraphQL schema from the type-graphql classes. */
import { buildSchemaSync } from "type-graphql";
import { isInterfaceType, isObjectType } from "graphql";
import type { GraphQLSchema } from "graphql";
import { checkBounds } from "./args/bounds.js";
import { EntityResolver } from "./resolvers/entity.resolver.js";
import { PathExportResolver, SubgraphExportResolver } from "./resolvers/export.resolver.js";
import { ENTITY_KIND_RESOLVERS } from "./resolvers/entity-kinds.resolver.js";
import { EvidenceResolver, RelationResolver, SourceDocumentResolver } from "./resolvers/provenance.resolver.js";
import { QueryResolver } from "./resolvers/query.resolver.js";
import { TraversalResolver } from "./resolvers/traversal.resolver.js";
import { ENTITY_OBJECT_TYPES } from "./types/entity-kinds.type.js";
import { resolveSynchronously } from "./synchronous-resolvers.js";

let schema: GraphQLSchema | undefined;

/**
 * type-graphql gives every plain field a resolver that reads `root[name]`
 * through its middleware chain; with no middlewares (this API has none),
 * graphql-js's default resolver does the same for less work per field, which
 * matters for lists of hundreds of nodes. The resolver is recognised by its
 * source, so a type-graphql version that changes it only loses the shortcut.
 */
const PASS_THROUGH = /applyMiddlewares\(container, resolverData, middlewares, \(\) => root\[fieldMetadata\.name\]\)/;

function useDefaultResolvers(built: GraphQLSchema): void {
  for (const type of Object.values(built.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && PASS_THROUGH.test(field.resolve.toString())) field.resolve = undefined;
    }
  }
}

/** The schema is built once per process; type-graphql's metadata is global anyway. */
export function buildGraphQLSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers: [
      QueryResolver,
      TraversalResolver,
      EntityResolver,
      ...ENTITY_KIND_RESOLVERS,
      RelationResolver,
      EvidenceResolver,
      SourceDocumentResolver,
      SubgraphExportResolver,
      PathExportResolver,
    ],
    orphanedTypes: [...ENTITY_OBJECT_TYPES],
    validateFn: (argValue) => checkBounds(argValue),
    emitSchemaFile: false,
  });
  useDefaultResolvers(schema);
  resolveSynchronously(schema);
  const query = schema.getQueryType();
  // type-graphql has no option to describe the root type itself.
  if (query) query.description = "Read-only queries over the conflict knowledge graph: lookups, the timeline and traversals.";
  return schema;
}
