/**
 * Serves the workbench that scripts/build-web.ts wrote to dist/web: the
 * GraphiQL IDE at `/` (and at `/graphql` for a browser's navigation), the
 * graph explorer at `/explorer`, and their assets under `/assets/`. Assets
 * are content-hashed, so they are cached for a year; pages are revalidated.
 * Gzip or brotli copies are sent to clients that accept them. Each page
 * carries a Content-Security-Policy that allows this server alone.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { extname, join } from "node:path";
import type { HttpReply } from "./reply.js";

/** Scripts, styles, fonts, images, connections and workers from this origin only; inline styles for the IDE's editor. */
export const WORKBENCH_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

interface Manifest {
  readonly pages: Record<string, { readonly path: string; readonly file: string }>;
  readonly assets: ReadonlyArray<{ readonly file: string }>;
}

interface StaticFile {
  readonly body: Buffer;
  readonly etag: string;
  readonly encodings: ReadonlyMap<string, Buffer>;
}

/** Whether a request is a browser navigation: it asks for HTML ahead of JSON. */
export function prefersHtml(headers: IncomingHttpHeaders): boolean {
  const accept = (headers.accept ?? "").toLowerCase();
  const html = accept.indexOf("text/html");
  if (html < 0) return false;
  const json = accept.search(/application\/(graphql-response\+)?json/);
  return json < 0 || html < json;
}

function acceptedEncoding(headers: IncomingHttpHeaders, available: ReadonlyMap<string, Buffer>): string | null {
  const accepted = String(headers["accept-encoding"] ?? "")
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => q === undefined || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.toLowerCase());
  for (const encoding of ["br", "gzip"]) if (accepted.includes(encoding) && available.has(encoding)) return encoding;
  return null;
}

export interface Workbench {
  /** Whether the build is present; without it the pages explain how to build. */
  readonly built: boolean;
  /** The page for a path (`/`, `/explorer`), or null. */
  page(pathname: string, headers: IncomingHttpHeaders): HttpReply | null;
  /** An asset under /assets/, or null. */
  asset(pathname: string, headers: IncomingHttpHeaders): HttpReply | null;
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Workbench not built</title></head>
<body><h1>The workbench is not built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.
The GraphQL endpoint <code>/graphql</code> works without it.</p></body></html>
`;

export function openWorkbench(dir: string): Workbench {
  const manifestFile = join(dir, "manifest.json");
  const manifest: Manifest | null = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest) : null;
  // Only the files the build listed are served (never a path a request makes up), each read once.
  const listed = new Set([...Object.values(manifest?.pages ?? {}).map((page) => page.file), ...(manifest?.assets ?? []).map((asset) => asset.file)]);
  const files = new Map<string, StaticFile>();

  function load(relative: string): StaticFile | null {
    if (!listed.has(relative)) return null;
    const cached = files.get(relative);
    if (cached) return cached;
    const path = join(dir, relative);
    if (!existsSync(path)) return null;
    const body = readFileSync(path);
    const encodings = new Map<string, Buffer>();
    if (existsSync(`${path}.br`)) encodings.set("br", readFileSync(`${path}.br`));
    if (existsSync(`${path}.gz`)) encodings.set("gzip", readFileSync(`${path}.gz`));
    const file = { body, encodings, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
    files.set(relative, file);
    return file;
  }

  function reply(file: StaticFile, relative: string, headers: IncomingHttpHeaders, extra: Record<string, string>): HttpReply {
    const common = { etag: file.etag, vary: "accept-encoding", "x-content-type-options": "nosniff", ...extra };
    const ifNoneMatch = headers["if-none-match"];
    if (typeof ifNoneMatch === "string" && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === file.etag)) {
      return { status: 304, headers: common, body: "" };
    }
    const encoding = acceptedEncoding(headers, file.encodings);
    const contentType = CONTENT_TYPES[extname(relative)] ?? "application/octet-stream";
    return {
      status: 200,
      headers: { ...common, "content-type": contentType, ...(encoding ? { "content-encoding": encoding } : {}) },
      body: encoding ? file.encodings.get(encoding)! : file.body,
    };
  }

  return {
    built: manifest !== null,
    page(pathname, headers) {
      const page = manifest ? Object.values(manifest.pages).find((candidate) => candidate.path === pathname) : undefined;
      if (!manifest) {
        if (pathname !== "/" && pathname !== "/explorer") return null;
        return { status: 503, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }, body: NOT_BUILT };
      }
      if (!page) return null;
      const file = load(page.file);
      if (!file) return null;
      return reply(file, page.file, headers, { "cache-control": "no-cache", "content-security-policy": WORKBENCH_CSP, "referrer-policy": "no-referrer" });
    },
    asset(pathname, headers) {
      if (!manifest || !pathname.startsWith("/assets/")) return null;
      const relative = pathname.slice(1);
      const file = load(relative);
      return file ? reply(file, relative, headers, { "cache-control": "public, max-age=31536000, immutable" }) : null;
    },
  };
}
