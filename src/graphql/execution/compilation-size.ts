/**
 * How much code graphql-jit would generate for an operation, counted before
 * compiling it. graphql-jit writes the selection below a field of an abstract
 * type (an interface or union) once for every possible concrete type, so
 * nested abstract fields multiply: `neighbors { neighbors { neighbors { id } } } }`
 * over the 12 kinds of Entity is thousands of fields of code, and compiling
 * took over a second at that depth and ran out of memory two levels deeper.
 * graphql-js's cost grows with the data instead. The count stops as soon as it
 * passes `limit`, so counting is cheap however large the expansion would be.
 * Two things count as over any limit, so that graphql-js runs them:
 * introspection (`__schema`, `__type`), which graphql-js answers from the
 * schema in one pass; and `@skip`/`@include`, because graphql-jit 0.8 merges
 * a field skipped by a directive with the same field selected without one and
 * returns the skipped field's selections (found by the fuzzer:
 * `nodes { id } nodes @include(if: false) { provenance { excerpt } }`).
 *
 * The count models graphql-jit 0.8.9's code generation (one copy of a
 * selection per possible type); a version that generates code differently
 * only makes the count less exact.
 */
import { Kind, getNamedType, isAbstractType, isCompositeType } from "graphql";
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLObjectType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";

/**
 * The number of fields graphql-jit would expand `operation` into, with every
 * abstract position expanded into its possible types; `Infinity` once the
 * count passes `limit`.
 */
export function compilationSize(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, limit: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;
  let count = 0;

  const applies = (condition: string | undefined, type: GraphQLObjectType) => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  /** The selections that apply to `type`, merged by response key (as graphql-js collects fields). */
  let conditional = false;
  function collect(selectionSets: readonly SelectionSetNode[], type: GraphQLObjectType, into = new Map<string, { name: string; sets: SelectionSetNode[] }>(), visited = new Set<string>()) {
    for (const set of selectionSets) {
      for (const selection of set.selections) {
        if (selection.directives?.some((d) => d.name.value === "skip" || d.name.value === "include")) conditional = true;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const entry = into.get(key) ?? { name: selection.name.value, sets: [] };
          if (selection.selectionSet) entry.sets.push(selection.selectionSet);
          into.set(key, entry);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value, type)) collect([selection.selectionSet], type, into, visited);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || visited.has(fragment.name.value)) continue;
          visited.add(fragment.name.value);
          if (applies(fragment.typeCondition.name.value, type)) collect([fragment.selectionSet], type, into, visited);
        }
      }
    }
    return into;
  }

  function visit(selectionSets: readonly SelectionSetNode[], type: GraphQLCompositeType): void {
    const concrete = isAbstractType(type) ? schema.getPossibleTypes(type) : [type as GraphQLObjectType];
    for (const objectType of concrete) {
      const fields = objectType.getFields();
      for (const { name, sets } of collect(selectionSets, objectType).values()) {
        if (conditional || name === "__schema" || name === "__type") count = Infinity;
        if (++count > limit) return;
        const fieldType = fields[name] ? getNamedType(fields[name].type) : undefined;
        if (fieldType && isCompositeType(fieldType) && sets.length > 0) visit(sets, fieldType);
        if (count > limit) return;
      }
    }
  }

  visit([operation.selectionSet], root);
  return count > limit ? Infinity : count;
}
