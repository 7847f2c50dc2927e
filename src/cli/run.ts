/**
 * Command-line entry: parses arguments, checks each command gets only its own
 * options, and dispatches. Exit codes: 0 success, 1 invalid data / not found /
 * no path, 2 bad usage.
 */
import { parseArgs } from "node:util";
import { openService } from "../service/open-service.js";
import { BUNDLED_DATA_DIR } from "../paths.js";
import { DataValidationError, formatProblem } from "../loading/problems.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { runNeighbors, runPath, runQuery, runSearch, runTableCommand } from "./query-commands.js";

import { isOrigin } from "../http/cors.js";
import { EXIT, UsageError } from "./usage.js";
import type { Output } from "./usage.js";

export const USAGE = `Usage: conflict-graph <command> [arguments] [options]

Commands:
  serve                      Serve the GraphQL endpoint (default http://127.0.0.1:4000/graphql);
                             with DATABASE_URL set, the PostgreSQL store instead of --data,
                             reloaded whenever it changes (docs/operations.md)
      --port N               Port (default: $PORT or 4000; 0 picks a free port)
      --host H               Interface to bind (default: $HOST or 127.0.0.1)
      --shutdown-grace S     Seconds requests in flight may take to finish after
                             SIGTERM (default: $SHUTDOWN_GRACE or 10)
      --cors-origins O1,O2   Origins browsers may call from, e.g. https://notebook.example.org
                             (default: $CORS_ORIGINS or none: no cross-origin access)
      --cache-control V      Cache-Control of GET answers (default: $CACHE_CONTROL or no-cache);
                             GET answers carry an ETag and are answered 304 when unchanged
      --traversal T          With DATABASE_URL: where the API's shortestPath and neighborhood run,
                             memory or database (default: $TRAVERSAL or memory)
  validate                   Validate the data and print counts per kind and relation type
      --source PATH          Also check every evidence excerpt against this text
                             (repeatable; ID=PATH when there are several documents)
      --source-dir DIR       Check the excerpts and positions of every document whose text is in DIR,
                             each text found by the SHA-256 its document records; a document
                             with no text there is reported by id
      --draft FILE           Validate a draft with the data (proposed records allowed)
                             and print what a curator must still decide
  draft <text>               Draft records from a new text for a curator to review: mentions of
                             known entities, candidate entities, dates, events, relations and
                             claims, every one status: proposed, in one YAML file (docs/drafting.md)
      --published DATE       The day the text was published, YYYY-MM-DD (required): the years
                             the text leaves out are inferred from it
      --title TEXT           The document's title (default: its first line, if a heading)
      --output FILE          Where to write (default: <text name>.draft.yaml here); written
                             whole or not at all
  merge <draft>              Fold a reviewed draft (no record still proposed) into the data:
                             records the data has gain its evidence (relations, entities),
                             corroboration (claims of the same figure and source) or a new
                             account (another figure); the rest is added, in files named after
                             the draft's document. Refused, with every problem listed and nothing
                             written, when the result would not validate (docs/drafting.md)
      --dry-run              Print what would change, file by file; write nothing
      --database             Merge into the PostgreSQL store DATABASE_URL names instead, in one
                             transaction (replicas following it reload)
  db migrate                 Create or update the PostgreSQL schema in DATABASE_URL's database
                             (run as the database's owner; docs/operations.md)
  db import                  Load the data directory (--data) into the database, in one transaction
      --replace              Replace the data it already holds (refused otherwise)
  db export <dir>            Write the database's data as a data directory (new or empty <dir>)
  db status                  The schema's state, the data version and counts
  path <A> <B>               The shortest path between two entities
      --types T1,T2          Relation types to follow (default: all)
      --direction D          forward, backward or either (default: either)
      --all                  Every shortest path (at most 50)
      --k N                  The N shortest paths, by length (1 to 50)
  neighbors <A>              Entities within --depth hops of an entity, and the relations among them
      --depth N              Hops, 0 to 4 (default 1)
      --limit N              Most entities, 1 to 500 (default 100)
      --types, --direction   As for path
  search <text>              Entities matching the text (names, aliases, spelling variants, ids,
                             descriptions), best first, with the score and the field that matched
      --kind K               Only this kind (MILITIA, OFFICIAL, EVENT, ...)
      --limit N              Most results, 1 to 100 (default 20)
  events                     The timeline: one line per event (--csv, --json: every column)
      --from D, --to D       Dates YYYY, YYYY-MM or YYYY-MM-DD; events that may fall between them
      --within               Only events whose whole date range lies between --from and --to
      --types T1,T2          Event types (AIRSTRIKE, ROCKET_ATTACK, ...)
      --perpetrators A,B     Only events these carried out;  --targets A,B: that struck these
      --involving A          Only events joined to A;  --country C: only events in country C
  claims                     Claims (figures with their source and account), one line each
      --measures M1,M2       KILLED, WOUNDED, ...;  --subject A: claims about A
      --attribution TEXT     Only claims whose attribution contains TEXT;  --ranks R1,R2
  export                     The whole graph, a neighbourhood (--id) or a path (--from, --to) as a file,
                             or a table (--table events|claims|relations|entities) with its filters
      --format F             Graphs: node-link (default), graphology, gexf, graphml, cytoscape;
                             tables: csv (default), parquet, jsonl
      --id A [--depth N] [--limit N]
      --from A --to B        (for --table events: dates, as for events)
      --types, --direction   As for path
      --edges-key K          links (default) or edges, for node-link
      --output FILE          Write to FILE instead of standard output

Entities are given by id (kataib-hezbollah) or by name ("Kata'ib Hezbollah", KH, Biden);
an ambiguous name lists the candidates, an unknown one the nearest names.

Common options:
  --json                     Machine-readable output (path, neighbors, search; events and claims: JSON Lines)
  --csv                      CSV output (events, claims)
  --data DIR                 Data directory (default: $DATA_DIR or the bundled data/)
  --help                     Show this help

Exit codes: 0 found, 1 not found / no path / invalid data / a text that cannot be drafted / a draft
not merged, 2 bad usage.`;

const COMMANDS = {
  serve: { arity: 0, options: ["port", "host", "shutdown-grace", "cors-origins", "cache-control", "traversal"] },
  validate: { arity: 0, options: ["source", "source-dir", "draft"] },
  draft: { arity: 1, options: ["published", "title", "output"] },
  merge: { arity: 1, options: ["dry-run", "database"] },
  db: { arity: 1, options: ["replace"] },
  path: { arity: 2, options: ["types", "direction", "json", "all", "k"] },
  neighbors: { arity: 1, options: ["depth", "limit", "types", "direction", "json"] },
  search: { arity: 1, options: ["kind", "limit", "json"] },
  events: { arity: 0, options: ["from", "to", "within", "types", "perpetrators", "targets", "involving", "country", "csv", "json"] },
  claims: { arity: 0, options: ["measures", "subject", "attribution", "ranks", "csv", "json"] },
  export: {
    arity: 0,
    options: ["format", "id", "depth", "limit", "from", "to", "types", "direction", "edges-key", "output", "table", "within", "perpetrators", "targets", "involving", "country", "measures", "subject", "attribution", "ranks"],
  },
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

async function loadOrReport(dataDir: string, out: Output): Promise<KnowledgeService | null> {
  try {
    return await openService(dataDir);
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
        "source-dir": { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        "shutdown-grace": { type: "string" },
        "cors-origins": { type: "string" },
        "cache-control": { type: "string" },
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
        all: { type: "boolean" },
        k: { type: "string" },
        csv: { type: "boolean" },
        within: { type: "boolean" },
        perpetrators: { type: "string" },
        targets: { type: "string" },
        involving: { type: "string" },
        country: { type: "string" },
        measures: { type: "string" },
        subject: { type: "string" },
        attribution: { type: "string" },
        ranks: { type: "string" },
        table: { type: "string" },
        draft: { type: "string" },
        published: { type: "string" },
        title: { type: "string" },
        "dry-run": { type: "boolean" },
        database: { type: "boolean" },
        replace: { type: "boolean" },
        traversal: { type: "string" },
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
    if (command === "db") {
      const { DB_SUBCOMMANDS, runDb } = await import("./db-command.js");
      const [subcommand, ...rest] = args;
      if (subcommand === undefined || !(subcommand in DB_SUBCOMMANDS)) throw new UsageError(`db takes one of ${Object.keys(DB_SUBCOMMANDS).join(", ")} (got ${subcommand === undefined ? "nothing" : `"${subcommand}"`})`);
      const arity = DB_SUBCOMMANDS[subcommand as keyof typeof DB_SUBCOMMANDS];
      if (rest.length !== arity) throw new UsageError(`db ${subcommand} takes ${arity === 0 ? "no arguments" : "one argument, the directory to write"} (got ${rest.length})`);
      for (const option of Object.keys(values)) {
        if (option !== "data" && !(option === "replace" && subcommand === "import")) throw new UsageError(`--${option} does not apply to db ${subcommand}`);
      }
      if (values.data !== undefined && subcommand !== "import") throw new UsageError(`--data does not apply to db ${subcommand}`);
      const dataDir = values.data ?? process.env["DATA_DIR"] ?? BUNDLED_DATA_DIR;
      return await runDb({ subcommand: subcommand as keyof typeof DB_SUBCOMMANDS, target: rest[0], dataDir, replace: values.replace ?? false }, out);
    }
    if (args.length !== spec.arity) {
      throw new UsageError(`${command} takes ${spec.arity === 0 ? "no arguments" : `${spec.arity} argument${spec.arity > 1 ? "s" : ""}`} (got ${args.length})`);
    }
    for (const option of Object.keys(values)) {
      if (option !== "data" && !(spec.options as readonly string[]).includes(option)) throw new UsageError(`--${option} does not apply to ${command}`);
    }
    const dataDir = values.data ?? process.env["DATA_DIR"] ?? BUNDLED_DATA_DIR;
    if (command === "validate" && process.env["DATABASE_URL"]) out.error(`note: DATABASE_URL is set, but validate checks the data directory ${dataDir} (db export writes the store out as one)`);
    if (command === "validate") {
      const { runValidate } = await import("./validate-command.js");
      return runValidate({ dataDir, sources: values.source ?? [], sourceDir: values["source-dir"], draft: values.draft }, out);
    }
    if (command === "draft") {
      const { runDraft } = await import("./draft-command.js");
      return await runDraft({ text: args[0]!, published: values.published, title: values.title, output: values.output, dataDir }, out);
    }
    if (command === "merge") {
      const { runMerge } = await import("./merge-command.js");
      return await runMerge({ draft: args[0]!, dataDir, dryRun: values["dry-run"] ?? false, database: values.database ?? false, dataGiven: values.data !== undefined }, out);
    }
    if (command === "serve") {
      const port = parsePort(values.port ?? process.env["PORT"] ?? "4000");
      const shutdownGraceMs = parseGrace(values["shutdown-grace"] ?? process.env["SHUTDOWN_GRACE"] ?? "10");
      // The GraphQL stack loads only for `serve`, so the other commands start fast.
      const { runServe } = await import("./serve-command.js");
      const corsOrigins = (values["cors-origins"] ?? process.env["CORS_ORIGINS"] ?? "").split(",").map((o) => o.trim()).filter((o) => o !== "");
      for (const origin of corsOrigins) {
        if (!isOrigin(origin)) throw new UsageError(`--cors-origins: "${origin}" is not an origin like https://example.org (no path, no wildcard)`);
      }
      const cacheControl = values["cache-control"] ?? process.env["CACHE_CONTROL"];
      // eslint-disable-next-line no-control-regex
      if (cacheControl !== undefined && (cacheControl.trim() === "" || /[\u0000-\u001f\u007f]/.test(cacheControl))) throw new UsageError("--cache-control must be a header value, e.g. no-cache or max-age=60");
      const { databaseUrlFromEnvironment } = await import("../database/connection.js");
      const databaseUrl = databaseUrlFromEnvironment();
      if (databaseUrl !== undefined && (values.data !== undefined || process.env["DATA_DIR"])) throw new UsageError(`serve: DATABASE_URL is set, so the data comes from the database; unset it to serve ${values.data !== undefined ? "--data DIR" : "DATA_DIR"}`);
      const traversal = values.traversal ?? process.env["TRAVERSAL"] ?? "memory";
      if (traversal !== "memory" && traversal !== "database") throw new UsageError(`--traversal (or TRAVERSAL) must be memory or database (got "${traversal}")`);
      if (traversal === "database" && databaseUrl === undefined) throw new UsageError("--traversal database needs DATABASE_URL: the traversals run in the PostgreSQL store the data comes from");
      return await runServe({ dataDir, port, host: values.host ?? process.env["HOST"] ?? "127.0.0.1", shutdownGraceMs, corsOrigins, cacheControl, databaseUrl, traversal }, out);
    }

    if (process.env["DATABASE_URL"]) out.error(`note: DATABASE_URL is set, but ${command} reads the data directory ${dataDir} (serve, db and merge --database use the database)`);
    const options = { ...values, json: values.json ?? false, edgesKey: values["edges-key"] };
    const service = await loadOrReport(dataDir, out);
    if (service === null) return EXIT.NOT_FOUND_OR_INVALID;
    return await runQuery(async () => {
      switch (command) {
        case "path":
          return runPath(service, args[0]!, args[1]!, options, out);
        case "neighbors":
          return runNeighbors(service, args[0]!, options, out);
        case "search":
          return runSearch(service, args[0]!, options, out);
        case "events":
        case "claims":
          return runTableCommand(service, command, options, out);
        case "export": {
          const { runExport } = await import("./export-command.js");
          return runExport(service, options, out);
        }
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
