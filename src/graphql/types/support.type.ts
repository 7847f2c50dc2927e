/** Corroboration (which documents state a fact) and support (what a document states). */
import { Field, Int, ObjectType } from "type-graphql";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import { SupportedRecordKindEnum } from "../enums.js";
import type { SupportedRecordKind } from "../../graph/document-support.js";
import { ClaimObject } from "./claim.type.js";
import { EntityInterface } from "./entity.type.js";
import { EvidenceObject } from "./evidence.type.js";
import { RelationObject } from "./relation.type.js";
import { SourceDocumentObject } from "./source-document.type.js";

@ObjectType("Corroboration", {
  description: "How many source documents state a fact, and which: one evidence entry per document. Documents are counted as distinct, not judged independent: two reports may share a source.",
})
export class CorroborationObject {
  @Field(() => Int, { description: "The number of distinct documents among the evidence." })
  documentCount!: number;

  @Field(() => [SourceDocumentObject], { description: "The documents, in the order the evidence first cites them." })
  @Cost(FIELD_COSTS.corroborationEvidence)
  documents!: SourceDocumentObject[];

  @Field(() => [EvidenceObject], { description: "Every evidence entry, the record's first source first." })
  @Cost(FIELD_COSTS.corroborationEvidence)
  evidence!: EvidenceObject[];
}

@ObjectType("Support", { description: "A record a source document supports, with the evidence entry that cites the document." })
export class SupportObject {
  @Field(() => SupportedRecordKindEnum, { description: "ENTITY, RELATION or CLAIM." })
  kind!: SupportedRecordKind;

  @Field(() => EntityInterface, { nullable: true, description: "The entity (ENTITY), or the entity the claim is about (CLAIM); null for a relation." })
  entity!: EntityInterface | null;

  @Field(() => RelationObject, { nullable: true, description: "The relation (RELATION); null otherwise." })
  relation!: RelationObject | null;

  @Field(() => ClaimObject, { nullable: true, description: "The claim (CLAIM); null otherwise." })
  claim!: ClaimObject | null;

  @Field(() => EvidenceObject, { description: "The record's evidence entry that cites this document." })
  evidence!: EvidenceObject;
}
