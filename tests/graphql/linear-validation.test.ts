/**
 * Validation and costing take work linear in the document, however the
 * fragments are shared. The documents are chains in which each fragment
 * spreads the next one twice (or from two fields): expanded, they hold 2^n
 * copies of the last fragment, in a few hundred bytes. Work is counted, not
 * timed: every read of a fragment's selections is counted, by any rule that
 * expands fragments, graphql-js's own included, and the cost walk counts the
 * selection sets it costs.
 */
import { getIntrospectionQuery, parse, specifiedRules, validate } from "graphql";
import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from "graphql";
import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../src/service/knowledge.js";
import { operationCost } from "../../src/graphql/protections/cost.js";
import { REQUEST_LIMITS } from "../../src/service/limits.js";
import { VALIDATION_RULES } from "../../src/graphql/protections/validation-rules.js";
import { repeatedSelection } from "../../src/graphql/protections/repeated-selections.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";

const schema = buildGraphQLSchema();
const profile = createKnowledge(loadKnowledgeBase()).profile;

/** `{ ...F0 }` where F(i) spreads F(i+1) twice and F(n) selects `leaf`. */
function doublingChain(n: number, leaf: string, parent = "Query", spread = (next: string) => `...${next} ...${next}`): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on ${parent} { ${spread(`F${i + 1}`)} }`);
  return `{ ...F0 }\n${fragments.join("\n")}\nfragment F${n} on ${parent} { ${leaf} }`;
}

/** Counts every read of a fragment definition's selection set. */
function counted(document: DocumentNode): { document: DocumentNode; reads: () => number } {
  let reads = 0;
  const definitions = document.definitions.map((definition) => {
    if (definition.kind !== "FragmentDefinition") return definition;
    const copy = { ...definition };
    const selectionSet: SelectionSetNode = definition.selectionSet;
    Object.defineProperty(copy, "selectionSet", {
      enumerable: true,
      get() {
        reads++;
        return selectionSet;
      },
    });
    return copy;
  });
  return { document: { ...document, definitions }, reads: () => reads };
}

const operationOf = (document: DocumentNode) => document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;

const CHAINS = {
  "spreads side by side": (n: number) => doublingChain(n, "sources { id }"),
  "spreads under two fields": (n: number) =>
    doublingChain(n, "id", "Entity", (next) => `neighbors(first: 2) { ...${next} } relations(first: 2) { source { ...${next} } }`).replace(
      "{ ...F0 }",
      '{ entity(id: "pmf") { ...F0 } }',
    ),
  "introspection spreads": (n: number) => doublingChain(n, "__schema { queryType { name } }"),
};

describe.each(Object.entries(CHAINS))("a fragment chain with %s", (_name, chain) => {
  const sizes = [4, 8, 16, 24, 32, 40];

  it("is validated reading each fragment a bounded number of times", () => {
    for (const n of sizes) {
      const { document, reads } = counted(parse(chain(n)));
      validate(schema, document, [...specifiedRules, ...VALIDATION_RULES]);
      // n + 1 fragments; each rule may read each a few times, never once per path.
      expect(reads(), `n = ${n}`).toBeLessThanOrEqual(40 * (n + 1));
    }
  });

  it("is costed costing each selection set a bounded number of times", () => {
    const work = sizes.map((n) => {
      const document = parse(chain(n));
      const counter = { count: 0 };
      operationCost(schema, document, operationOf(document), {}, profile, counter);
      return counter.count;
    });
    // Each selection set is costed at most once per concrete type it can apply to (12 kinds of Entity).
    sizes.forEach((n, i) => expect(work[i], `n = ${n}: ${work.join(", ")}`).toBeLessThanOrEqual(12 * 3 * (n + 2)));
    // Linear: doubling n about doubles the work.
    expect(work[sizes.indexOf(32)]! / work[sizes.indexOf(16)]!).toBeLessThan(2.5);
  });
});

describe("selections that share a response name, the quadratic step of graphql-js's validation", () => {
  const max = REQUEST_LIMITS.maxRepeatedSelections;
  const shapes = {
    "side by side": (k: number) => `{ ${"sources { id } ".repeat(k)} }`,
    "in inline fragments": (k: number) => `{ ${"... on Query { sources { id } } ".repeat(k)} }`,
    "in distinct fragments": (k: number) => `{ ${Array.from({ length: k }, (_, i) => `...F${i}`).join(" ")} } ${Array.from({ length: k }, (_, i) => `fragment F${i} on Query { sources { id } }`).join(" ")}`,
    "nested under a field": (k: number) => `{ entity(id: "pmf") { ${"neighbors { id } ".repeat(k)} } }`,
    "aliased alike": (k: number) => `{ ${"a: sources { id } ".repeat(k)} }`,
  };

  it.each(Object.entries(shapes))("%s: refused past the limit, before validation", (_name, shape) => {
    expect(repeatedSelection(parse(shape(max)), max)).toBeNull();
    for (const k of [max + 1, 200, 700]) expect(repeatedSelection(parse(shape(k)), max)).toMatchObject({ count: k });
  });

  it("counts a fragment spread twice in one selection set once, as execution does", () => {
    expect(repeatedSelection(parse(CHAINS["spreads side by side"](40)), max)).toBeNull();
  });
});

describe("what validation and costing conclude about the chains", () => {
  it("costs a chain as if every copy ran, so a long one is refused as too complex", () => {
    const document = parse(CHAINS["spreads side by side"](40));
    expect(operationCost(schema, document, operationOf(document), {}, profile)).toBeGreaterThan(2 ** 40);
  });

  it("counts introspection through the chain, so a long one is refused", () => {
    const errors = validate(schema, parse(CHAINS["introspection spreads"](40)), VALIDATION_RULES);
    expect(errors.map((e) => e.message)).toContain(
      `The operation asks for introspection (__schema, __type) ${2 ** 40} times; the maximum is ${REQUEST_LIMITS.maxIntrospectionFields}`,
    );
  });

  it("passes the standard introspection query", () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    expect(validate(schema, parse(query), [...specifiedRules, ...VALIDATION_RULES])).toEqual([]);
  });
});
