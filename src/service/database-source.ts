/**
 * The service over the PostgreSQL store, following it: the first load starts
 * at once (the source is not ready until it is done); every committed write
 * notifies (database/notifications.ts) and starts a reload in the
 * background, which builds a whole new graph from one consistent snapshot
 * and then swaps it in with one assignment. Requests in flight keep the
 * graph they started with. Notifications that arrive during a reload are
 * folded into one more reload. A load that fails (the database is down, the
 * data does not validate) keeps the graph already served and is retried with
 * backoff; a lost notification connection reconnects with backoff and, once
 * back, checks whether the data changed meanwhile.
 */
import type pg from "pg";
import { DataValidationError, formatProblem } from "../loading/problems.js";
import { describeDatabase, explainDatabaseError, openPool } from "../database/connection.js";
import { loadFromStore } from "../database/import-export.js";
import { readDataVersion } from "../database/store.js";
import { listenForChanges } from "../database/notifications.js";
import type { ChangeListener } from "../database/notifications.js";
import { createKnowledge } from "./knowledge.js";
import { KnowledgeService } from "./knowledge-service.js";
import { LIMITS } from "./limits.js";
import { databaseTraversals } from "./database-traversals.js";
import { NotReadyError } from "./service-source.js";
import type { ServiceSource, SourceStatus } from "./service-source.js";

export interface DatabaseSourceOptions {
  readonly url: string;
  /** Where to LISTEN for changes, when not `url` (a read replica cannot LISTEN: give the primary); default `url`. */
  readonly listenUrl?: string | undefined;
  /** The pool's bound (DATABASE_POOL_MAX). */
  readonly poolMax: number;
  /** One line per event worth knowing (loaded, swapped, lost, back). */
  readonly log: (line: string) => void;
  /** First retry delay after a failure; default 250 ms, doubling up to `maxRetryDelayMs` (default 10 s). */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /**
   * Where the API's neighbourhoods and shortest paths run: "memory" (the
   * default), or "database" (pushed down to the store, see database-traversals.ts).
   */
  readonly traversal?: "memory" | "database";
}

interface Loaded {
  readonly service: KnowledgeService;
  readonly version: number;
  readonly loadedAt: Date;
  readonly loadMs: number;
}

export class DatabaseSource implements ServiceSource {
  private loaded: Loaded | undefined;
  private loading = false;
  private again = false;
  private closed = false;
  private failures = 0;
  private lastError: string | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  /** Since when change notifications are lost, while they are. */
  private lostSince: number | undefined;
  /** Pushed-down traversals answered from memory instead (the store had moved on, or could not answer). */
  private fallbacks = 0;
  /** The newest version notified: a load that reads an older one (a lagging read replica) is tried again. */
  private wanted = 0;
  private behind = 0;
  private readonly pool: pg.Pool;
  private readonly listener: ChangeListener;
  private readonly where: string;
  private readonly firstLoad: Promise<void>;
  private resolveFirst!: () => void;

  constructor(private readonly options: DatabaseSourceOptions) {
    this.where = describeDatabase(options.url);
    this.pool = openPool(options.url, { max: options.poolMax, applicationName: "conflict-graph server" });
    this.firstLoad = new Promise((resolve) => (this.resolveFirst = resolve));
    this.listener = listenForChanges(options.listenUrl ?? options.url, {
      initialDelayMs: options.retryDelayMs,
      maxDelayMs: options.maxRetryDelayMs,
      onChange: (version) => {
        this.wanted = Math.max(this.wanted, version);
        if (this.loaded === undefined || version > this.loaded.version) this.reload();
      },
      onConnected: () => {
        if (this.lostSince !== undefined) {
          options.log(`Following ${this.where} again after ${Math.round((Date.now() - this.lostSince) / 1000)} s; checking for changes missed meanwhile`);
          this.lostSince = undefined;
          void this.checkVersion();
        }
      },
      onLost: (error) => {
        if (this.lostSince === undefined) {
          this.lostSince = Date.now();
          const [url, variable] = options.listenUrl === undefined ? [options.url, "DATABASE_URL"] : [options.listenUrl, "DATABASE_LISTEN_URL"];
          options.log(`Lost the change notifications from ${describeDatabase(url)} (${explainDatabaseError(error, url, variable).message}); ${this.loaded ? `still serving data version ${this.loaded.version}` : "not ready yet"}, reconnecting`);
        }
      },
    });
    this.reload();
  }


  /** Resolves once the first load has succeeded (never, if the store never loads). */
  whenReady(): Promise<void> {
    return this.firstLoad;
  }

  current(): KnowledgeService {
    if (this.loaded === undefined) throw new NotReadyError(`The graph is still loading from the database${this.lastError ? ` (last attempt: ${this.lastError})` : ""}; try again in a moment`);
    return this.loaded.service;
  }

  status(): SourceStatus {
    const loaded = this.loaded;
    return {
      ready: loaded !== undefined,
      source: "database",
      dataVersion: loaded?.version ?? null,
      ...(loaded ? loaded.service.stats() : {}),
      database: this.where,
      loadedAt: loaded?.loadedAt.toISOString() ?? null,
      loadMs: loaded?.loadMs ?? null,
      following: this.listener.connected,
      traversal: this.options.traversal ?? "memory",
      ...(this.options.traversal === "database" ? { traversalFallbacks: this.fallbacks } : {}),
      reloading: this.loading,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  /** Starts a reload now, or right after the one running. */
  reload(): void {
    if (this.closed) return;
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    clearTimeout(this.retryTimer);
    void this.loadOnce().finally(() => {
      this.loading = false;
      if (this.again && !this.closed) {
        this.again = false;
        this.reload();
      }
    });
  }

  private async checkVersion(): Promise<void> {
    try {
      const client = await this.pool.connect();
      try {
        const { version } = await readDataVersion(client);
        if (this.loaded === undefined || version !== this.loaded.version) this.reload();
      } finally {
        client.release();
      }
    } catch {
      this.reload();
    }
  }

  private async loadOnce(): Promise<void> {
    const started = performance.now();
    try {
      const client = await this.pool.connect();
      let stored;
      try {
        stored = await loadFromStore(client);
      } finally {
        client.release();
      }
      if (stored.knowledgeBase.sources.length === 0 && stored.knowledgeBase.entities.length === 0) {
        // A migrated store that was never imported: an empty graph is not something to route traffic to.
        this.lastError = "the database holds no data yet: run `conflict-graph db import`";
        this.options.log(`Not loaded: ${this.lastError}; waiting for the next change`);
        return;
      }
      if (stored.version < this.wanted) this.retryBehind(stored.version);
      if (this.loaded !== undefined && stored.version === this.loaded.version) return;
      const knowledge = createKnowledge(stored.knowledgeBase);
      const traversals = this.options.traversal === "database" ? databaseTraversals({ pool: this.pool, version: stored.version, onFallback: () => this.fallbacks++ }) : undefined;
      const service = new KnowledgeService(knowledge, { traversalBudget: LIMITS.traversalBudget, traversals });
      const previous = this.loaded;
      this.loaded = { service, version: stored.version, loadedAt: new Date(), loadMs: Math.round(performance.now() - started) };
      this.failures = 0;
      if (stored.version >= this.wanted) this.behind = 0;
      this.lastError = undefined;
      const { entities, relations } = service.stats();
      this.options.log(`${previous ? `Swapped data version ${previous.version} for` : "Loaded"} data version ${stored.version} from ${this.where}: ${entities} entities, ${relations} relations, in ${this.loaded.loadMs} ms`);
      this.resolveFirst();
    } catch (error) {
      if (this.closed) return;
      if (error instanceof DataValidationError) {
        this.lastError = `the data in the database does not validate (${error.problems.length} problems; first: ${formatProblem(error.problems[0]!)})`;
        this.options.log(`Not loaded: ${this.lastError}; serving data version ${this.loaded?.version ?? "none"} until the next change`);
        return;
      }
      this.lastError = explainDatabaseError(error, this.options.url).message;
      const delay = Math.min(this.options.maxRetryDelayMs ?? 10_000, (this.options.retryDelayMs ?? 250) * 2 ** this.failures++);
      this.options.log(`Could not load from the database: ${this.lastError}; ${this.loaded ? `still serving data version ${this.loaded.version}` : "not ready"}, retrying in ${Math.round(delay)} ms`);
      this.retryTimer = setTimeout(() => this.reload(), delay);
      this.retryTimer.unref();
    }
  }

  /** The store read an older version than notified (a read replica behind its primary): look again shortly. */
  private retryBehind(read: number): void {
    const delay = Math.min(this.options.maxRetryDelayMs ?? 10_000, 50 * 2 ** this.behind++);
    if (this.behind === 1) this.options.log(`The database answered data version ${read}, older than the ${this.wanted} notified (a read replica catching up); looking again`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.reload(), delay);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.listener.close();
    await this.pool.end().catch(() => {});
  }
}
