/** A directed, typed relation between two entities, with its evidence. */
import { Field, ID, ObjectType } from "type-graphql";
import { Cost } from "../cost.js";
import { FIELD_COSTS } from "../field-costs.js";
import { RelationTypeEnum } from "../enums.js";
import type { RelationType } from "../../model/ontology.js";
import { Entity } from "./entity.type.js";
import { EvidenceType } from "./evidence.type.js";
import { PartialDateType } from "./partial-date.type.js";

@ObjectType("Relation", { description: "A directed, typed fact joining two entities, with its evidence." })
export class RelationObject {
  @Field(() => ID, { description: "Stable id, e.g. 'iran-backs-kataib-hezbollah'." })
  id!: string;

  @Field(() => RelationTypeEnum, { description: "What the relation states." })
  type!: RelationType;

  @Field(() => Entity, { description: "The entity the relation goes from." })
  source!: Entity;

  @Field(() => Entity, { description: "The entity the relation goes to." })
  target!: Entity;

  @Field(() => PartialDateType, { nullable: true, description: "When the relation held or happened, where the source says." })
  date!: PartialDateType | null;

  @Field(() => String, { nullable: true, description: "The capacity in which it holds, e.g. 'deputy commander'." })
  role!: string | null;

  @Field(() => String, { nullable: true, description: "Context the relation needs to be read right." })
  note!: string | null;

  @Field(() => [EvidenceType], { description: "Where the relation comes from; at least one entry." })
  @Cost(FIELD_COSTS.relationEvidence)
  evidence!: EvidenceType[];
}
