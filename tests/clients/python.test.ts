/**
 * Python with requests (Debian's python3-requests), against a real server:
 * tests/clients/python_client.py, run by /usr/bin/python3 (the system
 * Python, not whichever python3 comes first on PATH), POSTs the path query
 * and the neighbourhood query with variables as JSON (`json=` sets the
 * content-type), GETs the neighbourhood with and without the
 * apollo-require-preflight header, POSTs with `data=` (no content-type:
 * refused, like the GET without the header), and sends the three error
 * cases; it prints each answer's status, content type and body, compared
 * here with the matrix's.
 *
 * Without requests under /usr/bin/python3 the file is skipped with one line
 * saying what to install; when CI is set, it fails instead.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";
import {
  CSRF_REFUSAL,
  ENTITY_QUERY,
  NEIGHBOURHOOD_QUERY,
  NEIGHBOURHOOD_VARIABLES,
  PATH_QUERY,
  SYNTAX_ERROR_QUERY,
  comparable,
  expectedAnswers,
} from "./matrix.js";
import type { Answer, Expected } from "./matrix.js";

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./python_client.py", import.meta.url));
const INSTALL = "apt-get install python3-requests";

/** Why the script cannot run here, or null when it can. */
function pythonUnavailable(): string | null {
  const probe = spawnSync(PYTHON, ["-c", "import requests"], { encoding: "utf8" });
  if (probe.error) return `${PYTHON} cannot be run (${(probe.error as NodeJS.ErrnoException).code})`;
  if (probe.status !== 0) return `${PYTHON} has no requests module`;
  return null;
}

const unavailable = pythonUnavailable();
const skip = unavailable !== null && !process.env["CI"];
if (skip) console.warn(`tests/clients/python.test.ts skipped: ${unavailable}; ${INSTALL}`);

interface PythonAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: Omit<Answer, "status">;
}
type PythonResults = Record<"path" | "neighbourhood" | "neighbourhood_get" | "get_without_header" | "data_without_content_type" | "unknown_entity" | "out_of_range" | "syntax_error", PythonAnswer> & {
  requests_version: string;
};

describe.skipIf(skip)("Python requests (/usr/bin/python3 tests/clients/python_client.py)", () => {
  let server: TestServer;
  let expected: Expected;
  let results: PythonResults;

  beforeAll(async () => {
    if (unavailable !== null) throw new Error(`${unavailable}; ${INSTALL} (CI is set, so this fails instead of skipping)`);
    server = await startTestServer();
    expected = await expectedAnswers(server);
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, server.app.graphqlUrl], { encoding: "utf8" });
    results = JSON.parse(stdout) as PythonResults;
  });
  afterAll(() => server?.close());

  function expectSame(result: PythonAnswer, answer: Answer) {
    expect(result.status).toBe(answer.status);
    expect(result.body.data).toEqual(answer.data);
    expect(comparable(result.body.errors)).toEqual(comparable(answer.errors));
  }

  it("sends the matrix's queries and variables, to the character", () => {
    const script = readFileSync(SCRIPT, "utf8");
    for (const query of [PATH_QUERY, NEIGHBOURHOOD_QUERY, ENTITY_QUERY, SYNTAX_ERROR_QUERY]) expect(script).toContain(query);
    expect(script).toContain(`NEIGHBOURHOOD_VARIABLES = ${JSON.stringify(NEIGHBOURHOOD_VARIABLES).replaceAll(",", ", ").replaceAll(":", ": ")}`);
    expect(results.requests_version).toMatch(/^2\./);
  });

  it("(a) gets the path, by POST", () => {
    expectSame(results.path, expected.path);
    expect(results.path.contentType).toBe("application/json; charset=utf-8");
  });

  it("(b) gets the neighbourhood with variables, by POST and by GET with the preflight header", () => {
    expectSame(results.neighbourhood, expected.neighbourhood);
    expectSame(results.neighbourhood_get, expected.neighbourhood);
  });

  it("a GET without the preflight header, and a POST with data= (no content-type), are refused by CSRF prevention", () => {
    for (const refused of [results.get_without_header, results.data_without_content_type]) {
      expect(refused.status).toBe(CSRF_REFUSAL.status);
      expect(refused.body.errors?.map((e) => e.extensions?.["code"])).toEqual([CSRF_REFUSAL.code]);
      expect(refused.body.errors?.[0]?.message).toMatch(CSRF_REFUSAL.message);
    }
  });

  it("(c) errors: NOT_FOUND with 200, BAD_USER_INPUT and GRAPHQL_PARSE_FAILED with 400, in the JSON body", () => {
    expectSame(results.unknown_entity, expected.unknownEntity);
    expectSame(results.out_of_range, expected.outOfRange);
    expectSame(results.syntax_error, expected.syntaxError);
  });
});
