/** A source document: what the evidence excerpts are quoted from. */
import { Field, ID, ObjectType } from "type-graphql";
import { DocumentKindEnum } from "../enums.js";
import { PartialDateObject } from "./partial-date.type.js";

@ObjectType("SourceDocument", { description: "A document the graph's facts are taken from. It is described, not copied." })
export class SourceDocumentObject {
  @Field(() => ID, { description: "Stable id, cited by every evidence entry." })
  id!: string;

  @Field(() => DocumentKindEnum, { description: "ARTICLE: a text whose excerpts are checked verbatim; GAZETTEER: reference geographic data." })
  kind!: string;

  @Field(() => String, { description: "The document's title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Who publishes it (a gazetteer's maintainers)." })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: "The version cited (a gazetteer's package version)." })
  version!: string | null;

  @Field(() => String, { nullable: true, description: "The licence its data is used under." })
  licence!: string | null;

  @Field(() => String, { nullable: true, description: "Where to find it." })
  url!: string | null;

  @Field(() => PartialDateObject, { nullable: true, description: "The span of events an article covers; null for a gazetteer." })
  covers!: PartialDateObject | null;

  @Field(() => PartialDateObject, { nullable: true, description: "When the document was published, as precisely as known (a RANGE open at one end: 'on or after'); null when not recorded." })
  published!: PartialDateObject | null;

  @Field(() => [String], { description: "Publication facts the document itself states." })
  publicationNotes!: string[];

  @Field(() => String, { nullable: true, description: "SHA-256 of the text the evidence excerpts were checked against." })
  sha256!: string | null;
}
