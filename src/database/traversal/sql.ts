/**
 * What the push-down traversals ask of PostgreSQL. Every statement reads the
 * relation table through its covering indexes, `WHERE source = ANY($1)` for
 * out-steps and `WHERE target = ANY($1)` for in-steps, leaving deprecated
 * relations out. A walk's relations come back as one row per node and
 * section, their tokens aggregated in data order (file, in byte order, then
 * position: the order the graph adds them in), with the relation's id only
 * for types the walk follows (see adjacency.ts). Counts of a node's
 * relations, where a budget needs them, are index-only scans.
 */
import type pg from "pg";
import { BACKWARD, FORWARD, type DirectionCode } from "../../traversal/options.js";
import { EMPTY_WALK, walkOf, type Walk } from "./adjacency.js";

/** A pg.Pool or a client (pg.Client, a pool's client): anything with `query`. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const LIVE = "rank IS DISTINCT FROM 'DEPRECATED'";
const IN_DATA_ORDER = `file COLLATE "C", position`;
const NO_NODES = "'{}'::text[]";

export const walksOut = (direction: DirectionCode): boolean => direction !== BACKWARD;
export const walksIn = (direction: DirectionCode): boolean => direction !== FORWARD;

/** Statement parameters, each written once as a typed placeholder. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** Steps of the nodes in `outNodes` (out-steps) and `inNodes` (in-steps), as (node, section, next, id, type, file, position). */
function stepRows(outNodes: string | null, inNodes: string | null, where = ""): string {
  const parts: string[] = [];
  if (outNodes !== null) parts.push(`SELECT source AS node, 0 AS section, target AS next, id, type, file, position FROM relation WHERE source = ANY(${outNodes}) AND ${LIVE}${where && ` AND target = ANY(${where})`}`);
  if (inNodes !== null) parts.push(`SELECT target AS node, 1 AS section, source AS next, id, type, file, position FROM relation WHERE target = ANY(${inNodes}) AND ${LIVE}${where && ` AND source = ANY(${where})`}`);
  return parts.join(" UNION ALL ");
}

const token = (types: string | null) => (types === null ? "next || '/' || id" : `CASE WHEN type = ANY(${types}) THEN next || '/' || id ELSE next END`);

/** One row per node and section: its steps' tokens in data order. */
const aggregated = (rows: string, types: string | null) =>
  `SELECT node, section, string_agg(${token(types)}, ' ' ORDER BY ${IN_DATA_ORDER}) AS tokens FROM (${rows}) step GROUP BY node, section`;

/** How many relations the nodes' walk in `direction` reads, counting at most `cap` (no cap: null). */
function countOf(nodes: string, direction: DirectionCode, cap: string | null): string {
  const parts: string[] = [];
  if (walksOut(direction)) parts.push(`SELECT 1 FROM relation WHERE source = ANY(${nodes}) AND ${LIVE}`);
  if (walksIn(direction)) parts.push(`SELECT 1 FROM relation WHERE target = ANY(${nodes}) AND ${LIVE}`);
  return `(SELECT count(*) FROM (${parts.join(" UNION ALL ")}${cap === null ? "" : ` LIMIT ${cap}`}) counted)`;
}

interface TokenRow {
  node: string | null;
  section: number | null;
  tokens: string | null;
}

/** Each node's walk from its rows; nodes without rows have the empty walk. */
function walksFrom(rows: readonly TokenRow[]): Map<string, Walk> {
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

/** The entity ids among `ids` that exist. */
export async function existingEntities(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const result = await db.query<{ id: string }>("SELECT id FROM entity WHERE id = ANY($1::text[])", [ids]);
  return new Set(result.rows.map((row) => row.id));
}

/** The walks of `nodes` in `direction`: one indexed read per section walked. */
export async function readWalks(db: Queryable, nodes: readonly string[], direction: DirectionCode, types: readonly string[] | null): Promise<Map<string, Walk>> {
  if (nodes.length === 0) return new Map();
  const p = new Parameters();
  const layer = p.add(nodes, "text[]");
  const typed = types === null ? null : p.add(types, "text[]");
  const rows = stepRows(walksOut(direction) ? layer : null, walksIn(direction) ? layer : null);
  return walksFrom((await db.query<TokenRow>(aggregated(rows, typed), p.values)).rows);
}

/** What is known of a layer's cost (the relations its expansion reads): the exact count, or a lower bound. */
export interface Cost {
  readonly value: number;
  readonly exact: boolean;
}

export interface Hop {
  /** Whether the forward side was expanded. */
  readonly forward: boolean;
  readonly walks: Map<string, Walk>;
  readonly forwardCost: Cost;
  readonly backwardCost: Cost;
}

/** The smallest count a probe starts from; each further round counts four times as far. */
const FIRST_PROBE = 64;

/**
 * One hop of a bidirectional search: expands the side whose layer costs
 * less (the forward side on a tie), in one statement. When what is known of
 * the two costs does not decide, the statement first counts both layers'
 * relations, each only as far as needed (up to a cap that grows fourfold
 * until one side falls below it), then expands the side it chose.
 */
export async function expandCheaperSide(
  db: Queryable,
  direction: DirectionCode,
  back: DirectionCode,
  forward: { readonly layer: readonly string[]; readonly cost: Cost },
  backward: { readonly layer: readonly string[]; readonly cost: Cost },
  types: readonly string[] | null,
): Promise<Hop> {
  const f = forward.cost;
  const b = backward.cost;
  const decided =
    f.exact && b.exact ? f.value <= b.value : f.exact && f.value <= b.value ? true : b.exact && f.value > b.value ? false : null;
  if (decided !== null) {
    const walks = await readWalks(db, decided ? forward.layer : backward.layer, decided ? direction : back, types);
    return { forward: decided, walks, forwardCost: f, backwardCost: b };
  }

  const p = new Parameters();
  const forwardLayer = p.add(forward.layer, "text[]");
  const backwardLayer = p.add(backward.layer, "text[]");
  const typed = types === null ? null : p.add(types, "text[]");
  const start = p.add(Math.max(FIRST_PROBE, f.value + 1, b.value + 1), "bigint");
  const forwardExact = f.exact ? p.add(f.value, "bigint") : null;
  const backwardExact = b.exact ? p.add(b.value, "bigint") : null;
  const forwardCount = (cap: string) => (forwardExact === null ? countOf(forwardLayer, direction, cap) : `LEAST(${forwardExact}, ${cap})`);
  const backwardCount = (cap: string) => (backwardExact === null ? countOf(backwardLayer, back, cap) : `LEAST(${backwardExact}, ${cap})`);
  const chosen = (forwardWalks: boolean, backwardWalks: boolean) =>
    `(SELECT CASE WHEN forward THEN ${forwardWalks ? forwardLayer : NO_NODES} ELSE ${backwardWalks ? backwardLayer : NO_NODES} END FROM decision)::text[]`;
  const outNodes = walksOut(direction) || walksOut(back) ? chosen(walksOut(direction), walksOut(back)) : null;
  const inNodes = walksIn(direction) || walksIn(back) ? chosen(walksIn(direction), walksIn(back)) : null;
  const sql = `WITH RECURSIVE probe(cap, f, b) AS (
      SELECT ${start}, ${forwardCount(start)}, ${backwardCount(start)}
      UNION ALL
      SELECT probe.cap * 4, ${forwardCount("probe.cap * 4")}, ${backwardCount("probe.cap * 4")} FROM probe WHERE probe.f = probe.cap AND probe.b = probe.cap
    ), decision AS (SELECT f <= b AS forward, cap, f, b FROM probe ORDER BY cap DESC LIMIT 1)
    SELECT NULL::text AS node, NULL::int AS section, NULL::text AS tokens, forward, cap, f, b FROM decision
    UNION ALL
    SELECT node, section, tokens, NULL, NULL, NULL, NULL FROM (${aggregated(stepRows(outNodes, inNodes), typed)}) hop`;
  const { rows } = await db.query<TokenRow & { forward: boolean | null; cap: string | null; f: string | null; b: string | null }>(sql, p.values);
  const decision = rows.find((row) => row.forward !== null)!;
  const cap = Number(decision.cap);
  const known = (cost: Cost, count: number): Cost => (cost.exact ? cost : count < cap ? { value: count, exact: true } : { value: cap, exact: false });
  return { forward: decision.forward!, walks: walksFrom(rows), forwardCost: known(f, Number(decision.f)), backwardCost: known(b, Number(decision.b)) };
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
  const to = p.add(toward, "text[]");
  const typed = types === null ? null : p.add(types, "text[]");
  const rows = stepRows(walksOut(direction) ? from : null, walksIn(direction) ? from : null, to);
  const counts = degrees ? `UNION ALL SELECT NULL, NULL, NULL, ${countOf(from, FORWARD, null)}, ${countOf(from, BACKWARD, null)}` : "";
  const sql = `SELECT node, section, tokens, NULL::bigint AS out_degree, NULL::bigint AS in_degree FROM (${aggregated(rows, typed)}) steps ${counts}`;
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
