/**
 * A real server on port 0 over the bundled data (or a given data directory),
 * and a client that runs the typed operations codegen produced.
 */
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { startApp } from "../../src/app.js";
import type { RunningApp } from "../../src/app.js";

export interface GraphQLResult<T> {
  readonly status: number;
  readonly data: T | null | undefined;
  readonly errors: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }> | undefined;
}

export interface TestServer {
  readonly app: RunningApp;
  /** Errors the server logged (unexpected ones only). */
  readonly logged: unknown[];
  execute<T, V>(document: TypedDocumentNode<T, V>, variables?: V): Promise<GraphQLResult<T>>;
  /** Sends a raw request to a path of the server. */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(options: { dataDir?: string; maxBodyBytes?: number; corsOrigins?: string[]; cacheControl?: string } = {}): Promise<TestServer> {
  const logged: unknown[] = [];
  const app = await startApp({ port: 0, host: "127.0.0.1", logError: (e) => logged.push(e), ...options });
  const request = (path: string, init?: RequestInit) => fetch(`${app.origin}${path}`, init);
  return {
    app,
    logged,
    request,
    async execute(document, variables) {
      const response = await request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: GraphQLResult<unknown>["errors"] };
      return { status: response.status, data: body.data as never, errors: body.errors };
    },
    close: () => app.close(),
  };
}
