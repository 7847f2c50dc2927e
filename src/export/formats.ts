/**
 * Serialising an export graph: networkx node-link JSON, graphology's own JSON,
 * GEXF (written by graphology-gexf), GraphML (written here, with typed <key>
 * declarations) and Cytoscape.js elements. JSON formats keep nested attributes;
 * XML formats flatten them (see attributes.ts).
 */
import { BadInputError } from "../errors.js";
import { MultiDirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { flattenAttributes } from "./attributes.js";
import type { FlatAttributes } from "./attributes.js";
import type { ExportGraph } from "./export-graph.js";

export const EXPORT_FORMATS = ["NODE_LINK", "GRAPHOLOGY", "GEXF", "GRAPHML", "CYTOSCAPE"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_INFO: Record<ExportFormat, { readonly extension: string; readonly contentType: string; readonly description: string }> = {
  NODE_LINK: { extension: "node-link.json", contentType: "application/json", description: "networkx node-link JSON (networkx.node_link_graph)." },
  GRAPHOLOGY: { extension: "graphology.json", contentType: "application/json", description: "graphology's serialised JSON (Graph.from / graph.import)." },
  GEXF: { extension: "gexf", contentType: "application/gexf+xml", description: "GEXF 1.3, for Gephi and graphology-gexf; nested attributes flattened." },
  GRAPHML: { extension: "graphml", contentType: "application/graphml+xml", description: "GraphML with typed keys, for networkx.read_graphml, yEd, graphology-graphml; nested attributes flattened." },
  CYTOSCAPE: { extension: "cytoscape.json", contentType: "application/json", description: "Cytoscape.js elements ({ elements: { nodes, edges } })." },
};

/** Where node-link JSON puts the edge list: networkx 2.8 to 3.5 read `links`; 3.6+ read `edges` by default. */
export type EdgesKey = "links" | "edges";

/** The `edgesKey` argument as given (any case); "links" when absent. */
export function edgesKeyOf(value: unknown): EdgesKey {
  if (value === undefined || value === null || value === "") return "links";
  const text = String(value).toLowerCase();
  if (text !== "links" && text !== "edges") throw new BadInputError("edgesKey", `must be "links" or "edges" (got "${String(value).slice(0, 50)}")`);
  return text;
}

/** A format by name as a person types it ("graphml", "node-link"); BadInputError naming `argument` otherwise. */
export function formatNamed(value: unknown, argument = "format"): ExportFormat {
  const text = String(value ?? "node-link").toLowerCase();
  const format = EXPORT_FORMATS.find((f) => f.toLowerCase().replace("_", "-") === text);
  if (!format) throw new BadInputError(argument, `must be one of ${EXPORT_FORMATS.map((f) => f.toLowerCase().replace("_", "-")).join(", ")} (got "${text.slice(0, 50)}")`);
  return format;
}

export interface SerializeOptions {
  /** For NODE_LINK; default "links". */
  readonly edgesKey?: EdgesKey;
}

export function toNodeLink(graph: ExportGraph, edgesKey: EdgesKey = "links") {
  return {
    directed: true,
    multigraph: true,
    graph: graph.attributes,
    nodes: graph.nodes.map((n) => ({ id: n.key, ...n.attributes })),
    [edgesKey]: graph.edges.map((e) => ({ source: e.source, target: e.target, key: e.key, ...e.attributes })),
  };
}

export function toGraphologyJson(graph: ExportGraph) {
  return {
    attributes: graph.attributes,
    options: { type: "directed", multi: true, allowSelfLoops: true },
    nodes: graph.nodes.map((n) => ({ key: n.key, attributes: n.attributes })),
    edges: graph.edges.map((e) => ({ key: e.key, source: e.source, target: e.target, attributes: e.attributes })),
  };
}

export function toCytoscape(graph: ExportGraph) {
  return {
    data: graph.attributes,
    elements: {
      nodes: graph.nodes.map((n) => ({ data: { id: n.key, ...n.attributes } })),
      edges: graph.edges.map((e) => ({ data: { id: e.key, source: e.source, target: e.target, label: e.attributes["type"], ...e.attributes } })),
    },
  };
}

function flatGraph(graph: ExportGraph): MultiDirectedGraph<FlatAttributes, FlatAttributes, FlatAttributes> {
  const flat = new MultiDirectedGraph<FlatAttributes, FlatAttributes, FlatAttributes>({ allowSelfLoops: true });
  flat.replaceAttributes(flattenAttributes(graph.attributes));
  for (const node of graph.nodes) flat.addNode(node.key, flattenAttributes(node.attributes));
  for (const edge of graph.edges) flat.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, flattenAttributes(edge.attributes));
  return flat;
}

export function toGexf(graph: ExportGraph): string {
  const flat = flatGraph(graph);
  const description = graph.attributes["description"];
  if (typeof description === "string") flat.setAttribute("description", description);
  return writeGexf(flat, {
    version: "1.3",
    formatNode: (_key, attributes) => {
      const { label, ...rest } = attributes;
      return { label: String(label), attributes: rest };
    },
    formatEdge: (_key, attributes) => ({ attributes }),
  });
}

type GraphmlType = "boolean" | "int" | "long" | "double" | "string";

function graphmlType(values: ReadonlyArray<string | number | boolean>): GraphmlType {
  if (values.every((v) => typeof v === "boolean")) return "boolean";
  if (values.every((v) => typeof v === "number" && Number.isInteger(v))) {
    return values.every((v) => Math.abs(v as number) <= 0x7fffffff) ? "int" : "long";
  }
  if (values.every((v) => typeof v === "number")) return "double";
  return "string";
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** GraphML with one typed <key> per attribute name and element kind. */
export function toGraphml(graph: ExportGraph): string {
  const scopes = {
    graph: [flattenAttributes(graph.attributes)],
    node: graph.nodes.map((n) => flattenAttributes(n.attributes)),
    edge: graph.edges.map((e) => flattenAttributes(e.attributes)),
  };
  const keys = new Map<string, { id: string; type: GraphmlType }>();
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const [scope, rows] of Object.entries(scopes)) {
    const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    names.forEach((name, i) => {
      const key = { id: `${scope[0]}${i}`, type: graphmlType(rows.map((row) => row[name]!).filter((v) => v !== undefined)) };
      keys.set(`${scope}:${name}`, key);
      lines.push(`  <key id="${key.id}" for="${scope}" attr.name="${escapeXml(name)}" attr.type="${key.type}"/>`);
    });
  }
  const data = (scope: string, attributes: FlatAttributes, indent: string) =>
    Object.entries(attributes).map(([name, value]) => {
      const key = keys.get(`${scope}:${name}`)!;
      return `${indent}<data key="${key.id}">${escapeXml(String(value))}</data>`;
    });
  lines.push('  <graph id="G" edgedefault="directed">');
  lines.push(...data("graph", scopes.graph[0]!, "    "));
  graph.nodes.forEach((node, i) => {
    lines.push(`    <node id="${escapeXml(node.key)}">`, ...data("node", scopes.node[i]!, "      "), "    </node>");
  });
  graph.edges.forEach((edge, i) => {
    lines.push(
      `    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      ...data("edge", scopes.edge[i]!, "      "),
      "    </edge>",
    );
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

export function serialize(graph: ExportGraph, format: ExportFormat, options: SerializeOptions = {}): string {
  switch (format) {
    case "NODE_LINK":
      return JSON.stringify(toNodeLink(graph, options.edgesKey));
    case "GRAPHOLOGY":
      return JSON.stringify(toGraphologyJson(graph));
    case "CYTOSCAPE":
      return JSON.stringify(toCytoscape(graph));
    case "GEXF":
      return toGexf(graph);
    case "GRAPHML":
      return toGraphml(graph);
  }
}
