/**
 * What an outside audit found (issue 10), each as a request against a real
 * server: every one is answered with a 4xx and a named code, or a correct
 * 200, quickly; nothing is logged as unexpected; and a normal query works
 * right after. (Shutdown with idle and half-sent connections is in
 * faults.test.ts; linear validation work in graphql/linear-validation.test.ts.)
 */
import { getIntrospectionQuery } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createKnowledge } from "../../src/service/knowledge.js";
import { costLimit } from "../../src/graphql/protections/cost-limit.js";
import { REQUEST_LIMITS } from "../../src/service/limits.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { startTestServer } from "./harness.js";
import type { TestServer } from "./harness.js";
import { parse } from "graphql";

type Body = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(async () => {
  expect(server.logged).toEqual([]);
  const normal = await post({ query: '{ shortestPath(from: "kataib-hezbollah", to: "joe-biden") { length } }' });
  expect(normal).toEqual({ status: 200, body: { data: { shortestPath: { length: 2 } } } });
});

async function post(body: unknown, accept?: string): Promise<{ status: number; body: Body }> {
  const response = await server.request("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(text).not.toMatch(/stacktrace|\bat \S+ \(\S+:\d+:\d+\)|\.[jt]s:\d+:\d+|\/work\/main/);
  return { status: response.status, body: JSON.parse(text) as Body };
}

const codeOf = (body: Body) => body.errors?.[0]?.extensions?.["code"];

/** `{ ...F0 }` where each fragment spreads the next one twice: 2^n copies of the last. */
function doublingChain(n: number, leaf: string): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `{ ...F0 }\n${fragments.join("\n")}\nfragment F${n} on Query { ${leaf} }`;
}

describe("1. fragments that spread the next one twice", () => {
  it.each([22, 24, 30, 40])("n = %i costing something: refused as too complex, with the cost and the limit", async (n) => {
    const { status, body } = await post({ query: doublingChain(n, "sources { id }") });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", cost: expect.any(Number), maxCost: REQUEST_LIMITS.maxCost });
    expect(body.errors?.[0]?.extensions?.["cost"]).toBeGreaterThan(2 ** n);
  });

  it("n = 40 selecting only __typename: answered, since the copies cost nothing and run once", async () => {
    expect(await post({ query: doublingChain(40, "__typename") })).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
  });
});

describe("2. an operation name that names nothing", () => {
  it("is 400 OPERATION_RESOLUTION_FAILURE every time, never 500", async () => {
    for (let i = 0; i < 4; i++) {
      const result = await post({ query: "query A { __typename }", operationName: "Z" });
      expect(result.status).toBe(400);
      expect(codeOf(result.body)).toBe("OPERATION_RESOLUTION_FAILURE");
    }
  });

  it("two operations and no name: 400 every time", async () => {
    for (let i = 0; i < 4; i++) {
      const result = await post({ query: "query A { __typename } query B { __typename }" });
      expect(result.status).toBe(400);
      expect(codeOf(result.body)).toBe("OPERATION_RESOLUTION_FAILURE");
    }
  });
});

describe("3. the standard introspection query", () => {
  it("with every option on, as GraphiQL, codegen and Postman send it, is answered", async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const { status, body } = await post({ query, operationName: "IntrospectionQuery" });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const schema = body.data?.["__schema"] as { queryType: { name: string }; types: unknown[] };
    expect(schema.queryType.name).toBe("Query");
    expect(schema.types.length).toBeGreaterThan(40);
  });

  it("in its older seven-level form is answered", async () => {
    const ofType = (levels: number): string => (levels === 0 ? "kind name" : `kind name ofType { ${ofType(levels - 1)} }`);
    const query = `query IntrospectionQuery { __schema { queryType { name } types { ...FullType } } }
      fragment FullType on __Type { kind name fields(includeDeprecated: true) { name args { name type { ...TypeRef } } type { ...TypeRef } } }
      fragment TypeRef on __Type { ${ofType(7)} }`;
    const { status, body } = await post({ query });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("is never compiled, however often it comes", async () => {
    const query = getIntrospectionQuery();
    for (let i = 0; i < 5; i++) expect((await post({ query })).status).toBe(200);
  });
});

describe("4. introspection amplification", () => {
  const dumps = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(" ")} }`;

  it(`${REQUEST_LIMITS.maxIntrospectionFields} introspection fields are answered`, async () => {
    expect((await post({ query: dumps(REQUEST_LIMITS.maxIntrospectionFields) })).status).toBe(200);
  });

  it.each([REQUEST_LIMITS.maxIntrospectionFields + 1, 30])("%i aliased __schema dumps are refused before anything runs", async (count) => {
    const { status, body } = await post({ query: dumps(count) });
    expect(status).toBe(400);
    expect(codeOf(body)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors?.[0]?.message).toBe(`The operation asks for introspection (__schema, __type) ${count} times; the maximum is ${REQUEST_LIMITS.maxIntrospectionFields}`);
  });

  it("ofType nested deeper than the standard query is refused", async () => {
    const nested = (levels: number): string => (levels === 0 ? "name" : `ofType { ${nested(levels - 1)} }`);
    const query = (levels: number) => `{ __type(name: "Entity") { fields { type { ${nested(levels)} } } } }`;
    expect((await post({ query: query(REQUEST_LIMITS.maxOfTypeDepth) })).status).toBe(200);
    const { status, body } = await post({ query: query(REQUEST_LIMITS.maxOfTypeDepth + 1) });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/^ofType selections nest 10 levels deep; the maximum is 9/);
  });

  it("list fields inside introspection nest at most three deep (graphql-js's rule)", async () => {
    const { status, body } = await post({ query: "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }" });
    expect(status).toBe(400);
    expect(codeOf(body)).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("5. mutations and subscriptions", () => {
  it.each(["mutation", "subscription"])("%s { __typename } by POST is 400 GRAPHQL_VALIDATION_FAILED", async (type) => {
    const { status, body } = await post({ query: `${type} { __typename }` });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ message: `This API has no ${type}s; it answers queries only`, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
  });
});

describe("7. the status of a response with data", () => {
  // shortestPath is nullable: its error leaves the rest of the data standing.
  const query = '{ sources { id } shortestPath(from: "pmf\\u0007", to: "ircc") { length } }';

  it.each(["application/json", "application/graphql-response+json", undefined])("is 200 with an argument error in a nullable field (Accept: %s)", async (accept) => {
    const { status, body } = await post({ query }, accept);
    expect(status).toBe(200);
    expect(body.data).toEqual({ sources: expect.arrayContaining([{ id: "us-strikes-iran-backed-militias" }]), shortestPath: null });
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
  });

  it("is 400 when the argument error leaves no data", async () => {
    const { status, body } = await post({ query: '{ neighborhood(id: "pmf", depth: 9) { truncated } }' });
    expect(status).toBe(400);
    expect(body.data).toBeNull();
  });
});

describe("8. variables the operation does not declare", () => {
  it("play no part in the remembered costs", async () => {
    const schema = buildGraphQLSchema();
    const limit = costLimit(schema, createKnowledge(loadKnowledgeBase()).profile, { maxCost: REQUEST_LIMITS.maxCost });
    const listener = await limit.plugin.requestDidStart!({} as never);
    const document = parse("query($n: Int!) { entities(first: $n) { nodes { id } } }");
    const operation = document.definitions[0];
    for (let i = 0; i < 1024; i++) {
      const variables: Record<string, unknown> = { n: 5 };
      for (let v = 0; v < 3000; v++) variables[`unused${v}`] = i * 3000 + v;
      await listener!.didResolveOperation!({ request: { variables }, document, operation } as never);
    }
    expect(limit.cachedCosts()).toBe(1);
  });

  it("and the remembered costs are bounded however many shapes arrive", async () => {
    const schema = buildGraphQLSchema();
    const limit = costLimit(schema, createKnowledge(loadKnowledgeBase()).profile, { maxCost: REQUEST_LIMITS.maxCost, maxCachedCosts: 100 });
    const listener = await limit.plugin.requestDidStart!({} as never);
    const document = parse("query($n: Int!) { entities(first: $n) { nodes { id } } }");
    for (let i = 0; i < 1000; i++) {
      await listener!.didResolveOperation!({ request: { variables: { n: i } }, document, operation: document.definitions[0] } as never);
    }
    expect(limit.cachedCosts()).toBeLessThanOrEqual(100);
  });
});

describe("9. costs that match the work", () => {
  it("a document with more than 10,000 fields expanded is QUERY_TOO_COMPLEX, not BAD_USER_INPUT", async () => {
    const { status, body } = await post({ query: doublingChain(14, "a: sources { id } b: sources { id }") });
    expect(status).toBe(400);
    expect(codeOf(body)).toBe("QUERY_TOO_COMPLEX");
  });

  it("neighbours of neighbours are costed at the data's real degree, not at ten", async () => {
    const { status, body } = await post({ query: "{ entities(first: 100) { nodes { neighbors { neighbors { id } } } } }" });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.["cost"]).toBeGreaterThan(100 * 50 * 50);
  });

  it("nested lists take first and offset, and degree counts them all", async () => {
    const all = await post({ query: '{ entity(id: "us-government") { degree relations(first: 500) { id } } }' });
    const entity = all.body.data?.["entity"] as { degree: number; relations: Array<{ id: string }> };
    expect(entity.relations).toHaveLength(entity.degree);
    const page = await post({ query: '{ entity(id: "us-government") { relations(first: 3, offset: 2) { id } } }' });
    expect((page.body.data?.["entity"] as { relations: unknown[] }).relations).toEqual(entity.relations.slice(2, 5));
  });
});

describe("found while fuzzing the guards: selections repeated hundreds of times", () => {
  it("740 copies of one field (graphql-js would spend 300 ms comparing them) are refused before validation", async () => {
    const { status, body } = await post({ query: `{ ${"sources { id } ".repeat(740)} }` });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toEqual({
      message: `"sources" is selected 740 times in one selection set; the maximum is ${REQUEST_LIMITS.maxRepeatedSelections}`,
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
  });

  it("the same by GET, with the media type the client asked for", async () => {
    const query = `{ ${"__typename ".repeat(100)} }`;
    const response = await server.request(`/graphql?query=${encodeURIComponent(query)}`, {
      headers: { "apollo-require-preflight": "true", accept: "application/graphql-response+json" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
  });
});
