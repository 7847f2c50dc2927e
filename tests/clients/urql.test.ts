/**
 * urql (@urql/core 6, Client with fetchExchange) against a real server.
 *
 * urql's default, `preferGetMethod: "within-url-limit"`, sends queries by GET
 * with no content-type and no custom header: a request a browser may send
 * from any site without a preflight, so the server's CSRF prevention refuses
 * it (400 BAD_REQUEST, as a CombinedError's graphQLErrors). Either setting
 * works: `preferGetMethod: false` (POST), or GET with an
 * `apollo-require-preflight` header in `fetchOptions`. In both, the path and
 * neighbourhood queries get the matrix's data, GraphQL errors (200 and 400
 * alike) arrive as CombinedError.graphQLErrors with no networkError, and a
 * server that cannot be reached as a networkError.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, CombinedError, fetchExchange } from "@urql/core";
import type { ClientOptions, OperationResult } from "@urql/core";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";
import {
  CSRF_REFUSAL,
  ENTITY_QUERY,
  INVALID_FIELD_QUERY,
  NEIGHBOURHOOD_QUERY,
  NEIGHBOURHOOD_VARIABLES,
  OUT_OF_RANGE_VARIABLES,
  PATH_QUERY,
  PREFLIGHT_HEADER,
  SYNTAX_ERROR_QUERY,
  UNKNOWN_ENTITY_VARIABLES,
  comparable,
  expectedAnswers,
  getParameters,
  recordingFetch,
} from "./matrix.js";
import type { Answer, Expected, RecordedRequest } from "./matrix.js";

let server: TestServer;
let expected: Expected;

beforeAll(async () => {
  server = await startTestServer();
  expected = await expectedAnswers(server);
});
afterAll(() => server.close());

/** A client whose requests are recorded. */
function urql(options: Omit<ClientOptions, "url" | "exchanges" | "fetch"> = {}) {
  const recorder = recordingFetch();
  const client = new Client({ url: server.app.graphqlUrl, exchanges: [fetchExchange], fetch: recorder.fetch, ...options });
  return { client, requests: recorder.requests };
}

function expectGraphQLErrors(result: OperationResult, answer: Answer) {
  expect(result.error).toBeInstanceOf(CombinedError);
  expect(result.error?.networkError).toBeUndefined();
  expect(comparable(result.error?.graphQLErrors)).toEqual(comparable(answer.errors));
  expect(result.data ?? null).toEqual(answer.data ?? null);
}

describe("urql's default client (queries by GET when the URL is short enough)", () => {
  it("is refused by CSRF prevention: a GET with no content-type and no preflight header", async () => {
    const { client, requests } = urql();
    const result = await client.query(PATH_QUERY, {}).toPromise();
    const [request] = requests as [RecordedRequest];
    expect(request.method).toBe("GET");
    expect(request.headers).toEqual({ accept: "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed" });
    expect(result.data).toBeUndefined();
    expect(result.error).toBeInstanceOf(CombinedError);
    expect(result.error?.networkError).toBeUndefined();
    expect(result.error?.graphQLErrors).toHaveLength(1);
    expect(result.error?.graphQLErrors[0]?.message).toMatch(CSRF_REFUSAL.message);
    expect(result.error?.graphQLErrors[0]?.extensions["code"]).toBe(CSRF_REFUSAL.code);
    expect((result.error?.response as Response).status).toBe(CSRF_REFUSAL.status);
  });
});

const modes: Array<[string, Omit<ClientOptions, "url" | "exchanges" | "fetch">, string]> = [
  ["POST (preferGetMethod: false)", { preferGetMethod: false }, "POST"],
  ["GET with an apollo-require-preflight header", { fetchOptions: { headers: { ...PREFLIGHT_HEADER } } }, "GET"],
];

describe.each(modes)("urql, %s", (_name, options, method) => {
  it(`sends ${method}`, async () => {
    const { client, requests } = urql(options);
    await client.query(NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES).toPromise();
    const [request] = requests as [RecordedRequest];
    expect(request.method).toBe(method);
    const sent = method === "GET" ? getParameters(request) : request.body;
    expect(sent).toMatchObject({ operationName: "Neighbourhood", variables: NEIGHBOURHOOD_VARIABLES });
    expect(request.status).toBe(200);
    expect(request.contentType).toBe("application/graphql-response+json; charset=utf-8");
  });

  it("(a) gets the path", async () => {
    const result = await urql(options).client.query(PATH_QUERY, {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(expected.path.data);
  });

  it("(b) gets the neighbourhood, with variables", async () => {
    const result = await urql(options).client.query(NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(expected.neighbourhood.data);
  });

  it("(c) an unknown id: CombinedError.graphQLErrors with NOT_FOUND (HTTP 200)", async () => {
    const { client, requests } = urql(options);
    expectGraphQLErrors(await client.query(ENTITY_QUERY, UNKNOWN_ENTITY_VARIABLES).toPromise(), expected.unknownEntity);
    expect(requests[0]?.status).toBe(200);
  });

  it("(c) an argument out of range and an unknown field: CombinedError.graphQLErrors, from 400s", async () => {
    const { client, requests } = urql(options);
    expectGraphQLErrors(await client.query(NEIGHBOURHOOD_QUERY, OUT_OF_RANGE_VARIABLES).toPromise(), expected.outOfRange);
    expectGraphQLErrors(await client.query(INVALID_FIELD_QUERY, {}).toPromise(), expected.invalidField);
    expect(requests.map((r) => r.status)).toEqual([400, 400]);
  });

  it("(c) a document that does not parse never leaves the client: query() throws a syntax error", () => {
    const { client, requests } = urql(options);
    expect(() => client.query(SYNTAX_ERROR_QUERY, {})).toThrow(/Syntax Error/);
    expect(requests).toHaveLength(0);
  });

  it("(c) a server that cannot be reached: CombinedError.networkError", async () => {
    const client = new Client({ url: "http://127.0.0.1:1/graphql", exchanges: [fetchExchange], ...options });
    const result = await client.query(PATH_QUERY, {}).toPromise();
    expect(result.error?.networkError).toBeInstanceOf(TypeError);
    expect(result.error?.graphQLErrors).toEqual([]);
    expect(result.error?.message).toBe("[Network] fetch failed");
  });
});
