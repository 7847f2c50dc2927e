/**
 * A shortest path between two entities answered from PostgreSQL ("how is X
 * connected to Y?"), with the same answer, errors and budget as the in-memory
 * shortestPath (src/traversal/shortest-paths.ts), whose search this replays:
 * a bidirectional breadth-first search in which each round grows the side
 * whose layer reads fewer relations, then the path's remaining steps, each
 * the first in walk order that stays on a shortest path.
 *
 * Queries: one for the two ids (with their degrees, the first layers'
 * costs); one per hop (hop.ts: the side choice, counting on the indexes when
 * what is known does not decide it, and the layer's walks, or its contacts
 * with the other side when the search ends there); then one per step from
 * where the searches met to the end (steps.ts), and, only when a budget
 * could run out, one per such step to settle its charge exactly.
 */
import type { DirectionCode, WalkOptions } from "../../traversal/options.js";
import { trivialPath, type Path, type Step } from "../../traversal/path.js";
import type { WalkStep } from "./adjacency.js";
import { requireEntities, walking, type Walking } from "./options.js";
import { growCheaperSide, type Cost, type SearchSide } from "./hop.js";
import { countWalks, walkOfNode, walksIn, walksOut, type Queryable } from "./sql.js";
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

const sideOf = (side: Side): SearchSide => ({ layer: side.layer, ball: [...side.distance.keys()], cost: side.cost });

const sideFrom = (end: string, degree: number): Side => ({ distance: new Map([[end, 0]]), byDistance: [[end]], layer: [end], depth: 0, cost: { value: degree, exact: true } });

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
  const degrees = await requireEntities(db, [from, to], true);
  const walk = walking(options, "shortestPath");
  if (from === to) return trivialPath(from);

  const met = await search(db, from, to, walk, degrees);
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

async function search(db: Queryable, source: string, target: string, walk: Walking, degrees: Map<string, { out: number; in: number }>): Promise<Meeting | null> {
  const { budget } = walk;
  const degree = (node: string, direction: DirectionCode) => (walksOut(direction) ? degrees.get(node)!.out : 0) + (walksIn(direction) ? degrees.get(node)!.in : 0);
  const forward = sideFrom(source, degree(source, walk.direction));
  const backward = sideFrom(target, degree(target, walk.back));
  const parent: Meeting["parent"] = new Map();
  let meeting: { node: string; step: WalkStep } | null = null;
  const crossed = new Set<string>();

  while (meeting === null && crossed.size === 0 && forward.layer.length > 0 && backward.layer.length > 0) {
    const hop = await growCheaperSide(db, walk.direction, walk.back, sideOf(forward), sideOf(backward), walk.types);
    forward.cost = hop.forwardCost;
    backward.cost = hop.backwardCost;
    const grown = hop.forward ? forward : backward;
    if (hop.contacts !== null) {
      // The layer touches the other side's ball. Grown backward, memory scans the whole layer; grown forward,
      // it stops at the first such step: the layer's nodes before it are scanned whole, at most the layer's cost less its node's walk.
      const toward = hop.contacts.map((contact) => contact.next);
      if (!hop.forward) {
        budget.charge(hop.grownCost);
        for (const v of toward) crossed.add(v);
        break;
      }
      const u = hop.contacts[0]!.node!;
      const { step, length } = await firstStepToward(db, u, toward, walk);
      const before = grown.layer.slice(0, grown.layer.indexOf(u));
      if (budget.limited && before.length > 0) budget.chargeBetween(0, hop.grownCost - length, () => countWalks(db, before, walk.direction));
      meeting = { node: u, step };
      break;
    }
    const depth = grown.depth + 1;
    const next: string[] = [];
    for (const u of grown.layer) {
      const steps = walkOfNode(hop.walks, u).steps;
      for (const step of steps) {
        if (step.edge === null || grown.distance.has(step.next)) continue;
        reach(grown, step.next, depth);
        if (hop.forward) parent.set(step.next, { node: u, step });
        next.push(step.next);
      }
      budget.charge(steps.length);
    }
    grown.layer = next;
    grown.depth = depth;
  }
  if (meeting === null && crossed.size === 0) return null;

  const found = { forward, backward, parent, length: forward.depth + backward.depth + 1 };
  if (meeting !== null) return { ...found, ...meeting };
  // The search from the target met the forward layer: the first crossing in that layer's order starts the first path.
  const first = forward.layer.find((node) => crossed.has(node))!;
  return { ...found, node: first, step: await onwardStep(db, found, first, target, walk) };
}

/** The first step from `node` (itself on a shortest path) that stays on one (memory's onwardSteps). */
async function onwardStep(db: Queryable, met: Pick<Meeting, "forward" | "backward" | "length">, node: string, target: string, walk: Walking): Promise<WalkStep> {
  const forwardDepth = met.forward.depth;
  const position = met.forward.distance.get(node) ?? -1;
  const forwardSide = position >= 0 && position <= forwardDepth;
  const left = forwardSide ? met.length - position - 1 : met.backward.distance.get(node)! - 1;
  if (left === 0) return firstStepTo(db, node, target, walk);
  const toward = forwardSide && position < forwardDepth ? met.forward.byDistance[position + 1]! : met.backward.byDistance[left]!;
  return (await firstStepToward(db, node, toward, walk)).step;
}
