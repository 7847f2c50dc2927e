/** Arguments that name one entity, relation or event by id. */
import { ArgsType, Field, ID } from "type-graphql";
import { MaxItems, Text } from "./bounds.js";
import { LIMITS } from "../limits.js";

@ArgsType()
export class IdArgs {
  @Field(() => ID, { description: "The id, e.g. 'kataib-hezbollah' or 'iran-backs-kataib-hezbollah'." })
  @Text(LIMITS.text)
  id!: string;
}

@ArgsType()
export class IdsArgs {
  @Field(() => [ID], { description: `Entity ids, at most ${LIMITS.ids}.` })
  @MaxItems(LIMITS.ids)
  ids!: string[];
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID, { description: "Id of an Event, e.g. 'us-strike-2021-06-27'." })
  @Text(LIMITS.text)
  eventId!: string;
}
