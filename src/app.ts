/**
 * Wires the layers together: data directory -> validated records -> graph ->
 * service -> GraphQL handler -> HTTP server. Fails before listening when the
 * data does not validate, so a half-loaded graph is never served.
 */
import type { KnowledgeService } from "./service/knowledge-service.js";
import { loadService } from "./service/load-service.js";
import { createGraphQLHandler } from "./http/graphql-handler.js";
import { startServer } from "./http/server.js";
import { EXPORT_ROUTES_HELP, exportErrorReply, handleExport } from "./http/export-routes.js";
import type { RunningServer } from "./http/server.js";
import { LIMITS } from "./service/limits.js";
import { describeHooks } from "./graphql/execution/hooks.js";
import { schemaPerformanceHooks } from "./graphql/schema.js";
import { openWorkbench } from "./http/workbench.js";
import { WORKBENCH_DIR } from "./paths.js";
import { fixedSource } from "./service/service-source.js";
import type { ServiceSource } from "./service/service-source.js";

export interface AppOptions {
  readonly dataDir?: string;
  /** A service over an already built graph (benchmarks); when given, dataDir is not read. */
  readonly service?: KnowledgeService;
  /** Where each request's service comes from (a database that is followed, see service/database-source.ts); when given, neither service nor dataDir is read. */
  readonly source?: ServiceSource;
  readonly port: number;
  readonly host: string;
  readonly maxBodyBytes?: number;
  /** After close() is called, how long requests in flight may take (default 10 s). */
  readonly shutdownGraceMs?: number;
  readonly logError?: (error: unknown) => void;
  /** Origins browsers may call from (CORS); none by default. */
  readonly corsOrigins?: readonly string[];
  /** Cache-Control of GET answers; `no-cache` by default. */
  readonly cacheControl?: string;
  /** Where the built workbench is (scripts/build-web.ts); dist/web by default. */
  readonly workbenchDir?: string;
}

export interface RunningApp extends RunningServer {
  /** The source of the service requests use (fixed for files). */
  readonly source: ServiceSource;
  /** The service a request starting now uses (NotReadyError before a database's first load). */
  readonly service: KnowledgeService;
  /** Whether the workbench (IDE and explorer) is built and served. */
  readonly workbenchBuilt: boolean;
  /** One line naming the performance hooks that are active, and any that are not (see graphql/execution/hooks.ts). */
  readonly performance: string;
}

export { loadService };

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const source = options.source ?? fixedSource(options.service ?? loadService(options.dataDir));
  const current = () => source.current();
  const handler = await createGraphQLHandler(current, logError);
  const workbench = openWorkbench(options.workbenchDir ?? WORKBENCH_DIR);
  const server = await startServer(handler, {
    port: options.port,
    host: options.host,
    maxBodyBytes: options.maxBodyBytes,
    shutdownGraceMs: options.shutdownGraceMs,
    logError,
    health: () => source.status(),
    readiness: () => source.status(),
    workbench,
    routes: [(url) => (url.pathname.startsWith("/export/") ? handleExport(current(), url) : null)],
    routesHelp: `exports are ${EXPORT_ROUTES_HELP}`,
    errorReply: exportErrorReply,
    corsOrigins: options.corsOrigins,
    cacheControl: options.cacheControl,
    dataVersion: () => {
      const { dataVersion } = source.status();
      return dataVersion === null ? "not-ready" : String(dataVersion);
    },
  });
  return {
    ...server,
    source,
    get service() {
      return source.current();
    },
    workbenchBuilt: workbench.built,
    performance: describeHooks(schemaPerformanceHooks()),
    close: async () => {
      await server.close();
      await handler.stop();
      await source.close();
    },
  };
}
