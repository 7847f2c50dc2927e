/**
 * The analyst tables: events (one row per event, columns after ACLED's where
 * a counterpart exists), claims (one row per claim), relations and entities,
 * each a fixed list of typed columns and a lazy sequence of rows, so writers
 * can stream them. Filters are the service's (events: the timeline's;
 * claims: the root `claims` query's; relations: `ranks`, PREFERRED and
 * NORMAL by default, as everywhere). Multi-valued cells are joined with
 * "; " (LIST_SEPARATOR); kinds and enum values are spelled as in the API.
 */
import type { Claim, EntityRecord, Evidence, RelationRecord } from "../model/records.js";
import { parsePartialDate } from "../model/dates.js";
import { claimFigures } from "../service/estimates.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { kindConstant, ranks } from "../service/requests.js";
import type { RequestInput } from "../service/requests.js";

export const LIST_SEPARATOR = "; ";
export type CellType = "STRING" | "INT32" | "DOUBLE" | "BOOLEAN";
export type Cell = string | number | boolean | null;

export interface Column<R> {
  readonly name: string;
  readonly type: CellType;
  /** The ACLED column it corresponds to, where there is one. */
  readonly acled?: string;
  readonly description: string;
  readonly value: (row: R) => Cell;
}

export interface Table<R> {
  readonly name: TableName;
  readonly columns: ReadonlyArray<Column<R>>;
  /** The rows for these filters, one at a time; filters are checked before the first row. */
  rows(service: KnowledgeService, input: RequestInput): Iterable<R>;
}

export const TABLE_NAMES = ["events", "claims", "relations", "entities"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The filters each table takes: events the timeline's, claims the `claims` query's, relations the ranks. */
export const TABLE_FILTERS = {
  events: ["from", "to", "within", "types", "perpetrators", "targets", "involving", "country"],
  claims: ["measures", "subject", "attribution", "ranks"],
  relations: ["ranks"],
  entities: [],
} as const satisfies Record<TableName, readonly string[]>;
/** Every filter of some table. */
export const ALL_TABLE_FILTERS = [...new Set(Object.values(TABLE_FILTERS).flat())];

const joined = (items: readonly string[]): string | null => (items.length === 0 ? null : items.join(LIST_SEPARATOR));
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
const attributionsOf = (evidence: readonly Evidence[]) => unique(evidence.map((e) => e.attribution));
const documentsOf = (evidence: readonly Evidence[]) => unique(evidence.map((e) => e.document));

function dateColumns(date: { value: string } | undefined) {
  if (!date) return { value: null, earliest: null, latest: null, precision: null };
  const parsed = parsePartialDate(date.value);
  if (typeof parsed === "string") throw new Error(`unvalidated date: ${parsed}`);
  return { value: parsed.value, earliest: parsed.earliest, latest: parsed.latest, precision: parsed.precision };
}

/** What an events row needs, gathered once per event. */
interface EventRow {
  readonly event: EntityRecord & { kind: "Event" };
  readonly date: ReturnType<typeof dateColumns>;
  readonly shortName: string;
  readonly countries: EntityRecord[];
  readonly locations: EntityRecord[];
  readonly coordinates: { latitude: number; longitude: number; precision: string } | null;
  readonly perpetrators: RelationRecord[];
  readonly targets: RelationRecord[];
  readonly retaliatesFor: RelationRecord[];
  readonly fatalities: { low: number | null; best: number | null; high: number | null; accounts: number };
  readonly sources: string[];
}

function eventRow(service: KnowledgeService, event: EntityRecord): EventRow {
  if (event.kind !== "Event") throw new Error(`${event.id} is not an event`);
  // One read of the event's relations (not deprecated, preferred first, in data order), sorted by role.
  const relations = service.relationsOf(event.id, { first: 500 });
  const related = (type: string, end: "source" | "target") => relations.filter((r) => r.type === type && r[end] === event.id);
  const perpetrators = related("CARRIED_OUT", "target");
  const targets = related("ATTACKS", "source");
  // "No casualties were reported" (CASUALTIES, none reported) says as much of the dead as of the wounded.
  const estimates = service.estimatesOf(event, { measures: ["KILLED", "CASUALTIES"] });
  const killed = estimates.find((e) => e.measure === "KILLED");
  const casualties = estimates.find((e) => e.measure === "CASUALTIES");
  const fatalities = killed ?? (casualties !== undefined && casualties.high === 0 ? casualties : undefined);
  return {
    event,
    date: dateColumns(event.date),
    shortName: service.shortNameOf(event, perpetrators.map((r) => service.entity(r.source))),
    countries: service.countriesOf(event.id),
    locations: related("OCCURRED_AT", "source").map((r) => service.entity(r.target)),
    coordinates: service.coordinatesOf(event.id),
    perpetrators,
    targets,
    retaliatesFor: related("RETALIATES_FOR", "source"),
    fatalities: fatalities
      ? { low: fatalities.low, best: fatalities.best, high: fatalities.high, accounts: fatalities.accounts.filter((a) => a.rank !== "DEPRECATED").length }
      : { low: null, best: null, high: null, accounts: 0 },
    sources: unique([...event.evidence, ...perpetrators.flatMap((r) => r.evidence), ...targets.flatMap((r) => r.evidence), ...(event.claims ?? []).map((c) => c.evidence)].map((e) => e.document)),
  };
}

const names = (service: KnowledgeService, ids: readonly string[]) => ids.map((id) => service.entity(id).name);

function eventColumns(service: KnowledgeService): Array<Column<EventRow>> {
  return [
    { name: "event_id", type: "STRING", acled: "event_id_cnty", description: "The event's id.", value: (r) => r.event.id },
    { name: "event_date", type: "STRING", acled: "event_date", description: "The date as recorded: YYYY-MM-DD, YYYY-MM, YYYY, or a range start/end (either end may be open: ../2014-07).", value: (r) => r.date.value },
    { name: "earliest", type: "STRING", description: "First possible day (YYYY-MM-DD); empty when open.", value: (r) => r.date.earliest },
    { name: "latest", type: "STRING", description: "Last possible day (YYYY-MM-DD); empty when open.", value: (r) => r.date.latest },
    { name: "date_precision", type: "STRING", acled: "time_precision", description: "DAY, MONTH, YEAR or RANGE.", value: (r) => r.date.precision },
    { name: "year_inference", type: "STRING", description: "How the year was inferred when the source leaves it out; empty when stated.", value: (r) => r.event.date.yearInferred ?? null },
    { name: "event_type", type: "STRING", acled: "event_type", description: "AIRSTRIKE, DRONE_ATTACK, ROCKET_ATTACK, ... (the API's EventType).", value: (r) => r.event.eventType },
    { name: "short_name", type: "STRING", description: "A short label for plots (Event.shortName).", value: (r) => r.shortName },
    { name: "name", type: "STRING", description: "The event's name.", value: (r) => r.event.name },
    { name: "country", type: "STRING", acled: "country", description: "Country names, through the sites it occurred at.", value: (r) => joined(r.countries.map((c) => c.name)) },
    { name: "country_ids", type: "STRING", description: "Country ids.", value: (r) => joined(r.countries.map((c) => c.id)) },
    { name: "location_ids", type: "STRING", description: "Where it occurred (OCCURRED_AT): ids.", value: (r) => joined(r.locations.map((l) => l.id)) },
    { name: "location", type: "STRING", acled: "location", description: "Where it occurred: names.", value: (r) => joined(r.locations.map((l) => l.name)) },
    { name: "latitude", type: "DOUBLE", acled: "latitude", description: "Latitude of its most precise site; empty when unknown.", value: (r) => r.coordinates?.latitude ?? null },
    { name: "longitude", type: "DOUBLE", acled: "longitude", description: "Longitude of its most precise site.", value: (r) => r.coordinates?.longitude ?? null },
    { name: "geo_precision", type: "STRING", acled: "geo_precision", description: "SITE, CITY, REGION or COUNTRY: what the coordinates are the position of.", value: (r) => r.coordinates?.precision ?? null },
    { name: "actor1", type: "STRING", acled: "actor1", description: "Who carried it out or is held responsible (CARRIED_OUT): names.", value: (r) => joined(names(service, r.perpetrators.map((p) => p.source))) },
    { name: "actor1_ids", type: "STRING", description: "Perpetrator ids.", value: (r) => joined(r.perpetrators.map((p) => p.source)) },
    { name: "actor1_attribution", type: "STRING", description: "Who says so: the attributions of the CARRIED_OUT relations' evidence.", value: (r) => joined(attributionsOf(r.perpetrators.flatMap((p) => p.evidence))) },
    { name: "actor2", type: "STRING", acled: "actor2", description: "What it struck or was aimed at (ATTACKS): names.", value: (r) => joined(names(service, r.targets.map((t) => t.target))) },
    { name: "actor2_ids", type: "STRING", description: "Target ids.", value: (r) => joined(r.targets.map((t) => t.target)) },
    { name: "fatalities_low", type: "INT32", description: "Lowest credible number killed (the README's estimate rule): 0 when no casualties were reported and no account counts the dead; empty when nothing is known.", value: (r) => r.fatalities.low },
    { name: "fatalities_best", type: "INT32", acled: "fatalities", description: "Best estimate of the number killed.", value: (r) => r.fatalities.best },
    { name: "fatalities_high", type: "INT32", description: "Highest credible number killed.", value: (r) => r.fatalities.high },
    { name: "fatality_accounts", type: "INT32", description: "How many accounts (sources' versions) the fatality figures rest on, deprecated ones aside: of the dead, else of 'no casualties reported'.", value: (r) => r.fatalities.accounts },
    { name: "retaliates_for", type: "STRING", description: "Ids of the events it answered (RETALIATES_FOR).", value: (r) => joined(r.retaliatesFor.map((x) => x.target)) },
    { name: "sources", type: "STRING", acled: "source", description: "Ids of the source documents of its evidence, perpetrators, targets and claims.", value: (r) => joined(r.sources) },
    { name: "notes", type: "STRING", acled: "notes", description: "The event's description.", value: (r) => r.event.description },
  ];
}

interface ClaimRow {
  readonly subject: EntityRecord;
  readonly claim: Claim;
}

const CLAIM_COLUMNS: Array<Column<ClaimRow>> = [
  { name: "subject_id", type: "STRING", description: "The entity the claim is about (usually an event).", value: (r) => r.subject.id },
  { name: "subject_kind", type: "STRING", description: "Its kind (EVENT, ...).", value: (r) => kindConstant(r.subject.kind) },
  { name: "subject_name", type: "STRING", description: "Its name.", value: (r) => r.subject.name },
  { name: "subject_date", type: "STRING", description: "Its date as recorded, for events and statements.", value: (r) => ("date" in r.subject ? r.subject.date.value : null) },
  { name: "subject_earliest", type: "STRING", description: "First possible day of that date.", value: (r) => ("date" in r.subject ? dateColumns(r.subject.date).earliest : null) },
  { name: "measure", type: "STRING", description: "KILLED, WOUNDED, CASUALTIES, ... (the API's ClaimMeasure).", value: (r) => r.claim.measure },
  { name: "account", type: "STRING", description: "The account label: claims of one account add up; accounts of one measure are alternatives.", value: (r) => r.claim.account },
  { name: "account_id", type: "STRING", description: "subject_id#account, unique in the graph (Account.id).", value: (r) => `${r.subject.id}#${r.claim.account}` },
  { name: "scope", type: "STRING", description: "What the account counts when accounts of one measure count different people.", value: (r) => r.claim.scope ?? null },
  { name: "counted", type: "STRING", description: "Who or what is counted, as the source puts it.", value: (r) => r.claim.subject },
  { name: "qualifier", type: "STRING", description: "EXACT, AT_LEAST, MORE_THAN, SEVERAL, UNSPECIFIED or NONE_REPORTED.", value: (r) => r.claim.qualifier },
  { name: "count", type: "INT32", description: "The figure, for EXACT, AT_LEAST and MORE_THAN.", value: (r) => r.claim.count ?? null },
  { name: "low", type: "INT32", description: "This claim's own low figure (the README's rule).", value: (r) => claimFigures(r.claim).low },
  { name: "best", type: "INT32", description: "Its best figure.", value: (r) => claimFigures(r.claim).best },
  { name: "high", type: "INT32", description: "Its high figure.", value: (r) => claimFigures(r.claim).high },
  { name: "rank", type: "STRING", description: "PREFERRED, NORMAL or DEPRECATED.", value: (r) => r.claim.rank ?? "NORMAL" },
  { name: "rank_reason", type: "STRING", description: "Why the rank is not NORMAL.", value: (r) => r.claim.rankReason ?? null },
  { name: "attribution", type: "STRING", description: "Who gives the figure, in the source's terms.", value: (r) => r.claim.evidence.attribution },
  { name: "attributed_to", type: "STRING", description: "Ids of the entities the attribution names.", value: (r) => joined(r.claim.evidence.attributedTo ?? []) },
  { name: "excerpt", type: "STRING", description: "The verbatim excerpt.", value: (r) => r.claim.evidence.excerpt },
  { name: "document", type: "STRING", description: "The source document's id.", value: (r) => r.claim.evidence.document },
  { name: "note", type: "STRING", description: "Context, e.g. that another source disputed the figure.", value: (r) => r.claim.note ?? null },
];

function relationColumns(service: KnowledgeService): Array<Column<RelationRecord>> {
  const end = (which: "source" | "target", field: "name" | "kind") => (r: RelationRecord) => {
    const entity = service.entity(r[which]);
    return field === "name" ? entity.name : kindConstant(entity.kind);
  };
  return [
    { name: "relation_id", type: "STRING", description: "The relation's id.", value: (r) => r.id },
    { name: "type", type: "STRING", description: "BACKS, ATTACKS, CARRIED_OUT, ... (the API's RelationType).", value: (r) => r.type },
    { name: "source_id", type: "STRING", description: "Where it starts.", value: (r) => r.source },
    { name: "source_name", type: "STRING", description: "Its name.", value: end("source", "name") },
    { name: "source_kind", type: "STRING", description: "Its kind.", value: end("source", "kind") },
    { name: "target_id", type: "STRING", description: "Where it ends.", value: (r) => r.target },
    { name: "target_name", type: "STRING", description: "Its name.", value: end("target", "name") },
    { name: "target_kind", type: "STRING", description: "Its kind.", value: end("target", "kind") },
    { name: "date", type: "STRING", description: "When it held or happened, where the source says.", value: (r) => r.date?.value ?? null },
    { name: "role", type: "STRING", description: "The capacity in which it holds, or NEAR's wording.", value: (r) => r.role ?? null },
    { name: "account", type: "STRING", description: "For DISPUTES: the account disputed.", value: (r) => r.account ?? null },
    { name: "rank", type: "STRING", description: "PREFERRED, NORMAL or DEPRECATED.", value: (r) => r.rank ?? "NORMAL" },
    { name: "rank_reason", type: "STRING", description: "Why the rank is not NORMAL.", value: (r) => r.rankReason ?? null },
    { name: "attribution", type: "STRING", description: "Who says so: each evidence entry's attribution.", value: (r) => joined(attributionsOf(r.evidence)) },
    { name: "attributed_to", type: "STRING", description: "Ids of the entities the attributions name.", value: (r) => joined(unique(r.evidence.flatMap((e) => e.attributedTo ?? []))) },
    { name: "excerpts", type: "STRING", description: "The verbatim excerpts, joined with ' | '.", value: (r) => r.evidence.map((e) => e.excerpt).join(" | ") },
    { name: "documents", type: "STRING", description: "Source document ids.", value: (r) => joined(documentsOf(r.evidence)) },
    { name: "note", type: "STRING", description: "Context.", value: (r) => r.note ?? null },
  ];
}

const SUBTYPE_FIELDS = ["eventType", "statementType", "organizationType", "facilityType", "placeType", "mediaType", "instrumentType"] as const;

function entityColumns(service: KnowledgeService): Array<Column<EntityRecord>> {
  const located = (e: EntityRecord) => e.kind === "Place" || e.kind === "Base" || e.kind === "Event";
  return [
    { name: "entity_id", type: "STRING", description: "The entity's id.", value: (e) => e.id },
    { name: "kind", type: "STRING", description: "MILITIA, OFFICIAL, EVENT, ... (the API's EntityKind).", value: (e) => kindConstant(e.kind) },
    { name: "subtype", type: "STRING", description: "Its event, statement, organization, facility, place, media or instrument type.", value: (e) => SUBTYPE_FIELDS.map((f) => (e as Record<string, unknown>)[f]).find((v) => typeof v === "string") as string | undefined ?? null },
    { name: "name", type: "STRING", description: "The name the source uses most.", value: (e) => e.name },
    { name: "aliases", type: "STRING", description: "Other names the sources use.", value: (e) => joined(e.aliases ?? []) },
    { name: "name_variants", type: "STRING", description: "Curated spellings the sources do not use.", value: (e) => joined((e.variants ?? []).map((v) => v.name)) },
    { name: "description", type: "STRING", description: "What the source says it is.", value: (e) => e.description },
    { name: "date", type: "STRING", description: "For events and statements: the date as recorded.", value: (e) => ("date" in e ? e.date.value : null) },
    { name: "earliest", type: "STRING", description: "First possible day.", value: (e) => ("date" in e ? dateColumns(e.date).earliest : null) },
    { name: "latest", type: "STRING", description: "Last possible day.", value: (e) => ("date" in e ? dateColumns(e.date).latest : null) },
    { name: "country_ids", type: "STRING", description: "For places, bases and events: the countries they are in.", value: (e) => (located(e) ? joined(service.countriesOf(e.id).map((c) => c.id)) : null) },
    { name: "latitude", type: "DOUBLE", description: "Gazetteer latitude, for places, bases and events.", value: (e) => (located(e) ? (service.coordinatesOf(e.id)?.latitude ?? null) : null) },
    { name: "longitude", type: "DOUBLE", description: "Gazetteer longitude.", value: (e) => (located(e) ? (service.coordinatesOf(e.id)?.longitude ?? null) : null) },
    { name: "geo_precision", type: "STRING", description: "What the coordinates are the position of.", value: (e) => (located(e) ? (service.coordinatesOf(e.id)?.precision ?? null) : null) },
    { name: "documents", type: "STRING", description: "Source documents that name or describe it.", value: (e) => joined(documentsOf(e.evidence)) },
  ];
}

function* mapped<T, R>(items: Iterable<T>, f: (item: T) => R): Generator<R> {
  for (const item of items) yield f(item);
}

/** A table's columns and rows over one service, with the values of each row in column order. */
export interface BoundTable {
  readonly name: TableName;
  readonly columns: ReadonlyArray<Omit<Column<never>, "value">>;
  /** Each row's cells, in column order. */
  readonly rows: Iterable<Cell[]>;
}

function bind<R>(name: TableName, columns: ReadonlyArray<Column<R>>, rows: Iterable<R>): BoundTable {
  return { name, columns: columns.map(({ value: _value, ...column }) => column), rows: mapped(rows, (row) => columns.map((c) => c.value(row))) };
}

/** The table `name` for these filters; the filters are checked at once (BadInputError, NotFoundError), rows are made as they are read. */
export function tableOf(service: KnowledgeService, name: TableName, input: RequestInput = {}): BoundTable {
  switch (name) {
    case "events":
      return bind(name, eventColumns(service), mapped(service.eventsMatching(input), (event) => eventRow(service, event)));
    case "claims":
      return bind(name, CLAIM_COLUMNS, service.claimsMatching(input));
    case "relations": {
      const shown = ranks(input);
      return bind(name, relationColumns(service), service.allRelations().filter((r) => shown.includes(r.rank ?? "NORMAL")));
    }
    case "entities":
      return bind(name, entityColumns(service), service.allEntities());
  }
}

/** The column names and descriptions of every table, for documentation. */
export function tableColumns(service: KnowledgeService): Record<TableName, ReadonlyArray<Omit<Column<never>, "value">>> {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, tableOf(service, name).columns])) as Record<TableName, ReadonlyArray<Omit<Column<never>, "value">>>;
}
