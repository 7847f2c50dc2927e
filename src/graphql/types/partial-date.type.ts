/** A date as precise as the source allows, with how a missing year was inferred. */
import { Field, ObjectType } from "type-graphql";
import { DatePrecisionEnum } from "../enums.js";
import type { DatePrecision } from "../../model/dates.js";

@ObjectType("PartialDate", { description: "A date as precise as the source allows: a day, a month, a year or a range." })
export class PartialDateObject {
  @Field(() => String, { description: "ISO 8601 value: 2021-06-27, 2021-06, 2016, or an interval 2021-04/2021-06-26, possibly open at one end (../2014-07)." })
  value!: string;

  @Field(() => DatePrecisionEnum, { description: "How precisely the date is known." })
  precision!: DatePrecision;

  @Field(() => String, { nullable: true, description: "First day the date can refer to (YYYY-MM-DD); null when the source gives no earlier bound (an interval open at the start)." })
  earliest!: string | null;

  @Field(() => String, { nullable: true, description: "Last day the date can refer to (YYYY-MM-DD); null when the source gives no later bound." })
  latest!: string | null;

  @Field(() => String, { nullable: true, description: "The article's own wording, e.g. 'June 27' or 'since April'." })
  asWritten!: string | null;

  @Field(() => Boolean, { description: "True when the article leaves the year out and it was inferred from context." })
  yearInferred!: boolean;

  @Field(() => String, { nullable: true, description: "How the year was inferred, when it was." })
  yearInference!: string | null;
}
