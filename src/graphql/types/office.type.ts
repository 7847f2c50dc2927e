/** An office an official holds: the role and where. */
import { Field, ObjectType } from "type-graphql";
import { EntityInterface } from "./entity.type.js";
import { RelationObject } from "./relation.type.js";

@ObjectType("Office", { description: "An office or command held by an official (from a HOLDS_OFFICE_IN or SPEAKS_FOR relation)." })
export class OfficeObject {
  @Field(() => String, { nullable: true, description: "The role, e.g. 'Pentagon Press Secretary' or 'deputy commander'." })
  role!: string | null;

  @Field(() => EntityInterface, { description: "The government, organization, group or person the office is in or speaks for." })
  organization!: EntityInterface;

  @Field(() => RelationObject, { description: "The relation the office comes from, with its evidence." })
  relation!: RelationObject;
}
