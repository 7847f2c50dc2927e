/**
 * Compiled execution (graphql-jit) answers exactly as graphql-js does: every
 * typed operation the product ships, the errors analysts meet, introspection
 * and the directives, compared response by response through the same handler
 * (status and body), once compiling every operation at first sight and once
 * never compiling. The cache of compiled operations is bounded.
 */
import { getIntrospectionQuery, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import type { GatewayExecutor, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createKnowledge } from "../../src/service/knowledge.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";
import { compiledExecution } from "../../src/graphql/execution/compiled-execution.js";
import { createGraphQLHandler } from "../../src/http/graphql-handler.js";
import type { GraphQLHandler } from "../../src/http/graphql-handler.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { KnowledgeService } from "../../src/service/knowledge-service.js";
import * as operations from "../generated/operations.js";
import { print } from "graphql";

// graphql-jit as shipped, except that it fails on operations named "Unjittable".
vi.mock("graphql-jit", async (importOriginal) => {
  const jit = await importOriginal<typeof import("graphql-jit")>();
  return {
    ...jit,
    compileQuery: (...args: Parameters<typeof jit.compileQuery>) => {
      if (args[2] === "Unjittable") throw new Error("cannot compile this");
      return jit.compileQuery(...args);
    },
  };
});

const service = new KnowledgeService(createKnowledge(loadKnowledgeBase()));

/** Every shipped operation, with variables that give it real work to do. */
const TYPED_OPERATIONS: Record<string, [document: Parameters<typeof print>[0], variables: Record<string, unknown>]> = {
  BackedBy: [operations.BackedByDocument, { id: "kataib-hezbollah" }],
  Retaliation: [operations.RetaliationDocument, { id: "us-strike-2021-06-27" }],
  Reactions: [operations.ReactionsDocument, { id: "us-strike-2021-06-27" }],
  CasualtyClaims: [operations.CasualtyClaimsDocument, { id: "us-strike-2021-06-27" }],
  Estimates: [operations.EstimatesDocument, { id: "drone-attack-2021-07-06" }],
  Whereabouts: [operations.WhereaboutsDocument, { id: "k1-air-base" }],
  Timeline: [operations.TimelineDocument, { from: "2019-12", to: "2020-01", involving: "kataib-hezbollah" }],
  EntityProfile: [operations.EntityProfileDocument, { id: "kataib-hezbollah" }],
  SearchEntities: [operations.SearchEntitiesDocument, { search: "hezbollah", first: 3 }],
  Search: [operations.SearchDocument, { text: "hizbollah", first: 5 }],
  Claims: [operations.ClaimsDocument, { measures: ["KILLED"], first: 20 }],
  EntityRelations: [operations.EntityRelationsDocument, { id: "iran-government", direction: "FORWARD" }],
  Relations: [operations.RelationsDocument, { types: ["ATTACKS"], first: 5 }],
  Sources: [operations.SourcesDocument, {}],
  SourceSupports: [operations.SourceSupportsDocument, { id: "us-strikes-iran-backed-militias", kinds: ["RELATION", "CLAIM"], first: 30 }],
  RelationCorroboration: [operations.RelationCorroborationDocument, { id: "iran-government-backs-kataib-hezbollah" }],
  ShortestPath: [operations.ShortestPathDocument, { from: "kataib-hezbollah", to: "joe-biden" }],
  AllShortestPaths: [operations.AllShortestPathsDocument, { from: "kataib-hezbollah", to: "iran-government" }],
  Paths: [operations.PathsDocument, { from: "kataib-hezbollah", to: "iran-government", maxLength: 3, limit: 5 }],
  Neighborhood: [operations.NeighborhoodDocument, { id: "kataib-hezbollah", depth: 2, limit: 40 }],
  RetaliationChain: [operations.RetaliationChainDocument, { eventId: "us-strike-2021-06-27" }],
  NeighborhoodNodeLink: [operations.NeighborhoodNodeLinkDocument, { id: "kataib-hezbollah", depth: 1 }],
  PathExport: [operations.PathExportDocument, { from: "kataib-hezbollah", to: "iran-government", format: "GRAPHML" }],
};

const INCLUDED_SPREAD = 'query($with: Boolean!) { entity(id: "pmf") { ...Names @include(if: $with) id name } } fragment Names on Entity { name aliases }';
const SKIPPED_SELECTIONS = 'query($skip: Boolean!) { entity(id: "pmf") { ... on UmbrellaGroup @skip(if: $skip) { name } name @skip(if: $skip) ... on Entity { name } } }';

/** Requests that fail, or use the language beyond the shipped operations. */
const OTHER_REQUESTS: Record<string, { query: string; variables?: Record<string, unknown>; operationName?: string }> = {
  "unknown id (NOT_FOUND)": { query: '{ entity(id: "nobody") { id } }' },
  "unknown id in a nullable field": { query: '{ sources { id } shortestPath(from: "nobody", to: "iran-government") { length } }' },
  "wrong kind (BAD_USER_INPUT)": { query: '{ retaliationChain(eventId: "pmf") { events { id } } }' },
  "out-of-range argument": { query: 'query($d: Int!) { neighborhood(id: "pmf", depth: $d) { truncated } }', variables: { d: 99 } },
  "error on a later line keeps its location": { query: 'query {\n  sources { id }\n  entity(id: "x") {\n    id\n  }\n  paths(from: "pmf", to: "pmf", maxLength: 0) { length }\n}' },
  "variable of the wrong type": { query: "query($id: ID!) { entity(id: $id) { id } }", variables: { id: { not: "an id" } } },
  "missing variable": { query: "query($id: ID!) { entity(id: $id) { id } }", variables: {} },
  "no path": { query: '{ shortestPath(from: "israel-government", to: "kataib-hezbollah") { length } }' },
  "__typename only": { query: "{ __typename }" },
  "aliases, fragments on the interface and kinds": {
    query: `{
      a: entity(id: "kataib-hezbollah") { ...Summary ... on Militia { backers: relations(types: [BACKS], direction: IN) { source { id } } } }
      b: entity(id: "us-strike-2021-06-27") { ...Summary ... on Event { date { value precision } casualtyClaims { measure qualifier count subject evidence { excerpt attribution } } } }
      c: entitiesById(ids: ["pmf", "nobody", "joe-biden"]) { ...Summary }
    }
    fragment Summary on Entity { __typename id name kind }`,
  },
  "a field skipped by @include beside the same field selected without it (graphql-jit returned the skipped selections)": {
    query: "{ entities(first: 3) { nodes { id } nodes @include(if: false) { ...Provenance } } } fragment Provenance on Entity { provenance { excerpt } }",
  },
  "@include and @skip from variables": {
    query: 'query($full: Boolean!) { entity(id: "pmf") { id name @include(if: $full) aliases @skip(if: $full) } }',
    variables: { full: false },
  },
  "@include on a fragment spread, the field also selected without it": { query: INCLUDED_SPREAD, variables: { with: false } },
  "the same spread, included": { query: INCLUDED_SPREAD, variables: { with: true } },
  "@skip on an inline fragment, and on one of two selections of a field": { query: SKIPPED_SELECTIONS, variables: { skip: true } },
  "the same selections, not skipped": { query: SKIPPED_SELECTIONS, variables: { skip: false } },
  "named operation among several": { query: "query A { sources { id } } query B { __typename }", operationName: "B" },
  introspection: { query: getIntrospectionQuery({ descriptions: true }) },
  "nested abstract lists (too large to compile, runs on graphql-js)": { query: '{ entity(id: "pmf") { neighbors { neighbors { neighbors { id } } } } }' },
};

describe("compiled execution", () => {
  let compiled: GraphQLHandler;
  let interpreted: GraphQLHandler;
  const logged: unknown[] = [];
  beforeAll(async () => {
    compiled = await createGraphQLHandler(service, (e) => logged.push(e), { compileAfter: 0 });
    interpreted = await createGraphQLHandler(service, (e) => logged.push(e), { compileAfter: Infinity });
  });
  afterAll(async () => {
    await compiled?.stop();
    await interpreted?.stop();
  });

  async function both(body: Record<string, unknown>) {
    const request = { method: "POST", headers: { "content-type": "application/json" }, search: "", body };
    const answers = [];
    for (const handler of [interpreted, compiled, compiled]) {
      const { status, body: text } = await handler.handle(request);
      answers.push({ status, body: JSON.parse(text) as unknown });
    }
    return answers;
  }

  it("covers every shipped operation", () => {
    const shipped = Object.keys(operations)
      .filter((name) => name.endsWith("Document"))
      .map((name) => name.slice(0, -"Document".length));
    expect(Object.keys(TYPED_OPERATIONS).sort()).toEqual(shipped.sort());
  });

  it.each(Object.entries(TYPED_OPERATIONS))("answers %s as graphql-js does", async (_name, [document, variables]) => {
    const [expected, first, cached] = await both({ query: print(document), variables });
    expect(expected!.status).toBe(200);
    expect((expected!.body as { errors?: unknown }).errors).toBeUndefined();
    expect(first).toEqual(expected);
    expect(cached).toEqual(expected);
  });

  it.each(Object.entries(OTHER_REQUESTS))("answers %s as graphql-js does", async (_name, body) => {
    const [expected, first, cached] = await both(body);
    expect(first).toEqual(expected);
    expect(cached).toEqual(expected);
  });

  it("answers as graphql-js does when a failed non-null field has failing siblings (graphql-jit alone would report them all)", async () => {
    const query = '{ entity(id: "nobody") { id } shortestPath(from: "nobody", to: "iran-government") { length } }';
    const [expected, first, cached] = await both({ query });
    const notFound = (field: string, column: number) => ({
      message: 'No entity with id "nobody"',
      locations: [{ line: 1, column }],
      path: [field],
      extensions: { code: "NOT_FOUND", id: "nobody" },
    });
    expect(expected).toEqual({ status: 200, body: { data: null, errors: [notFound("entity", 3)] } });
    expect(first).toEqual(expected);
    expect(cached).toEqual(expected);
  });

  it("logs nothing unexpected", () => {
    expect(logged).toEqual([]);
  });
});

describe("the cache of compiled operations", () => {
  const schema = buildGraphQLSchema();

  function requestContext(query: string, operationName?: string) {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === "OperationDefinition" && (operationName === undefined || d.name?.value === operationName),
    )!;
    return { document, operation, source: query, queryHash: query, request: { query, operationName }, context: { service } } as unknown as GatewayGraphQLRequestContext;
  }

  async function executorOf(options: Parameters<typeof compiledExecution>[1]) {
    const execution = compiledExecution(schema, options);
    const { executor } = await execution.gateway.load({ apollo: {} });
    return { execution, executor: executor as GatewayExecutor };
  }

  it("compiles an operation once it has run compileAfter times on graphql-js", async () => {
    const { execution, executor } = await executorOf({ compileAfter: 2 });
    const context = requestContext('{ entity(id: "pmf") { id } }');
    for (const compiledAfterRun of [0, 0, 1, 1]) {
      expect(await executor(context)).toEqual({ data: { entity: { id: "pmf" } } });
      expect(execution.stats()).toEqual({ operations: 1, compiled: compiledAfterRun });
    }
  });

  it("keeps one entry per operation of a document", async () => {
    const { execution, executor } = await executorOf({ compileAfter: 0 });
    const query = "query A { __typename } query B { sources { id } }";
    const [a, b] = [requestContext(query, "A"), requestContext(query, "B")];
    expect(await executor(a)).toEqual({ data: { __typename: "Query" } });
    expect((await executor(b)).data?.["sources"]).toHaveLength(service.sources().length);
    expect(execution.stats()).toEqual({ operations: 2, compiled: 2 });
  });

  it("forgets the least recently used half when full", async () => {
    const { execution, executor } = await executorOf({ compileAfter: 0, maxOperations: 4 });
    const contexts = ["a", "b", "c", "d", "e"].map((alias) => requestContext(`{ ${alias}: __typename }`));
    for (const context of contexts.slice(0, 4)) await executor(context);
    await executor(contexts[0]!); // "a" is now the most recently used
    await executor(contexts[4]!); // full: "b" and "c" go
    expect(execution.stats()).toEqual({ operations: 3, compiled: 3 });
    await executor(contexts[0]!);
    await executor(contexts[3]!);
    expect(execution.stats().operations).toBe(3);
    await executor(contexts[1]!);
    expect(execution.stats().operations).toBe(4);
  });

  it("leaves an operation whose generated code would be too large on graphql-js", async () => {
    const { execution, executor } = await executorOf({ compileAfter: 0, maxCompiledFields: 250 });
    // Three levels of Entity.neighbors: about 45,000 fields of generated code, over a second to compile.
    const deep = requestContext('{ entity(id: "pmf") { neighbors { neighbors { neighbors { id } } } } }');
    // 1 + 12 kinds × (2 + 12 kinds × 2) = 313 fields.
    const middling = requestContext('{ entity(id: "pmf") { id neighbors { id name } } }');
    expect((await executor(deep)).errors).toBeUndefined();
    expect((await executor(middling)).errors).toBeUndefined();
    expect(execution.stats()).toEqual({ operations: 2, compiled: 0 });
    const { execution: roomier, executor: roomierExecutor } = await executorOf({ compileAfter: 0, maxCompiledFields: 400 });
    await roomierExecutor(middling);
    expect(roomier.stats()).toEqual({ operations: 1, compiled: 1 });
  });

  it("never compiles an operation with @skip or @include", async () => {
    const { execution, executor } = await executorOf({ compileAfter: 0 });
    const context = requestContext('{ entity(id: "pmf") { id name @include(if: true) } }');
    for (let run = 0; run < 3; run++) expect(await executor(context)).toEqual({ data: { entity: { id: "pmf", name: expect.any(String) } } });
    expect(execution.stats()).toEqual({ operations: 1, compiled: 0 });
  });

  it("never compiles introspection, however small or often run", async () => {
    const { execution, executor } = await executorOf({ compileAfter: 0 });
    for (const query of [getIntrospectionQuery(), '{ __type(name: "Entity") { name } }', "{ __schema { queryType { name } } }"]) {
      const context = requestContext(query);
      for (let run = 0; run < 3; run++) expect((await executor(context)).errors).toBeUndefined();
    }
    expect(execution.stats()).toEqual({ operations: 3, compiled: 0 });
  });

  it("answers an operation name that names nothing through graphql-js, every time", async () => {
    const { execution, executor } = await executorOf({ compileAfter: 0 });
    const context = { ...requestContext("query A { __typename }"), operation: undefined, request: { query: "query A { __typename }", operationName: "Z" } } as unknown as GatewayGraphQLRequestContext;
    for (let run = 0; run < 3; run++) expect((await executor(context)).errors?.[0]?.message).toBe('Unknown operation named "Z".');
    expect(execution.stats()).toEqual({ operations: 0, compiled: 0 });
  });

  it("runs an operation graphql-jit fails on with graphql-js, and warns once", async () => {
    const { execution, executor } = await executorOf({ compileAfter: 0 });
    const warnings: string[] = [];
    const context = { ...requestContext("query Unjittable { sources { id } }", "Unjittable"), logger: { warn: (m: string) => warnings.push(m) } } as unknown as GatewayGraphQLRequestContext;
    for (let run = 0; run < 3; run++) expect((await executor(context)).data?.["sources"]).toHaveLength(service.sources().length);
    expect(execution.stats()).toEqual({ operations: 1, compiled: 0 });
    expect(warnings).toEqual(["graphql-jit failed on operation Unjittable; it runs on graphql-js: Error: cannot compile this"]);
  });

  it("rejects options out of range, naming them", () => {
    expect(() => compiledExecution(schema, { compileAfter: -1 })).toThrow(/compileAfter/);
    expect(() => compiledExecution(schema, { compileAfter: 1.5 })).toThrow(/compileAfter/);
    expect(() => compiledExecution(schema, { maxOperations: 0 })).toThrow(/maxOperations/);
    expect(() => compiledExecution(schema, { maxCompiledFields: 0 })).toThrow(/maxCompiledFields/);
  });
});
