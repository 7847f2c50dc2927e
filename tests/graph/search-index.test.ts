/**
 * Entity search: how it matches and ranks on a few hand-made entities, the
 * rule that resolves a typed name to one entity, and the spellings analysts
 * type on the bundled data.
 */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.js";
import { SearchIndex, isAcronymQuery } from "../../src/graph/search-index.js";
import type { KnowledgeBase } from "../../src/loading/validate.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import type { EntityRecord } from "../../src/model/records.js";

function indexOf(entities: Array<Partial<EntityRecord> & Pick<EntityRecord, "id" | "name">>): SearchIndex {
  const evidence = [{ document: "doc", excerpt: "x", attribution: "the test" }];
  const kb: KnowledgeBase = {
    sources: [],
    locations: [],
    entities: entities.map((e) => ({ kind: "Place", placeType: "CITY", description: "A place.", evidence, ...e }) as EntityRecord),
    relations: [],
  };
  return new SearchIndex(buildGraph(kb));
}

const ids = (index: SearchIndex, text: string) => index.search(text).slice().map((hit) => hit.id);

describe("SearchIndex.search", () => {
  const index = indexOf([
    { id: "old-kat-road", name: "Old Kat Road" },
    { id: "kat", name: "Kat" },
    { id: "katmandu", name: "Katmandu", aliases: ["KTM"] },
    { id: "khartoum", name: "Khartoum", description: "A city on the Nile." },
    { id: "nile-town", name: "Nile Town", variants: [{ name: "Nil Tawn", type: "TRANSLITERATION" }] },
  ]);

  it("puts an exact name first with score 1, then name matches by how much of the name the query covers", () => {
    const hits = index.search("Kat Road").slice();
    expect(hits[0]).toEqual({ id: "old-kat-road", score: 0.8667, field: "NAME", exact: false, coverage: 2 / 3 });
    const kat = index.search("kat").slice();
    expect(kat[0]).toEqual({ id: "kat", score: 1, field: "NAME", exact: true, coverage: 1 });
    expect(kat.map((h) => h.id)).toEqual(["kat", "katmandu", "old-kat-road"]);
  });

  it("matches by word prefix and phonetically, and every word must match", () => {
    expect(ids(index, "katma")).toEqual(["katmandu"]);
    expect(ids(index, "Katmanndu")).toEqual(["katmandu"]);
    expect(ids(index, "old road")).toEqual(["old-kat-road"]);
    expect(ids(index, "old nile")).toEqual([]);
  });

  it("says which field matched: variants and descriptions rank below names", () => {
    expect(index.search("tawn").slice().map((h) => [h.id, h.field])).toEqual([["nile-town", "VARIANT"]]);
    expect(index.search("nil tawn").slice()[0]).toMatchObject({ id: "nile-town", field: "VARIANT", exact: true });
    expect(index.search("nile").slice().map((h) => [h.id, h.field])).toEqual([
      ["nile-town", "NAME"],
      ["khartoum", "DESCRIPTION"],
    ]);
  });

  it("takes short and capitalised queries as acronyms: whole words only", () => {
    expect(isAcronymQuery("KH")).toBe(true);
    expect(isAcronymQuery("IRGC")).toBe(true);
    expect(isAcronymQuery("Irgc")).toBe(false);
    expect(isAcronymQuery("kh")).toBe(true);
    expect(isAcronymQuery("kat")).toBe(false);
    expect(ids(index, "KTM")).toEqual(["katmandu"]);
    expect(ids(index, "kh")).toEqual([]);
    expect(ids(index, "ktm")).toEqual(["katmandu"]);
  });

  it("filters by kind, ignores case, accents and punctuation, and finds nothing for empty text", () => {
    expect(ids(index, "KÁTMANDU")).toEqual(["katmandu"]);
    expect(index.search("kat", "Militia").slice()).toEqual([]);
    expect(index.search("  --  ").slice()).toEqual([]);
  });
});

describe("SearchIndex.resolve", () => {
  const index = indexOf([
    { id: "joe-biden", name: "Joe Biden" },
    { id: "biden-remarks", name: "Biden remarks to reporters" },
    { id: "springfield-ohio", name: "Springfield", aliases: ["Springfield OH"] },
    { id: "springfield-illinois", name: "Springfield", aliases: ["Springfield IL"] },
  ]);

  it("takes an exact id or a unique exact name", () => {
    expect(index.resolve("biden-remarks")).toEqual({ id: "biden-remarks" });
    expect(index.resolve("springfield oh")).toEqual({ id: "springfield-ohio" });
  });

  it("takes the best match when it scores above every other", () => {
    expect(index.resolve("Biden")).toEqual({ id: "joe-biden" });
  });

  it("is ambiguous when several entities share the name, and suggests near names when nothing matches", () => {
    expect(index.resolve("Springfield")).toEqual({ candidates: ["springfield-ohio", "springfield-illinois"], ambiguous: true });
    expect(index.resolve("zzzz")).toEqual({ candidates: [], ambiguous: false });
  });
});

describe("spellings analysts type, on the bundled data", () => {
  const kb = loadKnowledgeBase();
  const index = new SearchIndex(buildGraph(kb));
  const expected: Array<[string, string]> = [
    ["hizbollah", "kataib-hezbollah"],
    ["hezbolah", "kataib-hezbollah"],
    ["Kataib Hizballah", "kataib-hezbollah"],
    ["KH", "kataib-hezbollah"],
    ["Suleimani", "qassem-soleimani"],
    ["Qasem Soleimani", "qassem-soleimani"],
    ["Albu Kamal", "abu-kamal-al-qaim-crossing"],
    ["Abu Kamal", "abu-kamal-al-qaim-crossing"],
    ["Hashd", "pmf"],
    ["al-Hashd al-Shaabi", "pmf"],
    ["الحشد الشعبي", "pmf"],
    ["Popular Mobilisation", "pmf"],
    ["Popular Mobilization Forces", "pmf"],
    ["IRGC", "revolutionary-guards"],
    ["Islamic Revolutionary Guard Corps", "revolutionary-guards"],
    ["Quds Force", "qods-force"],
    ["Qods", "qods-force"],
    ["Muhandis", "abu-mahdi-al-muhandis"],
    ["Kadhimi", "mustafa-al-kadhimi"],
    ["Biden", "joe-biden"],
  ];

  it.each(expected)("%s finds %s first", (text, id) => {
    expect(index.search(text).slice()[0]?.id).toBe(id);
    expect(index.resolve(text)).toEqual({ id });
  });

  it("KH does not find Kadhimi or Khatibzadeh", () => {
    expect(ids(index, "KH")).not.toContain("mustafa-al-kadhimi");
    expect(ids(index, "KH")).not.toContain("saeed-khatibzadeh");
  });
});
