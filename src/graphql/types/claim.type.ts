/** Figures as sources report them: claims, the accounts they form, and the estimates drawn from the accounts. */
import { Field, ID, Int, ObjectType } from "type-graphql";
import { EntityInterface } from "./entity.type.js";
import { ClaimMeasureEnum, ClaimQualifierEnum, RankEnum } from "../enums.js";
import { EvidenceObject } from "./evidence.type.js";

@ObjectType("Claim", {
  description: "A figure as one source reports it (a death toll, a count of attacks). Claims of one account add up; accounts of one measure and scope are alternatives.",
})
export class ClaimObject {
  @Field(() => ClaimMeasureEnum, { description: "What is counted." })
  measure!: string;

  @Field(() => ClaimQualifierEnum, { description: "How the figure is stated (exactly, at least, several, none reported...)." })
  qualifier!: string;

  @Field(() => Int, { nullable: true, description: "The figure, when the qualifier carries one (EXACT, AT_LEAST, MORE_THAN)." })
  count!: number | null;

  @Field(() => String, { description: "Who or what is counted, e.g. 'men killed in Syria'." })
  subject!: string;

  @Field(() => String, { description: "The account the claim belongs to (unique within its entity), e.g. 'ap-iraqi-military'." })
  account!: string;

  @Field(() => String, { nullable: true, description: "What the account counts, where accounts of one measure count different people; null: all of them." })
  scope!: string | null;

  @Field(() => RankEnum, { description: "PREFERRED, NORMAL or DEPRECATED." })
  rank!: string;

  @Field(() => String, { nullable: true, description: "Why the rank is not NORMAL." })
  rankReason!: string | null;

  @Field(() => String, { nullable: true, description: "Context, e.g. that another source disputed the figure." })
  note!: string | null;

  @Field(() => EvidenceObject, { description: "The source of this figure." })
  evidence!: EvidenceObject;
}

@ObjectType("Account", { description: "One source's version of one measure for one entity: claims that add up, with their figures." })
export class AccountObject {
  @Field(() => ID, { description: "The entity's id and the account's label, e.g. 'us-strike-2021-06-27#britain-based-monitor'." })
  id!: string;

  @Field(() => String, { description: "The label its claims carry." })
  label!: string;

  @Field(() => ClaimMeasureEnum, { description: "What it counts." })
  measure!: string;

  @Field(() => String, { nullable: true, description: "Whom it counts, where accounts of one measure count different people." })
  scope!: string | null;

  @Field(() => String, { description: "Who gives it, in the source's terms." })
  attribution!: string;

  @Field(() => [EvidenceObject], { description: "Its excerpts, each once." })
  evidence!: EvidenceObject[];

  @Field(() => [ClaimObject], { description: "Its claims, which add up." })
  claims!: ClaimObject[];

  @Field(() => RankEnum, { description: "PREFERRED when a claim is, DEPRECATED when all are (it then takes no part in estimates)." })
  rank!: string;

  @Field(() => Boolean, { description: "Whether another source disputes it (see `disputedBy`); beside an undisputed account it only widens the estimate's `high`." })
  disputed!: boolean;

  @Field(() => Int, { nullable: true, description: "The sum of its claims' low figures; null when none gives a figure." })
  low!: number | null;

  @Field(() => Int, { nullable: true, description: "The sum of its claims' best figures." })
  best!: number | null;

  @Field(() => Int, { nullable: true, description: "The sum of its claims' high figures." })
  high!: number | null;
}

@ObjectType("Estimate", {
  description:
    "Low, best and high figures for one measure of one entity, in the manner of UCDP GED, drawn from its accounts (see the README for the rule): alternatives within a scope give the range, scopes add up.",
})
export class EstimateObject {
  @Field(() => ClaimMeasureEnum, { description: "What is counted." })
  measure!: string;

  @Field(() => Int, { nullable: true, description: "The lowest credible figure; null when no account gives one." })
  low!: number | null;

  @Field(() => Int, { nullable: true, description: "The most likely figure." })
  best!: number | null;

  @Field(() => Int, { nullable: true, description: "The highest credible figure." })
  high!: number | null;

  @Field(() => [AccountObject], { description: "Every account of the measure, deprecated ones included." })
  accounts!: AccountObject[];

  @Field(() => Boolean, { description: "Whether the figures rest on a disputed account that has no undisputed alternative." })
  disputed!: boolean;
}

@ObjectType("ClaimEntry", { description: "A claim with the entity it is about, as the root `claims` query lists them." })
export class ClaimEntryObject {
  @Field(() => EntityInterface, { description: "What the claim is about (usually an event)." })
  subject!: unknown;

  @Field(() => ClaimObject, { description: "The claim." })
  claim!: ClaimObject;
}
