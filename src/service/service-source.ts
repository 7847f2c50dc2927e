/**
 * Where the server gets the service each request uses. A request takes
 * `current()` once, when it starts, and keeps that service to the end, so a
 * source may swap in a new graph at any time: requests in flight finish on
 * the old one. Files give a fixed service (`fixedSource`); a database gives
 * one that follows it (database-source.ts), and is not ready until its
 * first load.
 */
import type { KnowledgeService } from "./knowledge-service.js";

export interface SourceStatus {
  /** Whether a graph is loaded and served. */
  readonly ready: boolean;
  /** Where the data comes from: "files" or "database". */
  readonly source: "files" | "database";
  /** The data version served: a digest of the records (files), or the store's version number (database). */
  readonly dataVersion: string | number | null;
  /** Further facts for /health and /ready (counts, when loaded, the last error). */
  readonly [key: string]: unknown;
}

export interface ServiceSource {
  /** The service for a request starting now; NotReadyError before the first load. */
  current(): KnowledgeService;
  status(): SourceStatus;
  close(): Promise<void>;
}

/** Thrown by `current()` while no graph is loaded yet. */
export class NotReadyError extends Error {
  override readonly name = "NotReadyError";
  constructor(message = "The graph is still loading; try again in a moment") {
    super(message);
  }
}

export function fixedSource(service: KnowledgeService): ServiceSource {
  return {
    current: () => service,
    status: () => ({ ready: true, source: "files", dataVersion: service.dataVersion(), ...service.stats() }),
    close: async () => {},
  };
}
