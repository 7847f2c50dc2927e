/** Arguments of the traversal queries, with their defaults; bounds are the request layer's (service/requests.ts). */
import { ArgsType, Field, ID, Int } from "type-graphql";
import type { RelationType } from "../../model/ontology.js";
import { LIMITS } from "../../service/limits.js";
import type { Direction } from "../../traversal/index.js";
import { DirectionEnum, RelationTypeEnum } from "../enums.js";

/** What every traversal follows: which relation types, and which way. */
@ArgsType()
export class TraversalFilterArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: "Relation types to follow; all types when absent or empty." })
  relationTypes?: RelationType[] | null;

  @Field(() => DirectionEnum, { defaultValue: "either", description: "Which way relations may be followed; default EITHER." })
  direction!: Direction;
}

@ArgsType()
export class NeighborhoodArgs extends TraversalFilterArgs {
  @Field(() => ID, { description: "Id of the entity at the centre." })
  id!: string;

  @Field(() => Int, { defaultValue: LIMITS.depth.default, description: `Hops from the centre, 0 to ${LIMITS.depth.max}.` })
  depth!: number;

  @Field(() => Int, {
    defaultValue: LIMITS.subgraphNodes.default,
    description: `Most entities returned, 1 to ${LIMITS.subgraphNodes.max}, closest first; \`truncated\` says when some were left out.`,
  })
  limit!: number;
}

@ArgsType()
export class PathArgs extends TraversalFilterArgs {
  @Field(() => ID, { description: "Id of the entity the path starts at." })
  from!: string;

  @Field(() => ID, { description: "Id of the entity the path ends at." })
  to!: string;
}

@ArgsType()
export class AllShortestPathsArgs extends PathArgs {
  @Field(() => Int, { defaultValue: LIMITS.paths.default, description: `Most paths returned, 1 to ${LIMITS.paths.max}.` })
  limit!: number;
}

@ArgsType()
export class PathsArgs extends AllShortestPathsArgs {
  @Field(() => Int, { defaultValue: LIMITS.pathLength.default, description: `Longest path returned, in steps, 1 to ${LIMITS.pathLength.max}.` })
  maxLength!: number;
}
