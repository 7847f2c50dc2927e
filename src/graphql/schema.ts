/** Builds the executable GraphQL schema from the type-graphql classes. */
import { buildSchemaSync } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { useDefaultResolvers } from "./execution/default-resolvers.js";
import { performanceHooks } from "./execution/hooks.js";
import type { HookStatus } from "./execution/hooks.js";
import { resolveSynchronously } from "./execution/synchronous-resolvers.js";
import { AccountResolver, ClaimResolver } from "./resolvers/claims.resolver.js";
import { EntityResolver } from "./resolvers/entity.resolver.js";
import { PathExportResolver, SubgraphExportResolver } from "./resolvers/export.resolver.js";
import { ENTITY_KIND_RESOLVERS } from "./resolvers/entity-kinds.resolver.js";
import { CoordinatesResolver, EvidenceResolver, RelationResolver, SourceDocumentResolver } from "./resolvers/provenance.resolver.js";
import { QueryResolver } from "./resolvers/query.resolver.js";
import { TraversalResolver } from "./resolvers/traversal.resolver.js";
import { ENTITY_OBJECT_TYPES } from "./types/entity-kinds.type.js";

let built: { schema: GraphQLSchema; hooks: HookStatus[] } | undefined;

/** The schema is built once per process (type-graphql's metadata is global anyway), with the performance hooks applied and checked. */
export function buildGraphQLSchema(): GraphQLSchema {
  return builtSchema().schema;
}

/** What the performance hooks did to the schema (see execution/hooks.ts). */
export function schemaPerformanceHooks(): HookStatus[] {
  return builtSchema().hooks;
}

function builtSchema() {
  if (built) return built;
  const schema = buildSchemaSync({
    resolvers: [
      QueryResolver,
      TraversalResolver,
      EntityResolver,
      ...ENTITY_KIND_RESOLVERS,
      RelationResolver,
      EvidenceResolver,
      SourceDocumentResolver,
      ClaimResolver,
      AccountResolver,
      CoordinatesResolver,
      SubgraphExportResolver,
      PathExportResolver,
    ],
    orphanedTypes: [...ENTITY_OBJECT_TYPES],
    validate: false,
    emitSchemaFile: false,
  });
  const defaultResolvers = useDefaultResolvers(schema);
  resolveSynchronously(schema);
  const query = schema.getQueryType();
  // type-graphql has no option to describe the root type itself.
  if (query) query.description = "Read-only queries over the conflict knowledge graph: lookups, the timeline and traversals.";
  built = { schema, hooks: performanceHooks(schema, defaultResolvers) };
  return built;
}
