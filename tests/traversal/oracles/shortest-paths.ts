/**
 * Shortest paths between two entities ("how is X connected to Y?"), by
 * bidirectional breadth-first search.
 *
 * Paths are ordered as a depth-first walk from `from` meets them, taking each
 * node's steps in adjacency order; `shortestPath` returns the first of them,
 * which is also `allShortestPaths(...)[0]`.
 */
import type { Attributes } from "graphology-types";
import {
  budgetOption,
  createDegree,
  createPairWalker,
  createWalker,
  directionOption,
  integerOption,
  Meter,
  pathFromSteps,
  relationTypesOption,
  requireNode,
  reverse,
  trivialPath,
  type Direction,
  type EdgeAttributes,
  type Path,
  type RelationGraph,
  type Step,
  type StepVisitor,
  type WalkOptions,
} from "./walk.js";

export type ShortestPathOptions = WalkOptions;

export interface AllShortestPathsOptions extends WalkOptions {
  /** Most paths returned, an integer >= 1; default 10. */
  readonly limit?: number | undefined;
}

export function shortestPath<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  from: string,
  to: string,
  options: ShortestPathOptions = {},
): Path | null {
  requireNode(graph, from);
  requireNode(graph, to);
  const direction = directionOption(options.direction);
  const types = relationTypesOption(options.relationTypes);
  const meter = new Meter("shortestPath", budgetOption(options.budget));
  if (from === to) return trivialPath(from);

  const found = search(graph, from, to, direction, types, meter);
  if (found === null) return null;

  const steps: Step[] = [];
  for (let node = found.meeting.from; node !== from; ) {
    const step = found.parent.get(node)!;
    steps.push(step);
    node = step.from;
  }
  steps.reverse();
  steps.push(found.meeting);
  for (let node = found.meeting.to; node !== to; ) {
    const step = found.onward(node, true)[0]!;
    steps.push(step);
    node = step.to;
  }
  return pathFromSteps(from, steps);
}

export function allShortestPaths<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  from: string,
  to: string,
  options: AllShortestPathsOptions = {},
): Path[] {
  requireNode(graph, from);
  requireNode(graph, to);
  const direction = directionOption(options.direction);
  const types = relationTypesOption(options.relationTypes);
  const limit = integerOption("limit", options.limit, 10, 1);
  const meter = new Meter("allShortestPaths", budgetOption(options.budget));
  if (from === to) return [trivialPath(from)];

  const found = search(graph, from, to, direction, types, meter);
  if (found === null) return [];

  const stepsFrom = new Map<string, Step[]>();
  const candidates = (node: string): Step[] => {
    let steps = stepsFrom.get(node);
    if (steps === undefined) {
      steps = found.onward(node, false);
      stepsFrom.set(node, steps);
    }
    return steps;
  };

  interface Frame {
    readonly node: string;
    readonly steps: Step[];
    next: number;
    reachedTarget: boolean;
  }
  const paths: Path[] = [];
  const deadEnds = new Set<string>();
  const path: Step[] = [];
  const frames: Frame[] = [{ node: from, steps: candidates(from), next: 0, reachedTarget: false }];
  while (frames.length > 0 && paths.length < limit) {
    const frame = frames[frames.length - 1]!;
    const step = frame.steps[frame.next++];
    if (step !== undefined) meter.visit();
    if (step === undefined) {
      frames.pop();
      path.pop();
      if (!frame.reachedTarget) deadEnds.add(frame.node);
      else if (frames.length > 0) frames[frames.length - 1]!.reachedTarget = true;
    } else if (step.to === to) {
      frame.reachedTarget = true;
      paths.push(pathFromSteps(from, [...path, step]));
    } else if (!deadEnds.has(step.to)) {
      path.push(step);
      frames.push({ node: step.to, steps: candidates(step.to), next: 0, reachedTarget: false });
    }
  }
  return paths;
}

/**
 * Where the two searches met. Every shortest path runs from `from` through the
 * forward ball (nodes at most `forwardDepth` from `from`), over one edge into
 * the backward ball (nodes at most `backwardDepth` from `to`).
 */
interface Meeting {
  /** The first edge, in path order, from the forward into the backward ball. */
  readonly meeting: Step;
  /** How each node of the forward ball was first reached. */
  readonly parent: ReadonlyMap<string, Step>;
  /** The steps from `node`, itself on a shortest path, that stay on one (only the first when `firstOnly`). */
  readonly onward: (node: string, firstOnly: boolean) => Step[];
}

/** Each round grows the side whose next layer looks at fewer edges (the sum of its frontier's degrees). */
function search<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  from: string,
  to: string,
  direction: Direction,
  types: ReadonlySet<string> | null,
  meter: Meter,
): Meeting | null {
  const walk = createWalker(graph, direction, types, meter);
  const walkBack = createWalker(graph, reverse(direction), types, meter);
  const walkTo = createPairWalker(graph, direction, types, meter);
  const forwardDegree = createDegree(graph, direction);
  const backwardDegree = createDegree(graph, reverse(direction));
  const distanceFrom = new Map<string, number>([[from, 0]]);
  const distanceTo = new Map<string, number>([[to, 0]]);
  const parent = new Map<string, Step>();
  let forwardLayer = [from];
  let backwardLayer = [to];
  let forwardDepth = 0;
  let backwardDepth = 0;
  let forwardCost = forwardDegree(from);
  let backwardCost = backwardDegree(to);
  let next: string[] = [];
  let nextCost = 0;
  let current = "";
  let meeting = null as Step | null;
  const crossings = new Set<string>();

  const visitForward: StepVisitor = (edge, neighbor, reversed) => {
    if (distanceTo.has(neighbor)) {
      meeting = { edge, from: current, to: neighbor, reversed };
      return true;
    }
    if (!distanceFrom.has(neighbor)) {
      distanceFrom.set(neighbor, forwardDepth + 1);
      parent.set(neighbor, { edge, from: current, to: neighbor, reversed });
      next.push(neighbor);
      nextCost += forwardDegree(neighbor);
    }
    return false;
  };
  const visitBackward: StepVisitor = (_edge, neighbor) => {
    if (distanceFrom.has(neighbor)) {
      crossings.add(neighbor);
    } else if (crossings.size === 0 && !distanceTo.has(neighbor)) {
      distanceTo.set(neighbor, backwardDepth + 1);
      next.push(neighbor);
      nextCost += backwardDegree(neighbor);
    }
  };

  while (meeting === null && crossings.size === 0 && forwardLayer.length > 0 && backwardLayer.length > 0) {
    next = [];
    nextCost = 0;
    if (forwardCost <= backwardCost) {
      for (const node of forwardLayer) {
        current = node;
        walk(node, visitForward);
        if (meeting !== null) break;
      }
      if (meeting === null) {
        forwardLayer = next;
        forwardCost = nextCost;
        forwardDepth++;
      }
    } else {
      for (const node of backwardLayer) walkBack(node, visitBackward);
      if (crossings.size === 0) {
        backwardLayer = next;
        backwardCost = nextCost;
        backwardDepth++;
      }
    }
  }
  if (meeting === null && crossings.size === 0) return null;

  const length = forwardDepth + backwardDepth + 1;
  const onward = (node: string, firstOnly: boolean): Step[] => {
    const steps: Step[] = [];
    const keep: StepVisitor = (edge, neighbor, reversed) => {
      steps.push({ edge, from: node, to: neighbor, reversed });
      return firstOnly;
    };
    const position = distanceFrom.get(node);
    const forwardSide = position !== undefined && position <= forwardDepth;
    const left = forwardSide ? length - position - 1 : distanceTo.get(node)! - 1;
    if (left === 0) {
      walkTo(node, to, keep);
    } else {
      const ahead = forwardSide && position < forwardDepth ? distanceFrom : distanceTo;
      const wanted = ahead === distanceFrom ? position! + 1 : left;
      walk(node, (edge, neighbor, reversed) => ahead.get(neighbor) === wanted && keep(edge, neighbor, reversed));
    }
    return steps;
  };

  // The search from `to` met the forward layer: the first crossing in that layer's order starts the first path.
  meeting ??= onward(forwardLayer.find((node) => crossings.has(node))!, true)[0]!;
  return { meeting, parent, onward };
}
