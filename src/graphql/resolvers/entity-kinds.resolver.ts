/**
 * Fields particular to one kind of entity, each a named walk along one
 * relation type (e.g. Official.offices follows HOLDS_OFFICE_IN and SPEAKS_FOR).
 */
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Claim, Coordinates, EntityRecord } from "../../model/records.js";
import type { RelationType } from "../../model/ontology.js";
import type { KnowledgeService } from "../../service/knowledge-service.js";
import type { DateView } from "../../service/views.js";
import type { GraphQLContext } from "../context.js";
import { SliceArgs } from "../args/list.args.js";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS, relatedCost } from "../protections/field-costs.js";
import { ClaimObject } from "../types/claim.type.js";
import { EntityInterface } from "../types/entity.type.js";
import { CoordinatesObject } from "../types/geography.type.js";
import {
  BaseObject,
  EventObject,
  GovernmentObject,
  LegalInstrumentObject,
  MediaSourceObject,
  MilitiaObject,
  OfficialObject,
  OrganizationObject,
  PlaceObject,
  PoliticalBlocObject,
  StatementObject,
  UmbrellaGroupObject,
} from "../types/entity-kinds.type.js";
import { OfficeObject } from "../types/office.type.js";
import { PartialDateObject } from "../types/partial-date.type.js";

type Dated = Extract<EntityRecord, { date: unknown }>;

const outgoing = (service: KnowledgeService, id: string, slice: SliceArgs, ...types: RelationType[]) =>
  service.related(id, { relationTypes: types, direction: "forward" }, slice);
const incoming = (service: KnowledgeService, id: string, slice: SliceArgs, ...types: RelationType[]) =>
  service.related(id, { relationTypes: types, direction: "backward" }, slice);

const CASUALTY_MEASURES = new Set(["KILLED", "WOUNDED", "CASUALTIES"]);

@Resolver(() => EventObject)
export class EventResolver {
  @FieldResolver(() => PartialDateObject)
  date(@Root() event: Dated, @Ctx() { service }: GraphQLContext): DateView {
    return service.dateView(event.date);
  }

  @FieldResolver(() => String, { description: "A short label for plots: the government that carried it out (when one did), or the kind of event, and the date ('US strikes, 2021-06-27', 'Rocket attack, 2019-12-27')." })
  shortName(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext): string {
    return service.shortNameOf(event);
  }

  @FieldResolver(() => [EntityInterface], { description: "Where it happened (OCCURRED_AT)." })
  @Cost(relatedCost(["OCCURRED_AT"], "forward"))
  location(@Root() event: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, event.id, slice, "OCCURRED_AT");
  }

  @FieldResolver(() => [EntityInterface], { description: "What it struck or was aimed at (ATTACKS)." })
  @Cost(relatedCost(["ATTACKS"], "forward"))
  targets(@Root() event: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, event.id, slice, "ATTACKS");
  }

  @FieldResolver(() => [EntityInterface], { description: "Who carried it out or is held responsible (CARRIED_OUT); see each relation's evidence for who says so." })
  @Cost(relatedCost(["CARRIED_OUT"], "backward"))
  perpetrators(@Root() event: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, event.id, slice, "CARRIED_OUT");
  }

  @FieldResolver(() => [EntityInterface], { description: "Sites it hit or landed near without striking them (STRUCK_NEAR); each relation's role says how the source puts it." })
  @Cost(relatedCost(["STRUCK_NEAR"], "forward"))
  struckNear(@Root() event: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, event.id, slice, "STRUCK_NEAR");
  }

  @FieldResolver(() => [ClaimObject], { description: "Claims about people killed, wounded or casualties in general, each with its source; deprecated ones aside, PREFERRED first." })
  @Cost(FIELD_COSTS.claims)
  casualtyClaims(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext): Claim[] {
    return service.claimsOf(event).filter((c) => CASUALTY_MEASURES.has(c.measure));
  }

  @FieldResolver(() => [PlaceObject], { description: "The countries it happened in, through the sites it occurred at (else the sites it struck or struck near)." })
  @Cost(FIELD_COSTS.countries)
  countries(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext): EntityRecord[] {
    return service.countriesOf(event.id);
  }

  @FieldResolver(() => CoordinatesObject, { nullable: true, description: "Where it happened: the most precise coordinates of its sites, with the precision of the place itself when that is coarser (an event in Baghdad is known to the CITY); null when none has any." })
  coordinates(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext): Coordinates | null {
    return service.coordinatesOf(event.id);
  }

  @FieldResolver(() => [EventObject], { description: "Events this one answered (RETALIATES_FOR, outgoing)." })
  @Cost(relatedCost(["RETALIATES_FOR"], "forward"))
  retaliatesFor(@Root() event: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, event.id, slice, "RETALIATES_FOR");
  }

  @FieldResolver(() => [EventObject], { description: "Events that answered this one (RETALIATES_FOR, incoming)." })
  @Cost(relatedCost(["RETALIATES_FOR"], "backward"))
  retaliatedBy(@Root() event: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, event.id, slice, "RETALIATES_FOR");
  }
}

@Resolver(() => StatementObject)
export class StatementResolver {
  @FieldResolver(() => PartialDateObject)
  date(@Root() statement: Dated, @Ctx() { service }: GraphQLContext): DateView {
    return service.dateView(statement.date);
  }

  @FieldResolver(() => [EntityInterface], { description: "Who issued it (ISSUED)." })
  @Cost(relatedCost(["ISSUED"], "backward"))
  speakers(@Root() statement: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, statement.id, slice, "ISSUED");
  }

  @FieldResolver(() => [EventObject], { description: "The events it concerns (ABOUT)." })
  @Cost(relatedCost(["ABOUT"], "forward"))
  about(@Root() statement: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, statement.id, slice, "ABOUT");
  }

  @FieldResolver(() => [LegalInstrumentObject], { description: "Laws, authorities and agreements it invokes (CITES)." })
  @Cost(relatedCost(["CITES"], "forward"))
  cites(@Root() statement: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, statement.id, slice, "CITES");
  }
}

@Resolver(() => OfficialObject)
export class OfficialResolver {
  @FieldResolver(() => [OfficeObject], { description: "Offices held and bodies spoken for (HOLDS_OFFICE_IN, SPEAKS_FOR)." })
  @Cost(relatedCost(["HOLDS_OFFICE_IN", "SPEAKS_FOR"], "forward"))
  offices(@Root() official: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return service
      .relationsOf(official.id, { types: ["HOLDS_OFFICE_IN", "SPEAKS_FOR"], direction: "forward", ...slice })
      .map((relation) => ({ role: relation.role ?? null, organization: service.entity(relation.target), relation }));
  }

  @FieldResolver(() => [EventObject], { description: "Events the official was killed in (KILLED_IN)." })
  @Cost(relatedCost(["KILLED_IN"], "forward"))
  killedIn(@Root() official: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, official.id, slice, "KILLED_IN");
  }
}

const officialsOf = (service: KnowledgeService, id: string, slice: SliceArgs) => incoming(service, id, slice, "HOLDS_OFFICE_IN", "SPEAKS_FOR");

@Resolver(() => GovernmentObject)
export class GovernmentResolver {
  @FieldResolver(() => [OfficialObject], { description: "Officials holding office in or speaking for it." })
  @Cost(relatedCost(["HOLDS_OFFICE_IN", "SPEAKS_FOR"], "backward"))
  officials(@Root() government: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return officialsOf(service, government.id, slice);
  }

  @FieldResolver(() => [EntityInterface], { description: "Groups it backs (BACKS, outgoing)." })
  @Cost(relatedCost(["BACKS"], "forward"))
  backs(@Root() government: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, government.id, slice, "BACKS");
  }
}

@Resolver(() => OrganizationObject)
export class OrganizationResolver {
  @FieldResolver(() => [OfficialObject], { description: "Officials holding office in or speaking for it." })
  @Cost(relatedCost(["HOLDS_OFFICE_IN", "SPEAKS_FOR"], "backward"))
  officials(@Root() organization: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return officialsOf(service, organization.id, slice);
  }

  @FieldResolver(() => [EntityInterface], { description: "What it is part of (PART_OF, outgoing)." })
  @Cost(relatedCost(["PART_OF"], "forward"))
  partOf(@Root() organization: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, organization.id, slice, "PART_OF");
  }
}

@Resolver(() => MilitiaObject)
export class MilitiaResolver {
  @FieldResolver(() => [EntityInterface], { description: "Who backs it (BACKS, incoming)." })
  @Cost(relatedCost(["BACKS"], "backward"))
  backers(@Root() militia: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, militia.id, slice, "BACKS");
  }

  @FieldResolver(() => [EntityInterface], { description: "Umbrella groups and blocs it belongs to (MEMBER_OF)." })
  @Cost(relatedCost(["MEMBER_OF"], "forward"))
  memberOf(@Root() militia: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, militia.id, slice, "MEMBER_OF");
  }

  @FieldResolver(() => [EventObject], { description: "Events that struck it (ATTACKS, incoming)." })
  @Cost(relatedCost(["ATTACKS"], "backward"))
  attackedIn(@Root() militia: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, militia.id, slice, "ATTACKS");
  }
}

@Resolver(() => UmbrellaGroupObject)
export class UmbrellaGroupResolver {
  @FieldResolver(() => [EntityInterface], { description: "Its member groups (MEMBER_OF, incoming)." })
  @Cost(relatedCost(["MEMBER_OF"], "backward"))
  members(@Root() group: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, group.id, slice, "MEMBER_OF");
  }

  @FieldResolver(() => [EntityInterface], { description: "Who backs it (BACKS, incoming)." })
  @Cost(relatedCost(["BACKS"], "backward"))
  backers(@Root() group: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, group.id, slice, "BACKS");
  }
}

@Resolver(() => PoliticalBlocObject)
export class PoliticalBlocResolver {
  @FieldResolver(() => [EntityInterface], { description: "Its member groups (MEMBER_OF, incoming)." })
  @Cost(relatedCost(["MEMBER_OF"], "backward"))
  members(@Root() bloc: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, bloc.id, slice, "MEMBER_OF");
  }
}

/** Fields every site (a base or a place) has: where it lies, what it is near, its countries and coordinates. */
function siteFields(objectType: typeof BaseObject | typeof PlaceObject) {
  @Resolver(() => objectType)
  abstract class SiteFields {
    @FieldResolver(() => [EntityInterface], { description: "The places it lies inside (LOCATED_IN); places it is only near are `near`." })
    @Cost(relatedCost(["LOCATED_IN"], "forward"))
    locatedIn(@Root() site: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
      return outgoing(service, site.id, slice, "LOCATED_IN");
    }

    @FieldResolver(() => [EntityInterface], { description: "Sites and places it lies near but not inside (NEAR); each relation's role gives the wording ('north of')." })
    @Cost(relatedCost(["NEAR"], "forward"))
    near(@Root() site: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
      return outgoing(service, site.id, slice, "NEAR");
    }

    @FieldResolver(() => [PlaceObject], { description: "The countries it lies in: the COUNTRY places its LOCATED_IN relations reach (a country: itself)." })
    @Cost(FIELD_COSTS.countries)
    countries(@Root() site: EntityRecord, @Ctx() { service }: GraphQLContext): EntityRecord[] {
      return service.countriesOf(site.id);
    }

    @FieldResolver(() => CoordinatesObject, { nullable: true, description: "Its coordinates from the gazetteer; null when the gazetteer cannot place it (`unresolvedReason` says why)." })
    coordinates(@Root() site: EntityRecord, @Ctx() { service }: GraphQLContext): Coordinates | null {
      return service.coordinatesOf(site.id);
    }

    @FieldResolver(() => String, { nullable: true, description: "Why it has no coordinates; null when it has." })
    unresolvedReason(@Root() site: EntityRecord, @Ctx() { service }: GraphQLContext): string | null {
      return service.unresolvedOf(site.id);
    }
  }
  return SiteFields;
}

@Resolver(() => BaseObject)
export class BaseResolver extends siteFields(BaseObject) {
  @FieldResolver(() => [EntityInterface], { description: "Who uses, operates or is hosted at it (USES, incoming)." })
  @Cost(relatedCost(["USES"], "backward"))
  usedBy(@Root() base: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, base.id, slice, "USES");
  }

  @FieldResolver(() => [EventObject], { description: "Events that struck it (ATTACKS, incoming)." })
  @Cost(relatedCost(["ATTACKS"], "backward"))
  attackedIn(@Root() base: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, base.id, slice, "ATTACKS");
  }
}

@Resolver(() => PlaceObject)
export class PlaceResolver extends siteFields(PlaceObject) {
  @FieldResolver(() => [EventObject], { description: "Events that happened there (OCCURRED_AT, incoming)." })
  @Cost(relatedCost(["OCCURRED_AT"], "backward"))
  events(@Root() place: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, place.id, slice, "OCCURRED_AT");
  }
}

@Resolver(() => MediaSourceObject)
export class MediaSourceResolver {
  @FieldResolver(() => [EntityInterface], { description: "Events and statements it reported (REPORTED_BY, incoming)." })
  @Cost(relatedCost(["REPORTED_BY"], "backward"))
  reported(@Root() source: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, source.id, slice, "REPORTED_BY");
  }
}

@Resolver(() => LegalInstrumentObject)
export class LegalInstrumentResolver {
  @FieldResolver(() => [StatementObject], { description: "Statements that invoke it (CITES, incoming)." })
  @Cost(relatedCost(["CITES"], "backward"))
  citedBy(@Root() instrument: EntityRecord, @Args(() => SliceArgs) slice: SliceArgs, @Ctx() { service }: GraphQLContext) {
    return incoming(service, instrument.id, slice, "CITES");
  }
}

export const ENTITY_KIND_RESOLVERS = [
  EventResolver,
  StatementResolver,
  OfficialResolver,
  GovernmentResolver,
  OrganizationResolver,
  MilitiaResolver,
  UmbrellaGroupResolver,
  PoliticalBlocResolver,
  BaseResolver,
  PlaceResolver,
  MediaSourceResolver,
  LegalInstrumentResolver,
] as const;
