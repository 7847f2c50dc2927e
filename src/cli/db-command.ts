/**
 * `db migrate|import|export|status`: the PostgreSQL store (docs/operations.md).
 * The database is the one DATABASE_URL names; its password is never printed.
 * Exit codes: 0 done, 1 refused (invalid data, a store that already holds
 * data without --replace, an unreachable or unmigrated database), 2 bad usage.
 */
import { resolve } from "node:path";
import type pg from "pg";
import { DataValidationError, formatProblem } from "../loading/problems.js";
import { databaseUrlFromEnvironment, describeDatabase, explainDatabaseError, openClient } from "../database/connection.js";
import { checkExportTarget, dataSetOf, validateDataSet, writeDataDirectory } from "../database/data-directory.js";
import { importDataSet, readStore } from "../database/import-export.js";
import { expectedMigrations, migrate, schemaStatus } from "../database/migrate.js";
import { readDataVersion } from "../database/store.js";
import type { DataSet } from "../database/store.js";
import { EXIT, UsageError } from "./usage.js";
import type { Output } from "./usage.js";

export const DB_SUBCOMMANDS = { migrate: 0, import: 0, export: 1, status: 0 } as const;
export type DbSubcommand = keyof typeof DB_SUBCOMMANDS;

export interface DbOptions {
  readonly subcommand: DbSubcommand;
  /** For export: the directory to write. */
  readonly target?: string | undefined;
  /** For import: the data directory to load. */
  readonly dataDir: string;
  readonly replace: boolean;
}

/** DATABASE_URL, or a usage error saying how to give it. */
export function requireDatabaseUrl(command: string): string {
  const url = databaseUrlFromEnvironment();
  if (url === undefined) throw new UsageError(`${command} needs DATABASE_URL, e.g. DATABASE_URL=postgresql://user:password@localhost:5432/conflict_graph (docs/operations.md)`);
  return url;
}

/** Connects, runs `work`, and always disconnects; database errors become one clear line. */
export async function withDatabase(url: string, out: Output, work: (client: pg.Client) => Promise<number>): Promise<number> {
  let client: pg.Client | undefined;
  try {
    client = openClient(url, "conflict-graph cli");
    await client.connect();
    return await work(client);
  } catch (error) {
    if (error instanceof DataValidationError) {
      for (const problem of error.problems) out.error(formatProblem(problem));
      out.error(`\n${error.problems.length} problem(s); nothing was written.`);
      return EXIT.NOT_FOUND_OR_INVALID;
    }
    const explained = explainDatabaseError(error, url);
    out.error(`error: ${explained.message}`);
    return EXIT.NOT_FOUND_OR_INVALID;
  } finally {
    await client?.end().catch(() => {});
  }
}

export async function runDb(options: DbOptions, out: Output): Promise<number> {
  const url = requireDatabaseUrl(`db ${options.subcommand}`);
  const where = describeDatabase(url);
  if (options.subcommand === "export") {
    const refusal = checkExportTarget(resolve(options.target!));
    if (refusal !== null) throw new UsageError(`db export: ${refusal}`);
  }
  let data: DataSet | undefined;
  if (options.subcommand === "import") {
    // Validate before connecting: invalid data never reaches the database.
    try {
      data = dataSetOf(options.dataDir);
    } catch (error) {
      if (!(error instanceof DataValidationError)) throw error;
      for (const problem of error.problems) out.error(formatProblem(problem));
      out.error(`\nNot imported: ${error.problems.length} problem(s) in ${options.dataDir}. Nothing was written.`);
      return EXIT.NOT_FOUND_OR_INVALID;
    }
  }
  return withDatabase(url, out, async (client) => {
    switch (options.subcommand) {
      case "migrate": {
        const run = await migrate(client);
        out.log(run.applied.length === 0 ? `${where}: the schema is current (${expectedMigrations().length} migration(s)); nothing to do.` : `${where}: applied ${run.applied.join(", ")}.`);
        return EXIT.OK;
      }
      case "import": {
        const started = performance.now();
        const result = await importDataSet(client, data!, { replace: options.replace, change: `import of ${options.dataDir}` });
        const { sources, entities, relations, locations } = result.counts;
        out.log(`${result.replaced ? "Replaced the data of" : "Imported into"} ${where}: ${sources} source documents, ${entities} entities, ${relations} relations, ${locations} locations, in ${Math.round(performance.now() - started)} ms. Data version ${result.version}.`);
        return EXIT.OK;
      }
      case "export": {
        const stored = await readStore(client);
        validateDataSet(stored.data);
        const files = writeDataDirectory(stored.data, options.target!);
        out.log(`Exported data version ${stored.version} of ${where} to ${options.target}: ${files.length} files, ${stored.data.entities.length} entities, ${stored.data.relations.length} relations.`);
        return EXIT.OK;
      }
      case "status": {
        const status = await schemaStatus(client);
        if (status.state !== "current") {
          const detail = status.state === "behind" ? `: pending ${status.pending.join(", ")}` : status.state === "ahead" ? `: unknown migrations ${status.unknown.join(", ")}` : "";
          out.log(`${where}: schema ${status.state}${detail}; run \`conflict-graph db migrate\``);
          return EXIT.NOT_FOUND_OR_INVALID;
        }
        const version = await readDataVersion(client);
        const counts = (await client.query<{ entities: string; relations: string; sources: string }>("SELECT (SELECT count(*) FROM entity) AS entities, (SELECT count(*) FROM relation) AS relations, (SELECT count(*) FROM source_document) AS sources")).rows[0]!;
        out.log(`${where}: schema current; data version ${version.version} (${version.change}, ${version.changedAt.toISOString()}); ${counts.sources} source documents, ${counts.entities} entities, ${counts.relations} relations.`);
        return EXIT.OK;
      }
    }
  });
}
