/**
 * Change notifications from the store: one dedicated connection LISTENs on
 * channel conflict_graph_data, where every committed write announces the new
 * data version (bump_data_version in the migration). A lost connection is
 * reconnected with exponential backoff (from `initialDelayMs`, doubling, at
 * most `maxDelayMs`, with jitter), and `onConnected` runs after every
 * (re)connection, so the follower can catch up on what it missed meanwhile.
 */
import type pg from "pg";
import { openClient } from "./connection.js";

export const CHANGES_CHANNEL = "conflict_graph_data";

export interface ListenOptions {
  readonly onChange: (version: number) => void;
  readonly onConnected: () => void;
  readonly onLost: (error: unknown) => void;
  /** First retry delay; default 250 ms. */
  readonly initialDelayMs?: number;
  /** Longest retry delay; default 10 s. */
  readonly maxDelayMs?: number;
}

export interface ChangeListener {
  readonly connected: boolean;
  close(): Promise<void>;
}

export function listenForChanges(url: string, options: ListenOptions): ChangeListener {
  const initial = options.initialDelayMs ?? 250;
  const max = options.maxDelayMs ?? 10_000;
  let client: pg.Client | undefined;
  let connected = false;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const retry = (error: unknown) => {
    connected = false;
    if (closed) return;
    options.onLost(error);
    const delay = Math.min(max, initial * 2 ** attempt++) * (0.75 + Math.random() * 0.5);
    timer = setTimeout(connect, delay);
    timer.unref();
  };

  function connect(): void {
    if (closed) return;
    const next = openClient(url, "conflict-graph listener");
    client = next;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed || closed) return;
      failed = true;
      next.end().catch(() => {});
      retry(error);
    };
    next.on("error", fail);
    next.on("end", () => fail(new Error("the connection ended")));
    next.on("notification", (message) => {
      if (message.channel === CHANGES_CHANNEL) options.onChange(Number(message.payload));
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${CHANGES_CHANNEL}`))
      .then(() => {
        if (closed) return;
        connected = true;
        attempt = 0;
        options.onConnected();
      })
      .catch(fail);
  }

  connect();
  return {
    get connected() {
      return connected;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
