/** Arguments of Entity.relations, Entity.neighbors and Entity.degree. */
import { ArgsType, Field } from "type-graphql";
import { DirectionEnum, RelationTypeEnum } from "../enums.js";
import type { Direction } from "../../algorithms/index.js";
import type { RelationType } from "../../model/ontology.js";
import { MaxItems } from "./bounds.js";
import { LIMITS } from "../limits.js";

@ArgsType()
export class EntityRelationsArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: "Only relations of these types; all when absent or empty." })
  @MaxItems(LIMITS.listItems)
  types?: RelationType[] | null;

  @Field(() => DirectionEnum, { defaultValue: "either", description: "FORWARD: outgoing relations; BACKWARD: incoming; EITHER (default): both." })
  direction!: Direction;
}
