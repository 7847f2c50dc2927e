/**
 * The database schema, applied with node-pg-migrate from the SQL migrations
 * in schema/postgres/migrations (one transaction for all pending ones, under
 * node-pg-migrate's advisory lock). `schemaStatus` tells a reader or writer
 * whether the schema it expects is there, so that each command can say
 * "run conflict-graph db migrate" instead of failing on a missing table.
 */
import { readdirSync } from "node:fs";
import { runner } from "node-pg-migrate";
import type pg from "pg";
import { MIGRATIONS_DIR } from "../paths.js";
import { DatabaseError } from "./connection.js";

export const MIGRATIONS_TABLE = "pgmigrations";

/** The migrations this version of the code expects, in order (names without `.sql`). */
export function expectedMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => name.replace(/\.sql$/, ""));
}

export interface MigrationRun {
  /** The migrations applied (or, going down, undone) by this run. */
  readonly applied: string[];
}

/** Applies every pending migration (or undoes the last `count` when `direction` is down). */
export async function migrate(client: pg.Client, direction: "up" | "down" = "up", count?: number): Promise<MigrationRun> {
  const runs = await runner({
    dbClient: client,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction,
    ...(count === undefined ? {} : { count }),
    singleTransaction: true,
    checkOrder: true,
    log: () => {},
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  return { applied: runs.map((run) => run.name) };
}

export type SchemaStatus = { readonly state: "current" } | { readonly state: "missing" } | { readonly state: "behind"; readonly pending: string[] } | { readonly state: "ahead"; readonly unknown: string[] };

export async function schemaStatus(client: pg.ClientBase): Promise<SchemaStatus> {
  const table = await client.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [MIGRATIONS_TABLE]);
  if (!table.rows[0]?.present) return { state: "missing" };
  const applied = (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY run_on, id`)).rows.map((row) => row.name);
  const expected = expectedMigrations();
  const unknown = applied.filter((name) => !expected.includes(name));
  if (unknown.length > 0) return { state: "ahead", unknown };
  const pending = expected.filter((name) => !applied.includes(name));
  if (applied.length === 0) return { state: "missing" };
  return pending.length > 0 ? { state: "behind", pending } : { state: "current" };
}

/** Throws DatabaseError saying what to run unless the schema is the one this code expects. */
export async function requireCurrentSchema(client: pg.ClientBase, where: string): Promise<void> {
  const status = await schemaStatus(client);
  if (status.state === "current") return;
  if (status.state === "missing") throw new DatabaseError(`${where} has no conflict-graph schema: run \`conflict-graph db migrate\` first (as the database's owner)`);
  if (status.state === "behind") throw new DatabaseError(`${where} needs ${status.pending.length} migration(s) (${status.pending.join(", ")}): run \`conflict-graph db migrate\``);
  throw new DatabaseError(`${where} has migrations this version does not know (${status.unknown.join(", ")}): it was migrated by a newer conflict-graph; upgrade this one`);
}
