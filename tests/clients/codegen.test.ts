/**
 * GraphQL Code Generator with the server's URL as its schema: `generate()`
 * from @graphql-codegen/cli, run programmatically with the project's
 * codegen.ts settings (typescript-operations and typed-document-node over
 * operations/*.graphql) but `schema: "<origin>/graphql"`, writing to a
 * temporary directory. Checked: generation succeeds, and its output is the
 * same, to the byte, as codegen's output from the committed SDL
 * (schema/schema.graphql); codegen reads the schema with one introspection
 * query POSTed as JSON, which needs no configuration (with `method: "GET"` it
 * needs the apollo-require-preflight header); and the schema built from
 * introspection over HTTP prints exactly as the committed SDL does. So what a
 * client generates from the live server is what the repository's own types are.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "@graphql-codegen/cli";
import type { CodegenConfig } from "@graphql-codegen/cli";
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from "graphql";
import type { IntrospectionQuery } from "graphql";
import projectConfig from "../../codegen.js";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";
import { PREFLIGHT_HEADER, recordingFetch } from "./matrix.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMA_FILE = join(root, "schema/schema.graphql");

let server: TestServer;
let dir: string;
/** What codegen makes of the committed SDL: the expected output. */
let fromFile: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), "clients-codegen-"));
  fromFile = await codegen(SCHEMA_FILE, "from-file.ts");
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The project's output settings (plugins and their config), from codegen.ts. */
const projectOutput = Object.values(projectConfig.generates)[0]!;

/** Runs codegen with the project's settings and the given schema, writing `<dir>/<name>`; returns what it wrote. */
async function codegen(schema: CodegenConfig["schema"], name: string): Promise<string> {
  const output = join(dir, name);
  const written = await generate(
    {
      ...projectConfig,
      schema,
      documents: [join(root, "operations/**/*.graphql")],
      generates: { [output]: projectOutput },
      silent: true,
    },
    true,
  );
  expect(written.map((file: { filename: string }) => file.filename)).toEqual([output]);
  return readFileSync(output, "utf8");
}

/** The first line where two texts differ, as `line N: <a> | <b>`; null when they are equal (a readable failure for 300 kB files). */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  const [linesA, linesB] = [a.split("\n"), b.split("\n")];
  const line = linesA.findIndex((text, i) => text !== linesB[i]);
  const at = line === -1 ? linesA.length : line;
  return `line ${at + 1}: ${linesA[at]?.slice(0, 200)} | ${linesB[at]?.slice(0, 200)}`;
}

describe("GraphQL Code Generator with the server's URL as schema", () => {
  it("generates the operations' types from `<origin>/graphql`, the same to the byte as from the committed schema/schema.graphql", async () => {
    const fromUrl = await codegen(server.app.graphqlUrl, "from-url.ts");
    expect(fromUrl).toContain("export type ShortestPathQuery = ");
    expect(fromUrl).toContain("export const NeighborhoodDocument = ");
    expect(firstDifference(fromUrl, fromFile)).toBeNull();
  });

  it("reads the schema by one introspection query, POSTed as JSON: nothing to configure", async () => {
    const recorder = recordingFetch();
    await codegen([{ [server.app.graphqlUrl]: { customFetch: recorder.fetch } }], "recorded.ts");
    expect(recorder.requests.map((r) => [r.method, r.headers["content-type"], r.status, Object.keys(r.body ?? {})])).toEqual([["POST", "application/json", 200, ["query"]]]);
    expect(recorder.requests[0]?.body?.["query"]).toMatch(/^query IntrospectionQuery/);
  });

  it("with `method: GET` it sends no content-type, and needs the apollo-require-preflight header", async () => {
    const refused = codegen([{ [server.app.graphqlUrl]: { method: "GET" } }], "get-refused.ts");
    await expect(refused).rejects.toThrow(/This operation has been blocked as a potential Cross-Site Request Forgery/);
    const fromGet = await codegen([{ [server.app.graphqlUrl]: { method: "GET", headers: { ...PREFLIGHT_HEADER } } }], "get.ts");
    expect(firstDifference(fromGet, fromFile)).toBeNull();
  });

  it("introspection over HTTP gives the committed schema (types, fields, arguments, defaults and descriptions)", async () => {
    const response = await server.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }) }),
    });
    const { data } = (await response.json()) as { data: IntrospectionQuery };
    const served = printSchema(buildClientSchema(data));
    const committed = printSchema(buildSchema(readFileSync(SCHEMA_FILE, "utf8")));
    expect(firstDifference(served, committed)).toBeNull();
  });
});
