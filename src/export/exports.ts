/**
 * What can be exported: the whole graph, a neighbourhood, or the shortest path
 * between two entities, each as an export graph ready to serialise. Arguments
 * are checked by the same service calls the GraphQL API makes.
 */
import { NotFoundError } from "../errors.js";
import type { KnowledgeService, WalkArgs } from "../service/knowledge-service.js";
import type { PathView, SubgraphView } from "../service/views.js";
import type { Attributes } from "./attributes.js";
import { buildExportGraph } from "./export-graph.js";
import type { ExportGraph } from "./export-graph.js";

function graphAttributes(service: KnowledgeService, description: string, extra: Attributes = {}): Attributes {
  return { description, ...extra, sources: service.sources().map((s) => ({ id: s.id, title: s.title })) };
}

export function exportWholeGraph(service: KnowledgeService): ExportGraph {
  return buildExportGraph({
    nodes: service.allEntities().map((entity) => ({ entity })),
    edges: service.allRelations(),
    attributes: graphAttributes(service, "The whole conflict knowledge graph"),
  });
}

export function subgraphExport(service: KnowledgeService, view: SubgraphView): ExportGraph {
  const { center, depth, truncated } = view;
  return buildExportGraph({
    nodes: view.nodes,
    edges: view.edges,
    attributes: graphAttributes(service, `Neighbourhood of ${center}, depth ${depth}`, { center, depth, truncated }),
  });
}

export function exportNeighborhood(service: KnowledgeService, id: string, args: WalkArgs & { depth: number; limit: number }): ExportGraph {
  return subgraphExport(service, service.neighborhood(id, args));
}

export function pathExport(service: KnowledgeService, view: PathView): ExportGraph {
  const from = view.nodes[0]!.id;
  const to = view.nodes.at(-1)!.id;
  return buildExportGraph({
    nodes: view.nodes.map((entity) => ({ entity })),
    edges: view.steps.map((step) => step.relation),
    attributes: graphAttributes(service, `Shortest path from ${from} to ${to}`, {
      from,
      to,
      length: view.length,
      walked: view.steps.map((s) => s.direction),
    }),
  });
}

/** The shortest path as an export graph; NotFoundError when the entities are not connected. */
export function exportPath(service: KnowledgeService, from: string, to: string, args: WalkArgs = {}): ExportGraph {
  const view = service.shortestPath(from, to, args);
  if (view === null) throw new NotFoundError("path", `${from} -> ${to}`, `No path from "${from}" to "${to}" with the given relation types and direction`);
  return pathExport(service, view);
}
