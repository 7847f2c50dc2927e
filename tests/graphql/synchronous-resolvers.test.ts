/**
 * Root query fields and the Entity interface resolve synchronously
 * (graphql-js's `executeSync` throws when an operation cannot complete
 * synchronously), with the same argument bounds checked before the resolver
 * runs as under type-graphql's resolver.
 */
import { executeSync, isInterfaceType, parse } from "graphql";
import type { GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { BadInputError } from "../../src/errors.js";
import { createKnowledge } from "../../src/service/knowledge.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { KnowledgeService } from "../../src/service/knowledge-service.js";

const ROOT_QUERIES: Record<string, string> = {
  entity: '{ entity(id: "kataib-hezbollah") { id } }',
  entitiesById: '{ entitiesById(ids: ["kataib-hezbollah", "iran-government"]) { id } }',
  entities: '{ entities(search: "hezbollah", first: 2) { totalCount } }',
  relation: '{ relations(first: 1) { nodes { id } } }',
  relations: '{ relations(types: [BACKS], first: 2) { totalCount } }',
  search: '{ search(text: "hizbollah", first: 2) { totalCount nodes { score field entity { id } } } }',
  claims: '{ claims(measures: [KILLED], first: 3) { subject { id } claim { count } } }',
  events: '{ events(from: "2021-06", to: "2021-07") { id } }',
  sources: "{ sources { id } }",
  source: '{ source(id: "us-strikes-iran-backed-militias") { id title } }',
  neighborhood: '{ neighborhood(id: "kataib-hezbollah", depth: 2) { truncated } }',
  shortestPath: '{ shortestPath(from: "kataib-hezbollah", to: "iran-government") { length } }',
  allShortestPaths: '{ allShortestPaths(from: "kataib-hezbollah", to: "iran-government") { length } }',
  paths: '{ paths(from: "kataib-hezbollah", to: "iran-government", maxLength: 3) { length } }',
  retaliationChain: '{ retaliationChain(eventId: "us-strike-2021-06-27") { events { id } } }',
};

const schema = buildGraphQLSchema();
const knowledge = createKnowledge(loadKnowledgeBase());
const service = new KnowledgeService(knowledge);

function run(query: string, context: { service: KnowledgeService } = { service }) {
  return executeSync({ schema, document: parse(query), contextValue: context });
}

describe("root query fields", () => {
  it("are all covered here", () => {
    expect(Object.keys(ROOT_QUERIES).sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
  });

  it.each(Object.entries(ROOT_QUERIES))("%s resolves synchronously", (_field, query) => {
    const result = run(query);
    expect(result.errors).toBeUndefined();
    expect(result.data).toBeDefined();
  });

  it("return entities whose concrete type is resolved without a promise", () => {
    const entity = schema.getType("Entity");
    if (!isInterfaceType(entity)) throw new Error("Entity is not an interface");
    const record = service.entity("kataib-hezbollah");
    expect(entity.resolveType?.(record, {}, {} as GraphQLResolveInfo, entity)).toBe("Militia");
    const result = run('{ entity(id: "us-strike-2021-06-27") { __typename ... on Event { date { value } } } }');
    expect(result.data).toEqual({ entity: { __typename: "Event", date: { value: "2021-06-27" } } });
  });

  it("still answer NOT_FOUND-style domain errors as GraphQL errors", () => {
    const result = run('{ relation(id: "no-such-relation") { id } }');
    expect(result.errors?.[0]?.message).toMatch(/no-such-relation/);
  });

  it("refuse arguments out of range before any traversal runs", () => {
    class CountingService extends KnowledgeService {
      calls = 0;
      override neighborhood(...args: Parameters<KnowledgeService["neighborhood"]>) {
        const result = super.neighborhood(...args);
        this.calls++;
        return result;
      }
    }
    const counting = new CountingService(knowledge);
    const result = run('{ neighborhood(id: "kataib-hezbollah", depth: 99) { truncated } }', { service: counting });
    expect(result.errors?.[0]?.originalError).toBeInstanceOf(BadInputError);
    expect(result.errors?.[0]?.message).toMatch(/depth/);
    expect(counting.calls).toBe(0);
    expect(run('{ neighborhood(id: "kataib-hezbollah", depth: 2) { truncated } }', { service: counting }).errors).toBeUndefined();
    expect(counting.calls).toBe(1);
  });
});
