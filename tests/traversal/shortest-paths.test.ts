import { describe, expect, it } from "vitest";
import { BadInputError, NotFoundError } from "../../src/errors.js";
import { implementations } from "./implementations.js";
import { thrownBy } from "./errors.js";
import { describePath, graph } from "./fixtures.js";

//   a --ab--> b --bc--> c <--dc-- d        z (isolated)
const line = () => graph("a -[ab:ALLY]-> b", "b -[bc:ALLY]-> c", "d -[dc:ALLY]-> c", "z");

const described = (path: Parameters<typeof describePath>[0] | null) => (path === null ? null : describePath(path));

describe.each(implementations)("shortestPath, $name", ({ shortestPath, allShortestPaths }) => {
  it("returns the nodes and the steps walked, each step saying whether it went against its edge", () => {
    expect(shortestPath(line(), "a", "d")).toEqual({
      nodes: ["a", "b", "c", "d"],
      steps: [
        { edge: "ab", from: "a", to: "b", reversed: false },
        { edge: "bc", from: "b", to: "c", reversed: false },
        { edge: "dc", from: "c", to: "d", reversed: true },
      ],
    });
  });

  it("ignores edge direction by default", () => {
    expect(described(shortestPath(line(), "c", "a"))).toBe("c <-bc- b <-ab- a");
  });

  it("follows edges from source to target only when direction is forward", () => {
    expect(described(shortestPath(line(), "a", "c", { direction: "forward" }))).toBe("a -ab-> b -bc-> c");
    expect(shortestPath(line(), "a", "d", { direction: "forward" })).toBeNull();
    expect(shortestPath(line(), "c", "a", { direction: "forward" })).toBeNull();
  });

  it("follows edges from target to source only when direction is backward", () => {
    expect(described(shortestPath(line(), "c", "a", { direction: "backward" }))).toBe("c <-bc- b <-ab- a");
    expect(shortestPath(line(), "a", "c", { direction: "backward" })).toBeNull();
  });

  it("returns a path with one node and no steps from a node to itself", () => {
    expect(shortestPath(line(), "z", "z")).toEqual({ nodes: ["z"], steps: [] });
  });

  it("returns null when the target cannot be reached", () => {
    expect(shortestPath(line(), "a", "z")).toBeNull();
  });

  it("takes the route with fewest edges", () => {
    const g = graph("s -[s1:ALLY]-> x1", "x1 -[x12:ALLY]-> x2", "x2 -[x2t:ALLY]-> t", "s -[sy:ALLY]-> y", "y -[yt:ALLY]-> t");
    expect(described(shortestPath(g, "s", "t"))).toBe("s -sy-> y -yt-> t");
  });

  it("follows only the listed relation types", () => {
    const g = graph("s -[st:FUNDS]-> t", "s -[sm:ALLY]-> m", "m -[mt:ALLY]-> t");
    expect(described(shortestPath(g, "s", "t"))).toBe("s -st-> t");
    expect(described(shortestPath(g, "s", "t", { relationTypes: ["ALLY"] }))).toBe("s -sm-> m -mt-> t");
    expect(shortestPath(g, "s", "t", { relationTypes: ["ATTACKS"] })).toBeNull();
  });

  it("is not diverted by self-loops", () => {
    const g = graph("a -[aa:ALLY]-> a", "a -[ab:ALLY]-> b", "b -[bb:ALLY]-> b");
    expect(described(shortestPath(g, "a", "b"))).toBe("a -ab-> b");
    expect(shortestPath(g, "a", "a")).toEqual({ nodes: ["a"], steps: [] });
  });

  it("takes the first of parallel edges, in the order they were added", () => {
    const g = graph("a -[first:ALLY]-> b", "a -[second:ALLY]-> b");
    expect(described(shortestPath(g, "a", "b"))).toBe("a -first-> b");
  });

  it("among equally short paths, takes the first in the order edges were added", () => {
    const viaB = graph("s -[sb:ALLY]-> b", "s -[sc:ALLY]-> c", "b -[bt:ALLY]-> t", "c -[ct:ALLY]-> t");
    const viaC = graph("s -[sc:ALLY]-> c", "s -[sb:ALLY]-> b", "b -[bt:ALLY]-> t", "c -[ct:ALLY]-> t");
    expect(described(shortestPath(viaB, "s", "t"))).toBe("s -sb-> b -bt-> t");
    expect(described(shortestPath(viaC, "s", "t"))).toBe("s -sc-> c -ct-> t");
  });

  it("is the first of allShortestPaths, also when the search meets near the source", () => {
    // t has few neighbours, s many, so the search grows from t's side.
    const g = graph(
      "s -[s1:ALLY]-> m1", "s -[s2:ALLY]-> m2", "s -[s3:ALLY]-> m3", "s -[s4:ALLY]-> m4",
      "m4 -[m4x:ALLY]-> x", "m2 -[m2x:ALLY]-> x", "m3 -[m3y:ALLY]-> y", "x -[xt:ALLY]-> t", "y -[yt:ALLY]-> t",
    );
    expect(described(shortestPath(g, "s", "t"))).toBe("s -s2-> m2 -m2x-> x -xt-> t");
    expect(shortestPath(g, "s", "t")).toEqual(allShortestPaths(g, "s", "t")[0]);
  });

  it("throws NotFoundError naming an unknown endpoint", () => {
    expect(thrownBy(() => shortestPath(line(), "nobody", "a"))).toMatchObject({ name: "NotFoundError", key: "nobody" });
    expect(thrownBy(() => shortestPath(line(), "a", "nowhere"))).toMatchObject({ name: "NotFoundError", key: "nowhere" });
    expect(thrownBy(() => shortestPath(line(), "a", "nowhere"))).toBeInstanceOf(NotFoundError);
  });

  it("throws BadInputError naming an invalid option", () => {
    const error = thrownBy(() => shortestPath(line(), "a", "b", { direction: "up" as never }));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ argument: "direction" });
    expect(thrownBy(() => shortestPath(line(), "a", "b", { relationTypes: [1] as never }))).toMatchObject({ argument: "relationTypes" });
  });
});

describe.each(implementations)("allShortestPaths, $name", ({ allShortestPaths }) => {
  //        +--bd1--+
  //   a -ab-> b -bd2-> d      (and a -ac-> c -cd-> d)
  const diamond = () =>
    graph("a -[ab:ALLY]-> b", "a -[ac:ALLY]-> c", "b -[bd1:ALLY]-> d", "c -[cd:ALLY]-> d", "b -[bd2:ALLY]-> d", "a -[long:ALLY]-> e", "e -[ed:FUNDS]-> x", "x -[xd:ALLY]-> d", "alone");

  it("returns every shortest path, parallel edges giving distinct paths, in the order edges were added", () => {
    expect(allShortestPaths(diamond(), "a", "d").map(describePath)).toEqual([
      "a -ab-> b -bd1-> d",
      "a -ab-> b -bd2-> d",
      "a -ac-> c -cd-> d",
    ]);
  });

  it("returns at most `limit` paths, the first ones", () => {
    expect(allShortestPaths(diamond(), "a", "d", { limit: 2 }).map(describePath)).toEqual(["a -ab-> b -bd1-> d", "a -ab-> b -bd2-> d"]);
  });

  it("returns at most 10 paths by default", () => {
    // s, then three layers of three nodes each linked to all of the next, then t: 27 shortest paths.
    const layers = [["s"], ["x1", "x2", "x3"], ["y1", "y2", "y3"], ["z1", "z2", "z3"], ["t"]];
    const lines: string[] = [];
    layers.slice(1).forEach((layer, i) => {
      for (const u of layers[i]!) for (const v of layer) lines.push(`${u} -[${u}${v}:ALLY]-> ${v}`);
    });
    const layered = graph(...lines);
    expect(allShortestPaths(layered, "s", "t")).toHaveLength(10);
    expect(allShortestPaths(layered, "s", "t", { limit: 100 })).toHaveLength(27);
  });

  it("respects direction and relation types", () => {
    expect(allShortestPaths(diamond(), "d", "a", { direction: "forward" })).toEqual([]);
    expect(allShortestPaths(diamond(), "d", "a", { direction: "backward" }).map(describePath)).toEqual([
      "d <-bd1- b <-ab- a",
      "d <-bd2- b <-ab- a",
      "d <-cd- c <-ac- a",
    ]);
    expect(allShortestPaths(diamond(), "e", "d", { relationTypes: ["ALLY"] }).map(describePath)).toEqual([
      "e <-long- a -ab-> b -bd1-> d",
      "e <-long- a -ab-> b -bd2-> d",
      "e <-long- a -ac-> c -cd-> d",
    ]);
  });

  it("leaves out branches that reach the target's distance but not the target", () => {
    const g = graph("s -[sdead:ALLY]-> dead", "dead -[deadend:ALLY]-> end", "s -[sm:ALLY]-> m", "m -[mt:ALLY]-> t");
    expect(allShortestPaths(g, "s", "t").map(describePath)).toEqual(["s -sm-> m -mt-> t"]);
  });

  it("returns an empty list when the target cannot be reached", () => {
    expect(allShortestPaths(diamond(), "a", "alone")).toEqual([]);
  });

  it("returns the one-node path from a node to itself", () => {
    expect(allShortestPaths(diamond(), "a", "a")).toEqual([{ nodes: ["a"], steps: [] }]);
  });

  it("throws NotFoundError naming an unknown endpoint", () => {
    expect(thrownBy(() => allShortestPaths(diamond(), "a", "ghost"))).toMatchObject({ name: "NotFoundError", key: "ghost" });
  });

  it.each([0, -1, 1.5])("throws BadInputError naming limit when it is %s", (limit) => {
    const error = thrownBy(() => allShortestPaths(diamond(), "a", "d", { limit }));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ argument: "limit" });
  });
});
