/** Arguments of Entity.claims and Entity.estimates. */
import { ArgsType, Field } from "type-graphql";
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
