/**
 * The clients matrix (issue 14, item 4): the operations every client in
 * tests/clients/ sends, and the answers it must get.
 *
 * Every client runs the same three things against a real server:
 *   (a) a path query, written with literal arguments;
 *   (b) a neighbourhood query with variables;
 *   (c) errors: an unknown id (NOT_FOUND, 200), an argument out of range
 *       (BAD_USER_INPUT, 400), an unknown field (GRAPHQL_VALIDATION_FAILED, 400)
 *       and a document that does not parse (GRAPHQL_PARSE_FAILED, 400).
 *
 * The answers are taken once per server by `expectedAnswers` (a plain
 * `fetch` POST of JSON, nothing else), checked there against the facts below,
 * and then each client's answer is compared with them: the same `data`, deep
 * equal, and the same errors.
 *
 * Every selection set asks for `__typename`: Apollo Client's cache adds it to
 * every selection set it sends, so with it written out every client sends the
 * same document and gets the same data. The documents are in graphql-js's
 * printed form, which is what Apollo Client sends, so its text is ours to the
 * character.
 */
import { parse, print } from "graphql";
import { expect } from "vitest";
import type { TestServer } from "../http/harness.js";

const canonical = (source: string) => print(parse(source));

/** (a) How Kataib Sayyid al Shuhada is connected to Joe Biden; no variables. */
export const PATH_QUERY = canonical(`
  query Path {
    shortestPath(from: "kataib-sayyid-al-shuhada", to: "joe-biden") {
      __typename
      length
      nodes { __typename id name kind }
      steps { __typename direction from { __typename id } relation { __typename id type } to { __typename id } }
    }
  }
`);

/** (b) What lies within `depth` hops of an entity, at most `limit` entities. */
export const NEIGHBOURHOOD_QUERY = canonical(`
  query Neighbourhood($id: ID!, $depth: Int!, $limit: Int!) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      __typename
      truncated
      nodes { __typename depth entity { __typename id name kind } }
      edges { __typename id type source { __typename id } target { __typename id } }
    }
  }
`);
export const NEIGHBOURHOOD_VARIABLES = { id: "kataib-hezbollah", depth: 2, limit: 25 };

/** (c) One entity by id; with an unknown id, NOT_FOUND (HTTP 200, `data: null`). */
export const ENTITY_QUERY = canonical(`
  query Entity($id: ID!) {
    entity(id: $id) { __typename id name }
  }
`);
export const UNKNOWN_ENTITY_VARIABLES = { id: "no-such-entity" };
/** (c) The neighbourhood query with `depth` out of range: BAD_USER_INPUT, HTTP 400, `data: null`. */
export const OUT_OF_RANGE_VARIABLES = { ...NEIGHBOURHOOD_VARIABLES, depth: 7 };
/** (c) A field the schema does not have: GRAPHQL_VALIDATION_FAILED, HTTP 400, no `data`. */
export const INVALID_FIELD_QUERY = canonical(`
  query InvalidField {
    entity(id: "kataib-hezbollah") { __typename noSuchField }
  }
`);
/** (c) A document that does not parse (the last brace is missing): GRAPHQL_PARSE_FAILED, HTTP 400. Clients that parse documents themselves (Apollo Client, urql) refuse it before sending. */
export const SYNTAX_ERROR_QUERY = `query Broken { entity(id: "kataib-hezbollah") { __typename name }`;

/** What a GET without a content-type or preflight header is refused with (Apollo Server's CSRF prevention). */
export const CSRF_REFUSAL = {
  status: 400,
  code: "BAD_REQUEST",
  message: /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)/,
};
/** The header that lets a GET through (any non-empty value; `x-apollo-operation-name` works too). */
export const PREFLIGHT_HEADER = { "apollo-require-preflight": "true" } as const;

export interface FormattedError {
  message: string;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface Answer {
  readonly status: number;
  readonly data?: unknown;
  readonly errors?: FormattedError[];
}

export type CaseName = "path" | "neighbourhood" | "unknownEntity" | "outOfRange" | "invalidField" | "syntaxError";

export const CASES: Record<CaseName, { query: string; variables?: Record<string, unknown> }> = {
  path: { query: PATH_QUERY },
  neighbourhood: { query: NEIGHBOURHOOD_QUERY, variables: NEIGHBOURHOOD_VARIABLES },
  unknownEntity: { query: ENTITY_QUERY, variables: UNKNOWN_ENTITY_VARIABLES },
  outOfRange: { query: NEIGHBOURHOOD_QUERY, variables: OUT_OF_RANGE_VARIABLES },
  invalidField: { query: INVALID_FIELD_QUERY },
  syntaxError: { query: SYNTAX_ERROR_QUERY },
};

export type Expected = Record<CaseName, Answer>;

/**
 * Errors as compared across clients: message, path and extensions. Locations
 * are left out, since they depend on how a client prints the document (urql
 * re-prints it in its own layout).
 */
export function comparable(errors: ReadonlyArray<FormattedError> | undefined) {
  return (errors ?? []).map(({ message, path, extensions }) => ({ message, path: path === undefined ? undefined : [...path], extensions }));
}

/**
 * The answers every client must get: each case POSTed as JSON with plain
 * fetch (no Accept header, so `application/json`), checked against what the
 * bundled data says.
 */
export async function expectedAnswers(server: TestServer): Promise<Expected> {
  const answers = {} as Record<CaseName, Answer>;
  for (const [name, { query, variables }] of Object.entries(CASES) as Array<[CaseName, (typeof CASES)[CaseName]]>) {
    const response = await server.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.headers.get("content-type"), name).toBe("application/json; charset=utf-8");
    answers[name] = { status: response.status, ...((await response.json()) as object) };
  }

  // (a) Two steps: the June 27, 2021 strikes attacked KSS, and Biden directed them.
  const path = answers.path.data as { shortestPath: { length: number; nodes: Array<{ id: string }> } };
  expect(answers.path.status).toBe(200);
  expect(path.shortestPath.length).toBe(2);
  expect(path.shortestPath.nodes.map((n) => n.id)).toEqual(["kataib-sayyid-al-shuhada", "us-strike-2021-06-27", "joe-biden"]);
  // (b) Kataib Hezbollah first, at depth 0; more than 25 entities within two hops, so truncated.
  const neighbourhood = answers.neighbourhood.data as { neighborhood: { truncated: boolean; nodes: Array<{ depth: number; entity: { id: string } }>; edges: unknown[] } };
  expect(answers.neighbourhood.status).toBe(200);
  expect(neighbourhood.neighborhood.truncated).toBe(true);
  expect(neighbourhood.neighborhood.nodes).toHaveLength(25);
  expect(neighbourhood.neighborhood.nodes[0]).toMatchObject({ depth: 0, entity: { id: "kataib-hezbollah" } });
  expect(neighbourhood.neighborhood.edges.length).toBeGreaterThan(24);
  // (c) The errors, with their statuses.
  const code = (name: CaseName) => answers[name].errors?.map((e) => e.extensions?.["code"]);
  expect([answers.unknownEntity.status, answers.unknownEntity.data, code("unknownEntity")]).toEqual([200, null, ["NOT_FOUND"]]);
  expect([answers.outOfRange.status, answers.outOfRange.data, code("outOfRange")]).toEqual([400, null, ["BAD_USER_INPUT"]]);
  expect([answers.invalidField.status, "data" in answers.invalidField, code("invalidField")]).toEqual([400, false, ["GRAPHQL_VALIDATION_FAILED"]]);
  expect([answers.syntaxError.status, "data" in answers.syntaxError, code("syntaxError")]).toEqual([400, false, ["GRAPHQL_PARSE_FAILED"]]);
  return answers;
}

/** A request a client sent and what came back, as a recording fetch saw it. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  /** Header names in lower case. */
  readonly headers: Record<string, string>;
  /** The JSON body of a POST, parsed. */
  readonly body: Record<string, unknown> | undefined;
  readonly status: number;
  readonly contentType: string | null;
  readonly etag: string | null;
}

/** A fetch that passes every request on and records it, to see what a client sends. */
export function recordingFetch() {
  const requests: RecordedRequest[] = [];
  const recording = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    requests.push({ method: init?.method ?? "GET", url, headers, body, status: response.status, contentType: response.headers.get("content-type"), etag: response.headers.get("etag") });
    return response;
  };
  return { fetch: recording as typeof fetch, requests };
}

/** The GraphQL parameters of a GET request's URL, variables and extensions parsed. */
export function getParameters(request: RecordedRequest) {
  const parameter = (name: string) => request.url.searchParams.get(name) ?? undefined;
  const json = (name: string) => (parameter(name) === undefined ? undefined : (JSON.parse(parameter(name)!) as Record<string, unknown>));
  return { query: parameter("query"), operationName: parameter("operationName"), variables: json("variables"), extensions: json("extensions") };
}
