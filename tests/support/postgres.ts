/**
 * A real PostgreSQL for the database tests and benchmarks, never a mock:
 * Debian's PostgreSQL 15 (`postgresql-15`), started by the harness itself.
 * `initdb` makes a cluster in a temporary directory, the server listens on a
 * free port of 127.0.0.1 only (and a socket in that directory), and `stop()`
 * shuts it down and removes the directory. As root (CI), the cluster belongs
 * to the `postgres` user the package creates, since PostgreSQL refuses to run
 * as root. Without the package the tests skip with one line saying how to
 * install it; under CI they fail instead.
 */
import { execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const CANDIDATE_BIN_DIRS = [process.env["POSTGRES_BIN"], "/usr/lib/postgresql/15/bin", ...debianVersions()];

function debianVersions(): string[] {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && Number(name) >= 13)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, "bin"));
}

/** The directory holding initdb and postgres, if any. */
export const POSTGRES_BIN = CANDIDATE_BIN_DIRS.find((dir): dir is string => dir !== undefined && dir !== "" && existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres")));

export const POSTGRES_INSTALL_HINT = "no PostgreSQL server found: install it with `sudo apt-get install postgresql-15` (or set POSTGRES_BIN to its bin directory); database tests skipped";

/** Whether to run the database tests: yes with a server; under CI a missing server is a failure, not a skip. */
export function postgresAvailable(): boolean {
  if (POSTGRES_BIN) return true;
  if (process.env["CI"]) throw new Error(POSTGRES_INSTALL_HINT.replace("; database tests skipped", ""));
  console.warn(POSTGRES_INSTALL_HINT);
  return false;
}

export interface TestPostgres {
  readonly port: number;
  /** The superuser's connection string for database `postgres`. */
  readonly adminUrl: string;
  /** A connection string for `database` as `user` (default the superuser). */
  url(database: string, user?: string, password?: string): string;
  /** Creates an empty database and returns its superuser connection string. */
  createDatabase(name: string): Promise<string>;
  /** Runs one statement as the superuser in database `postgres`. */
  admin(sql: string): Promise<void>;
  /** Stops the server at once and removes its directory. */
  stop(): Promise<void>;
  /** Everything the server logged (for failures). */
  log(): string;
}

const SUPERUSER = "conflict_graph_test";
const SUPERUSER_PASSWORD = "test-only-password";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const runningAsRoot = () => process.getuid?.() === 0;

/** As root, the `postgres` user's ids, for the cluster's files and processes; otherwise none (run as ourselves). */
function serverUser(): { uid: number; gid: number } | Record<string, never> {
  if (!runningAsRoot()) return {};
  const id = (flag: string) => {
    try {
      return Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    } catch {
      throw new Error("running as root, and PostgreSQL refuses to run as root: it needs the `postgres` user that Debian's postgresql package creates");
    }
  };
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * Starts a server. `settings` are server parameters (`{ shared_buffers: "1GB" }`)
 * set over the defaults below; the port, addresses and socket directory are the harness's.
 */
export async function startPostgres(settings: Readonly<Record<string, string>> = {}): Promise<TestPostgres> {
  if (!POSTGRES_BIN) throw new Error(POSTGRES_INSTALL_HINT);
  const dir = mkdtempSync(join(tmpdir(), "conflict-graph-pg-"));
  const dataDir = join(dir, "data");
  const passwordFile = join(dir, "password");
  writeFileSync(passwordFile, SUPERUSER_PASSWORD);
  const user = serverUser();
  if ("uid" in user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  chmodSync(dir, 0o700);
  const initArgs = ["-D", dataDir, "-U", SUPERUSER, "--pwfile", passwordFile, "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C", "--no-sync"];
  execFileSync(join(POSTGRES_BIN, "initdb"), initArgs, { stdio: "pipe", cwd: dir, ...user });

  const port = await freePort();
  // Durability off: a test cluster is thrown away, so fsync only costs time.
  const parameters = {
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "100",
    shared_buffers: "128MB",
    ...settings,
    port: String(port),
    listen_addresses: "127.0.0.1",
    unix_socket_directories: dir,
  };
  const flags = Object.entries(parameters).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
  const child: ChildProcess = spawn(join(POSTGRES_BIN, "postgres"), ["-D", dataDir, ...flags], { stdio: ["ignore", "pipe", "pipe"], cwd: dir, ...user });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = (database: string, user = SUPERUSER, password = SUPERUSER_PASSWORD) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const adminUrl = url("postgres");
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await admin("SELECT 1");
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    port,
    adminUrl,
    url,
    admin,
    async createDatabase(name: string) {
      await admin(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      return url(name);
    },
    stop,
    log: () => output,
  };
}
