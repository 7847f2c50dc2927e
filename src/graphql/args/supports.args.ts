/** Arguments of SourceDocument.supports and supportCount; bounds are the request layer's (service/requests.ts). */
import { ArgsType, Field, Int } from "type-graphql";
import { LIMITS } from "../../service/limits.js";
import { RelationTypeEnum, SupportedRecordKindEnum } from "../enums.js";
import type { RelationType } from "../../model/ontology.js";
import type { SupportedRecordKind } from "../../graph/document-support.js";

@ArgsType()
export class SupportFilterArgs {
  @Field(() => [SupportedRecordKindEnum], { nullable: true, description: "Only records of these kinds; every kind when absent or empty." })
  kinds?: SupportedRecordKind[] | null;

  @Field(() => [RelationTypeEnum], { nullable: true, description: "Only relations of these types; entities and claims are not affected." })
  types?: RelationType[] | null;
}

@ArgsType()
export class SupportsArgs extends SupportFilterArgs {
  @Field(() => Int, { defaultValue: LIMITS.timeline.default, description: `Most records returned, 1 to ${LIMITS.timeline.max}. A list shorter than \`first\` is complete.` })
  first!: number;

  @Field(() => Int, { defaultValue: 0, description: `Records to skip first, 0 to ${LIMITS.offset.max.toLocaleString("en")}.` })
  offset!: number;
}
