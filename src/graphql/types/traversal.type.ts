/** Results of traversals: subgraphs, paths and retaliation chains. */
import { Field, Int, ObjectType } from "type-graphql";
import { WalkDirectionEnum } from "../enums.js";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import { EntityInterface } from "./entity.type.js";
import { EventObject } from "./entity-kinds.type.js";
import { RelationObject } from "./relation.type.js";

@ObjectType("SubgraphNode", { description: "An entity in a subgraph with its distance from the centre." })
export class SubgraphNodeObject {
  @Field(() => Int, { description: "Hops from the centre (0 for the centre)." })
  depth!: number;

  @Field(() => EntityInterface, { description: "The entity." })
  entity!: EntityInterface;
}

@ObjectType("Subgraph", { description: "A subgraph: entities and the relations among them." })
export class SubgraphObject {
  @Field(() => [SubgraphNodeObject], { description: "Entities in breadth-first order, the centre first." })
  @Cost(FIELD_COSTS.scopeNodes)
  nodes!: SubgraphNodeObject[];

  @Field(() => [RelationObject], { description: "Every relation of the requested types between two of the entities." })
  @Cost(FIELD_COSTS.scopeRelations)
  edges!: RelationObject[];

  @Field(() => Boolean, { description: "True when entities were left out because of `limit`." })
  truncated!: boolean;
}

@ObjectType("PathStep", { description: "One step of a path: from an entity, along a relation, to the next entity." })
export class PathStepObject {
  @Field(() => EntityInterface, { description: "Where the step starts." })
  from!: EntityInterface;

  @Field(() => RelationObject, { description: "The relation walked." })
  relation!: RelationObject;

  @Field(() => EntityInterface, { description: "Where the step ends." })
  to!: EntityInterface;

  @Field(() => WalkDirectionEnum, { description: "FORWARD when walked from the relation's source to its target, BACKWARD when against it." })
  direction!: string;
}

@ObjectType("Path", { description: "A path between two entities." })
export class PathObject {
  @Field(() => Int, { description: "Number of steps (relations)." })
  length!: number;

  @Field(() => [EntityInterface], { description: "Entities along the path, from start to end." })
  @Cost(FIELD_COSTS.pathNodes)
  nodes!: EntityInterface[];

  @Field(() => [PathStepObject], { description: "The steps, in order." })
  @Cost(FIELD_COSTS.pathSteps)
  steps!: PathStepObject[];
}

@ObjectType("RetaliationChain", { description: "Events linked to an event by RETALIATES_FOR, before and after it." })
export class RetaliationChainObject {
  @Field(() => EventObject, { description: "The event asked about." })
  event!: EventObject;

  @Field(() => [EventObject], { description: "Every event in the chain, the one asked about included, in date order." })
  @Cost(FIELD_COSTS.scopeNodes)
  events!: EventObject[];

  @Field(() => [EventObject], { description: "Events it answered, directly or through others, in date order." })
  @Cost(FIELD_COSTS.scopeNodes)
  before!: EventObject[];

  @Field(() => [EventObject], { description: "Events that answered it, directly or through others, in date order." })
  @Cost(FIELD_COSTS.scopeNodes)
  after!: EventObject[];

  @Field(() => [RelationObject], { description: "The RETALIATES_FOR relations among the chain's events." })
  @Cost(FIELD_COSTS.scopeRelations)
  relations!: RelationObject[];
}
