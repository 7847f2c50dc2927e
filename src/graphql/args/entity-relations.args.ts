/** Arguments of Entity.relations, Entity.neighbors and Entity.degree. */
import { ArgsType, Field } from "type-graphql";
import { DirectionEnum, RankEnum, RelationTypeEnum } from "../enums.js";
import type { Direction } from "../../traversal/index.js";
import type { Rank, RelationType } from "../../model/ontology.js";

@ArgsType()
export class EntityRelationsArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: "Only relations of these types; all when absent or empty." })
  types?: RelationType[] | null;

  @Field(() => DirectionEnum, { defaultValue: "either", description: "FORWARD: outgoing relations; BACKWARD: incoming; EITHER (default): both." })
  direction!: Direction;

  @Field(() => [RankEnum], { nullable: true, description: "Only relations of these ranks, PREFERRED first; PREFERRED and NORMAL when absent." })
  ranks?: Rank[] | null;
}
