/** Arguments that name one entity, relation or event by id. */
import { ArgsType, Field, ID } from "type-graphql";
import { LIMITS } from "../../service/limits.js";

@ArgsType()
export class IdArgs {
  @Field(() => ID, { description: "The id, e.g. 'kataib-hezbollah' or 'iran-backs-kataib-hezbollah'." })
  id!: string;
}

@ArgsType()
export class IdsArgs {
  @Field(() => [ID], { description: `Entity ids, at most ${LIMITS.ids}.` })
  ids!: string[];
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID, { description: "Id of an Event, e.g. 'us-strike-2021-06-27'." })
  eventId!: string;
}
