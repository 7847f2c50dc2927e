/**
 * Hostile and malformed requests: each is refused with a 4xx and a named error
 * code, no traversal runs, and the server answers a normal query right after.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp } from "../../src/app.js";
import type { RunningApp } from "../../src/app.js";
import { createKnowledge } from "../../src/service/knowledge.js";
import { REQUEST_LIMITS } from "../../src/service/limits.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/http/server.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { KnowledgeService } from "../../src/service/knowledge-service.js";

/** Counts every call that walked the graph (a call refused for its arguments walks nothing). */
class CountingService extends KnowledgeService {
  walks = 0;
  override neighborhood(...args: Parameters<KnowledgeService["neighborhood"]>) {
    const result = super.neighborhood(...args);
    this.walks++;
    return result;
  }
  override shortestPath(...args: Parameters<KnowledgeService["shortestPath"]>) {
    const result = super.shortestPath(...args);
    this.walks++;
    return result;
  }
  override allShortestPaths(...args: Parameters<KnowledgeService["allShortestPaths"]>) {
    const result = super.allShortestPaths(...args);
    this.walks++;
    return result;
  }
  override paths(...args: Parameters<KnowledgeService["paths"]>) {
    const result = super.paths(...args);
    this.walks++;
    return result;
  }
  override relationsOf(...args: Parameters<KnowledgeService["relationsOf"]>) {
    const result = super.relationsOf(...args);
    this.walks++;
    return result;
  }
  override entities(...args: Parameters<KnowledgeService["entities"]>) {
    const result = super.entities(...args);
    this.walks++;
    return result;
  }
}

let app: RunningApp;
let service: CountingService;
beforeAll(async () => {
  service = new CountingService(createKnowledge(loadKnowledgeBase()));
  app = await startApp({ service, port: 0, host: "127.0.0.1", logError: (e) => console.error(e) });
});
afterAll(() => app.close());
beforeEach(() => {
  service.walks = 0;
});

type Body = { errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; data?: unknown };

async function post(body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) {
  const response = await fetch(app.graphqlUrl, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Body };
}

/** The probe was refused: 4xx, the code, no traversal; and a normal query works right after. */
async function expectRefused(result: { status: number; body: Body }, status: number, code: string, message?: RegExp) {
  expect(result.status).toBe(status);
  expect(result.body.errors?.[0]?.extensions?.["code"]).toBe(code);
  if (message) expect(result.body.errors?.[0]?.message).toMatch(message);
  expect(JSON.stringify(result.body)).not.toMatch(/stacktrace|\.ts:\d+|at [A-Za-z]+ \(/);
  expect(service.walks).toBe(0);
  const normal = await post({ query: '{ shortestPath(from: "kataib-hezbollah", to: "joe-biden") { length } }' });
  expect(normal.status).toBe(200);
  expect(normal.body).toEqual({ data: { shortestPath: { length: expect.any(Number) } } });
}

const nested = (levels: number) => `{ entity(id: "pmf") { ${"neighbors { ".repeat(levels - 2)}id${" }".repeat(levels - 2)} } }`;

describe("documents past a limit are refused before anything runs", () => {
  it(`nesting one level past the cap of ${REQUEST_LIMITS.maxDepth}`, async () => {
    await expectRefused(
      await post({ query: nested(REQUEST_LIMITS.maxDepth + 1) }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      new RegExp(`nest ${REQUEST_LIMITS.maxDepth + 1} levels deep; the maximum is ${REQUEST_LIMITS.maxDepth}`),
    );
  });

  it("101 aliases of a path query", async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `p${i}: shortestPath(from: "pmf", to: "ircc") { length }`).join(" ");
    await expectRefused(await post({ query: `{ ${aliases} }` }), 400, "GRAPHQL_VALIDATION_FAILED", new RegExp(`more than ${REQUEST_LIMITS.maxAliases} aliases`));
  });

  it("500 duplicated fields", async () => {
    const fields = 'shortestPath(from: "pmf", to: "ircc") { length } '.repeat(500);
    await expectRefused(await post({ query: `{ ${fields} }` }), 400, "GRAPHQL_PARSE_FAILED", new RegExp(`more that ${REQUEST_LIMITS.maxTokens} tokens`));
  });

  it("51 repeated directives", async () => {
    const spreads = "...F @include(if: true) ".repeat(51);
    await expectRefused(
      await post({ query: `{ ${spreads} } fragment F on Query { __typename }` }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      new RegExp(`more than ${REQUEST_LIMITS.maxDirectives} directives`),
    );
  });

  it("a query whose computed cost is over the limit", async () => {
    const query = "{ entities(first: 100) { nodes { neighbors { neighbors { id } } } } }";
    const result = await post({ query });
    await expectRefused(result, 400, "QUERY_TOO_COMPLEX", new RegExp(`exceeds the maximum of ${REQUEST_LIMITS.maxCost}`));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ maxCost: REQUEST_LIMITS.maxCost, cost: expect.any(Number) });
  });

  it("a cost that comes from variables", async () => {
    const query = "query($n: Int!) { entities(first: $n) { nodes { neighbors { neighbors { id } } } } }";
    expect((await post({ query, variables: { n: 2 } })).status).toBe(200);
    service.walks = 0;
    await expectRefused(await post({ query, variables: { n: 100 } }), 400, "QUERY_TOO_COMPLEX");
  });
});

describe("arguments out of range are BAD_USER_INPUT with the allowed range", () => {
  it.each([
    ["neighborhood depth", "depth", [0, "ok"], [-1, "0 to 4"], [5, "0 to 4"], [1e9, "0 to 4"]],
    ["neighborhood limit", "limit", [0, "1 to 500"], [-1, "1 to 500"], [501, "1 to 500"], [1e9, "1 to 500"]],
  ] as const)("%s", async (_name, argument, ...cases) => {
    for (const [value, range] of cases) {
      service.walks = 0;
      const result = await post({ query: `query($v: Int!) { neighborhood(id: "pmf", ${argument}: $v) { truncated } }`, variables: { v: value } });
      if (range === "ok") {
        expect(result.status).toBe(200);
        continue;
      }
      await expectRefused(result, 400, "BAD_USER_INPUT", new RegExp(`^${argument}: must be an integer from ${range} \\(got ${value}\\)$`));
    }
  });

  it.each([0, -1, 101, 1e9])("first: %s", async (value) => {
    await expectRefused(
      await post({ query: `query($v: Int!) { entities(first: $v) { totalCount } }`, variables: { v: value } }),
      400,
      "BAD_USER_INPUT",
      new RegExp(`^first: must be an integer from 1 to 100 \\(got ${value}\\)$`),
    );
  });

  it("a 251-item id list", async () => {
    const ids = Array.from({ length: 251 }, (_, i) => `id-${i}`);
    await expectRefused(
      await post({ query: "query($ids: [ID!]!) { entitiesById(ids: $ids) { id } }", variables: { ids } }),
      400,
      "BAD_USER_INPUT",
      /^ids: must have at most 250 items \(got 251\)$/,
    );
    const fine = await post({ query: "query($ids: [ID!]!) { entitiesById(ids: $ids) { id } }", variables: { ids: ["pmf", "nope"] } });
    expect(fine.body).toEqual({ data: { entitiesById: [{ id: "pmf" }, null] } });
  });

  it("ids with control characters", async () => {
    await expectRefused(await post({ query: '{ entity(id: "pmf\\u0007") { id } }' }), 400, "BAD_USER_INPUT", /^id: must not contain control characters$/);
  });
});

describe("malformed and unsafe requests", () => {
  it("a batch array of 10 operations", async () => {
    await expectRefused(await post(Array.from({ length: 10 }, () => ({ query: '{ shortestPath(from: "pmf", to: "ircc") { length } }' }))), 400, "BAD_REQUEST");
  });

  it("a body over the limit", async () => {
    const body = JSON.stringify({ query: "{ __typename }", padding: "x".repeat(DEFAULT_MAX_BODY_BYTES) });
    await expectRefused(await post(body), 413, "PAYLOAD_TOO_LARGE");
  });

  it("a 100 kB search string", async () => {
    await expectRefused(await post({ query: "query($s: String!) { entities(search: $s) { totalCount } }", variables: { s: "k".repeat(100_000) } }), 413, "PAYLOAD_TOO_LARGE");
  });

  it("malformed JSON", async () => {
    await expectRefused(await post('{"query": "{ __typename }",'), 400, "BAD_REQUEST", /^Malformed JSON body/);
  });

  it("a text/plain POST (CSRF)", async () => {
    await expectRefused(await post({ query: "{ __typename }" }, { "content-type": "text/plain" }), 400, "BAD_REQUEST", /Cross-Site Request Forgery/);
  });

  it("a header-less GET (CSRF)", async () => {
    const response = await fetch(`${app.graphqlUrl}?query=${encodeURIComponent('{ shortestPath(from: "pmf", to: "ircc") { length } }')}`);
    await expectRefused({ status: response.status, body: (await response.json()) as Body }, 400, "BAD_REQUEST", /Cross-Site Request Forgery/);
  });

  it("invalid variables", async () => {
    await expectRefused(
      await post({ query: "query($d: Int!) { neighborhood(id: \"pmf\", depth: $d) { truncated } }", variables: { d: "deep" } }),
      400,
      "BAD_USER_INPUT",
      /Variable "\$d" got invalid value "deep"/,
    );
  });

  it("an unknown operation name", async () => {
    await expectRefused(await post({ query: "query A { __typename }", operationName: "B" }), 400, "OPERATION_RESOLUTION_FAILURE", /Unknown operation named "B"/);
  });

  it("gives no hints that map the schema", async () => {
    const result = await post({ query: "{ shortestPat(from: \"pmf\", to: \"ircc\") { length } }" });
    await expectRefused(result, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(result.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe("the traversal work budget", () => {
  it("stops a traversal that needs more work than one request may spend, with 400 TRAVERSAL_BUDGET_EXCEEDED", async () => {
    const tight = new KnowledgeService(createKnowledge(loadKnowledgeBase()), { traversalBudget: 50 });
    const small = await startApp({ service: tight, port: 0, host: "127.0.0.1", logError: (e) => console.error(e) });
    try {
      const response = await fetch(small.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ paths(from: "kataib-hezbollah", to: "joe-biden", maxLength: 6, limit: 50) { length } }' }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as Body;
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^kShortestPaths needed more than 50 edge visits, the most one request may spend/),
        extensions: { code: "TRAVERSAL_BUDGET_EXCEEDED", budget: 50 },
      });
      const fine = await fetch(small.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ entity(id: "pmf") { name } }' }),
      });
      expect(fine.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe("costs remembered per document", () => {
  it("tell requests apart by the numbers and list lengths in their variables, not by their strings", async () => {
    const query = "query($ids: [ID!]!, $n: Int!) { entitiesById(ids: $ids) { neighbors { neighbors { id } } } entities(first: $n) { nodes { id } } }";
    const ok = await post({ query, variables: { ids: ["pmf"], n: 5 } });
    expect(ok.status).toBe(200);
    const manyIds = await post({ query, variables: { ids: Array.from({ length: 200 }, () => "pmf"), n: 5 } });
    expect(manyIds.body.errors?.[0]?.extensions?.["code"]).toBe("QUERY_TOO_COMPLEX");
    const otherStrings = await post({ query, variables: { ids: ["ircc"], n: 5 } });
    expect(otherStrings.status).toBe(200);
  });
});
