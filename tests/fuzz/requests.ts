/**
 * fast-check arbitraries for GraphQL requests over this API's schema: valid
 * documents built from the schema itself (fields with their arguments,
 * aliases, inline fragments and named fragments on the interface, @include
 * and @skip, variables declared and sent, introspection, named operations),
 * and the same documents damaged (truncated, with stray tokens, wrong
 * variables, unknown operation names, mutations). Everything is generated
 * from the schema and seeded by fast-check, so a failing case replays from
 * its seed and shrinks.
 */
import fc from "fast-check";
import { getNamedType, isEnumType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType } from "graphql";
import type { GraphQLArgument, GraphQLInputType, GraphQLNamedType, GraphQLObjectType, GraphQLInterfaceType, GraphQLSchema } from "graphql";

export interface FuzzRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
  readonly accept?: string;
}

/** A value for an argument, as GraphQL source and as JSON for a variable. */
interface Value {
  readonly literal: string;
  readonly json: unknown;
}

/** Text with the variables and fragments it needs. */
interface Piece {
  readonly text: string;
  readonly variables: ReadonlyArray<{ name: string; type: string; value: unknown }>;
  readonly spreads: readonly string[];
}

const piece = (text: string, parts: readonly Piece[] = []): Piece => ({
  text,
  variables: parts.flatMap((p) => p.variables),
  spreads: parts.flatMap((p) => p.spreads),
});

const literalString = (text: string) => JSON.stringify(text);

export function requestArbitraries(schema: GraphQLSchema, entityIds: readonly string[]) {
  const ids = fc.constantFrom(...entityIds.slice(0, 40), "nobody", "KH", "", "pmf\u0007");
  const strings = fc.oneof(fc.constantFrom("hezbollah", "kata'ib", "Biden", "2021-06", "2019", "x"), fc.string({ maxLength: 12 }));
  const ints = fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constantFrom(0, 1, 4, 5, 8, 9, 10, 50, 51, 100, 101, 500, 501, 2_147_483_647));

  function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<Value> {
    if (isNonNullType(type)) return valueOf(type.ofType as GraphQLInputType, depth);
    if (isListType(type)) {
      return fc.array(valueOf(type.ofType as GraphQLInputType, depth + 1), { maxLength: depth > 0 ? 1 : 3 }).map((items) => ({
        literal: `[${items.map((i) => i.literal).join(", ")}]`,
        json: items.map((i) => i.json),
      }));
    }
    const named = getNamedType(type);
    if (isEnumType(named)) {
      const names = named.getValues().map((v) => v.name);
      return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constant("NOT_A_VALUE") }).map((name) => ({ literal: name, json: name }));
    }
    if (isScalarType(named)) {
      if (named.name === "Int") return ints.map((n) => ({ literal: String(n), json: n }));
      if (named.name === "Boolean") return fc.boolean().map((b) => ({ literal: String(b), json: b }));
      if (named.name === "ID") return ids.map((id) => ({ literal: literalString(id), json: id }));
      return strings.map((s) => ({ literal: literalString(s), json: s }));
    }
    return fc.constant({ literal: "null", json: null });
  }

  let variableCount = 0;
  function argumentOf(arg: GraphQLArgument): fc.Arbitrary<Piece> {
    return fc.tuple(valueOf(arg.type), fc.boolean(), fc.nat(9)).map(([value, asVariable, wrongType]) => {
      if (!asVariable) return piece(`${arg.name}: ${value.literal}`);
      const name = `v${variableCount++}`;
      // Now and then, a variable's value does not fit its type.
      const sent = wrongType === 0 ? { not: "a value" } : value.json;
      return { text: `${arg.name}: $${name}`, variables: [{ name, type: String(arg.type), value: sent }], spreads: [] };
    });
  }

  const directive = fc.oneof(
    { weight: 6, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.boolean().map((b) => ` @include(if: ${b})`) },
    { weight: 1, arbitrary: fc.boolean().map((b) => ` @skip(if: ${b})`) },
  );
  const alias = fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom("a: ", "b: ", "x1: ") });

  function fieldOf(type: GraphQLObjectType | GraphQLInterfaceType, depth: number): fc.Arbitrary<Piece> {
    const fields = Object.values(type.getFields()).filter((f) => depth > 0 || !isCompositeNamed(getNamedType(f.type)));
    const usable = fields.length > 0 ? fields : Object.values(type.getFields()).filter((f) => !isCompositeNamed(getNamedType(f.type)));
    if (usable.length === 0) return fc.constant(piece("__typename"));
    return fc.constantFrom(...usable).chain((field) => {
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const optional = field.args.filter((a) => !required.includes(a));
      const args = fc.tuple(
        fc.tuple(...required.map(argumentOf)),
        fc.subarray(optional, { maxLength: Math.min(2, optional.length) }).chain((chosen) => (chosen.length ? fc.tuple(...chosen.map(argumentOf)) : fc.constant([] as Piece[]))),
      ).map(([a, b]) => [...a, ...b]);
      const named = getNamedType(field.type);
      const inner = isCompositeNamed(named) ? selectionSetOf(named as GraphQLObjectType | GraphQLInterfaceType, depth - 1) : fc.constant(null);
      return fc.tuple(alias, args, directive, inner).map(([a, argPieces, d, sub]) => {
        const argText = argPieces.length ? `(${argPieces.map((p) => p.text).join(", ")})` : "";
        const parts = sub ? [...argPieces, sub] : argPieces;
        return piece(`${a}${field.name}${argText}${d}${sub ? ` { ${sub.text} }` : ""}`, parts);
      });
    });
  }

  const selectionSets = new Map<string, fc.Arbitrary<Piece>>();
  function selectionSetOf(type: GraphQLObjectType | GraphQLInterfaceType, depth: number): fc.Arbitrary<Piece> {
    const key = `${type.name}:${depth}`;
    const known = selectionSets.get(key);
    if (known) return known;
    const choices: Array<fc.WeightedArbitrary<Piece>> = [
      { weight: 8, arbitrary: fc.constant(null).chain(() => fieldOf(type, depth)) },
      { weight: 1, arbitrary: fc.constant(piece("__typename")) },
    ];
    if (isInterfaceType(type) && depth > 0) {
      const kinds = schema.getPossibleTypes(type);
      choices.push({
        weight: 2,
        arbitrary: fc.constantFrom(...kinds).chain((kind) => fc.tuple(fieldOf(kind, depth), directive).map(([f, d]) => piece(`... on ${kind.name}${d} { ${f.text} }`, [f]))),
      });
      choices.push({ weight: 1, arbitrary: fc.constantFrom("...EntityA", "...EntityB").map((name) => ({ text: name, variables: [], spreads: [name.slice(3)] })) });
    }
    const arbitrary = fc.array(fc.oneof(...choices), { minLength: 1, maxLength: 3 }).map((items) => piece(items.map((i) => i.text).join(" "), items));
    selectionSets.set(key, arbitrary);
    return arbitrary;
  }

  const entity = schema.getType("Entity") as GraphQLInterfaceType;
  const fragments = fc.record({ EntityA: selectionSetOf(entity, 1), EntityB: selectionSetOf(entity, 0) });
  const introspection = fc.constantFrom(
    "__schema { queryType { name } types { name kind } }",
    '__type(name: "Event") { name fields { name type { name kind ofType { name } } } }',
    "__schema { directives { name locations args { name } } }",
    '__type(name: "Direction") { enumValues { name description } }',
  );
  const root = schema.getQueryType()!;
  const rootSelections = fc.oneof({ weight: 8, arbitrary: selectionSetOf(root, 3) }, { weight: 1, arbitrary: introspection.map((text) => piece(text)) });

  /** A valid document (as far as generation can tell; some arguments are out of range on purpose). */
  const valid: fc.Arbitrary<FuzzRequest> = fc
    .tuple(rootSelections, fragments, fc.option(fc.constantFrom("Q", "Fuzzed"), { nil: undefined }), fc.constantFrom(undefined, "application/json", "application/graphql-response+json", "*/*"))
    .map(([selections, bodies, name, accept]) => {
      const used = new Set<string>(selections.spreads);
      for (const name of [...used]) for (const s of bodies[name as keyof typeof bodies].spreads) used.add(s);
      const definitions = [...used].sort().map((f) => `fragment ${f} on Entity { ${bodies[f as keyof typeof bodies].text} }`);
      const variables = [...selections.variables, ...[...used].flatMap((f) => bodies[f as keyof typeof bodies].variables)];
      const declared = variables.length ? `(${variables.map((v) => `$${v.name}: ${v.type}`).join(", ")})` : "";
      const head = name || declared ? `query${name ? ` ${name}` : ""}${declared} ` : "";
      return {
        query: [`${head}{ ${selections.text} }`, ...definitions].join("\n"),
        ...(variables.length ? { variables: Object.fromEntries(variables.map((v) => [v.name, v.value])) } : {}),
        ...(name ? { operationName: name } : {}),
        ...(accept ? { accept } : {}),
      };
    });

  /**
   * A valid document damaged: cut short, a stray token spliced in, the wrong
   * operation name, a mutation, a second operation, or its selections
   * repeated many times over (the class that makes validation quadratic).
   */
  const damaged: fc.Arbitrary<FuzzRequest> = fc
    .tuple(valid, fc.nat(), fc.constantFrom("{", "}", "(", ")", "...", "$", "@", ":", "query", "fragment", "#", '"', "\\u0000", "on", "!"), fc.nat(5), fc.integer({ min: 2, max: 400 }))
    .map(([request, at, token, how, times]) => {
      const position = request.query.length ? at % request.query.length : 0;
      switch (how) {
        case 0:
          return { ...request, query: request.query.slice(0, position) };
        case 1:
          return { ...request, query: `${request.query.slice(0, position)} ${token} ${request.query.slice(position)}` };
        case 2:
          return { ...request, operationName: "NoSuchOperation" };
        case 3:
          return { ...request, query: request.query.replace(/^query\b|^\{/, (m) => (m === "{" ? "mutation {" : "mutation")) };
        case 4: {
          const open = request.query.indexOf("{");
          const close = request.query.indexOf("\n") < 0 ? request.query.length : request.query.indexOf("\n");
          const selections = request.query.slice(open + 1, close).replace(/\}\s*$/, "");
          return { ...request, query: `${request.query.slice(0, open + 1)} ${`${selections} `.repeat(times)} }${request.query.slice(close)}` };
        }
        default:
          return { ...request, query: `${request.query}\nquery Second { __typename }` };
      }
    });

  return { valid, damaged, any: fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: damaged }) };
}

function isCompositeNamed(type: GraphQLNamedType): boolean {
  return isObjectType(type) || isInterfaceType(type);
}
