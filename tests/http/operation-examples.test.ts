/**
 * The example tabs the IDE opens (every operation in operations/ with its
 * variables from operations/examples.yaml) answer with data and no error on
 * the bundled data, so an analyst's first click never shows a failure.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExampleTabs } from "../../scripts/workbench-examples.js";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { startTestServer } from "./harness.js";
import type { TestServer } from "./harness.js";

const tabs = readExampleTabs(join(PACKAGE_ROOT, "operations"));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("the IDE's example tabs", () => {
  it("cover every operation in operations/", () => {
    expect(tabs.map((tab) => tab.operationName)).toContain("ShortestPath");
    expect(tabs.length).toBeGreaterThanOrEqual(21);
  });

  it.each(tabs.map((tab) => [tab.operationName, tab] as const))("%s answers with data and no error", async (_name, tab) => {
    const response = await server.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: tab.query, variables: JSON.parse(tab.variables), operationName: tab.operationName }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    const values = Object.values(body.data ?? {});
    expect(values.length).toBeGreaterThan(0);
    // Something was found: no example runs against an id that does not exist.
    for (const value of values) expect(value).not.toBeNull();
  });
});
