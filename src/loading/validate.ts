/**
 * Validates raw records into a knowledge base: each record against its schema,
 * then the records against each other (unique ids, references that resolve,
 * relations joining kinds their type allows). Returns every problem found.
 */
import { normaliseName } from "../model/names.js";
import type { z } from "zod";
import { countriesWithin, liesInCountries } from "../model/containment.js";
import { ENTITY_KINDS, describeSignatures, relationAllows } from "../model/ontology.js";
import type { EntityKind, RelationType } from "../model/ontology.js";
import { EntitySchema, LocationSchema, RelationSchema, SourceDocumentSchema } from "../model/records.js";
import type { EntityRecord, Evidence, LocationRecord, RelationRecord, SourceDocument } from "../model/records.js";
import { DocumentText, normaliseForEvidence } from "./evidence-text.js";
import { PROPOSED_MESSAGE, isProposed, proposedFields } from "./proposed.js";
import type { DataProblem } from "./problems.js";
import type { RawData, RawRecord, RecordGroup } from "./read-files.js";

export interface KnowledgeBase {
  readonly sources: readonly SourceDocument[];
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
  /** Coordinates (or why there are none) of places and bases. */
  readonly locations: readonly LocationRecord[];
}

export type ValidationResult = { ok: true; knowledgeBase: KnowledgeBase } | { ok: false; problems: DataProblem[] };

/** Every evidence entry of a record, with the dotted path of the field that holds it. */
export function evidenceOf(record: EntityRecord | RelationRecord): Array<{ field: string; evidence: Evidence }> {
  const found = record.evidence.map((evidence, i) => ({ field: `evidence.${i}`, evidence }));
  if ("claims" in record && record.claims) {
    record.claims.forEach((claim, i) => {
      found.push({ field: `claims.${i}.evidence`, evidence: claim.evidence });
      claim.corroboration?.forEach((evidence, j) => found.push({ field: `claims.${i}.corroboration.${j}`, evidence }));
    });
  }
  return found;
}

/** The claims of one entity that share an account must share its measure, attribution and scope. */
/** A variant is a name the sources do not use: it must differ from the name, every alias and every other variant. */
function checkVariants(entity: EntityRecord, report: (field: string, message: string) => void): void {
  const taken = new Map<string, string>([[normaliseName(entity.name), "the name"]]);
  (entity.aliases ?? []).forEach((alias, i) => taken.set(normaliseName(alias), `aliases.${i}`));
  (entity.variants ?? []).forEach((variant, i) => {
    const key = normaliseName(variant.name);
    const clash = taken.get(key);
    if (clash !== undefined) report(`variants.${i}.name`, `"${variant.name}" is already ${clash.startsWith("aliases") ? `alias ${clash}` : clash} once case, accents and punctuation are ignored`);
    else taken.set(key, `variants.${i}`);
  });
}

function checkAccounts(entity: EntityRecord, report: (field: string, message: string) => void): void {
  const first = new Map<string, { index: number; measure: string; attribution: string; scope: string | undefined }>();
  entity.claims?.forEach((claim, index) => {
    const seen = first.get(claim.account);
    if (!seen) {
      first.set(claim.account, { index, measure: claim.measure, attribution: claim.evidence.attribution, scope: claim.scope });
      return;
    }
    if (claim.measure !== seen.measure) {
      report(`claims.${index}.measure`, `account "${claim.account}" mixes measures: ${claim.measure} here, ${seen.measure} at claims.${seen.index}; an account counts one measure`);
    }
    if (claim.evidence.attribution !== seen.attribution) {
      report(`claims.${index}.evidence.attribution`, `account "${claim.account}" mixes sources: "${claim.evidence.attribution}" here, "${seen.attribution}" at claims.${seen.index}; an account is one source's version`);
    }
    if (claim.scope !== seen.scope) report(`claims.${index}.scope`, `account "${claim.account}" mixes scopes; every claim of an account counts within one scope`);
  });
}

const SCHEMAS: Record<RecordGroup, z.ZodType> = {
  sources: SourceDocumentSchema,
  entities: EntitySchema,
  relations: RelationSchema,
  locations: LocationSchema,
};

const GROUP_NOUN: Record<RecordGroup, string> = { sources: "source document", entities: "entity", relations: "relation", locations: "location" };

interface Located<T> {
  readonly raw: RawRecord;
  readonly id: string;
  readonly value: T;
}

function displayId(raw: RawRecord): string {
  const value = raw.value as { id?: unknown; entity?: unknown } | null;
  const key = raw.group === "locations" ? value?.entity : value?.id;
  return value && typeof value === "object" && typeof key === "string" && key !== "" ? key : `#${raw.index}`;
}

export interface ValidationOptions {
  /** Full texts of source documents by document id: every excerpt citing one of them must occur in it. */
  readonly sourceTexts?: ReadonlyMap<string, string>;
  /**
   * Accept records marked `status: proposed` (a draft being validated). By
   * default each is a problem, so that served data never holds one. Proposed
   * places and bases are also spared the checks only `npm run geocode` can
   * satisfy after a merge (a location record, a country).
   */
  readonly allowProposed?: boolean;
  /**
   * Places and bases just merged from a reviewed draft (`conflict-graph
   * merge`): spared, like proposed ones, the location and country checks
   * that only `npm run geocode` can satisfy (a draft holds no locations).
   */
  readonly awaitingGeocoding?: ReadonlySet<string>;
}

/** Validates a knowledge base held in memory (generated data, say) exactly as one read from files; `file` names it in problems. */
export function validateKnowledgeBase(kb: KnowledgeBase, file = "in-memory"): ValidationResult {
  const records = [
    ...kb.sources.map((value, index) => ({ group: "sources" as const, file, index, value })),
    ...kb.entities.map((value, index) => ({ group: "entities" as const, file, index, value })),
    ...kb.relations.map((value, index) => ({ group: "relations" as const, file, index, value })),
    ...kb.locations.map((value, index) => ({ group: "locations" as const, file, index, value })),
  ];
  return validateRecords({ records, problems: [], files: [file], unreadable: new Set() });
}

export function validateRecords(raw: RawData, options: ValidationOptions = {}): ValidationResult {
  const normalisedTexts = new Map([...(options.sourceTexts ?? [])].map(([id, text]) => [id, normaliseForEvidence(text)]));
  const positionedTexts = new Map([...(options.sourceTexts ?? [])].map(([id, text]) => [id, new DocumentText(text)]));
  const problems: DataProblem[] = [...raw.problems];
  const report = (r: RawRecord, field: string, message: string) =>
    problems.push({ file: r.file, id: displayId(r), field, message });

  // Ids are collected from every record, valid or not, so that one broken
  // record does not also surface as dangling references elsewhere.
  const knownIds: Record<RecordGroup, Map<string, RawRecord>> = {
    sources: new Map(),
    entities: new Map(),
    relations: new Map(),
    locations: new Map(),
  };
  const entityKinds = new Map<string, EntityKind>();
  const valid: Record<RecordGroup, Located<unknown>[]> = { sources: [], entities: [], relations: [], locations: [] };

  for (const r of raw.records) {
    if (typeof r.value !== "object" || r.value === null || Array.isArray(r.value)) {
      report(r, "-", `must be a mapping (a ${GROUP_NOUN[r.group]} record)`);
      continue;
    }
    const id = displayId(r);
    if (!id.startsWith("#")) {
      const first = knownIds[r.group].get(id);
      if (first) report(r, "id", `duplicate ${GROUP_NOUN[r.group]} id (first defined in ${first.file})`);
      else knownIds[r.group].set(id, r);
    }
    const kind = (r.value as { kind?: unknown }).kind;
    if (r.group === "entities") {
      if (typeof kind === "string" && (ENTITY_KINDS as readonly string[]).includes(kind)) {
        entityKinds.set(id, kind as EntityKind);
      } else {
        report(r, "kind", `unknown entity kind ${JSON.stringify(kind)}; expected one of ${ENTITY_KINDS.join(", ")}`);
        continue;
      }
    }
    const parsed = SCHEMAS[r.group].safeParse(r.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        report(r, issue.path.length > 0 ? issue.path.join(".") : "-", issue.message);
      }
      continue;
    }
    if (!options.allowProposed) {
      for (const field of proposedFields(parsed.data as { status?: string })) report(r, field, PROPOSED_MESSAGE);
    }
    valid[r.group].push({ raw: r, id, value: parsed.data });
  }

  const documentKinds = new Map((valid.sources as Located<SourceDocument>[]).map(({ id, value }) => [id, value.kind ?? "ARTICLE"]));
  const checkDocument = (r: RawRecord, field: string, evidence: Evidence) => {
    if (!raw.unreadable.has("sources") && !knownIds.sources.has(evidence.document)) {
      report(r, `${field}.document`, `unknown source document "${evidence.document}"`);
    }
    const kind = documentKinds.get(evidence.document);
    if (kind === "GAZETTEER" && evidence.attribution === "the article") {
      report(r, `${field}.attribution`, `"${evidence.document}" is a gazetteer, not the article: attribute the fact to the gazetteer`);
    }
    if (field === "coordinates.evidence" && kind === "ARTICLE") {
      report(r, `${field}.document`, `coordinates come from a gazetteer, not from an article ("${evidence.document}")`);
    }
    const sourceText = normalisedTexts.get(evidence.document);
    if (sourceText !== undefined && !sourceText.includes(normaliseForEvidence(evidence.excerpt))) {
      report(r, `${field}.excerpt`, `does not occur verbatim in source document "${evidence.document}"`);
    } else if (sourceText !== undefined) {
      const text = positionedTexts.get(evidence.document)!;
      if (evidence.position === undefined) {
        const found = text.locate(evidence.excerpt);
        report(r, `${field}.position`, `is missing: the excerpt is at ${found ? `{start: ${found.start}, end: ${found.end}}` : "no position"} in "${evidence.document}" (npm run positions writes it)`);
      } else if (!text.holdsAt(evidence.excerpt, evidence.position)) {
        const found = text.locate(evidence.excerpt);
        report(r, `${field}.position`, `{start: ${evidence.position.start}, end: ${evidence.position.end}} does not hold the excerpt in "${evidence.document}"${found ? `; it is at {start: ${found.start}, end: ${found.end}}` : ""}`);
      }
    }
    evidence.attributedTo?.forEach((entityId, i) => {
      if (!raw.unreadable.has("entities") && !knownIds.entities.has(entityId)) report(r, `${field}.attributedTo.${i}`, `unknown entity "${entityId}"`);
    });
  };

  for (const { raw: r, value } of valid.entities as Located<EntityRecord>[]) {
    for (const { field, evidence } of evidenceOf(value)) checkDocument(r, field, evidence);
    value.claims?.forEach((claim, i) => {
      const cited = new Set([claim.evidence.document]);
      claim.corroboration?.forEach((evidence, j) => {
        if (cited.has(evidence.document)) report(r, `claims.${i}.corroboration.${j}.document`, `"${evidence.document}" is already this claim's source: corroboration is one entry per further document`);
        cited.add(evidence.document);
      });
    });
    checkAccounts(value, (field, message) => report(r, field, message));
    checkVariants(value, (field, message) => report(r, field, message));
    const awaitsGeocoding = (options.allowProposed === true && isProposed(value)) || options.awaitingGeocoding?.has(value.id) === true;
    if ((value.kind === "Place" || value.kind === "Base") && !awaitsGeocoding && !raw.unreadable.has("locations") && !knownIds.locations.has(value.id)) {
      report(r, "-", "has no location in data/geography/ (coordinates from the gazetteer, or why there are none): run `npm run geocode`");
    }
  }
  for (const { raw: r, value } of valid.locations as Located<LocationRecord>[]) {
    const kind = entityKinds.get(value.entity);
    if (kind !== "Place" && kind !== "Base") report(r, "entity", kind ? `is a ${kind}; only places and bases have locations` : `unknown entity "${value.entity}"`);
    if (value.coordinates) checkDocument(r, "coordinates.evidence", value.coordinates.evidence);
    const via = value.coordinates?.via;
    if (via !== undefined && !raw.unreadable.has("entities") && !knownIds.entities.has(via)) report(r, "coordinates.via", `unknown entity "${via}"`);
  }
  const accountsOf = new Map((valid.entities as Located<EntityRecord>[]).map(({ id, value }) => [id, new Set((value.claims ?? []).map((c) => c.account))]));

  for (const { raw: r, value } of valid.relations as Located<RelationRecord>[]) {
    for (const { field, evidence } of evidenceOf(value)) checkDocument(r, field, evidence);
    const sourceKind = entityKinds.get(value.source);
    const targetKind = entityKinds.get(value.target);
    if (!raw.unreadable.has("entities")) {
      if (!knownIds.entities.has(value.source)) report(r, "source", `unknown entity "${value.source}"`);
      if (!knownIds.entities.has(value.target)) report(r, "target", `unknown entity "${value.target}"`);
    }
    if (value.source === value.target) report(r, "target", "a relation must join two different entities");
    if (value.account !== undefined && accountsOf.has(value.target) && !accountsOf.get(value.target)!.has(value.account)) {
      report(r, "account", `"${value.target}" has no claims in an account "${value.account}"`);
    }
    if (sourceKind && targetKind && !relationAllows(value.type, sourceKind, targetKind)) {
      report(
        r,
        "type",
        `${value.type} may not join ${sourceKind} -> ${targetKind}; it allows ${describeSignatures(value.type as RelationType)}`,
      );
    }
  }

  if (!raw.unreadable.has("entities") && !raw.unreadable.has("relations")) {
    const awaitsGeocoding = (entity: EntityRecord) => (options.allowProposed === true && isProposed(entity)) || options.awaitingGeocoding?.has(entity.id) === true;
    checkCountries(valid.entities as Located<EntityRecord>[], valid.relations as Located<RelationRecord>[], awaitsGeocoding, report);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    knowledgeBase: {
      sources: valid.sources.map((v) => v.value as SourceDocument),
      entities: valid.entities.map((v) => v.value as EntityRecord),
      relations: valid.relations.map((v) => v.value as RelationRecord),
      locations: valid.locations.map((v) => v.value as LocationRecord),
    },
  };
}

/**
 * Every place and base lies in a country: it is one (or a transnational
 * region, which overlaps countries rather than lying in one), or a chain of
 * LOCATED_IN relations (not deprecated) leads from it to one.
 */
function checkCountries(
  entities: Located<EntityRecord>[],
  relations: Located<RelationRecord>[],
  exempt: (entity: EntityRecord) => boolean,
  report: (r: RawRecord, field: string, message: string) => void,
): void {
  const countriesOf = countriesWithin(
    entities.map((e) => e.value),
    relations.map((r) => r.value),
  );
  for (const { raw: r, id, value } of entities) {
    if (liesInCountries(value) && !exempt(value) && countriesOf(id).length === 0) {
      report(r, "-", "lies in no country: add a LOCATED_IN chain to a COUNTRY place (from the article, or from a gazetteer: `npm run geocode`)");
    }
  }
}
