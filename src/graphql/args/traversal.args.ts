/** Arguments of the traversal queries, with their defaults and bounds. */
import { ArgsType, Field, ID, Int } from "type-graphql";
import { IntRange, Text } from "./bounds.js";
import { LIMITS } from "../limits.js";
import { WalkArgs } from "./walk.args.js";

@ArgsType()
export class NeighborhoodArgs extends WalkArgs {
  @Field(() => ID, { description: "Id of the entity at the centre." })
  @Text(LIMITS.text)
  id!: string;

  @Field(() => Int, { defaultValue: LIMITS.depth.default, description: `Hops from the centre, 0 to ${LIMITS.depth.max}.` })
  @IntRange(0, LIMITS.depth.max)
  depth!: number;

  @Field(() => Int, {
    defaultValue: LIMITS.subgraphNodes.default,
    description: `Most entities returned, 1 to ${LIMITS.subgraphNodes.max}, closest first; \`truncated\` says when some were left out.`,
  })
  @IntRange(1, LIMITS.subgraphNodes.max)
  limit!: number;
}

@ArgsType()
export class PathArgs extends WalkArgs {
  @Field(() => ID, { description: "Id of the entity the path starts at." })
  @Text(LIMITS.text)
  from!: string;

  @Field(() => ID, { description: "Id of the entity the path ends at." })
  @Text(LIMITS.text)
  to!: string;
}

@ArgsType()
export class AllShortestPathsArgs extends PathArgs {
  @Field(() => Int, { defaultValue: LIMITS.paths.default, description: `Most paths returned, 1 to ${LIMITS.paths.max}.` })
  @IntRange(1, LIMITS.paths.max)
  limit!: number;
}

@ArgsType()
export class PathsArgs extends AllShortestPathsArgs {
  @Field(() => Int, { defaultValue: LIMITS.pathLength.default, description: `Longest path returned, in steps, 1 to ${LIMITS.pathLength.max}.` })
  @IntRange(1, LIMITS.pathLength.max)
  maxLength!: number;
}
