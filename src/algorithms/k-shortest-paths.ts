/**
 * The k shortest simple paths between two entities ("the few ways X and Y are
 * connected"), shortest first, up to a length bound.
 *
 * Paths are enumerated one length at a time by depth-first search; a branch at
 * depth d through node v is followed only when d + dist(v, to) fits the length
 * being enumerated, so hubs far from the target are never expanded. Within a
 * length, paths are ordered as that search meets them (adjacency order).
 */
import type { Attributes } from "graphology-types";
import {
  createWalker,
  directionOption,
  distancesFrom,
  integerOption,
  pathFromSteps,
  relationTypesOption,
  requireNode,
  reverse,
  trivialPath,
  type EdgeAttributes,
  type Path,
  type RelationGraph,
  type Step,
  type WalkOptions,
  type Walker,
} from "./walk.js";

export interface KShortestPathsOptions extends WalkOptions {
  /** Longest path returned, in edges, an integer >= 1; default 4. */
  readonly maxLength?: number | undefined;
  /** Most paths returned, an integer >= 1; default 10. */
  readonly limit?: number | undefined;
}

export function kShortestPaths<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  from: string,
  to: string,
  options: KShortestPathsOptions = {},
): Path[] {
  requireNode(graph, from);
  requireNode(graph, to);
  const direction = directionOption(options.direction);
  const types = relationTypesOption(options.relationTypes);
  const maxLength = integerOption("maxLength", options.maxLength, 4, 1);
  const limit = integerOption("limit", options.limit, 10, 1);
  if (from === to) return [trivialPath(from)];

  const walk = createWalker(graph, direction, types);
  const distanceTo = distancesFrom(to, createWalker(graph, reverse(direction), types), maxLength);
  const shortest = distanceTo.get(from);
  if (shortest === undefined) return [];

  const paths: Path[] = [];
  for (let length = shortest; length <= maxLength && paths.length < limit; length++) {
    pathsOfLength(walk, from, to, length, distanceTo, limit, paths);
  }
  return paths;
}

interface Frame {
  readonly steps: Step[];
  next: number;
}

/** Appends the simple paths of exactly `length` edges to `paths`, until it holds `limit`. */
function pathsOfLength(
  walk: Walker,
  from: string,
  to: string,
  length: number,
  distanceTo: ReadonlyMap<string, number>,
  limit: number,
  paths: Path[],
): void {
  const onPath = new Set<string>([from]);
  const path: Step[] = [];
  const continuations = (node: string): Step[] => {
    const depth = path.length + 1;
    const steps: Step[] = [];
    walk(node, (edge, neighbor, reversed) => {
      if (onPath.has(neighbor)) return;
      const remaining = distanceTo.get(neighbor);
      if (remaining === undefined || depth + remaining > length) return;
      if (neighbor === to && depth !== length) return;
      steps.push({ edge, from: node, to: neighbor, reversed });
    });
    return steps;
  };

  const frames: Frame[] = [{ steps: continuations(from), next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const step = frame.steps[frame.next++];
    if (step === undefined) {
      frames.pop();
      const left = path.pop();
      if (left !== undefined) onPath.delete(left.to);
    } else if (step.to === to) {
      paths.push(pathFromSteps(from, [...path, step]));
      if (paths.length >= limit) return;
    } else {
      path.push(step);
      onPath.add(step.to);
      frames.push({ steps: continuations(step.to), next: 0 });
    }
  }
}
