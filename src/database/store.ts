/**
 * The data set as the database holds it: every record with its place in a
 * data directory, and each file's opening comment. `writeDataSet` inserts
 * one in batches (one JSON parameter per batch, unpacked by
 * json_to_recordset, so no statement grows with the data), `readDataSet`
 * reads it back in the order a data directory's files give, and
 * `clearDataSet` empties the tables. Callers own the transaction.
 */
import type pg from "pg";
import type { EntityRecord, LocationRecord, RelationRecord, SourceDocument } from "../model/records.js";
import { entityFrom, entityRows, locationFrom, locationRows, relationFrom, relationRows, sourceFrom, sourceRow } from "./rows.js";
import type { Placed, Row } from "./rows.js";

export interface DataFile {
  /** Relative to the data directory: `sources.yaml`, `entities/events.yaml`. */
  readonly path: string;
  /** The comment that opens the file, without its `#` marks. */
  readonly comment: string | null;
}

export interface DataSet {
  readonly files: readonly DataFile[];
  readonly sources: readonly Placed<SourceDocument>[];
  readonly entities: readonly Placed<EntityRecord>[];
  readonly relations: readonly Placed<RelationRecord>[];
  readonly locations: readonly Placed<LocationRecord>[];
}

/** Each table's columns and their types, in insertion order (parents before children). */
const TABLES = {
  data_file: { path: "text", comment: "text" },
  source_document: {
    id: "text", kind: "text", title: "text", publisher: "text", version: "text", licence: "text", url: "text",
    covers_value: "text", covers_as_written: "text", covers_year_inferred: "text",
    published_value: "text", published_as_written: "text", published_year_inferred: "text",
    publication_notes: "text[]", sha256: "text", status: "text", file: "text", position: "integer",
  },
  entity: { id: "text", kind: "text", name: "text", description: "text", subtype: "text", date_value: "text", date_as_written: "text", date_year_inferred: "text", status: "text", file: "text", position: "integer" },
  entity_alias: { entity: "text", position: "integer", name: "text" },
  entity_variant: { entity: "text", position: "integer", name: "text", type: "text", note: "text" },
  account: { entity: "text", id: "text" },
  claim: { entity: "text", position: "integer", measure: "text", qualifier: "text", count: "integer", subject: "text", account: "text", scope: "text", note: "text", rank: "text", rank_reason: "text", status: "text" },
  relation: {
    id: "text", type: "text", source: "text", source_kind: "text", target: "text", target_kind: "text",
    date_value: "text", date_as_written: "text", date_year_inferred: "text", role: "text", account: "text", note: "text",
    rank: "text", rank_reason: "text", status: "text", file: "text", position: "integer",
  },
  location: { entity: "text", entity_kind: "text", latitude: "double precision", longitude: "double precision", precision: "text", via: "text", note: "text", unresolved: "text", file: "text", position: "integer" },
  evidence: {
    role: "text", entity: "text", relation: "text", claim_position: "integer", location: "text", position: "integer",
    document: "text", excerpt: "text", attribution: "text", attributed_to: "text[]", start_offset: "integer", end_offset: "integer",
  },
} as const;

export type TableName = keyof typeof TABLES;
export const DATA_TABLES = Object.keys(TABLES) as TableName[];

/** Rows per INSERT: a JSON parameter of a few megabytes at most. */
const BATCH_ROWS = 5000;

/** Inserts `rows` into `table`, in batches. */
export async function insertRows(client: pg.ClientBase, table: TableName, rows: readonly Row[]): Promise<void> {
  const columns = Object.entries(TABLES[table]);
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const definition = columns.map(([name, type]) => `"${name}" ${type}`).join(", ");
  const sql = `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS row(${definition})`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await client.query(sql, [JSON.stringify(rows.slice(start, start + BATCH_ROWS))]);
  }
}

/** The rows of a data set, table by table. */
export function rowsOf(data: DataSet): Record<TableName, Row[]> {
  const rows = Object.fromEntries(DATA_TABLES.map((table) => [table, [] as Row[]])) as Record<TableName, Row[]>;
  rows.data_file = data.files.map((file) => ({ path: file.path, comment: file.comment }));
  rows.source_document = data.sources.map(sourceRow);
  const kinds = new Map(data.entities.map(({ record }) => [record.id, record.kind]));
  const kindOf = (id: string) => kinds.get(id);
  for (const placed of data.entities) {
    const parts = entityRows(placed);
    rows.entity.push(parts.entity);
    rows.entity_alias.push(...parts.aliases);
    rows.entity_variant.push(...parts.variants);
    rows.account.push(...parts.accounts);
    rows.claim.push(...parts.claims);
    rows.evidence.push(...parts.evidence);
  }
  for (const placed of data.relations) {
    const parts = relationRows(placed, kindOf);
    rows.relation.push(parts.relation);
    rows.evidence.push(...parts.evidence);
  }
  for (const placed of data.locations) {
    const parts = locationRows(placed, kindOf);
    rows.location.push(parts.location);
    rows.evidence.push(...parts.evidence);
  }
  return rows;
}

export async function writeDataSet(client: pg.ClientBase, data: DataSet): Promise<void> {
  const rows = rowsOf(data);
  for (const table of DATA_TABLES) await insertRows(client, table, rows[table]);
}

export async function clearDataSet(client: pg.ClientBase): Promise<void> {
  await client.query(`TRUNCATE ${DATA_TABLES.join(", ")}`);
}

/** Whether the store holds any record. */
export async function isEmpty(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM source_document) OR EXISTS (SELECT 1 FROM entity) OR EXISTS (SELECT 1 FROM data_file) AS any");
  return !result.rows[0]!.any;
}

/** JavaScript's string order (UTF-16 code units), which the data directory's file listing uses. */
const byFile = (a: Row, b: Row) => {
  const fa = a["file"] as string;
  const fb = b["file"] as string;
  return fa < fb ? -1 : fa > fb ? 1 : (a["position"] as number) - (b["position"] as number);
};

/** Groups rows by `key`, keeping their order. */
function groupBy(rows: readonly Row[], key: string): Map<unknown, Row[]> {
  const groups = new Map<unknown, Row[]>();
  for (const row of rows) {
    const value = row[key];
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

/** The whole data set, records in data-directory order. Run it in one REPEATABLE READ transaction for a consistent snapshot. */
export async function readDataSet(client: pg.ClientBase): Promise<DataSet> {
  const all = async (sql: string) => (await client.query<Row>(sql)).rows;
  const files = await all("SELECT path, comment FROM data_file ORDER BY path");
  const sourceRows = (await all("SELECT * FROM source_document")).sort(byFile);
  const entityRowsRead = (await all("SELECT * FROM entity")).sort(byFile);
  const aliases = groupBy(await all("SELECT entity, name FROM entity_alias ORDER BY entity, position"), "entity");
  const variants = groupBy(await all("SELECT entity, name, type, note FROM entity_variant ORDER BY entity, position"), "entity");
  const claims = groupBy(await all("SELECT * FROM claim ORDER BY entity, position"), "entity");
  const evidenceColumns = "role, entity, relation, claim_position, location, document, excerpt, attribution, attributed_to, start_offset, end_offset";
  const entityEvidence = groupBy(await all(`SELECT ${evidenceColumns} FROM evidence WHERE entity IS NOT NULL ORDER BY entity, claim_position NULLS FIRST, role DESC, position`), "entity");
  const relationEvidence = groupBy(await all(`SELECT ${evidenceColumns} FROM evidence WHERE relation IS NOT NULL ORDER BY relation, position`), "relation");
  const coordinateEvidence = groupBy(await all(`SELECT ${evidenceColumns} FROM evidence WHERE location IS NOT NULL`), "location");
  const relationRowsRead = (await all("SELECT * FROM relation")).sort(byFile);
  const locationRowsRead = (await all("SELECT * FROM location")).sort(byFile);
  const placed = <T>(row: Row, record: T): Placed<T> => ({ record, file: row["file"] as string, position: row["position"] as number });
  return {
    files: files.map((row) => ({ path: row["path"] as string, comment: (row["comment"] as string | null) ?? null })),
    sources: sourceRows.map((row) => placed(row, sourceFrom(row))),
    entities: entityRowsRead.map((row) => {
      const id = row["id"];
      return placed(row, entityFrom(row, { aliases: aliases.get(id) ?? [], variants: variants.get(id) ?? [], claims: claims.get(id) ?? [], evidence: entityEvidence.get(id) ?? [] }));
    }),
    relations: relationRowsRead.map((row) => placed(row, relationFrom(row, relationEvidence.get(row["id"]) ?? []))),
    locations: locationRowsRead.map((row) => placed(row, locationFrom(row, coordinateEvidence.get(row["entity"])?.[0]))),
  };
}

/** The data version and when it last changed. */
export async function readDataVersion(client: pg.ClientBase): Promise<{ version: number; changedAt: Date; change: string }> {
  const row = (await client.query<{ version: string; changed_at: Date; change: string }>("SELECT version, changed_at, change FROM data_version")).rows[0]!;
  return { version: Number(row.version), changedAt: row.changed_at, change: row.change };
}
