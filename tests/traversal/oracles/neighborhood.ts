/**
 * The neighbourhood of an entity: everything within a few hops, breadth first,
 * with the relations among what was found ("what is around X?").
 */
import type { Attributes } from "graphology-types";
import {
  budgetOption,
  createWalker,
  directionOption,
  inducedEdges,
  integerOption,
  Meter,
  relationTypesOption,
  requireNode,
  type EdgeAttributes,
  type RelationGraph,
  type StepVisitor,
  type WalkOptions,
} from "./walk.js";

export interface NeighborhoodOptions extends WalkOptions {
  /** Hops from the start, an integer >= 0; default 1. */
  readonly depth?: number | undefined;
  /** Most nodes returned, start included, an integer >= 1; default 100. */
  readonly limit?: number | undefined;
}

export interface NeighborhoodNode {
  readonly id: string;
  /** Hops from the start (0 for the start itself). */
  readonly depth: number;
}

export interface Neighborhood {
  /** In breadth-first order, the start first. */
  readonly nodes: NeighborhoodNode[];
  /**
   * Every edge of an allowed type between two returned nodes, whatever its
   * direction: by source in `nodes` order, then by target in that order.
   */
  readonly edges: string[];
  /** True when a reachable node was left out because of `limit`. */
  readonly truncated: boolean;
}

export function neighborhood<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  id: string,
  options: NeighborhoodOptions = {},
): Neighborhood {
  requireNode(graph, id);
  const depth = integerOption("depth", options.depth, 1, 0);
  const limit = integerOption("limit", options.limit, 100, 1);
  const direction = directionOption(options.direction);
  const types = relationTypesOption(options.relationTypes);
  const meter = new Meter("neighborhood", budgetOption(options.budget));
  const walk = createWalker(graph, direction, types, meter);

  const nodes: NeighborhoodNode[] = [{ id, depth: 0 }];
  const members = new Set([id]);
  let truncated = false;
  let nextDepth = 1;
  const visit: StepVisitor = (_edge, neighbor) => {
    if (members.has(neighbor)) return false;
    if (nodes.length >= limit) return (truncated = true);
    members.add(neighbor);
    nodes.push({ id: neighbor, depth: nextDepth });
    return false;
  };

  for (let i = 0; i < nodes.length && !truncated; i++) {
    const node = nodes[i]!;
    if (node.depth >= depth) break;
    nextDepth = node.depth + 1;
    walk(node.id, visit);
  }

  return { nodes, edges: inducedEdges(graph, [...members], types, meter), truncated };
}
