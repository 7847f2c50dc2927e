/**
 * Apollo Client 4 (core, in Node: ApolloClient + InMemoryCache + HttpLink on
 * Node's fetch) against a real server, in three modes:
 *   - the default: POST, `accept: application/graphql-response+json,application/json;q=0.9`;
 *   - automatic persisted queries (PersistedQueryLink with node:crypto's SHA-256):
 *     a first run is refused PERSISTED_QUERY_NOT_FOUND and retried with the
 *     query, a second run sends the hash alone;
 *   - GET for queries (`useGETForQueries: true`), which CSRF prevention lets
 *     through with no configuration, because Apollo Client sends
 *     `content-type: application/json` on GET too.
 * In each mode the path and neighbourhood queries get the matrix's data, and
 * GraphQL errors arrive as CombinedGraphQLErrors, including 400s: the server
 * answers them as `application/graphql-response+json`, which Apollo Client
 * reads as a GraphQL response whatever the status. Errors of the HTTP layer
 * itself (413, or a 400 when Accept is narrowed to `application/json`) arrive
 * as ServerError.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import type { DocumentNode } from "@apollo/client";
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { parse, print, visit } from "graphql";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";
import {
  ENTITY_QUERY,
  INVALID_FIELD_QUERY,
  NEIGHBOURHOOD_QUERY,
  NEIGHBOURHOOD_VARIABLES,
  OUT_OF_RANGE_VARIABLES,
  PATH_QUERY,
  SYNTAX_ERROR_QUERY,
  UNKNOWN_ENTITY_VARIABLES,
  comparable,
  expectedAnswers,
  getParameters,
  recordingFetch,
} from "./matrix.js";
import type { Expected, RecordedRequest } from "./matrix.js";

let server: TestServer;
let expected: Expected;

beforeAll(async () => {
  server = await startTestServer();
  expected = await expectedAnswers(server);
});
afterAll(() => server.close());

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A client with its own cache whose requests are recorded; `link` goes in front of the HttpLink. */
function apollo(options: { http?: Omit<HttpLink.Options, "uri" | "fetch">; link?: ApolloLink } = {}) {
  const recorder = recordingFetch();
  const http = new HttpLink({ uri: server.app.graphqlUrl, fetch: recorder.fetch, ...options.http });
  const client = new ApolloClient({ cache: new InMemoryCache(), link: options.link ? options.link.concat(http) : http });
  return { client, requests: recorder.requests };
}

/** The error a query is rejected with (errorPolicy "none", the default). */
async function rejection(client: ApolloClient, query: DocumentNode, variables?: Record<string, unknown>): Promise<unknown> {
  return client.query({ query, variables }).then(
    () => expect.unreachable("the query should have been rejected"),
    (error: unknown) => error,
  );
}

async function expectGraphQLErrors(error: unknown, answer: Expected[keyof Expected]) {
  expect(CombinedGraphQLErrors.is(error), String(error)).toBe(true);
  const combined = error as CombinedGraphQLErrors;
  expect(comparable(combined.errors)).toEqual(comparable(answer.errors));
  expect(combined.data).toEqual(answer.data);
}

/** The same operation under another name: a document the server has not seen the hash of. */
function renamed(query: string, name: string): DocumentNode {
  return visit(parse(query), { OperationDefinition: (node) => ({ ...node, name: { kind: "Name" as const, value: name } }) }) as DocumentNode;
}

describe("Apollo Client 4, default HttpLink (POST)", () => {
  it("POSTs JSON and asks for application/graphql-response+json first", async () => {
    const { client, requests } = apollo();
    await client.query({ query: gql(PATH_QUERY) });
    expect(requests).toHaveLength(1);
    const [request] = requests as [RecordedRequest];
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["accept"]).toBe("application/graphql-response+json,application/json;q=0.9");
    // The query is sent as graphql-js prints it: the matrix's text exactly.
    expect(request.body?.["query"]).toBe(PATH_QUERY);
    // ...and the server answers in the media type asked for first.
    expect(request.contentType).toBe("application/graphql-response+json; charset=utf-8");
  });

  it("(a) gets the path", async () => {
    const { data } = await apollo().client.query({ query: gql(PATH_QUERY) });
    expect(data).toEqual(expected.path.data);
  });

  it("(b) gets the neighbourhood, with variables", async () => {
    const { client, requests } = apollo();
    const { data } = await client.query({ query: gql(NEIGHBOURHOOD_QUERY), variables: NEIGHBOURHOOD_VARIABLES });
    expect(data).toEqual(expected.neighbourhood.data);
    expect(requests[0]?.body?.["variables"]).toEqual(NEIGHBOURHOOD_VARIABLES);
  });

  it("(c) an unknown id: CombinedGraphQLErrors with NOT_FOUND (HTTP 200)", async () => {
    const { client, requests } = apollo();
    await expectGraphQLErrors(await rejection(client, gql(ENTITY_QUERY), UNKNOWN_ENTITY_VARIABLES), expected.unknownEntity);
    expect(requests[0]?.status).toBe(200);
  });

  it("(c) an argument out of range: CombinedGraphQLErrors with BAD_USER_INPUT, from a 400 in application/graphql-response+json", async () => {
    const { client, requests } = apollo();
    await expectGraphQLErrors(await rejection(client, gql(NEIGHBOURHOOD_QUERY), OUT_OF_RANGE_VARIABLES), expected.outOfRange);
    expect([requests[0]?.status, requests[0]?.contentType]).toEqual([400, "application/graphql-response+json; charset=utf-8"]);
  });

  it("(c) an unknown field: CombinedGraphQLErrors with GRAPHQL_VALIDATION_FAILED, from a 400 in application/graphql-response+json", async () => {
    const { client, requests } = apollo();
    await expectGraphQLErrors(await rejection(client, gql(INVALID_FIELD_QUERY)), expected.invalidField);
    expect([requests[0]?.status, requests[0]?.contentType]).toEqual([400, "application/graphql-response+json; charset=utf-8"]);
  });

  it("(c) a document that does not parse never leaves the client: gql throws a syntax error", () => {
    expect(() => gql(SYNTAX_ERROR_QUERY)).toThrow(/Syntax Error: Expected Name, found <EOF>/);
  });

  it("(c) with Accept narrowed to application/json, the same 400 arrives as ServerError, the errors only in its body text", async () => {
    const { client, requests } = apollo({ http: { headers: { accept: "application/json" } } });
    const error = await rejection(client, gql(NEIGHBOURHOOD_QUERY), OUT_OF_RANGE_VARIABLES);
    expect(requests[0]?.headers["accept"]).toBe("application/json");
    expect(ServerError.is(error), String(error)).toBe(true);
    expect((error as ServerError).statusCode).toBe(400);
    expect(comparable((JSON.parse((error as ServerError).bodyText) as Expected["outOfRange"]).errors)).toEqual(comparable(expected.outOfRange.errors));
  });

  it("(c) an error of the HTTP layer (a body over 64 KiB: 413, application/json) arrives as ServerError", async () => {
    const { client } = apollo();
    const error = await rejection(client, gql(ENTITY_QUERY), { id: "x".repeat(70_000) });
    expect(ServerError.is(error), String(error)).toBe(true);
    expect((error as ServerError).statusCode).toBe(413);
    expect(JSON.parse((error as ServerError).bodyText)).toEqual({ errors: [{ message: "Request body is larger than 65536 bytes", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });
});

describe("Apollo Client 4 with automatic persisted queries (PersistedQueryLink, SHA-256 from node:crypto)", () => {
  const persistedQueries = (options: { useGETForHashedQueries?: boolean } = {}) => new PersistedQueryLink({ sha256, ...options });

  it("(a) a first run is refused PERSISTED_QUERY_NOT_FOUND and retried with the query; a second run sends the hash alone", async () => {
    const first = apollo({ link: persistedQueries() });
    const { data } = await first.client.query({ query: gql(PATH_QUERY) });
    expect(data).toEqual(expected.path.data);
    const hash = { version: 1, sha256Hash: sha256(PATH_QUERY) };
    expect(first.requests.map((r) => [r.method, r.body?.["query"], r.body?.["extensions"]])).toEqual([
      ["POST", undefined, expect.objectContaining({ persistedQuery: hash })],
      ["POST", PATH_QUERY, expect.objectContaining({ persistedQuery: hash })],
    ]);
    // The refusal is a 200 in application/graphql-response+json, which the link reads and retries.
    expect([first.requests[0]?.status, first.requests[0]?.contentType]).toEqual([200, "application/graphql-response+json; charset=utf-8"]);

    // Another client (another process, or a reloaded page) with the server now knowing the hash.
    const second = apollo({ link: persistedQueries() });
    expect((await second.client.query({ query: gql(PATH_QUERY) })).data).toEqual(expected.path.data);
    expect(second.requests.map((r) => [r.method, r.body?.["query"], r.body?.["extensions"]])).toEqual([["POST", undefined, expect.objectContaining({ persistedQuery: hash })]]);
  });

  it("(b) the neighbourhood, with variables: the same exchange, the variables sent each time", async () => {
    const first = apollo({ link: persistedQueries() });
    expect((await first.client.query({ query: gql(NEIGHBOURHOOD_QUERY), variables: NEIGHBOURHOOD_VARIABLES })).data).toEqual(expected.neighbourhood.data);
    expect(first.requests.map((r) => [r.body?.["query"] !== undefined, r.body?.["variables"]])).toEqual([
      [false, NEIGHBOURHOOD_VARIABLES],
      [true, NEIGHBOURHOOD_VARIABLES],
    ]);
    const second = apollo({ link: persistedQueries() });
    expect((await second.client.query({ query: gql(NEIGHBOURHOOD_QUERY), variables: NEIGHBOURHOOD_VARIABLES })).data).toEqual(expected.neighbourhood.data);
    expect(second.requests.map((r) => [r.body?.["query"] !== undefined, r.body?.["variables"]])).toEqual([[false, NEIGHBOURHOOD_VARIABLES]]);
  });

  it("(c) errors after the retry arrive as CombinedGraphQLErrors, not retried again", async () => {
    const notFound = apollo({ link: persistedQueries() });
    await expectGraphQLErrors(await rejection(notFound.client, gql(ENTITY_QUERY), UNKNOWN_ENTITY_VARIABLES), expected.unknownEntity);
    expect(notFound.requests.map((r) => r.body?.["query"] !== undefined)).toEqual([false, true]);

    // The hash is known once the neighbourhood query has run with it: the variables' error comes back at the first request.
    const outOfRange = apollo({ link: persistedQueries() });
    await outOfRange.client.query({ query: gql(NEIGHBOURHOOD_QUERY), variables: NEIGHBOURHOOD_VARIABLES });
    outOfRange.requests.length = 0;
    await expectGraphQLErrors(await rejection(outOfRange.client, gql(NEIGHBOURHOOD_QUERY), OUT_OF_RANGE_VARIABLES), expected.outOfRange);
    expect(outOfRange.requests.map((r) => [r.body?.["query"] !== undefined, r.status])).toEqual([[false, 400]]);

    // A document that does not validate is never stored: refused, retried with the query, refused again.
    const invalid = apollo({ link: persistedQueries() });
    await expectGraphQLErrors(await rejection(invalid.client, gql(INVALID_FIELD_QUERY)), expected.invalidField);
    expect(invalid.requests.map((r) => [r.body?.["query"] !== undefined, r.status])).toEqual([
      [false, 200],
      [true, 400],
    ]);
  });

  it("with useGETForHashedQueries, hashes go by GET (passing CSRF prevention) and the retry with the query by POST", async () => {
    const query = renamed(PATH_QUERY, "PathByHash");
    const first = apollo({ link: persistedQueries({ useGETForHashedQueries: true }) });
    expect((await first.client.query({ query })).data).toEqual(expected.path.data);
    expect(first.requests.map((r) => [r.method, r.status])).toEqual([
      ["GET", 200],
      ["POST", 200],
    ]);
    expect(getParameters(first.requests[0]!)).toMatchObject({ query: undefined, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(print(query)) } } });

    const second = apollo({ link: persistedQueries({ useGETForHashedQueries: true }) });
    expect((await second.client.query({ query })).data).toEqual(expected.path.data);
    expect(second.requests.map((r) => [r.method, r.status, getParameters(r).query])).toEqual([["GET", 200, undefined]]);
    // A GET answer carries an ETag, for a cache in front of the server.
    expect(second.requests[0]?.etag).toMatch(/^"[\w-]{27}"$/);
  });
});

describe("Apollo Client 4 with GET for queries (useGETForQueries: true)", () => {
  const getClient = () => apollo({ http: { useGETForQueries: true } });

  it("sends GET with content-type: application/json, which CSRF prevention accepts: nothing to configure", async () => {
    const { client, requests } = getClient();
    await client.query({ query: gql(NEIGHBOURHOOD_QUERY), variables: NEIGHBOURHOOD_VARIABLES });
    const [request] = requests as [RecordedRequest];
    expect(request.method).toBe("GET");
    expect(request.body).toBeUndefined();
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["apollo-require-preflight"]).toBeUndefined();
    expect(getParameters(request)).toMatchObject({ query: NEIGHBOURHOOD_QUERY, operationName: "Neighbourhood", variables: NEIGHBOURHOOD_VARIABLES });
    expect(request.status).toBe(200);
  });

  it("(a) gets the path", async () => {
    const { client, requests } = getClient();
    expect((await client.query({ query: gql(PATH_QUERY) })).data).toEqual(expected.path.data);
    expect(requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("(b) gets the neighbourhood, with variables", async () => {
    const { client } = getClient();
    expect((await client.query({ query: gql(NEIGHBOURHOOD_QUERY), variables: NEIGHBOURHOOD_VARIABLES })).data).toEqual(expected.neighbourhood.data);
  });

  it("(c) errors arrive as CombinedGraphQLErrors, 200 and 400 alike", async () => {
    const { client, requests } = getClient();
    await expectGraphQLErrors(await rejection(client, gql(ENTITY_QUERY), UNKNOWN_ENTITY_VARIABLES), expected.unknownEntity);
    await expectGraphQLErrors(await rejection(client, gql(NEIGHBOURHOOD_QUERY), OUT_OF_RANGE_VARIABLES), expected.outOfRange);
    await expectGraphQLErrors(await rejection(client, gql(INVALID_FIELD_QUERY)), expected.invalidField);
    expect(requests.map((r) => [r.method, r.status])).toEqual([
      ["GET", 200],
      ["GET", 400],
      ["GET", 400],
    ]);
  });
});
