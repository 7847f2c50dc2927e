/**
 * GraphQL enums, generated from the ontology so the schema and the data model
 * cannot disagree. Every value carries a description.
 */
import { registerEnumType } from "type-graphql";
import { DATE_PRECISIONS } from "../model/dates.js";
import {
  CLAIM_MEASURES,
  CLAIM_QUALIFIERS,
  DOCUMENT_KINDS,
  GEO_PRECISIONS,
  RANKS,
  ENTITY_KINDS,
  ENTITY_KIND_DESCRIPTIONS,
  EVENT_TYPES,
  FACILITY_TYPES,
  INSTRUMENT_TYPES,
  MEDIA_TYPES,
  ORGANIZATION_TYPES,
  PLACE_TYPES,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  STATEMENT_TYPES,
  NAME_VARIANT_TYPES,
} from "../model/ontology.js";
import { SEARCH_FIELDS } from "../graph/search-index.js";
import { SUPPORTED_RECORD_KINDS } from "../graph/document-support.js";
import type { EntityKind } from "../model/ontology.js";
import { kindConstant } from "../service/requests.js";
import { EXPORT_FORMATS, FORMAT_INFO } from "../export/formats.js";
import type { ExportFormat } from "../export/formats.js";

type EnumObject<V extends string> = Record<string, V>;

const identity = <V extends string>(values: readonly V[]): EnumObject<V> => Object.fromEntries(values.map((v) => [v, v]));

export const EntityKindEnum: EnumObject<EntityKind> = Object.fromEntries(ENTITY_KINDS.map((k) => [kindConstant(k), k]));
registerEnumType(EntityKindEnum, {
  name: "EntityKind",
  description: "The kind of an entity; each kind is also an object type implementing Entity.",
  valuesConfig: Object.fromEntries(ENTITY_KINDS.map((k) => [kindConstant(k), { description: ENTITY_KIND_DESCRIPTIONS[k] }])),
});

export const RelationTypeEnum = identity(RELATION_TYPE_NAMES);
registerEnumType(RelationTypeEnum, {
  name: "RelationType",
  description: "The type of a relation. Relations are directed: from source to target.",
  valuesConfig: Object.fromEntries(RELATION_TYPE_NAMES.map((t) => [t, { description: RELATION_TYPES[t].description }])),
});

export const DirectionEnum = { FORWARD: "forward", BACKWARD: "backward", EITHER: "either" } as const;
registerEnumType(DirectionEnum, {
  name: "Direction",
  description: "Which way relations may be followed.",
  valuesConfig: {
    FORWARD: { description: "Only from a relation's source to its target (outgoing relations)." },
    BACKWARD: { description: "Only from a relation's target to its source (incoming relations)." },
    EITHER: { description: "Both ways, ignoring the relation's direction." },
  },
});

export const WalkDirectionEnum = { FORWARD: "forward", BACKWARD: "backward" } as const;
registerEnumType(WalkDirectionEnum, {
  name: "WalkDirection",
  description: "How a path step walked its relation.",
  valuesConfig: {
    FORWARD: { description: "From the relation's source to its target." },
    BACKWARD: { description: "From the relation's target to its source, against its direction." },
  },
});

function describedEnum<V extends string>(name: string, description: string, values: readonly V[], descriptions: Record<V, string>) {
  const object = identity(values);
  registerEnumType(object, {
    name,
    description,
    valuesConfig: Object.fromEntries(values.map((v) => [v, { description: descriptions[v] }])),
  });
  return object;
}

export const DatePrecisionEnum = describedEnum("DatePrecision", "How precisely a date is known.", DATE_PRECISIONS, {
  DAY: "A single day (2021-06-27).",
  MONTH: "Some day in a month (2021-06).",
  YEAR: "Some day in a year (2016).",
  RANGE: "Some time within an interval (2021-04/2021-06-26, 'since April').",
});

export const EventTypeEnum = describedEnum("EventType", "What kind of happening an event is.", EVENT_TYPES, {
  AIRSTRIKE: "Strikes from the air, by aircraft or armed drones.",
  DRONE_ATTACK: "An attack with one or more explosive-carrying drones.",
  ROCKET_ATTACK: "An attack with rockets.",
  ATTACK_SERIES: "A series of attacks the article counts as a whole; its members are PART_OF it.",
  STORMING: "Forcing entry into a compound, e.g. the embassy storming of December 31, 2019.",
  EXCHANGE_OF_FIRE: "Returning fire in self-defence.",
  TERRITORIAL_CAPTURE: "Capture of territory.",
  FOUNDING: "The founding of a group.",
  INSTITUTIONAL_CHANGE: "A change in a group's legal or institutional status.",
});

export const StatementTypeEnum = describedEnum("StatementType", "The form of a statement.", STATEMENT_TYPES, {
  STATEMENT: "A formal written or read statement.",
  REMARKS: "Remarks to reporters or in an interview.",
  BRIEFING: "Answers given at a press briefing.",
  SOCIAL_MEDIA_POST: "A post on social media, e.g. a tweet.",
});

export const FacilityTypeEnum = describedEnum("FacilityType", "What kind of facility a base is.", FACILITY_TYPES, {
  AIR_BASE: "A military air base.",
  MILITARY_BASE: "A military base or camp.",
  AIRPORT: "A civilian airport.",
  DIPLOMATIC_FACILITY: "An embassy, consulate or diplomatic support site.",
  MILITIA_FACILITY: "A facility used by militias (weapons storage, command, operations).",
  OTHER_FACILITY: "Any other facility (a hangar, a house, a compound).",
});

export const PlaceTypeEnum = describedEnum("PlaceType", "What kind of place it is.", PLACE_TYPES, {
  COUNTRY: "A country's territory.",
  TRANSNATIONAL_REGION: "A region spanning more than one country (the Middle East, the Iraq-Syria border region): it overlaps countries rather than lying in one, so it has no country of its own.",
  REGION: "A region or province.",
  CITY: "A city or town.",
  DISTRICT: "A suburb, district or neighbourhood.",
  BORDER_CROSSING: "A border crossing.",
  OIL_FIELD: "An oil field.",
});

export const OrganizationTypeEnum = describedEnum("OrganizationType", "What kind of organization it is.", ORGANIZATION_TYPES, {
  GOVERNMENT_BODY: "A ministry, department or office of a government.",
  ARMED_FORCE: "A state armed force or security service, or a branch of one.",
  INTELLIGENCE_AGENCY: "An intelligence agency.",
  LEGISLATIVE_BODY: "A legislature or one of its committees.",
  MILITARY_COALITION: "A multinational military coalition.",
  NETWORK: "An informal network.",
});

export const MediaTypeEnum = describedEnum("MediaType", "What kind of media source it is.", MEDIA_TYPES, {
  NEWS_AGENCY: "A news agency (The Associated Press, Reuters).",
  MONITOR: "A monitoring group.",
  MEDIA_OUTLETS: "Unnamed media outlets of a stated leaning.",
  SOCIAL_MEDIA_CHANNELS: "Unnamed social media or messaging channels.",
  UNNAMED_SOURCES: "Unnamed sources (e.g. 'Iraqi sources').",
});

export const InstrumentTypeEnum = describedEnum("InstrumentType", "What kind of legal instrument it is.", INSTRUMENT_TYPES, {
  CONSTITUTION: "A constitution as a whole.",
  CONSTITUTIONAL_PROVISION: "A provision of a constitution (e.g. Article II).",
  STATUTE: "A law.",
  AUTHORIZATION: "An authorization for the use of military force.",
  INTERNATIONAL_AGREEMENT: "An international agreement.",
  LEGAL_PRINCIPLE: "A principle of law, e.g. the right of self-defense under international law.",
});

export const ClaimMeasureEnum = describedEnum("ClaimMeasure", "What a claim counts.", CLAIM_MEASURES, {
  KILLED: "People killed.",
  WOUNDED: "People wounded or injured.",
  CASUALTIES: "Casualties in general (used for 'no casualties were reported' and unreported tolls).",
  DAMAGED: "Things damaged: buildings, vehicles, a fire.",
  RESPONSIBILITY_CLAIMS: "Claims of responsibility for an attack (NONE_REPORTED: no group claimed it).",
  ROCKETS: "Rockets fired or used.",
  DRONES: "Drones used.",
  ATTACKS: "Attacks counted.",
  SIZE_RANK: "Rank by size among its peers (1: the largest), e.g. the second largest bloc in a parliament.",
  TARGETS: "Targets, buildings or facilities struck.",
  SEATS: "Seats held in a parliament.",
  MEMBER_GROUPS: "Groups belonging to an umbrella group.",
});

export const ClaimQualifierEnum = describedEnum("ClaimQualifier", "How a claimed figure is stated.", CLAIM_QUALIFIERS, {
  EXACT: "Exactly `count`.",
  AT_LEAST: "At least `count`.",
  MORE_THAN: "More than `count`.",
  SEVERAL: "Several, with no figure given.",
  UNSPECIFIED: "A figure exists but the source did not give it.",
  NONE_REPORTED: "None were reported.",
});

export const ExportFormatEnum = describedEnum(
  "ExportFormat",
  "A file format for subgraphs. JSON formats keep nested attributes; XML formats flatten them (objects to dotted keys, lists to JSON text).",
  EXPORT_FORMATS,
  Object.fromEntries(EXPORT_FORMATS.map((f) => [f, FORMAT_INFO[f].description])) as Record<ExportFormat, string>,
);

export const RankEnum = describedEnum("Rank", "How much a claim or relation is to be believed, as Wikidata ranks statements.", RANKS, {
  PREFERRED: "Preferred over other statements of the same thing (the reason says why).",
  NORMAL: "The default.",
  DEPRECATED: "Known to be wrong or contradicted by a better statement (the reason says why); left out of default views.",
});

export const GeoPrecisionEnum = describedEnum("GeoPrecision", "What a pair of coordinates is the position of.", GEO_PRECISIONS, {
  SITE: "The site itself.",
  CITY: "The city the site is in or near.",
  REGION: "The region it is in.",
  COUNTRY: "The country it is in (its centre).",
});

export const DocumentKindEnum = describedEnum("DocumentKind", "What a source document is.", DOCUMENT_KINDS, {
  ARTICLE: "A text; every excerpt quoted from it is checked verbatim.",
  GAZETTEER: "Reference geographic data (place names, countries, coordinates), cited record by record.",
});

export const SupportedRecordKindEnum = describedEnum("SupportedRecordKind", "The kind of record a source document supports.", SUPPORTED_RECORD_KINDS, {
  ENTITY: "An entity: its existence, name and description.",
  RELATION: "A relation between two entities.",
  CLAIM: "A figure about an entity (a death toll, a count).",
});

export const SearchFieldEnum = describedEnum("SearchField", "Where a search matched.", SEARCH_FIELDS, {
  NAME: "The entity's name.",
  ALIAS: "A name the sources use for it.",
  VARIANT: "A curated spelling variant (see Entity.nameVariants).",
  ID: "Its id.",
  DESCRIPTION: "A word of its description.",
});

export const NameVariantTypeEnum = describedEnum("NameVariantType", "What a name variant is.", NAME_VARIANT_TYPES, {
  TRANSLITERATION: "Another romanisation of an Arabic or Persian name (Hizballah, Suleimani).",
  SPELLING: "Another English spelling (Mobilisation).",
  ACRONYM: "An acronym the sources do not use (IRGC).",
  FULL_NAME: "A fuller or translated name.",
  ARABIC_SCRIPT: "The name in Arabic script.",
  PERSIAN_SCRIPT: "The name in Persian script.",
});

export const EdgesKeyEnum = { LINKS: "links", EDGES: "edges" } as const;
registerEnumType(EdgesKeyEnum, {
  name: "EdgesKey",
  description: "Where node-link JSON puts the edge list.",
  valuesConfig: {
    LINKS: { description: "`links`: what networkx 2.8 to 3.5 read by default (nx.node_link_graph(data)); in 3.6+ pass edges=\"links\"." },
    EDGES: { description: "`edges`: what networkx 3.6+ reads by default." },
  },
});
