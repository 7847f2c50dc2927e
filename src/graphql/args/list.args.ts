/** Arguments of the list queries (entities, relations, the event timeline) and of lists inside an entity; bounds are the request layer's (service/requests.ts). */
import { ArgsType, Field, ID, Int } from "type-graphql";
import { EntityKindEnum, EventTypeEnum, RankEnum, RelationTypeEnum } from "../enums.js";
import type { EntityKind, EventType, Rank, RelationType } from "../../model/ontology.js";
import { LIMITS } from "../../service/limits.js";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: LIMITS.pageSize.default, description: `Page size, 1 to ${LIMITS.pageSize.max}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: "Cursor to resume after (`pageInfo.endCursor` of the previous page)." })
  after?: string | null;
}

/** A slice of a list that has no cursors: `first` items after skipping `offset`. */
@ArgsType()
export class SliceArgs {
  @Field(() => Int, { defaultValue: LIMITS.relatedItems.default, description: `Most items returned, 1 to ${LIMITS.relatedItems.max}. A list shorter than \`first\` is complete.` })
  first!: number;

  @Field(() => Int, { defaultValue: 0, description: `Items to skip first, 0 to ${LIMITS.offset.max.toLocaleString("en")}; with \`first\`, pages through a long list.` })
  offset!: number;
}

@ArgsType()
export class EntitiesArgs extends PageArgs {
  @Field(() => EntityKindEnum, { nullable: true, description: "Only entities of this kind." })
  kind?: EntityKind | null;

  @Field(() => String, {
    nullable: true,
    description: `Search text (at most ${LIMITS.text} characters), matched as \`search\` matches it: best match first.`,
  })
  search?: string | null;
}

@ArgsType()
export class RelationsArgs extends PageArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: "Only relations of these types (as Entity.relations takes them)." })
  types?: RelationType[] | null;

  @Field(() => RelationTypeEnum, { nullable: true, description: "Only relations of this type.", deprecationReason: "Use `types`, a list like Entity.relations(types:)." })
  type?: RelationType | null;

  @Field(() => ID, { nullable: true, description: "Only relations from this entity." })
  sourceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only relations to this entity." })
  targetId?: string | null;

  @Field(() => [RankEnum], { nullable: true, description: "Only relations of these ranks, PREFERRED first; PREFERRED and NORMAL when absent." })
  ranks?: Rank[] | null;
}

@ArgsType()
export class EventsArgs {
  @Field(() => Int, { defaultValue: LIMITS.timeline.default, description: `Most events returned, 1 to ${LIMITS.timeline.max}. A list shorter than \`first\` is complete.` })
  first!: number;

  @Field(() => Int, { defaultValue: 0, description: `Events to skip first, 0 to ${LIMITS.offset.max.toLocaleString("en")}.` })
  offset!: number;

  @Field(() => String, { nullable: true, description: "Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD. Events whose date may fall on or after it are included." })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD. Events whose date may fall on or before it are included." })
  to?: string | null;

  @Field(() => [EventTypeEnum], { nullable: true, description: "Only events of these types." })
  types?: EventType[] | null;

  @Field(() => ID, { nullable: true, description: "Only events joined to this entity by some relation." })
  involving?: string | null;

  @Field(() => ID, { nullable: true, description: "Only events in this country (a COUNTRY place's id, e.g. 'iraq'), through the sites they occurred at; see Event.countries." })
  country?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "true: only events whose whole date range lies between `from` and `to` (an open-ended date never does); false: every event whose date may fall between them." })
  within!: boolean;

  @Field(() => [ID], { nullable: true, description: "Only events carried out by any of these entities (CARRIED_OUT), by id." })
  perpetrators?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only events that struck any of these entities (ATTACKS), by id." })
  targets?: string[] | null;
}

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field(() => String, { description: `What to find (at most ${LIMITS.text} characters): words of ids, names, aliases, name variants and descriptions; see SearchHit.score for the ranking.` })
  text!: string;

  @Field(() => EntityKindEnum, { nullable: true, description: "Only entities of this kind." })
  kind?: EntityKind | null;
}
