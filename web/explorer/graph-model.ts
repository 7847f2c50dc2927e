/**
 * Turns the API's answers (a neighbourhood, paths, a retaliation chain) into
 * the graphology multi directed graph the explorer draws: one node per entity
 * (key: the entity id), one edge per relation (key: the relation id), with the
 * attributes sigma reads (label, color, size, x, y) beside the entity's own.
 * Knows nothing of layout or rendering beyond the colour of each kind.
 */
import { MultiDirectedGraph } from "graphology";
import type { EntitySummary, Neighborhood, PathResult, RelationSummary, RetaliationChain } from "./api.js";

export interface NodeAttributes {
  /** What sigma draws beside the node: Event.shortName, else the name, shortened. */
  label: string;
  name: string;
  kind: string;
  color: string;
  size: number;
  x: number;
  y: number;
  /** Hops from the centre in a neighbourhood; the first position along any path in a paths view. */
  depth?: number;
  eventType?: string;
  /** Events and statements: ISO date value, and its first and last possible day. */
  date?: string;
  earliest?: string | null;
  latest?: string | null;
  /** The entity the view is about (centre, path ends, the chain's event). */
  focus?: boolean;
  /** Always show the label (paths and chains, which are small), not only where there is room. */
  forceLabel?: boolean;
}

export interface EdgeAttributes {
  /** What sigma draws along the edge: the relation type. */
  label: string;
  type: string;
  color: string;
  size: number;
}

export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** One colour per entity kind (the legend's), readable on white. */
export const KIND_COLORS: Readonly<Record<string, string>> = {
  MILITIA: "#d62728",
  UMBRELLA_GROUP: "#ff7f0e",
  POLITICAL_BLOC: "#bcbd22",
  GOVERNMENT: "#1f77b4",
  ORGANIZATION: "#17becf",
  OFFICIAL: "#9467bd",
  BASE: "#8c564b",
  PLACE: "#2ca02c",
  MEDIA_SOURCE: "#e377c2",
  LEGAL_INSTRUMENT: "#7f7f7f",
  EVENT: "#393b79",
  STATEMENT: "#c49c94",
};
const OTHER_COLOR = "#555555";
export const EDGE_COLOR = "#b8b8c8";

export function kindColor(kind: string): string {
  return KIND_COLORS[kind] ?? OTHER_COLOR;
}

const LABEL_LENGTH = 28;

/** A short label: an event's shortName, else its name cut at a word boundary near 28 characters. */
export function shortLabel(entity: Pick<EntitySummary, "name" | "shortName">): string {
  if (entity.shortName) return entity.shortName;
  if (entity.name.length <= LABEL_LENGTH) return entity.name;
  const cut = entity.name.slice(0, LABEL_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > LABEL_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

export function createGraph(): ExplorerGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: true });
}

function nodeAttributes(entity: EntitySummary, depth?: number): NodeAttributes {
  return {
    label: shortLabel(entity),
    name: entity.name,
    kind: entity.kind,
    color: kindColor(entity.kind),
    size: 6,
    x: 0,
    y: 0,
    ...(depth !== undefined ? { depth } : {}),
    ...(entity.eventType ? { eventType: entity.eventType } : {}),
    ...(entity.date ? { date: entity.date.value, earliest: entity.date.earliest, latest: entity.date.latest } : {}),
  };
}

/** Adds an entity unless present (keeping the present one's position and depth); returns whether it was new. */
export function addEntity(graph: ExplorerGraph, entity: EntitySummary, depth?: number): boolean {
  if (graph.hasNode(entity.id)) return false;
  graph.addNode(entity.id, nodeAttributes(entity, depth));
  return true;
}

/** Adds a relation unless present, or when an end is missing; returns whether it was added. */
export function addRelation(graph: ExplorerGraph, relation: RelationSummary): boolean {
  if (graph.hasEdge(relation.id) || !graph.hasNode(relation.source.id) || !graph.hasNode(relation.target.id)) return false;
  graph.addDirectedEdgeWithKey(relation.id, relation.source.id, relation.target.id, { label: relation.type, type: relation.type, color: EDGE_COLOR, size: 1.5 });
  return true;
}

/** Node sizes from degree in the view (focus nodes larger), so hubs stand out; nodes and edges thinner in large views. */
export function sizeNodes(graph: ExplorerGraph): void {
  const scale = graph.order > 150 ? Math.max(0.55, Math.sqrt(150 / graph.order)) : 1;
  graph.forEachNode((node, attributes) => {
    const size = scale * Math.min(18, 5 + 1.6 * Math.sqrt(graph.degree(node)));
    graph.setNodeAttribute(node, "size", attributes.focus ? Math.max(size, 12) : size);
  });
  const edgeSize = graph.order > 150 ? 1.2 : 2;
  graph.forEachEdge((edge) => graph.setEdgeAttribute(edge, "size", edgeSize));
}

export function neighborhoodGraph(result: Neighborhood, centre: string): ExplorerGraph {
  const graph = createGraph();
  for (const node of result.nodes) addEntity(graph, node.entity, node.depth);
  for (const edge of result.edges) addRelation(graph, edge);
  if (graph.hasNode(centre)) graph.setNodeAttribute(centre, "focus", true);
  sizeNodes(graph);
  return graph;
}

/** Merges a neighbourhood into a graph in place; returns the ids of the entities it added. */
export function mergeNeighborhood(graph: ExplorerGraph, result: Neighborhood): string[] {
  const added: string[] = [];
  for (const node of result.nodes) if (addEntity(graph, node.entity)) added.push(node.entity.id);
  for (const edge of result.edges) addRelation(graph, edge);
  sizeNodes(graph);
  return added;
}

/** The union of the paths: every entity and every relation walked; `step` is a node's first position along any path. */
export function pathsGraph(paths: readonly PathResult[], from: string, to: string): ExplorerGraph {
  const graph = createGraph();
  for (const path of paths) {
    path.nodes.forEach((entity, index) => {
      if (!addEntity(graph, entity, index)) graph.updateNodeAttribute(entity.id, "depth", (depth) => Math.min(depth ?? index, index));
    });
    for (const step of path.steps) addRelation(graph, step.relation);
  }
  for (const end of [from, to]) if (graph.hasNode(end)) graph.setNodeAttribute(end, "focus", true);
  graph.forEachNode((node) => graph.setNodeAttribute(node, "forceLabel", true));
  sizeNodes(graph);
  return graph;
}

export function chainGraph(chain: RetaliationChain): ExplorerGraph {
  const graph = createGraph();
  for (const event of chain.events) addEntity(graph, event);
  for (const relation of chain.relations) addRelation(graph, relation);
  if (graph.hasNode(chain.event.id)) graph.setNodeAttribute(chain.event.id, "focus", true);
  graph.forEachNode((node) => graph.setNodeAttribute(node, "forceLabel", true));
  sizeNodes(graph);
  return graph;
}
