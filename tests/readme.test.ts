/**
 * The README's examples are true: every ```graphql block followed by a
 * ```json block is run against a real server on the bundled data, and the
 * response must equal the JSON shown.
 */
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { operationCost } from "../src/graphql/protections/cost.js";
import { buildGraphQLSchema } from "../src/graphql/schema.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_KINDS, RELATION_TYPE_NAMES } from "../src/model/ontology.js";
import { LIMITS, REQUEST_LIMITS } from "../src/service/limits.js";
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_GRACE_MS } from "../src/http/server.js";
import { runCli } from "../src/cli/run.js";
import { acledTable, columnsDoc, countsTable, estimatesTable } from "../scripts/readme-tables.js";
import { startTestServer } from "./http/harness.js";
import type { TestServer } from "./http/harness.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const EXAMPLE = /```graphql\n([\s\S]*?)```\s*\n(?:[^\n`]*\n)*?```json\n([\s\S]*?)```/g;
const examples = [...README.matchAll(EXAMPLE)].map((m) => ({ query: m[1]!, expected: JSON.parse(m[2]!) as unknown }));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DATA_MODEL = readFileSync(new URL("../docs/data-model.md", import.meta.url), "utf8");

describe("README and docs reference tables", () => {
  it("docs/data-model.md lists every entity kind and relation type", () => {
    for (const name of [...ENTITY_KINDS, ...RELATION_TYPE_NAMES]) expect(DATA_MODEL).toContain(`| \`${name}\` |`);
  });

  it("the README stays a guide of at most 400 lines, linking the docs", () => {
    expect(README.split("\n").length).toBeLessThanOrEqual(400);
    for (const doc of ["docs/data-model.md", "docs/api.md", "docs/performance.md", "docs/operations.md", "docs/tables.md"]) expect(README).toContain(`](${doc})`);
  });

  it("docs/data-model.md gives the bundled data's counts (npm run tables)", () => {
    expect(DATA_MODEL).toContain(countsTable(server.app.service));
    const entities = server.app.service.allEntities().length;
    const relations = server.app.service.allRelations().length;
    for (const text of [README, DATA_MODEL]) expect(text).toContain(`${entities} entities and ${relations} relations`);
  });

  it("docs/data-model.md shows the estimates of every event with casualty claims (npm run tables)", () => {
    const shown = /<!-- estimates -->\n([\s\S]*?)\n<!-- \/estimates -->/.exec(DATA_MODEL);
    expect(shown?.[1]).toBe(estimatesTable(server.app.service));
  });

  it("the README maps the events table's columns onto ACLED's, and docs/tables.md lists every column (npm run tables)", () => {
    expect(/<!-- acled -->\n([\s\S]*?)\n<!-- \/acled -->/.exec(README)?.[1]).toBe(acledTable(server.app.service));
    const tablesDoc = readFileSync(new URL("../docs/tables.md", import.meta.url), "utf8");
    expect(/<!-- columns -->\n([\s\S]*?)\n<!-- \/columns -->/.exec(tablesDoc)?.[1]).toBe(columnsDoc(server.app.service));
  });

  it("the README names every entity without a relation, and says why", () => {
    const service = server.app.service;
    const isolated = service.allEntities().filter((entity) => service.degreeOf(entity.id, {}) === 0);
    const paragraph = README.split("\n").find((line) => line.startsWith("- **Two entities have no relation**")) ?? "";
    expect(isolated.map((entity) => entity.id).sort()).toEqual(["israel-government", "middle-east"]);
    for (const entity of isolated) expect(paragraph).toContain(`\`${entity.id}\``);
  });

  it("states the limits the code enforces", () => {
    const rows = [
      `| 1 to ${LIMITS.pageSize.max} | ${LIMITS.pageSize.default} |`,
      `| \`first\` (\`events\`) | 1 to ${LIMITS.timeline.max} | ${LIMITS.timeline.default} |`,
      `| 1 to ${LIMITS.relatedItems.max} | ${LIMITS.relatedItems.default} |`,
      `| 0 to ${LIMITS.offset.max.toLocaleString("en")} | 0 |`,
      `| introspection fields (\`__schema\`, \`__type\`) in one operation | ${REQUEST_LIMITS.maxIntrospectionFields} |`,
      `| nested \`ofType\` in introspection | ${REQUEST_LIMITS.maxOfTypeDepth} |`,
      `| shutdown grace for requests in flight | ${DEFAULT_SHUTDOWN_GRACE_MS / 1000} s |`,
      `| 0 to ${LIMITS.depth.max} | ${LIMITS.depth.default} |`,
      `| 1 to ${LIMITS.subgraphNodes.max} | ${LIMITS.subgraphNodes.default} |`,
      `| 1 to ${LIMITS.paths.max} | ${LIMITS.paths.default} |`,
      `| 1 to ${LIMITS.pathLength.max} | ${LIMITS.pathLength.default} |`,
      `at most ${LIMITS.text} characters`,
      `at most ${LIMITS.listItems} items`,
      `| ${DEFAULT_MAX_BODY_BYTES / 1024} KiB |`,
      `at most ${LIMITS.ids} ids`,
      `| computed cost of one operation | ${REQUEST_LIMITS.maxCost.toLocaleString("en")} |`,
      `| depth of nested selections (introspection not counted) | ${REQUEST_LIMITS.maxDepth} |`,
      `| aliased fields (introspection not counted) | ${REQUEST_LIMITS.maxAliases} |`,
      `| directives | ${REQUEST_LIMITS.maxDirectives} |`,
      `| selections of one response name in one selection set (through fragments) | ${REQUEST_LIMITS.maxRepeatedSelections} |`,
      `| tokens in the document | ${REQUEST_LIMITS.maxTokens.toLocaleString("en")} |`,
      `| edge visits of one traversal | ${LIMITS.traversalBudget.toLocaleString("en")} |`,
    ];
    for (const row of rows) expect(README).toContain(row);
  });
});

describe("README cost examples", () => {
  it("state the costs the server computes", async () => {
    const example = /`(entities\(first: 100\) [^`]*)` costs ([\d,]+) and is refused; the same query with `first: 2` costs ([\d,]+) and runs/.exec(README);
    expect(example).not.toBeNull();
    const [, selection, refused, runs] = example!;
    const query = `{ ${selection} }`;
    const costOf = async (text: string) => {
      const response = await server.request("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: text }) });
      return { status: response.status, body: (await response.json()) as { errors?: Array<{ extensions: { cost?: number } }> } };
    };
    const big = await costOf(query);
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0]?.extensions.cost?.toLocaleString("en")).toBe(refused);
    const small = await costOf(query.replace("first: 100", "first: 2"));
    expect(small.status).toBe(200);
    const schema = buildGraphQLSchema();
    const document = parse(query.replace("first: 100", "first: 2"));
    expect(operationCost(schema, document, document.definitions[0] as OperationDefinitionNode, {}, server.app.service.profile).toLocaleString("en")).toBe(runs);
  });
});

describe("README examples", () => {
  it("has examples to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples.map((e) => [e.query.split("\n").find((l) => l.startsWith("#")) ?? e.query.slice(0, 60), e] as const))(
    "%s",
    async (_title, { query, expected }) => {
      const response = await server.request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(await response.json()).toEqual(expected);
    },
  );
});

describe("README command-line transcripts", () => {
  const transcripts = [...README.matchAll(/```\n\$ npx conflict-graph (.+)\n([\s\S]*?)```/g)];

  it("has a transcript to check", () => {
    expect(transcripts.length).toBeGreaterThan(0);
  });

  it.each(transcripts.map((m) => [m[1]!, m[2]!] as const))("$ npx conflict-graph %s", async (commandLine, shown) => {
    const args = [...commandLine.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const lines: string[] = [];
    expect(await runCli(args, { log: (l) => lines.push(l), error: (l) => lines.push(l) })).toBe(0);
    expect(`${lines.join("\n")}\n`).toBe(shown);
  });
});
