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
import { EntityInterface } from "./entity.type.js";
import { PartialDateObject } from "./partial-date.type.js";

@ObjectType("Militia", { implements: EntityInterface, description: "A non-state armed group, or an unnamed collective of such groups." })
export class MilitiaObject extends EntityInterface {}

@ObjectType("UmbrellaGroup", { implements: EntityInterface, description: "An umbrella organisation combining several militias." })
export class UmbrellaGroupObject extends EntityInterface {}

@ObjectType("PoliticalBloc", { implements: EntityInterface, description: "A parliamentary bloc." })
export class PoliticalBlocObject extends EntityInterface {}

@ObjectType("Government", { implements: EntityInterface, description: "A national government acting as a state." })
export class GovernmentObject extends EntityInterface {}

@ObjectType("Official", { implements: EntityInterface, description: "A named person: office holder, commander or spokesperson." })
export class OfficialObject extends EntityInterface {}

@ObjectType("Organization", { implements: EntityInterface, description: "A state body, armed force, agency, committee or network." })
export class OrganizationObject extends EntityInterface {
  @Field(() => OrganizationTypeEnum, { description: "What kind of organization it is." })
  organizationType!: string;
}

@ObjectType("Base", { implements: EntityInterface, description: "A military base, airport, diplomatic compound or other facility." })
export class BaseObject extends EntityInterface {
  @Field(() => FacilityTypeEnum, { description: "What kind of facility it is." })
  facilityType!: string;
}

@ObjectType("Place", { implements: EntityInterface, description: "A country, region, city, border crossing or other place." })
export class PlaceObject extends EntityInterface {
  @Field(() => PlaceTypeEnum, { description: "What kind of place it is." })
  placeType!: string;
}

@ObjectType("MediaSource", { implements: EntityInterface, description: "A news agency, monitor or media channel." })
export class MediaSourceObject extends EntityInterface {
  @Field(() => MediaTypeEnum, { description: "What kind of media source it is." })
  mediaType!: string;
}

@ObjectType("LegalInstrument", { implements: EntityInterface, description: "A law, constitutional provision, authorisation or agreement." })
export class LegalInstrumentObject extends EntityInterface {
  @Field(() => InstrumentTypeEnum, { description: "What kind of instrument it is." })
  instrumentType!: string;
}

@ObjectType("Event", { implements: EntityInterface, description: "A dated happening: a strike, an attack, a storming, an institutional change." })
export class EventObject extends EntityInterface {
  @Field(() => EventTypeEnum, { description: "What kind of event it is." })
  eventType!: string;

  @Field(() => PartialDateObject, { description: "When it happened, as precisely as the article allows." })
  date!: PartialDateObject;
}

@ObjectType("Statement", { implements: EntityInterface, description: "A dated public statement, remark, briefing or post." })
export class StatementObject extends EntityInterface {
  @Field(() => StatementTypeEnum, { description: "The form of the statement." })
  statementType!: string;

  @Field(() => PartialDateObject, { description: "When it was made, as precisely as the article allows." })
  date!: PartialDateObject;
}

export const ENTITY_OBJECT_TYPES = [
  MilitiaObject,
  UmbrellaGroupObject,
  PoliticalBlocObject,
  GovernmentObject,
  OfficialObject,
  OrganizationObject,
  BaseObject,
  PlaceObject,
  MediaSourceObject,
  LegalInstrumentObject,
  EventObject,
  StatementObject,
] as const;
