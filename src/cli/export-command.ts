/**
 * `export`: the whole graph, a neighbourhood (--id) or a path (--from, --to)
 * in a graph format, or a table (--table events|claims|relations|entities)
 * as CSV, Parquet or JSON Lines with the table's filters. Loaded only when
 * used, so other commands start without the exporters.
 */
import { createWriteStream, writeFileSync } from "node:fs";
import { finished } from "node:stream/promises";
import { exportNeighborhood, exportPath, exportWholeGraph } from "../export/exports.js";
import type { ExportGraph } from "../export/export-graph.js";
import { FORMAT_INFO, edgesKeyOf, formatNamed, serialize } from "../export/formats.js";
import { ALL_TABLE_FILTERS, TABLE_FILTERS, TABLE_NAMES, tableOf } from "../export/tables.js";
import type { TableName } from "../export/tables.js";
import { TABLE_FORMATS, writeTable } from "../export/table-formats.js";
import type { TableFormat } from "../export/table-formats.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { neighborhoodRequest } from "../service/requests.js";
import { resolveEntity, resolvedFilters, walkOf, writeTableTo } from "./query-commands.js";
import type { QueryOptions } from "./query-commands.js";
import { EXIT, UsageError } from "./usage.js";
import type { Output } from "./usage.js";

/** Table filters that no graph export takes (from, to and types are also the graph exports' own options). */
const TABLE_ONLY = ALL_TABLE_FILTERS.filter((option) => !["from", "to", "types"].includes(option));
const GRAPH_ONLY: ReadonlyArray<keyof QueryOptions> = ["id", "depth", "limit", "edgesKey", "direction"];
const flag = (option: keyof QueryOptions) => `--${option === "edgesKey" ? "edges-key" : option}`;

/** A file that cannot be written is exit 1 with the system's reason, not a stack trace. */
function cannotWrite(error: unknown, path: string, out: Output): number {
  if (!(error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("E"))) throw error;
  out.error(`error: cannot write ${path}: ${error.message}`);
  return EXIT.NOT_FOUND_OR_INVALID;
}

export async function runExport(service: KnowledgeService, options: QueryOptions, out: Output): Promise<number> {
  if (options.table !== undefined) return runTableExport(service, options, out);
  for (const option of TABLE_ONLY) if (options[option] !== undefined) throw new UsageError(`${flag(option)} needs --table`);
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
    try {
      writeFileSync(options.output, text);
    } catch (error) {
      return cannotWrite(error, options.output, out);
    }
    out.error(`wrote ${graph.nodes.length} entities and ${graph.edges.length} relations as ${FORMAT_INFO[format].extension} to ${options.output}`);
  } else {
    out.log(text);
  }
  return EXIT.OK;
}

async function runTableExport(service: KnowledgeService, options: QueryOptions, out: Output): Promise<number> {
  const name = options.table!;
  if (!(TABLE_NAMES as readonly string[]).includes(name)) throw new UsageError(`--table must be one of ${TABLE_NAMES.join(", ")} (got "${name}")`);
  const format = (options.format ?? "csv") as TableFormat;
  if (!(TABLE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format for a table must be one of ${TABLE_FORMATS.join(", ")} (got "${format}")`);
  for (const option of GRAPH_ONLY) if (options[option] !== undefined) throw new UsageError(`${flag(option)} does not apply to --table`);
  const takes: readonly string[] = TABLE_FILTERS[name as TableName];
  for (const option of ALL_TABLE_FILTERS) {
    if (options[option] !== undefined && !takes.includes(option)) {
      throw new UsageError(`${flag(option)} does not apply to --table ${name}; it takes ${takes.map((o) => flag(o as keyof QueryOptions)).join(", ") || "no filters"}`);
    }
  }
  const table = tableOf(service, name as TableName, resolvedFilters(service, options, out));
  if (options.output !== undefined) {
    // Written beside the target and renamed into place, so a failed export leaves no half-written file.
    const { renameSync, rmSync } = await import("node:fs");
    const partial = `${options.output}.partial`;
    const file = createWriteStream(partial);
    try {
      await writeTable(table, format, file);
      file.end();
      await finished(file);
      renameSync(partial, options.output);
    } catch (error) {
      file.destroy();
      rmSync(partial, { force: true });
      return cannotWrite(error, options.output, out);
    }
    out.error(`wrote the ${name} table as ${format} to ${options.output}`);
    return EXIT.OK;
  }
  if (format === "parquet" && !out.stdout) throw new UsageError("--format parquet needs --output FILE here");
  await writeTableTo(table, format, out);
  return EXIT.OK;
}
