/**
 * The HTTP surface: routes, the workbench page, health, request hygiene and
 * error masking. Runs on the tiny fixture data, on a real server on port 0.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphQLHandler } from "../../src/http/graphql-handler.js";
import { startServer } from "../../src/http/server.js";
import { createKnowledge } from "../../src/service/knowledge.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { KnowledgeService } from "../../src/service/knowledge-service.js";
import { validFixture, writeFixture } from "../loading/fixture-data.js";
import { startTestServer } from "./harness.js";
import type { TestServer } from "./harness.js";

let server: TestServer;
const MAX_BODY = 4096;

beforeAll(async () => {
  server = await startTestServer({ dataDir: writeFixture(validFixture()), maxBodyBytes: MAX_BODY });
});
afterAll(() => server.close());

const postJson = (body: string, headers: Record<string, string> = {}) =>
  server.request("/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

type ErrorBody = { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
const firstError = async (response: Response) => ((await response.json()) as ErrorBody).errors[0]!;

async function expectHealthy() {
  const response = await postJson(JSON.stringify({ query: "{ entity(id: \"kataib-hezbollah\") { name } }" }));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { entity: { name: "Kataib Hezbollah" } } });
}

describe("routes", () => {
  it("serves the GraphiQL workbench at /, loading nothing from elsewhere", async () => {
    const response = await server.request("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("Conflict knowledge graph");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("answers a health check with the graph's size, where the data comes from and its version", async () => {
    const response = await server.request("/health");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", ready: true, source: "files", dataVersion: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/), entities: 4, relations: 3, sources: 1 });
  });

  it("answers /ready with 200 once the data is loaded (files: from the start)", async () => {
    const response = await server.request("/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ready", ready: true, source: "files" });
  });

  it("answers unknown paths with 404 and a JSON error", async () => {
    const response = await server.request("/graphq");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringMatching(/^No route \/graphq; the GraphQL endpoint is \/graphql, exports are \/export\//), extensions: { code: "NOT_FOUND" } }],
    });
  });

  it("answers other methods on /graphql with 405 and an Allow header", async () => {
    const response = await server.request("/graphql", { method: "PUT", body: "{}" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
  });

  it("serves GET queries that carry a CSRF-safe header", async () => {
    const response = await server.request(`/graphql?query=${encodeURIComponent("{ entity(id: \"iran-government\") { name } }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { entity: { name: "Iran" } } });
  });

  it("sends GraphQL answers with their length, not chunked", async () => {
    const response = await postJson(JSON.stringify({ query: "{ entity(id: \"iran-government\") { name } }" }));
    const body = await response.text();
    expect(response.headers.get("transfer-encoding")).toBeNull();
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
  });
});

describe("malformed and unsafe requests get a 4xx with a named code, and the server stays up", () => {
  it("rejects malformed JSON", async () => {
    const response = await postJson('{"query": "{ __typename }"');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
    expect(body.errors[0]!.message).toMatch(/^Malformed JSON body: /);
    await expectHealthy();
  });

  it("rejects a body over the limit with 413", async () => {
    const response = await postJson(JSON.stringify({ query: `{ __typename }`, padding: "x".repeat(MAX_BODY) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: `Request body is larger than ${MAX_BODY} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }],
    });
    await expectHealthy();
  });

  it("rejects a text/plain POST (CSRF prevention)", async () => {
    const response = await server.request("/graphql", { method: "POST", headers: { "content-type": "text/plain" }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Cross-Site Request Forgery (CSRF)");
  });

  it("rejects a GET without a CSRF-safe header", async () => {
    const response = await server.request(`/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Cross-Site Request Forgery (CSRF)");
  });

  it("rejects batched requests", async () => {
    const response = await postJson(JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("batch");
    await expectHealthy();
  });

  it("rejects a syntax error with GRAPHQL_PARSE_FAILED and no stack trace", async () => {
    const response = await postJson(JSON.stringify({ query: "{ entity(id: " }));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions).toEqual({ code: "GRAPHQL_PARSE_FAILED" });
    expect(text).not.toContain("stacktrace");
  });

  it("rejects an unknown field with GRAPHQL_VALIDATION_FAILED", async () => {
    const response = await postJson(JSON.stringify({ query: "{ entity(id: \"iran-government\") { nmae } }" }));
    expect(response.status).toBe(400);
    expect((await firstError(response)).extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
  });

  it("rejects variables of the wrong type with BAD_USER_INPUT", async () => {
    const response = await postJson(JSON.stringify({ query: "query($d: Int!) { neighborhood(id: \"iran-government\", depth: $d) { truncated } }", variables: { d: "two" } }));
    expect(response.status).toBe(400);
    expect((await firstError(response)).extensions).toEqual({ code: "BAD_USER_INPUT" });
  });

  it("rejects an unknown operation name", async () => {
    const response = await postJson(JSON.stringify({ query: "query A { __typename }", operationName: "B" }));
    expect(response.status).toBe(400);
    expect((await firstError(response)).message).toBe('Unknown operation named "B".');
  });
});

describe("errors inside resolvers", () => {
  it("are masked as INTERNAL_SERVER_ERROR, logged, and do not affect other requests", async () => {
    class FaultyService extends KnowledgeService {
      override entity(id: string) {
        if (id === "boom") throw new Error("secret internal detail at /srv/app.ts:12");
        return super.entity(id);
      }
    }
    const logged: unknown[] = [];
    const service = new FaultyService(createKnowledge(loadKnowledgeBase(writeFixture(validFixture()))));
    const handler = await createGraphQLHandler(service, (e) => logged.push(e));
    const faulty = await startServer(handler, { port: 0, host: "127.0.0.1", health: () => ({}), logError: (e) => logged.push(e) });
    try {
      const post = (query: string) =>
        fetch(faulty.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
      const [failing, fine] = await Promise.all([post('{ entity(id: "boom") { name } }'), post('{ entity(id: "iran-government") { name } }')]);
      const text = await failing.text();
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: "Internal server error", locations: [{ line: 1, column: 3 }], path: ["entity"], extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        data: null,
      });
      expect(text).not.toContain("secret");
      expect(await fine.json()).toEqual({ data: { entity: { name: "Iran" } } });
      expect(String(logged[0])).toContain("secret internal detail");
    } finally {
      await faulty.close();
      await handler.stop();
    }
  });
});
