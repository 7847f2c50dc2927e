/// <reference lib="dom" />
/**
 * The graph explorer (/explorer) in headless Chromium against a real server:
 * it loads from this server alone; draws the neighbourhood the API gives for
 * the same arguments; finds paths from entities picked by typing their names;
 * opens an edge's evidence when the edge is clicked; expands a node in place;
 * restores a view from its URL and on the back button; explains a bad URL;
 * downloads the view as node-link JSON, GraphML and PNG; and lays out and
 * draws a 500-node neighbourhood of a generated graph. No console error
 * throughout. Screenshots go to test-artifacts/browser/.
 *
 * Positions on screen come from the page's testing hook, window.__explorer
 * ({ graph, sigma }): sigma.graphToViewport gives where a node is drawn.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "puppeteer-core";
import type { MultiDirectedGraph } from "graphology";
import type Sigma from "sigma";
import { generate } from "../../bench/generate.js";
import { startApp } from "../../src/app.js";
import type { RunningApp } from "../../src/app.js";
import { createKnowledge } from "../../src/service/knowledge.js";
import { KnowledgeService } from "../../src/service/knowledge-service.js";
import { LIMITS } from "../../src/service/limits.js";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";
import { browserAvailable, foreignRequests, launchBrowser, openPage } from "./browser.js";
import type { WatchedPage } from "./browser.js";

/** The page's testing hook, as the page declares it (web/explorer/main.tsx). */
interface ExplorerHook {
  readonly graph: MultiDirectedGraph<{ x: number; y: number; size: number; kind: string; label: string }, { type: string }>;
  readonly sigma: Sigma;
  readonly lastRenderMs: number | null;
  readonly lastRender: { totalMs: number; layoutMs: number; drawMs: number; nodes: number; edges: number } | null;
}
declare global {
  interface Window {
    __explorer?: ExplorerHook;
  }
}

const sel = (testId: string) => `[data-testid="${testId}"]`;

describe.skipIf(!browserAvailable())("the graph explorer in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let explorer: WatchedPage;
  let page: Page;
  /** The second server, over a generated graph (the 500-node test). */
  let generated: RunningApp | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    explorer = await openPage(browser);
    page = explorer.page;
    await page.goto(`${server.app.origin}/explorer`, { waitUntil: "networkidle0" });
    await page.waitForSelector(sel("search-input"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Sends a GraphQL query to the server directly (not through the page). */
  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await server.request("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  /** How many views the page has loaded (or refused) so far. */
  async function generation(): Promise<number> {
    return Number(await page.$eval(sel("status"), (status) => status.getAttribute("data-generation")));
  }

  /** Does something that loads a view, and waits until the page has loaded the next one. */
  async function loading(action: () => Promise<unknown>) {
    const before = await generation();
    await action();
    await page.waitForFunction(
      (count) => {
        const status = document.querySelector('[data-testid="status"]');
        return Number(status?.getAttribute("data-generation")) > count && status?.getAttribute("data-busy") === "false";
      },
      { timeout: 15_000 },
      before,
    );
  }

  async function shownCounts() {
    return page.evaluate(() => ({
      nodes: Number(document.querySelector('[data-testid="node-count"]')!.textContent),
      edges: Number(document.querySelector('[data-testid="edge-count"]')!.textContent),
      order: window.__explorer!.graph.order,
      size: window.__explorer!.graph.size,
    }));
  }

  /** Types a name into a typeahead and picks the result with this entity id. */
  async function pick(testId: string, text: string, id: string) {
    await page.click(sel(`${testId}-input`), { clickCount: 3 });
    await page.keyboard.press("Backspace");
    await page.type(sel(`${testId}-input`), text, { delay: 20 });
    const result = `${sel(`${testId}-result`)}[data-id="${id}"]`;
    await page.waitForSelector(result, { timeout: 10_000 });
    await page.click(result);
    await page.waitForSelector(`${sel(`${testId}-input`)}[data-selected-id="${id}"]`);
  }

  async function setNumber(testId: string, value: number) {
    await page.click(sel(testId), { clickCount: 3 });
    await page.type(sel(testId), String(value));
  }

  const run = () => loading(() => page.click(sel("run")));
  const back = () => loading(() => page.goBack());

  /** Opens a URL of the explorer in a fresh page load. */
  async function open(search: string) {
    await page.goto(`${server.app.origin}/explorer${search}`);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="status"]')?.getAttribute("data-generation")) > 0, { timeout: 30_000 });
  }

  /** Goes to a URL of the explorer within the page, as the back and forward buttons do (pushState, then popstate). */
  const visit = (search: string) =>
    loading(() =>
      page.evaluate((path) => {
        window.history.pushState(null, "", path);
        window.dispatchEvent(new PopStateEvent("popstate"));
      }, `/explorer${search}`),
    );

  it("loads from this server alone, with a link back to the IDE", async () => {
    expect(foreignRequests(explorer.requests, server.app.origin)).toEqual([]);
    // Its data came through the public endpoint: the schema's enums by introspection.
    expect(explorer.requests).toContain(`${server.app.origin}/graphql`);
    expect(await page.$eval(sel("ide-link"), (link) => link.getAttribute("href"))).toBe("/");
    const relationTypes = await page.$$eval(`${sel("relation-types")} option`, (options) => options.map((option) => option.getAttribute("value")));
    expect(relationTypes).toContain("RETALIATES_FOR");
    expect(relationTypes.length).toBeGreaterThan(20);
    expect(explorer.errors).toEqual([]);
  });

  it("draws the neighbourhood of Kataib Hezbollah that the API gives for the same arguments", async () => {
    await pick("search", "Kataib Hezbollah", "kataib-hezbollah");
    await setNumber("depth", 2);
    await run();
    const { neighborhood } = await api<{ neighborhood: { truncated: boolean; nodes: Array<{ entity: { id: string } }>; edges: Array<{ id: string }> } }>(
      `{ neighborhood(id: "kataib-hezbollah", depth: 2, limit: 100, direction: EITHER) { truncated nodes { entity { id } } edges { id } } }`,
    );
    const shown = await shownCounts();
    expect(shown).toEqual({ nodes: neighborhood.nodes.length, edges: neighborhood.edges.length, order: neighborhood.nodes.length, size: neighborhood.edges.length });
    const drawn = await page.evaluate(() => ({ nodes: window.__explorer!.graph.nodes().sort(), edges: window.__explorer!.graph.edges().sort() }));
    expect(drawn.nodes).toEqual(neighborhood.nodes.map((node) => node.entity.id).sort());
    expect(drawn.edges).toEqual(neighborhood.edges.map((edge) => edge.id).sort());
    // The legend counts every node by kind; the URL says what is shown.
    const legend = await page.$$eval(sel("legend-item"), (items) => items.map((item) => Number(item.querySelector(".muted")?.textContent)));
    expect(legend.reduce((sum, count) => sum + count, 0)).toBe(neighborhood.nodes.length);
    expect(new URL(page.url()).search).toBe("?mode=neighborhood&id=kataib-hezbollah&depth=2");
    expect(await page.evaluate(() => window.__explorer!.lastRenderMs)).toBeGreaterThan(0);
    await explorer.screenshot("explorer-neighborhood");
  });

  it("finds the paths from Kataib Sayyid al Shuhada, picked by typing its name, to Joe Biden", async () => {
    await page.select(sel("mode"), "path");
    await pick("search", "Kataib Sayyid", "kataib-sayyid-al-shuhada");
    await pick("search-to", "Joe Biden", "joe-biden");
    await run();
    const { shortestPath } = await api<{ shortestPath: { nodes: Array<{ id: string }>; steps: Array<{ relation: { id: string } }> } }>(
      `{ shortestPath(from: "kataib-sayyid-al-shuhada", to: "joe-biden") { nodes { id } steps { relation { id } } } }`,
    );
    const pathNodes = await page.$$eval(`${sel("path")} ${sel("path-node")}`, (nodes) => nodes.map((node) => node.getAttribute("data-id")));
    expect(pathNodes).toEqual(shortestPath.nodes.map((node) => node.id));
    const drawn = await page.evaluate(() => ({ nodes: window.__explorer!.graph.nodes().sort(), edges: window.__explorer!.graph.edges().sort() }));
    expect(drawn.nodes).toEqual(shortestPath.nodes.map((node) => node.id).sort());
    expect(drawn.edges).toEqual(shortestPath.steps.map((step) => step.relation.id).sort());
    expect(new URL(page.url()).search).toBe("?mode=path&from=kataib-sayyid-al-shuhada&to=joe-biden");
    await explorer.screenshot("explorer-path");

    // k shortest paths: as many as the API's `paths` gives.
    await page.select(sel("path-kind"), "k");
    await setNumber("k", 5);
    await run();
    const { paths } = await api<{ paths: unknown[] }>(`{ paths(from: "kataib-sayyid-al-shuhada", to: "joe-biden", limit: 5, maxLength: 4) { length } }`);
    expect(await page.$$eval(sel("path"), (items) => items.length)).toBe(paths.length);
  });

  /** An edge to click: the one whose midpoint on screen lies farthest from every node and every other edge. */
  async function clearestEdge() {
    return page.evaluate(() => {
      const { graph, sigma } = window.__explorer!;
      const box = sigma.getContainer().getBoundingClientRect();
      const at = new Map(graph.mapNodes((node, attributes) => [node, sigma.graphToViewport({ x: attributes.x, y: attributes.y })] as const));
      const segmentDistance = (p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }) => {
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
      };
      let best: { edge: string; x: number; y: number; clearance: number } | null = null;
      graph.forEachEdge((edge, _attributes, source, target) => {
        // A lone straight edge: no parallel or reverse relation between its ends (those are drawn curved).
        if (source === target || graph.outEdges(source, target).length + graph.outEdges(target, source).length !== 1) return;
        const a = at.get(source)!;
        const b = at.get(target)!;
        const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        if (middle.x < 20 || middle.y < 20 || middle.x > box.width - 20 || middle.y > box.height - 20) return;
        let clearance = Infinity;
        for (const point of at.values()) clearance = Math.min(clearance, Math.hypot(point.x - middle.x, point.y - middle.y));
        graph.forEachEdge((other, _other, s, t) => {
          if (other !== edge) clearance = Math.min(clearance, segmentDistance(middle, at.get(s)!, at.get(t)!));
        });
        if (!best || clearance > best.clearance) best = { edge, x: box.left + middle.x, y: box.top + middle.y, clearance };
      });
      return best as { edge: string; x: number; y: number; clearance: number } | null;
    });
  }

  it("opens an edge's evidence (excerpt, attribution, source document) when the edge is clicked", async () => {
    await visit("?mode=neighborhood&id=kataib-hezbollah");
    const target = await clearestEdge();
    expect(target).not.toBeNull();
    expect(target!.clearance).toBeGreaterThan(8);
    await page.mouse.click(target!.x, target!.y);
    await page.waitForSelector(`${sel("details")}[data-kind="edge"][data-loaded="true"]`, { timeout: 10_000 });
    const { relation } = await api<{ relation: { type: string; evidence: Array<{ excerpt: string; attribution: string; document: { title: string } }> } }>(
      `query($id: ID!) { relation(id: $id) { type evidence { excerpt attribution document { title } } } }`,
      { id: target!.edge },
    );
    expect(await page.$eval(sel("details-title"), (title) => title.textContent)).toBe(relation.type);
    const evidence = await page.$$eval(sel("evidence"), (items) =>
      items.map((item) => ({
        excerpt: item.querySelector('[data-testid="evidence-excerpt"]')!.textContent,
        attribution: item.querySelector('[data-testid="evidence-attribution"]')!.textContent,
        document: item.querySelector('[data-testid="evidence-document"]')!.textContent,
      })),
    );
    expect(evidence.length).toBe(relation.evidence.length);
    expect(evidence.length).toBeGreaterThan(0);
    relation.evidence.forEach((expected, index) => {
      expect(evidence[index]!.excerpt).toBe(`“${expected.excerpt}”`);
      expect(evidence[index]!.attribution).toContain(expected.attribution);
      expect(evidence[index]!.document).toContain(expected.document.title);
    });
    // The edge is highlighted in sigma.
    expect(await page.evaluate((edge) => window.__explorer!.sigma.getEdgeState(edge).isHighlighted, target!.edge)).toBe(true);
    await explorer.screenshot("explorer-evidence");
  });

  it("opens a node's evidence and claims, and expands the node in place", async () => {
    await visit("?mode=neighborhood&id=kataib-hezbollah");
    const before = await shownCounts();
    const event = "us-strike-2021-06-27";
    const point = await page.evaluate((node) => {
      const { graph, sigma } = window.__explorer!;
      const box = sigma.getContainer().getBoundingClientRect();
      const { x, y } = sigma.graphToViewport(graph.getNodeAttributes(node));
      return { x: box.left + x, y: box.top + y };
    }, event);
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector(`${sel("details")}[data-kind="node"][data-loaded="true"]`, { timeout: 10_000 });
    expect(await page.$eval(sel("details-title"), (title) => title.textContent)).toBe("U.S. strikes on militia facilities in the Iraq-Syria border region");
    expect(await page.$$eval(sel("evidence"), (items) => items.length)).toBeGreaterThan(0);
    expect(await page.$$eval(sel("claim"), (items) => items.length)).toBeGreaterThan(0);
    expect(await page.$$eval(sel("account"), (items) => items.length)).toBeGreaterThan(0);

    await loading(() => page.click(sel("expand")));
    const { a, b } = await api<{ a: { nodes: Array<{ entity: { id: string } }> }; b: { nodes: Array<{ entity: { id: string } }> } }>(
      `{ a: neighborhood(id: "kataib-hezbollah") { nodes { entity { id } } } b: neighborhood(id: "${event}") { nodes { entity { id } } } }`,
    );
    const union = new Set([...a.nodes, ...b.nodes].map((node) => node.entity.id));
    const after = await shownCounts();
    expect([after.nodes, after.order]).toEqual([union.size, union.size]);
    expect(new URL(page.url()).searchParams.get("expand")).toBe(event);
    // Back: the view before the expansion.
    await back();
    expect(await shownCounts()).toEqual(before);
    expect(new URL(page.url()).search).toBe("?mode=neighborhood&id=kataib-hezbollah");
    expect(await page.$(sel("details"))).toBeNull();
  });

  it("restores a view from its URL, and the previous one on the back button", async () => {
    await open("?mode=neighborhood&id=kataib-hezbollah&depth=2&types=BACKS,MEMBER_OF&direction=EITHER&limit=50");
    const { neighborhood } = await api<{ neighborhood: { nodes: unknown[]; edges: unknown[] } }>(
      `{ neighborhood(id: "kataib-hezbollah", depth: 2, limit: 50, relationTypes: [BACKS, MEMBER_OF]) { nodes { depth } edges { id } } }`,
    );
    const filtered = await shownCounts();
    expect(filtered).toEqual({ nodes: neighborhood.nodes.length, edges: neighborhood.edges.length, order: neighborhood.nodes.length, size: neighborhood.edges.length });
    expect(await page.$eval(sel("depth"), (input) => (input as HTMLInputElement).value)).toBe("2");
    expect(await page.$eval(sel("limit"), (input) => (input as HTMLInputElement).value)).toBe("50");
    expect(await page.$$eval(`${sel("relation-types")} option:checked`, (options) => options.map((option) => option.getAttribute("value")))).toEqual(["BACKS", "MEMBER_OF"]);
    expect(await page.$eval(sel("search-input"), (input) => (input as HTMLInputElement).value)).toBe("Kataib Hezbollah");
    expect(await page.$$eval(sel("edge-count"), (counts) => counts.length)).toBe(1);
    // Every relation drawn is of a chosen type.
    const types = await page.evaluate(() => [...new Set(window.__explorer!.graph.mapEdges((_edge, attributes) => attributes.type))].sort());
    expect(types.every((type) => type === "BACKS" || type === "MEMBER_OF")).toBe(true);

    // A retaliation chain from its URL: the API's events, laid out left to right in date order.
    await visit("?mode=chain&id=us-strike-2021-06-27");
    const { retaliationChain } = await api<{ retaliationChain: { events: Array<{ id: string; date: { earliest: string | null } }> } }>(
      `{ retaliationChain(eventId: "us-strike-2021-06-27") { events { id date { earliest } } } }`,
    );
    expect(await page.evaluate(() => window.__explorer!.graph.nodes().sort())).toEqual(retaliationChain.events.map((event) => event.id).sort());
    const xs = await page.evaluate(() => Object.fromEntries(window.__explorer!.graph.mapNodes((node, attributes) => [node, attributes.x])));
    expect(xs["drone-attack-2021-04-14"]!).toBeLessThan(xs["us-strike-2021-06-27"]!);
    expect(xs["us-strike-2021-06-27"]!).toBeLessThan(xs["rocket-attack-2021-07-08"]!);

    // A double-click expands an event in place, and its neighbours join the chain without moving it.
    const chainOrder = retaliationChain.events.length;
    const point = await page.evaluate((node) => {
      const { graph, sigma } = window.__explorer!;
      const box = sigma.getContainer().getBoundingClientRect();
      const { x, y } = sigma.graphToViewport(graph.getNodeAttributes(node));
      return { x: box.left + x, y: box.top + y };
    }, "drone-attack-2021-04-14");
    await loading(() => page.mouse.click(point.x, point.y, { count: 2 }));
    expect(new URL(page.url()).searchParams.get("expand")).toBe("drone-attack-2021-04-14");
    expect((await shownCounts()).order).toBeGreaterThan(chainOrder);
    const moved = await page.evaluate((before) => Object.entries(before).filter(([node, x]) => window.__explorer!.graph.getNodeAttribute(node, "x") !== x), xs);
    expect(moved).toEqual([]);
    await back();
    expect((await shownCounts()).order).toBe(chainOrder);

    // Back: the filtered neighbourhood again.
    await back();
    expect(await shownCounts()).toEqual(filtered);
    expect(await page.$eval(sel("mode"), (select) => (select as HTMLSelectElement).value)).toBe("neighborhood");
  });

  it("explains a URL it cannot show instead of showing a blank page", async () => {
    await open("?mode=neighborhood&id=no-such-entity");
    expect(await page.$eval(sel("error"), (error) => error.textContent)).toContain("No entity with id “no-such-entity”");
    expect(await page.$(sel("query-form"))).not.toBeNull();

    await visit("?mode=neighborhood&id=kataib-hezbollah&depth=9&types=NOT_A_TYPE");
    const message = await page.$eval(sel("error"), (error) => error.textContent);
    expect(message).toContain("depth must be an integer from 0 to 4");
    expect(message).toContain("NOT_A_TYPE");

    // After a view that was shown, the refused one empties the graph rather than leave the last answer on screen.
    await visit("?mode=neighborhood&id=kataib-hezbollah");
    expect((await shownCounts()).order).toBeGreaterThan(0);
    expect(await page.$(sel("error"))).toBeNull();
    await visit("?mode=chain&id=kataib-hezbollah");
    expect(await page.$eval(sel("error"), (error) => error.textContent)).toContain("not an event");
    expect(await shownCounts()).toEqual({ nodes: 0, edges: 0, order: 0, size: 0 });
  });

  it("downloads the view as node-link JSON, GraphML and PNG", async () => {
    const folder = mkdtempSync(join(tmpdir(), "explorer-downloads-"));
    try {
      const cdp = await page.createCDPSession();
      await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: folder });
      await visit("?mode=path&from=kataib-sayyid-al-shuhada&to=joe-biden&paths=k&k=5");
      const { order, size } = await shownCounts();
      const saved = async (button: string, suffix: string) => {
        await page.click(sel(button));
        const deadline = Date.now() + 10_000;
        for (;;) {
          const file = readdirSync(folder).find((name) => name.endsWith(suffix));
          if (file) {
            const content = readFileSync(join(folder, file));
            if (content.length > 0) return { file, content };
          }
          if (Date.now() > deadline) throw new Error(`no ${suffix} downloaded`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const json = await saved("download-json", ".node-link.json");
      expect(json.file).toBe("path-kataib-sayyid-al-shuhada-joe-biden.node-link.json");
      const nodeLink = JSON.parse(json.content.toString("utf8")) as { directed: boolean; multigraph: boolean; graph: { mode: string }; nodes: Array<{ id: string }>; links: Array<{ source: string; target: string; key: string; type: string }> };
      expect([nodeLink.directed, nodeLink.multigraph, nodeLink.graph.mode]).toEqual([true, true, "path"]);
      expect([nodeLink.nodes.length, nodeLink.links.length]).toEqual([order, size]);
      expect(nodeLink.links.every((link) => link.source && link.target && link.key && link.type)).toBe(true);

      const graphml = await saved("download-graphml", ".graphml");
      const text = graphml.content.toString("utf8");
      expect(text).toContain('<graph id="G" edgedefault="directed">');
      expect(text.match(/<node /g)?.length).toBe(order);
      expect(text.match(/<edge /g)?.length).toBe(size);

      const png = await saved("download-png", ".png");
      expect(png.content.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(png.content.length).toBeGreaterThan(5_000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  describe("on a generated graph", () => {
    const HUB = { id: "government-0", depth: 2, limit: 500 };

    beforeAll(async () => {
      const service = new KnowledgeService(createKnowledge(generate(10_000, 42).knowledgeBase), { traversalBudget: LIMITS.traversalBudget });
      generated = await startApp({ service, port: 0, host: "127.0.0.1", logError: () => {} });
    }, 60_000);
    afterAll(() => generated?.close());

    it("draws a 500-node neighbourhood of a generated graph in full, and times itself (figures: npm run bench:workbench)", async () => {
      const origin = generated!.origin;
      const expected = generated!.service.neighborhood(HUB);
      expect(expected.nodes).toHaveLength(500);
      await page.goto(`${origin}/explorer?mode=neighborhood&id=${HUB.id}&depth=${HUB.depth}&limit=${HUB.limit}`);
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="status"]')?.getAttribute("data-generation")) > 0, { timeout: 30_000 });
      expect(await shownCounts()).toEqual({ nodes: 500, edges: expected.edges.length, order: 500, size: expected.edges.length });
      const last = (await page.evaluate(() => window.__explorer!.lastRender))!;
      expect(last.totalMs).toBeGreaterThan(0);
      expect(last.totalMs).toBeGreaterThanOrEqual(last.layoutMs);
      await explorer.screenshot("explorer-500-nodes");
    }, 60_000);
  });

  it("logs no console error throughout, and asks no host but its server", () => {
    expect(explorer.errors).toEqual([]);
    const servers = [server.app.origin, generated?.origin].filter((origin) => origin !== undefined);
    expect(explorer.requests.filter((url) => !servers.includes(new URL(url).origin))).toEqual([]);
  });
});
