/**
 * Validation rules that bound a document before it runs: how deep selections
 * nest, how many fields are aliased, how many directives are used, how much
 * introspection one operation asks for, and which operation types exist. Each
 * error names the limit; Apollo answers them with 400 GRAPHQL_VALIDATION_FAILED.
 *
 * Every rule reads each fragment once, however often it is spread: a
 * fragment's figure is computed on first use and remembered, so a chain of
 * fragments that each spread the next one twice costs linear, not
 * exponential, work. Introspection (`__schema`, `__type` and fragments on
 * introspection types) is exempt from the depth and alias limits, because the
 * standard introspection query that every GraphQL tool sends needs more depth
 * than any data query; it has bounds of its own instead (and graphql-js's
 * MaxIntrospectionDepthRule bounds its list fields).
 */
import { GraphQLError, Kind } from "graphql";
import type { ASTVisitor, FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from "graphql";

const INTROSPECTION_FIELDS = new Set(["__schema", "__type"]);

/**
 * A figure of each selection set computed from its selections, with each
 * fragment's figure remembered: `field(name, childFigure)` gives a field's
 * figure from its child's (0 for a leaf), and selections combine with `join`.
 */
function fragmentFigures(
  context: ValidationContext,
  field: (name: string, child: () => number) => number,
  join: (a: number, b: number) => number,
): (set: SelectionSetNode | undefined) => number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const known = new Map<string, number>();
  const figure = (set: SelectionSetNode | undefined): number => {
    let total = 0;
    for (const selection of set?.selections ?? []) {
      let value: number;
      if (selection.kind === Kind.FIELD) {
        value = field(selection.name.value, () => (selection.selectionSet ? figure(selection.selectionSet) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        value = figure(selection.selectionSet);
      } else {
        const name = selection.name.value;
        let remembered = known.get(name);
        if (remembered === undefined) {
          known.set(name, 0); // a cycle (refused by NoFragmentCyclesRule) adds nothing
          remembered = figure(fragments.get(name)?.selectionSet);
          known.set(name, remembered);
        }
        value = remembered;
      }
      total = join(total, value);
    }
    return total;
  };
  return figure;
}

/** Deepest nesting of field selections in any operation, following fragments; introspection subtrees count as one level. */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = fragmentFigures(context, (name, child) => (INTROSPECTION_FIELDS.has(name) ? 1 : 1 + child()), Math.max);
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Selections nest ${depth} levels deep; the maximum is ${maxDepth}`, { nodes: [operation] }));
        }
      },
    };
  };
}

/**
 * Introspection in one operation: at most `maxFields` `__schema` or `__type`
 * fields (counted through fragments, as often as they are spread) and at most
 * `maxOfTypeDepth` nested `ofType` selections.
 */
export function introspectionLimitsRule(maxFields: number, maxOfTypeDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const countOf = fragmentFigures(context, (name, child) => (INTROSPECTION_FIELDS.has(name) ? 1 : child()), (a, b) => a + b);
    const ofTypeDepthOf = fragmentFigures(context, (name, child) => (name === "ofType" ? 1 : 0) + child(), Math.max);
    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const count = countOf(operation.selectionSet);
        if (count > maxFields) {
          context.reportError(
            new GraphQLError(`The operation asks for introspection (__schema, __type) ${count} times; the maximum is ${maxFields}`, { nodes: [operation] }),
          );
        }
        const depth = ofTypeDepthOf(operation.selectionSet);
        if (depth > maxOfTypeDepth) {
          context.reportError(
            new GraphQLError(`ofType selections nest ${depth} levels deep; the maximum is ${maxOfTypeDepth}, as in the standard introspection query`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}

/** Operations of a type the schema does not have (this API has queries only). */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    const schema = context.getSchema();
    const root =
      operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) {
      context.reportError(new GraphQLError(`This API has no ${operation.operation}s; it answers queries only`, { nodes: [operation] }));
    }
  },
});

function countingRule(what: string, max: number, counts: (visit: () => void) => ASTVisitor): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return counts(() => {
      count++;
      if (count > max && !reported) {
        reported = true;
        context.reportError(new GraphQLError(`The document has more than ${max} ${what}; the maximum is ${max}`));
      }
    });
  };
}

/** Aliased fields in the whole document, outside introspection. */
export const maxAliasesRule = (max: number) =>
  countingRule("aliases", max, (count) => ({
    FragmentDefinition(fragment) {
      if (fragment.typeCondition.name.value.startsWith("__")) return false;
      return undefined;
    },
    Field(field) {
      if (field.alias) count();
      if (INTROSPECTION_FIELDS.has(field.name.value)) return false;
      return undefined;
    },
  }));

/** Directives in the whole document. */
export const maxDirectivesRule = (max: number) => countingRule("directives", max, (count) => ({ Directive: () => count() }));
