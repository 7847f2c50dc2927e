/**
 * Fields particular to one kind of entity, each a named walk along one
 * relation type (e.g. Official.offices follows HOLDS_OFFICE_IN and SPEAKS_FOR).
 */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Claim, EntityRecord } from "../../model/records.js";
import type { RelationType } from "../../model/ontology.js";
import type { KnowledgeService } from "../../service/knowledge-service.js";
import type { DateView } from "../../service/views.js";
import type { GraphQLContext } from "../context.js";
import { COST } from "../complexity.js";
import { ClaimType } from "../types/claim.type.js";
import { Entity } from "../types/entity.type.js";
import {
  BaseType,
  EventObject,
  GovernmentType,
  LegalInstrumentType,
  MediaSourceType,
  MilitiaType,
  OfficialType,
  OrganizationType,
  PlaceType,
  PoliticalBlocType,
  StatementObject,
  UmbrellaGroupType,
} from "../types/entity-kinds.type.js";
import { OfficeType } from "../types/office.type.js";
import { PartialDateType } from "../types/partial-date.type.js";

type Dated = Extract<EntityRecord, { date: unknown }>;

const outgoing = (service: KnowledgeService, id: string, ...types: RelationType[]) =>
  service.neighborsOf(id, { relationTypes: types, direction: "forward" });
const incoming = (service: KnowledgeService, id: string, ...types: RelationType[]) =>
  service.neighborsOf(id, { relationTypes: types, direction: "backward" });

const CASUALTY_MEASURES = new Set(["KILLED", "WOUNDED", "CASUALTIES"]);

@Resolver(() => EventObject)
export class EventResolver {
  @FieldResolver(() => PartialDateType)
  date(@Root() event: Dated, @Ctx() { service }: GraphQLContext): DateView {
    return service.dateView(event.date);
  }

  @FieldResolver(() => [Entity], { description: "Where it happened (OCCURRED_AT).", complexity: COST.list })
  location(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, event.id, "OCCURRED_AT");
  }

  @FieldResolver(() => [Entity], { description: "What it struck or was aimed at (ATTACKS).", complexity: COST.list })
  targets(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, event.id, "ATTACKS");
  }

  @FieldResolver(() => [Entity], { description: "Who carried it out or is held responsible (CARRIED_OUT); see each relation's evidence for who says so.", complexity: COST.list })
  perpetrators(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, event.id, "CARRIED_OUT");
  }

  @FieldResolver(() => [ClaimType], { description: "Claims about people killed, wounded or casualties in general, each with its source.", complexity: COST.list })
  casualtyClaims(@Root() event: EntityRecord): Claim[] {
    return (event.claims ?? []).filter((c) => CASUALTY_MEASURES.has(c.measure));
  }

  @FieldResolver(() => [EventObject], { description: "Events this one answered (RETALIATES_FOR, outgoing).", complexity: COST.list })
  retaliatesFor(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, event.id, "RETALIATES_FOR");
  }

  @FieldResolver(() => [EventObject], { description: "Events that answered this one (RETALIATES_FOR, incoming).", complexity: COST.list })
  retaliatedBy(@Root() event: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, event.id, "RETALIATES_FOR");
  }
}

@Resolver(() => StatementObject)
export class StatementResolver {
  @FieldResolver(() => PartialDateType)
  date(@Root() statement: Dated, @Ctx() { service }: GraphQLContext): DateView {
    return service.dateView(statement.date);
  }

  @FieldResolver(() => [Entity], { description: "Who issued it (ISSUED).", complexity: COST.list })
  speakers(@Root() statement: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, statement.id, "ISSUED");
  }

  @FieldResolver(() => [EventObject], { description: "The events it concerns (ABOUT).", complexity: COST.list })
  about(@Root() statement: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, statement.id, "ABOUT");
  }

  @FieldResolver(() => [LegalInstrumentType], { description: "Laws, authorities and agreements it invokes (CITES).", complexity: COST.list })
  cites(@Root() statement: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, statement.id, "CITES");
  }
}

@Resolver(() => OfficialType)
export class OfficialResolver {
  @FieldResolver(() => [OfficeType], { description: "Offices held and bodies spoken for (HOLDS_OFFICE_IN, SPEAKS_FOR).", complexity: COST.list })
  offices(@Root() official: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return service
      .relationsOf(official.id, { relationTypes: ["HOLDS_OFFICE_IN", "SPEAKS_FOR"], direction: "forward" })
      .map((relation) => ({ role: relation.role ?? null, organization: service.entity(relation.target), relation }));
  }

  @FieldResolver(() => [EventObject], { description: "Events the official was killed in (KILLED_IN).", complexity: COST.list })
  killedIn(@Root() official: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, official.id, "KILLED_IN");
  }
}

const officialsOf = (service: KnowledgeService, id: string) => incoming(service, id, "HOLDS_OFFICE_IN", "SPEAKS_FOR");

@Resolver(() => GovernmentType)
export class GovernmentResolver {
  @FieldResolver(() => [OfficialType], { description: "Officials holding office in or speaking for it.", complexity: COST.list })
  officials(@Root() government: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return officialsOf(service, government.id);
  }

  @FieldResolver(() => [Entity], { description: "Groups it backs (BACKS, outgoing).", complexity: COST.list })
  backs(@Root() government: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, government.id, "BACKS");
  }
}

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @FieldResolver(() => [OfficialType], { description: "Officials holding office in or speaking for it.", complexity: COST.list })
  officials(@Root() organization: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return officialsOf(service, organization.id);
  }

  @FieldResolver(() => [Entity], { description: "What it is part of (PART_OF, outgoing).", complexity: COST.list })
  partOf(@Root() organization: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, organization.id, "PART_OF");
  }
}

@Resolver(() => MilitiaType)
export class MilitiaResolver {
  @FieldResolver(() => [Entity], { description: "Who backs it (BACKS, incoming).", complexity: COST.list })
  backers(@Root() militia: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, militia.id, "BACKS");
  }

  @FieldResolver(() => [Entity], { description: "Umbrella groups and blocs it belongs to (MEMBER_OF).", complexity: COST.list })
  memberOf(@Root() militia: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, militia.id, "MEMBER_OF");
  }

  @FieldResolver(() => [EventObject], { description: "Events that struck it (ATTACKS, incoming).", complexity: COST.list })
  attackedIn(@Root() militia: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, militia.id, "ATTACKS");
  }
}

@Resolver(() => UmbrellaGroupType)
export class UmbrellaGroupResolver {
  @FieldResolver(() => [Entity], { description: "Its member groups (MEMBER_OF, incoming).", complexity: COST.list })
  members(@Root() group: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, group.id, "MEMBER_OF");
  }

  @FieldResolver(() => [Entity], { description: "Who backs it (BACKS, incoming).", complexity: COST.list })
  backers(@Root() group: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, group.id, "BACKS");
  }
}

@Resolver(() => PoliticalBlocType)
export class PoliticalBlocResolver {
  @FieldResolver(() => [Entity], { description: "Its member groups (MEMBER_OF, incoming).", complexity: COST.list })
  members(@Root() bloc: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, bloc.id, "MEMBER_OF");
  }
}

@Resolver(() => BaseType)
export class BaseResolver {
  @FieldResolver(() => [Entity], { description: "Where it is (LOCATED_IN); each relation's role says 'in' or 'near'.", complexity: COST.list })
  locatedIn(@Root() base: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, base.id, "LOCATED_IN");
  }

  @FieldResolver(() => [Entity], { description: "Who uses, operates or is hosted at it (USES, incoming).", complexity: COST.list })
  usedBy(@Root() base: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, base.id, "USES");
  }

  @FieldResolver(() => [EventObject], { description: "Events that struck it (ATTACKS, incoming).", complexity: COST.list })
  attackedIn(@Root() base: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, base.id, "ATTACKS");
  }
}

@Resolver(() => PlaceType)
export class PlaceResolver {
  @FieldResolver(() => [Entity], { description: "The larger places it lies in or near (LOCATED_IN).", complexity: COST.list })
  locatedIn(@Root() place: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return outgoing(service, place.id, "LOCATED_IN");
  }

  @FieldResolver(() => [EventObject], { description: "Events that happened there (OCCURRED_AT, incoming).", complexity: COST.list })
  events(@Root() place: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, place.id, "OCCURRED_AT");
  }
}

@Resolver(() => MediaSourceType)
export class MediaSourceResolver {
  @FieldResolver(() => [Entity], { description: "Events and statements it reported (REPORTED_BY, incoming).", complexity: COST.list })
  reported(@Root() source: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, source.id, "REPORTED_BY");
  }
}

@Resolver(() => LegalInstrumentType)
export class LegalInstrumentResolver {
  @FieldResolver(() => [StatementObject], { description: "Statements that invoke it (CITES, incoming).", complexity: COST.list })
  citedBy(@Root() instrument: EntityRecord, @Ctx() { service }: GraphQLContext) {
    return incoming(service, instrument.id, "CITES");
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
