/**
 * A guard against one quadratic step of GraphQL validation. graphql-js's
 * OverlappingFieldsCanBeMergedRule compares every pair of selections that
 * share a response name in one selection set (directly, through inline
 * fragments or through fragment spreads), so 740 copies of `sources { id }`
 * (3.7 KB) cost 300 ms of validation, and 200 fragments that select the same
 * field 230 ms. This counts, in one linear pass, how often each response name
 * is selected in each selection set, following fragments (each fragment's
 * counts computed once), and refuses a document where one name is selected
 * more than `maxRepeats` times, before validation starts; the GraphQL handler
 * answers it 400 GRAPHQL_VALIDATION_FAILED.
 */
import { Kind, parse } from "graphql";
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from "graphql";

/** The first response name selected more than `maxRepeats` times in one selection set, with its count; null when none is. */
export function repeatedSelection(document: DocumentNode, maxRepeats: number): { name: string; count: number } | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCounts = new Map<string, Map<string, number>>();
  let found: { name: string; count: number } | null = null;

  /** Response names selected in `set` (inline fragments and spreads merged in, each fragment once). */
  const countsOf = (set: SelectionSetNode, into = new Map<string, number>(), spread = new Set<string>()): Map<string, number> => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        into.set(name, (into.get(name) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        countsOf(selection.selectionSet, into, spread);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        for (const [name, count] of fragmentCountsOf(selection.name.value)) into.set(name, (into.get(name) ?? 0) + count);
      }
    }
    return into;
  };

  const fragmentCountsOf = (name: string): Map<string, number> => {
    let counts = fragmentCounts.get(name);
    if (counts === undefined) {
      fragmentCounts.set(name, new Map()); // a cycle (refused by validation) adds nothing
      const fragment = fragments.get(name);
      counts = fragment ? countsOf(fragment.selectionSet) : new Map<string, number>();
      fragmentCounts.set(name, counts);
    }
    return counts;
  };

  /** The fields' selection sets below `set`, through its inline fragments (whose own fields `set` counts). */
  const checkFieldsOf = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (found) return;
      if (selection.kind === Kind.FIELD && selection.selectionSet) check(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) checkFieldsOf(selection.selectionSet);
    }
  };
  /** A selection set and every one below it, each once (fragments are checked as definitions). */
  const check = (set: SelectionSetNode): void => {
    for (const [name, count] of countsOf(set)) {
      if (count > maxRepeats) {
        found = { name, count };
        return;
      }
    }
    checkFieldsOf(set);
  };
  for (const definition of document.definitions) {
    if (found) break;
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) check(definition.selectionSet);
  }
  return found;
}

/**
 * Checks query texts before Apollo parses and validates them (Apollo's plugin
 * hooks cannot refuse a request before validation): the message for a
 * document that repeats a selection too often, else null. Texts that pass are
 * remembered (up to `maxRemembered` of at most 8 KiB), so a query that comes
 * back is not parsed twice.
 */
export function repeatedSelectionsGuard(maxRepeats: number, maxTokens: number, maxRemembered = 1_000): (query: string) => string | null {
  const passed = new Set<string>();
  return (query) => {
    if (passed.has(query)) return null;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens });
    } catch {
      return null; // Apollo reports the syntax error
    }
    const repeated = repeatedSelection(document, maxRepeats);
    if (repeated) return `"${repeated.name}" is selected ${repeated.count} times in one selection set; the maximum is ${maxRepeats}`;
    if (query.length <= 8 * 1024) {
      if (passed.size >= maxRemembered) passed.clear();
      passed.add(query);
    }
    return null;
  };
}
