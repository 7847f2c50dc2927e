/**
 * The API's `neighborhood` and `shortestPath` pushed down to the PostgreSQL
 * store (database/traversal: one indexed query per hop), for a service
 * loaded from it. Each call runs in one REPEATABLE READ snapshot that first
 * checks the store still holds the data version the service was loaded
 * from, so an answer always matches the graph served: when the store has
 * moved on (a change not yet swapped in) or cannot be reached, the call
 * answers undefined and the service answers from memory instead. Domain
 * errors (unknown id, bad option, budget) are the in-memory ones and pass
 * through.
 */
import type pg from "pg";
import { BadInputError, BudgetExceededError, NotFoundError } from "../errors.js";
import { neighborhood, shortestPath } from "../database/traversal/index.js";
import type { Queryable } from "../database/traversal/index.js";
import { readDataVersion } from "../database/store.js";
import type { ExternalTraversals } from "./knowledge-service.js";

export interface DatabaseTraversalsOptions {
  readonly pool: pg.Pool;
  /** The data version the service was loaded from. */
  readonly version: number;
  /** Called when a call falls back to memory, with why. */
  readonly onFallback?: (reason: string) => void;
}

const isDomainError = (error: unknown) => error instanceof NotFoundError || error instanceof BadInputError || error instanceof BudgetExceededError;

export function databaseTraversals(options: DatabaseTraversalsOptions): ExternalTraversals {
  const inSnapshot = async <T>(work: (db: Queryable) => Promise<T>): Promise<T | undefined> => {
    let client: pg.PoolClient | undefined;
    let broken = false;
    try {
      client = await options.pool.connect();
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const { version } = await readDataVersion(client);
      if (version !== options.version) {
        options.onFallback?.(`the store is at data version ${version}, the graph served at ${options.version}`);
        return undefined;
      }
      return await work(client);
    } catch (error) {
      if (isDomainError(error)) throw error;
      broken = true;
      options.onFallback?.(`the store could not answer (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    } finally {
      if (client) {
        if (!broken) await client.query("COMMIT").catch(() => (broken = true));
        client.release(broken);
      }
    }
  };
  return {
    name: "database",
    neighborhood: (id, walk) => inSnapshot((db) => neighborhood(db, id, walk)),
    shortestPath: (from, to, walk) => inSnapshot((db) => shortestPath(db, from, to, walk)),
  };
}
