/**
 * Property-based fuzzing of the GraphQL endpoint with generated requests (see
 * requests.ts), against two real servers on the bundled data: one that
 * compiles every operation at first sight (graphql-jit) and one that never
 * compiles (graphql-js). For every request:
 *   - no 5xx, and a JSON body with no stack trace or file path;
 *   - both servers give the same status and the same body;
 *   - nothing is logged as unexpected;
 *   - an answered data query stays within its computed cost: it returns no
 *     more fields than the cost counted;
 *   - a normal query answers right after.
 *
 * `npm test` runs FUZZ_RUNS cases (default 150) from FUZZ_SEED (default
 * fixed); `npm run fuzz` runs 20,000. A failure prints its seed and path to
 * replay it: FUZZ_SEED=... FUZZ_PATH=... npm run fuzz.
 */
import fc from "fast-check";
import { Kind, getVariableValues, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKnowledge } from "../../src/service/knowledge.js";
import { operationCost } from "../../src/graphql/protections/cost.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";
import { LIMITS } from "../../src/service/limits.js";
import { createGraphQLHandler } from "../../src/http/graphql-handler.js";
import type { GraphQLHandler } from "../../src/http/graphql-handler.js";
import { startServer } from "../../src/http/server.js";
import type { RunningServer } from "../../src/http/server.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { KnowledgeService } from "../../src/service/knowledge-service.js";
import { requestArbitraries } from "./requests.js";
import type { FuzzRequest } from "./requests.js";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 150);
const SEED = Number(process.env["FUZZ_SEED"] ?? 20_261_129);
const PATH = process.env["FUZZ_PATH"];

const service = new KnowledgeService(createKnowledge(loadKnowledgeBase()), { traversalBudget: LIMITS.traversalBudget });
const schema = buildGraphQLSchema();
const logged: unknown[] = [];
const servers: Array<{ handler: GraphQLHandler; server: RunningServer }> = [];

beforeAll(async () => {
  for (const compileAfter of [0, Infinity]) {
    const handler = await createGraphQLHandler(service, (e) => logged.push(e), { compileAfter });
    const server = await startServer(handler, { port: 0, host: "127.0.0.1", health: () => ({}), logError: (e) => logged.push(e) });
    servers.push({ handler, server });
  }
});
afterAll(async () => {
  for (const { handler, server } of servers) {
    await server.close();
    await handler.stop();
  }
});

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: { data?: unknown; errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }> };
}

async function send(server: RunningServer, request: FuzzRequest): Promise<Answer> {
  const { accept, ...payload } = request;
  const response = await fetch(server.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer["body"] };
}

/** Fields in a response, `__typename` aside (for queries without JSON scalars, whose content is not fields). */
function fieldsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + fieldsIn(item), 0);
  if (value === null || typeof value !== "object") return 0;
  let count = 0;
  for (const [key, inner] of Object.entries(value)) if (key !== "__typename") count += 1 + fieldsIn(inner);
  return count;
}

function costOf(request: FuzzRequest): number | null {
  const document = parse(request.query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (request.operationName === undefined || d.name?.value === request.operationName),
  );
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  return coerced.errors ? null : operationCost(schema, document, operation, coerced.coerced, service.profile);
}

const LEAK = /stacktrace|\bat \S+ \(\S+:\d+:\d+\)|\.[jt]s:\d+:\d+|\/work\/main|node_modules/;
const NORMAL = { query: '{ shortestPath(from: "kataib-hezbollah", to: "joe-biden") { length } }' };

describe("generated requests", () => {
  it(`hold every property (${RUNS} cases from seed ${SEED})`, async () => {
    const { any } = requestArbitraries(schema, service.allEntities().map((e) => e.id));
    await fc.assert(
      fc.asyncProperty(any, async (request) => {
        const [compiled, interpreted] = await Promise.all(servers.map(({ server }) => send(server, request)));
        for (const answer of [compiled!, interpreted!]) {
          expect(answer.status).toBeLessThan(500);
          expect(answer.text).not.toMatch(LEAK);
          expect(answer.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain("INTERNAL_SERVER_ERROR");
        }
        expect(compiled!.status).toBe(interpreted!.status);
        expect(compiled!.body).toEqual(interpreted!.body);
        expect(logged).toEqual([]);

        if (interpreted!.status === 200 && !interpreted!.body.errors && !/__schema|__type\b|nodeLink/.test(request.query)) {
          const cost = costOf(request);
          if (cost !== null) expect(fieldsIn(interpreted!.body.data)).toBeLessThanOrEqual(cost);
        }
        const normal = await send(servers[0]!.server, NORMAL);
        expect(normal.body).toEqual({ data: { shortestPath: { length: 2 } } });
      }),
      { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}), endOnFailure: false },
    );
  }, 600_000);
});
