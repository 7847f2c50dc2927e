/**
 * What merging a reviewed draft into a data directory changes, decided
 * before anything is written: which draft records match records the data
 * already has (and so become corroborating evidence), and which are added.
 *
 * The rules:
 * - a source document matches one with the same id (and, where both record
 *   one, the same SHA-256), or one with the same SHA-256: the same text;
 * - an entity matches one of the same kind with the same id, or whose name,
 *   aliases or name variants share a normalised name with the draft's name or
 *   aliases (model/names.ts); an event or statement matched by name must
 *   also fall on overlapping dates. An event with a new id also matches one
 *   of the same `eventType` whose dates overlap (a day within the precision
 *   of both) that occurred at the same place (an `OCCURRED_AT` target, after
 *   mapping matched entities);
 * - a relation matches one with the same type, source and target (after
 *   mapping matched entities; DISPUTES also by the account it names);
 * - the claims of a matched entity are merged account by account: a draft
 *   account from the same source (the same label, attribution or attributed
 *   entities) and measure and scope as an existing account, every claim of
 *   which states a figure of that account (measure, qualifier, count),
 *   corroborates those claims (one entry per further document; never the
 *   claim's own document); any other account is added as a separate account,
 *   under a label of its own.
 * A matched record gains the draft's evidence entries that cite a passage
 * it does not already cite (see samePassage), and a matched entity the names the
 * draft gives it that it lacks, as aliases. Everything else is added, with
 * `status` removed; ids that clash are given a suffix and every reference
 * remapped. Records in the files `npm run geocode` writes are never edited.
 */
import { normaliseName } from "../../model/names.js";
import { parsePartialDate } from "../../model/dates.js";
import type { Claim, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../../model/records.js";
import { normaliseForEvidence } from "../../loading/evidence-text.js";
import type { DataProblem } from "../../loading/problems.js";

/** A record of the data directory and where it is: its file (relative to the data directory) and its index in that file's list. */
export interface DataRecord<T> {
  readonly record: T;
  readonly file: string;
  readonly index: number;
}

export interface DataSet {
  readonly sources: readonly DataRecord<SourceDocument>[];
  readonly entities: readonly DataRecord<EntityRecord>[];
  readonly relations: readonly DataRecord<RelationRecord>[];
  /** Files that `npm run geocode` writes (relative to the data directory): their records are never edited. */
  readonly generatedFiles: ReadonlySet<string>;
}

/** A record of the draft, with its place in the draft (`entities.3`). */
export interface DraftRecord<T> {
  readonly record: T;
  readonly index: number;
}

export interface DraftSet {
  /** The draft file, as problems name it. */
  readonly file: string;
  readonly sources: readonly DraftRecord<SourceDocument>[];
  readonly entities: readonly DraftRecord<EntityRecord>[];
  readonly relations: readonly DraftRecord<RelationRecord>[];
  /** The document the drafter says the text is (`draft.document` in the notes), if any. */
  readonly document?: string | undefined;
  /** A name for new files when nothing else gives one (the draft file's name). */
  readonly fallbackName: string;
}

/** What is added to one record the data already has. */
export interface RecordEdit {
  readonly group: "entities" | "relations";
  readonly file: string;
  readonly index: number;
  readonly id: string;
  readonly evidence: Evidence[];
  readonly aliases: string[];
  /** Corroboration entries by the index of the existing claim they corroborate. */
  readonly corroborations: Map<number, Evidence[]>;
  /** New claims (new accounts), appended to the entity's claims. */
  readonly claims: Claim[];
}

export interface Match {
  readonly group: "sources" | "entities" | "relations";
  /** The draft's id and place (`entities.3`). */
  readonly draftId: string;
  readonly draftField: string;
  readonly id: string;
  /** Why: "id", "name", "SHA-256", "type, date and place", "type, source and target". */
  readonly by: string;
}

export interface Rename {
  readonly group: "sources" | "relations" | "accounts";
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

export interface MergePlan {
  readonly edits: RecordEdit[];
  readonly added: { sources: SourceDocument[]; entities: EntityRecord[]; relations: RelationRecord[] };
  /** Where added records go, relative to the data directory. */
  readonly files: { readonly sources: string; readonly entities: string; readonly relations: string };
  /** The source document new files are named after. */
  readonly document: string;
  readonly matches: Match[];
  readonly renames: Rename[];
  /** For each added record: where it was in the draft (`entities.3`), by `group:id`. */
  readonly origins: Map<string, string>;
  /** Evidence entries (and claim statements) the data already had, so not added. */
  readonly alreadyPresent: number;
  /** Things a curator should look at, which do not stop the merge. */
  readonly warnings: string[];
  /** Places and bases added: `npm run geocode` gives them a location and a country. */
  readonly awaitingGeocoding: string[];
  /** Why the merge cannot go ahead; empty when it can. */
  readonly problems: DataProblem[];
}

const DATED_KINDS = new Set(["Event", "Statement"]);
/**
 * Kinds a drafter's guess may confuse: a group guessed an organisation, a
 * base guessed a place. A draft entity whose name only an entity of another
 * kind of its family has is that entity (its kind in the data is kept).
 */
const KIND_FAMILIES: ReadonlyArray<ReadonlySet<string>> = [new Set(["Militia", "UmbrellaGroup", "PoliticalBloc", "Organization", "MediaSource"]), new Set(["Place", "Base"])];
const sameFamily = (a: string, b: string) => a === b || KIND_FAMILIES.some((family) => family.has(a) && family.has(b));

/** Whether two ISO dates or intervals (data files' `date.value`) may refer to a common day. */
export function datesOverlap(a: string, b: string): boolean {
  const x = parsePartialDate(a);
  const y = parsePartialDate(b);
  if (typeof x === "string" || typeof y === "string") return false;
  return (x.earliest ?? "0000") <= (y.latest ?? "9999") && (y.earliest ?? "0000") <= (x.latest ?? "9999");
}

const dateOf = (entity: EntityRecord): string | undefined => ("date" in entity ? entity.date.value : undefined);

/** Every name an entity goes by, normalised: its name, aliases and name variants. */
export function namesOf(entity: EntityRecord): Set<string> {
  return new Set([entity.name, ...(entity.aliases ?? []), ...(entity.variants ?? []).map((v) => v.name)].map(normaliseName).filter((n) => n !== ""));
}

/**
 * Whether two evidence entries cite the same passage: the same document, and
 * positions that overlap or (where either has none) one excerpt within the
 * other, compared as the evidence check compares them. A sentence quoted
 * whole where the data quotes a phrase of it adds nothing.
 */
export function samePassage(a: Evidence, b: Evidence): boolean {
  if (a.document !== b.document) return false;
  if (a.position && b.position) return a.position.start < b.position.end && b.position.start < a.position.end;
  const x = normaliseForEvidence(a.excerpt);
  const y = normaliseForEvidence(b.excerpt);
  return x.includes(y) || y.includes(x);
}

/** Appends to `queue` each entry of `entries` whose passage neither `have` nor `queue` cites; returns how many were left out. */
function appendNew(entries: readonly Evidence[], have: readonly Evidence[], queue: Evidence[]): number {
  let left = 0;
  for (const entry of entries) {
    if ([...have, ...queue].some((e) => samePassage(e, entry))) left++;
    else queue.push(entry);
  }
  return left;
}

/** `base`, or `base-2`, `base-3`, ... : the first not in `taken`. */
function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function withoutStatus<T extends { status?: unknown }>(record: T): T {
  const copy = { ...record };
  delete copy.status;
  return copy;
}

const sameSet = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a !== undefined && b !== undefined && a.length > 0 && a.length === b.length && a.every((x) => b.includes(x));

/** The file name added records go to: the document's id, never a file `npm run geocode` writes. */
function fileName(document: string, group: "entities" | "relations", generated: ReadonlySet<string>): string {
  const name = `${group}/${document}.yaml`;
  return generated.has(name) ? `${group}/${document}-merged.yaml` : name;
}

export function planMerge(data: DataSet, draft: DraftSet): MergePlan {
  const problems: DataProblem[] = [];
  const problem = (id: string, field: string, message: string) => problems.push({ file: draft.file, id, field, message });
  const matches: Match[] = [];
  const renames: Rename[] = [];
  const warnings: string[] = [];
  const origins = new Map<string, string>();
  const awaitingGeocoding: string[] = [];
  const added = { sources: [] as SourceDocument[], entities: [] as EntityRecord[], relations: [] as RelationRecord[] };
  let alreadyPresent = 0;

  const edits = new Map<string, RecordEdit>();
  const editOf = (group: "entities" | "relations", target: DataRecord<{ id: string }>): RecordEdit => {
    const key = `${target.file}#${target.index}`;
    let edit = edits.get(key);
    if (!edit) {
      edit = { group, file: target.file, index: target.index, id: target.record.id, evidence: [], aliases: [], corroborations: new Map(), claims: [] };
      edits.set(key, edit);
    }
    return edit;
  };

  // Source documents.
  const documentMap = new Map<string, string>();
  const sourceIds = new Set(data.sources.map((s) => s.record.id));
  for (const { record, index } of draft.sources) {
    const byId = data.sources.find((s) => s.record.id === record.id);
    const bySha = record.sha256 === undefined ? undefined : data.sources.find((s) => s.record.sha256 === record.sha256);
    const sameText = byId !== undefined && (record.sha256 === undefined || byId.record.sha256 === undefined || byId.record.sha256 === record.sha256);
    const match = sameText ? byId : bySha;
    if (match) {
      documentMap.set(record.id, match.record.id);
      matches.push({ group: "sources", draftId: record.id, draftField: `sources.${index}`, id: match.record.id, by: match === byId ? "id" : "SHA-256" });
      continue;
    }
    const id = freeId(record.id, sourceIds);
    if (id !== record.id) renames.push({ group: "sources", from: record.id, to: id, why: `the data has a document "${record.id}" with another text (SHA-256)` });
    sourceIds.add(id);
    documentMap.set(record.id, id);
    added.sources.push({ ...withoutStatus(record), id });
    origins.set(`sources:${id}`, `sources.${index}`);
  }
  const documentOf = (id: string) => documentMap.get(id) ?? id;

  // Entities: which match, which are added (and under which id).
  const existingById = new Map(data.entities.map((e) => [e.record.id, e]));
  const byName = new Map<string, DataRecord<EntityRecord>[]>();
  for (const entity of data.entities) {
    for (const name of namesOf(entity.record)) byName.set(name, [...(byName.get(name) ?? []), entity]);
  }
  const entityMatch = new Map<string, DataRecord<EntityRecord>>();
  const generatedMatch = (d: DraftRecord<EntityRecord>, target: DataRecord<EntityRecord>) => {
    if (!data.generatedFiles.has(target.file)) return false;
    problem(d.record.id, "-", `matches "${target.record.id}", which \`npm run geocode\` writes (${target.file}): curate it in a file of its own first, or delete this record from the draft`);
    return true;
  };
  const nameCandidates = (entity: EntityRecord) => {
    const found = new Set<DataRecord<EntityRecord>>();
    for (const name of [entity.name, ...(entity.aliases ?? [])].map(normaliseName)) for (const e of byName.get(name) ?? []) found.add(e);
    return [...found];
  };
  const accept = (d: DraftRecord<EntityRecord>, target: DataRecord<EntityRecord>, by: string) => {
    if (generatedMatch(d, target)) return;
    if (target.record.kind !== d.record.kind) warnings.push(`${d.record.id} (${d.record.kind} "${d.record.name}") is ${target.record.id} (by ${by}), a ${target.record.kind} in the data: its kind there is kept`);
    entityMatch.set(d.record.id, target);
    matches.push({ group: "entities", draftId: d.record.id, draftField: `entities.${d.index}`, id: target.record.id, by });
  };
  const dated: DraftRecord<EntityRecord>[] = [];
  for (const d of draft.entities) {
    const same = existingById.get(d.record.id);
    if (same) {
      accept(d, same, "id");
      continue;
    }
    if (DATED_KINDS.has(d.record.kind)) {
      dated.push(d);
      continue;
    }
    const candidates = nameCandidates(d.record);
    const sameKind = candidates.filter((e) => e.record.kind === d.record.kind);
    const kin = candidates.filter((e) => sameFamily(e.record.kind, d.record.kind));
    if (sameKind.length === 1) accept(d, sameKind[0]!, "name");
    else if (sameKind.length === 0 && kin.length === 1) accept(d, kin[0]!, "name");
    else if (sameKind.length > 1) problem(d.record.id, "name", `matches ${sameKind.length} ${d.record.kind} entities of the data by name (${sameKind.map((e) => e.record.id).join(", ")}): give it the id of the one it is, or a name that tells them apart`);
    else if (candidates.length > 0) warnings.push(`${d.record.id} (${d.record.kind} "${d.record.name}") is added beside ${candidates.map((e) => `${e.record.id} (${e.record.kind})`).join(", ")}, which has its name: check they are different entities`);
  }
  const mapEntity = (id: string) => entityMatch.get(id)?.record.id ?? id;
  // An event's places: the targets of its OCCURRED_AT relations, in the data or (mapped) in the draft.
  const placesInData = new Map<string, Set<string>>();
  for (const { record } of data.relations) {
    if (record.type === "OCCURRED_AT") placesInData.set(record.source, new Set([...(placesInData.get(record.source) ?? []), record.target]));
  }
  for (const d of dated) {
    const date = dateOf(d.record)!;
    const sameKind = data.entities.filter((e) => e.record.kind === d.record.kind && datesOverlap(dateOf(e.record)!, date));
    const byNames = nameCandidates(d.record).filter((e) => sameKind.includes(e));
    if (byNames.length === 1) {
      accept(d, byNames[0]!, "name and date");
      continue;
    }
    if (byNames.length > 1) {
      problem(d.record.id, "name", `matches ${byNames.length} ${d.record.kind} records of the data by name and date (${byNames.map((e) => e.record.id).join(", ")}): give it the id of the one it is`);
      continue;
    }
    if (d.record.kind !== "Event") continue;
    const eventType = d.record.eventType;
    const sameType = sameKind.filter((e) => e.record.kind === "Event" && e.record.eventType === eventType);
    const places = new Set(draft.relations.filter((r) => r.record.type === "OCCURRED_AT" && r.record.source === d.record.id).map((r) => mapEntity(r.record.target)));
    if (places.size === 0) {
      if (sameType.length > 0) warnings.push(`${d.record.id} (${eventType}, ${date}) is added: it has no OCCURRED_AT to compare with ${sameType.map((e) => e.record.id).join(", ")} (the same type, overlapping dates); if it is the same event, give it that id`);
      continue;
    }
    const samePlace = sameType.filter((e) => [...(placesInData.get(e.record.id) ?? [])].some((p) => places.has(p)));
    if (samePlace.length === 1) accept(d, samePlace[0]!, "type, date and place");
    else if (samePlace.length > 1) problem(d.record.id, "-", `matches ${samePlace.length} events of the data by type, date and place (${samePlace.map((e) => e.record.id).join(", ")}): give it the id of the one it is`);
  }

  // An added entity keeps its id: an id the data has is a match (and two draft records of one id are refused before).
  const entityOf = (id: string) => entityMatch.get(id)?.record.id ?? id;
  const remap = (e: Evidence): Evidence => {
    const copy: Evidence = { ...e, document: documentOf(e.document) };
    if (e.attributedTo) copy.attributedTo = [...new Set(e.attributedTo.map(entityOf))];
    return copy;
  };
  const remapClaim = (c: Claim): Claim => {
    const copy = withoutStatus({ ...c, evidence: remap(c.evidence) });
    if (c.corroboration) copy.corroboration = c.corroboration.map(remap);
    return copy;
  };

  // Entities: evidence, names and claims of matched ones; the others added.
  /** Account labels of the draft, by the final entity id and the draft's label: the label they have after the merge. */
  const accountMap = new Map<string, string>();
  const addedEntities = new Map<string, EntityRecord>();
  for (const d of draft.entities) {
    const target = entityMatch.get(d.record.id);
    if (!target) {
      const id = d.record.id;
      const record = { ...withoutStatus(d.record), id, evidence: d.record.evidence.map(remap) } as EntityRecord;
      if (d.record.claims) record.claims = d.record.claims.map(remapClaim);
      added.entities.push(record);
      addedEntities.set(id, record);
      origins.set(`entities:${id}`, `entities.${d.index}`);
      if (record.kind === "Place" || record.kind === "Base") awaitingGeocoding.push(id);
      for (const claim of record.claims ?? []) accountMap.set(`${id}|${claim.account}`, claim.account);
      continue;
    }
    const edit = editOf("entities", target);
    const existing = target.record;
    alreadyPresent += appendNew(d.record.evidence.map(remap), existing.evidence, edit.evidence);
    // Names the draft gives it become aliases; an event's or a statement's name is a label, not a name a source uses.
    const names = new Set([...namesOf(existing), ...edit.aliases.map(normaliseName)]);
    for (const name of DATED_KINDS.has(existing.kind) ? [] : [d.record.name, ...(d.record.aliases ?? [])]) {
      if (names.has(normaliseName(name))) continue;
      edit.aliases.push(name);
      names.add(normaliseName(name));
    }
    mergeClaims(existing, edit, (d.record.claims ?? []).map(remapClaim));
  }

  function mergeClaims(existing: EntityRecord, edit: RecordEdit, claims: readonly Claim[]): void {
    const current = existing.claims ?? [];
    const labels = new Set([...current, ...edit.claims].map((c) => c.account));
    const accounts = new Map<string, Claim[]>();
    for (const claim of claims) accounts.set(claim.account, [...(accounts.get(claim.account) ?? []), claim]);
    for (const [label, group] of accounts) {
      const first = group[0]!;
      const sameSource = (x: Claim) =>
        x.measure === first.measure &&
        (first.scope === undefined || (x.scope !== undefined && normaliseName(x.scope) === normaliseName(first.scope))) &&
        (x.account === label || normaliseName(x.evidence.attribution) === normaliseName(first.evidence.attribution) || sameSet(x.evidence.attributedTo, first.evidence.attributedTo));
      // An existing account every draft claim of which states one of its figures.
      const existingAccounts = [...new Set(current.filter(sameSource).map((c) => c.account))];
      let pairs: Array<[Claim, number]> | null = null;
      for (const account of existingAccounts) {
        const free = current.map((c, i) => [c, i] as const).filter(([c]) => c.account === account);
        const found: Array<[Claim, number]> = [];
        for (const claim of group) {
          const at = free.findIndex(([c]) => c.measure === claim.measure && c.qualifier === claim.qualifier && c.count === claim.count);
          if (at < 0) break;
          found.push([claim, free[at]![1]]);
          free.splice(at, 1);
        }
        if (found.length === group.length) {
          pairs = found;
          accountMap.set(`${existing.id}|${label}`, account);
          break;
        }
      }
      if (pairs) {
        for (const [claim, index] of pairs) {
          const target = current[index]!;
          const queued = edit.corroborations.get(index) ?? [];
          const cited = new Set([target.evidence.document, ...(target.corroboration ?? []).map((e) => e.document), ...queued.map((e) => e.document)]);
          for (const evidence of [claim.evidence, ...(claim.corroboration ?? [])]) {
            if (cited.has(evidence.document)) {
              alreadyPresent++;
              continue;
            }
            queued.push(evidence);
            cited.add(evidence.document);
          }
          if (queued.length > 0) edit.corroborations.set(index, queued);
        }
        continue;
      }
      const newLabel = freeId(label, labels);
      labels.add(newLabel);
      if (newLabel !== label) renames.push({ group: "accounts", from: `${existing.id}: ${label}`, to: newLabel, why: `${existing.id} has an account "${label}" with other figures or another source` });
      accountMap.set(`${existing.id}|${label}`, newLabel);
      edit.claims.push(...group.map((c) => ({ ...c, account: newLabel })));
      const scoped = current.filter((c) => c.measure === first.measure && c.scope !== undefined);
      if (first.scope === undefined && scoped.length > 0) warnings.push(`${existing.id}: the account ${newLabel} (${first.measure}) is added without a scope beside accounts that count within one (${[...new Set(scoped.map((c) => c.account))].join(", ")}): give it its scope, or it is an alternative to them all`);
    }
  }

  // Relations: matched ones gain evidence; the others are added.
  const relationKey = (r: RelationRecord) => `${r.type}|${r.source}|${r.target}${r.type === "DISPUTES" ? `|${r.account ?? ""}` : ""}`;
  type Holder = { readonly existing: DataRecord<RelationRecord> } | { readonly added: RelationRecord };
  const relationsByKey = new Map<string, Holder[]>();
  const generatedByKey = new Map<string, DataRecord<RelationRecord>>();
  for (const relation of data.relations) {
    const key = relationKey(relation.record);
    if (data.generatedFiles.has(relation.file)) generatedByKey.set(key, relation);
    else relationsByKey.set(key, [...(relationsByKey.get(key) ?? []), { existing: relation }]);
  }
  const relationIds = new Set([...data.relations.map((r) => r.record.id)]);
  const reserved = new Set(draft.relations.map((r) => r.record.id));
  for (const d of draft.relations) {
    const source = entityOf(d.record.source);
    const target = entityOf(d.record.target);
    const mapped: RelationRecord = { ...withoutStatus(d.record), source, target, evidence: d.record.evidence.map(remap) };
    if (d.record.account !== undefined) mapped.account = accountMap.get(`${target}|${d.record.account}`) ?? d.record.account;
    const key = relationKey(mapped);
    const holders = relationsByKey.get(key);
    if (holders) {
      const role = (h: Holder) => ("existing" in h ? h.existing.record.role : h.added.role);
      const holder = holders.find((h) => mapped.role !== undefined && role(h) !== undefined && normaliseName(role(h)!) === normaliseName(mapped.role)) ?? holders[0]!;
      if ("existing" in holder) alreadyPresent += appendNew(mapped.evidence, holder.existing.record.evidence, editOf("relations", holder.existing).evidence);
      else alreadyPresent += appendNew(mapped.evidence, [], holder.added.evidence);
      matches.push({ group: "relations", draftId: d.record.id, draftField: `relations.${d.index}`, id: "existing" in holder ? holder.existing.record.id : holder.added.id, by: "type, source and target" });
      continue;
    }
    reserved.delete(d.record.id);
    const id = freeId(d.record.id, new Set([...relationIds, ...reserved]));
    if (id !== d.record.id) renames.push({ group: "relations", from: d.record.id, to: id, why: relationIds.has(d.record.id) ? `the data has a relation "${d.record.id}" joining other entities` : "the draft has two relations of this id" });
    relationIds.add(id);
    const record = { ...mapped, id };
    added.relations.push(record);
    origins.set(`relations:${id}`, `relations.${d.index}`);
    relationsByKey.set(key, [{ added: record }]);
    const supplied = generatedByKey.get(key);
    if (supplied) warnings.push(`${id} states what ${supplied.record.id} (${supplied.file}) takes from the gazetteer: run \`npm run geocode\`, which leaves out a gazetteer fact the data states`);
  }

  const document = draft.sources[0] ? documentOf(draft.sources[0].record.id) : draft.document !== undefined ? documentOf(draft.document) : mostCited(draft) ?? draft.fallbackName;
  return {
    edits: [...edits.values()].filter((e) => e.evidence.length + e.aliases.length + e.corroborations.size + e.claims.length > 0),
    added,
    files: { sources: "sources.yaml", entities: fileName(document, "entities", data.generatedFiles), relations: fileName(document, "relations", data.generatedFiles) },
    document,
    matches,
    renames,
    origins,
    alreadyPresent,
    warnings,
    awaitingGeocoding,
    problems,
  };
}

/** The document the draft's evidence cites most. */
function mostCited(draft: DraftSet): string | undefined {
  const counts = new Map<string, number>();
  for (const { record } of [...draft.entities, ...draft.relations]) for (const e of record.evidence) counts.set(e.document, (counts.get(e.document) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
