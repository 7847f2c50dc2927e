/**
 * Command-line entry: parses arguments and dispatches to a command.
 * Exit codes: 0 success, 1 invalid data / not found, 2 bad usage.
 */
import { parseArgs } from "node:util";
import { BUNDLED_DATA_DIR } from "../loading/load.js";
import { runServe } from "./serve-command.js";
import { runValidate } from "./validate-command.js";
import { EXIT, UsageError } from "./usage.js";
import type { Output } from "./usage.js";

export const USAGE = `Usage: conflict-graph <command> [options]

Commands:
  serve                 Serve the GraphQL endpoint (default http://localhost:4000/graphql)
      --port N          Port to listen on (default: $PORT or 4000; 0 picks a free port)
      --host H          Interface to bind (default: $HOST or 127.0.0.1)
  validate              Validate the data files and print counts per kind and relation type
      --source PATH     Also check every evidence excerpt against this document text
                        (repeatable; write ID=PATH when there are several documents)

Common options:
  --data DIR            Data directory (default: $DATA_DIR or the bundled data/)
  --help                Show this help`;

function parsePort(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${text}"`);
  return Number(text);
}

export async function runCli(argv: readonly string[], out: Output): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: "string" },
        source: { type: "string", multiple: true },
        port: { type: "string" },
        host: { type: "string" },
        help: { type: "boolean" },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === "help") {
      out.log(USAGE);
      return EXIT.OK;
    }
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const dataDir = values.data ?? process.env["DATA_DIR"] ?? BUNDLED_DATA_DIR;
    switch (command) {
      case "validate":
        return runValidate({ dataDir, sources: values.source ?? [] }, out);
      case "serve": {
        const port = parsePort(values.port ?? process.env["PORT"] ?? "4000");
        return await runServe({ dataDir, port, host: values.host ?? process.env["HOST"] ?? "127.0.0.1" }, out);
      }
      case undefined:
        throw new UsageError("no command given");
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      out.error(`error: ${error.message}\n\n${USAGE}`);
      return EXIT.USAGE;
    }
    throw error;
  }
}
