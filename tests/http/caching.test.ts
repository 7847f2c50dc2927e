/**
 * Browsers on other origins and HTTP caches: CORS is off by default and an
 * allow-list opens it to named origins (preflight included); GET answers
 * carry an ETag from the data version and the request, a configurable
 * Cache-Control, and 304 when the client's copy is current.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "./harness.js";
import type { TestServer } from "./harness.js";

const QUERY = `/graphql?query=${encodeURIComponent('{ entity(id: "kataib-hezbollah") { id name } }')}`;
const preflightHeaders = { "apollo-require-preflight": "true" };

describe("CORS, off by default", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("adds no CORS header for a browser on another origin, and refuses its preflight", async () => {
    const response = await server.request(QUERY, { headers: { ...preflightHeaders, origin: "https://elsewhere.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await server.request("/graphql", { method: "OPTIONS", headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("CORS with an allow-list, and caching", () => {
  let server: TestServer;
  const allowed = "https://notebook.example.org";
  beforeAll(async () => {
    server = await startTestServer({ corsOrigins: [allowed], cacheControl: "max-age=60" });
  });
  afterAll(() => server.close());

  it("answers a listed origin's preflight and marks its answers, and no other origin's", async () => {
    const preflight = await server.request("/graphql", { method: "OPTIONS", headers: { origin: allowed, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(allowed);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("content-type");
    const post = await server.request("/graphql", { method: "POST", headers: { "content-type": "application/json", origin: allowed }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(post.headers.get("access-control-allow-origin")).toBe(allowed);
    expect(post.headers.get("vary")).toContain("Origin");
    const other = await server.request("/graphql", { method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives GET answers an ETag and the configured Cache-Control, and 304 for a current copy", async () => {
    const first = await server.request(QUERY, { headers: preflightHeaders });
    const etag = first.headers.get("etag");
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("max-age=60");
    const again = await server.request(QUERY, { headers: { ...preflightHeaders, "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const weak = await server.request(QUERY, { headers: { ...preflightHeaders, "if-none-match": `W/${etag}` } });
    expect(weak.status).toBe(304);
    const otherQuery = await server.request(`/graphql?query=${encodeURIComponent("{ sources { id } }")}`, { headers: { ...preflightHeaders, "if-none-match": etag! } });
    expect(otherQuery.status).toBe(200);
    expect(otherQuery.headers.get("etag")).not.toBe(etag);
  });

  it("caches downloads the same way, and never POST answers or errors", async () => {
    const download = await server.request("/export/events.csv?country=iraq");
    const etag = download.headers.get("etag")!;
    expect(etag).toBeTruthy();
    await download.arrayBuffer();
    expect((await server.request("/export/events.csv?country=iraq", { headers: { "if-none-match": etag } })).status).toBe(304);
    const post = await server.request("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(post.headers.get("etag")).toBeNull();
    const error = await server.request("/export/events.csv?first=1");
    expect(error.status).toBe(400);
    expect(error.headers.get("etag")).toBeNull();
  });
});
