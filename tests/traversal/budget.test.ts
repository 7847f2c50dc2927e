/**
 * Every traversal takes a `budget` of edge visits; past it, the call throws
 * BudgetExceededError instead of running on. Both implementations.
 */
import { describe, expect, it } from "vitest";
import { BadInputError, BudgetExceededError } from "../../src/errors.js";
import { thrownBy } from "./errors.js";
import { graph, type TestGraph } from "./fixtures.js";
import { implementations } from "./implementations.js";

/**
 * Two hubs joined through 3,000 middle nodes (3,000 shortest paths of two
 * edges), each with 2,000 leaves of its own; s reaches t only through them.
 */
function hubs(): TestGraph {
  const lines = ["s -[s1:ALLY]-> h1", "h2 -[t2:ALLY]-> t"];
  for (let i = 0; i < 3_000; i++) lines.push(`h1 -[a${i}:ALLY]-> m${i}`, `m${i} -[b${i}:FUNDS]-> h2`);
  for (let i = 0; i < 2_000; i++) lines.push(`h1 -[x${i}:ALLY]-> p${i}`, `q${i} -[y${i}:ALLY]-> h2`);
  lines.push("e1 -[r1:RETALIATES_FOR]-> e0", "e2 -[r2:RETALIATES_FOR]-> e1", "e3 -[r3:RETALIATES_FOR]-> e1");
  return graph(...lines);
}

describe.each(implementations)("budget, $name", (impl) => {
  const g = hubs();
  const calls = {
    neighborhood: (budget?: number) => impl.neighborhood(g, "h1", { depth: 2, limit: 10_000, budget }),
    shortestPath: (budget?: number) => impl.shortestPath(g, "s", "t", { budget }),
    allShortestPaths: (budget?: number) => impl.allShortestPaths(g, "h1", "h2", { limit: 50, budget }),
    kShortestPaths: (budget?: number) => impl.kShortestPaths(g, "s", "t", { maxLength: 4, limit: 20, budget }),
    retaliationChain: (budget?: number) => impl.retaliationChain(g, "e1", { dateOf: () => null, budget }),
  };

  it.each(Object.entries(calls))("%s throws BudgetExceededError, naming itself and the budget, when a small budget meets a hub", (operation, call) => {
    const budget = operation === "retaliationChain" ? 2 : 100;
    const error = thrownBy(() => call(budget));
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ name: "BudgetExceededError", operation, budget });
    expect((error as Error).message).toMatch(new RegExp(`^${operation} needed more than ${budget} edge visits`));
  });

  it.each(Object.entries(calls))("%s gives the unbudgeted answer within a sufficient budget", (_operation, call) => {
    const unlimited = call();
    expect(call(1_000_000)).toEqual(unlimited);
  });

  it("finds the hubs' shortest paths, a few thousand edge visits sufficing", () => {
    expect(impl.allShortestPaths(g, "h1", "h2", { limit: 3_000, budget: 40_000 })).toHaveLength(3_000);
    expect(impl.kShortestPaths(g, "s", "t", { limit: 5, budget: 60_000 })).toHaveLength(5);
  });

  it("needs no budget for a path from a node to itself", () => {
    expect(impl.shortestPath(g, "h1", "h1", { budget: 1 })).toEqual({ nodes: ["h1"], steps: [] });
  });

  it.each([0, -3, 2.5, Number.NaN, "100" as never])("throws BadInputError naming budget when it is %s", (budget) => {
    for (const call of [
      () => impl.neighborhood(g, "s", { budget }),
      () => impl.shortestPath(g, "s", "t", { budget }),
      () => impl.allShortestPaths(g, "s", "t", { budget }),
      () => impl.kShortestPaths(g, "s", "t", { budget }),
      () => impl.retaliationChain(g, "e1", { dateOf: () => null, budget }),
    ]) {
      const error = thrownBy(call);
      expect(error).toBeInstanceOf(BadInputError);
      expect(error).toMatchObject({ argument: "budget" });
      expect((error as Error).message).toMatch(/budget: must be an integer >= 1/);
    }
  });
});
