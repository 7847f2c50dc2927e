/** What a route answers, for the server (server.ts) to send: the shape the export routes and the workbench share. */
import type { Writable } from "node:stream";

/** A reply from a route: a complete body, or a writer that streams one (sent chunked; an error midway cuts the connection, so a client never takes a partial body for a whole one). */
export interface HttpReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer | ((sink: Writable) => Promise<void>);
}
