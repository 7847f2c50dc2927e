/**
 * `db import` and `db export`: a data directory into the store, in one
 * transaction that replaces what was there (only when asked) and bumps the
 * data version, so that every replica reloads; and the store back out as a
 * data directory that validates and equals the imported one record for
 * record.
 */
import type pg from "pg";
import type { KnowledgeBase } from "../loading/validate.js";
import { DatabaseError } from "./connection.js";
import { requireCurrentSchema } from "./migrate.js";
import { clearDataSet, isEmpty, readDataSet, readDataVersion, writeDataSet } from "./store.js";
import type { DataSet } from "./store.js";
import { validateDataSet } from "./data-directory.js";
import { inReadSnapshot, inWriteTransaction } from "./transaction.js";

export interface ImportOptions {
  /** Replace a store that already holds data (by default that is refused). */
  readonly replace?: boolean;
  /** What the data version's change says ("import of data/"). */
  readonly change: string;
}

export interface ImportResult {
  readonly version: number;
  readonly counts: { sources: number; entities: number; relations: number; locations: number };
  readonly replaced: boolean;
}

export async function importDataSet(client: pg.ClientBase, data: DataSet, options: ImportOptions): Promise<ImportResult> {
  await requireCurrentSchema(client, "the database");
  return inWriteTransaction(client, async () => {
    const empty = await isEmpty(client);
    if (!empty && !options.replace) throw new DatabaseError("the database already holds data: give --replace to replace all of it with this import (nothing was changed)");
    if (!empty) await clearDataSet(client);
    await writeDataSet(client, data);
    const bumped = await client.query<{ version: string }>("SELECT bump_data_version($1) AS version", [options.change]);
    return {
      version: Number(bumped.rows[0]!.version),
      counts: { sources: data.sources.length, entities: data.entities.length, relations: data.relations.length, locations: data.locations.length },
      replaced: !empty,
    };
  });
}

export interface StoredData {
  readonly data: DataSet;
  readonly version: number;
}

/** The data set and its version, from one snapshot. */
export async function readStore(client: pg.ClientBase): Promise<StoredData> {
  await requireCurrentSchema(client, "the database");
  return inReadSnapshot(client, async () => {
    const { version } = await readDataVersion(client);
    return { data: await readDataSet(client), version };
  });
}

/** The store's knowledge base, validated as the loader validates files (DataValidationError otherwise). */
export async function loadFromStore(client: pg.ClientBase): Promise<{ knowledgeBase: KnowledgeBase; version: number }> {
  const { data, version } = await readStore(client);
  return { knowledgeBase: validateDataSet(data), version };
}
