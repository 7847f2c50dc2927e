/**
 * The transport-agnostic core: an Apollo Server over the schema, taking a
 * parsed HTTP request and giving back status, headers and body. Apollo's own
 * landing page (which loads from a CDN) is off; the HTTP adapter serves the
 * workbench, built into dist/web.
 */
import { ApolloServer, HeaderMap } from "@apollo/server";
import type { HTTPGraphQLResponse } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { buildGraphQLSchema } from "../graphql/schema.js";
import { createErrorFormatter } from "../graphql/errors.js";
import type { ErrorLogger } from "../graphql/errors.js";
import type { GraphQLContext } from "../graphql/context.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { costLimit } from "../graphql/protections/cost-limit.js";
import { repeatedSelectionsGuard } from "../graphql/protections/repeated-selections.js";
import { REQUEST_LIMITS } from "../service/limits.js";
import { VALIDATION_RULES } from "../graphql/protections/validation-rules.js";
import { clientErrorStatusPlugin } from "../graphql/status.js";
import { compiledExecution } from "../graphql/execution/compiled-execution.js";
import type { CompiledExecutionOptions } from "../graphql/execution/compiled-execution.js";

export interface GraphQLRequest {
  readonly method: string;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The query string, without the leading "?". */
  readonly search: string;
  /** The parsed JSON body, or undefined when there is none. */
  readonly body: unknown;
}

export interface GraphQLResponse {
  readonly status: number;
  readonly headers: Map<string, string>;
  readonly body: string;
}

export interface GraphQLHandler {
  handle(request: GraphQLRequest): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** The query text of a request, where there is one to check before Apollo sees it. */
function queryText(request: GraphQLRequest): string | undefined {
  if (request.method.toUpperCase() === "GET") return new URLSearchParams(request.search).get("query") ?? undefined;
  const body = request.body as { query?: unknown } | undefined;
  return body !== null && typeof body === "object" && !Array.isArray(body) && typeof body.query === "string" ? body.query : undefined;
}

/** A 400 GRAPHQL_VALIDATION_FAILED answer, as Apollo words and types one. */
function validationFailure(message: string, accept: string | string[] | undefined): GraphQLResponse {
  const graphqlResponse = String(accept ?? "").includes("application/graphql-response+json");
  const type = graphqlResponse ? "application/graphql-response+json; charset=utf-8" : "application/json; charset=utf-8";
  const body = JSON.stringify({ errors: [{ message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] });
  return { status: 400, headers: new Map([["content-type", type]]), body: `${body}\n` };
}

async function collect(body: HTTPGraphQLResponse["body"]): Promise<string> {
  if (body.kind === "complete") return body.string;
  let text = "";
  for await (const chunk of body.asyncIterator) text += chunk;
  return text;
}

/**
 * `service` is the service, or a function giving the one a request starting
 * now should use (a server that swaps graphs, see service/service-source.ts):
 * each request keeps the one it started with.
 */
export async function createGraphQLHandler(
  service: KnowledgeService | (() => KnowledgeService),
  logError: ErrorLogger,
  execution: CompiledExecutionOptions = {},
): Promise<GraphQLHandler> {
  const current = typeof service === "function" ? service : () => service;
  const schema = buildGraphQLSchema();
  const apollo = new ApolloServer<GraphQLContext>({
    // Operations that come back run compiled (graphql-jit), see graphql/compiled-execution.ts.
    gateway: compiledExecution(schema, execution).gateway,
    formatError: createErrorFormatter(logError),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Shutdown is ours (cli/serve-command.ts): finish in-flight requests, then exit 0.
    stopOnTerminationSignals: false,
    // The schema is public and read-only: introspection stays on, for tools and codegen.
    introspection: true,
    // No "Did you mean ...?" suggestions in errors.
    hideSchemaDetailsFromClientErrors: true,
    parseOptions: { maxTokens: REQUEST_LIMITS.maxTokens },
    validationRules: [...VALIDATION_RULES],
    // No CDN landing page (the workbench is served at /), and no cache-control plugin: it
    // hooks every field resolution and this API sets no cache hints.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      costLimit(schema, (context) => (context as GraphQLContext).service.profile, { maxCost: REQUEST_LIMITS.maxCost }).plugin,
      clientErrorStatusPlugin,
    ],
    logger: { debug() {}, info() {}, warn: (m) => logError(m), error: (m) => logError(m) },
  });
  await apollo.start();
  const context = async (): Promise<GraphQLContext> => ({ service: current() });
  const repeatedSelections = repeatedSelectionsGuard(REQUEST_LIMITS.maxRepeatedSelections, REQUEST_LIMITS.maxTokens);

  return {
    async handle(request) {
      const query = queryText(request);
      const refusal = query === undefined ? null : repeatedSelections(query);
      if (refusal !== null) return validationFailure(refusal, request.headers["accept"]);
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method.toUpperCase(), headers, search: request.search, body: request.body },
        context,
      });
      return { status: response.status ?? 200, headers: new Map(response.headers), body: await collect(response.body) };
    },
    stop: () => apollo.stop(),
  };
}
