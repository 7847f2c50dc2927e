/** A source document: what the evidence excerpts are quoted from. */
import { Field, ID, ObjectType } from "type-graphql";
import { PartialDateObject } from "./partial-date.type.js";

@ObjectType("SourceDocument", { description: "A document the graph's facts are taken from. It is described, not copied." })
export class SourceDocumentObject {
  @Field(() => ID, { description: "Stable id, cited by every evidence entry." })
  id!: string;

  @Field(() => String, { description: "The document's title." })
  title!: string;

  @Field(() => PartialDateObject, { description: "The span of events the document covers." })
  covers!: PartialDateObject;

  @Field(() => [String], { description: "Publication facts the document itself states." })
  publicationNotes!: string[];

  @Field(() => String, { nullable: true, description: "SHA-256 of the text the evidence excerpts were checked against." })
  sha256!: string | null;
}
