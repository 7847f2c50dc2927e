/** Root queries for looking things up: entities, relations, the timeline, sources. */
import { Args, Ctx, Query, Resolver } from "type-graphql";
import { IdArgs, IdsArgs } from "../args/id.args.js";
import { ClaimsArgs } from "../args/claims.args.js";
import { EntitiesArgs, EventsArgs, RelationsArgs, SearchArgs, SliceArgs } from "../args/list.args.js";
import type { GraphQLContext } from "../context.js";
import { ClaimEntryObject } from "../types/claim.type.js";
import { EntityConnectionObject, RelationConnectionObject, SearchHitConnectionObject } from "../types/connection.type.js";
import { EntityInterface } from "../types/entity.type.js";
import { EventObject } from "../types/entity-kinds.type.js";
import { RelationObject } from "../types/relation.type.js";
import { SourceDocumentObject } from "../types/source-document.type.js";
import { toConnection } from "./connection.js";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";

@Resolver()
export class QueryResolver {
  @Query(() => EntityInterface, { description: "One entity by id; NOT_FOUND when there is none." })
  entity(@Args(() => IdArgs) args: IdArgs, @Ctx() { service }: GraphQLContext) {
    return service.entityById(args);
  }

  @Query(() => [EntityInterface], { nullable: "items", description: "Several entities by id, in the order asked; null for an id that names no entity." })
  @Cost(FIELD_COSTS.entitiesById)
  entitiesById(@Args(() => IdsArgs) args: IdsArgs, @Ctx() { service }: GraphQLContext) {
    return service.entitiesById(args);
  }

  @Query(() => EntityConnectionObject, { description: "Entities, optionally of one kind and/or matching a search, one page at a time." })
  @Cost(FIELD_COSTS.entityPage)
  entities(@Args(() => EntitiesArgs) args: EntitiesArgs, @Ctx() { service }: GraphQLContext) {
    return toConnection(service.entities(args));
  }

  @Query(() => SearchHitConnectionObject, { description: "Entities matching a text by name, alias, spelling variant, id or description, best first, each with its score and the field that matched; one page at a time." })
  @Cost(FIELD_COSTS.entityPage)
  search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() { service }: GraphQLContext) {
    return toConnection(service.search(args));
  }

  @Query(() => RelationObject, { description: "One relation by id; NOT_FOUND when there is none." })
  relation(@Args(() => IdArgs) args: IdArgs, @Ctx() { service }: GraphQLContext) {
    return service.relationById(args);
  }

  @Query(() => RelationConnectionObject, { description: "Relations, optionally of one type, from one entity and/or to one entity, one page at a time." })
  @Cost(FIELD_COSTS.relationPage)
  relations(@Args(() => RelationsArgs) args: RelationsArgs, @Ctx() { service }: GraphQLContext) {
    return toConnection(service.relations(args));
  }

  @Query(() => [EventObject], { description: "Events as a timeline, ordered by date (earliest possible day first), optionally filtered; `first` at a time after `offset`." })
  @Cost(FIELD_COSTS.timeline)
  events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() { service }: GraphQLContext) {
    return service.events(args);
  }

  @Query(() => [ClaimEntryObject], { description: "Claims (figures with their source and account) across the graph, filtered by measure, subject, attribution and rank, in data order; `first` at a time after `offset`." })
  @Cost(FIELD_COSTS.claimList)
  claims(@Args(() => ClaimsArgs) args: ClaimsArgs, @Ctx() { service }: GraphQLContext) {
    return service.claims(args);
  }

  @Query(() => SourceDocumentObject, { description: "One source document by id, with what it supports; NOT_FOUND when there is none." })
  source(@Args(() => IdArgs) args: IdArgs, @Ctx() { service }: GraphQLContext) {
    return service.sourceById(args);
  }

  @Query(() => [SourceDocumentObject], { description: "The source documents the graph is built from, in data order; `first` at a time after `offset`." })
  @Cost(FIELD_COSTS.sources)
  sources(@Args(() => SliceArgs) args: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return service.sourcesPage(args);
  }
}
