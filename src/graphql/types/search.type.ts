/** Search hits (with their score and the field that matched) and name variants. */
import { Field, Float, ObjectType } from "type-graphql";
import { NameVariantTypeEnum, SearchFieldEnum } from "../enums.js";
import type { SearchField } from "../../graph/search-index.js";
import type { NameVariantType } from "../../model/ontology.js";
import { EntityInterface } from "./entity.type.js";

@ObjectType("SearchHit", { description: "One entity a search found, with how well and where it matched." })
export class SearchHitObject {
  @Field(() => EntityInterface, { description: "The entity." })
  entity!: unknown;

  @Field(() => Float, { description: "From 0 to 1: 1 for an exact name, then by field (NAME 0.9, ALIAS 0.8, VARIANT 0.7, ID 0.6, DESCRIPTION 0.4) less up to 0.1 for the share of the name the query leaves uncovered. Orders one search's hits only." })
  score!: number;

  @Field(() => SearchFieldEnum, { description: "The best field the query matched in." })
  field!: SearchField;

  @Field(() => Boolean, { description: "Whether the whole query equals an id, name, alias or variant (ignoring case, accents and punctuation)." })
  exact!: boolean;
}

@ObjectType("NameVariant", { description: "A name an entity goes by elsewhere that the sources do not use, curated so that search finds it; never evidence." })
export class NameVariantObject {
  @Field(() => String, { description: "The variant as written." })
  name!: string;

  @Field(() => NameVariantTypeEnum, { description: "What kind of variant it is." })
  type!: NameVariantType;

  @Field(() => String, { nullable: true, description: "What the variant is, where that is not obvious." })
  note!: string | null;
}
