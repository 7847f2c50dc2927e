import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { SCHEMA_FILE, schemaSDL } from "../../src/graphql/print-schema.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";

describe("the GraphQL schema", () => {
  it("is what schema/schema.graphql says (run `npm run codegen` after changing the API)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaSDL());
  });

  it("leaves plain fields to graphql-js's default resolver, and keeps real resolvers", () => {
    const relation = buildGraphQLSchema().getType("Relation");
    if (!isObjectType(relation)) throw new Error("Relation is not an object type");
    expect(relation.getFields()["id"]!.resolve).toBeUndefined();
    expect(relation.getFields()["source"]!.resolve).toBeTypeOf("function");
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(buildGraphQLSchema().getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
