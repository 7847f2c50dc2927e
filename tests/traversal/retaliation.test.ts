import { describe, expect, it } from "vitest";
import { BadInputError, NotFoundError } from "../../src/errors.js";
import { implementations } from "./implementations.js";
import { thrownBy } from "./errors.js";
import { dated, dateOf, graph } from "./fixtures.js";

// An edge "x -[..:RETALIATES_FOR]-> y" reads "x retaliated for y".
//
//   first <- second <- third <- fourth
//     ^         ^
//   aside     branch            (aside answers first; branch answers second)
const conflict = () =>
  dated(
    graph(
      "fourth -[r43:RETALIATES_FOR]-> third",
      "third -[r32:RETALIATES_FOR]-> second",
      "second -[r21:RETALIATES_FOR]-> first",
      "aside -[ra1:RETALIATES_FOR]-> first",
      "branch -[rb2:RETALIATES_FOR]-> second",
      "third -[mention:MENTIONS]-> statement",
      "quiet",
    ),
    {
      first: "2020-01-01",
      second: "2020-01-05",
      third: "2020-02-10",
      fourth: "2020-03-01",
      aside: "2020-01-02",
      branch: "2020-02-01",
      statement: "2020-02-11",
      quiet: "2020-06-01",
    },
  );

describe.each(implementations)("retaliationChain, $name", ({ retaliationChain }) => {
  it("returns what the event answered and what answered it, transitively, in date order", () => {
    const g = conflict();
    expect(retaliationChain(g, "third", { dateOf: dateOf(g) })).toEqual({
      events: ["first", "second", "third", "fourth"],
      before: ["first", "second"],
      after: ["fourth"],
      edges: ["r21", "r32", "r43"],
    });
  });

  it("does not wander sideways to other answers to an earlier event", () => {
    const g = conflict();
    const chain = retaliationChain(g, "third", { dateOf: dateOf(g) });
    expect(chain.events).not.toContain("aside");
    expect(chain.events).not.toContain("branch");
  });

  it("includes every branch of answers after the event", () => {
    const g = conflict();
    expect(retaliationChain(g, "first", { dateOf: dateOf(g) })).toEqual({
      events: ["first", "aside", "second", "branch", "third", "fourth"],
      before: [],
      after: ["aside", "second", "branch", "third", "fourth"],
      edges: ["ra1", "r21", "rb2", "r32", "r43"],
    });
  });

  it("follows only the retaliation relation", () => {
    const g = conflict();
    expect(retaliationChain(g, "third", { dateOf: dateOf(g) }).events).not.toContain("statement");
  });

  it("returns just the event when nothing is linked to it", () => {
    const g = conflict();
    expect(retaliationChain(g, "quiet", { dateOf: dateOf(g) })).toEqual({ events: ["quiet"], before: [], after: [], edges: [] });
  });

  it("follows another relation type when given one", () => {
    const g = graph("b -[x:ANSWERS]-> a", "c -[y:RETALIATES_FOR]-> b");
    expect(retaliationChain(g, "a", { relationType: "ANSWERS", dateOf: () => null })).toMatchObject({ events: ["a", "b"], edges: ["x"] });
  });

  it("puts undated events last and breaks ties by key", () => {
    const g = dated(graph("y -[r1:RETALIATES_FOR]-> x", "z -[r2:RETALIATES_FOR]-> x", "w -[r3:RETALIATES_FOR]-> z", "v -[r4:RETALIATES_FOR]-> x"), {
      x: "2021-05-01",
      y: null,
      z: "2021-05-01",
      w: null,
      v: "2021-04-30",
    });
    expect(retaliationChain(g, "x", { dateOf: dateOf(g) }).events).toEqual(["v", "x", "z", "w", "y"]);
  });

  it("includes every retaliation edge among the returned events, parallel ones too, by source then target in date order", () => {
    const g = dated(graph("b -[r1:RETALIATES_FOR]-> a", "c -[r2:RETALIATES_FOR]-> b", "c -[r3:RETALIATES_FOR]-> a", "c -[r4:RETALIATES_FOR]-> a"), {
      a: "2020-01-01",
      b: "2020-01-02",
      c: "2020-01-03",
    });
    expect(retaliationChain(g, "b", { dateOf: dateOf(g) }).edges).toEqual(["r1", "r3", "r4", "r2"]);
  });

  it("terminates on cycles and self-loops", () => {
    const g = dated(graph("a -[ab:RETALIATES_FOR]-> b", "b -[ba:RETALIATES_FOR]-> a", "a -[aa:RETALIATES_FOR]-> a"), { a: "2020-01-01", b: "2020-01-02" });
    expect(retaliationChain(g, "a", { dateOf: dateOf(g) })).toEqual({ events: ["a", "b"], before: ["b"], after: ["b"], edges: ["aa", "ab", "ba"] });
  });

  it("throws NotFoundError naming an unknown event", () => {
    const error = thrownBy(() => retaliationChain(conflict(), "ghost", { dateOf: () => null }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ key: "ghost" });
  });

  it("throws BadInputError naming an invalid relationType", () => {
    const error = thrownBy(() => retaliationChain(conflict(), "first", { relationType: "", dateOf: () => null }));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ argument: "relationType" });
  });
});
