/**
 * Command-line entry: parses arguments, checks each command gets only its own
 * options, and dispatches. Exit codes: 0 success, 1 invalid data / not found /
 * no path, 2 bad usage.
 */
import { parseArgs } from "node:util";
import { loadService } from "../service/load-service.js";
import { BUNDLED_DATA_DIR } from "../loading/load.js";
import { DataValidationError, formatProblem } from "../loading/problems.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { runExport, runNeighbors, runPath, runQuery, runSearch } from "./query-commands.js";

import { runValidate } from "./validate-command.js";
import { EXIT, UsageError } from "./usage.js";
import type { Output } from "./usage.js";

export const USAGE = `Usage: conflict-graph <command> [arguments] [options]

Commands:
  serve                      Serve the GraphQL endpoint (default http://localhost:4000/graphql)
      --port N               Port (default: $PORT or 4000; 0 picks a free port)
      --host H               Interface to bind (default: $HOST or 127.0.0.1)
      --shutdown-grace S     Seconds requests in flight may take to finish after
                             SIGTERM (default: $SHUTDOWN_GRACE or 10)
  validate                   Validate the data and print counts per kind and relation type
      --source PATH          Also check every evidence excerpt against this text
                             (repeatable; ID=PATH when there are several documents)
  path <A> <B>               The shortest path between two entities
      --types T1,T2          Relation types to follow (default: all)
      --direction D          forward, backward or either (default: either)
  neighbors <A>              Entities within --depth hops of an entity
      --depth N              Hops, 0 to 4 (default 1)
      --limit N              Most entities, 1 to 500 (default 100)
      --types, --direction   As for path
  search <text>              Entities whose id, name or alias contains the text
      --kind K               Only this kind (Militia, Official, Event, ...)
      --limit N              Most results, 1 to 100 (default 20)
  export                     The whole graph, a neighbourhood (--id) or a path (--from, --to) as a file
      --format F             node-link (default), graphology, gexf, graphml, cytoscape
      --id A [--depth N] [--limit N]
      --from A --to B
      --types, --direction   As for path
      --edges-key K          links (default) or edges, for node-link
      --output FILE          Write to FILE instead of standard output

Entities are given by id (kataib-hezbollah) or by name ("Kata'ib Hezbollah", KH);
an unknown or ambiguous name lists the closest matches.

Common options:
  --json                     Machine-readable output (path, neighbors, search)
  --data DIR                 Data directory (default: $DATA_DIR or the bundled data/)
  --help                     Show this help

Exit codes: 0 found, 1 not found / no path / invalid data, 2 bad usage.`;

const COMMANDS = {
  serve: { arity: 0, options: ["port", "host", "shutdown-grace"] },
  validate: { arity: 0, options: ["source"] },
  path: { arity: 2, options: ["types", "direction", "json"] },
  neighbors: { arity: 1, options: ["depth", "limit", "types", "direction", "json"] },
  search: { arity: 1, options: ["kind", "limit", "json"] },
  export: { arity: 0, options: ["format", "id", "depth", "limit", "from", "to", "types", "direction", "edges-key", "output"] },
} as const;
type Command = keyof typeof COMMANDS;

function parsePort(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${text}"`);
  return Number(text);
}

function parseGrace(text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) > 3600) throw new UsageError(`--shutdown-grace must be a number of seconds from 0 to 3600, got "${text}"`);
  return Math.round(Number(text) * 1000);
}

function loadOrReport(dataDir: string, out: Output): KnowledgeService | null {
  try {
    return loadService(dataDir);
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    for (const problem of error.problems) out.error(formatProblem(problem));
    out.error(`\n${error.problems.length} problem(s) in ${dataDir}; run \`conflict-graph validate\` after fixing them.`);
    return null;
  }
}

export async function runCli(argv: readonly string[], out: Output): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: "string" },
        help: { type: "boolean" },
        json: { type: "boolean" },
        source: { type: "string", multiple: true },
        port: { type: "string" },
        host: { type: "string" },
        "shutdown-grace": { type: "string" },
        types: { type: "string" },
        direction: { type: "string" },
        depth: { type: "string" },
        limit: { type: "string" },
        kind: { type: "string" },
        format: { type: "string" },
        id: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        "edges-key": { type: "string" },
        output: { type: "string" },
      },
    });
    const [name, ...args] = positionals;
    if (values.help || name === "help") {
      out.log(USAGE);
      return EXIT.OK;
    }
    if (name === undefined) throw new UsageError("no command given");
    if (!(name in COMMANDS)) throw new UsageError(`unknown command "${name}"`);
    const command = name as Command;
    const spec = COMMANDS[command];
    if (args.length !== spec.arity) {
      throw new UsageError(`${command} takes ${spec.arity === 0 ? "no arguments" : `${spec.arity} argument${spec.arity > 1 ? "s" : ""}`} (got ${args.length})`);
    }
    for (const option of Object.keys(values)) {
      if (option !== "data" && !(spec.options as readonly string[]).includes(option)) throw new UsageError(`--${option} does not apply to ${command}`);
    }
    const dataDir = values.data ?? process.env["DATA_DIR"] ?? BUNDLED_DATA_DIR;
    if (command === "validate") return runValidate({ dataDir, sources: values.source ?? [] }, out);
    if (command === "serve") {
      const port = parsePort(values.port ?? process.env["PORT"] ?? "4000");
      const shutdownGraceMs = parseGrace(values["shutdown-grace"] ?? process.env["SHUTDOWN_GRACE"] ?? "10");
      // The GraphQL stack loads only for `serve`, so the other commands start fast.
      const { runServe } = await import("./serve-command.js");
      return await runServe({ dataDir, port, host: values.host ?? process.env["HOST"] ?? "127.0.0.1", shutdownGraceMs }, out);
    }

    const options = { ...values, json: values.json ?? false, edgesKey: values["edges-key"] };
    const service = loadOrReport(dataDir, out);
    if (service === null) return EXIT.NOT_FOUND_OR_INVALID;
    return runQuery(() => {
      switch (command) {
        case "path":
          return runPath(service, args[0]!, args[1]!, options, out);
        case "neighbors":
          return runNeighbors(service, args[0]!, options, out);
        case "search":
          return runSearch(service, args[0]!, options, out);
        case "export":
          return runExport(service, options, out);
      }
    }, out);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      out.error(`error: ${error.message}\n\nRun with --help for usage.`);
      return EXIT.USAGE;
    }
    throw error;
  }
}
