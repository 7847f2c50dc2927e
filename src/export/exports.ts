/**
 * What can be exported: the whole graph, a neighbourhood, or the shortest path
 * between two entities, each as an export graph ready to serialise. Arguments
 * are checked by the same service calls the GraphQL API makes.
 */
import { NotFoundError } from "../errors.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { pathRequest } from "../service/requests.js";
import type { RequestInput } from "../service/requests.js";
import type { PathView, SubgraphView } from "../service/views.js";
import type { EntityRecord } from "../model/records.js";
import type { Attributes, Whereabouts } from "./attributes.js";
import { buildExportGraph } from "./export-graph.js";
import type { ExportGraph } from "./export-graph.js";

/** Countries and coordinates of a place, base or event. */
const whereaboutsIn =
  (service: KnowledgeService) =>
  (entity: EntityRecord): Whereabouts | null =>
    entity.kind === "Place" || entity.kind === "Base" || entity.kind === "Event"
      ? { countries: service.countriesOf(entity.id).map((country) => country.id), coordinates: service.coordinatesOf(entity.id) }
      : null;

function graphAttributes(service: KnowledgeService, description: string, extra: Attributes = {}): Attributes {
  return { description, ...extra, sources: service.sources().map((s) => ({ id: s.id, title: s.title })) };
}

export function exportWholeGraph(service: KnowledgeService): ExportGraph {
  return buildExportGraph({
    nodes: service.allEntities().map((entity) => ({ entity })),
    edges: service.allRelations(),
    attributes: graphAttributes(service, "The whole conflict knowledge graph"),
    whereabouts: whereaboutsIn(service),
  });
}

export function subgraphExport(service: KnowledgeService, view: SubgraphView): ExportGraph {
  const { center, depth, truncated } = view;
  return buildExportGraph({
    nodes: view.nodes,
    edges: view.edges,
    attributes: graphAttributes(service, `Neighbourhood of ${center}, depth ${depth}`, { center, depth, truncated }),
    whereabouts: whereaboutsIn(service),
  });
}

/** A neighbourhood as an export graph, for `neighborhood` arguments as given (see service/requests.ts). */
export function exportNeighborhood(service: KnowledgeService, input: RequestInput): ExportGraph {
  return subgraphExport(service, service.neighborhood(input));
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
      walked: view.steps.map((s) => s.direction.toUpperCase()),
    }),
    whereabouts: whereaboutsIn(service),
  });
}

/** The shortest path as an export graph, for `shortestPath` arguments as given; NotFoundError when the entities are not connected. */
export function exportPath(service: KnowledgeService, input: RequestInput): ExportGraph {
  const view = service.shortestPath(input);
  if (view === null) {
    const { from, to } = pathRequest(input);
    throw new NotFoundError("path", `${from} -> ${to}`, `No path from "${from}" to "${to}" with the given relation types and direction`);
  }
  return pathExport(service, view);
}
