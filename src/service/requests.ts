/**
 * The request layer: every list and traversal request, parsed, defaulted and
 * bounded in one place, whether it comes from GraphQL (typed values), an
 * export route (query-string text) or the command line (option text). Each
 * problem is a BadInputError naming the argument and saying what is allowed;
 * the limits are the table in limits.ts.
 */
import { BadInputError } from "../errors.js";
import { parsePartialDate } from "../model/dates.js";
import { CLAIM_MEASURES, ENTITY_KINDS, EVENT_TYPES, RANKS, RELATION_TYPE_NAMES } from "../model/ontology.js";
import type { ClaimMeasure, EntityKind, EventType, Rank, RelationType } from "../model/ontology.js";
import type { Direction } from "../traversal/index.js";
import { SUPPORTED_RECORD_KINDS } from "../graph/document-support.js";
import type { SupportedRecordKind } from "../graph/document-support.js";
import { LIMITS } from "./limits.js";

/** Arguments as given, by name: typed values from GraphQL, or text from a URL or a command line. */
export type RequestInput = object;

const valueOf = (input: RequestInput, name: string): unknown => (input as Record<string, unknown>)[name];

export interface WalkRequest {
  /** null: every type. */
  readonly relationTypes: readonly RelationType[] | null;
  readonly direction: Direction;
}
export interface NeighborhoodRequest extends WalkRequest {
  readonly id: string;
  readonly depth: number;
  readonly limit: number;
}
export interface PathRequest extends WalkRequest {
  readonly from: string;
  readonly to: string;
}
export interface PathsRequest extends PathRequest {
  readonly limit: number;
  readonly maxLength: number;
}
export interface Slice {
  readonly first: number;
  readonly offset: number;
}
export interface PageRequest {
  readonly first: number;
  readonly after: string | null;
}
export interface EntitiesRequest extends PageRequest {
  readonly kind: EntityKind | null;
  readonly search: string | null;
}
export interface RelationsRequest extends PageRequest {
  /** null: every type. */
  readonly types: readonly RelationType[] | null;
  readonly sourceId: string | null;
  readonly targetId: string | null;
  readonly ranks: readonly Rank[];
}
export interface EventsRequest extends Slice {
  /** Only events whose whole date range lies between from and to (else: any that may fall between them). */
  readonly within: boolean;
  /** Only events these entities carried out (CARRIED_OUT), by id. */
  readonly perpetrators: readonly string[] | null;
  /** Only events that struck these entities (ATTACKS), by id. */
  readonly targets: readonly string[] | null;
  /** Earliest day, inclusive (YYYY-MM-DD), or null. */
  readonly from: string | null;
  /** Latest day, inclusive, or null. */
  readonly to: string | null;
  readonly types: readonly EventType[] | null;
  readonly involving: string | null;
  /** Only events in this country (a COUNTRY place's id). */
  readonly country: string | null;
}

const absent = (value: unknown) => value === undefined || value === null || value === "";
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** An integer from `min` to `max`, or `fallback` when absent; text must be an integer numeral. */
export function integer(input: RequestInput, name: string, min: number, max: number, fallback: number): number {
  const value = valueOf(input, name);
  if (absent(value)) return fallback;
  if (typeof value === "string") {
    if (!/^-?\d+$/.test(value.trim())) throw new BadInputError(name, `must be an integer (got "${value.slice(0, 50)}")`);
    return integer({ [name]: Number(value) }, name, min, max, fallback);
  }
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new BadInputError(name, `must be an integer from ${min} to ${max} (got ${String(value)})`);
  }
  return value as number;
}

/** Text of at most `max` characters with no control characters, or null when absent. */
export function optionalText(input: RequestInput, name: string, max: number = LIMITS.text): string | null {
  const value = valueOf(input, name);
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new BadInputError(name, "must be a string");
  if (value.length > max) throw new BadInputError(name, `must be at most ${max} characters (got ${value.length})`);
  if (CONTROL.test(value)) throw new BadInputError(name, "must not contain control characters");
  return value;
}

export function requiredText(input: RequestInput, name: string): string {
  const value = optionalText(input, name);
  if (value === null || value === "") throw new BadInputError(name, "is required");
  return value;
}

/** A list of names from `allowed` (any case): a list, or comma-separated text; null when absent or empty. */
function nameList<T extends string>(input: RequestInput, name: string, allowed: readonly T[], what: string): T[] | null {
  const items = textList(input, name);
  if (items === null) return null;
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item.toUpperCase())) {
      throw new BadInputError(name, `unknown ${what} "${item.slice(0, 50)}"; expected some of ${allowed.join(", ")}`);
    }
  }
  return items.map((item) => item.toUpperCase() as T);
}

export const relationTypes = (input: RequestInput, name = "relationTypes"): RelationType[] | null => nameList(input, name, RELATION_TYPE_NAMES, "relation type");

/** What default views show: PREFERRED and NORMAL, not DEPRECATED. */
export const DEFAULT_RANKS: readonly Rank[] = ["PREFERRED", "NORMAL"];
/** The ranks to show (`ranks`), PREFERRED and NORMAL when absent. */
export const ranks = (input: RequestInput): readonly Rank[] => nameList(input, "ranks", RANKS, "rank") ?? DEFAULT_RANKS;
/** The claim measures asked for (`measures`); null: every measure. */
export const measures = (input: RequestInput): ClaimMeasure[] | null => nameList(input, "measures", CLAIM_MEASURES, "measure");

/** FORWARD, BACKWARD or EITHER, in any case; EITHER when absent. */
export function direction(input: RequestInput): Direction {
  const value = valueOf(input, "direction");
  if (absent(value)) return "either";
  const text = String(value).toLowerCase();
  if (text !== "forward" && text !== "backward" && text !== "either") {
    throw new BadInputError("direction", `must be FORWARD, BACKWARD or EITHER (got "${String(value).slice(0, 50)}")`);
  }
  return text;
}

/** `UmbrellaGroup` <-> `UMBRELLA_GROUP`: the name an API constant gives a kind. */
export const kindConstant = (kind: EntityKind) => kind.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();

/** An entity kind, as named in the data (`UmbrellaGroup`, any case) or as an API constant (`UMBRELLA_GROUP`); null when absent. */
export function kind(input: RequestInput): EntityKind | null {
  const value = valueOf(input, "kind");
  if (absent(value)) return null;
  const text = String(value);
  const found = ENTITY_KINDS.find((k) => k.toLowerCase() === text.toLowerCase() || kindConstant(k) === text.toUpperCase());
  if (!found) throw new BadInputError("kind", `unknown kind "${text.slice(0, 50)}"; expected one of ${ENTITY_KINDS.join(", ")}`);
  return found;
}

function dateBound(input: RequestInput, name: "from" | "to"): string | null {
  const value = optionalText(input, name, 10);
  if (value === null) return null;
  const parsed = parsePartialDate(value);
  if (typeof parsed === "string" || parsed.precision === "RANGE") throw new BadInputError(name, `must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  return name === "from" ? parsed.earliest! : parsed.latest!;
}

export const walkRequest = (input: RequestInput): WalkRequest => ({ relationTypes: relationTypes(input), direction: direction(input) });
const walk = walkRequest;

export const sliceRequest = (input: RequestInput, bounds: { default: number; max: number } = LIMITS.relatedItems): Slice => ({
  first: integer(input, "first", 1, bounds.max, bounds.default),
  offset: integer(input, "offset", 0, LIMITS.offset.max, 0),
});

const page = (input: RequestInput): PageRequest => ({ first: integer(input, "first", 1, LIMITS.pageSize.max, LIMITS.pageSize.default), after: optionalText(input, "after") });

export const neighborhoodRequest = (input: RequestInput): NeighborhoodRequest => ({
  id: requiredText(input, "id"),
  depth: integer(input, "depth", 0, LIMITS.depth.max, LIMITS.depth.default),
  limit: integer(input, "limit", 1, LIMITS.subgraphNodes.max, LIMITS.subgraphNodes.default),
  ...walk(input),
});

export const pathRequest = (input: RequestInput): PathRequest => ({ from: requiredText(input, "from"), to: requiredText(input, "to"), ...walk(input) });

export const allShortestPathsRequest = (input: RequestInput): PathRequest & { limit: number } => ({
  ...pathRequest(input),
  limit: integer(input, "limit", 1, LIMITS.paths.max, LIMITS.paths.default),
});

export const pathsRequest = (input: RequestInput): PathsRequest => ({
  ...allShortestPathsRequest(input),
  maxLength: integer(input, "maxLength", 1, LIMITS.pathLength.max, LIMITS.pathLength.default),
});

export const entitiesRequest = (input: RequestInput): EntitiesRequest => ({ ...page(input), kind: kind(input), search: optionalText(input, "search") });

export interface SearchRequest extends PageRequest {
  readonly text: string;
  readonly kind: EntityKind | null;
}

export const searchRequest = (input: RequestInput): SearchRequest => ({ ...page(input), kind: kind(input), text: requiredText(input, "text") });

export function relationsRequest(input: RequestInput): RelationsRequest {
  const one = nameList(input, "type", RELATION_TYPE_NAMES, "relation type");
  const many = nameList(input, "types", RELATION_TYPE_NAMES, "relation type");
  if (one !== null && many !== null) throw new BadInputError("type", "give `types` (a list) or `type`, not both");
  return { ...page(input), types: many ?? one, sourceId: optionalText(input, "sourceId"), targetId: optionalText(input, "targetId"), ranks: ranks(input) };
}

export function eventsRequest(input: RequestInput): EventsRequest {
  const from = dateBound(input, "from");
  const to = dateBound(input, "to");
  if (from !== null && to !== null && from > to) throw new BadInputError("to", `must not be before from (${String(valueOf(input, "from"))} > ${String(valueOf(input, "to"))})`);
  return {
    ...sliceRequest(input, LIMITS.timeline),
    from,
    to,
    types: nameList(input, "types", EVENT_TYPES, "event type"),
    within: flag(input, "within"),
    perpetrators: textList(input, "perpetrators"),
    targets: textList(input, "targets"),
    involving: optionalText(input, "involving"),
    country: optionalText(input, "country"),
  };
}

/** true or false (text: true/false/1/0/yes/no); false when absent. */
export function flag(input: RequestInput, name: string): boolean {
  const value = valueOf(input, name);
  if (absent(value)) return false;
  if (typeof value === "boolean") return value;
  const text = String(value).trim().toLowerCase();
  if (["true", "1", "yes"].includes(text)) return true;
  if (["false", "0", "no"].includes(text)) return false;
  throw new BadInputError(name, `must be true or false (got "${String(value).slice(0, 50)}")`);
}

/** Texts (ids or names): a list, or comma-separated text; null when absent or empty. */
export function textList(input: RequestInput, name: string): string[] | null {
  const value = valueOf(input, name);
  if (absent(value)) return null;
  const items = typeof value === "string" ? value.split(",").map((item) => item.trim()).filter((item) => item !== "") : value;
  if (!Array.isArray(items)) throw new BadInputError(name, "must be a list");
  if (items.length > LIMITS.listItems) throw new BadInputError(name, `must have at most ${LIMITS.listItems} items (got ${items.length})`);
  if (items.some((item) => typeof item !== "string" || item.length > LIMITS.text || CONTROL.test(item))) {
    throw new BadInputError(name, `items must be at most ${LIMITS.text} characters, with no control characters`);
  }
  return items.length === 0 ? null : (items as string[]);
}

export interface ClaimsRequest extends Slice {
  readonly measures: readonly ClaimMeasure[] | null;
  /** Only claims about this entity. */
  readonly subject: string | null;
  /** Only claims whose attribution contains this text (any case) or names this entity id. */
  readonly attribution: string | null;
  readonly ranks: readonly Rank[];
}

export const claimsRequest = (input: RequestInput): ClaimsRequest => ({
  ...sliceRequest(input, LIMITS.timeline),
  measures: measures(input),
  subject: optionalText(input, "subject"),
  attribution: optionalText(input, "attribution"),
  ranks: ranks(input),
});

export interface SupportsRequest extends Slice {
  /** ENTITY, RELATION, CLAIM; null: every kind. */
  readonly kinds: readonly SupportedRecordKind[] | null;
  /** Relations of these types only (other kinds are unaffected); null: every type. */
  readonly types: readonly RelationType[] | null;
}

/** The filters of SourceDocument.supports and supportCount. */
export const supportsRequest = (input: RequestInput): SupportsRequest => ({
  ...sliceRequest(input, LIMITS.timeline),
  kinds: nameList(input, "kinds", SUPPORTED_RECORD_KINDS, "record kind"),
  types: relationTypes(input, "types"),
});

/** At most LIMITS.ids ids. */
export function idList(input: RequestInput, name = "ids"): string[] {
  const value = valueOf(input, name);
  if (!Array.isArray(value)) throw new BadInputError(name, "must be a list");
  if (value.length > LIMITS.ids) throw new BadInputError(name, `must have at most ${LIMITS.ids} items (got ${value.length})`);
  if (value.some((id) => typeof id !== "string" || id.length > LIMITS.text || CONTROL.test(id))) {
    throw new BadInputError(name, `items must be at most ${LIMITS.text} characters, with no control characters`);
  }
  return value as string[];
}

/** The relation filter of Entity.relations, Entity.neighbors and Entity.degree (`types`, `direction`, `ranks`). */
export const relationFilter = (input: RequestInput): WalkRequest & { ranks: readonly Rank[] } => ({
  relationTypes: relationTypes(input, "types"),
  direction: direction(input),
  ranks: ranks(input),
});
