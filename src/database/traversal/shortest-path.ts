/**
 * A shortest path between two entities answered from PostgreSQL ("how is X
 * connected to Y?"), with the same answer, errors and budget as the in-memory
 * shortestPath (src/traversal/shortest-paths.ts), whose search this replays:
 * a bidirectional breadth-first search in which each round grows the side
 * whose next layer looks at fewer relations, then the path's remaining steps
 * taken first in walk order.
 *
 * Queries: one for the two ids; one per hop, which reads the chosen layer's
 * walks (and, when what is known of the two layers' costs does not decide
 * which to grow, first counts them on the indexes, in the same statement: see
 * expandCheaperSide); then one per step between where the searches met and
 * the end (and, only when the budget could run out, one per such step to
 * settle its charge exactly). A layer's cost is counted only when a round
 * needs it, and only as far as the comparison needs, so a layer the search
 * ends before growing is never counted.
 */
import type { WalkOptions } from "../../traversal/options.js";
import { trivialPath, type Path, type Step } from "../../traversal/path.js";
import type { WalkStep } from "./adjacency.js";
import { requireEntities, walking, type Walking } from "./options.js";
import { expandCheaperSide, walkOfNode, type Cost, type Queryable } from "./sql.js";
import { firstStepTo, firstStepToward } from "./steps.js";

interface Side {
  /** Hops from this side's end, of every node reached. */
  readonly distance: Map<string, number>;
  /** The nodes reached at each distance, in the order reached. */
  readonly byDistance: string[][];
  layer: string[];
  depth: number;
  cost: Cost;
}

const UNKNOWN: Cost = { value: 0, exact: false };

const sideFrom = (end: string): Side => ({ distance: new Map([[end, 0]]), byDistance: [[end]], layer: [end], depth: 0, cost: UNKNOWN });

function reach(side: Side, node: string, distance: number): void {
  side.distance.set(node, distance);
  (side.byDistance[distance] ??= []).push(node);
}

/** Where the searches met (see memory's Meeting): the first step across, from `node`, and the path's length. */
interface Meeting {
  readonly forward: Side;
  readonly backward: Side;
  readonly parent: Map<string, { readonly node: string; readonly step: WalkStep }>;
  readonly length: number;
  readonly node: string;
  readonly step: WalkStep;
}

export async function shortestPath(db: Queryable, from: string, to: string, options: WalkOptions = {}): Promise<Path | null> {
  await requireEntities(db, [from, to]);
  const walk = walking(options, "shortestPath");
  if (from === to) return trivialPath(from);

  const met = await search(db, from, to, walk);
  if (met === null) return null;
  const steps: Array<{ from: string; step: WalkStep }> = [];
  for (let node = met.node; node !== from; ) {
    const { node: previous, step } = met.parent.get(node)!;
    steps.push({ from: previous, step });
    node = previous;
  }
  steps.reverse();
  steps.push({ from: met.node, step: met.step });
  for (let node = met.step.next; node !== to; ) {
    const step = await onwardStep(db, met, node, to, walk);
    steps.push({ from: node, step });
    node = step.next;
  }
  await walk.budget.settle();
  return {
    nodes: [from, ...steps.map(({ step }) => step.next)],
    steps: steps.map(({ from: node, step }): Step => ({ edge: step.edge!, from: node, to: step.next, reversed: step.reversed })),
  };
}

async function search(db: Queryable, source: string, target: string, walk: Walking): Promise<Meeting | null> {
  const { budget } = walk;
  const forward = sideFrom(source);
  const backward = sideFrom(target);
  const parent: Meeting["parent"] = new Map();
  let meeting: { node: string; step: WalkStep } | null = null;
  const crossed = new Set<string>();

  while (meeting === null && crossed.size === 0 && forward.layer.length > 0 && backward.layer.length > 0) {
    const hop = await expandCheaperSide(db, walk.direction, walk.back, forward, backward, walk.types);
    forward.cost = hop.forwardCost;
    backward.cost = hop.backwardCost;
    const next: string[] = [];
    if (hop.forward) {
      const depth = forward.depth + 1;
      for (const u of forward.layer) {
        const steps = walkOfNode(hop.walks, u).steps;
        let j = 0;
        for (; j < steps.length; j++) {
          const step = steps[j]!;
          if (step.edge === null) continue;
          const v = step.next;
          if (backward.distance.has(v)) {
            meeting = { node: u, step };
            break;
          }
          if (!forward.distance.has(v)) {
            reach(forward, v, depth);
            parent.set(v, { node: u, step });
            next.push(v);
          }
        }
        budget.charge(meeting === null ? steps.length : j + 1);
        if (meeting !== null) break;
      }
      if (meeting === null) advance(forward, next, depth);
    } else {
      const depth = backward.depth + 1;
      for (const u of backward.layer) {
        const steps = walkOfNode(hop.walks, u).steps;
        for (const step of steps) {
          if (step.edge === null) continue;
          const v = step.next;
          if (forward.distance.has(v)) crossed.add(v);
          else if (crossed.size === 0 && !backward.distance.has(v)) {
            reach(backward, v, depth);
            next.push(v);
          }
        }
        budget.charge(steps.length);
      }
      if (crossed.size === 0) advance(backward, next, depth);
    }
  }
  if (meeting === null && crossed.size === 0) return null;

  const found = { forward, backward, parent, length: forward.depth + backward.depth + 1 };
  if (meeting !== null) return { ...found, ...meeting };
  // The search from the target met the forward layer: the first crossing in that layer's order starts the first path.
  const first = forward.layer.find((node) => crossed.has(node))!;
  return { ...found, node: first, step: await onwardStep(db, found, first, target, walk) };
}

function advance(side: Side, next: string[], depth: number): void {
  side.layer = next;
  side.depth = depth;
  side.cost = next.length === 0 ? { value: 0, exact: true } : UNKNOWN;
}

/** The first step from `node` (itself on a shortest path) that stays on one (memory's onwardSteps). */
function onwardStep(db: Queryable, met: Pick<Meeting, "forward" | "backward" | "length">, node: string, target: string, walk: Walking): Promise<WalkStep> {
  const forwardDepth = met.forward.depth;
  const position = met.forward.distance.get(node) ?? -1;
  const forwardSide = position >= 0 && position <= forwardDepth;
  const left = forwardSide ? met.length - position - 1 : met.backward.distance.get(node)! - 1;
  if (left === 0) return firstStepTo(db, node, target, walk);
  const toward = forwardSide && position < forwardDepth ? met.forward.byDistance[position + 1]! : met.backward.byDistance[left]!;
  return firstStepToward(db, node, toward, walk);
}
