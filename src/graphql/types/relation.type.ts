/** A directed, typed relation between two entities, with its evidence. */
import { Field, ID, ObjectType } from "type-graphql";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import { RankEnum, RelationTypeEnum } from "../enums.js";
import type { RelationType } from "../../model/ontology.js";
import { EntityInterface } from "./entity.type.js";
import { EvidenceObject } from "./evidence.type.js";
import { PartialDateObject } from "./partial-date.type.js";

@ObjectType("Relation", { description: "A directed, typed fact joining two entities, with its evidence." })
export class RelationObject {
  @Field(() => ID, { description: "Stable id, e.g. 'iran-backs-kataib-hezbollah'." })
  id!: string;

  @Field(() => RelationTypeEnum, { description: "What the relation states." })
  type!: RelationType;

  @Field(() => EntityInterface, { description: "The entity the relation goes from." })
  source!: EntityInterface;

  @Field(() => EntityInterface, { description: "The entity the relation goes to." })
  target!: EntityInterface;

  @Field(() => PartialDateObject, { nullable: true, description: "When the relation held or happened, where the source says." })
  date!: PartialDateObject | null;

  @Field(() => String, { nullable: true, description: "The capacity in which it holds, e.g. 'deputy commander'; for NEAR and STRUCK_NEAR, the relation as written ('north of')." })
  role!: string | null;

  @Field(() => String, { nullable: true, description: "For DISPUTES: the label of the account (of claims on the target event) it disputes; see Account.disputedBy." })
  account!: string | null;

  @Field(() => RankEnum, { description: "PREFERRED, NORMAL or DEPRECATED; deprecated relations are left out of default views and never walked." })
  rank!: string;

  @Field(() => String, { nullable: true, description: "Why the rank is not NORMAL." })
  rankReason!: string | null;

  @Field(() => String, { nullable: true, description: "Context the relation needs to be read right." })
  note!: string | null;

  @Field(() => [EvidenceObject], { description: "Where the relation comes from; at least one entry." })
  @Cost(FIELD_COSTS.relationEvidence)
  evidence!: EvidenceObject[];
}
