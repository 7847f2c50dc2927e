/**
 * The relations among a set of entities (an induced subgraph), self-loops
 * included, each once: by source in member order, then by target in member
 * order, parallel edges in the order added. A hub with more out-edges than
 * there are members is not scanned: its edges to each member are looked up.
 */
import type { Budget } from "./budget.js";
import { scratchFor } from "./scratch.js";
import { firstRun, isHub, type TraversalIndex } from "./traversal-index.js";

export function inducedRelations(index: TraversalIndex, members: readonly number[], allowed: Uint8Array | null, budget: Budget): string[] {
  const scratch = scratchFor(index);
  const { neighbor, type, edge, edgeKeys, edgeType, outStart, inStart, loopStart, loopEdge, runEntry, runStart } = index;
  const [memberStamp, generation, rank, count] = [scratch.member.stamp, scratch.member.clear(), scratch.memberRank, members.length];
  for (let i = count - 1; i >= 0; i--) {
    memberStamp[members[i]!] = generation;
    rank[members[i]!] = i;
  }
  const isMember = (v: number) => memberStamp[v] === generation;
  const allowedType = (j: number) => allowed === null || allowed[type[j]!] === 1;

  const relations: string[] = [];
  // One source's edges, kept sorted by target rank as they are found (stably, so parallel edges keep their order).
  const foundEdge: number[] = [];
  const foundRank: number[] = [];
  const keep = (edgeIndex: number, targetRank: number): void => {
    let at = foundEdge.length;
    foundEdge.push(edgeIndex);
    foundRank.push(targetRank);
    for (; at > 0 && foundRank[at - 1]! > targetRank; at--) {
      foundEdge[at] = foundEdge[at - 1]!;
      foundRank[at] = foundRank[at - 1]!;
    }
    foundEdge[at] = edgeIndex;
    foundRank[at] = targetRank;
  };
  /** u's out-steps to members. */
  const scanOut = (a: number, b: number): void => {
    const stop = budget.stop(a, b);
    let j = a;
    for (; j < stop; j++) {
      const v = neighbor[j]!;
      if (isMember(v) && allowedType(j)) keep(edge[j]!, rank[v]!);
    }
    budget.scanned(a, j, stop, b);
  };
  /** Non-hub w's in-steps from u: the same edges as u's out-steps to w, in the same order, in a short section. */
  const scanInSection = (w: number, u: number, k: number): void => {
    const c = inStart[w]!;
    const d = outStart[w + 1]!;
    const stop = budget.stop(c, d);
    let j = c;
    for (; j < stop; j++) if (neighbor[j] === u && allowedType(j)) keep(edge[j]!, k);
    budget.scanned(c, j, stop, d);
  };

  for (let i = 0; i < count; i++) {
    const u = members[i]!;
    if (rank[u] !== i) continue;
    const a = outStart[u]!;
    const b = inStart[u]!;
    if (b - a <= count || !isHub(index, u)) {
      scanOut(a, b);
    } else {
      for (let k = 0; k < count; k++) {
        const w = members[k]!;
        if (rank[w] !== k) continue;
        if (!isHub(index, w)) {
          scanInSection(w, u, k);
          continue;
        }
        budget.charge(1);
        for (let r = firstRun(index, u, w); r >= 0 && r < runStart[u + 1]! && neighbor[runEntry[r]!] === w; r++) {
          const begin = runEntry[r]!;
          if (begin >= b) break;
          for (let j = begin; j < b && neighbor[j] === w; j++) {
            budget.charge(1);
            if (allowedType(j)) keep(edge[j]!, k);
          }
        }
      }
    }
    for (let l = loopStart[u]!; l < loopStart[u + 1]!; l++) {
      budget.charge(1);
      const e = loopEdge[l]!;
      if (allowed === null || allowed[edgeType[e]!] === 1) keep(e, i);
    }
    for (const edgeIndex of foundEdge) relations.push(edgeKeys[edgeIndex]!);
    foundEdge.length = 0;
    foundRank.length = 0;
  }
  return relations;
}
