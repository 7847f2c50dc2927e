/** Root queries that walk the graph: neighbourhoods, paths, retaliation chains. */
import { Args, Ctx, Query, Resolver } from "type-graphql";
import { EventIdArgs } from "../args/id.args.js";
import { AllShortestPathsArgs, NeighborhoodArgs, PathArgs, PathsArgs } from "../args/traversal.args.js";
import type { GraphQLContext } from "../context.js";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import { PathObject, RetaliationChainObject, SubgraphObject } from "../types/traversal.type.js";

@Resolver()
export class TraversalResolver {
  @Query(() => SubgraphObject, { description: "The entities within `depth` hops of an entity and the relations among them." })
  @Cost(FIELD_COSTS.neighborhood)
  neighborhood(@Args(() => NeighborhoodArgs) args: NeighborhoodArgs, @Ctx() { service }: GraphQLContext) {
    return service.answerNeighborhood(args);
  }

  @Query(() => PathObject, { nullable: true, description: "One shortest path between two entities; null when they are not connected." })
  @Cost(FIELD_COSTS.shortestPath)
  shortestPath(@Args(() => PathArgs) args: PathArgs, @Ctx() { service }: GraphQLContext) {
    return service.answerShortestPath(args);
  }

  @Query(() => [PathObject], { description: "Every shortest path between two entities (up to `limit`); empty when they are not connected." })
  @Cost(FIELD_COSTS.allShortestPaths)
  allShortestPaths(@Args(() => AllShortestPathsArgs) args: AllShortestPathsArgs, @Ctx() { service }: GraphQLContext) {
    return service.allShortestPaths(args);
  }

  @Query(() => [PathObject], { description: "The shortest simple paths between two entities, shortest first, up to `limit` paths of at most `maxLength` steps." })
  @Cost(FIELD_COSTS.paths)
  paths(@Args(() => PathsArgs) args: PathsArgs, @Ctx() { service }: GraphQLContext) {
    return service.paths(args);
  }

  @Query(() => RetaliationChainObject, { description: "The chain of RETALIATES_FOR relations leading to and from an event, in date order." })
  @Cost(FIELD_COSTS.retaliationChain)
  retaliationChain(@Args(() => EventIdArgs) args: EventIdArgs, @Ctx() { service }: GraphQLContext) {
    return service.retaliationChain(args);
  }
}
