/**
 * Download routes for exports:
 *   GET /export/graph.<ext>
 *   GET /export/neighborhood.<ext>?id=...&depth=...&limit=...&relationTypes=A,B&direction=FORWARD
 *   GET /export/path.<ext>?from=...&to=...&relationTypes=...&direction=...
 * where <ext> is one of node-link.json, graphology.json, gexf, graphml,
 * cytoscape.json (node-link also takes edgesKey=links|edges), and the tables
 *   GET /export/{events,claims,relations,entities}.{csv,parquet,jsonl}?<filters>
 * streamed as they are written. Query parameters go through the same request
 * layer as the GraphQL API (service/requests.ts); an unknown one is refused.
 * Wherever an entity id is expected a name may be given (KH, "Joe Biden"): it
 * is resolved as the command line resolves names, and an ambiguous one is
 * answered 409 with the candidates.
 */
import { exportNeighborhood, exportPath, exportWholeGraph } from "../export/exports.js";
import { EXPORT_FORMATS, FORMAT_INFO, edgesKeyOf, serialize } from "../export/formats.js";
import type { ExportFormat } from "../export/formats.js";
import type { ExportGraph } from "../export/export-graph.js";
import { reportOf } from "../service/error-reports.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { neighborhoodRequest, optionalText, pathRequest, textList } from "../service/requests.js";
import type { EntityRole } from "../service/knowledge-service.js";
import type { HttpReply } from "./reply.js";
import { BadInputError } from "../errors.js";
import { TABLE_FILTERS, TABLE_NAMES, tableOf } from "../export/tables.js";
import type { TableName } from "../export/tables.js";
import { TABLE_CONTENT_TYPES, TABLE_FORMATS, writeTable } from "../export/table-formats.js";
import type { TableFormat } from "../export/table-formats.js";

const EXTENSIONS = new Map<string, ExportFormat>(EXPORT_FORMATS.map((f) => [FORMAT_INFO[f].extension, f]));
const SUBJECTS = ["graph", "neighborhood", "path"] as const;
type Subject = (typeof SUBJECTS)[number];
const ROUTE = /^\/export\/([a-z]+)\.([a-z.-]+)$/;

export const EXPORT_ROUTES_HELP = `/export/{${SUBJECTS.join("|")}}.{${[...EXTENSIONS.keys()].join("|")}} and /export/{${TABLE_NAMES.join("|")}}.{${TABLE_FORMATS.join("|")}}`;

function tableReply(service: KnowledgeService, name: TableName, format: TableFormat, params: URLSearchParams): HttpReply {
  const table = tableOf(service, name, argumentsOf(service, name, params));
  return {
    status: 200,
    headers: { "content-type": TABLE_CONTENT_TYPES[format], "content-disposition": `attachment; filename="${name}.${format}"` },
    body: (sink) => writeTable(table, format, sink),
  };
}

/** The parameters each route takes. */
const PARAMETERS: Record<Subject | TableName, readonly string[]> = {
  graph: ["edgesKey"],
  neighborhood: ["id", "depth", "limit", "relationTypes", "direction", "edgesKey"],
  path: ["from", "to", "relationTypes", "direction", "edgesKey"],
  ...TABLE_FILTERS,
};
/** Parameters that name entities: whether they take a list, and what the entity stands for (which narrows the names it may be). */
const ENTITY_PARAMETERS: Partial<Record<Subject | TableName, Record<string, ["one" | "list", EntityRole]>>> = {
  neighborhood: { id: ["one", "any"] },
  path: { from: ["one", "any"], to: ["one", "any"] },
  events: { involving: ["one", "any"], country: ["one", "country"], perpetrators: ["list", "perpetrator"], targets: ["list", "target"] },
  claims: { subject: ["one", "any"] },
};

/**
 * The query parameters as request arguments (see service/requests.ts): only
 * the route's own; a list may be repeated or comma-separated; entity names
 * resolved to ids.
 */
function argumentsOf(service: KnowledgeService, route: Subject | TableName, params: URLSearchParams): Record<string, unknown> {
  const allowed = PARAMETERS[route];
  const unknown = [...new Set(params.keys())].filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new BadInputError(unknown[0]!, `is not a parameter of /export/${route}; it takes ${allowed.length > 0 ? allowed.join(", ") : "none"}`);
  }
  const input: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) input[key] = params.getAll(key).join(",");
  for (const [key, [arity, role]] of Object.entries(ENTITY_PARAMETERS[route] ?? {})) {
    if (arity === "one") {
      const value = optionalText(input, key);
      if (value !== null && value !== "") input[key] = service.resolveId(key, value, role);
    } else {
      const names = textList(input, key);
      if (names !== null) input[key] = names.map((name) => service.resolveId(key, name, role)).join(",");
    }
  }
  return input;
}

const safeFilePart = (text: string) => text.replace(/[^a-z0-9-]+/gi, "_").slice(0, 80);

export function handleExport(service: KnowledgeService, url: URL): HttpReply | null {
  const match = ROUTE.exec(url.pathname);
  if (!match) return null;
  const [, subjectText, extension] = match as unknown as [string, string, string];
  if ((TABLE_NAMES as readonly string[]).includes(subjectText) && (TABLE_FORMATS as readonly string[]).includes(extension)) {
    return tableReply(service, subjectText as TableName, extension as TableFormat, url.searchParams);
  }
  const format = EXTENSIONS.get(extension);
  if (!(SUBJECTS as readonly string[]).includes(subjectText) || format === undefined) return null;
  const subject = subjectText as Subject;
  const params = url.searchParams;

  const input = argumentsOf(service, subject, params);
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
