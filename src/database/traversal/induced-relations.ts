/**
 * The relations among a set of entities, as memory's inducedRelations gives
 * them (src/traversal/induced-relations.ts): by source in member order, then
 * by target in member order, parallel relations in data order, read with one
 * query. With a budget, the same edge visits are charged, which takes each
 * member's degrees: those the walk has not already read are counted in the
 * same query.
 */
import { HUB_DEGREE } from "../../traversal/traversal-index.js";
import type { Walking } from "./options.js";
import { readMembers, type Queryable } from "./sql.js";

export interface Degrees {
  out?: number;
  in?: number;
}

export async function inducedRelations(db: Queryable, members: readonly string[], walking: Walking, known: ReadonlyMap<string, Degrees>): Promise<string[]> {
  const { budget, types } = walking;
  const countFor = budget.limited ? members.filter((m) => known.get(m)?.out === undefined || known.get(m)?.in === undefined) : null;
  const read = await readMembers(db, members, types, countFor);
  const rank = new Map(members.map((m, i) => [m, i]));

  if (budget.limited) {
    const degree = (m: string) => read.degrees.get(m) ?? (known.get(m) as Required<Degrees>);
    const between = new Map<string, number>();
    for (const r of read.relations) between.set(`${r.source} ${r.target}`, (between.get(`${r.source} ${r.target}`) ?? 0) + 1);
    const hub = (m: string) => degree(m).out + degree(m).in > HUB_DEGREE;
    for (const u of members) {
      const out = degree(u).out;
      if (out <= members.length || !hub(u)) budget.charge(out);
      else for (const w of members) budget.charge(hub(w) ? 1 + (between.get(`${u} ${w}`) ?? 0) : degree(w).in);
    }
  }

  const bySource = new Map<string, Array<{ id: string; rank: number }>>();
  for (const r of read.relations) {
    if (!r.allowed) continue;
    const list = bySource.get(r.source);
    const found = { id: r.id, rank: rank.get(r.target)! };
    if (list) list.push(found);
    else bySource.set(r.source, [found]);
  }
  return members.flatMap((m) => (bySource.get(m) ?? []).sort((a, b) => a.rank - b.rank).map((r) => r.id));
}
