/**
 * The current view as files: networkx node-link JSON (what
 * networkx.node_link_graph reads: directed multigraph, nodes with `id`, links
 * with `source`, `target` and `key`), GraphML (written here with typed keys:
 * graphology-graphml's browser build only parses), and PNG (sigma's canvases
 * composited onto one, on white). Each is offered as a download from a blob:
 * URL, so nothing leaves the page.
 */
import type { ExplorerGraph } from "./graph-model.js";
import type { ExplorerSigma } from "./render.js";

type Scalar = string | number | boolean;

/** The attributes exported for each node and edge: the data, not sigma's drawing state. */
const NODE_FIELDS = ["name", "label", "kind", "depth", "eventType", "date", "x", "y", "color"] as const;
const EDGE_FIELDS = ["type", "label"] as const;

function pick(attributes: object, fields: readonly string[]): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const field of fields) {
    const value = (attributes as Record<string, unknown>)[field];
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) out[field] = value;
  }
  return out;
}

export interface NodeLinkGraph {
  readonly directed: true;
  readonly multigraph: true;
  readonly graph: Record<string, unknown>;
  readonly nodes: ReadonlyArray<{ readonly id: string } & Record<string, Scalar>>;
  readonly links: ReadonlyArray<{ readonly source: string; readonly target: string; readonly key: string } & Record<string, Scalar>>;
}

/** networkx node-link JSON of the graph; `graph` holds the view's description (mode, ids, filters). */
export function toNodeLink(graph: ExplorerGraph, description: Record<string, unknown>): NodeLinkGraph {
  return {
    directed: true,
    multigraph: true,
    graph: description,
    nodes: graph.mapNodes((id, attributes) => ({ id, ...pick(attributes, NODE_FIELDS) })),
    links: graph.mapEdges((key, attributes, source, target) => ({ source, target, key, ...pick(attributes, EDGE_FIELDS) })),
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function xmlType(values: readonly Scalar[]): "boolean" | "int" | "double" | "string" {
  if (values.every((value) => typeof value === "boolean")) return "boolean";
  if (values.every((value) => typeof value === "number" && Number.isInteger(value))) return "int";
  if (values.every((value) => typeof value === "number")) return "double";
  return "string";
}

/** GraphML with one typed <key> per attribute, each edge's id its relation id (networkx.read_graphml(path, force_multigraph=True) keeps them as keys). */
export function toGraphML(graph: ExplorerGraph, description: Record<string, unknown>): string {
  const nodes = graph.mapNodes((id, attributes) => ({ id, data: pick(attributes, NODE_FIELDS) }));
  const edges = graph.mapEdges((id, attributes, source, target) => ({ id, source, target, data: pick(attributes, EDGE_FIELDS) }));
  const keys: string[] = [];
  const keyIds = new Map<string, string>();
  const declare = (scope: "node" | "edge", items: ReadonlyArray<{ data: Record<string, Scalar> }>, fields: readonly string[]) => {
    for (const field of fields) {
      const values = items.flatMap(({ data }) => (field in data ? [data[field]!] : []));
      if (values.length === 0) continue;
      const id = `${scope[0]}_${field}`;
      keyIds.set(`${scope}:${field}`, id);
      keys.push(`  <key id="${id}" for="${scope}" attr.name="${escapeXml(field)}" attr.type="${xmlType(values)}"/>`);
    }
  };
  declare("node", nodes, NODE_FIELDS);
  declare("edge", edges, EDGE_FIELDS);
  const graphData = Object.entries(description).filter(([, value]) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0));
  for (const [name] of graphData) keys.push(`  <key id="g_${escapeXml(name)}" for="graph" attr.name="${escapeXml(name)}" attr.type="string"/>`);
  const data = (scope: "node" | "edge", values: Record<string, Scalar>) =>
    Object.entries(values)
      .map(([field, value]) => `<data key="${keyIds.get(`${scope}:${field}`)}">${escapeXml(String(value))}</data>`)
      .join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...keys,
    `  <graph id="G" edgedefault="directed">`,
    ...graphData.map(([name, value]) => `    <data key="g_${escapeXml(name)}">${escapeXml(Array.isArray(value) ? value.join(",") : String(value))}</data>`),
    ...nodes.map(({ id, data: values }) => `    <node id="${escapeXml(id)}">${data("node", values)}</node>`),
    ...edges.map(({ id, source, target, data: values }) => `    <edge id="${escapeXml(id)}" source="${escapeXml(source)}" target="${escapeXml(target)}">${data("edge", values)}</edge>`),
    `  </graph>`,
    `</graphml>`,
    ``,
  ].join("\n");
}

/** The view as drawn: every canvas in sigma's container, in order, on white, at the screen's pixel ratio. */
export function toPngBlob(sigma: ExplorerSigma): Promise<Blob> {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const output = document.createElement("canvas");
  output.width = Math.round(width * ratio);
  output.height = Math.round(height * ratio);
  const context = output.getContext("2d");
  if (!context) return Promise.reject(new Error("This browser cannot draw a 2D canvas."));
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, output.width, output.height);
  // WebGL keeps no drawing buffer between frames: draw a frame now and copy it in the same task.
  sigma.refresh();
  for (const canvas of sigma.getContainer().querySelectorAll("canvas")) {
    if (canvas.width > 0 && canvas.height > 0) context.drawImage(canvas, 0, 0, output.width, output.height);
  }
  return new Promise((resolve, reject) => output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The PNG could not be encoded."))), "image/png"));
}

/** Offers a blob as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(text: string, type: string, fileName: string): void {
  saveBlob(new Blob([text], { type }), fileName);
}
