/**
 * Applies a merge plan to the text of the data files, through the yaml
 * package's Document API, so that every record the merge does not touch keeps
 * its exact bytes (comments, quoting, blank lines). A file is edited only if
 * it reads back to the same text unchanged (every data file does); new
 * records and entries are written in the style of data/: ids and enum values
 * plain, other text double-quoted, `position` and `attributedTo` on one line,
 * a blank line between records.
 */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, visit } from "yaml";
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import type { Claim, EntityRecord, Evidence, LocationRecord, RelationRecord, SourceDocument } from "../../model/records.js";
import type { MergePlan, RecordEdit } from "./plan.js";

/** The options that write the data files back exactly as they were read. */
export const WRITE_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** One file the merge writes: its text before (null: a new file) and after. */
export interface FileChange {
  /** Relative to the data directory. */
  readonly file: string;
  readonly before: string | null;
  readonly after: string;
}

/** A file that cannot be edited without changing bytes the merge does not mean to change. */
export class UneditableFileError extends Error {
  override readonly name = "UneditableFileError";
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
  }
}

/** Fields whose values are ids or enum names: written plain where YAML reads them back as the same string. */
const PLAIN_FIELDS = new Set([
  "id", "kind", "type", "source", "target", "document", "attributedTo", "account", "entity", "via", "measure", "qualifier", "rank",
  "eventType", "organizationType", "facilityType", "placeType", "mediaType", "instrumentType", "statementType", "precision",
]);
const FLOW_FIELDS = new Set(["position", "attributedTo"]);
const PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;

/** Key order of the data files' records. */
const ORDER = {
  evidence: ["document", "excerpt", "attribution", "attributedTo", "position"],
  entity: ["id", "kind", "name", "aliases", "variants", "description", "organizationType", "facilityType", "placeType", "mediaType", "instrumentType", "statementType", "eventType", "date", "evidence", "claims"],
  relation: ["id", "type", "source", "target", "date", "role", "account", "note", "rank", "rankReason", "evidence"],
  claim: ["measure", "qualifier", "count", "subject", "account", "scope", "note", "rank", "rankReason", "evidence", "corroboration"],
  source: ["id", "kind", "title", "publisher", "version", "licence", "url", "covers", "published", "publicationNotes", "sha256"],
  location: ["entity", "coordinates", "unresolved"],
  coordinates: ["latitude", "longitude", "precision", "via", "note", "evidence"],
} as const;

function ordered<T extends object>(value: T, order: readonly string[]): T {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(entries.sort((a, b) => rank(a[0]) - rank(b[0]))) as T;
}

const orderEvidence = (e: Evidence) => ordered(e, ORDER.evidence);
const orderClaim = (c: Claim): Claim => {
  const claim = { ...c, evidence: orderEvidence(c.evidence) };
  if (c.corroboration) claim.corroboration = c.corroboration.map(orderEvidence);
  return ordered(claim, ORDER.claim);
};
const orderEntity = (e: EntityRecord): EntityRecord => {
  const entity = { ...e, evidence: e.evidence.map(orderEvidence) } as EntityRecord;
  if (e.claims) entity.claims = e.claims.map(orderClaim);
  return ordered(entity, ORDER.entity);
};
const orderRelation = (r: RelationRecord): RelationRecord => ordered({ ...r, evidence: r.evidence.map(orderEvidence) }, ORDER.relation);
const orderSource = (s: SourceDocument): SourceDocument => ordered(s, ORDER.source);
const orderLocation = (l: LocationRecord): LocationRecord =>
  ordered(l.coordinates ? { ...l, coordinates: ordered({ ...l.coordinates, evidence: orderEvidence(l.coordinates.evidence) }, ORDER.coordinates) } : l, ORDER.location);

/** A node for `value` in the style of the data files. */
function styled(doc: Document, value: unknown): Node {
  const node = doc.createNode(value, { aliasDuplicateObjects: false }) as Node;
  visit(node, {
    Pair(_key, pair) {
      const field = isScalar(pair.key) ? String(pair.key.value) : "";
      if (FLOW_FIELDS.has(field) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
    },
    Scalar(key, scalar, path) {
      if (key === "key" || typeof scalar.value !== "string") return;
      const field = fieldOf(path);
      scalar.type = field !== undefined && PLAIN_FIELDS.has(field) && PLAIN_SAFE.test(scalar.value) && !YAML_WORDS.test(scalar.value) ? "PLAIN" : "QUOTE_DOUBLE";
    },
  });
  return node;
}

/** The key of the nearest pair above a scalar (for a list item, the list's key). */
function fieldOf(path: readonly unknown[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i];
    if (isPair(step)) return isScalar(step.key) ? String(step.key.value) : undefined;
  }
  return undefined;
}

/** Appends a record to a file's list, with a blank line before it where the list's last record has one (the writer puts one after a header comment). */
function append(list: YAMLSeq, item: Node): void {
  const last = list.items[list.items.length - 1] as Node | undefined;
  item.spaceBefore = last !== undefined && (last.spaceBefore === true || list.items.length === 1);
  list.items.push(item);
}

/** Sets `key` to `value` in a map, placed after the first of `after` the map has (else at the end). */
function insertAfter(doc: Document, map: YAMLMap, key: string, value: Node, after: readonly string[]): void {
  const pair = doc.createPair(key, value) as Pair;
  const anchor = after.map((k) => map.items.findIndex((p) => isScalar(p.key) && p.key.value === k)).find((i) => i >= 0);
  if (anchor === undefined) map.items.push(pair);
  else map.items.splice(anchor + 1, 0, pair);
}

function listAt(doc: Document, map: YAMLMap, key: string, after: readonly string[]): YAMLSeq {
  const found = map.get(key, true);
  if (isSeq(found)) {
    if (found.flow && found.items.length === 0) found.flow = false;
    return found;
  }
  const list = doc.createNode([]) as YAMLSeq;
  insertAfter(doc, map, key, list, after);
  return list;
}

function applyEdit(doc: Document, file: string, edit: RecordEdit): void {
  const root = doc.contents;
  const record = isSeq(root) ? root.items[edit.index] : undefined;
  if (!isMap(record) || record.get("id") !== edit.id) throw new UneditableFileError(file, `record ${edit.index + 1} is not "${edit.id}" any more: the file changed while the merge read it`);
  if (edit.aliases.length > 0) {
    const aliases = listAt(doc, record, "aliases", ["name"]);
    for (const alias of edit.aliases) {
      const scalar = doc.createNode(alias) as Scalar;
      scalar.type = "QUOTE_DOUBLE";
      aliases.items.push(scalar);
    }
  }
  const evidence = listAt(doc, record, "evidence", ["description", "note"]);
  for (const entry of edit.evidence) evidence.items.push(styled(doc, orderEvidence(entry)));
  for (const [index, entries] of edit.corroborations) {
    const claim = record.getIn(["claims", index], true);
    if (!isMap(claim)) throw new UneditableFileError(file, `"${edit.id}" has no claim ${index}`);
    const list = listAt(doc, claim, "corroboration", ["evidence"]);
    for (const entry of entries) list.items.push(styled(doc, orderEvidence(entry)));
  }
  if (edit.claims.length > 0) {
    const claims = listAt(doc, record, "claims", ["evidence"]);
    for (const claim of edit.claims) claims.items.push(styled(doc, orderClaim(claim)));
  }
}

/** Parses a data file for editing; refuses one the writer would not give back byte for byte. */
function editable(file: string, text: string): Document {
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0) throw new UneditableFileError(file, `is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  const written = doc.toString(WRITE_OPTIONS);
  if (written !== text) {
    const lines = text.split("\n");
    const other = written.split("\n");
    const at = lines.findIndex((line, i) => line !== other[i]);
    throw new UneditableFileError(file, `the YAML writer would change bytes the merge does not touch, from line ${at + 1} (${JSON.stringify(lines[at] ?? "")} would be written ${JSON.stringify(other[at] ?? "")}): lay the file out as data/ files are (one space before a comment, ...), or add the draft's records by hand`);
  }
  if (doc.contents === null) doc.contents = doc.createNode([]) as YAMLSeq;
  if (!isSeq(doc.contents)) throw new UneditableFileError(file, "is not a YAML list of records");
  if (doc.contents.flow && doc.contents.items.length === 0) doc.contents.flow = false;
  return doc;
}

const HEADERS = {
  entities: (document: string) => `Entities first stated by the source document "${document}" (see sources.yaml), merged from a reviewed draft by \`conflict-graph merge\`.`,
  relations: (document: string) => `Relations first stated by the source document "${document}" (see sources.yaml), merged from a reviewed draft by \`conflict-graph merge\`.`,
};

/**
 * The new text of every file the plan changes: `read(file)` gives a file's
 * current text (null when it does not exist). Files with no change are left out.
 */
export function editFiles(plan: MergePlan, read: (file: string) => string | null): FileChange[] {
  const docs = new Map<string, { before: string | null; doc: Document }>();
  const open = (file: string, header?: string): Document => {
    const known = docs.get(file);
    if (known) return known.doc;
    const before = read(file);
    let doc: Document;
    if (before === null) {
      doc = new Document([]);
      (doc.contents as YAMLSeq).flow = false;
      if (header !== undefined) doc.commentBefore = ` ${header}`;
    } else doc = editable(file, before);
    docs.set(file, { before, doc });
    return doc;
  };
  for (const edit of plan.edits) {
    const doc = open(edit.file);
    applyEdit(doc, edit.file, edit);
  }
  const add = (file: string, records: readonly object[], header?: string) => {
    if (records.length === 0) return;
    const doc = open(file, header);
    for (const record of records) append(doc.contents as YAMLSeq, styled(doc, record));
  };
  add(plan.files.sources, plan.added.sources.map(orderSource));
  add(plan.files.entities, plan.added.entities.map(orderEntity), HEADERS.entities(plan.document));
  add(plan.files.relations, plan.added.relations.map(orderRelation), HEADERS.relations(plan.document));
  return [...docs].map(([file, { before, doc }]) => ({ file, before, after: doc.toString(WRITE_OPTIONS) }));
}

/** Records of one group, in order. */
export type GroupRecords =
  | { readonly group: "sources"; readonly records: readonly SourceDocument[] }
  | { readonly group: "entities"; readonly records: readonly EntityRecord[] }
  | { readonly group: "relations"; readonly records: readonly RelationRecord[] }
  | { readonly group: "locations"; readonly records: readonly LocationRecord[] };

/**
 * A whole data file's text in the style of data/ (the style `merge` writes):
 * `comment` (without `#` marks) first, then the records, a blank line between
 * them. `editFiles` accepts the text as it is.
 */
export function writeDataFile(content: GroupRecords, comment: string | null): string {
  const doc = new Document([]);
  (doc.contents as YAMLSeq).flow = false;
  if (comment !== null) doc.commentBefore = comment;
  const order = (record: object): object => {
    switch (content.group) {
      case "sources":
        return orderSource(record as SourceDocument);
      case "entities":
        return orderEntity(record as EntityRecord);
      case "relations":
        return orderRelation(record as RelationRecord);
      default:
        return orderLocation(record as LocationRecord);
    }
  };
  const list = doc.contents as YAMLSeq;
  for (const record of content.records) {
    const node = styled(doc, order(record));
    node.spaceBefore = list.items.length > 0;
    list.items.push(node);
  }
  return doc.toString(WRITE_OPTIONS);
}
