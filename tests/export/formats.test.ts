/**
 * Exports of the whole bundled graph parse back with nothing lost: graphology's
 * JSON, GEXF and GraphML through graphology's own parsers, node-link and
 * Cytoscape by their documented shapes. (networkx reads them in the notebook test.)
 */
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadService } from "../../src/app.js";
import { flattenAttributes, LIST_KEYS, unflattenAttributes } from "../../src/export/attributes.js";
import type { Attributes } from "../../src/export/attributes.js";
import { buildExportGraph } from "../../src/export/export-graph.js";
import type { ExportGraph } from "../../src/export/export-graph.js";
import { exportWholeGraph } from "../../src/export/exports.js";
import { serialize, toCytoscape, toNodeLink } from "../../src/export/formats.js";
import type { EntityRecord } from "../../src/model/records.js";

let whole: ExportGraph;
beforeAll(() => {
  whole = exportWholeGraph(loadService());
});

/** Nested attributes as an XML round trip gives them back: nulls are left out. */
const withoutNulls = (attributes: Attributes): Attributes => unflattenAttributes(flattenAttributes(attributes), LIST_KEYS);

describe("the flattening rule for XML formats", () => {
  it("flattens objects to dotted keys, writes lists as JSON text and drops nulls", () => {
    expect(
      flattenAttributes({ kind: "Event", depth: 2, date: { value: "2021", precision: "YEAR", asWritten: null, yearInferred: false }, aliases: ["KH", "Kata'ib"] }),
    ).toEqual({ kind: "Event", depth: 2, "date.value": "2021", "date.precision": "YEAR", "date.yearInferred": false, aliases: '["KH","Kata\'ib"]' });
  });

  it("is reversed by unflattenAttributes", () => {
    const nested: Attributes = { label: "x", date: { value: "2021-06", latest: "2021-06-30" }, evidence: [{ excerpt: "a", attribution: "b" }], claims: [] };
    expect(unflattenAttributes(flattenAttributes(nested), LIST_KEYS)).toEqual(nested);
  });
});

describe("round trips of the whole bundled graph", () => {
  it("graphology JSON imports into a graphology graph with every attribute", () => {
    const graph = MultiDirectedGraph.from(JSON.parse(serialize(whole, "GRAPHOLOGY")));
    expect([graph.order, graph.size]).toEqual([whole.nodes.length, whole.edges.length]);
    for (const node of whole.nodes) expect(graph.getNodeAttributes(node.key)).toEqual(node.attributes);
    for (const edge of whole.edges) {
      expect([graph.source(edge.key), graph.target(edge.key)]).toEqual([edge.source, edge.target]);
      expect(graph.getEdgeAttributes(edge.key)).toEqual(edge.attributes);
    }
  });

  it.each(["GEXF", "GRAPHML"] as const)("%s parses back in graphology with the same nodes, edges and attributes", (format) => {
    const text = serialize(whole, format);
    const graph = format === "GEXF" ? parseGexf(MultiDirectedGraph, text) : parseGraphml(MultiDirectedGraph, text);
    expect([graph.order, graph.size]).toEqual([whole.nodes.length, whole.edges.length]);
    for (const node of whole.nodes) {
      expect(unflattenAttributes(graph.getNodeAttributes(node.key), LIST_KEYS), node.key).toEqual(withoutNulls(node.attributes));
    }
    for (const edge of whole.edges) {
      expect(graph.hasEdge(edge.key), edge.key).toBe(true);
      expect([graph.source(edge.key), graph.target(edge.key)]).toEqual([edge.source, edge.target]);
      expect(unflattenAttributes(graph.getEdgeAttributes(edge.key), LIST_KEYS), edge.key).toEqual(withoutNulls(edge.attributes));
    }
  });

  it("node-link JSON has the flags, ids, keys and attributes networkx expects, under the chosen key", () => {
    const links = toNodeLink(whole);
    expect(links).toMatchObject({ directed: true, multigraph: true, graph: { description: "The whole conflict knowledge graph" } });
    expect(links.nodes[0]).toEqual({ id: whole.nodes[0]!.key, ...whole.nodes[0]!.attributes });
    expect(links["links"]).toHaveLength(whole.edges.length);
    expect((links["links"] as unknown[])[0]).toEqual({ source: whole.edges[0]!.source, target: whole.edges[0]!.target, key: whole.edges[0]!.key, ...whole.edges[0]!.attributes });
    const edges = toNodeLink(whole, "edges");
    expect(edges["edges"]).toEqual(links["links"]);
    expect("links" in edges).toBe(false);
  });

  it("Cytoscape elements carry ids, sources and targets in data", () => {
    const { elements } = toCytoscape(whole);
    expect(elements.nodes).toHaveLength(whole.nodes.length);
    expect(elements.edges[0]!.data).toMatchObject({ id: whole.edges[0]!.key, source: whole.edges[0]!.source, target: whole.edges[0]!.target });
  });
});

describe("GraphML", () => {
  const entity = {
    id: "odd",
    kind: "Militia",
    name: 'A <strange> & "quoted" name',
    description: "Line one\nline two",
    evidence: [{ document: "doc", excerpt: "x < y & z", attribution: "the article" }],
  } as EntityRecord;
  const graph = buildExportGraph({ nodes: [{ entity, depth: 3 }], edges: [], attributes: { description: "t", truncated: false }, whereabouts: () => null });

  it("declares each attribute once with its type", () => {
    const text = serialize(graph, "GRAPHML");
    expect(text).toMatch(/<key id="n\d+" for="node" attr.name="depth" attr.type="int"\/>/);
    expect(text).toContain('attr.name="truncated" attr.type="boolean"/>');
    expect(text).toContain('attr.name="label" attr.type="string"/>');
  });

  it("escapes markup so the text survives a round trip", () => {
    const parsed = parseGraphml(MultiDirectedGraph, serialize(graph, "GRAPHML"));
    expect(parsed.getNodeAttributes("odd")).toMatchObject({ label: 'A <strange> & "quoted" name', description: "Line one\nline two", depth: 3 });
    expect(JSON.parse(parsed.getNodeAttribute("odd", "evidence") as string)[0].excerpt).toBe("x < y & z");
  });
});
