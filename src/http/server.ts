/**
 * The thin HTTP adapter: a node:http server that routes `/graphql` to the
 * GraphQL handler, serves the workbench (the IDE at `/` and the explorer, see workbench.ts) and a health check
 * at `/health`, bounds request bodies, answers CORS (cors.ts) and HTTP
 * revalidation (caching.ts), and closes gracefully.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { GraphQLHandler } from "./graphql-handler.js";
import { prefersHtml } from "./workbench.js";
import type { Workbench } from "./workbench.js";
import type { HttpReply } from "./reply.js";
import { corsPolicy } from "./cors.js";
import { DEFAULT_CACHE_CONTROL, etagFor, notModified } from "./caching.js";

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  /** Largest accepted request body in bytes; default 64 KiB. */
  readonly maxBodyBytes?: number;
  /** Counts reported by /health. */
  readonly health: () => Record<string, unknown>;
  readonly logError: (error: unknown) => void;
  /**
   * On close, how long requests in flight may take to finish before every
   * connection still open (idle, half-sent or busy) is closed; default 10 s.
   */
  readonly shutdownGraceMs?: number;
  /** The IDE and explorer pages and their assets (see workbench.ts); without it `/` is a 404. */
  readonly workbench?: Workbench;
  /** Further GET routes; each returns null for URLs that are not its own. */
  readonly routes?: ReadonlyArray<(url: URL) => HttpReply | null>;
  /** What the further routes are, for the 404 message (e.g. "exports are /export/..."). */
  readonly routesHelp?: string;
  /** Maps an error a route threw to a reply (e.g. domain errors to 4xx); null leaves it unexpected. */
  readonly errorReply?: (error: unknown) => HttpReply | null;
  /** Origins allowed to call from a browser (see cors.ts); none by default. */
  readonly corsOrigins?: readonly string[];
  /** Cache-Control of GET answers (see caching.ts); `no-cache` by default. */
  readonly cacheControl?: string;
  /** The version of the data served, for ETags; without it GET answers carry none. */
  readonly dataVersion?: () => string;
  /**
   * Whether the data is loaded, for `/ready` (200 or 503, with these facts)
   * and for the API: while not ready, `/graphql` and `/export/...`
   * answer 503 NOT_READY with Retry-After. Always ready without it.
   */
  readonly readiness?: () => { readonly ready: boolean; readonly [key: string]: unknown };
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:4000 */
  readonly origin: string;
  /** e.g. http://127.0.0.1:4000/graphql */
  readonly graphqlUrl: string;
  /**
   * Stops accepting connections and closes idle ones at once; requests in
   * flight get the grace period to finish, then every connection left is
   * closed. Resolves when none is open.
   */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Sends a complete body with its length; a HEAD request gets the headers only. */
function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, head = false) {
  res.writeHead(status, { ...headers, "content-length": Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

function sendReply(res: ServerResponse, reply: HttpReply, head: boolean) {
  if (typeof reply.body === "function") throw new Error("sendReply takes a complete body");
  if (reply.status === 304) {
    res.writeHead(304, reply.headers);
    res.end();
    return;
  }
  send(res, reply.status, reply.headers, reply.body, head);
}

function sendJson(res: ServerResponse, status: number, payload: unknown) {
  send(res, status, { "content-type": "application/json; charset=utf-8" }, JSON.stringify(payload));
}

function sendError(res: ServerResponse, error: HttpError) {
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function isJson(req: IncomingMessage): boolean {
  const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || (type?.endsWith("+json") ?? false);
}

export async function startServer(handler: GraphQLHandler, options: ServerOptions): Promise<RunningServer> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const cors = corsPolicy(options.corsOrigins ?? []);
  const cacheControl = options.cacheControl ?? DEFAULT_CACHE_CONTROL;

  /** For a GET of a cacheable path: its ETag and Cache-Control, and whether the client's copy is current. */
  function caching(req: IncomingMessage, url: URL, method: string) {
    if ((method !== "GET" && method !== "HEAD") || options.dataVersion === undefined) return null;
    const etag = etagFor(options.dataVersion(), url, req);
    return { headers: { etag, "cache-control": cacheControl }, current: notModified(req, etag) };
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const preflight = cors.preflight(req);
    if (preflight) {
      res.writeHead(preflight.status, preflight.headers);
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(cors.headersFor(req))) res.setHeader(name, value);
    if (url.pathname === "/ready") {
      if (method !== "GET" && method !== "HEAD") throw new HttpError(405, "METHOD_NOT_ALLOWED", "Use GET for /ready");
      const readiness = options.readiness?.() ?? { ready: true };
      send(res, readiness.ready ? 200 : 503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }, JSON.stringify({ status: readiness.ready ? "ready" : "loading", ...readiness }), method === "HEAD");
      return;
    }
    const api = url.pathname === "/graphql" ? !(options.workbench && prefersHtml(req.headers) && (method === "GET" || method === "HEAD")) : url.pathname.startsWith("/export/");
    if (api && options.readiness && !options.readiness().ready) {
      res.setHeader("retry-after", "1");
      throw new HttpError(503, "NOT_READY", "The graph is still loading; try again in a moment (GET /ready says when it is ready)");
    }
    const cached = url.pathname === "/graphql" || url.pathname.startsWith("/export/") ? caching(req, url, method) : null;
    if (cached?.current) {
      res.writeHead(304, cached.headers);
      res.end();
      return;
    }
    // A browser opening the endpoint's URL gets the IDE, not a CSRF refusal.
    if (url.pathname === "/graphql" && (method === "GET" || method === "HEAD") && options.workbench && prefersHtml(req.headers)) {
      sendReply(res, options.workbench.page("/", req.headers)!, method === "HEAD");
      return;
    }
    if (url.pathname === "/graphql") {
      if (method !== "GET" && method !== "POST") {
        throw Object.assign(new HttpError(405, "METHOD_NOT_ALLOWED", "Use GET or POST for /graphql"), { allow: "GET, POST" });
      }
      let body: unknown;
      if (method === "POST") {
        const text = await readBody(req, maxBodyBytes);
        if (isJson(req) && text.trim() !== "") {
          try {
            body = JSON.parse(text);
          } catch (error) {
            throw new HttpError(400, "BAD_REQUEST", `Malformed JSON body: ${(error as Error).message}`);
          }
        }
      }
      const response = await handler.handle({ method, headers: req.headers, search: url.search.slice(1), body });
      send(res, response.status, { ...Object.fromEntries(response.headers), ...(response.status === 200 && cached ? cached.headers : {}) }, response.body);
      return;
    }
    if (method !== "GET" && method !== "HEAD") throw new HttpError(405, "METHOD_NOT_ALLOWED", `Use GET for ${url.pathname}`);
    const page = options.workbench?.page(url.pathname, req.headers) ?? options.workbench?.asset(url.pathname, req.headers);
    if (page) {
      sendReply(res, page, method === "HEAD");
      return;
    }
    if (url.pathname === "/health") {
      send(res, 200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }, JSON.stringify({ status: "ok", ...options.health() }));
      return;
    }
    for (const handle of options.routes ?? []) {
      const reply = handle(url);
      if (!reply) continue;
      const headers = { ...reply.headers, ...(reply.status === 200 && cached ? cached.headers : {}) };
      if (typeof reply.body !== "function") {
        send(res, reply.status, headers, reply.body, method === "HEAD");
      } else {
        res.writeHead(reply.status, headers);
        if (method !== "HEAD") await reply.body(res);
        res.end();
      }
      return;
    }
    throw new HttpError(404, "NOT_FOUND", `No route ${url.pathname}; the GraphQL endpoint is /graphql${options.routesHelp ? `, ${options.routesHelp}` : ""}`);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // The client went away, or shutdown closed the connection mid-request: there is no one to answer.
      if (req.destroyed && !req.complete) {
        res.destroy();
        return;
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        if ("allow" in error) res.setHeader("allow", String(error.allow));
        sendError(res, error);
        // Do not read the rest of an oversized body; close the connection instead.
        if (error.status === 413) res.once("finish", () => req.destroy());
        return;
      }
      const reply = options.errorReply?.(error);
      if (reply && typeof reply.body !== "function") {
        send(res, reply.status, reply.headers, reply.body);
        return;
      }
      options.logError(error);
      sendError(res, new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const origin = `http://${host}:${port}`;

  // Node's own idle tracking misses connections that have sent nothing yet, so every socket is tracked here.
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  const closeIdle = () => {
    server.closeIdleConnections();
    for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
  };
  const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      // A connection whose request finishes becomes idle, and the next sweep closes it.
      const sweep = setInterval(closeIdle, 50);
      const deadline = setTimeout(() => {
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }, graceMs);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve();
      });
      closeIdle();
    }));

  return { origin, graphqlUrl: `${origin}/graphql`, close };
}
