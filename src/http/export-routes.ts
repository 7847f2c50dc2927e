/**
 * Download routes for exports:
 *   GET /export/graph.<ext>
 *   GET /export/neighborhood.<ext>?id=...&depth=...&limit=...&relationTypes=A,B&direction=FORWARD
 *   GET /export/path.<ext>?from=...&to=...&relationTypes=...&direction=...
 * where <ext> is one of node-link.json, graphology.json, gexf, graphml,
 * cytoscape.json (node-link also takes edgesKey=links|edges). Query parameters
 * go through the same args classes and bounds as the GraphQL API.
 */
import { BadInputError, BudgetExceededError, NotFoundError } from "../errors.js";
import { exportNeighborhood, exportPath, exportWholeGraph } from "../export/exports.js";
import { EXPORT_FORMATS, FORMAT_INFO, serialize } from "../export/formats.js";
import type { EdgesKey, ExportFormat } from "../export/formats.js";
import type { ExportGraph } from "../export/export-graph.js";
import { filledArgs } from "../graphql/args/bounds.js";
import { NeighborhoodArgs, PathArgs } from "../graphql/args/traversal.args.js";
import { LIMITS } from "../graphql/limits.js";
import type { Direction } from "../algorithms/index.js";
import { RELATION_TYPE_NAMES } from "../model/ontology.js";
import type { RelationType } from "../model/ontology.js";
import type { KnowledgeService } from "../service/knowledge-service.js";

export interface HttpReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const EXTENSIONS = new Map<string, ExportFormat>(EXPORT_FORMATS.map((f) => [FORMAT_INFO[f].extension, f]));
const SUBJECTS = ["graph", "neighborhood", "path"] as const;
type Subject = (typeof SUBJECTS)[number];
const ROUTE = /^\/export\/([a-z]+)\.([a-z.-]+)$/;

export const EXPORT_ROUTES_HELP = `/export/{${SUBJECTS.join("|")}}.{${[...EXTENSIONS.keys()].join("|")}}`;

function intParam(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new BadInputError(name, `must be an integer (got "${text}")`);
  return Number(text);
}

function relationTypesParam(params: URLSearchParams): RelationType[] | undefined {
  const values = params.getAll("relationTypes").flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
  if (values.length === 0) return undefined;
  for (const value of values) {
    if (!(RELATION_TYPE_NAMES as readonly string[]).includes(value)) {
      throw new BadInputError("relationTypes", `unknown relation type "${value.slice(0, 50)}"; expected some of ${RELATION_TYPE_NAMES.join(", ")}`);
    }
  }
  return values as RelationType[];
}

function directionParam(params: URLSearchParams): Direction {
  const text = params.get("direction");
  if (text === null) return "either";
  const direction = text.toLowerCase();
  if (direction !== "forward" && direction !== "backward" && direction !== "either") {
    throw new BadInputError("direction", `must be FORWARD, BACKWARD or EITHER (got "${text.slice(0, 50)}")`);
  }
  return direction;
}

function edgesKeyParam(params: URLSearchParams): EdgesKey {
  const text = params.get("edgesKey") ?? "links";
  if (text !== "links" && text !== "edges") throw new BadInputError("edgesKey", `must be "links" or "edges" (got "${text.slice(0, 50)}")`);
  return text;
}

function requiredParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === "") throw new BadInputError(name, "is required");
  return value;
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

  let graph: ExportGraph;
  let name: string;
  const walk = { relationTypes: relationTypesParam(params), direction: directionParam(params) };
  switch (subject) {
    case "graph":
      graph = exportWholeGraph(service);
      name = "graph";
      break;
    case "neighborhood": {
      const args = filledArgs(new NeighborhoodArgs(), {
        id: requiredParam(params, "id"),
        depth: intParam(params, "depth") ?? LIMITS.depth.default,
        limit: intParam(params, "limit") ?? LIMITS.subgraphNodes.default,
        ...walk,
      });
      graph = exportNeighborhood(service, args.id, args);
      name = `neighborhood-${safeFilePart(args.id)}-depth-${args.depth}`;
      break;
    }
    case "path": {
      const args = filledArgs(new PathArgs(), { from: requiredParam(params, "from"), to: requiredParam(params, "to"), ...walk });
      graph = exportPath(service, args.from, args.to, args);
      name = `path-${safeFilePart(args.from)}-to-${safeFilePart(args.to)}`;
      break;
    }
  }
  const body = serialize(graph, format, { edgesKey: edgesKeyParam(params) });
  return {
    status: 200,
    headers: {
      "content-type": `${FORMAT_INFO[format].contentType}; charset=utf-8`,
      "content-disposition": `attachment; filename="${name}.${extension}"`,
    },
    body,
  };
}

/** The HTTP status and JSON error body for a domain error from an export. */
export function exportErrorReply(error: unknown): HttpReply | null {
  let extensions: Record<string, unknown>;
  if (error instanceof NotFoundError) extensions = { code: "NOT_FOUND", id: error.key };
  else if (error instanceof BadInputError) extensions = { code: "BAD_USER_INPUT", argument: error.argument };
  else if (error instanceof BudgetExceededError) extensions = { code: "TRAVERSAL_BUDGET_EXCEEDED", budget: error.budget };
  else return null;
  const code = extensions["code"];
  return {
    status: code === "NOT_FOUND" ? 404 : 400,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ errors: [{ message: (error as Error).message, extensions }] }),
  };
}
