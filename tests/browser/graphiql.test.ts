/// <reference lib="dom" />
/**
 * The GraphiQL IDE in headless Chromium, as an analyst meets it: it loads
 * from this server alone, completes what is typed from the schema, runs a
 * query and shows the answer, opens the docs, and a browser opening the
 * /graphql URL gets the IDE. Screenshots go to test-artifacts/browser/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "puppeteer-core";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";
import { browserAvailable, foreignRequests, launchBrowser, openPage } from "./browser.js";
import type { WatchedPage } from "./browser.js";

const QUERY_EDITOR = ".graphiql-query-editor .CodeMirror";

describe.skipIf(!browserAvailable())("the GraphiQL IDE in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let ide: WatchedPage;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    ide = await openPage(browser);
    await ide.page.goto(`${server.app.origin}/`, { waitUntil: "networkidle0" });
    await ide.page.waitForSelector(QUERY_EDITOR);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Replaces the query editor's text by typing, as a user would. */
  async function typeQuery(text: string) {
    await ide.page.click(QUERY_EDITOR);
    await ide.page.keyboard.down("Control");
    await ide.page.keyboard.press("a");
    await ide.page.keyboard.up("Control");
    await ide.page.keyboard.press("Backspace");
    await ide.page.keyboard.type(text);
  }

  it("loads with no request to any host but the server", async () => {
    expect(foreignRequests(ide.requests, server.app.origin)).toEqual([]);
    // It fetched the schema through the endpoint (introspection), so completion has something to read.
    expect(ide.requests).toContain(`${server.app.origin}/graphql`);
  });

  it("opens every shipped operation as a tab, the first with its example variables", async () => {
    const tabs = await ide.page.$$eval(".graphiql-tab-button", (nodes) => nodes.map((node) => node.textContent?.trim()));
    expect(tabs.slice(0, 3)).toEqual(["BackedBy", "Retaliation", "Reactions"]);
    expect(tabs).toContain("ShortestPath");
    const variables = await ide.page.$eval(".graphiql-editor-tool .CodeMirror", (node) => (node as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(JSON.parse(variables)).toEqual({ id: "iran-government" });
  });

  it("runs an example tab with its variables and shows the answer", async () => {
    await ide.page.click(".graphiql-execute-button");
    await ide.page.waitForFunction(() => document.querySelector(".result-window")?.textContent?.includes("Kataib Hezbollah"), { timeout: 10_000 });
    await ide.screenshot("ide-example-answer");
  });

  it("completes a field name from the schema while typing", async () => {
    await typeQuery("{ shortestP");
    await ide.page.waitForSelector(".CodeMirror-hints", { timeout: 10_000 });
    const hints = await ide.page.$$eval(".CodeMirror-hint", (nodes) => nodes.map((node) => node.textContent));
    expect(hints).toContain("shortestPath");
    await ide.screenshot("ide-completion");
    await ide.page.keyboard.press("Escape");
  });

  it("runs a typed query and shows the answer", async () => {
    await typeQuery('{ shortestPath(from: "kataib-sayyid-al-shuhada", to: "joe-biden") { length steps { to { name } } } }');
    await ide.page.click(".graphiql-execute-button");
    await ide.page.waitForFunction(() => document.querySelector(".result-window")?.textContent?.includes("Joe Biden"), { timeout: 10_000 });
    const answer = await ide.page.$eval(".result-window .CodeMirror", (node) => (node as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    const expected = await server.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ shortestPath(from: "kataib-sayyid-al-shuhada", to: "joe-biden") { length steps { to { name } } } }' }),
    });
    expect(JSON.parse(answer)).toEqual(await expected.json());
    await ide.page.click('button[aria-label^="Prettify query"]');
    await ide.page.waitForFunction(() => (document.querySelector(".graphiql-query-editor .CodeMirror") as unknown as { CodeMirror: { lineCount(): number } }).CodeMirror.lineCount() > 1);
    await ide.screenshot("ide-answer");
  });

  it("opens the docs explorer on the schema's root type", async () => {
    await ide.page.click('button[aria-label="Show Documentation Explorer"]');
    await ide.page.waitForFunction(() => document.querySelector(".graphiql-doc-explorer")?.textContent?.includes("Query"), { timeout: 10_000 });
  });

  it("shows the IDE to a browser opening the /graphql URL, instead of a CSRF refusal", async () => {
    const other = await openPage(browser);
    const response = await other.page.goto(`${server.app.origin}/graphql`, { waitUntil: "networkidle0" });
    expect(response?.status()).toBe(200);
    await other.page.waitForSelector(QUERY_EDITOR);
    expect(other.errors).toEqual([]);
    await other.page.close();
  });

  it("logs no console error throughout", () => {
    expect(ide.errors).toEqual([]);
  });
});
