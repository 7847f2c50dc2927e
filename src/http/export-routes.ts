/**
 * Download routes for exports:
 *   GET /export/graph.<ext>
 *   GET /export/neighborhood.<ext>?id=...&depth=...&limit=...&relationTypes=A,B&direction=FORWARD
 *   GET /export/path.<ext>?from=...&to=...&relationTypes=...&direction=...
 * where <ext> is one of node-link.json, graphology.json, gexf, graphml,
 * cytoscape.json (node-link also takes edgesKey=links|edges). Query parameters
 * go through the same request layer as the GraphQL API (service/requests.ts).
 */
import { exportNeighborhood, exportPath, exportWholeGraph } from "../export/exports.js";
import { EXPORT_FORMATS, FORMAT_INFO, edgesKeyOf, serialize } from "../export/formats.js";
import type { ExportFormat } from "../export/formats.js";
import type { ExportGraph } from "../export/export-graph.js";
import { reportOf } from "../service/error-reports.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { neighborhoodRequest, pathRequest } from "../service/requests.js";
import type { HttpReply } from "./server.js";

const EXTENSIONS = new Map<string, ExportFormat>(EXPORT_FORMATS.map((f) => [FORMAT_INFO[f].extension, f]));
const SUBJECTS = ["graph", "neighborhood", "path"] as const;
type Subject = (typeof SUBJECTS)[number];
const ROUTE = /^\/export\/([a-z]+)\.([a-z.-]+)$/;

export const EXPORT_ROUTES_HELP = `/export/{${SUBJECTS.join("|")}}.{${[...EXTENSIONS.keys()].join("|")}}`;

/** The query parameters as request arguments (see service/requests.ts); a list may be repeated or comma-separated. */
function argumentsOf(params: URLSearchParams): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(params);
  const relationTypes = params.getAll("relationTypes");
  if (relationTypes.length > 1) input["relationTypes"] = relationTypes.join(",");
  return input;
}

const safeFilePart = (text: string) => text.replace(/[^a-z0-9-]+/gi, "_").slice(0, 80);

export function handleExport(service: KnowledgeService, url: URL): HttpReply | null {
  const match = ROUTE.exec(url.pathname);
  if (!match) return null;
  const [, subjectText, extension] = match as unknown as [string, string, string];
  const format = EXTENSIONS.get(extension);
  if (!(SUBJECTS as readonly string[]).includes(subjectText) || format === undefined) return null;
  const subject = subjectText as Subject;
  const params = url.searchParams;

  const input = argumentsOf(params);
  let graph: ExportGraph;
  let name: string;
  switch (subject) {
    case "graph":
      graph = exportWholeGraph(service);
      name = "graph";
      break;
    case "neighborhood": {
      const { id, depth } = neighborhoodRequest(input);
      graph = exportNeighborhood(service, input);
      name = `neighborhood-${safeFilePart(id)}-depth-${depth}`;
      break;
    }
    case "path": {
      const { from, to } = pathRequest(input);
      graph = exportPath(service, input);
      name = `path-${safeFilePart(from)}-to-${safeFilePart(to)}`;
      break;
    }
  }
  const body = serialize(graph, format, { edgesKey: edgesKeyOf(params.get("edgesKey")) });
  return {
    status: 200,
    headers: {
      "content-type": `${FORMAT_INFO[format].contentType}; charset=utf-8`,
      "content-disposition": `attachment; filename="${name}.${extension}"`,
    },
    body,
  };
}

/** The HTTP status and JSON error body for a domain error from an export (see service/error-reports.ts). */
export function exportErrorReply(error: unknown): HttpReply | null {
  const report = reportOf(error);
  if (report === null) return null;
  return {
    status: report.httpStatus,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ errors: [{ message: report.message, extensions: report.extensions }] }),
  };
}
