/** Arguments shared by every traversal: which relation types to follow, and which way. */
import { ArgsType, Field } from "type-graphql";
import { DirectionEnum, RelationTypeEnum } from "../enums.js";
import type { Direction } from "../../algorithms/index.js";
import type { RelationType } from "../../model/ontology.js";
import { MaxItems } from "./bounds.js";
import { LIMITS } from "../limits.js";

@ArgsType()
export class WalkArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: "Relation types to follow; all types when absent or empty." })
  @MaxItems(LIMITS.listItems)
  relationTypes?: RelationType[] | null;

  @Field(() => DirectionEnum, { defaultValue: "either", description: "Which way relations may be followed; default EITHER." })
  direction!: Direction;
}
