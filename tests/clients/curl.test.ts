/**
 * curl (/usr/bin/curl, run with execFile) against a real server: the
 * command lines docs/clients.md gives, their output parsed as JSON.
 *   - POST with `content-type: application/json` (or `--json`, curl 7.82+);
 *     `-d` alone sends `application/x-www-form-urlencoded`, which CSRF
 *     prevention refuses (400 BAD_REQUEST);
 *   - GET with the query and variables URL-encoded (`--get --data-urlencode`),
 *     which needs `-H 'apollo-require-preflight: true'`: without it CSRF
 *     prevention answers 400 BAD_REQUEST;
 *   - errors come back in the body with the status: 200 for NOT_FOUND, 400
 *     for a bad argument or a document that does not parse (which
 *     `--fail-with-body` turns into exit code 22).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";
import {
  CSRF_REFUSAL,
  ENTITY_QUERY,
  NEIGHBOURHOOD_QUERY,
  NEIGHBOURHOOD_VARIABLES,
  OUT_OF_RANGE_VARIABLES,
  PATH_QUERY,
  SYNTAX_ERROR_QUERY,
  UNKNOWN_ENTITY_VARIABLES,
  comparable,
  expectedAnswers,
} from "./matrix.js";
import type { Answer, Expected } from "./matrix.js";

const CURL = "/usr/bin/curl";
const run = promisify(execFile);

let server: TestServer;
let expected: Expected;

beforeAll(async () => {
  server = await startTestServer();
  expected = await expectedAnswers(server);
});
afterAll(() => server.close());

interface CurlResult extends Answer {
  readonly contentType: string;
  readonly exitCode: number;
}

/** Runs curl on the endpoint with `args`; the status and content type come from `--write-out`, after the body. */
async function curl(...args: string[]): Promise<CurlResult> {
  const { stdout, exitCode } = await run(CURL, ["--silent", "--show-error", "--write-out", "\n%{http_code} %{content_type}", ...args, server.app.graphqlUrl]).then(
    ({ stdout }) => ({ stdout, exitCode: 0 }),
    (error: { stdout: string; code: number }) => ({ stdout: error.stdout, exitCode: error.code }),
  );
  const cut = stdout.lastIndexOf("\n");
  const trailer = stdout.slice(cut + 1);
  const space = trailer.indexOf(" ");
  const body = JSON.parse(stdout.slice(0, cut)) as Omit<Answer, "status">;
  return { status: Number(trailer.slice(0, space)), contentType: trailer.slice(space + 1), exitCode, ...body };
}

const postJson = (query: string, variables?: Record<string, unknown>) => ["--header", "content-type: application/json", "--data-binary", JSON.stringify({ query, variables })];
const getParams = (query: string, variables?: Record<string, unknown>) => [
  "--get",
  "--data-urlencode",
  `query=${query}`,
  ...(variables ? ["--data-urlencode", `variables=${JSON.stringify(variables)}`] : []),
];
const PREFLIGHT = ["--header", "apollo-require-preflight: true"];

function expectErrors(result: CurlResult, answer: Answer) {
  expect(result.status).toBe(answer.status);
  expect(comparable(result.errors)).toEqual(comparable(answer.errors));
  expect(result.data).toEqual(answer.data);
}

describe("curl, POST", () => {
  it("is refused by CSRF prevention with -d alone, which sends content-type: application/x-www-form-urlencoded", async () => {
    const result = await curl("--data-binary", JSON.stringify({ query: PATH_QUERY }));
    expect(result.status).toBe(CSRF_REFUSAL.status);
    expect(result.errors?.map((e) => e.extensions?.["code"])).toEqual([CSRF_REFUSAL.code]);
    expect(result.errors?.[0]?.message).toMatch(CSRF_REFUSAL.message);
  });
});

describe("curl, POST with content-type: application/json", () => {
  it("(a) gets the path", async () => {
    const result = await curl(...postJson(PATH_QUERY));
    expect([result.status, result.contentType, result.exitCode]).toEqual([200, "application/json; charset=utf-8", 0]);
    expect(result.data).toEqual(expected.path.data);
  });

  it("(a) gets the path with --json too (curl 7.82+: sets content-type and accept)", async () => {
    const result = await curl("--json", JSON.stringify({ query: PATH_QUERY }));
    expect(result.status).toBe(200);
    expect(result.data).toEqual(expected.path.data);
  });

  it("(b) gets the neighbourhood, with variables", async () => {
    const result = await curl(...postJson(NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES));
    expect(result.status).toBe(200);
    expect(result.data).toEqual(expected.neighbourhood.data);
  });

  it("(c) errors: in the body, with status 200 (NOT_FOUND) or 400 (BAD_USER_INPUT, GRAPHQL_PARSE_FAILED)", async () => {
    expectErrors(await curl(...postJson(ENTITY_QUERY, UNKNOWN_ENTITY_VARIABLES)), expected.unknownEntity);
    expectErrors(await curl(...postJson(NEIGHBOURHOOD_QUERY, OUT_OF_RANGE_VARIABLES)), expected.outOfRange);
    expectErrors(await curl(...postJson(SYNTAX_ERROR_QUERY)), expected.syntaxError);
  });

  it("(c) --fail-with-body: a 400 exits 22 with the errors still printed; a 200 with errors exits 0", async () => {
    const badArgument = await curl("--fail-with-body", ...postJson(NEIGHBOURHOOD_QUERY, OUT_OF_RANGE_VARIABLES));
    expect(badArgument.exitCode).toBe(22);
    expectErrors(badArgument, expected.outOfRange);
    const notFound = await curl("--fail-with-body", ...postJson(ENTITY_QUERY, UNKNOWN_ENTITY_VARIABLES));
    expect(notFound.exitCode).toBe(0);
    expectErrors(notFound, expected.unknownEntity);
  });
});

describe("curl, GET with the query in the URL", () => {
  it("is refused by CSRF prevention without a preflight header", async () => {
    const result = await curl(...getParams(PATH_QUERY));
    expect(result.status).toBe(CSRF_REFUSAL.status);
    expect(result.errors?.map((e) => e.extensions?.["code"])).toEqual([CSRF_REFUSAL.code]);
    expect(result.errors?.[0]?.message).toMatch(CSRF_REFUSAL.message);
  });

  it("(a) gets the path with -H 'apollo-require-preflight: true'", async () => {
    const result = await curl(...PREFLIGHT, ...getParams(PATH_QUERY));
    expect(result.status).toBe(200);
    expect(result.data).toEqual(expected.path.data);
  });

  it("(b) gets the neighbourhood, with the variables as URL-encoded JSON", async () => {
    const result = await curl(...PREFLIGHT, ...getParams(NEIGHBOURHOOD_QUERY, NEIGHBOURHOOD_VARIABLES));
    expect(result.status).toBe(200);
    expect(result.data).toEqual(expected.neighbourhood.data);
  });

  it("(c) errors: the same as by POST", async () => {
    expectErrors(await curl(...PREFLIGHT, ...getParams(ENTITY_QUERY, UNKNOWN_ENTITY_VARIABLES)), expected.unknownEntity);
    expectErrors(await curl(...PREFLIGHT, ...getParams(NEIGHBOURHOOD_QUERY, OUT_OF_RANGE_VARIABLES)), expected.outOfRange);
    expectErrors(await curl(...PREFLIGHT, ...getParams(SYNTAX_ERROR_QUERY)), expected.syntaxError);
  });
});
