/**
 * What the push-down traversals ask of PostgreSQL. Every read of relations
 * goes through the relation table's two covering indexes, `WHERE source =
 * ANY($1)` for out-steps and `WHERE target = ANY($1)` for in-steps, leaving
 * deprecated relations out; a read that needs only what the indexes hold
 * (neighbour, type, rank: counts, and which steps reach a set of nodes) does
 * not touch the table. A walk's relations come back as one row per node and
 * section, their tokens aggregated in data order, the order the graph adds
 * them in: file, compared byte by byte (COLLATE "C", which orders file names
 * as JavaScript does unless they hold characters beyond U+FFFF), then
 * position. A token carries the relation's id only for the types the walk
 * follows (see adjacency.ts).
 */
import type pg from "pg";
import { BACKWARD, FORWARD, type DirectionCode } from "../../traversal/options.js";
import { EMPTY_WALK, walkOf, type Walk } from "./adjacency.js";

/** A pg.Pool or a client (pg.Client, a pool's client): anything with `query`. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export const LIVE = "rank IS DISTINCT FROM 'DEPRECATED'";
const IN_DATA_ORDER = `file COLLATE "C", position`;
export const NO_NODES = "'{}'::text[]";

export const walksOut = (direction: DirectionCode): boolean => direction !== BACKWARD;
export const walksIn = (direction: DirectionCode): boolean => direction !== FORWARD;

/** Statement parameters, each written once as a typed placeholder. */
export class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }

  /**
   * A list of node ids the planner does not see: estimating a condition on a
   * constant list costs time per element (milliseconds for tens of thousands)
   * and can tip the plan to a sequential scan. Used where it is an index
   * condition; a list to filter by is joined instead (see within).
   */
  nodes(ids: readonly string[]): string {
    return `(SELECT ${this.add(ids, "text[]")})::text[]`;
  }
}

/** Rows of `rows` whose `column` is one of `nodes`: a hashed semi-join, whatever the list's length. */
export const within = (rows: string, column: string, nodes: string) => `SELECT * FROM (${rows} OFFSET 0) listed WHERE ${column} IN (SELECT unnest(${nodes}))`;

/** Steps of the nodes in `outNodes` (out-steps) and `inNodes` (in-steps), as (node, section, next, id, type, file, position). */
export function stepRows(outNodes: string | null, inNodes: string | null): string {
  const parts: string[] = [];
  if (outNodes !== null) parts.push(`SELECT source AS node, 0 AS section, target AS next, id, type, file, position FROM relation WHERE source = ANY(${outNodes}) AND ${LIVE}`);
  if (inNodes !== null) parts.push(`SELECT target AS node, 1 AS section, source AS next, id, type, file, position FROM relation WHERE target = ANY(${inNodes}) AND ${LIVE}`);
  return parts.join(" UNION ALL ");
}

/** The same steps with only what the indexes hold, (node, section, next, type): read without the table. */
export function indexedStepRows(outNodes: string | null, inNodes: string | null): string {
  const parts: string[] = [];
  if (outNodes !== null) parts.push(`SELECT source AS node, 0 AS section, target AS next, type FROM relation WHERE source = ANY(${outNodes}) AND ${LIVE}`);
  if (inNodes !== null) parts.push(`SELECT target AS node, 1 AS section, source AS next, type FROM relation WHERE target = ANY(${inNodes}) AND ${LIVE}`);
  return parts.join(" UNION ALL ");
}

const token = (types: string | null) => (types === null ? "next || '/' || id" : `CASE WHEN type = ANY(${types}) THEN next || '/' || id ELSE next END`);

/** One row per node and section: its steps' tokens in data order. */
export const aggregated = (rows: string, types: string | null) =>
  `SELECT node, section, string_agg(${token(types)}, ' ' ORDER BY ${IN_DATA_ORDER}) AS tokens FROM (${rows}) step GROUP BY node, section`;

/** How many relations the nodes' walk in `direction` reads, counting at most `cap` (no cap: null). */
export function countOf(nodes: string, direction: DirectionCode, cap: string | null): string {
  const parts: string[] = [];
  if (walksOut(direction)) parts.push(`SELECT 1 FROM relation WHERE source = ANY(${nodes}) AND ${LIVE}`);
  if (walksIn(direction)) parts.push(`SELECT 1 FROM relation WHERE target = ANY(${nodes}) AND ${LIVE}`);
  return `(SELECT count(*) FROM (${parts.join(" UNION ALL ")}${cap === null ? "" : ` LIMIT ${cap}`}) counted)`;
}

export interface TokenRow {
  node: string | null;
  section: number | null;
  tokens: string | null;
}

/** Each node's walk from its rows; nodes without rows have the empty walk. */
export function walksFrom(rows: readonly TokenRow[]): Map<string, Walk> {
  const sections = new Map<string, [string | null, string | null]>();
  for (const row of rows) {
    if (row.node === null) continue;
    let pair = sections.get(row.node);
    if (!pair) sections.set(row.node, (pair = [null, null]));
    pair[row.section === 0 ? 0 : 1] = row.tokens;
  }
  const walks = new Map<string, Walk>();
  for (const [node, [out, inward]] of sections) walks.set(node, walkOf(out, inward));
  return walks;
}

export const walkOfNode = (walks: ReadonlyMap<string, Walk>, node: string): Walk => walks.get(node) ?? EMPTY_WALK;

/** The entity ids among `ids` that exist, with their out- and in-degree (every type) when asked for (else 0). */
export async function existingEntities(db: Queryable, ids: readonly string[], degrees: boolean): Promise<Map<string, { out: number; in: number }>> {
  const degree = (column: string) => (degrees ? `(SELECT count(*) FROM relation WHERE ${column} = entity.id AND ${LIVE})` : "0");
  const sql = `SELECT id, ${degree("source")} AS out_degree, ${degree("target")} AS in_degree FROM entity WHERE id = ANY($1::text[])`;
  const result = await db.query<{ id: string; out_degree: string; in_degree: string }>(sql, [ids]);
  return new Map(result.rows.map((row) => [row.id, { out: Number(row.out_degree), in: Number(row.in_degree) }]));
}

/** The walks of `nodes` in `direction`: one indexed read per section walked. */
export async function readWalks(db: Queryable, nodes: readonly string[], direction: DirectionCode, types: readonly string[] | null): Promise<Map<string, Walk>> {
  if (nodes.length === 0) return new Map();
  const p = new Parameters();
  const layer = p.nodes(nodes);
  const typed = types === null ? null : p.add(types, "text[]");
  const rows = stepRows(walksOut(direction) ? layer : null, walksIn(direction) ? layer : null);
  return walksFrom((await db.query<TokenRow>(aggregated(rows, typed), p.values)).rows);
}

/** How many relations the walks of `nodes` in `direction` read (every type). */
export async function countWalks(db: Queryable, nodes: readonly string[], direction: DirectionCode): Promise<number> {
  const p = new Parameters();
  const { rows } = await db.query<{ count: string }>(`SELECT ${countOf(p.nodes(nodes), direction, null)} AS count`, p.values);
  return Number(rows[0]!.count);
}

export interface StepsToward {
  /** The node's steps toward the given nodes (every type), in walk order. */
  readonly walk: Walk;
  /** The node's out- and in-degree (every type), when asked for. */
  readonly outDegree: number;
  readonly inDegree: number;
}

/**
 * A node's steps toward some nodes only, in walk order: enough to take the
 * first of them, since a neighbour's place in the order depends only on the
 * node's relations with it. With `degrees`, also the node's degrees (for a
 * budget), counted on the indexes.
 */
export async function readStepsToward(
  db: Queryable,
  node: string,
  toward: readonly string[],
  direction: DirectionCode,
  types: readonly string[] | null,
  degrees: boolean,
): Promise<StepsToward> {
  const p = new Parameters();
  const from = p.add([node], "text[]");
  const to = p.nodes(toward);
  const typed = types === null ? null : p.add(types, "text[]");
  const [outward, inward] = [walksOut(direction) ? from : null, walksIn(direction) ? from : null];
  // The neighbours among `toward` first, from the indexes alone; then the relations with them.
  const near = `near AS MATERIALIZED (SELECT DISTINCT next FROM (${within(indexedStepRows(outward, inward), "next", to)}) near)`;
  const parts: string[] = [];
  if (outward !== null) parts.push(`SELECT source AS node, 0 AS section, target AS next, id, type, file, position FROM relation WHERE target IN (SELECT next FROM near) AND source = ${p.add(node, "text")} AND ${LIVE}`);
  if (inward !== null) parts.push(`SELECT target AS node, 1 AS section, source AS next, id, type, file, position FROM relation WHERE source IN (SELECT next FROM near) AND target = ${p.add(node, "text")} AND ${LIVE}`);
  const counts = degrees ? `UNION ALL SELECT NULL, NULL, NULL, ${countOf(from, FORWARD, null)}, ${countOf(from, BACKWARD, null)}` : "";
  const sql = `WITH ${near} SELECT node, section, tokens, NULL::bigint AS out_degree, NULL::bigint AS in_degree FROM (${aggregated(parts.join(" UNION ALL "), typed)}) steps ${counts}`;
  const result = await db.query<TokenRow & { out_degree: string | null; in_degree: string | null }>(sql, p.values);
  const degreeRow = result.rows.find((row) => row.out_degree !== null);
  return { walk: walkOfNode(walksFrom(result.rows), node), outDegree: Number(degreeRow?.out_degree ?? 0), inDegree: Number(degreeRow?.in_degree ?? 0) };
}

export interface MemberRelation {
  readonly source: string;
  readonly target: string;
  readonly id: string;
  readonly allowed: boolean;
}

export interface Members {
  /** Relations from a member to a member, in data order (of every type when `countFor` is given, else only those followed). */
  readonly relations: MemberRelation[];
  /** Out- and in-degree (every type) of each node of `countFor`. */
  readonly degrees: Map<string, { out: number; in: number }>;
}

/** The relations among `members`, and with `countFor`, those nodes' degrees (for a budget). */
export async function readMembers(db: Queryable, members: readonly string[], types: readonly string[] | null, countFor: readonly string[] | null): Promise<Members> {
  const p = new Parameters();
  const nodes = p.add(members, "text[]");
  const typed = types === null ? null : p.add(types, "text[]");
  const allowed = typed === null ? "true" : `type = ANY(${typed})`;
  const filter = countFor === null && typed !== null ? ` AND ${allowed}` : "";
  const counted = countFor === null ? null : p.add(countFor, "text[]");
  const relations = `SELECT 0 AS kind, source, target, id, ${allowed} AS allowed, row_number() OVER (ORDER BY ${IN_DATA_ORDER}) AS ordinal, NULL::bigint AS out_degree, NULL::bigint AS in_degree
    FROM relation WHERE source = ANY(${nodes}) AND target = ANY(${nodes}) AND ${LIVE}${filter}`;
  const degrees =
    counted === null
      ? ""
      : ` UNION ALL SELECT 1, member, NULL, NULL, NULL, NULL, (SELECT count(*) FROM relation WHERE source = member AND ${LIVE}), (SELECT count(*) FROM relation WHERE target = member AND ${LIVE})
          FROM unnest(${counted}) AS member`;
  type Row = { kind: number; source: string; target: string; id: string; allowed: boolean; ordinal: string; out_degree: string; in_degree: string };
  const { rows } = await db.query<Row>(relations + degrees, p.values);
  return {
    relations: rows
      .filter((row) => row.kind === 0)
      .sort((a, c) => Number(a.ordinal) - Number(c.ordinal))
      .map(({ source, target, id, allowed }) => ({ source, target, id, allowed })),
    degrees: new Map(rows.filter((row) => row.kind === 1).map((row) => [row.source, { out: Number(row.out_degree), in: Number(row.in_degree) }])),
  };
}
