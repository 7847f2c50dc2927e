/**
 * The README's examples are true: every ```graphql block followed by a
 * ```json block is run against a real server on the bundled data, and the
 * response must equal the JSON shown.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
