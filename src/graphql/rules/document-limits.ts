/**
 * Validation rules that bound a document before it runs: how deep selections
 * nest, how many fields are aliased, how many directives are used. Each error
 * names the limit; Apollo answers them with 400 GRAPHQL_VALIDATION_FAILED.
 */
import { GraphQLError, Kind } from "graphql";
import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from "graphql";

/** Deepest nesting of field selections in any operation, following fragments (each fragment once per path). */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, visiting) : 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue;
          visiting.add(name);
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, visiting));
          visiting.delete(name);
        }
        if (deepest > maxDepth) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Selections nest ${depth} levels deep; the maximum is ${maxDepth}`, { nodes: [operation] }));
        }
      },
    };
  };
}

function countingRule(what: string, max: number, counts: (visit: () => void) => ASTVisitor): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    const visitor = counts(() => {
      count++;
      if (count > max && !reported) {
        reported = true;
        context.reportError(new GraphQLError(`The document has more than ${max} ${what}; the maximum is ${max}`));
      }
    });
    return visitor;
  };
}

/** Aliased fields in the whole document. */
export const maxAliasesRule = (max: number) =>
  countingRule("aliases", max, (count) => ({
    Field(field) {
      if (field.alias) count();
    },
  }));

/** Directives in the whole document. */
export const maxDirectivesRule = (max: number) => countingRule("directives", max, (count) => ({ Directive: () => count() }));
