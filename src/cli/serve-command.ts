/**
 * `serve`: starts the GraphQL server on the given data (a data directory, or
 * with DATABASE_URL the PostgreSQL store, followed as it changes), prints the URL, and on
 * SIGTERM or SIGINT closes idle connections, gives requests in flight the
 * grace period to finish, closes what is left, and exits 0. Invalid
 * data exits 1 with every problem listed, before anything listens.
 */
import { startApp } from "../app.js";
import { openService } from "../service/open-service.js";
import { DataValidationError, formatProblem } from "../loading/problems.js";
import type { Output } from "./usage.js";

export interface ServeOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** After SIGTERM, how long requests in flight may take before every connection is closed. */
  readonly shutdownGraceMs: number;
  /** Origins browsers may call from; none by default. */
  readonly corsOrigins?: readonly string[];
  /** Cache-Control of GET answers. */
  readonly cacheControl?: string | undefined;
  /** Serve the PostgreSQL store this names (DATABASE_URL) instead of the data directory. */
  readonly databaseUrl?: string | undefined;
  /** Where the API's neighbourhoods and shortest paths run (with databaseUrl): memory (default) or the database. */
  readonly traversal?: "memory" | "database";
}

export async function runServe(options: ServeOptions, out: Output): Promise<number> {
  let app;
  const logError = (error: unknown) => out.error(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  try {
    if (options.databaseUrl !== undefined) {
      // From the database: listen at once, not ready until the first load (GET /ready), then follow every change.
      const { DatabaseSource } = await import("../service/database-source.js");
      const { DATABASE_LISTEN_URL_VARIABLE, databaseUrlFromEnvironment, describeDatabase, poolMax } = await import("../database/connection.js");
      const listenUrl = databaseUrlFromEnvironment(process.env, DATABASE_LISTEN_URL_VARIABLE);
      const source = new DatabaseSource({ url: options.databaseUrl, listenUrl, poolMax: poolMax(), log: (line) => out.log(line), traversal: options.traversal });
      out.log(`Loading the graph from ${describeDatabase(options.databaseUrl)} and following its changes (GET /ready answers 200 once it is served); shortest paths and neighbourhoods from ${options.traversal === "database" ? "the database" : "memory"}`);
      app = await startApp({ ...options, source, logError }).catch(async (error: unknown) => {
        await source.close();
        throw error;
      });
    } else {
      const service = await openService(options.dataDir);
      app = await startApp({ ...options, service, logError });
    }
  } catch (error) {
    if (error instanceof DataValidationError) {
      for (const problem of error.problems) out.error(formatProblem(problem));
      out.error(`\nNot serving: ${error.problems.length} problem(s) in ${options.dataDir}. Run \`npm run validate\` after fixing them.`);
      return 1;
    }
    if (error instanceof Error && error.name === "DatabaseError") {
      out.error(`error: ${error.message}`);
      return 1;
    }
    if (error instanceof Error && "code" in error && (error.code === "EADDRINUSE" || error.code === "EACCES")) {
      out.error(`error: cannot listen on ${options.host}:${options.port} (${error.code}); choose another port with --port or PORT`);
      return 1;
    }
    throw error;
  }
  const running = app;
  // The signal handlers come first: whoever reads the URL below may signal at once.
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      out.log(`${signal} received: finishing requests in flight (at most ${options.shutdownGraceMs / 1000} s), then exiting`);
      running.close().then(
        () => resolve(0),
        (error: unknown) => {
          out.error(`error while closing: ${String(error)}`);
          resolve(1);
        },
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
  if (options.databaseUrl === undefined) {
    const { entities, relations } = app.service.stats();
    out.log(`Serving ${entities} entities and ${relations} relations`);
  }
  out.log(app.performance);
  if (app.workbenchBuilt) {
    out.log(`GraphiQL IDE:     ${app.origin}/`);
    out.log(`Graph explorer:   ${app.origin}/explorer`);
  } else {
    out.log("Workbench not built (run npm run build for the IDE and the explorer)");
  }
  out.log(`GraphQL endpoint: ${app.graphqlUrl}`);
  return stopped;
}
