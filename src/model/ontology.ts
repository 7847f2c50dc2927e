/**
 * The ontology: which kinds of entity exist, which relation types exist, and
 * which kinds each relation type may join. Everything else (record schemas,
 * the loader's checks, GraphQL enums) is derived from these tables.
 */

export const ENTITY_KINDS = [
  "Militia",
  "UmbrellaGroup",
  "PoliticalBloc",
  "Government",
  "Organization",
  "Official",
  "Base",
  "Place",
  "MediaSource",
  "LegalInstrument",
  "Event",
  "Statement",
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ENTITY_KIND_DESCRIPTIONS: Record<EntityKind, string> = {
  Militia: "A non-state armed group (e.g. Kataib Hezbollah), or an unnamed collective of such groups.",
  UmbrellaGroup: "An umbrella organisation that combines several militias (e.g. the Popular Mobilization Forces).",
  PoliticalBloc: "A parliamentary bloc or coalition of parties (e.g. the Fatah Coalition).",
  Government: "A national government acting as a state (e.g. the United States, Iran, Iraq).",
  Organization: "A state body, armed force, agency, committee or network that is not itself a government.",
  Official: "A named person: an office holder, commander or spokesperson.",
  Base: "A military base, airport, diplomatic compound or other facility.",
  Place: "A country, region, city, border crossing or other geographic place.",
  MediaSource: "A news agency, monitor or media channel that reported something.",
  LegalInstrument: "A law, constitutional provision, authorisation or agreement cited in the article.",
  Event: "A dated happening: a strike, an attack, a storming, an institutional change.",
  Statement: "A dated public statement, remark, briefing or post by an official or body.",
};

type Kinds = readonly EntityKind[];
/** One allowed pairing of source kinds and target kinds for a relation type. */
export interface Signature {
  readonly from: Kinds;
  readonly to: Kinds;
}
export interface RelationTypeSpec {
  readonly description: string;
  readonly signatures: readonly Signature[];
}

const ACTORS = ["Government", "Organization", "Militia", "UmbrellaGroup", "PoliticalBloc", "Official"] as const;
const ARMED_GROUPS = ["Militia", "UmbrellaGroup", "Organization"] as const;
const SITES = ["Base", "Place"] as const;
const REPORTERS = ["MediaSource", "Organization", "Official", "Government", "Militia", "UmbrellaGroup"] as const;

export const RELATION_TYPES = {
  BACKS: {
    description: "The source trains, arms, funds, directs or otherwise supports the target.",
    signatures: [{ from: ["Government", "Organization"], to: [...ARMED_GROUPS, "PoliticalBloc"] }],
  },
  CARRIED_OUT: {
    description: "The source actor carried out (or is held responsible for) the event.",
    signatures: [{ from: ACTORS, to: ["Event"] }],
  },
  ATTACKS: {
    description: "The event struck or was aimed at the target (a group, a site, a person or a force).",
    signatures: [{ from: ["Event"], to: [...ARMED_GROUPS, "Government", "Official", ...SITES] }],
  },
  RETALIATES_FOR: {
    description: "The source event was a retaliation for, or military response to, the target event.",
    signatures: [{ from: ["Event"], to: ["Event"] }],
  },
  RESPONDS_TO: {
    description: "The source event followed from the target event without being a retaliation (e.g. a group formed after a capture).",
    signatures: [{ from: ["Event"], to: ["Event"] }],
  },
  INVOLVES: {
    description: "The source event concerned the target actor (a founding, an integration, a capture) where no more specific relation applies.",
    signatures: [{ from: ["Event"], to: ACTORS }],
  },
  CONDEMNS: {
    description: "The source publicly condemned the target event.",
    signatures: [{ from: ACTORS, to: ["Event"] }],
  },
  JUSTIFIES: {
    description: "The source publicly defended or justified the target event.",
    signatures: [{ from: ACTORS, to: ["Event"] }],
  },
  QUESTIONS: {
    description: "The source publicly raised doubts about, or asked for the basis of, the target event.",
    signatures: [{ from: ACTORS, to: ["Event"] }],
  },
  PLEDGES_RETALIATION: {
    description: "The source vowed to retaliate for the target event.",
    signatures: [{ from: ACTORS, to: ["Event"] }],
  },
  WARNS: {
    description: "The source publicly warned the target.",
    signatures: [{ from: ACTORS, to: ["Government", "Organization", "Militia", "UmbrellaGroup"] }],
  },
  DIRECTED: {
    description: "The source ordered or directed the target event.",
    signatures: [{ from: ["Official", "Government", "Organization"], to: ["Event"] }],
  },
  INTERCEPTED: {
    description: "The source shot down, foiled or otherwise intercepted (part of) the target attack.",
    signatures: [{ from: ACTORS, to: ["Event"] }],
  },
  KILLED_IN: {
    description: "The source person was killed in the target event.",
    signatures: [{ from: ["Official"], to: ["Event"] }],
  },
  MEMBER_OF: {
    description: "The source group belongs to the target umbrella group, bloc or coalition, or to a collective the article names as a whole (a Militia record such as 'Iran-backed militias').",
    signatures: [
      { from: ["Militia", "UmbrellaGroup", "Organization"], to: ["UmbrellaGroup", "PoliticalBloc", "Organization"] },
      { from: ["Militia"], to: ["Militia"] },
    ],
  },
  PART_OF: {
    description:
      "The source is a component of the target: a body of a government or force, a bloc in a parliament, a provision of a law, or an event within a series.",
    signatures: [
      { from: ["Organization", "UmbrellaGroup", "PoliticalBloc"], to: ["Organization", "Government"] },
      { from: ["LegalInstrument"], to: ["LegalInstrument"] },
      { from: ["Event"], to: ["Event"] },
    ],
  },
  LEADS: {
    description: "The source leads the target (e.g. the U.S.-led coalition).",
    signatures: [{ from: ["Government", "Organization", "Official"], to: ["Organization", "Militia", "UmbrellaGroup"] }],
  },
  HOLDS_OFFICE_IN: {
    description: "The source person holds (or held) an office or command in the target; the role says which.",
    signatures: [{ from: ["Official"], to: ["Government", "Organization", "Militia", "UmbrellaGroup"] }],
  },
  SPEAKS_FOR: {
    description: "The source person is a spokesperson for the target person or body.",
    signatures: [{ from: ["Official"], to: ["Official", "Government", "Organization", "Militia", "UmbrellaGroup"] }],
  },
  NEAR: {
    description: "The source site lies near the target site or place, outside it; the role gives the relation as written ('near', 'north of', 'within a 30-mile radius of').",
    signatures: [{ from: SITES, to: SITES }],
  },
  STRUCK_NEAR: {
    description: "The source attack hit or landed near the target site without striking it; the role says how the source puts it.",
    signatures: [{ from: ["Event"], to: SITES }],
  },
  DISPUTES: {
    description: "The source rejected or questioned a claim about the target event; the relation's account names the claims it disputes.",
    signatures: [{ from: [...ACTORS, "MediaSource"], to: ["Event"] }],
  },
  LOCATED_IN: {
    description: "The source site lies inside the target site or place (so containment is transitive: a base in Baghdad is in Iraq), or the source body is based there. 'Near' is NEAR.",
    signatures: [
      { from: SITES, to: SITES },
      { from: ["MediaSource", "Organization"], to: ["Place"] },
    ],
  },
  OCCURRED_AT: {
    description: "The source event took place at or near the target site or place.",
    signatures: [{ from: ["Event"], to: SITES }],
  },
  USES: {
    description: "The source actor uses, operates or is hosted at the target site.",
    signatures: [{ from: ["Government", "Organization", "Militia", "UmbrellaGroup"], to: SITES }],
  },
  BUILT: {
    description: "The source actor built the target site.",
    signatures: [{ from: ["Government", "Organization", "Militia"], to: ["Base"] }],
  },
  AFFILIATED_WITH: {
    description:
      "The source media channel is affiliated with, or used by, the target group; the source following (a group's supporters) supports it; or the source bloc is aligned with the target government ('a pro-Iran bloc').",
    signatures: [
      { from: ["MediaSource"], to: ["Militia", "UmbrellaGroup", "PoliticalBloc", "Government", "Organization"] },
      { from: ["Militia"], to: ["Militia", "UmbrellaGroup"] },
      { from: ["PoliticalBloc"], to: ["Government"] },
    ],
  },
  REPORTED_BY: {
    description: "The source event or statement was reported by the target.",
    signatures: [{ from: ["Event", "Statement"], to: REPORTERS }],
  },
  ISSUED: {
    description: "The source person or body issued the target statement.",
    signatures: [{ from: ACTORS, to: ["Statement"] }],
  },
  ABOUT: {
    description: "The source statement concerns the target event.",
    signatures: [{ from: ["Statement"], to: ["Event"] }],
  },
  CITES: {
    description: "The source statement invokes the target law, authority or agreement.",
    signatures: [{ from: ["Statement"], to: ["LegalInstrument"] }],
  },
} as const satisfies Record<string, RelationTypeSpec>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as [RelationType, ...RelationType[]];

/** Whether a relation of `type` may go from an entity of kind `from` to one of kind `to`. */
export function relationAllows(type: RelationType, from: EntityKind, to: EntityKind): boolean {
  return RELATION_TYPES[type].signatures.some(
    (s: Signature) => s.from.includes(from) && s.to.includes(to),
  );
}

/** Human-readable list of the pairings a relation type allows, for error messages. */
export function describeSignatures(type: RelationType): string {
  return RELATION_TYPES[type].signatures
    .map((s: Signature) => `${s.from.join("|")} -> ${s.to.join("|")}`)
    .join("; ");
}

export const EVENT_TYPES = [
  "AIRSTRIKE",
  "DRONE_ATTACK",
  "ROCKET_ATTACK",
  "ATTACK_SERIES",
  "STORMING",
  "EXCHANGE_OF_FIRE",
  "TERRITORIAL_CAPTURE",
  "FOUNDING",
  "INSTITUTIONAL_CHANGE",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const STATEMENT_TYPES = ["STATEMENT", "REMARKS", "BRIEFING", "SOCIAL_MEDIA_POST"] as const;
export const FACILITY_TYPES = ["AIR_BASE", "MILITARY_BASE", "AIRPORT", "DIPLOMATIC_FACILITY", "MILITIA_FACILITY", "OTHER_FACILITY"] as const;
export const PLACE_TYPES = ["COUNTRY", "TRANSNATIONAL_REGION", "REGION", "CITY", "DISTRICT", "BORDER_CROSSING", "OIL_FIELD"] as const;
export const ORGANIZATION_TYPES = ["GOVERNMENT_BODY", "ARMED_FORCE", "INTELLIGENCE_AGENCY", "LEGISLATIVE_BODY", "MILITARY_COALITION", "NETWORK"] as const;
export const MEDIA_TYPES = ["NEWS_AGENCY", "MONITOR", "MEDIA_OUTLETS", "SOCIAL_MEDIA_CHANNELS", "UNNAMED_SOURCES"] as const;
export const INSTRUMENT_TYPES = ["CONSTITUTION", "CONSTITUTIONAL_PROVISION", "STATUTE", "AUTHORIZATION", "INTERNATIONAL_AGREEMENT", "LEGAL_PRINCIPLE"] as const;

/** What a quantitative claim counts. */
export const CLAIM_MEASURES = [
  "KILLED",
  "WOUNDED",
  "CASUALTIES",
  "DAMAGED",
  "RESPONSIBILITY_CLAIMS",
  "ROCKETS",
  "DRONES",
  "ATTACKS",
  "TARGETS",
  "SEATS",
  "SIZE_RANK",
  "MEMBER_GROUPS",
] as const;
export type ClaimMeasure = (typeof CLAIM_MEASURES)[number];
/** How the claimed figure is stated. */
export const CLAIM_QUALIFIERS = ["EXACT", "AT_LEAST", "MORE_THAN", "SEVERAL", "UNSPECIFIED", "NONE_REPORTED"] as const;
/** Qualifiers that carry a number. */
export const COUNTED_QUALIFIERS = ["EXACT", "AT_LEAST", "MORE_THAN"] as const;
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number];

/**
 * How much a claim or relation is to be believed, as Wikidata ranks
 * statements: PREFERRED over NORMAL, and DEPRECATED (known to be wrong, or
 * contradicted by a better statement) left out of default views. A rank other
 * than NORMAL carries a reason.
 */
export const RANKS = ["PREFERRED", "NORMAL", "DEPRECATED"] as const;
export type Rank = (typeof RANKS)[number];

/** How precisely coordinates place an entity. */
/** What a name variant is: curated spellings that let search find an entity, not attested in the sources. */
export const NAME_VARIANT_TYPES = ["TRANSLITERATION", "SPELLING", "ACRONYM", "FULL_NAME", "ARABIC_SCRIPT", "PERSIAN_SCRIPT"] as const;
export type NameVariantType = (typeof NAME_VARIANT_TYPES)[number];

export const GEO_PRECISIONS = ["SITE", "CITY", "REGION", "COUNTRY"] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/** What a source document is: an article (text checked excerpt by excerpt) or a reference gazetteer (data). */
export const DOCUMENT_KINDS = ["ARTICLE", "GAZETTEER"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
