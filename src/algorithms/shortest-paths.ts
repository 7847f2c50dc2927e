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
  createWalker,
  directionOption,
  integerOption,
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
  type Walker,
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
  if (from === to) return trivialPath(from);

  const found = search(graph, from, to, direction, types);
  if (found === null) return null;

  const steps: Step[] = [];
  for (let node = found.meeting.from; node !== from; ) {
    const step = found.parent.get(node)!;
    steps.push(step);
    node = step.from;
  }
  steps.reverse();
  steps.push(found.meeting);
  let node = found.meeting.to;
  while (node !== to) {
    const step = firstStep(found.walk, node, found.towardTarget(node))!;
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
  if (from === to) return [trivialPath(from)];

  const found = search(graph, from, to, direction, types);
  if (found === null) return [];

  const stepsFrom = new Map<string, Step[]>();
  const candidates = (node: string): Step[] => {
    let steps = stepsFrom.get(node);
    if (steps === undefined) {
      steps = allSteps(found.walk, node, found.towardTarget(node));
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
 * forward ball (distances `distanceFrom` <= `forwardDepth`), over one edge into
 * the backward ball (distances to the target `distanceTo` <= `backwardDepth`).
 */
interface Meeting {
  readonly walk: Walker;
  /** The first edge, in path order, crossing from the forward into the backward ball. */
  readonly meeting: Step;
  /** How each node of the forward ball was first reached. */
  readonly parent: ReadonlyMap<string, Step>;
  /** The nodes a step from `node` must reach to stay on a shortest path. */
  readonly towardTarget: (node: string) => (neighbor: string) => boolean;
}

function search<N extends Attributes, E extends EdgeAttributes>(
  graph: RelationGraph<N, E>,
  from: string,
  to: string,
  direction: Direction,
  types: ReadonlySet<string> | null,
): Meeting | null {
  const walk = createWalker(graph, direction, types);
  const walkBack = createWalker(graph, reverse(direction), types);
  const distanceFrom = new Map<string, number>([[from, 0]]);
  const distanceTo = new Map<string, number>([[to, 0]]);
  const parent = new Map<string, Step>();
  let forwardLayer = [from];
  let backwardLayer = [to];
  let forwardDepth = 0;
  let backwardDepth = 0;
  let next: string[] = [];
  let current = "";
  let meeting = null as Step | null;
  const meetingNodes = new Set<string>();

  const visitForward: StepVisitor = (edge, neighbor, reversed) => {
    if (meeting !== null) return;
    if (distanceTo.has(neighbor)) {
      meeting = { edge, from: current, to: neighbor, reversed };
    } else if (!distanceFrom.has(neighbor)) {
      distanceFrom.set(neighbor, forwardDepth + 1);
      parent.set(neighbor, { edge, from: current, to: neighbor, reversed });
      next.push(neighbor);
    }
  };
  const visitBackward: StepVisitor = (_edge, neighbor) => {
    if (distanceFrom.has(neighbor)) {
      meetingNodes.add(neighbor);
    } else if (meetingNodes.size === 0 && !distanceTo.has(neighbor)) {
      distanceTo.set(neighbor, backwardDepth + 1);
      next.push(neighbor);
    }
  };

  while (meeting === null && forwardLayer.length > 0 && backwardLayer.length > 0) {
    next = [];
    if (forwardLayer.length <= backwardLayer.length) {
      for (const node of forwardLayer) {
        current = node;
        walk(node, visitForward);
        if (meeting !== null) break;
      }
      if (meeting === null) {
        forwardLayer = next;
        forwardDepth++;
      }
    } else {
      for (const node of backwardLayer) walkBack(node, visitBackward);
      if (meetingNodes.size > 0) {
        const crossing = forwardLayer.find((node) => meetingNodes.has(node))!;
        const depth = backwardDepth;
        meeting = firstStep(walk, crossing, (neighbor) => distanceTo.get(neighbor) === depth)!;
      } else {
        backwardLayer = next;
        backwardDepth++;
      }
    }
  }
  if (meeting === null) return null;

  const lastForward = forwardDepth;
  const lastBackward = backwardDepth;
  const towardTarget = (node: string) => {
    const position = distanceFrom.get(node);
    if (position !== undefined && position <= lastForward) {
      if (position === lastForward) return (neighbor: string) => distanceTo.get(neighbor) === lastBackward;
      return (neighbor: string) => distanceFrom.get(neighbor) === position + 1;
    }
    const remaining = distanceTo.get(node)! - 1;
    return (neighbor: string) => distanceTo.get(neighbor) === remaining;
  };
  return { walk, meeting, parent, towardTarget };
}

function firstStep(walk: Walker, node: string, accepts: (neighbor: string) => boolean): Step | null {
  let found = null as Step | null;
  walk(node, (edge, neighbor, reversed) => {
    if (found === null && accepts(neighbor)) found = { edge, from: node, to: neighbor, reversed };
  });
  return found;
}

function allSteps(walk: Walker, node: string, accepts: (neighbor: string) => boolean): Step[] {
  const steps: Step[] = [];
  walk(node, (edge, neighbor, reversed) => {
    if (accepts(neighbor)) steps.push({ edge, from: node, to: neighbor, reversed });
  });
  return steps;
}
