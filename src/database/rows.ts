/**
 * Records and the database's rows, both ways: each validated record of a
 * data directory becomes one row of its table plus rows for its aliases,
 * variants, accounts, claims and evidence (see the migration for the
 * tables), and the rows read back become the same record, key for key.
 * Pure functions: nothing here talks to the database.
 */
import type { Claim, DateRecord, EntityRecord, Evidence, LocationRecord, NameVariant, RelationRecord, SourceDocument } from "../model/records.js";

/** Where a record lives in a data directory: its file (relative to the directory) and its place in that file's list. */
export interface Placed<T> {
  readonly record: T;
  readonly file: string;
  readonly position: number;
}

export type Row = Record<string, unknown>;

/** The field that holds an entity's subtype, by kind. */
export const SUBTYPE_FIELD: Readonly<Record<string, string>> = {
  Organization: "organizationType",
  Base: "facilityType",
  Place: "placeType",
  MediaSource: "mediaType",
  LegalInstrument: "instrumentType",
  Event: "eventType",
  Statement: "statementType",
};

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function dateColumns(prefix: string, date: DateRecord | undefined): Row {
  return { [`${prefix}_value`]: orNull(date?.value), [`${prefix}_as_written`]: orNull(date?.asWritten), [`${prefix}_year_inferred`]: orNull(date?.yearInferred) };
}

export interface EvidenceOwner {
  readonly role: "record" | "claim" | "corroboration" | "coordinates";
  readonly entity?: string;
  readonly relation?: string;
  readonly claimPosition?: number;
  readonly location?: string;
}

export function evidenceRow(owner: EvidenceOwner, position: number, evidence: Evidence): Row {
  return {
    role: owner.role,
    entity: orNull(owner.entity),
    relation: orNull(owner.relation),
    claim_position: orNull(owner.claimPosition),
    location: orNull(owner.location),
    position,
    document: evidence.document,
    excerpt: evidence.excerpt,
    attribution: evidence.attribution,
    attributed_to: orNull(evidence.attributedTo),
    start_offset: orNull(evidence.position?.start),
    end_offset: orNull(evidence.position?.end),
  };
}

export function sourceRow({ record: s, file, position }: Placed<SourceDocument>): Row {
  return {
    id: s.id,
    kind: orNull(s.kind),
    title: s.title,
    publisher: orNull(s.publisher),
    version: orNull(s.version),
    licence: orNull(s.licence),
    url: orNull(s.url),
    ...dateColumns("covers", s.covers),
    ...dateColumns("published", s.published),
    publication_notes: orNull(s.publicationNotes),
    sha256: orNull(s.sha256),
    status: orNull(s.status),
    file,
    position,
  };
}

/** The rows of one entity: the entity, then its aliases, variants, accounts, claims and evidence. */
export function entityRows({ record: e, file, position }: Placed<EntityRecord>): { entity: Row; aliases: Row[]; variants: Row[]; accounts: Row[]; claims: Row[]; evidence: Row[] } {
  const subtypeField = SUBTYPE_FIELD[e.kind];
  const date = "date" in e ? e.date : undefined;
  const entity = {
    id: e.id,
    kind: e.kind,
    name: e.name,
    description: e.description,
    subtype: subtypeField === undefined ? null : (e as unknown as Record<string, string>)[subtypeField],
    ...dateColumns("date", date),
    status: orNull(e.status),
    file,
    position,
  };
  const aliases = (e.aliases ?? []).map((name, i) => ({ entity: e.id, position: i, name }));
  const variants = (e.variants ?? []).map((v, i) => ({ entity: e.id, position: i, name: v.name, type: v.type, note: orNull(v.note) }));
  const accounts = [...new Set((e.claims ?? []).map((c) => c.account))].map((id) => ({ entity: e.id, id }));
  const claims = (e.claims ?? []).map((c, i) => ({
    entity: e.id,
    position: i,
    measure: c.measure,
    qualifier: c.qualifier,
    count: orNull(c.count),
    subject: c.subject,
    account: c.account,
    scope: orNull(c.scope),
    note: orNull(c.note),
    rank: orNull(c.rank),
    rank_reason: orNull(c.rankReason),
    status: orNull(c.status),
  }));
  const evidence = [
    ...e.evidence.map((ev, i) => evidenceRow({ role: "record", entity: e.id }, i, ev)),
    ...(e.claims ?? []).flatMap((c, i) => [
      evidenceRow({ role: "claim", entity: e.id, claimPosition: i }, 0, c.evidence),
      ...(c.corroboration ?? []).map((ev, j) => evidenceRow({ role: "corroboration", entity: e.id, claimPosition: i }, j, ev)),
    ]),
  ];
  return { entity, aliases, variants, accounts, claims, evidence };
}

export function relationRows({ record: r, file, position }: Placed<RelationRecord>, kindOf: (id: string) => string | undefined): { relation: Row; evidence: Row[] } {
  return {
    relation: {
      id: r.id,
      type: r.type,
      source: r.source,
      source_kind: orNull(kindOf(r.source)),
      target: r.target,
      target_kind: orNull(kindOf(r.target)),
      ...dateColumns("date", r.date),
      role: orNull(r.role),
      account: orNull(r.account),
      note: orNull(r.note),
      rank: orNull(r.rank),
      rank_reason: orNull(r.rankReason),
      status: orNull(r.status),
      file,
      position,
    },
    evidence: r.evidence.map((ev, i) => evidenceRow({ role: "record", relation: r.id }, i, ev)),
  };
}

export function locationRows({ record: l, file, position }: Placed<LocationRecord>, kindOf: (id: string) => string | undefined): { location: Row; evidence: Row[] } {
  const c = l.coordinates;
  return {
    location: {
      entity: l.entity,
      entity_kind: orNull(kindOf(l.entity)),
      latitude: orNull(c?.latitude),
      longitude: orNull(c?.longitude),
      precision: orNull(c?.precision),
      via: orNull(c?.via),
      note: orNull(c?.note),
      unresolved: orNull(l.unresolved),
      file,
      position,
    },
    evidence: c ? [evidenceRow({ role: "coordinates", location: l.entity }, 0, c.evidence)] : [],
  };
}

// Back from rows: fields in the order the data files write them, absent where the column is null.

/** Copies the non-null values of `row[column]` into `out[field]`, in the order given. */
function assign(out: Record<string, unknown>, row: Row, fields: ReadonlyArray<readonly [field: string, column: string]>): void {
  for (const [field, column] of fields) {
    const value = row[column];
    if (value !== null && value !== undefined) out[field] = value;
  }
}

function dateFrom(row: Row, prefix: string): DateRecord | undefined {
  if (row[`${prefix}_value`] === null || row[`${prefix}_value`] === undefined) return undefined;
  const date: Record<string, unknown> = {};
  assign(date, row, [["value", `${prefix}_value`], ["asWritten", `${prefix}_as_written`], ["yearInferred", `${prefix}_year_inferred`]]);
  return date as DateRecord;
}

export function evidenceFrom(row: Row): Evidence {
  const evidence: Record<string, unknown> = {};
  assign(evidence, row, [["document", "document"], ["excerpt", "excerpt"], ["attribution", "attribution"], ["attributedTo", "attributed_to"]]);
  if (row["start_offset"] !== null && row["start_offset"] !== undefined) evidence["position"] = { start: row["start_offset"], end: row["end_offset"] };
  return evidence as Evidence;
}

export function sourceFrom(row: Row): SourceDocument {
  const source: Record<string, unknown> = {};
  assign(source, row, [["id", "id"], ["kind", "kind"], ["title", "title"], ["publisher", "publisher"], ["version", "version"], ["licence", "licence"], ["url", "url"]]);
  const covers = dateFrom(row, "covers");
  if (covers) source["covers"] = covers;
  const published = dateFrom(row, "published");
  if (published) source["published"] = published;
  assign(source, row, [["publicationNotes", "publication_notes"], ["sha256", "sha256"], ["status", "status"]]);
  return source as SourceDocument;
}

export interface EntityParts {
  readonly aliases: readonly Row[];
  readonly variants: readonly Row[];
  readonly claims: readonly Row[];
  /** Evidence rows of the entity and its claims, each list in position order. */
  readonly evidence: readonly Row[];
}

export function entityFrom(row: Row, parts: EntityParts): EntityRecord {
  const entity: Record<string, unknown> = {};
  assign(entity, row, [["id", "id"], ["kind", "kind"], ["name", "name"]]);
  if (parts.aliases.length > 0) entity["aliases"] = parts.aliases.map((a) => a["name"]);
  if (parts.variants.length > 0) {
    entity["variants"] = parts.variants.map((v) => {
      const variant: Record<string, unknown> = {};
      assign(variant, v, [["name", "name"], ["type", "type"], ["note", "note"]]);
      return variant as NameVariant;
    });
  }
  assign(entity, row, [["description", "description"]]);
  const subtypeField = SUBTYPE_FIELD[row["kind"] as string];
  if (subtypeField !== undefined) entity[subtypeField] = row["subtype"];
  const date = dateFrom(row, "date");
  if (date) entity["date"] = date;
  assign(entity, row, [["status", "status"]]);
  if (parts.claims.length > 0) {
    entity["claims"] = parts.claims.map((c) => {
      const claim: Record<string, unknown> = {};
      assign(claim, c, [["measure", "measure"], ["qualifier", "qualifier"], ["count", "count"], ["subject", "subject"], ["account", "account"], ["scope", "scope"], ["note", "note"], ["rank", "rank"], ["rankReason", "rank_reason"], ["status", "status"]]);
      const position = c["position"];
      const own = parts.evidence.filter((ev) => ev["claim_position"] === position);
      const source = own.find((ev) => ev["role"] === "claim");
      if (source) claim["evidence"] = evidenceFrom(source);
      const corroboration = own.filter((ev) => ev["role"] === "corroboration");
      if (corroboration.length > 0) claim["corroboration"] = corroboration.map(evidenceFrom);
      return claim as Claim;
    });
  }
  entity["evidence"] = parts.evidence.filter((ev) => ev["role"] === "record").map(evidenceFrom);
  return entity as EntityRecord;
}

export function relationFrom(row: Row, evidence: readonly Row[]): RelationRecord {
  const relation: Record<string, unknown> = {};
  assign(relation, row, [["id", "id"], ["type", "type"], ["source", "source"], ["target", "target"]]);
  const date = dateFrom(row, "date");
  if (date) relation["date"] = date;
  assign(relation, row, [["role", "role"], ["account", "account"], ["note", "note"], ["rank", "rank"], ["rankReason", "rank_reason"], ["status", "status"]]);
  relation["evidence"] = evidence.map(evidenceFrom);
  return relation as RelationRecord;
}

export function locationFrom(row: Row, evidence: Row | undefined): LocationRecord {
  const location: Record<string, unknown> = { entity: row["entity"] };
  if (row["latitude"] !== null && row["latitude"] !== undefined) {
    const coordinates: Record<string, unknown> = {};
    assign(coordinates, row, [["latitude", "latitude"], ["longitude", "longitude"], ["precision", "precision"], ["via", "via"], ["note", "note"]]);
    if (evidence) coordinates["evidence"] = evidenceFrom(evidence);
    location["coordinates"] = coordinates;
  }
  assign(location, row, [["unresolved", "unresolved"]]);
  return location as LocationRecord;
}
