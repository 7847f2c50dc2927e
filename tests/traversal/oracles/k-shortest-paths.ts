/**
 * The k shortest simple paths between two entities ("the few ways X and Y are
 * connected"), shortest first, up to a length bound.
 *
 * Paths are enumerated one length at a time by depth-first search; a branch at
 * depth d through node v is followed only when d + dist(v, to) fits the length
 * being enumerated, so hubs far from the target are never expanded. For length
 * L, distances to the target are explored only ceil(L / 2) hops out; beyond
 * that they are bounded from below. Within a length, paths are ordered as the
 * search meets them (adjacency order).
 */
import type { Attributes } from "graphology-types";
import {
  budgetOption,
  createPairWalker,
  createWalker,
  directionOption,
  Distances,
  integerOption,
  Meter,
  pathFromSteps,
  relationTypesOption,
  requireNode,
  reverse,
  trivialPath,
  type EdgeAttributes,
  type Path,
  type RelationGraph,
  type PairWalker,
  type Step,
  type StepVisitor,
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
  const meter = new Meter("kShortestPaths", budgetOption(options.budget));
  if (from === to) return [trivialPath(from)];

  const walk = createWalker(graph, direction, types, meter);
  const walkTo = createPairWalker(graph, direction, types, meter);
  const distanceTo = new Distances(to, createWalker(graph, reverse(direction), types, meter));
  const paths: Path[] = [];
  for (let length = 1; length <= maxLength && paths.length < limit; length++) {
    distanceTo.reach(Math.ceil(length / 2));
    const shortest = distanceTo.atLeast(from);
    if (shortest === Infinity) break;
    if (shortest <= length) pathsOfLength({ walk, walkTo, from, to, length, distanceTo, limit, meter }, paths);
  }
  return paths;
}

interface Search {
  readonly walk: Walker;
  readonly walkTo: PairWalker;
  readonly from: string;
  readonly to: string;
  readonly length: number;
  readonly distanceTo: Distances;
  readonly limit: number;
  readonly meter: Meter;
}

interface Frame {
  readonly steps: Step[];
  next: number;
}

/** Appends the simple paths of exactly `length` edges to `paths`, until it holds `limit`. */
function pathsOfLength({ walk, walkTo, from, to, length, distanceTo, limit, meter }: Search, paths: Path[]): void {
  // The steps from a node after which `budget` edges remain to reach `to`, whatever the path so far.
  const memo = new Map<number, Map<string, Step[]>>();
  let found: Step[] = [];
  let source = "";
  let budget = 0;
  const keep: StepVisitor = (edge, neighbor, reversed) => {
    if (budget === 0 || (neighbor !== to && distanceTo.atLeast(neighbor) <= budget)) {
      found.push({ edge, from: source, to: neighbor, reversed });
    }
  };
  const continuations = (node: string, left: number): Step[] => {
    let byNode = memo.get(left);
    if (byNode === undefined) memo.set(left, (byNode = new Map()));
    let steps = byNode.get(node);
    if (steps === undefined) {
      found = steps = [];
      source = node;
      budget = left;
      if (left === 0) walkTo(node, to, keep);
      else walk(node, keep);
      byNode.set(node, steps);
    }
    return steps;
  };

  const onPath = new Set<string>([from]);
  const path: Step[] = [];
  const frames: Frame[] = [{ steps: continuations(from, length - 1), next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const step = frame.steps[frame.next++];
    if (step !== undefined) meter.visit();
    if (step === undefined) {
      frames.pop();
      const left = path.pop();
      if (left !== undefined) onPath.delete(left.to);
    } else if (step.to === to) {
      paths.push(pathFromSteps(from, [...path, step]));
      if (paths.length >= limit) return;
    } else if (!onPath.has(step.to)) {
      path.push(step);
      onPath.add(step.to);
      frames.push({ steps: continuations(step.to, length - path.length - 1), next: 0 });
    }
  }
}
