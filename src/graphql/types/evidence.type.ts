/** Provenance of one fact: the document, a verbatim excerpt and who said it. */
import { Field, Int, ObjectType } from "type-graphql";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import { SourceDocumentObject } from "./source-document.type.js";
import { EntityInterface } from "./entity.type.js";

@ObjectType("TextPosition", {
  description: "Where an excerpt is in its document's text: offsets in Unicode code points, `end` exclusive (the W3C Web Annotation TextPositionSelector; Python's `text[start:end]`).",
})
export class TextPositionObject {
  @Field(() => Int, { description: "Offset of the excerpt's first character." })
  start!: number;

  @Field(() => Int, { description: "Offset just after its last character." })
  end!: number;
}

@ObjectType("Evidence", { description: "Where a fact comes from: a verbatim excerpt of a source document and who, in it, said so." })
export class EvidenceObject {
  @Field(() => SourceDocumentObject, { description: "The document the excerpt is quoted from." })
  document!: SourceDocumentObject;

  @Field(() => String, { description: "A short verbatim excerpt (a phrase or one sentence)." })
  excerpt!: string;

  @Field(() => String, { description: "Who said it, in the document's terms, e.g. 'Iraqi military officials told The Associated Press'; 'the article' for the document's own voice." })
  attribution!: string;

  @Field(() => TextPositionObject, { nullable: true, description: "Where the excerpt is in the document's text; null where the data does not say (reference data cited by record)." })
  position!: TextPositionObject | null;

  @Field(() => [EntityInterface], { description: "The entities the attribution names, where they are in the graph." })
  @Cost(FIELD_COSTS.attributedTo)
  attributedTo!: EntityInterface[];
}
