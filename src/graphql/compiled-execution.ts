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
 * tests/graphql/compiled-execution.test.ts, with one difference the spec
 * allows: when a non-null field fails, graphql-js stops at the first failing
 * field while graphql-jit reports every failing sibling too.
 *
 * Apollo Server takes another executor only through its gateway interface,
 * which is why this module speaks it. Parsing, validation, the cost limit and
 * error formatting stay Apollo's.
 */
import { GraphQLError, Source, execute } from "graphql";
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

/**
 * graphql-jit's errors look like graphql-js's but carry `locations` instead of
 * the source positions they came from, have no `extensions` object (which
 * Apollo's error handling expects), and are listed in another order. They are
 * rebuilt as graphql-js makes them: positions recovered from the locations in
 * the source, in document order (graphql-js's order for synchronous fields).
 */
function asGraphQLJsErrors(errors: readonly GraphQLError[], query: string): GraphQLError[] {
  const lineStarts = [0];
  for (let i = query.indexOf("\n"); i !== -1; i = query.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const source = new Source(query);
  const rebuilt = errors.map((error) => {
    const positions = error.locations?.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1) ?? [];
    return new GraphQLError(error.message, {
      ...(positions.length ? { source, positions } : {}),
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
  });
  const at = (error: GraphQLError) => error.positions?.[0] ?? -1;
  return rebuilt.sort((a, b) => at(a) - at(b));
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

  const executor: GatewayExecutor = async ({ document, operation, request, context, source, logger }: GatewayGraphQLRequestContext) => {
    const operationName = request.operationName ?? undefined;
    const entry = entryFor(operation);
    if (entry.compiled === undefined && ++entry.seen > compileAfter) entry.compiled = compile(document, operation, operationName, logger);
    if (!entry.compiled) return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    const result = (await entry.compiled.query(undefined, context, request.variables ?? {})) as ExecutionResult;
    return result.errors ? { ...result, errors: asGraphQLJsErrors(result.errors, source) } : result;
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
