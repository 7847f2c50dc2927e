/**
 * `serve` as a user runs it: a real child process on a free port that prints
 * its URL, answers, and exits 0 on SIGTERM; and that refuses to serve broken data.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { list, validFixture, writeFixture } from "../loading/fixture-data.js";
import { startChildServer } from "../support/child-server.js";


describe("serve", () => {
  it("refuses to serve data that does not validate, naming file, record and field", async () => {
    const files = validFixture();
    list(files, "relations/all.yaml")[0]!.source = "usa";
    const stderr: string[] = [];
    const code = await runCli(["serve", "--port", "0", "--data", writeFixture(files)], { log: () => {}, error: (l) => stderr.push(l) });
    expect(code).toBe(1);
    expect(stderr.join("\n")).toMatch(/relations\/all\.yaml: us-carried-out-strike: source: unknown entity "usa"/);
    expect(stderr.join("\n")).toContain("Not serving: 1 problem(s)");
  });

  it("rejects a bad port with exit code 2", async () => {
    const stderr: string[] = [];
    expect(await runCli(["serve", "--port", "http"], { log: () => {}, error: (l) => stderr.push(l) })).toBe(2);
    expect(stderr[0]).toContain('--port must be an integer from 0 to 65535, got "http"');
  });

  it("prints its URL and the performance hooks, serves the bundled graph, and exits 0 on SIGTERM", async () => {
    const { child, url, output, exit } = await startChildServer();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ entity(id: "kataib-hezbollah") { name } }' }),
    });
    expect(await response.json()).toEqual({ data: { entity: { name: "Kataib Hezbollah" } } });

    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(output()).toContain("SIGTERM received");
    expect(output()).toMatch(/^Performance hooks: synchronous resolvers on .*dictionary-mode adjacency on/m);
    expect(output()).not.toContain("OFF");
  });
});
