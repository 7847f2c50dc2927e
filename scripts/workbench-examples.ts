/**
 * The workbench's example tabs: every operation in operations/, with the
 * fragments it uses and its example variables from operations/examples.yaml.
 * Read at build time (scripts/build-web.ts) and by the test that runs them.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, visit } from "graphql";
import type { DefinitionNode, FragmentDefinitionNode, OperationDefinitionNode } from "graphql";
import { parse as parseYaml } from "yaml";

export interface ExampleTab {
  readonly operationName: string;
  /** The operation as written (with its leading comment), followed by the fragments it uses. */
  readonly query: string;
  /** Pretty-printed JSON. */
  readonly variables: string;
}

/** The source text of a definition, with the comment lines right above it. */
function sourceWithComment(source: string, node: DefinitionNode): string {
  const start = node.loc?.start ?? 0;
  const lines = source.slice(0, start).split("\n");
  lines.pop();
  const comment: string[] = [];
  while (lines.length > 0 && lines[lines.length - 1]!.trimStart().startsWith("#")) comment.unshift(lines.pop()!);
  return [...comment, source.slice(start, node.loc?.end)].join("\n");
}

function fragmentsUsed(node: OperationDefinitionNode | FragmentDefinitionNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

export function readExampleTabs(operationsDir: string): ExampleTab[] {
  const files = readdirSync(operationsDir).filter((name) => name.endsWith(".graphql")).sort();
  const operations: Array<{ node: OperationDefinitionNode; text: string }> = [];
  const fragments = new Map<string, { node: FragmentDefinitionNode; text: string }>();
  for (const file of files) {
    const source = readFileSync(join(operationsDir, file), "utf8");
    for (const node of parse(source).definitions) {
      if (node.kind === Kind.FRAGMENT_DEFINITION) fragments.set(node.name.value, { node, text: sourceWithComment(source, node) });
      else if (node.kind === Kind.OPERATION_DEFINITION) operations.push({ node, text: sourceWithComment(source, node) });
    }
  }
  const examples = (parseYaml(readFileSync(join(operationsDir, "examples.yaml"), "utf8")) ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(examples).filter((name) => !operations.some(({ node }) => node.name?.value === name));
  if (unknown.length > 0) throw new Error(`operations/examples.yaml: no operation named ${unknown.join(", ")}`);
  return operations.map(({ node, text }) => {
    const name = node.name?.value;
    if (name === undefined) throw new Error(`${operationsDir}: every example operation needs a name`);
    if (!(name in examples)) throw new Error(`operations/examples.yaml: no example variables for ${name}`);
    const needed: string[] = [];
    const pending = fragmentsUsed(node);
    while (pending.length > 0) {
      const fragmentName = pending.shift()!;
      if (needed.includes(fragmentName)) continue;
      const fragment = fragments.get(fragmentName);
      if (!fragment) throw new Error(`${name} uses the fragment ${fragmentName}, which no file in ${operationsDir} defines`);
      needed.push(fragmentName);
      pending.push(...fragmentsUsed(fragment.node));
    }
    const query = [text, ...needed.map((fragmentName) => fragments.get(fragmentName)!.text)].join("\n\n") + "\n";
    return { operationName: name, query, variables: JSON.stringify(examples[name] ?? {}, null, 2) };
  });
}
