/** The Entity interface every kind of entity implements. */
import { Field, ID, InterfaceType } from "type-graphql";
import { EntityKindEnum } from "../enums.js";
import type { EntityKind } from "../../model/ontology.js";
import type { EntityRecord } from "../../model/records.js";
import { EvidenceObject } from "./evidence.type.js";

@InterfaceType("Entity", {
  description: "Anything the graph holds facts about: a group, a person, a government, a site, an event, a statement...",
  resolveType: (entity: EntityRecord) => entity.kind,
})
export abstract class EntityInterface {
  @Field(() => ID, { description: "Stable, readable id, e.g. 'kataib-hezbollah' or 'us-strike-2021-06-27'." })
  id!: string;

  @Field(() => String, { description: "The name the article uses most." })
  name!: string;

  @Field(() => [String], { description: "Other names and spellings, e.g. 'KH', \"Kata'ib Hezbollah\"." })
  aliases!: string[];

  @Field(() => EntityKindEnum, { description: "The entity's kind; also given by its object type." })
  kind!: EntityKind;

  @Field(() => String, { description: "What the article says the entity is." })
  description!: string;

  @Field(() => [EvidenceObject], { description: "Where the article names or describes the entity." })
  provenance!: EvidenceObject[];
}
