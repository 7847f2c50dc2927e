/**
 * The commands that ask the graph something: `path`, `neighbors`, `search`,
 * `events` and `claims`. Entities are given by id or name; they call the same
 * service and table code as the server. Exit codes: 0 found, 1 not found or no path
 * (an unknown or ambiguous name lists the closest matches), 2 bad usage.
 */
import type { EntityRecord } from "../model/records.js";
import { reportOf } from "../service/error-reports.js";
import type { EntityRole, KnowledgeService } from "../service/knowledge-service.js";
import { LIMITS } from "../service/limits.js";
import { integer, kindConstant, neighborhoodRequest, walkRequest } from "../service/requests.js";
import type { PathView } from "../service/views.js";
import { ALL_TABLE_FILTERS } from "../export/tables.js";
import type { BoundTable } from "../export/tables.js";
import type { TableFormat } from "../export/table-formats.js";
import { table } from "./table.js";
import { EXIT, UsageError } from "./usage.js";
import type { Output } from "./usage.js";

export interface QueryOptions {
  readonly json: boolean;
  readonly depth?: string | undefined;
  readonly limit?: string | undefined;
  readonly types?: string | undefined;
  readonly direction?: string | undefined;
  readonly kind?: string | undefined;
  readonly format?: string | undefined;
  readonly id?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly output?: string | undefined;
  readonly edgesKey?: string | undefined;
  readonly all?: boolean | undefined;
  readonly k?: string | undefined;
  readonly csv?: boolean | undefined;
  readonly within?: boolean | undefined;
  readonly perpetrators?: string | undefined;
  readonly targets?: string | undefined;
  readonly involving?: string | undefined;
  readonly country?: string | undefined;
  readonly measures?: string | undefined;
  readonly subject?: string | undefined;
  readonly attribution?: string | undefined;
  readonly ranks?: string | undefined;
  readonly table?: string | undefined;
}

class NotResolved extends Error {}

const label = (e: EntityRecord) => `${e.name} (${e.id}, ${kindConstant(e.kind)})`;

export function resolveEntity(service: KnowledgeService, text: string, out: Output, role: EntityRole = "any"): EntityRecord {
  const result = service.resolve(text, role);
  if ("entity" in result) return result.entity;
  const what = role === "any" ? "entity" : role === "country" ? "country" : `possible ${role}`;
  if (!result.ambiguous && result.candidates.length === 0) {
    out.error(`No ${what} matches "${text}".`);
    throw new NotResolved();
  }
  out.error(result.ambiguous ? `"${text}" matches several entities; give one of these ids:` : `No ${what} matches "${text}". Closest:`);
  out.error(table(["id", "kind", "name"], result.candidates.map((e) => [e.id, kindConstant(e.kind), e.name])));
  throw new NotResolved();
}

/** The walk options, checked before any name is resolved (a usage error comes first). */
export const walkOf = (options: QueryOptions) => walkRequest({ relationTypes: options.types, direction: options.direction });

/** The option a request argument comes from, for error messages. */
const FLAGS: Record<string, string> = { relationTypes: "types", edgesKey: "edges-key", first: "limit" };

function printPath(path: PathView, out: Output) {
  const [start, ...rest] = path.nodes;
  out.log(`${path.length} step${path.length === 1 ? "" : "s"}:`);
  out.log(`  ${label(start!)}`);
  path.steps.forEach((step, i) => {
    const type = step.relation.type;
    const arrow = step.direction === "forward" ? `--${type}-->` : `<--${type}--`;
    out.log(`  ${arrow} ${label(rest[i]!)}`);
  });
}

const pathJson = (path: PathView) => ({
  length: path.length,
  nodes: path.nodes.map((n) => ({ id: n.id, name: n.name, kind: kindConstant(n.kind) })),
  steps: path.steps.map((s) => ({ from: s.from.id, relation: s.relation.id, type: s.relation.type, direction: s.direction.toUpperCase(), to: s.to.id })),
});

/** `path A B`: the shortest path; with --all, every shortest path; with --k N, the N shortest paths (loopless, by length). */
export function runPath(service: KnowledgeService, from: string, to: string, options: QueryOptions, out: Output): number {
  if (options.all && options.k !== undefined) throw new UsageError("path takes --all or --k, not both");
  const walk = walkOf(options);
  const a = resolveEntity(service, from, out);
  const b = resolveEntity(service, to, out);
  const request = { from: a.id, to: b.id, ...walk };
  let paths: PathView[];
  if (options.all) paths = service.allShortestPaths({ ...request, limit: LIMITS.paths.max });
  else if (options.k !== undefined) paths = service.paths({ ...request, limit: integer({ k: options.k }, "k", 1, LIMITS.paths.max, 1) });
  else {
    const path = service.shortestPath(request);
    paths = path === null ? [] : [path];
  }
  if (paths.length === 0) {
    if (options.json) out.log(options.all || options.k !== undefined ? "[]" : "null");
    else out.error(`No path from ${label(a)} to ${label(b)} with the given relation types and direction.`);
    return EXIT.NOT_FOUND_OR_INVALID;
  }
  if (options.json) {
    out.log(JSON.stringify(options.all || options.k !== undefined ? paths.map(pathJson) : pathJson(paths[0]!), null, 2));
    return EXIT.OK;
  }
  paths.forEach((path, i) => {
    if (paths.length > 1) out.log(`${i === 0 ? "" : "\n"}Path ${i + 1} of ${paths.length}:`);
    printPath(path, out);
  });
  return EXIT.OK;
}

export function runNeighbors(service: KnowledgeService, name: string, options: QueryOptions, out: Output): number {
  const request = neighborhoodRequest({ id: name, depth: options.depth, limit: options.limit, ...walkOf(options) });
  const entity = resolveEntity(service, name, out);
  const view = service.neighborhood({ ...request, id: entity.id });
  if (options.json) {
    out.log(
      JSON.stringify(
        {
          center: view.center,
          depth: view.depth,
          truncated: view.truncated,
          nodes: view.nodes.map((n) => ({ id: n.entity.id, name: n.entity.name, kind: kindConstant(n.entity.kind), depth: n.depth })),
          edges: view.edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target })),
        },
        null,
        2,
      ),
    );
    return EXIT.OK;
  }
  out.log(table(["depth", "id", "kind", "name"], view.nodes.map((n) => [String(n.depth), n.entity.id, kindConstant(n.entity.kind), n.entity.name])));
  out.log(`\nRelations:`);
  out.log(table(["relation", "source", "type", "target"], view.edges.map((e) => [e.id, e.source, e.type, e.target])));
  out.log(`\n${view.nodes.length} entities, ${view.edges.length} relations within ${view.depth} hop${view.depth === 1 ? "" : "s"} of ${label(entity)}.`);
  if (view.truncated) out.log(`Truncated at --limit ${view.nodes.length}: the closest entities are shown.`);
  return EXIT.OK;
}

export function runSearch(service: KnowledgeService, text: string, options: QueryOptions, out: Output): number {
  const page = service.search({ text, first: options.limit, kind: options.kind });
  if (options.json) {
    const entities = page.items.map(({ entity: e, score, field }) => ({ id: e.id, name: e.name, kind: kindConstant(e.kind), aliases: e.aliases ?? [], score, field }));
    out.log(JSON.stringify({ totalCount: page.totalCount, entities }, null, 2));
  } else if (page.totalCount > 0) {
    const rows = page.items.map(({ entity: e, score, field }) => [score.toFixed(2), field, e.id, kindConstant(e.kind), e.name]);
    out.log(table(["score", "matched", "id", "kind", "name"], rows));
    if (page.hasNextPage) out.log(`\n${page.items.length} of ${page.totalCount} shown; raise --limit (at most ${LIMITS.pageSize.max}) to see more.`);
  } else {
    out.error(`Nothing matches "${text}".`);
  }
  return page.totalCount > 0 ? EXIT.OK : EXIT.NOT_FOUND_OR_INVALID;
}

/**
 * Runs a query command: an unresolved entity is exit code 1; a domain error
 * is reported as service/error-reports.ts says, an argument error as a usage
 * error naming its option.
 */
export async function runQuery(run: () => number | Promise<number>, out: Output): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotResolved) return EXIT.NOT_FOUND_OR_INVALID;
    const report = reportOf(error);
    if (report === null) throw error;
    if (report.code === "BAD_USER_INPUT") {
      const argument = String(report.extensions["argument"]);
      throw new UsageError(`--${FLAGS[argument] ?? argument}: ${report.message.slice(argument.length + 2)}`);
    }
    out.error(report.message);
    return report.exitCode;
  }
}

/** Options as the request arguments of a table (events: the timeline's filters; claims: the claims query's). */
const tableFilters = (options: QueryOptions) => Object.fromEntries(ALL_TABLE_FILTERS.map((filter) => [filter, options[filter]])) as Pick<QueryOptions, (typeof ALL_TABLE_FILTERS)[number]>;

/** Names given for entity options, resolved to ids as the export routes resolve them. */
/** Names given for entity options, resolved to ids as the export routes resolve them; a name that is not an exact id is reported with the entity it stands for. */
export function resolvedFilters(service: KnowledgeService, options: QueryOptions, out: Output) {
  const filters = tableFilters(options);
  const resolved = (option: string, text: string, role: EntityRole) => {
    const entity = resolveEntity(service, text, out, role);
    if (entity.id !== text) out.error(`--${option} "${text}": ${label(entity)}`);
    return entity.id;
  };
  const one = (option: string, text: string | undefined, role: EntityRole) => (text === undefined ? undefined : resolved(option, text, role));
  const many = (option: string, text: string | undefined, role: EntityRole) =>
    text === undefined ? undefined : text.split(",").map((name) => resolved(option, name.trim(), role)).join(",");
  return {
    ...filters,
    involving: one("involving", filters.involving, "any"),
    country: one("country", filters.country, "country"),
    subject: one("subject", filters.subject, "any"),
    perpetrators: many("perpetrators", filters.perpetrators, "perpetrator"),
    targets: many("targets", filters.targets, "target"),
  };
}

/** `events` and `claims`: the table as CSV (--csv), JSON Lines (--json) or a terminal table of its main columns. */
export async function runTableCommand(service: KnowledgeService, name: "events" | "claims", options: QueryOptions, out: Output): Promise<number> {
  if (options.csv && options.json) throw new UsageError(`${name} takes --csv or --json, not both`);
  const { tableOf } = await import("../export/tables.js");
  const bound = tableOf(service, name, resolvedFilters(service, options, out));
  if (options.csv || options.json) {
    await writeTableTo(bound, options.csv ? "csv" : "jsonl", out);
    return EXIT.OK;
  }
  const shown = name === "events" ? ["event_date", "event_type", "short_name", "country", "fatalities_best", "event_id"] : ["subject_id", "measure", "qualifier", "count", "account", "attribution"];
  const at = shown.map((column) => bound.columns.findIndex((c) => c.name === column));
  const rows = [...bound.rows].map((row) => at.map((i) => (row[i] === null ? "" : String(row[i]))));
  if (rows.length === 0) {
    out.error(`No ${name} match.`);
    return EXIT.NOT_FOUND_OR_INVALID;
  }
  out.log(table(shown, rows));
  out.log(`\n${rows.length} ${name}. --csv or --json for every column.`);
  return EXIT.OK;
}

/** Streams a table to the output's stream when it has one, else line by line through `log`. */
export async function writeTableTo(bound: BoundTable, format: TableFormat, out: Output): Promise<void> {
  const { writeTable } = await import("../export/table-formats.js");
  if (out.stdout) {
    await writeTable(bound, format, out.stdout);
    return;
  }
  const { PassThrough } = await import("node:stream");
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeTable(bound, format, sink);
  out.log(Buffer.concat(chunks).toString("utf8").replace(/\n$/, ""));
}
