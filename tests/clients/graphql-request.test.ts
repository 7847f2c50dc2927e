/**
 * graphql-request 7 (GraphQLClient) against a real server.
 *
 * Its default, POST with `content-type: application/json`, works as it is:
 * `request` gives the data, `rawRequest` the data with status and headers.
 * Every GraphQL error, at 200 or 400, is thrown as a ClientError carrying
 * the server's `errors` and HTTP `status` in `response`; with
 * `errorPolicy: "all"`, `rawRequest` returns the errors of a 200 answer
 * beside the data instead. graphql-request sends the query text as given, so
 * a document that does not parse reaches the server and comes back as
 * GRAPHQL_PARSE_FAILED.
 *
 * With `method: "GET"` it sends no content-type, and CSRF prevention refuses
 * the request (a ClientError with status 400) unless an
 * `apollo-require-preflight` header is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientError, GraphQLClient } from "graphql-request";
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

type Options = ConstructorParameters<typeof GraphQLClient>[1];

/** A client whose requests are recorded. */
function graphqlRequest(options: Options = {}) {
  const recorder = recordingFetch();
  return { client: new GraphQLClient(server.app.graphqlUrl, { fetch: recorder.fetch, ...options }), requests: recorder.requests };
}

/** The ClientError a request throws. */
async function clientError(request: Promise<unknown>): Promise<ClientError> {
  const error = await request.then(
    () => expect.unreachable("the request should have failed"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClientError);
  return error as ClientError;
}

function expectErrors(error: ClientError, answer: Answer) {
  expect(error.response.status).toBe(answer.status);
  expect(comparable(error.response.errors)).toEqual(comparable(answer.errors));
  expect(error.response.data ?? null).toEqual(answer.data ?? null);
}

describe("graphql-request, default (POST)", () => {
  it("POSTs JSON, asking for application/graphql-response+json first", async () => {
    const { client, requests } = graphqlRequest();
    await client.request(PATH_QUERY);
    const [request] = requests as [RecordedRequest];
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["accept"]).toBe("application/graphql-response+json, application/json");
    expect(request.body).toEqual({ query: PATH_QUERY, operationName: "Path" });
  });

  it("(a) request() gets the path", async () => {
    expect(await graphqlRequest().client.request(PATH_QUERY)).toEqual(expected.path.data);
  });

  it("(b) request() gets the neighbourhood, with variables", async () => {
    expect(await graphqlRequest().client.request(NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES)).toEqual(expected.neighbourhood.data);
  });

  it("(b) rawRequest() gets the same, with status and headers", async () => {
    const raw = await graphqlRequest().client.rawRequest(NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES);
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
    expect(raw.data).toEqual(expected.neighbourhood.data);
    expect(raw.errors).toBeUndefined();
  });

  it("(c) an unknown id: ClientError with NOT_FOUND and status 200", async () => {
    expectErrors(await clientError(graphqlRequest().client.request(ENTITY_QUERY, UNKNOWN_ENTITY_VARIABLES)), expected.unknownEntity);
  });

  it("(c) an unknown id with errorPolicy 'all': rawRequest returns the errors beside data: null", async () => {
    const raw = await graphqlRequest({ errorPolicy: "all" }).client.rawRequest(ENTITY_QUERY, UNKNOWN_ENTITY_VARIABLES);
    expect(raw.status).toBe(200);
    expect(raw.data).toBeNull();
    expect(comparable(raw.errors)).toEqual(comparable(expected.unknownEntity.errors));
  });

  it("(c) an argument out of range, an unknown field, a document that does not parse: ClientError with the errors and status 400", async () => {
    const { client } = graphqlRequest();
    expectErrors(await clientError(client.request(NEIGHBOURHOOD_QUERY, OUT_OF_RANGE_VARIABLES)), expected.outOfRange);
    expectErrors(await clientError(client.request(INVALID_FIELD_QUERY)), expected.invalidField);
    expectErrors(await clientError(client.request(SYNTAX_ERROR_QUERY)), expected.syntaxError);
    // errorPolicy "all" does not change that: a 400 is always thrown.
    expectErrors(await clientError(graphqlRequest({ errorPolicy: "all" }).client.rawRequest(NEIGHBOURHOOD_QUERY, OUT_OF_RANGE_VARIABLES)), expected.outOfRange);
  });
});

describe("graphql-request with method: 'GET'", () => {
  it("is refused by CSRF prevention without a preflight header: ClientError, status 400, BAD_REQUEST", async () => {
    const { client, requests } = graphqlRequest({ method: "GET" });
    const error = await clientError(client.request(PATH_QUERY));
    expect(requests[0]?.method).toBe("GET");
    expect(requests[0]?.headers["content-type"]).toBeUndefined();
    expect(error.response.status).toBe(CSRF_REFUSAL.status);
    expect(error.response.errors?.map((e) => e.extensions?.["code"])).toEqual([CSRF_REFUSAL.code]);
    expect(error.response.errors?.[0]?.message).toMatch(CSRF_REFUSAL.message);
  });

  describe("with headers: { 'apollo-require-preflight': 'true' }", () => {
    const client = () => graphqlRequest({ method: "GET", headers: { ...PREFLIGHT_HEADER } });

    it("(a) gets the path, by GET", async () => {
      const { client: get, requests } = client();
      expect(await get.request(PATH_QUERY)).toEqual(expected.path.data);
      expect(requests.map((r) => [r.method, r.url.searchParams.get("operationName")])).toEqual([["GET", "Path"]]);
    });

    it("(b) gets the neighbourhood, with variables", async () => {
      const { client: get, requests } = client();
      expect(await get.request(NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES)).toEqual(expected.neighbourhood.data);
      expect(JSON.parse(requests[0]?.url.searchParams.get("variables") ?? "null")).toEqual(NEIGHBOURHOOD_VARIABLES);
    });

    it("(c) errors: ClientError with the errors and the status", async () => {
      const get = client().client;
      expectErrors(await clientError(get.request(ENTITY_QUERY, UNKNOWN_ENTITY_VARIABLES)), expected.unknownEntity);
      expectErrors(await clientError(get.request(NEIGHBOURHOOD_QUERY, OUT_OF_RANGE_VARIABLES)), expected.outOfRange);
      expectErrors(await clientError(get.request(SYNTAX_ERROR_QUERY)), expected.syntaxError);
    });
  });
});
