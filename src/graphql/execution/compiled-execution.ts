/**
 * Executes operations through graphql-jit: an operation that keeps coming back
 * is compiled once into a JavaScript function specialised to its selection
 * set, which skips graphql-js's field-by-field interpretation and builds plain
 * objects that serialise faster. Until an operation has run `compileAfter`
 * times it runs on graphql-js's `execute`, so one-off queries do not pay for a
 * compilation. An operation whose generated code would be large (nested
 * abstract fields multiply it, see compilation-size.ts), or that graphql-jit
 * cannot compile, stays on graphql-js.
 *
 * Answers are graphql-js's, checked operation by operation in
 * tests/graphql/compiled-execution.test.ts and by the fuzzer. Errors are
 * graphql-js's too: which errors a failed run reports depends on the
 * executor (when a field that cannot be null fails, graphql-jit goes on and
 * reports its failing siblings, graphql-js waits only for fields already
 * started; the spec allows both), so a compiled run that meets an error is
 * answered again by graphql-js. A failing request costs two executions; a
 * successful one, the compiled one only.
 *
 * Apollo Server takes another executor only through its gateway interface,
 * which is why this module speaks it. Parsing, validation, the cost limit and
 * error formatting stay Apollo's.
 *
 * Checked against @apollo/server 5.5.1 (the gateway interface of
 * @apollo/server-gateway-interface 2.0) and graphql-jit 0.8.9; the start-up
 * self-check (hooks.ts) compiles and runs a probe operation.
 */
import { execute } from "graphql";
import type { DocumentNode, ExecutionResult, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import type { CompiledQuery } from "graphql-jit";
import { compilationSize } from "./compilation-size.js";
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from "@apollo/server-gateway-interface";

export interface CompiledExecutionOptions {
  /** Executions of an operation on graphql-js before it is compiled. Default 2; `Infinity` never compiles. */
  readonly compileAfter?: number;
  /** Operations remembered, compiled or still counted. Default 500; beyond it the least recently used half is forgotten. */
  readonly maxOperations?: number;
  /**
   * Largest operation compiled, in fields of generated code (see
   * compilation-size.ts). Default 250, about 3 ms of compiling;
   * larger operations stay on graphql-js.
   */
  readonly maxCompiledFields?: number;
}

interface OperationEntry {
  seen: number;
  lastUsed: number;
  /** The compiled operation; `null` when it is too large or graphql-jit declined it, so graphql-js runs it. */
  compiled?: CompiledQuery | null;
}

export interface CompiledExecution {
  readonly gateway: GatewayInterface;
  /** Operations remembered, and how many of them are compiled (for tests and diagnostics). */
  stats(): { operations: number; compiled: number };
}

export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): CompiledExecution {
  const compileAfter = options.compileAfter ?? 2;
  const maxOperations = options.maxOperations ?? 500;
  const maxCompiledFields = options.maxCompiledFields ?? 250;
  if (!(Number.isInteger(compileAfter) || compileAfter === Infinity) || compileAfter < 0) throw new RangeError(`compileAfter must be a non-negative integer, got ${compileAfter}`);
  if (!Number.isInteger(maxOperations) || maxOperations < 1) throw new RangeError(`maxOperations must be a positive integer, got ${maxOperations}`);
  if (!Number.isInteger(maxCompiledFields) || maxCompiledFields < 1) throw new RangeError(`maxCompiledFields must be a positive integer, got ${maxCompiledFields}`);

  // Keyed by the operation's node: Apollo hands back the same parsed document
  // for the same query text while it is in its document cache, and a node
  // belongs to one document and names one operation in it.
  const operations = new Map<OperationDefinitionNode, OperationEntry>();
  let clock = 0;

  function forgetLeastRecentlyUsedHalf() {
    const byAge = [...operations].sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [operation] of byAge.slice(0, Math.ceil(byAge.length / 2))) operations.delete(operation);
  }

  function entryFor(operation: OperationDefinitionNode): OperationEntry {
    let entry = operations.get(operation);
    if (entry === undefined) {
      if (operations.size >= maxOperations) forgetLeastRecentlyUsedHalf();
      entry = { seen: 0, lastUsed: 0 };
      operations.set(operation, entry);
    }
    entry.lastUsed = ++clock;
    return entry;
  }

  function compile(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | undefined,
    logger: GatewayGraphQLRequestContext["logger"],
  ): CompiledQuery | null {
    if (compilationSize(schema, document, operation, maxCompiledFields) > maxCompiledFields) return null;
    try {
      const compiled = compileQuery(schema, document, operationName);
      if (isCompiledQuery(compiled)) return compiled;
      logger.warn(`graphql-jit declined operation ${operationName ?? "(anonymous)"}; it runs on graphql-js: ${compiled.errors?.map((e) => e.message).join("; ")}`);
    } catch (error) {
      logger.warn(`graphql-jit failed on operation ${operationName ?? "(anonymous)"}; it runs on graphql-js: ${String(error)}`);
    }
    return null;
  }

  const executor: GatewayExecutor = async ({ document, operation, request, context, logger }: GatewayGraphQLRequestContext) => {
    const operationName = request.operationName ?? undefined;
    const interpret = () => execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    // No operation by that name (or several and no name): graphql-js says so, and Apollo answers 400.
    if (!operation) return interpret();
    const entry = entryFor(operation);
    if (entry.compiled === undefined && ++entry.seen > compileAfter) entry.compiled = compile(document, operation, operationName, logger);
    if (!entry.compiled) return interpret();
    const result = (await entry.compiled.query(undefined, context, request.variables ?? {})) as ExecutionResult;
    return result.errors ? interpret() : result;
  };

  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {
      operations.clear();
    },
  };

  return {
    gateway,
    stats: () => ({ operations: operations.size, compiled: [...operations.values()].filter((e) => e.compiled).length }),
  };
}
