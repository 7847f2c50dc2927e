/**
 * Cross-origin access for browsers on other origins: off by default (no
 * CORS headers at all, so browsers keep other sites out); with an allow-list
 * (CORS_ORIGINS, `--cors-origins`), a request from a listed origin gets
 * `Access-Control-Allow-Origin` for that origin, and a preflight (OPTIONS
 * with Access-Control-Request-Method) from it is answered 204 with the
 * methods and headers the API takes. A preflight from any other origin is
 * 403. Responses vary by Origin whenever an allow-list is set.
 */
import type { IncomingMessage } from "node:http";

/** The request headers a browser may send: JSON bodies, Apollo's CSRF preflight header and operation name, revalidation. */
export const CORS_ALLOWED_HEADERS = "content-type, apollo-require-preflight, x-apollo-operation-name, if-none-match";
export const CORS_MAX_AGE_SECONDS = 600;

export interface CorsPolicy {
  /** Headers to add to an ordinary response to this request. */
  headersFor(req: IncomingMessage): Record<string, string>;
  /** The answer to a preflight: 204 with the allowances, or 403; null when the request is not a preflight. */
  preflight(req: IncomingMessage): { status: number; headers: Record<string, string> } | null;
}

/** An origin as a browser sends it: `scheme://host[:port]`, no path; `*` is refused (CSRF protection relies on named origins). */
export const isOrigin = (text: string) => /^https?:\/\/[^/\s*]+$/.test(text);

export function corsPolicy(origins: readonly string[]): CorsPolicy {
  for (const origin of origins) {
    if (!isOrigin(origin)) throw new Error(`CORS origin "${origin}" is not an origin like https://example.org (no path, no wildcard)`);
  }
  const allowed = new Set(origins);
  const originOf = (req: IncomingMessage) => (typeof req.headers.origin === "string" ? req.headers.origin : null);
  const vary: Record<string, string> = allowed.size > 0 ? { vary: "Origin" } : {};
  return {
    headersFor(req) {
      const origin = originOf(req);
      return origin !== null && allowed.has(origin) ? { ...vary, "access-control-allow-origin": origin, "access-control-expose-headers": "etag" } : vary;
    },
    preflight(req) {
      if (req.method !== "OPTIONS" || req.headers["access-control-request-method"] === undefined) return null;
      const origin = originOf(req);
      if (origin === null || !allowed.has(origin)) return { status: 403, headers: vary };
      return {
        status: 204,
        headers: {
          ...vary,
          "access-control-allow-origin": origin,
          "access-control-allow-methods": "GET, POST, OPTIONS",
          "access-control-allow-headers": CORS_ALLOWED_HEADERS,
          "access-control-max-age": String(CORS_MAX_AGE_SECONDS),
        },
      };
    },
  };
}
