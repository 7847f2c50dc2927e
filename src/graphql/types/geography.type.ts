/** Where a place, base or event is: coordinates from a reference gazetteer, with their provenance. */
import { Field, Float, ObjectType } from "type-graphql";
import { GeoPrecisionEnum } from "../enums.js";
import { EvidenceObject } from "./evidence.type.js";

@ObjectType("Coordinates", {
  description: "A position (WGS 84 degrees) and what it is the position of; taken from a gazetteer, never from the article.",
})
export class CoordinatesObject {
  @Field(() => Float, { description: "Degrees north (negative: south)." })
  latitude!: number;

  @Field(() => Float, { description: "Degrees east (negative: west)." })
  longitude!: number;

  @Field(() => GeoPrecisionEnum, { description: "SITE: the place itself; CITY, REGION or COUNTRY: the one it is in or near." })
  precision!: string;

  @Field(() => String, { nullable: true, description: "How a curator chose the gazetteer record, where one did." })
  note!: string | null;

  @Field(() => EvidenceObject, { description: "The gazetteer record the position comes from." })
  evidence!: EvidenceObject;
}
