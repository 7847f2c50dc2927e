/**
 * The steps a path takes once its search has met: from a node, the first
 * step in walk order to one of the nodes a hop nearer the end (memory's
 * onwardSteps), or to the end itself (memory's stepsBetween), each with one
 * query reading only the node's relations toward those nodes. The edge
 * visits memory's scan makes depend on where the step sits in the node's
 * whole walk: they are charged within bounds and settled only when the
 * budget could run out (see budget.ts).
 */
import { HUB_DEGREE } from "../../traversal/traversal-index.js";
import type { Walk, WalkStep } from "./adjacency.js";
import type { Walking } from "./options.js";
import { readStepsToward, readWalks, walkOfNode, walksIn, walksOut, type Queryable } from "./sql.js";

/** The first step from `node` to one of `toward`, as memory's onwardSteps takes it, and (with a budget) the length of the node's walk. */
export async function firstStepToward(db: Queryable, node: string, toward: readonly string[], walking: Walking): Promise<{ step: WalkStep; length: number }> {
  const { walk, at, outDegree, inDegree } = await stepsToward(db, node, toward, walking);
  if (walking.budget.limited) chargeScanTo(db, node, walk, at, outDegree, inDegree, walking);
  const length = (walksOut(walking.direction) ? outDegree : 0) + (walksIn(walking.direction) ? inDegree : 0);
  return { step: walk.steps[at]!, length };
}

/** The first step from `node` to `target`, as memory's stepsBetween takes it (a hub's relations with one node are looked up, not scanned). */
export async function firstStepTo(db: Queryable, node: string, target: string, walking: Walking): Promise<WalkStep> {
  const { walk, at, outDegree, inDegree } = await stepsToward(db, node, [target], walking);
  if (walking.budget.limited) {
    if (outDegree + inDegree > HUB_DEGREE) walking.budget.charge(1 + at + 1);
    else chargeScanTo(db, node, walk, at, outDegree, inDegree, walking);
  }
  return walk.steps[at]!;
}

async function stepsToward(db: Queryable, node: string, toward: readonly string[], walking: Walking) {
  const found = await readStepsToward(db, node, toward, walking.direction, walking.types, walking.budget.limited);
  const at = found.walk.steps.findIndex((step) => step.edge !== null);
  if (at < 0) throw new Error(`no step from "${node}" toward the path's next nodes: the relations changed during the traversal`);
  return { ...found, at };
}

/**
 * Charges a scan of the node's whole walk that stops at step `at` of `walk`
 * (its steps toward some nodes only): as many visits as the step's place in
 * the whole walk, at least its place among these steps, at most the end of
 * its section.
 */
function chargeScanTo(db: Queryable, node: string, walk: Walk, at: number, outDegree: number, inDegree: number, walking: Walking): void {
  const step = walk.steps[at]!;
  const before = step.reversed && walksOut(walking.direction) ? outDegree : 0;
  const least = step.reversed ? before + at - walk.outLength + 1 : at + 1;
  const most = step.reversed ? before + inDegree : outDegree;
  walking.budget.chargeBetween(least, most, async () => {
    const whole = walkOfNode(await readWalks(db, [node], walking.direction, walking.types), node);
    return whole.steps.findIndex((s) => s.edge === step.edge && s.reversed === step.reversed) + 1;
  });
}
