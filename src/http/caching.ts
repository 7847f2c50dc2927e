/**
 * HTTP caching of GET answers (GraphQL queries by GET, downloads): each gets
 * an ETag derived from the data version and the request (path, query
 * string, Accept), so a client that sends it back in If-None-Match is
 * answered 304 before anything runs; and a Cache-Control header, `no-cache`
 * by default (keep it, but ask every time), set by CACHE_CONTROL or
 * `--cache-control`. POST answers and errors carry neither.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const DEFAULT_CACHE_CONTROL = "no-cache";

/** A strong ETag for a GET request's answer, given the data version. */
export function etagFor(dataVersion: string, url: URL, req: IncomingMessage): string {
  const accept = typeof req.headers.accept === "string" ? req.headers.accept : "";
  return `"${createHash("sha256").update(dataVersion).update("\0").update(url.pathname + url.search).update("\0").update(accept).digest("base64url").slice(0, 27)}"`;
}

/** Whether If-None-Match names `etag` (or is `*`); weak comparison, as RFC 9110 asks for If-None-Match. */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (typeof header !== "string") return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
