/**
 * The commands that ask the graph something: `path`, `neighbors`, `search`
 * and `export`. Entities are given by id or name; they call the same service
 * and export code as the server. Exit codes: 0 found, 1 not found or no path
 * (an unknown or ambiguous name lists the closest matches), 2 bad usage.
 */
import { writeFileSync } from "node:fs";
import { BadInputError } from "../errors.js";
import { exportNeighborhood, exportPath, exportWholeGraph } from "../export/exports.js";
import { EXPORT_FORMATS, FORMAT_INFO, serialize } from "../export/formats.js";
import type { EdgesKey, ExportFormat } from "../export/formats.js";
import { filledArgs } from "../graphql/args/bounds.js";
import { LIMITS } from "../graphql/limits.js";
import { EntitiesArgs } from "../graphql/args/list.args.js";
import { NeighborhoodArgs } from "../graphql/args/traversal.args.js";
import { kindEnumName } from "../graphql/enums.js";
import type { Direction } from "../algorithms/index.js";
import { ENTITY_KINDS, RELATION_TYPE_NAMES } from "../model/ontology.js";
import type { EntityKind, RelationType } from "../model/ontology.js";
import type { EntityRecord } from "../model/records.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
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

const label = (e: EntityRecord) => `${e.name} (${e.id}, ${e.kind})`;

function resolveEntity(service: KnowledgeService, text: string, out: Output): EntityRecord {
  const result = service.resolve(text);
  if ("entity" in result) return result.entity;
  out.error(result.ambiguous ? `"${text}" matches several entities; give one of these ids:` : `No entity matches "${text}". Closest:`);
  out.error(table(["id", "kind", "name"], result.candidates.map((e) => [e.id, e.kind, e.name])));
  throw new NotResolved();
}

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${name} must be an integer (got "${text}")`);
  return Number(text);
}

function relationTypes(text: string | undefined): RelationType[] | undefined {
  if (text === undefined) return undefined;
  const types = text.split(",").map((t) => t.trim().toUpperCase()).filter(Boolean);
  for (const type of types) {
    if (!(RELATION_TYPE_NAMES as readonly string[]).includes(type)) {
      throw new UsageError(`--types: unknown relation type "${type}"; expected some of ${RELATION_TYPE_NAMES.join(", ")}`);
    }
  }
  return types as RelationType[];
}

function direction(text: string | undefined): Direction {
  const value = (text ?? "either").toLowerCase();
  if (value !== "forward" && value !== "backward" && value !== "either") {
    throw new UsageError(`--direction must be forward, backward or either (got "${text}")`);
  }
  return value;
}

/** Applies the API's bounds to CLI arguments; out-of-range values are usage errors. */
function bounded<T extends object>(instance: T, values: Partial<T>): T {
  try {
    return filledArgs(instance, values);
  } catch (error) {
    if (error instanceof BadInputError) throw new UsageError(`--${error.argument.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${error.message.slice(error.argument.length + 2)}`);
    throw error;
  }
}

function printPath(path: PathView, out: Output) {
  const [start, ...rest] = path.nodes;
  out.log(`${path.length} step${path.length === 1 ? "" : "s"}:`);
  out.log(`  ${label(start!)}`);
  path.steps.forEach((step, i) => {
    const type = step.relation.type;
    const arrow = step.direction === "FORWARD" ? `--${type}-->` : `<--${type}--`;
    out.log(`  ${arrow} ${label(rest[i]!)}`);
  });
}

export function runPath(service: KnowledgeService, from: string, to: string, options: QueryOptions, out: Output): number {
  const walk = { relationTypes: relationTypes(options.types), direction: direction(options.direction) };
  const a = resolveEntity(service, from, out);
  const b = resolveEntity(service, to, out);
  const path = service.shortestPath(a.id, b.id, walk);
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
          nodes: path.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind })),
          steps: path.steps.map((s) => ({ from: s.from.id, relation: s.relation.id, type: s.relation.type, direction: s.direction, to: s.to.id })),
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
  const entity = resolveEntity(service, name, out);
  const args = bounded(new NeighborhoodArgs(), {
    id: entity.id,
    depth: integer("depth", options.depth) ?? LIMITS.depth.default,
    limit: integer("limit", options.limit) ?? LIMITS.subgraphNodes.default,
    relationTypes: relationTypes(options.types),
    direction: direction(options.direction),
  });
  const view = service.neighborhood(entity.id, args);
  if (options.json) {
    out.log(
      JSON.stringify(
        {
          center: view.center,
          depth: view.depth,
          truncated: view.truncated,
          nodes: view.nodes.map((n) => ({ id: n.entity.id, name: n.entity.name, kind: n.entity.kind, depth: n.depth })),
          edges: view.edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target })),
        },
        null,
        2,
      ),
    );
    return EXIT.OK;
  }
  out.log(table(["depth", "id", "kind", "name"], view.nodes.map((n) => [String(n.depth), n.entity.id, n.entity.kind, n.entity.name])));
  out.log(`\n${view.nodes.length} entities, ${view.edges.length} relations within ${args.depth} hop${args.depth === 1 ? "" : "s"} of ${label(entity)}.`);
  if (view.truncated) out.log(`Truncated at --limit ${args.limit}: the closest entities are shown.`);
  return EXIT.OK;
}

function kindOption(text: string | undefined): EntityKind | undefined {
  if (text === undefined) return undefined;
  const kind = ENTITY_KINDS.find((k) => k.toLowerCase() === text.toLowerCase() || kindEnumName(k) === text.toUpperCase());
  if (!kind) throw new UsageError(`--kind: unknown kind "${text}"; expected one of ${ENTITY_KINDS.join(", ")}`);
  return kind;
}

export function runSearch(service: KnowledgeService, text: string, options: QueryOptions, out: Output): number {
  const args = bounded(new EntitiesArgs(), { search: text, first: integer("limit", options.limit) ?? LIMITS.pageSize.default });
  const page = service.entities({ search: args.search, kind: kindOption(options.kind) }, args.first);
  if (options.json) {
    out.log(JSON.stringify({ totalCount: page.totalCount, entities: page.items.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases ?? [] })) }, null, 2));
  } else if (page.totalCount > 0) {
    out.log(table(["id", "kind", "name", "aliases"], page.items.map((e) => [e.id, e.kind, e.name, (e.aliases ?? []).join(", ")])));
    if (page.hasNextPage) out.log(`\n${page.items.length} of ${page.totalCount} shown; raise --limit (at most ${LIMITS.pageSize.max}) to see more.`);
  } else {
    out.error(`Nothing matches "${text}".`);
  }
  return page.totalCount > 0 ? EXIT.OK : EXIT.NOT_FOUND_OR_INVALID;
}

const FORMAT_NAMES = new Map<string, ExportFormat>(EXPORT_FORMATS.map((f) => [f.toLowerCase().replace("_", "-"), f]));

export function runExport(service: KnowledgeService, options: QueryOptions, out: Output): number {
  const formatName = (options.format ?? "node-link").toLowerCase();
  const format = FORMAT_NAMES.get(formatName);
  if (!format) throw new UsageError(`--format must be one of ${[...FORMAT_NAMES.keys()].join(", ")} (got "${options.format}")`);
  const edgesKey = (options.edgesKey ?? "links") as EdgesKey;
  if (edgesKey !== "links" && edgesKey !== "edges") throw new UsageError(`--edges-key must be links or edges (got "${options.edgesKey}")`);
  if (options.id !== undefined && (options.from !== undefined || options.to !== undefined)) {
    throw new UsageError("export takes either --id (a neighbourhood) or --from and --to (a path), not both");
  }
  if ((options.from === undefined) !== (options.to === undefined)) throw new UsageError("export --from needs --to, and --to needs --from");
  const walk = { relationTypes: relationTypes(options.types), direction: direction(options.direction) };

  let graph;
  if (options.id !== undefined) {
    const entity = resolveEntity(service, options.id, out);
    const args = bounded(new NeighborhoodArgs(), {
      id: entity.id,
      depth: integer("depth", options.depth) ?? LIMITS.depth.default,
      limit: integer("limit", options.limit) ?? LIMITS.subgraphNodes.default,
      ...walk,
    });
    graph = exportNeighborhood(service, entity.id, args);
  } else if (options.from !== undefined && options.to !== undefined) {
    const a = resolveEntity(service, options.from, out);
    const b = resolveEntity(service, options.to, out);
    if (service.shortestPath(a.id, b.id, walk) === null) {
      out.error(`No path from ${label(a)} to ${label(b)} with the given relation types and direction.`);
      return EXIT.NOT_FOUND_OR_INVALID;
    }
    graph = exportPath(service, a.id, b.id, walk);
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

/** Runs a query command, turning an unresolved entity into exit code 1. */
export function runQuery(run: () => number): number {
  try {
    return run();
  } catch (error) {
    if (error instanceof NotResolved) return EXIT.NOT_FOUND_OR_INVALID;
    throw error;
  }
}
