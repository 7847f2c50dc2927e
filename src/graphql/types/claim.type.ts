/** A figure reported by one source; disagreeing sources give separate claims. */
import { Field, Int, ObjectType } from "type-graphql";
import { ClaimMeasureEnum, ClaimQualifierEnum } from "../enums.js";
import { EvidenceObject } from "./evidence.type.js";

@ObjectType("Claim", {
  description: "A figure as one source reports it (a death toll, a count of attacks). Where sources disagree, each account is its own claim.",
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

  @Field(() => String, { nullable: true, description: "Context, e.g. that another source disputed the figure." })
  note!: string | null;

  @Field(() => EvidenceObject, { description: "The source of this figure." })
  evidence!: EvidenceObject;
}
