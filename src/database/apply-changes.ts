/**
 * Writes the difference between two data sets into the store, record by
 * record: added records are inserted, changed ones rewritten (an entity's
 * row is updated in place and its aliases, variants, accounts, claims and
 * evidence replaced, so that rows that refer to the entity, such as its
 * location, stay), and removed ones deleted. Unchanged records are not
 * touched. The caller owns the transaction; the deferred constraints are
 * checked when it commits.
 */
import { isDeepStrictEqual } from "node:util";
import type pg from "pg";
import { entityRows, locationRows, relationRows, sourceRow } from "./rows.js";
import type { Placed, Row } from "./rows.js";
import { insertRows } from "./store.js";
import type { DataSet } from "./store.js";

export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
}

const keyOf = (group: string, record: unknown) => `${group}:${(record as { id?: string; entity?: string }).id ?? (record as { entity: string }).entity}`;

function differences<T>(group: string, before: readonly Placed<T>[], after: readonly Placed<T>[]) {
  const old = new Map(before.map((p) => [keyOf(group, p.record), p]));
  const added: Placed<T>[] = [];
  const changed: Placed<T>[] = [];
  const seen = new Set<string>();
  for (const placed of after) {
    const key = keyOf(group, placed.record);
    seen.add(key);
    const previous = old.get(key);
    if (previous === undefined) added.push(placed);
    else if (previous.file !== placed.file || previous.position !== placed.position || !isDeepStrictEqual(previous.record, placed.record)) changed.push(placed);
  }
  const removed = before.filter((p) => !seen.has(keyOf(group, p.record)));
  return { added, changed, removed };
}

const ids = (placed: readonly Placed<unknown>[], field = "id") => placed.map((p) => (p.record as Record<string, string>)[field]!);

export async function applyChanges(client: pg.ClientBase, before: DataSet, after: DataSet): Promise<ChangeCounts> {
  const counts: ChangeCounts = { added: 0, changed: 0, removed: 0 };
  const tally = (d: { added: unknown[]; changed: unknown[]; removed: unknown[] }) => {
    counts.added += d.added.length;
    counts.changed += d.changed.length;
    counts.removed += d.removed.length;
  };
  const kinds = new Map(after.entities.map(({ record }) => [record.id, record.kind]));
  const kindOf = (id: string) => kinds.get(id);

  const knownFiles = new Set(before.files.map((f) => f.path));
  const newFiles = after.files.filter((f) => !knownFiles.has(f.path));
  await insertRows(client, "data_file", newFiles.map((f) => ({ path: f.path, comment: f.comment })));

  const sources = differences("sources", before.sources, after.sources);
  const entities = differences("entities", before.entities, after.entities);
  const relations = differences("relations", before.relations, after.relations);
  const locations = differences("locations", before.locations, after.locations);
  [sources, entities, relations, locations].forEach(tally);

  // Removals, and the rows that are rewritten whole.
  await client.query("DELETE FROM location WHERE entity = ANY($1)", [[...ids(locations.removed, "entity"), ...ids(locations.changed, "entity")]]);
  await client.query("DELETE FROM relation WHERE id = ANY($1)", [[...ids(relations.removed), ...ids(relations.changed)]]);
  const rewrittenEntities = ids(entities.changed);
  for (const table of ["evidence", "claim", "account", "entity_variant", "entity_alias"]) {
    await client.query(`DELETE FROM ${table} WHERE entity = ANY($1)`, [rewrittenEntities]);
  }
  await client.query("DELETE FROM entity WHERE id = ANY($1)", [ids(entities.removed)]);
  await client.query("DELETE FROM source_document WHERE id = ANY($1)", [ids(sources.removed)]);

  // Sources and entities changed in place.
  for (const placed of sources.changed) await updateRow(client, "source_document", "id", sourceRow(placed));
  const children: Record<"entity_alias" | "entity_variant" | "account" | "claim" | "evidence", Row[]> = { entity_alias: [], entity_variant: [], account: [], claim: [], evidence: [] };
  for (const placed of entities.changed) {
    const parts = entityRows(placed);
    await updateRow(client, "entity", "id", parts.entity);
    children.entity_alias.push(...parts.aliases);
    children.entity_variant.push(...parts.variants);
    children.account.push(...parts.accounts);
    children.claim.push(...parts.claims);
    children.evidence.push(...parts.evidence);
  }

  // Inserts, parents first.
  await insertRows(client, "source_document", sources.added.map(sourceRow));
  const entityInserts: Row[] = [];
  for (const placed of entities.added) {
    const parts = entityRows(placed);
    entityInserts.push(parts.entity);
    children.entity_alias.push(...parts.aliases);
    children.entity_variant.push(...parts.variants);
    children.account.push(...parts.accounts);
    children.claim.push(...parts.claims);
    children.evidence.push(...parts.evidence);
  }
  await insertRows(client, "entity", entityInserts);
  for (const table of ["entity_alias", "entity_variant", "account", "claim"] as const) await insertRows(client, table, children[table]);
  const relationInserts = [...relations.changed, ...relations.added].map((placed) => relationRows(placed, kindOf));
  await insertRows(client, "relation", relationInserts.map((r) => r.relation));
  const locationInserts = [...locations.changed, ...locations.added].map((placed) => locationRows(placed, kindOf));
  await insertRows(client, "location", locationInserts.map((l) => l.location));
  await insertRows(client, "evidence", [...children.evidence, ...relationInserts.flatMap((r) => r.evidence), ...locationInserts.flatMap((l) => l.evidence)]);
  return counts;
}

async function updateRow(client: pg.ClientBase, table: string, key: string, row: Row): Promise<void> {
  const columns = Object.keys(row).filter((column) => column !== key);
  const assignments = columns.map((column, i) => `"${column}" = $${i + 2}`).join(", ");
  await client.query(`UPDATE ${table} SET ${assignments} WHERE "${key}" = $1`, [row[key], ...columns.map((column) => row[column])]);
}
