/**
 * One hop of the bidirectional search, in one statement: choose the side to
 * grow as memory does, then either find that its layer touches the other
 * side's ball, which ends the search, or read the layer's walks.
 *
 * Choosing: memory grows the side whose layer reads fewer relations (its
 * cost, every type counted), the forward side on a tie. What is known of the
 * two costs (exact, or a lower bound) often decides; when it does not, the
 * statement first counts both layers on the indexes, each only as far as
 * the comparison needs: up to a cap that starts above what is known and
 * grows fourfold until one side falls below it. Either way the chosen
 * side's cost ends up known exactly; a newly grown layer's is not known.
 *
 * Growing: an index-only read first finds the layer's steps of a followed
 * type into the other side's ball. If there are any, the search ends in this
 * hop (memory stops at the first of them, grown forward) and only they come
 * back: grown forward, those of the first layer node that has any; grown
 * backward, the forward nodes reached. Otherwise the layer's walks come back.
 */
import type { DirectionCode } from "../../traversal/options.js";
import type { Walk } from "./adjacency.js";
import { aggregated, countOf, indexedStepRows, LIVE, NO_NODES, Parameters, stepRows, walksFrom, walksIn, walksOut, within, type Queryable, type TokenRow } from "./sql.js";

/** What is known of a layer's cost: the exact count, or a lower bound. */
export interface Cost {
  readonly value: number;
  readonly exact: boolean;
}

export interface SearchSide {
  readonly layer: readonly string[];
  /** Every node this side has reached. */
  readonly ball: readonly string[];
  readonly cost: Cost;
}

export interface Hop {
  /** Whether the forward side was grown. */
  readonly forward: boolean;
  /** What is known of each side's cost for the next hop: the other side's as the choice left it; of the grown side's new layer, nothing yet. */
  readonly forwardCost: Cost;
  readonly backwardCost: Cost;
  /**
   * The layer's steps of a followed type into the other side's ball, or null when there are none:
   * grown forward, those of the first layer node that has any (node, next); grown backward, the forward nodes they reach (next).
   */
  readonly contacts: Array<{ node: string | null; next: string }> | null;
  /** Without contacts: the layer's walks. */
  readonly walks: Map<string, Walk>;
  /** The grown layer's cost, which is always known exactly (the cheaper side's is). */
  readonly grownCost: number;
}

/** The smallest count a probe starts from. */
const FIRST_PROBE = 64;
/** How much further each round of a probe counts. */
const GROWTH = 4;

export async function growCheaperSide(
  db: Queryable,
  direction: DirectionCode,
  back: DirectionCode,
  forward: SearchSide,
  backward: SearchSide,
  types: readonly string[] | null,
): Promise<Hop> {
  const f = forward.cost;
  const b = backward.cost;
  const decided = f.exact && b.exact ? f.value <= b.value : f.exact && f.value <= b.value ? true : b.exact && f.value > b.value ? false : null;

  const p = new Parameters();
  const forwardLayer = p.nodes(forward.layer);
  const backwardLayer = p.nodes(backward.layer);
  const forwardBall = p.nodes(forward.ball);
  const backwardBall = p.nodes(backward.ball);
  const typed = types === null ? null : p.add(types, "text[]");
  const known = (cost: Cost) => [p.add(cost.value, "bigint"), p.add(cost.exact, "boolean")] as const;
  let decision: string;
  if (decided !== null) {
    const [[fv, fe], [bv, be]] = [known(f), known(b)];
    decision = `decision AS (SELECT ${decided} AS forward, ${fv} AS f, ${fe} AS f_exact, ${bv} AS b, ${be} AS b_exact)`;
  } else {
    const start = p.add(Math.max(FIRST_PROBE, f.value + 1, b.value + 1), "bigint");
    const forwardExact = f.exact ? p.add(f.value, "bigint") : null;
    const backwardExact = b.exact ? p.add(b.value, "bigint") : null;
    const forwardCount = (cap: string) => (forwardExact === null ? countOf(forwardLayer, direction, cap) : `LEAST(${forwardExact}, ${cap})`);
    const backwardCount = (cap: string) => (backwardExact === null ? countOf(backwardLayer, back, cap) : `LEAST(${backwardExact}, ${cap})`);
    decision = `probe(cap, f, b) AS (
        SELECT ${start}, ${forwardCount(start)}, ${backwardCount(start)}
        UNION ALL
        SELECT probe.cap * ${GROWTH}, ${forwardCount(`probe.cap * ${GROWTH}`)}, ${backwardCount(`probe.cap * ${GROWTH}`)} FROM probe WHERE probe.f = probe.cap AND probe.b = probe.cap
      ),
      decision AS (SELECT f <= b AS forward, f, f < cap AS f_exact, b, b < cap AS b_exact FROM probe ORDER BY cap DESC LIMIT 1)`;
  }
  const chosen = (ifForward: string, ifBackward: string) => `(SELECT CASE WHEN forward THEN ${ifForward} ELSE ${ifBackward} END FROM decision)`;
  const layer = (walks: (d: DirectionCode) => boolean) =>
    walks(direction) || walks(back) ? `${chosen(walks(direction) ? forwardLayer : NO_NODES, walks(back) ? backwardLayer : NO_NODES)}::text[]` : null;
  const [outNodes, inNodes] = [layer(walksOut), layer(walksIn)];
  const followedSteps = `SELECT node, next FROM (${indexedStepRows(outNodes, inNodes)}) step${typed === null ? "" : ` WHERE type = ANY(${typed})`}`;
  const sql = `WITH RECURSIVE ${decision},
      contact AS MATERIALIZED (SELECT DISTINCT node, next FROM (${within(followedSteps, "next", `${chosen(backwardBall, forwardBall)}::text[]`)}) contact),
      first AS (SELECT layer.node FROM unnest(${chosen(forwardLayer, backwardLayer)}::text[]) WITH ORDINALITY AS layer(node, position)
        WHERE layer.node IN (SELECT node FROM contact) ORDER BY layer.position LIMIT 1)
    SELECT 0 AS kind, NULL::text AS node, NULL::int AS section, NULL::text AS tokens, forward, f, f_exact, b, b_exact FROM decision
    UNION ALL
    SELECT DISTINCT 1, CASE WHEN decision.forward THEN contact.node END, NULL::int, contact.next, NULL::boolean, NULL::bigint, NULL::boolean, NULL::bigint, NULL::boolean
      FROM contact, decision WHERE NOT decision.forward OR contact.node = (SELECT node FROM first)
    UNION ALL
    SELECT 2, node, section, tokens, NULL, NULL, NULL, NULL, NULL FROM (${aggregated(stepRows(outNodes, inNodes), typed)}) walk WHERE NOT EXISTS (SELECT FROM contact)`;
  type Row = TokenRow & { kind: number; forward: boolean | null; f: string | null; f_exact: boolean | null; b: string | null; b_exact: boolean | null };
  const { rows } = await db.query<Row>(sql, p.values);

  const head = rows.find((row) => row.kind === 0)!;
  const grewForward = head.forward!;
  if (!(grewForward ? head.f_exact : head.b_exact)) throw new Error("the side grown has no exact cost: the side choice went wrong");
  const contacts = rows.filter((row) => row.kind === 1).map((row) => ({ node: row.node, next: row.tokens! }));
  const unknown: Cost = { value: 0, exact: false };
  const forwardCost: Cost = grewForward ? unknown : { value: Number(head.f), exact: head.f_exact! };
  const backwardCost: Cost = grewForward ? { value: Number(head.b), exact: head.b_exact! } : unknown;
  return {
    forward: grewForward,
    forwardCost,
    backwardCost,
    contacts: contacts.length > 0 ? contacts : null,
    walks: walksFrom(rows.filter((row) => row.kind === 2)),
    grownCost: Number(grewForward ? head.f : head.b),
  };
}
