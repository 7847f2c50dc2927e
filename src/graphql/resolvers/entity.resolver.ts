/** Fields every entity has: aliases, provenance, claims, relations, neighbours, degree. */
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Claim, EntityRecord, Evidence, NameVariant, RelationRecord } from "../../model/records.js";
import type { EstimateView } from "../../service/estimates.js";
import { EstimatesArgs, RanksArgs } from "../args/claims.args.js";
import { EntityRelationsArgs } from "../args/entity-relations.args.js";
import type { GraphQLContext } from "../context.js";
import { SliceArgs } from "../args/list.args.js";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import { ClaimObject, EstimateObject } from "../types/claim.type.js";
import { EntityInterface } from "../types/entity.type.js";
import { EvidenceObject } from "../types/evidence.type.js";
import { RelationObject } from "../types/relation.type.js";
import { NameVariantObject } from "../types/search.type.js";

@Resolver(() => EntityInterface)
export class EntityResolver {
  @FieldResolver(() => [String])
  aliases(@Root() entity: EntityRecord): string[] {
    return entity.aliases ?? [];
  }

  @FieldResolver(() => [NameVariantObject], { description: "Other spellings and names the sources do not use (transliterations, the name in Arabic or Persian script), curated so that search finds the entity." })
  nameVariants(@Root() entity: EntityRecord): NameVariant[] {
    return entity.variants ?? [];
  }

  @FieldResolver(() => [EvidenceObject])
  @Cost(FIELD_COSTS.entityEvidence)
  provenance(@Root() entity: EntityRecord): Evidence[] {
    return entity.evidence;
  }

  @FieldResolver(() => [ClaimObject], { description: "Figures reported about the entity (death tolls, counts), each with its source and account; PREFERRED first." })
  @Cost(FIELD_COSTS.claims)
  claims(@Root() entity: EntityRecord, @Args(() => RanksArgs) args: RanksArgs, @Ctx() { service }: GraphQLContext): Claim[] {
    return service.claimsOf(entity, args);
  }

  @FieldResolver(() => [EstimateObject], {
    description: "Low, best and high figures per measure, drawn from the accounts the claims form (the README gives the rule); one per measure, in order of first claim.",
  })
  @Cost(FIELD_COSTS.accounts)
  estimates(@Root() entity: EntityRecord, @Args(() => EstimatesArgs) args: EstimatesArgs, @Ctx() { service }: GraphQLContext): EstimateView[] {
    return service.estimatesOf(entity, args);
  }

  @FieldResolver(() => [RelationObject], {
    description: "Relations touching this entity, filtered by type and direction, in data order; `first` at a time after `offset` (`degree` counts them all).",
  })
  @Cost(FIELD_COSTS.entityRelations)
  relations(
    @Root() entity: EntityRecord,
    @Args(() => EntityRelationsArgs) args: EntityRelationsArgs,
    @Args(() => SliceArgs) slice: SliceArgs,
    @Ctx() { service }: GraphQLContext,
  ): RelationRecord[] {
    return service.relationsOf(entity.id, { ...args, ...slice });
  }

  @FieldResolver(() => [EntityInterface], {
    description: "Entities one relation away, each once, filtered by relation type and direction; `first` at a time after `offset`.",
  })
  @Cost(FIELD_COSTS.entityRelations)
  neighbors(
    @Root() entity: EntityRecord,
    @Args(() => EntityRelationsArgs) args: EntityRelationsArgs,
    @Args(() => SliceArgs) slice: SliceArgs,
    @Ctx() { service }: GraphQLContext,
  ): EntityRecord[] {
    return service.neighborsOf(entity.id, { ...args, ...slice });
  }

  @FieldResolver(() => Int, { description: "How many relations touch this entity, filtered by type and direction: the full length of `relations`." })
  degree(@Root() entity: EntityRecord, @Args(() => EntityRelationsArgs) args: EntityRelationsArgs, @Ctx() { service }: GraphQLContext): number {
    return service.degreeOf(entity.id, args);
  }
}
