import { describe, expect, it } from "vitest";
import { BadInputError } from "../../src/errors.js";
import { implementations } from "./implementations.js";
import { thrownBy } from "./errors.js";
import { describePath, graph, recordingFirstArguments } from "./fixtures.js";

// Routes from a to e of 1, 2, 3, 4 and 5 edges.
const routes = () =>
  graph(
    "a -[ae:ALLY]-> e",
    "a -[ab:ALLY]-> b", "b -[be:ALLY]-> e",
    "a -[ac:ALLY]-> c", "c -[cd:ALLY]-> d", "d -[de:ALLY]-> e",
    "d -[df:ALLY]-> f", "f -[fe:ALLY]-> e",
    "a -[ag:ALLY]-> g", "g -[gh:ALLY]-> h", "h -[hi:ALLY]-> i", "i -[ij:ALLY]-> j", "j -[je:ALLY]-> e",
    "alone",
  );

const described = (paths: Parameters<typeof describePath>[0][]) => paths.map(describePath);

describe.each(implementations)("kShortestPaths, $name", ({ kShortestPaths, allShortestPaths, indexed }) => {
  it("returns simple paths shortest first, up to 4 edges by default", () => {
    expect(described(kShortestPaths(routes(), "a", "e", { direction: "forward" }))).toEqual([
      "a -ae-> e",
      "a -ab-> b -be-> e",
      "a -ac-> c -cd-> d -de-> e",
      "a -ac-> c -cd-> d -df-> f -fe-> e",
    ]);
  });

  it("returns only paths of at most maxLength edges", () => {
    expect(described(kShortestPaths(routes(), "a", "e", { direction: "forward", maxLength: 2 }))).toEqual(["a -ae-> e", "a -ab-> b -be-> e"]);
    expect(kShortestPaths(routes(), "a", "e", { direction: "forward", maxLength: 5 })).toHaveLength(5);
  });

  it("returns at most `limit` paths, the shortest ones", () => {
    expect(described(kShortestPaths(routes(), "a", "e", { direction: "forward", limit: 2 }))).toEqual(["a -ae-> e", "a -ab-> b -be-> e"]);
  });

  it("ignores direction by default, so paths may walk edges backwards", () => {
    const g = graph("a -[ab:ALLY]-> b", "c -[cb:ALLY]-> b", "a -[ad:ALLY]-> d", "d -[dx:ALLY]-> x", "c -[cx:ALLY]-> x");
    expect(described(kShortestPaths(g, "a", "c"))).toEqual(["a -ab-> b <-cb- c", "a -ad-> d -dx-> x <-cx- c"]);
    expect(kShortestPaths(g, "a", "c", { direction: "forward" })).toEqual([]);
    expect(described(kShortestPaths(g, "x", "a", { direction: "backward" }))).toEqual(["x <-dx- d <-ad- a"]);
  });

  it("never visits a node twice", () => {
    const g = graph("a -[ab:ALLY]-> b", "b -[bc:ALLY]-> c", "c -[ca:ALLY]-> a", "b -[bt:ALLY]-> t");
    expect(described(kShortestPaths(g, "a", "t", { direction: "forward", maxLength: 10 }))).toEqual(["a -ab-> b -bt-> t"]);
  });

  it("gives a distinct path for each parallel edge, in the order they were added", () => {
    const g = graph("a -[x1:ALLY]-> b", "a -[x2:ALLY]-> b", "b -[y:ALLY]-> c");
    expect(described(kShortestPaths(g, "a", "c"))).toEqual(["a -x1-> b -y-> c", "a -x2-> b -y-> c"]);
  });

  it("is not diverted by self-loops", () => {
    const g = graph("a -[aa:ALLY]-> a", "a -[ab:ALLY]-> b", "b -[bb:ALLY]-> b");
    expect(described(kShortestPaths(g, "a", "b"))).toEqual(["a -ab-> b"]);
  });

  it("follows only the listed relation types", () => {
    const g = graph("a -[ab:ALLY]-> b", "a -[funds:FUNDS]-> b", "b -[bc:ALLY]-> c");
    expect(described(kShortestPaths(g, "a", "c", { relationTypes: ["ALLY"] }))).toEqual(["a -ab-> b -bc-> c"]);
  });

  it("starts with the shortest paths, in the order allShortestPaths gives them", () => {
    const g = graph("s -[s1:ALLY]-> m1", "s -[s2:ALLY]-> m2", "m2 -[m2t:ALLY]-> t", "m1 -[m1t:ALLY]-> t", "s -[s3:ALLY]-> m3", "m3 -[m3n:ALLY]-> n", "n -[nt:ALLY]-> t");
    const paths = kShortestPaths(g, "s", "t");
    expect(paths.slice(0, 2)).toEqual(allShortestPaths(g, "s", "t"));
    expect(described(paths)).toEqual(["s -s1-> m1 -m1t-> t", "s -s2-> m2 -m2t-> t", "s -s3-> m3 -m3n-> n -nt-> t"]);
  });

  it("returns an empty list when the target is unreachable or only farther than maxLength", () => {
    expect(kShortestPaths(routes(), "a", "alone")).toEqual([]);
    expect(kShortestPaths(routes(), "g", "e", { direction: "forward", maxLength: 3 })).toEqual([]);
    expect(kShortestPaths(routes(), "g", "e", { direction: "forward", maxLength: 4 })).toHaveLength(1);
  });

  it("returns the one-node path from a node to itself", () => {
    expect(kShortestPaths(routes(), "a", "a")).toEqual([{ nodes: ["a"], steps: [] }]);
  });

  it("never walks to the neighbours of a hub that cannot lead to the target in time", () => {
    const lines = ["s -[sh:ALLY]-> hub", "s -[sm:ALLY]-> m", "m -[mt:ALLY]-> t"];
    for (let i = 0; i < 5_000; i++) lines.push(`hub -[h${i}:ALLY]-> leaf${i}`, `leaf${i} -[l${i}:ALLY]-> leaf${(i + 1) % 5_000}`);
    if (indexed) {
      // The index makes no graph calls to record; instead, the walk fits a budget far below the leaves' edges.
      expect(described(kShortestPaths(graph(...lines), "s", "t", { maxLength: 4, budget: 5_100 }))).toEqual(["s -sm-> m -mt-> t"]);
      return;
    }
    const touched = new Set<unknown>();
    const g = recordingFirstArguments(graph(...lines), touched);
    expect(described(kShortestPaths(g, "s", "t", { maxLength: 4 }))).toEqual(["s -sm-> m -mt-> t"]);
    expect([...touched].filter((node) => String(node).startsWith("leaf"))).toEqual([]);
  });

  it("throws NotFoundError naming an unknown endpoint", () => {
    expect(thrownBy(() => kShortestPaths(routes(), "ghost", "a"))).toMatchObject({ name: "NotFoundError", key: "ghost" });
  });

  it.each([
    ["maxLength", { maxLength: 0 }],
    ["maxLength", { maxLength: 2.5 }],
    ["limit", { limit: 0 }],
    ["direction", { direction: "round" as never }],
  ])("throws BadInputError naming %s when it is invalid", (argument, options) => {
    const error = thrownBy(() => kShortestPaths(routes(), "a", "e", options));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ argument });
  });
});
