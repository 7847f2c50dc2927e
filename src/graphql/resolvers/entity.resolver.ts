/** Fields every entity has: aliases, provenance, claims, relations, neighbours. */
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Claim, EntityRecord, Evidence, RelationRecord } from "../../model/records.js";
import { EntityRelationsArgs } from "../args/entity-relations.args.js";
import type { GraphQLContext } from "../context.js";
import { COST } from "../complexity.js";
import { ClaimType } from "../types/claim.type.js";
import { Entity } from "../types/entity.type.js";
import { EvidenceType } from "../types/evidence.type.js";
import { RelationObject } from "../types/relation.type.js";

@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => [String])
  aliases(@Root() entity: EntityRecord): string[] {
    return entity.aliases ?? [];
  }

  @FieldResolver(() => [EvidenceType])
  provenance(@Root() entity: EntityRecord): Evidence[] {
    return entity.evidence;
  }

  @FieldResolver(() => [ClaimType])
  claims(@Root() entity: EntityRecord): Claim[] {
    return entity.claims ?? [];
  }

  @FieldResolver(() => [RelationObject], { description: "Relations touching this entity, filtered by type and direction; all of them. Cost: 10 × selections.", complexity: COST.list })
  relations(@Root() entity: EntityRecord, @Args(() => EntityRelationsArgs) args: EntityRelationsArgs, @Ctx() { service }: GraphQLContext): RelationRecord[] {
    return service.relationsOf(entity.id, { relationTypes: args.types, direction: args.direction });
  }

  @FieldResolver(() => [Entity], { description: "Entities one relation away, each once, filtered by relation type and direction; all of them. Cost: 10 × selections.", complexity: COST.list })
  neighbors(@Root() entity: EntityRecord, @Args(() => EntityRelationsArgs) args: EntityRelationsArgs, @Ctx() { service }: GraphQLContext): EntityRecord[] {
    return service.neighborsOf(entity.id, { relationTypes: args.types, direction: args.direction });
  }
}
