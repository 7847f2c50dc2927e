/**
 * The commands that ask the graph something: `path`, `neighbors`, `search`
 * and `export`. Entities are given by id or name; they call the same service
 * and export code as the server. Exit codes: 0 found, 1 not found or no path
 * (an unknown or ambiguous name lists the closest matches), 2 bad usage.
 */
import { writeFileSync } from "node:fs";
import { exportNeighborhood, exportPath, exportWholeGraph } from "../export/exports.js";
import { FORMAT_INFO, edgesKeyOf, formatNamed, serialize } from "../export/formats.js";
import type { ExportGraph } from "../export/export-graph.js";
import type { EntityRecord } from "../model/records.js";
import { reportOf } from "../service/error-reports.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { LIMITS } from "../service/limits.js";
import { kindConstant, neighborhoodRequest, walkRequest } from "../service/requests.js";
import type { PathView } from "../service/views.js";
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
}

class NotResolved extends Error {}

const label = (e: EntityRecord) => `${e.name} (${e.id}, ${kindConstant(e.kind)})`;

function resolveEntity(service: KnowledgeService, text: string, out: Output): EntityRecord {
  const result = service.resolve(text);
  if ("entity" in result) return result.entity;
  if (!result.ambiguous && result.candidates.length === 0) {
    out.error(`No entity matches "${text}".`);
    throw new NotResolved();
  }
  out.error(result.ambiguous ? `"${text}" matches several entities; give one of these ids:` : `No entity matches "${text}". Closest:`);
  out.error(table(["id", "kind", "name"], result.candidates.map((e) => [e.id, kindConstant(e.kind), e.name])));
  throw new NotResolved();
}

/** The walk options, checked before any name is resolved (a usage error comes first). */
const walkOf = (options: QueryOptions) => walkRequest({ relationTypes: options.types, direction: options.direction });

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

export function runPath(service: KnowledgeService, from: string, to: string, options: QueryOptions, out: Output): number {
  const walk = walkOf(options);
  const a = resolveEntity(service, from, out);
  const b = resolveEntity(service, to, out);
  const path = service.shortestPath({ from: a.id, to: b.id, ...walk });
  if (path === null) {
    if (options.json) out.log("null");
    else out.error(`No path from ${label(a)} to ${label(b)} with the given relation types and direction.`);
    return EXIT.NOT_FOUND_OR_INVALID;
  }
  if (options.json) {
    out.log(
      JSON.stringify(
        {
          length: path.length,
          nodes: path.nodes.map((n) => ({ id: n.id, name: n.name, kind: kindConstant(n.kind) })),
          steps: path.steps.map((s) => ({ from: s.from.id, relation: s.relation.id, type: s.relation.type, direction: s.direction.toUpperCase(), to: s.to.id })),
        },
        null,
        2,
      ),
    );
  } else {
    printPath(path, out);
  }
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

export function runExport(service: KnowledgeService, options: QueryOptions, out: Output): number {
  const format = formatNamed(options.format);
  const edgesKey = edgesKeyOf(options.edgesKey);
  if (options.id !== undefined && (options.from !== undefined || options.to !== undefined)) {
    throw new UsageError("export takes either --id (a neighbourhood) or --from and --to (a path), not both");
  }
  if ((options.from === undefined) !== (options.to === undefined)) throw new UsageError("export --from needs --to, and --to needs --from");

  const walk = walkOf(options);
  let graph: ExportGraph;
  if (options.id !== undefined) {
    const request = neighborhoodRequest({ id: options.id, depth: options.depth, limit: options.limit, ...walk });
    const entity = resolveEntity(service, options.id, out);
    graph = exportNeighborhood(service, { ...request, id: entity.id });
  } else if (options.from !== undefined && options.to !== undefined) {
    const a = resolveEntity(service, options.from, out);
    const b = resolveEntity(service, options.to, out);
    graph = exportPath(service, { from: a.id, to: b.id, ...walk });
  } else {
    if (options.depth !== undefined) throw new UsageError("--depth needs --id");
    graph = exportWholeGraph(service);
  }
  const text = serialize(graph, format, { edgesKey });
  if (options.output !== undefined) {
    writeFileSync(options.output, text);
    out.error(`wrote ${graph.nodes.length} entities and ${graph.edges.length} relations as ${FORMAT_INFO[format].extension} to ${options.output}`);
  } else {
    out.log(text);
  }
  return EXIT.OK;
}

/**
 * Runs a query command: an unresolved entity is exit code 1; a domain error
 * is reported as service/error-reports.ts says, an argument error as a usage
 * error naming its option.
 */
export function runQuery(run: () => number, out: Output): number {
  try {
    return run();
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
