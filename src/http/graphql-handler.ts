/**
 * The transport-agnostic core: an Apollo Server over the schema, taking a
 * parsed HTTP request and giving back status, headers and body. Apollo's own
 * landing page (which loads from a CDN) is off; the HTTP adapter serves ours.
 */
import { ApolloServer, HeaderMap } from "@apollo/server";
import type { HTTPGraphQLResponse } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { buildGraphQLSchema } from "../graphql/schema.js";
import { createErrorFormatter } from "../graphql/errors.js";
import type { ErrorLogger } from "../graphql/errors.js";
import type { GraphQLContext } from "../graphql/context.js";
import type { KnowledgeService } from "../service/knowledge-service.js";

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

async function collect(body: HTTPGraphQLResponse["body"]): Promise<string> {
  if (body.kind === "complete") return body.string;
  let text = "";
  for await (const chunk of body.asyncIterator) text += chunk;
  return text;
}

export async function createGraphQLHandler(service: KnowledgeService, logError: ErrorLogger): Promise<GraphQLHandler> {
  const apollo = new ApolloServer<GraphQLContext>({
    schema: buildGraphQLSchema(),
    formatError: createErrorFormatter(logError),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    logger: { debug() {}, info() {}, warn: (m) => logError(m), error: (m) => logError(m) },
  });
  await apollo.start();
  const context = async (): Promise<GraphQLContext> => ({ service });

  return {
    async handle(request) {
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
