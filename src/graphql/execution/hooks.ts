/**
 * What the performance hooks of this folder (and the graph builder's) have
 * actually done, checked at start-up: each hook relies on a library internal,
 * so a dependency upgrade could switch one off without any answer changing.
 * The server logs the summary; tests/graphql/performance-hooks.test.ts fails
 * when one is off.
 */
import { isInterfaceType, isObjectType } from "graphql";
import type { GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { parse } from "graphql";
import { dictionaryAdjacencyApplies } from "../../graph/build.js";
import { isSynchronous } from "./synchronous-resolvers.js";

export interface HookStatus {
  readonly name: string;
  readonly active: boolean;
  readonly detail: string;
}

/** The state of every hook on a built schema; `defaultResolvers` is what useDefaultResolvers returned. */
export function performanceHooks(schema: GraphQLSchema, defaultResolvers: number): HookStatus[] {
  const rootFields = Object.values(schema.getQueryType()?.getFields() ?? {});
  const synchronousRoots = rootFields.filter((field) => isSynchronous(field.resolve)).length;
  const abstractTypes = Object.values(schema.getTypeMap()).filter((type) => isInterfaceType(type) && !type.name.startsWith("__"));
  const synchronousTypes = abstractTypes.filter((type) => isInterfaceType(type) && isSynchronous(type.resolveType)).length;
  const plainFields = Object.values(schema.getTypeMap())
    .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith("__"))
    .reduce((sum, type) => sum + Object.values((type as { getFields(): Record<string, { resolve?: unknown }> }).getFields()).filter((f) => !f.resolve).length, 0);
  return [
    {
      name: "synchronous resolvers",
      active: synchronousRoots === rootFields.length && synchronousTypes === abstractTypes.length,
      detail: `${synchronousRoots} of ${rootFields.length} root fields, ${synchronousTypes} of ${abstractTypes.length} interfaces`,
    },
    { name: "default resolvers", active: defaultResolvers > 0 && plainFields >= defaultResolvers, detail: `${defaultResolvers} plain fields` },
    { name: "compiled execution", active: compiles(schema), detail: "graphql-jit compiles and runs a probe operation" },
    { name: "dictionary-mode adjacency", active: dictionaryAdjacencyApplies(), detail: "graphology's adjacency objects switched before insertion" },
  ];
}

/** One line for the log: what is active, and what is not. */
export const describeHooks = (hooks: readonly HookStatus[]): string =>
  `Performance hooks: ${hooks.map((hook) => `${hook.name} ${hook.active ? "on" : "OFF"} (${hook.detail})`).join("; ")}`;

function compiles(schema: GraphQLSchema): boolean {
  try {
    const compiled = compileQuery(schema, parse("{ __typename }"));
    if (!isCompiledQuery(compiled)) return false;
    const result = compiled.query(undefined, {}, {}) as { data?: unknown };
    return JSON.stringify(result.data) === '{"__typename":"Query"}';
  } catch {
    return false;
  }
}
