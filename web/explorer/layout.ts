/**
 * Where the nodes go. A neighbourhood: rings by depth as a seed, then a
 * bounded number of ForceAtlas2 iterations (graphology-layout-forceatlas2,
 * synchronously), fewer the larger the graph, so 500 nodes lay out in about a
 * tenth of a second. Paths: columns by position along the path. A retaliation
 * chain: x is the date, y the event type's lane. After an expansion, the new
 * nodes start in rings around the node expanded; in a neighbourhood
 * ForceAtlas2 then runs again from the positions there are. Everything is
 * deterministic: the same answer gives the same picture.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import { createGraph } from "./graph-model.js";
import type { ExplorerGraph } from "./graph-model.js";

/** ForceAtlas2 iterations for a graph of `order` nodes: 300 for small graphs, down to 30; about 40,000 node-iterations at most. */
export function iterationsFor(order: number): number {
  return Math.max(30, Math.min(300, Math.round(40_000 / Math.max(1, order))));
}

/** A number in [0, 1) from a string, to spread nodes deterministically. */
function hash01(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

/** Runs ForceAtlas2 from the current positions (settings inferred from the graph's size). */
export function forceLayout(graph: ExplorerGraph, iterations = iterationsFor(graph.order)): void {
  if (graph.order < 2) return;
  forceAtlas2.assign(graph, { iterations, settings: forceAtlas2.inferSettings(graph) });
}

/**
 * Runs ForceAtlas2 on a small throwaway graph, so that the JavaScript engine
 * has compiled its loops before the first real layout (which otherwise took
 * several times longer than the next ones).
 */
export function warmUpLayout(): void {
  const graph = createGraph();
  for (let i = 0; i < 60; i++) graph.addNode(`n${i}`, { label: "", name: "", kind: "", color: "", size: 5, x: Math.cos(i), y: Math.sin(i) });
  for (let i = 1; i < 60; i++) graph.addEdge(`n${i}`, `n${(i * 7) % i}`, { label: "", type: "", color: "", size: 1 });
  forceLayout(graph, 150);
}

/** Rings by depth around the centre (the seed), then ForceAtlas2. */
export function neighborhoodLayout(graph: ExplorerGraph): void {
  const rings = new Map<number, string[]>();
  graph.forEachNode((node, { depth }) => {
    const ring = depth ?? 1;
    rings.set(ring, [...(rings.get(ring) ?? []), node]);
  });
  for (const [depth, nodes] of rings) {
    const radius = depth * 10 * Math.sqrt(nodes.length);
    const offset = depth * 0.7;
    nodes.forEach((node, index) => {
      const angle = offset + (2 * Math.PI * index) / nodes.length;
      graph.mergeNodeAttributes(node, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }
  forceLayout(graph);
}

/** Columns by position along the path (the start on the left), nodes of a column spread vertically. */
export function pathsLayout(graph: ExplorerGraph): void {
  const columns = new Map<number, string[]>();
  graph.forEachNode((node, { depth }) => columns.set(depth ?? 0, [...(columns.get(depth ?? 0) ?? []), node]));
  const spacing = 20;
  for (const [column, nodes] of columns) {
    nodes.forEach((node, index) => graph.mergeNodeAttributes(node, { x: column * spacing * 1.6, y: (index - (nodes.length - 1) / 2) * spacing }));
  }
}

export interface TimeAxis {
  /** Lane names (event types) and the y of each. */
  readonly lanes: ReadonlyArray<{ readonly label: string; readonly y: number }>;
  /** Tick labels (months or years) and their x. */
  readonly ticks: ReadonlyArray<{ readonly label: string; readonly x: number }>;
}

const LANE_ORDER = ["AIRSTRIKE", "EXCHANGE_OF_FIRE", "ROCKET_ATTACK", "DRONE_ATTACK", "ATTACK_SERIES", "STORMING"];
const DAY = 86_400_000;

function dayNumber(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`) / DAY;
}

/** The middle of an event's date range, in days since 1970; null when it has no bound at all. */
export function eventDay(earliest: string | null | undefined, latest: string | null | undefined): number | null {
  if (earliest && latest) return (dayNumber(earliest) + dayNumber(latest)) / 2;
  if (earliest) return dayNumber(earliest);
  if (latest) return dayNumber(latest);
  return null;
}

/**
 * A retaliation chain in time: x is the date (the middle of a range), y the
 * lane of the event's type (US strikes on top); events of one lane closer in
 * time than a label's width take the next row of the lane.
 */
export function timeLayout(graph: ExplorerGraph): TimeAxis {
  const days = graph.mapNodes((node, { earliest, latest }) => ({ node, day: eventDay(earliest, latest) }));
  const known = days.flatMap(({ day }) => (day === null ? [] : [day]));
  const first = known.length > 0 ? Math.min(...known) : 0;
  const last = known.length > 0 ? Math.max(...known) : 1;
  const span = Math.max(last - first, 30);
  // Graph units: x in days, so the lanes are spaced relative to the span shown.
  const rowHeight = span * 0.045;
  const laneGap = span * 0.05;
  const minGap = span * 0.2;
  const types = [...new Set(graph.mapNodes((_, { eventType }) => eventType ?? "OTHER"))].sort(
    (a, b) => (LANE_ORDER.indexOf(a) + 1 || 99) - (LANE_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const lanes: Array<{ label: string; y: number }> = [];
  let y = 0;
  for (const type of types) {
    const members = days.filter(({ node }) => (graph.getNodeAttribute(node, "eventType") ?? "OTHER") === type).sort((a, b) => (a.day ?? first) - (b.day ?? first) || a.node.localeCompare(b.node));
    const rowEnds: number[] = [];
    for (const { node, day } of members) {
      const x = day ?? first;
      let row = rowEnds.findIndex((end) => x - end >= minGap);
      if (row < 0) row = rowEnds.push(x) - 1;
      rowEnds[row] = x;
      // Sigma's y axis points up: lanes go downwards.
      graph.mergeNodeAttributes(node, { x, y: -(y + row * rowHeight) });
    }
    lanes.push({ label: type, y: -y });
    y += Math.max(1, rowEnds.length) * rowHeight + laneGap;
  }
  return { lanes, ticks: timeTicks(first, last) };
}

/** Month ticks (or years, for spans over three years) between two days. */
function timeTicks(first: number, last: number): TimeAxis["ticks"] {
  const ticks: Array<{ label: string; x: number }> = [];
  const start = new Date(first * DAY);
  const yearly = last - first > 3 * 365;
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), yearly ? 0 : start.getUTCMonth(), 1));
  while (cursor.getTime() / DAY <= last && ticks.length < 60) {
    const x = cursor.getTime() / DAY;
    if (x >= first) ticks.push({ label: cursor.toISOString().slice(0, yearly ? 4 : 7), x });
    if (yearly) cursor.setUTCFullYear(cursor.getUTCFullYear() + 1);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return ticks;
}

/**
 * After an expansion the new nodes start in rings around the node expanded,
 * on the side away from the rest of the graph, at about an edge's length.
 * In a neighbourhood ForceAtlas2 then runs again from the positions there
 * are (half the iterations). In a paths or chain view, whose layouts mean
 * something (position along the path, date and lane), the nodes there stay
 * put and the new ones keep their ring places: ForceAtlas2 works at its own
 * scale and pulls towards the origin, which would fold a time axis.
 */
export function layoutAfterMerge(graph: ExplorerGraph, added: readonly string[], anchor: string, pinExisting: boolean): void {
  if (added.length === 0 || !graph.hasNode(anchor)) return;
  const fresh = new Set(added);
  const { x, y } = graph.getNodeAttributes(anchor);
  const lengths: number[] = [];
  let cx = 0;
  let cy = 0;
  let count = 0;
  graph.forEachNode((node, attributes) => {
    if (fresh.has(node)) return;
    cx += attributes.x;
    cy += attributes.y;
    count++;
  });
  graph.forEachEdge((_edge, _attributes, source, target, s, t) => {
    if (!fresh.has(source) && !fresh.has(target) && source !== target) lengths.push(Math.hypot(s.x - t.x, s.y - t.y));
  });
  lengths.sort((a, b) => a - b);
  const radius = (lengths[Math.floor(lengths.length / 2)] ?? 10) * (pinExisting ? 0.45 : 0.8) || 10;
  // Away from the centre of the rest of the graph (any direction when the anchor is that centre).
  const away = count > 1 && Math.hypot(x - cx / count, y - cy / count) > 1e-9 ? Math.atan2(y - cy / count, x - cx / count) : 0;
  let placed = 0;
  for (let ring = 1; placed < added.length; ring++) {
    const capacity = 8 * ring;
    const inRing = Math.min(capacity, added.length - placed);
    for (let i = 0; i < inRing; i++) {
      const node = added[placed + i]!;
      // A half-circle facing away for a first small ring; full circles after.
      const spread = ring === 1 && inRing <= 5 ? Math.PI : 2 * Math.PI;
      const angle = away - spread / 2 + (spread * (i + 0.5)) / inRing + (hash01(node) - 0.5) * 0.1;
      graph.mergeNodeAttributes(node, { x: x + ring * radius * Math.cos(angle), y: y + ring * radius * Math.sin(angle) });
    }
    placed += inRing;
  }
  if (!pinExisting) forceLayout(graph, Math.max(30, Math.round(iterationsFor(graph.order) / 2)));
}
