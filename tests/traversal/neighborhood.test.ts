import { describe, expect, it } from "vitest";
import { BadInputError, NotFoundError } from "../../src/errors.js";
import { implementations } from "./implementations.js";
import { thrownBy } from "./errors.js";
import { graph } from "./fixtures.js";

//   e --ea--> a --ab--> b --bc--> c --cd--> d
//                       |
//                       +--bf (FUNDS)--> f
const chain = () =>
  graph("a -[ab:ALLY]-> b", "b -[bc:ALLY]-> c", "c -[cd:ALLY]-> d", "e -[ea:ALLY]-> a", "b -[bf:FUNDS]-> f");

const ids = (result: { nodes: Array<{ id: string }> }) => result.nodes.map((node) => node.id);

describe.each(implementations)("neighborhood, $name", ({ neighborhood }) => {
  it("by default returns the start (depth 0) and its neighbours one hop away in either direction", () => {
    expect(neighborhood(chain(), "a")).toEqual({
      nodes: [
        { id: "a", depth: 0 },
        { id: "b", depth: 1 },
        { id: "e", depth: 1 },
      ],
      edges: ["ab", "ea"],
      truncated: false,
    });
  });

  it("walks `depth` hops breadth first, each node with its distance", () => {
    const result = neighborhood(chain(), "a", { depth: 2 });
    expect(result.nodes).toEqual([
      { id: "a", depth: 0 },
      { id: "b", depth: 1 },
      { id: "e", depth: 1 },
      { id: "c", depth: 2 },
      { id: "f", depth: 2 },
    ]);
    expect(result.edges).toEqual(["ab", "bc", "bf", "ea"]);
  });

  it("follows edges from source to target only when direction is forward", () => {
    const result = neighborhood(chain(), "b", { depth: 5, direction: "forward" });
    expect(result.nodes).toEqual([
      { id: "b", depth: 0 },
      { id: "c", depth: 1 },
      { id: "f", depth: 1 },
      { id: "d", depth: 2 },
    ]);
    expect(result.edges).toEqual(["bc", "bf", "cd"]);
  });

  it("follows edges from target to source only when direction is backward", () => {
    const result = neighborhood(chain(), "b", { depth: 5, direction: "backward" });
    expect(result.nodes).toEqual([
      { id: "b", depth: 0 },
      { id: "a", depth: 1 },
      { id: "e", depth: 2 },
    ]);
    expect(result.edges).toEqual(["ab", "ea"]);
  });

  it("returns every edge among the returned nodes, including ones the walk did not take", () => {
    const cycle = graph("x -[xy:ALLY]-> y", "y -[yz:ALLY]-> z", "z -[zx:ALLY]-> x");
    expect(neighborhood(cycle, "x", { depth: 1, direction: "forward" }).edges).toEqual(["xy"]);
    expect(neighborhood(cycle, "x", { depth: 2, direction: "forward" }).edges).toEqual(["xy", "yz", "zx"]);
  });

  it("follows only the listed relation types, and returns only edges of those types", () => {
    expect(neighborhood(chain(), "b", { relationTypes: ["FUNDS"] })).toEqual({
      nodes: [
        { id: "b", depth: 0 },
        { id: "f", depth: 1 },
      ],
      edges: ["bf"],
      truncated: false,
    });
    const twoTypes = graph("p -[ally:ALLY]-> q", "p -[funds:FUNDS]-> q");
    expect(neighborhood(twoTypes, "p", { relationTypes: ["ALLY"] }).edges).toEqual(["ally"]);
  });

  it("treats an empty relationTypes list as every type", () => {
    expect(neighborhood(chain(), "b", { relationTypes: [] })).toEqual(neighborhood(chain(), "b"));
  });

  it("returns each node once but every one of its parallel edges, in the order they were added", () => {
    const parallel = graph("p -[one:ALLY]-> q", "p -[two:ALLY]-> q", "q -[back:ALLY]-> p", "p -[three:ALLY]-> q");
    const result = neighborhood(parallel, "p");
    expect(ids(result)).toEqual(["p", "q"]);
    expect(result.edges).toEqual(["one", "two", "three", "back"]);
  });

  it("never advances through a self-loop but returns self-loops of the returned nodes", () => {
    const loops = graph("a -[aa:ALLY]-> a", "a -[ab:ALLY]-> b", "b -[bb:FUNDS]-> b");
    expect(neighborhood(loops, "a")).toEqual({
      nodes: [
        { id: "a", depth: 0 },
        { id: "b", depth: 1 },
      ],
      edges: ["aa", "ab", "bb"],
      truncated: false,
    });
    expect(neighborhood(loops, "b", { relationTypes: ["FUNDS"] }).nodes).toEqual([{ id: "b", depth: 0 }]);
  });

  describe("with depth 0", () => {
    it("returns only the start and its self-loops of an allowed type", () => {
      const loops = graph("a -[aa:ALLY]-> a", "a -[ax:FUNDS]-> a", "a -[ab:ALLY]-> b");
      expect(neighborhood(loops, "a", { depth: 0 })).toEqual({
        nodes: [{ id: "a", depth: 0 }],
        edges: ["aa", "ax"],
        truncated: false,
      });
      expect(neighborhood(loops, "a", { depth: 0, relationTypes: ["ALLY"] }).edges).toEqual(["aa"]);
    });
  });

  describe("with a limit", () => {
    const star = () => graph("h -[h1:ALLY]-> s1", "h -[h2:ALLY]-> s2", "h -[h3:ALLY]-> s3", "h -[h4:ALLY]-> s4", "s1 -[s12:ALLY]-> s2");

    it("returns at most `limit` nodes, the start included, and says it truncated", () => {
      expect(neighborhood(star(), "h", { limit: 3 })).toEqual({
        nodes: [
          { id: "h", depth: 0 },
          { id: "s1", depth: 1 },
          { id: "s2", depth: 1 },
        ],
        edges: ["h1", "h2", "s12"],
        truncated: true,
      });
    });

    it("still lists the edges among the kept nodes by source, then target, parallel ones in the order added", () => {
      const hub = graph("h -[one:ALLY]-> s1", "h -[hh:ALLY]-> h", "s1 -[back:ALLY]-> h", "h -[h2:ALLY]-> s2", "h -[two:ALLY]-> s1", "h -[h3:ALLY]-> s3");
      expect(neighborhood(hub, "h", { limit: 2 })).toEqual({
        nodes: [
          { id: "h", depth: 0 },
          { id: "s1", depth: 1 },
        ],
        edges: ["hh", "one", "two", "back"],
        truncated: true,
      });
    });

    it("does not say it truncated when every reachable node fits exactly", () => {
      const result = neighborhood(star(), "h", { limit: 5 });
      expect(ids(result)).toEqual(["h", "s1", "s2", "s3", "s4"]);
      expect(result.truncated).toBe(false);
    });

    it("does not count nodes beyond `depth` as truncated", () => {
      expect(neighborhood(chain(), "a", { depth: 1, limit: 3 }).truncated).toBe(false);
    });

    it("returns just the start with limit 1 when it has neighbours", () => {
      expect(neighborhood(star(), "h", { limit: 1 })).toEqual({ nodes: [{ id: "h", depth: 0 }], edges: [], truncated: true });
    });
  });

  it("orders nodes by the graph's insertion order, not by key", () => {
    const star = graph("h -[h3:ALLY]-> s3", "h -[h1:ALLY]-> s1", "h -[h2:ALLY]-> s2");
    expect(ids(neighborhood(star, "h"))).toEqual(["h", "s3", "s1", "s2"]);
    expect(neighborhood(star, "h")).toEqual(neighborhood(star, "h"));
  });

  it("throws NotFoundError naming an unknown start", () => {
    const error = thrownBy(() => neighborhood(chain(), "nobody"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ what: "entity", key: "nobody" });
  });

  it.each([
    ["depth", { depth: -1 }],
    ["depth", { depth: 1.5 }],
    ["depth", { depth: Number.NaN }],
    ["limit", { limit: 0 }],
    ["limit", { limit: 2.5 }],
    ["direction", { direction: "sideways" as never }],
    ["relationTypes", { relationTypes: "ALLY" as never }],
  ])("throws BadInputError naming %s when it is invalid", (argument, options) => {
    const error = thrownBy(() => neighborhood(chain(), "a", options));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ argument });
  });

  it("names the allowed range in the message", () => {
    expect(() => neighborhood(chain(), "a", { depth: -1 })).toThrow(/depth: must be an integer >= 0/);
    expect(() => neighborhood(chain(), "a", { limit: 0 })).toThrow(/limit: must be an integer >= 1/);
  });
});
