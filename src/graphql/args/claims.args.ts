/** Arguments of Entity.claims, Entity.estimates and the root claims query. */
import { ArgsType, Field, ID, Int } from "type-graphql";
import { LIMITS } from "../../service/limits.js";
import { ClaimMeasureEnum, RankEnum } from "../enums.js";
import type { ClaimMeasure, Rank } from "../../model/ontology.js";

@ArgsType()
export class RanksArgs {
  @Field(() => [RankEnum], { nullable: true, description: "Only these ranks; PREFERRED and NORMAL when absent (deprecated statements are left out)." })
  ranks?: Rank[] | null;
}

@ArgsType()
export class EstimatesArgs {
  @Field(() => [ClaimMeasureEnum], { nullable: true, description: "Only these measures; every measure the entity has claims of when absent or empty." })
  measures?: ClaimMeasure[] | null;
}

@ArgsType()
export class ClaimsArgs {
  @Field(() => [ClaimMeasureEnum], { nullable: true, description: "Only these measures; every measure when absent or empty." })
  measures?: ClaimMeasure[] | null;

  @Field(() => ID, { nullable: true, description: "Only claims about this entity (an event's id, usually)." })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: "Only claims whose attribution contains this text (any case), or that are attributed to this entity id." })
  attribution?: string | null;

  @Field(() => [RankEnum], { nullable: true, description: "Only these ranks; PREFERRED and NORMAL when absent." })
  ranks?: Rank[] | null;

  @Field(() => Int, { defaultValue: LIMITS.timeline.default, description: `Most claims returned, 1 to ${LIMITS.timeline.max}. A list shorter than \`first\` is complete.` })
  first!: number;

  @Field(() => Int, { defaultValue: 0, description: `Claims to skip first, 0 to ${LIMITS.offset.max.toLocaleString("en")}.` })
  offset!: number;
}
