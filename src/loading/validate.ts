/**
 * Validates raw records into a knowledge base: each record against its schema,
 * then the records against each other (unique ids, references that resolve,
 * relations joining kinds their type allows). Returns every problem found.
 */
import type { z } from "zod";
import { ENTITY_KINDS, describeSignatures, relationAllows } from "../model/ontology.js";
import type { EntityKind, RelationType } from "../model/ontology.js";
import { EntitySchema, RelationSchema, SourceDocumentSchema } from "../model/records.js";
import type { EntityRecord, Evidence, RelationRecord, SourceDocument } from "../model/records.js";
import { normaliseForEvidence } from "./evidence-text.js";
import type { DataProblem } from "./problems.js";
import type { RawData, RawRecord, RecordGroup } from "./read-files.js";

export interface KnowledgeBase {
  readonly sources: readonly SourceDocument[];
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
}

export type ValidationResult = { ok: true; knowledgeBase: KnowledgeBase } | { ok: false; problems: DataProblem[] };

/** Every evidence entry of a record, with the dotted path of the field that holds it. */
export function evidenceOf(record: EntityRecord | RelationRecord): Array<{ field: string; evidence: Evidence }> {
  const found = record.evidence.map((evidence, i) => ({ field: `evidence.${i}`, evidence }));
  if ("claims" in record && record.claims) {
    record.claims.forEach((claim, i) => found.push({ field: `claims.${i}.evidence`, evidence: claim.evidence }));
  }
  return found;
}

const SCHEMAS: Record<RecordGroup, z.ZodType> = {
  sources: SourceDocumentSchema,
  entities: EntitySchema,
  relations: RelationSchema,
};

const GROUP_NOUN: Record<RecordGroup, string> = { sources: "source document", entities: "entity", relations: "relation" };

interface Located<T> {
  readonly raw: RawRecord;
  readonly id: string;
  readonly value: T;
}

function displayId(raw: RawRecord): string {
  const value = raw.value as { id?: unknown } | null;
  return value && typeof value === "object" && typeof value.id === "string" && value.id !== "" ? value.id : `#${raw.index}`;
}

export interface ValidationOptions {
  /** Full texts of source documents by document id: every excerpt citing one of them must occur in it. */
  readonly sourceTexts?: ReadonlyMap<string, string>;
}

/** Validates a knowledge base held in memory (generated data, say) exactly as one read from files; `file` names it in problems. */
export function validateKnowledgeBase(kb: KnowledgeBase, file = "in-memory"): ValidationResult {
  const records = [
    ...kb.sources.map((value, index) => ({ group: "sources" as const, file, index, value })),
    ...kb.entities.map((value, index) => ({ group: "entities" as const, file, index, value })),
    ...kb.relations.map((value, index) => ({ group: "relations" as const, file, index, value })),
  ];
  return validateRecords({ records, problems: [], files: [file], unreadable: new Set() });
}

export function validateRecords(raw: RawData, options: ValidationOptions = {}): ValidationResult {
  const normalisedTexts = new Map([...(options.sourceTexts ?? [])].map(([id, text]) => [id, normaliseForEvidence(text)]));
  const problems: DataProblem[] = [...raw.problems];
  const report = (r: RawRecord, field: string, message: string) =>
    problems.push({ file: r.file, id: displayId(r), field, message });

  // Ids are collected from every record, valid or not, so that one broken
  // record does not also surface as dangling references elsewhere.
  const knownIds: Record<RecordGroup, Map<string, RawRecord>> = {
    sources: new Map(),
    entities: new Map(),
    relations: new Map(),
  };
  const entityKinds = new Map<string, EntityKind>();
  const valid: Record<RecordGroup, Located<unknown>[]> = { sources: [], entities: [], relations: [] };

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
    valid[r.group].push({ raw: r, id, value: parsed.data });
  }

  const checkDocument = (r: RawRecord, field: string, evidence: Evidence) => {
    if (!raw.unreadable.has("sources") && !knownIds.sources.has(evidence.document)) {
      report(r, `${field}.document`, `unknown source document "${evidence.document}"`);
    }
    const sourceText = normalisedTexts.get(evidence.document);
    if (sourceText !== undefined && !sourceText.includes(normaliseForEvidence(evidence.excerpt))) {
      report(r, `${field}.excerpt`, `does not occur verbatim in source document "${evidence.document}"`);
    }
    evidence.attributedTo?.forEach((entityId, i) => {
      if (!raw.unreadable.has("entities") && !knownIds.entities.has(entityId)) report(r, `${field}.attributedTo.${i}`, `unknown entity "${entityId}"`);
    });
  };

  for (const { raw: r, value } of valid.entities as Located<EntityRecord>[]) {
    for (const { field, evidence } of evidenceOf(value)) checkDocument(r, field, evidence);
  }

  for (const { raw: r, value } of valid.relations as Located<RelationRecord>[]) {
    for (const { field, evidence } of evidenceOf(value)) checkDocument(r, field, evidence);
    const sourceKind = entityKinds.get(value.source);
    const targetKind = entityKinds.get(value.target);
    if (!raw.unreadable.has("entities")) {
      if (!knownIds.entities.has(value.source)) report(r, "source", `unknown entity "${value.source}"`);
      if (!knownIds.entities.has(value.target)) report(r, "target", `unknown entity "${value.target}"`);
    }
    if (value.source === value.target) report(r, "target", "a relation must join two different entities");
    if (sourceKind && targetKind && !relationAllows(value.type, sourceKind, targetKind)) {
      report(
        r,
        "type",
        `${value.type} may not join ${sourceKind} -> ${targetKind}; it allows ${describeSignatures(value.type as RelationType)}`,
      );
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    knowledgeBase: {
      sources: valid.sources.map((v) => v.value as SourceDocument),
      entities: valid.entities.map((v) => v.value as EntityRecord),
      relations: valid.relations.map((v) => v.value as RelationRecord),
    },
  };
}
