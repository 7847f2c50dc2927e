/**
 * The benchmark's generated graphs: deterministic, the requested size, valid
 * under the full validating loader (so the 1M-relation size may skip it), with
 * the real ontology's kinds and relation types, and hubs like the real graph.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.js";
import { buildGraph } from "../../src/graph/build.js";
import { validateKnowledgeBase } from "../../src/loading/validate.js";

describe("generated benchmark graphs", () => {
  it("are the same for the same seed and differ for another", () => {
    expect(generate(2_000, 7)).toEqual(generate(2_000, 7));
    expect(generate(2_000, 8).knowledgeBase.relations).not.toEqual(generate(2_000, 7).knowledgeBase.relations);
  });

  it.each([1_000, 10_000])("have exactly %i relations and about one entity per ten", (size) => {
    const { knowledgeBase } = generate(size, 42);
    expect(knowledgeBase.relations).toHaveLength(size);
    expect(knowledgeBase.entities.length).toBeGreaterThan(size / 12);
    expect(knowledgeBase.entities.length).toBeLessThan(size / 8);
  });

  it.each([1_000, 10_000])("at %i relations pass the full validating loader", (size) => {
    const result = validateKnowledgeBase(generate(size, 42).knowledgeBase, "generated");
    expect(result.ok ? [] : result.problems.slice(0, 3)).toEqual([]);
  });

  it("use many of the ontology's kinds and relation types, and have hubs", () => {
    const { knowledgeBase } = generate(10_000, 42);
    expect(new Set(knowledgeBase.entities.map((e) => e.kind)).size).toBe(12);
    expect(new Set(knowledgeBase.relations.map((r) => r.type)).size).toBeGreaterThanOrEqual(14);
    const graph = buildGraph(knowledgeBase);
    const degrees = graph.mapNodes((node) => graph.degree(node)).sort((a, b) => a - b);
    const median = degrees[Math.floor(degrees.length / 2)]!;
    expect(degrees.at(-1)!).toBeGreaterThan(50 * median);
  });
});
