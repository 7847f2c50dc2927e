/**
 * compilationSize counts the fields of code graphql-jit would generate: every
 * field once per concrete type it is selected on, abstract positions expanded
 * into all their possible types, fragments and aliases collected as graphql-js
 * collects them, and the count cut off past a limit.
 */
import { buildSchema, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { compilationSize } from "../../src/graphql/execution/compilation-size.js";

const schema = buildSchema(`
  interface Node { id: ID! neighbors: [Node!]! }
  type A implements Node { id: ID! neighbors: [Node!]! a: Int }
  type B implements Node { id: ID! neighbors: [Node!]! b: Int }
  type C implements Node { id: ID! neighbors: [Node!]! c: Int }
  type Pair { left: A! right: Node }
  type Query { node: Node pair: Pair count: Int }
`);

function size(query: string, limit = 1_000_000) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
  return compilationSize(schema, document, operation, limit);
}

describe("compilationSize", () => {
  it("counts each field of object types once", () => {
    expect(size("{ count }")).toBe(1);
    expect(size("{ pair { left { id a } } }")).toBe(4);
  });

  it("expands an abstract position into every possible type", () => {
    expect(size("{ node { id } }")).toBe(1 + 3);
    expect(size("{ pair { right { id } } }")).toBe(2 + 3);
  });

  it("multiplies nested abstract positions", () => {
    expect(size("{ node { neighbors { id } } }")).toBe(1 + 3 * (1 + 3));
    expect(size("{ node { neighbors { neighbors { id } } } }")).toBe(1 + 3 * (1 + 3 * (1 + 3)));
  });

  it("counts type conditions only for the types they apply to", () => {
    expect(size("{ node { ... on A { a } ... on B { b } } }")).toBe(1 + 2);
    expect(size("{ node { ...OnA } } fragment OnA on A { id a }")).toBe(1 + 2);
    expect(size("{ node { ...All } } fragment All on Node { id }")).toBe(1 + 3);
  });

  it("merges fields by response key, and counts aliases apart", () => {
    expect(size("{ pair { left { id } left { a } } }")).toBe(1 + 1 + 2);
    expect(size("{ first: count second: count }")).toBe(2);
  });

  it("stops counting past the limit", () => {
    const deep = "{ node { neighbors { neighbors { neighbors { neighbors { neighbors { neighbors { neighbors { id } } } } } } } } }";
    expect(size(deep, 100)).toBe(Infinity);
    expect(size("{ node { neighbors { id } } }", 13)).toBe(13);
    expect(size("{ node { neighbors { id } } }", 12)).toBe(Infinity);
  });
});
