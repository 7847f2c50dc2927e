/**
 * Connections to the PostgreSQL store. The connection string comes from the
 * environment only (DATABASE_URL, or libpq's PG* variables), never from a
 * command-line argument, and is never printed: `describeDatabase` gives the
 * user, host, port and database without the password. Pools are bounded
 * (DATABASE_POOL_MAX, default 4) and time out instead of waiting forever.
 */
import pg from "pg";

export const DATABASE_URL_VARIABLE = "DATABASE_URL";
/** The server's connection pool bound, when DATABASE_POOL_MAX does not give one. */
export const DEFAULT_POOL_MAX = 4;

/** Thrown for a database that cannot be reached or used; the message is fit to print (no password, no stack). */
export class DatabaseError extends Error {
  override readonly name = "DatabaseError";
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The connection string from the environment, or undefined when DATABASE_URL (or `variable`) is unset or empty. */
export function databaseUrlFromEnvironment(env: NodeJS.ProcessEnv = process.env, variable = DATABASE_URL_VARIABLE): string | undefined {
  const url = env[variable];
  return url === undefined || url.trim() === "" ? undefined : url.trim();
}

/** Where a server LISTENs for changes when its DATABASE_URL is a read replica (which cannot LISTEN): the primary. */
export const DATABASE_LISTEN_URL_VARIABLE = "DATABASE_LISTEN_URL";

/** `user@host:port/database`, for messages and logs: never the password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(default database)";
    return `${user}${parsed.hostname || "localhost"}${parsed.port ? `:${parsed.port}` : ""}/${database}`;
  } catch {
    return "the database in DATABASE_URL (not a URL: expected postgresql://user:password@host:port/database)";
  }
}

export function poolMax(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env["DATABASE_POOL_MAX"];
  if (raw === undefined || raw === "") return DEFAULT_POOL_MAX;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100) throw new DatabaseError(`DATABASE_POOL_MAX must be an integer from 1 to 100 (got ${JSON.stringify(raw)})`);
  return value;
}

export interface PoolOptions {
  readonly max?: number;
  /** Name shown in pg_stat_activity. */
  readonly applicationName?: string;
}

export function openPool(url: string, options: PoolOptions = {}): pg.Pool {
  checkUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? DEFAULT_POOL_MAX,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? "conflict-graph",
  });
  // An idle client whose connection drops emits "error" on the pool; without a listener that would end the process.
  pool.on("error", () => {});
  return pool;
}

export function openClient(url: string, applicationName = "conflict-graph"): pg.Client {
  checkUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: applicationName });
  client.on("error", () => {});
  return client;
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseError("DATABASE_URL is not a URL: expected postgresql://user:password@host:port/database");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new DatabaseError(`DATABASE_URL must be a URL starting with postgresql://, e.g. postgresql://user:password@localhost:5432/conflict_graph (got one starting with ${parsed.protocol})`);
  }
}

/** A driver or server error as one line fit for a user: what failed, where, and what to do. */
export function explainDatabaseError(error: unknown, url: string, variable = DATABASE_URL_VARIABLE): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const where = describeDatabase(url);
  // Tools that wrap a driver error (node-pg-migrate) carry its code on `cause` and may append a stack to the message.
  const cause = (error as { cause?: unknown } | null)?.cause;
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
  const code = (error as { code?: string } | null)?.code ?? (cause as { code?: string } | undefined)?.code ?? (/permission denied|must be owner/.test(message) ? "42501" : undefined);
  if (/client password must be a string/.test(message)) {
    return new DatabaseError(`${variable} gives no password for ${where}: put it in the URL (postgresql://user:password@host/db) or in PGPASSWORD`, code);
  }
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new DatabaseError(`cannot reach PostgreSQL at ${where} (${code}): is the server running, and are host and port right?`, code);
    case "28P01":
    case "28000":
      return new DatabaseError(`PostgreSQL refused the login to ${where}: check the user and password in ${variable}`, code);
    case "3D000":
      return new DatabaseError(`${where}: ${message}; create it first (createdb)`, code);
    case "42501":
      return new DatabaseError(`${where}: ${message.replace(/^.*?(permission denied|must be owner)/, "$1")}: this role may not do that (docs/operations.md lists what each role may do; \`db migrate\` runs as the database's owner)`, code);
    default:
      if (/timeout/i.test(message)) return new DatabaseError(`PostgreSQL at ${where} did not answer in time: ${message}`, code);
      return new DatabaseError(`PostgreSQL at ${where}: ${message}`, code);
  }
}
