/**
 * The attributes an exported node or edge carries, taken from its record, and
 * the rule that flattens them for XML formats (GEXF, GraphML). Kinds and
 * enum values are spelled as the API spells them (UMBRELLA_GROUP); the name
 * is `label`, the attribute Gephi, Cytoscape and sigma display.
 *
 * - strings, numbers and booleans are kept as they are;
 * - an object is flattened into dotted keys (`date.value`, `date.precision`);
 * - a list (aliases, evidence, claims) is written as JSON text under its own key;
 * - null and absent values are left out.
 *
 * `unflattenAttributes` reverses the rule, so nothing is lost.
 */
import { parsePartialDate } from "../model/dates.js";
import { kindConstant } from "../service/requests.js";
import type { Coordinates, DateRecord, EntityRecord, RelationRecord } from "../model/records.js";

export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;
export type FlatAttributes = Record<string, string | number | boolean>;

function dateAttributes(date: DateRecord | undefined): Attributes | null {
  if (!date) return null;
  const parsed = parsePartialDate(date.value);
  if (typeof parsed === "string") throw new Error(`unvalidated date: ${parsed}`);
  return {
    value: parsed.value,
    precision: parsed.precision,
    earliest: parsed.earliest,
    latest: parsed.latest,
    asWritten: date.asWritten ?? null,
    yearInferred: date.yearInferred !== undefined,
    yearInference: date.yearInferred ?? null,
  };
}

/** Copies a record into plain JSON values, dropping `undefined`. */
const plain = (value: unknown): AttributeValue => JSON.parse(JSON.stringify(value ?? null)) as AttributeValue;

const KIND_FIELDS = ["eventType", "statementType", "organizationType", "facilityType", "placeType", "mediaType", "instrumentType"] as const;

/** Where an entity is, as the service computes it (countries and gazetteer coordinates); null for what has no place. */
export interface Whereabouts {
  readonly countries: readonly string[];
  readonly coordinates: Coordinates | null;
}

export function entityAttributes(entity: EntityRecord, whereabouts: Whereabouts | null = null): Attributes {
  const attributes: Attributes = {
    kind: kindConstant(entity.kind),
    label: entity.name,
    aliases: entity.aliases ?? [],
    description: entity.description,
  };
  for (const field of KIND_FIELDS) {
    if (field in entity) attributes[field] = (entity as Record<string, unknown>)[field] as string;
  }
  attributes["date"] = dateAttributes("date" in entity ? entity.date : undefined);
  attributes["evidence"] = plain(entity.evidence);
  attributes["claims"] = plain(entity.claims ?? []);
  if (whereabouts) {
    attributes["countries"] = [...whereabouts.countries];
    const at = whereabouts.coordinates;
    attributes["location"] = at ? { latitude: at.latitude, longitude: at.longitude, precision: at.precision, via: at.via ?? null } : null;
  }
  return attributes;
}

export function relationAttributes(relation: RelationRecord): Attributes {
  return {
    type: relation.type,
    role: relation.role ?? null,
    account: relation.account ?? null,
    rank: relation.rank ?? "NORMAL",
    rankReason: relation.rankReason ?? null,
    note: relation.note ?? null,
    date: dateAttributes(relation.date),
    evidence: plain(relation.evidence),
  };
}

export function flattenAttributes(attributes: Attributes, prefix = "", into: FlatAttributes = {}): FlatAttributes {
  for (const [key, value] of Object.entries(attributes)) {
    const name = prefix + key;
    if (value === null) continue;
    if (Array.isArray(value)) into[name] = JSON.stringify(value);
    else if (typeof value === "object") flattenAttributes(value, `${name}.`, into);
    else into[name] = value;
  }
  return into;
}

/** The inverse of `flattenAttributes` for attributes it produced (lists are JSON text starting with "["). */
export function unflattenAttributes(flat: Record<string, unknown>, listKeys: ReadonlySet<string>): Attributes {
  const result: Attributes = {};
  for (const [name, value] of Object.entries(flat)) {
    const path = name.split(".");
    let target = result;
    for (const part of path.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Attributes;
    }
    const last = path.at(-1)!;
    target[last] = listKeys.has(name) && typeof value === "string" ? (JSON.parse(value) as AttributeValue) : (value as AttributeValue);
  }
  return result;
}

/** Keys whose values are lists, and so JSON text once flattened. */
export const LIST_KEYS: ReadonlySet<string> = new Set(["aliases", "evidence", "claims", "countries"]);
