/**
 * How the server delivers the workbench (dist/web, built by the test setup):
 * pages revalidated and locked to this origin by a CSP, content-hashed assets
 * cached for a year and compressed for clients that accept it, the IDE for a
 * browser opening /graphql, and a page saying how to build when there is no build.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "./harness.js";
import type { TestServer } from "./harness.js";
import { startApp } from "../../src/app.js";
import { WORKBENCH_DIR } from "../../src/paths.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const manifest = () => JSON.parse(readFileSync(join(WORKBENCH_DIR, "manifest.json"), "utf8")) as { assets: Array<{ file: string; bytes: number }> };
const script = () => manifest().assets.find((asset) => /^assets\/graphiql-.*\.js$/.test(asset.file))!;

describe("pages", () => {
  it.each([
    ["/", "GraphiQL"],
    ["/explorer", "explorer"],
  ])("serves %s as HTML that loads only from this origin", async (path, title) => {
    const response = await server.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'self'; script-src 'self';/);
    const html = await response.text();
    expect(html).toContain(title);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("answers a page's ETag with 304", async () => {
    const first = await server.request("/");
    const etag = first.headers.get("etag")!;
    const again = await server.request("/", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("shows the IDE to a browser navigating to /graphql, and keeps refusing a GET that is not a navigation", async () => {
    const navigation = await server.request("/graphql", { headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });
    expect(navigation.status).toBe(200);
    expect(await navigation.text()).toContain("GraphiQL");
    const json = await server.request("/graphql", { headers: { accept: "application/json, text/html" } });
    expect(json.status).toBe(400);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("still runs a query sent by GET with a preflight header, whatever the Accept", async () => {
    const response = await server.request(`/graphql?query=${encodeURIComponent("{ entity(id: \"kataib-hezbollah\") { name } }")}`, {
      headers: { accept: "application/graphql-response+json", "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { entity: { name: "Kataib Hezbollah" } } });
  });
});

describe("assets", () => {
  it("serves a hashed script immutable for a year", async () => {
    const asset = script();
    const response = await server.request(`/${asset.file}`, { headers: { "accept-encoding": "identity" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect((await response.arrayBuffer()).byteLength).toBe(asset.bytes);
  });

  it("sends the gzip copy to a client that accepts gzip, and the same bytes once unpacked", async () => {
    const asset = script();
    // Node's fetch would unpack it; a raw request shows what went over the wire.
    const { request } = await import("node:http");
    const body = await new Promise<{ encoding: string | undefined; vary: string | undefined; bytes: Buffer }>((resolve, reject) => {
      request(`${server.app.origin}/${asset.file}`, { headers: { "accept-encoding": "gzip, deflate" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], vary: res.headers.vary, bytes: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    });
    expect(body.encoding).toBe("gzip");
    expect(body.vary).toBe("accept-encoding");
    expect(gunzipSync(body.bytes).length).toBe(asset.bytes);
  });

  it("answers a file the build did not list with 404, whatever the path", async () => {
    for (const path of ["/assets/nope.js", "/assets/../manifest.json", "/assets/%2e%2e/manifest.json", `/${script().file}.gz`, "/manifest.json"]) {
      const response = await server.request(path);
      expect(response.status, path).toBe(404);
    }
  });
});

describe("without a build", () => {
  it("answers / with 503 and how to build, while /graphql keeps working", async () => {
    const app = await startApp({ port: 0, host: "127.0.0.1", dataDir: undefined, workbenchDir: mkdtempSync(join(tmpdir(), "no-workbench-")) });
    try {
      const page = await fetch(`${app.origin}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("npm run build");
      const query = await fetch(app.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
      expect(await query.json()).toEqual({ data: { __typename: "Query" } });
    } finally {
      await app.close();
    }
  });
});
