/**
 * Name search over ids, names and aliases: what it matches and how it ranks,
 * on a few hand-made entities, and the same answers as a plain scan of every
 * name (the specification, written out below) on a generated graph.
 */
import { describe, expect, it } from "vitest";
import { generate, random } from "../../bench/generate.js";
import { buildGraph } from "../../src/graph/build.js";
import { Lookups } from "../../src/graph/lookups.js";
import { normaliseName } from "../../src/graph/names.js";
import type { KnowledgeBase } from "../../src/loading/validate.js";
import type { EntityRecord } from "../../src/model/records.js";
import type { KnowledgeGraph } from "../../src/graph/types.js";

/** The ranking rule, one name at a time: exact, prefix, word prefix, elsewhere; then shorter names; then data order. */
function scanSearch(graph: KnowledgeGraph, text: string): string[] {
  const query = normaliseName(text);
  if (query === "") return [];
  const ranked: Array<[number, number, string]> = [];
  graph.forEachNode((id, node) => {
    const names = [...new Set([node.name, ...(node.record.aliases ?? []), id].map(normaliseName))];
    let best: [number, number] | null = null;
    for (const name of names) {
      const at = name.indexOf(query);
      if (at < 0) continue;
      const rank = name === query ? 0 : at === 0 ? 1 : name[at - 1] === " " ? 2 : 3;
      if (best === null || rank < best[0] || (rank === best[0] && name.length < best[1])) best = [rank, name.length];
    }
    if (best) ranked.push([best[0], best[1], id]);
  });
  return ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , id]) => id);
}

function graphOf(entities: Array<Pick<EntityRecord, "id" | "name"> & { aliases?: string[] }>): KnowledgeGraph {
  const evidence = [{ document: "doc", excerpt: "x", attribution: "the test" }];
  const kb: KnowledgeBase = {
    sources: [],
    locations: [],
    entities: entities.map((e) => ({ kind: "Place", placeType: "CITY", description: "A place.", evidence, ...e }) as EntityRecord),
    relations: [],
  };
  return buildGraph(kb);
}

describe("Lookups.search", () => {
  const small = graphOf([
    { id: "xkat-town", name: "Xkat kat" },
    { id: "kat", name: "Kat" },
    { id: "katmandu", name: "Katmandu", aliases: ["KTM"] },
    { id: "old-kat-road", name: "Old Kat Road" },
    { id: "empty-alias", name: "Somewhere", aliases: ["--"] },
  ]);
  const lookups = new Lookups(small);

  it("ranks exact names, then prefixes, then word prefixes, then the rest; a name ranks by its first occurrence", () => {
    expect(lookups.search("kat")).toEqual(["kat", "katmandu", "old-kat-road", "xkat-town"]);
  });

  it("matches ids and aliases, ignores case, accents, apostrophes and hyphens, and finds nothing for empty text", () => {
    expect(lookups.search("KTM")).toEqual(["katmandu"]);
    expect(lookups.search("old-kät")).toEqual(["old-kat-road"]);
    expect(lookups.search("empty alias")).toEqual(["empty-alias"]);
    expect(lookups.search(" -- ")).toEqual([]);
    expect(lookups.search("zzz")).toEqual([]);
  });

  it("never matches across two names", () => {
    expect(lookups.search("kat kat")).toEqual(["xkat-town"]);
    expect(lookups.search("kat xkat")).toEqual([]);
  });

  it("gives the plain scan's answers, in its order, on a generated graph", () => {
    const { knowledgeBase, names } = generate(20_000, 9);
    const graph = buildGraph(knowledgeBase);
    const generated = new Lookups(graph);
    const rand = random(4);
    const queries = ["a", "ka", "hez", "event", "event 1", "government-1", "9", "zz", ...names.slice(0, 50).map((name) => name.slice(Math.floor(rand() * 4), 3 + Math.floor(rand() * 6)))];
    for (const query of queries) expect(generated.search(query), query).toEqual(scanSearch(graph, query));
  });
});
