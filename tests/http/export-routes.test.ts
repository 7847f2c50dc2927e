/**
 * Exports over HTTP: the download routes and the GraphQL fields, on the bundled
 * data, with the same argument validation and errors as the GraphQL API.
 */
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NeighborhoodDocument, NeighborhoodNodeLinkDocument, PathExportDocument, ShortestPathDocument } from "../generated/operations.js";
import { startTestServer } from "./harness.js";
import type { TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type ErrorBody = { errors: Array<{ message: string; extensions: Record<string, unknown> }> };

describe("download routes", () => {
  it("serves the whole graph as GraphML with its content type and file name", async () => {
    const response = await server.request("/export/graph.graphml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/graphml+xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="graph.graphml"');
    const graph = parseGraphml(MultiDirectedGraph, await response.text());
    const { entities, relations } = server.app.service.stats();
    expect([graph.order, graph.size]).toEqual([entities, relations]);
  });

  it("serves a neighbourhood as GEXF with the same entities as the GraphQL query", async () => {
    const response = await server.request("/export/neighborhood.gexf?id=kataib-hezbollah&depth=2");
    expect(response.headers.get("content-type")).toBe("application/gexf+xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="neighborhood-kataib-hezbollah-depth-2.gexf"');
    const graph = parseGexf(MultiDirectedGraph, await response.text());
    const { data } = await server.execute(NeighborhoodDocument, { id: "kataib-hezbollah", depth: 2 });
    expect(graph.nodes().sort()).toEqual(data!.neighborhood.nodes.map((n) => n.entity.id).sort());
    expect(graph.edges().sort()).toEqual(data!.neighborhood.edges.map((e) => e.id).sort());
    expect(graph.getNodeAttribute("kataib-hezbollah", "depth")).toBe(0);
  });

  it("serves a shortest path as node-link JSON, under `edges` when asked", async () => {
    const response = await server.request("/export/path.node-link.json?from=kataib-hezbollah&to=joe-biden&edgesKey=edges");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await response.json()) as { nodes: Array<{ id: string }>; edges: unknown[]; graph: { length: number } };
    const { data } = await server.execute(ShortestPathDocument, { from: "kataib-hezbollah", to: "joe-biden" });
    expect(body.nodes.map((n) => n.id)).toEqual(data!.shortestPath!.nodes.map((n) => n.id));
    expect(body.edges).toHaveLength(data!.shortestPath!.length);
    expect(body.graph.length).toBe(data!.shortestPath!.length);
  });

  it.each([
    ["graphology.json", "application/json; charset=utf-8"],
    ["cytoscape.json", "application/json; charset=utf-8"],
    ["node-link.json", "application/json; charset=utf-8"],
  ])("serves %s", async (extension, type) => {
    const response = await server.request(`/export/neighborhood.${extension}?id=pmf&relationTypes=MEMBER_OF,BACKS&direction=BACKWARD`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="neighborhood-pmf-depth-1.${extension}"`);
  });

  it.each([
    ["/export/neighborhood.gexf", 400, "BAD_USER_INPUT", "id: is required"],
    ["/export/neighborhood.gexf?id=pmf&depth=9", 400, "BAD_USER_INPUT", "depth: must be an integer from 0 to 4 (got 9)"],
    ["/export/neighborhood.gexf?id=pmf&depth=two", 400, "BAD_USER_INPUT", 'depth: must be an integer (got "two")'],
    ["/export/neighborhood.gexf?id=pmf&limit=0", 400, "BAD_USER_INPUT", "limit: must be an integer from 1 to 500 (got 0)"],
    ["/export/neighborhood.gexf?id=pmf&direction=UP", 400, "BAD_USER_INPUT", 'direction: must be FORWARD, BACKWARD or EITHER (got "UP")'],
    ["/export/neighborhood.gexf?id=pmf&relationTypes=HATES", 400, "BAD_USER_INPUT", expect.stringContaining('relationTypes: unknown relation type "HATES"')],
    ["/export/neighborhood.node-link.json?id=pmf&edgesKey=arcs", 400, "BAD_USER_INPUT", 'edgesKey: must be "links" or "edges" (got "arcs")'],
    ["/export/neighborhood.gexf?id=pmf%00", 400, "BAD_USER_INPUT", "id: must not contain control characters"],
    ["/export/neighborhood.gexf?id=narnia-militia", 404, "NOT_FOUND", expect.stringMatching(/^No entity matches "narnia-militia"; nearest: militia-/)],
    ["/export/path.graphml?from=pmf", 400, "BAD_USER_INPUT", "to: is required"],
    ["/export/path.graphml?from=pmf&to=nope", 404, "NOT_FOUND", 'No entity matches "nope"'],
    ["/export/path.graphml?from=pmf&to=Rocket attack on Ain al Asad airbase", 409, "AMBIGUOUS_NAME", expect.stringContaining("rocket-attack-2021-07-05, rocket-attack-2021-07-07")],
    ["/export/neighborhood.gexf?id=pmf&first=3", 400, "BAD_USER_INPUT", "first: is not a parameter of /export/neighborhood; it takes id, depth, limit, relationTypes, direction, edgesKey"],
    ["/export/path.graphml?from=pmf&to=joe-biden&relationTypes=CITES", 404, "NOT_FOUND", 'No path from "pmf" to "joe-biden" with the given relation types and direction'],
  ])("GET %s is %i %s", async (path, status, code, message) => {
    const response = await server.request(path);
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors[0]).toEqual({ message, extensions: expect.objectContaining({ code }) });
  });

  it("takes names where ids go: KH is Kataib Hezbollah", async () => {
    const response = await server.request("/export/neighborhood.node-link.json?id=KH&depth=0");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="neighborhood-kataib-hezbollah-depth-0.node-link.json"');
  });

  it("answers an unknown format or subject with 404", async () => {
    for (const path of ["/export/graph.pdf", "/export/everything.gexf"]) {
      const response = await server.request(path);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).errors[0]!.message).toContain("exports are /export/{graph|neighborhood|path}.");
    }
  });
});

describe("GraphQL export fields", () => {
  it("neighborhood { nodeLink } is node-link JSON, with the edge list under the chosen key", async () => {
    const { data } = await server.execute(NeighborhoodNodeLinkDocument, { id: "kataib-hezbollah", depth: 1, edgesKey: "EDGES" });
    const nodeLink = data!.neighborhood.nodeLink as { directed: boolean; multigraph: boolean; nodes: Array<{ id: string }>; edges: unknown[] };
    expect(nodeLink).toMatchObject({ directed: true, multigraph: true });
    expect(nodeLink.nodes[0]!.id).toBe("kataib-hezbollah");
    expect(Array.isArray(nodeLink.edges)).toBe(true);
    expect("links" in nodeLink).toBe(false);
  });

  it("costs nodeLink once for the whole subgraph, so the largest neighbourhood the limits allow exports", async () => {
    const { data, errors } = await server.execute(NeighborhoodNodeLinkDocument, { id: "kataib-hezbollah", depth: 4, limit: 500 });
    expect(errors).toBeUndefined();
    expect((data!.neighborhood.nodeLink as { nodes: unknown[] }).nodes.length).toBe(server.app.service.neighborhood({ id: "kataib-hezbollah", depth: 4, limit: 500 }).nodes.length);
  });

  it("shortestPath { export(format) } returns the file's text", async () => {
    const { data } = await server.execute(PathExportDocument, { from: "kataib-hezbollah", to: "joe-biden", format: "GRAPHML" });
    const graph = parseGraphml(MultiDirectedGraph, data!.shortestPath!.export);
    expect(graph.order).toBe(data!.shortestPath!.length + 1);
  });
});
