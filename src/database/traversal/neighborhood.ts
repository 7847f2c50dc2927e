/**
 * The neighbourhood of an entity answered from PostgreSQL: everything within
 * `depth` hops, breadth first, and the relations among what was found, with
 * the same answer, errors and budget as the in-memory neighborhood
 * (src/traversal/neighborhood.ts). Queries: one for the id, one per hop
 * (the layer's walks), one for the relations among the members.
 */
import type { Neighborhood, NeighborhoodOptions } from "../../traversal/neighborhood.js";
import { integerOption } from "../../traversal/options.js";
import { inducedRelations, type Degrees } from "./induced-relations.js";
import { requireEntities, walking } from "./options.js";
import { readWalks, walkOfNode, walksIn, walksOut, type Queryable } from "./sql.js";

export async function neighborhood(db: Queryable, id: string, options: NeighborhoodOptions = {}): Promise<Neighborhood> {
  await requireEntities(db, [id]);
  const depth = integerOption("depth", options.depth, 1, 0);
  const limit = integerOption("limit", options.limit, 100, 1);
  const walk = walking(options, "neighborhood");

  const distance = new Map([[id, 0]]);
  const members = [id];
  const degrees = new Map<string, Degrees>();
  let truncated = false;
  for (let hops = 0, layer = [id]; hops < depth && layer.length > 0 && !truncated; hops++) {
    const walks = await readWalks(db, layer, walk.direction, walk.types);
    const next: string[] = [];
    for (const u of layer) {
      const { steps, outLength } = walkOfNode(walks, u);
      degrees.set(u, { out: walksOut(walk.direction) ? outLength : undefined, in: walksIn(walk.direction) ? steps.length - outLength : undefined });
      let j = 0;
      for (; j < steps.length; j++) {
        const step = steps[j]!;
        if (step.edge === null || distance.has(step.next)) continue;
        if (members.length >= limit) {
          truncated = true;
          break;
        }
        distance.set(step.next, hops + 1);
        members.push(step.next);
        next.push(step.next);
      }
      walk.budget.charge(truncated ? j + 1 : steps.length);
      if (truncated) break;
    }
    layer = next;
  }
  const nodes = members.map((member) => ({ id: member, depth: distance.get(member)! }));
  return { nodes, edges: await inducedRelations(db, members, walk, degrees), truncated };
}
