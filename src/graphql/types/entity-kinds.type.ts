/**
 * One object type per entity kind. The fields each kind adds beyond the Entity
 * interface are declared here and resolved in resolvers/entity-kinds.resolver.ts.
 */
import { Field, ObjectType } from "type-graphql";
import {
  EventTypeEnum,
  FacilityTypeEnum,
  InstrumentTypeEnum,
  MediaTypeEnum,
  OrganizationTypeEnum,
  PlaceTypeEnum,
  StatementTypeEnum,
} from "../enums.js";
import { Entity } from "./entity.type.js";
import { PartialDateType } from "./partial-date.type.js";

@ObjectType("Militia", { implements: Entity, description: "A non-state armed group, or an unnamed collective of such groups." })
export class MilitiaType extends Entity {}

@ObjectType("UmbrellaGroup", { implements: Entity, description: "An umbrella organisation combining several militias." })
export class UmbrellaGroupType extends Entity {}

@ObjectType("PoliticalBloc", { implements: Entity, description: "A parliamentary bloc." })
export class PoliticalBlocType extends Entity {}

@ObjectType("Government", { implements: Entity, description: "A national government acting as a state." })
export class GovernmentType extends Entity {}

@ObjectType("Official", { implements: Entity, description: "A named person: office holder, commander or spokesperson." })
export class OfficialType extends Entity {}

@ObjectType("Organization", { implements: Entity, description: "A state body, armed force, agency, committee or network." })
export class OrganizationType extends Entity {
  @Field(() => OrganizationTypeEnum, { description: "What kind of organization it is." })
  organizationType!: string;
}

@ObjectType("Base", { implements: Entity, description: "A military base, airport, diplomatic compound or other facility." })
export class BaseType extends Entity {
  @Field(() => FacilityTypeEnum, { description: "What kind of facility it is." })
  facilityType!: string;
}

@ObjectType("Place", { implements: Entity, description: "A country, region, city, border crossing or other place." })
export class PlaceType extends Entity {
  @Field(() => PlaceTypeEnum, { description: "What kind of place it is." })
  placeType!: string;
}

@ObjectType("MediaSource", { implements: Entity, description: "A news agency, monitor or media channel." })
export class MediaSourceType extends Entity {
  @Field(() => MediaTypeEnum, { description: "What kind of media source it is." })
  mediaType!: string;
}

@ObjectType("LegalInstrument", { implements: Entity, description: "A law, constitutional provision, authorisation or agreement." })
export class LegalInstrumentType extends Entity {
  @Field(() => InstrumentTypeEnum, { description: "What kind of instrument it is." })
  instrumentType!: string;
}

@ObjectType("Event", { implements: Entity, description: "A dated happening: a strike, an attack, a storming, an institutional change." })
export class EventObject extends Entity {
  @Field(() => EventTypeEnum, { description: "What kind of event it is." })
  eventType!: string;

  @Field(() => PartialDateType, { description: "When it happened, as precisely as the article allows." })
  date!: PartialDateType;
}

@ObjectType("Statement", { implements: Entity, description: "A dated public statement, remark, briefing or post." })
export class StatementObject extends Entity {
  @Field(() => StatementTypeEnum, { description: "The form of the statement." })
  statementType!: string;

  @Field(() => PartialDateType, { description: "When it was made, as precisely as the article allows." })
  date!: PartialDateType;
}

export const ENTITY_OBJECT_TYPES = [
  MilitiaType,
  UmbrellaGroupType,
  PoliticalBlocType,
  GovernmentType,
  OfficialType,
  OrganizationType,
  BaseType,
  PlaceType,
  MediaSourceType,
  LegalInstrumentType,
  EventObject,
  StatementObject,
] as const;
