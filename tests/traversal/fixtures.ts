/**
 * Tiny hand-built graphs for the traversal specs, written as arrows:
 *
 *   graph("a -[e1:ALLY]-> b", "b -[e2:ATTACKS]-> c", "z")
 *
 * builds nodes a, b, c, z (in order of first mention) and the edges e1 and e2
 * (in the order given). A line with no arrow just adds a node.
 */
import { MultiDirectedGraph } from "graphology";
import { random } from "../../bench/generate.js";

export interface NodeAttributes {
  date?: string;
}

export interface EdgeAttributes {
  type: string;
}

export type TestGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

const ARROW = /^\s*(\S+)\s+-\[(\S+):(\S+)\]->\s+(\S+)\s*$/;

export function graph(...lines: string[]): TestGraph {
  const g: TestGraph = new MultiDirectedGraph();
  for (const line of lines) {
    const match = ARROW.exec(line);
    if (match === null) {
      if (!/^\S+$/.test(line)) throw new Error(`Not an arrow or a node: "${line}"`);
      g.mergeNode(line);
      continue;
    }
    const [, source, key, type, target] = match as unknown as [string, string, string, string, string];
    g.mergeNode(source);
    g.mergeNode(target);
    g.addEdgeWithKey(key, source, target, { type });
  }
  return g;
}

/** Events with dates: `dated(g, { a: "2020-01-03", b: null })`. */
export function dated(g: TestGraph, dates: Record<string, string | null>): TestGraph {
  for (const [node, date] of Object.entries(dates)) {
    g.mergeNode(node);
    if (date !== null) g.setNodeAttribute(node, "date", date);
  }
  return g;
}

export const dateOf = (g: TestGraph) => (node: string) => g.getNodeAttribute(node, "date") ?? null;

/** A path written compactly: "a -e1-> b <-e2- c" (an arrow pointing left was walked reversed). */
export function describePath(path: { nodes: string[]; steps: Array<{ edge: string; reversed: boolean }> }): string {
  let text = path.nodes[0] ?? "";
  path.steps.forEach((step, i) => {
    text += step.reversed ? ` <-${step.edge}- ` : ` -${step.edge}-> `;
    text += path.nodes[i + 1] ?? "?";
  });
  return text;
}

/** The benchmark generator's seedable PRNG (mulberry32), so random graphs are reproducible. */
export const seededRandom = random;

/** A random multigraph with parallel edges and self-loops; node keys n0..n{order-1}, edge keys r0..r{size-1}. */
export function randomGraph(seed: number, order: number, size: number, types = ["A", "B", "C"]): TestGraph {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const g: TestGraph = new MultiDirectedGraph();
  for (let i = 0; i < order; i++) g.addNode(`n${i}`);
  for (let i = 0; i < size; i++) {
    const roll = random();
    let source = `n${pick(order)}`;
    let target = `n${pick(order)}`;
    if (roll < 0.03) target = source;
    else if (roll < 0.1 && i > 0) {
      const twin = `r${pick(i)}`;
      source = g.source(twin);
      target = g.target(twin);
    }
    g.addEdgeWithKey(`r${i}`, source, target, { type: types[pick(types.length)]! });
  }
  return g;
}

/** The graph, recording the first argument of every method called on it (the node a method looks at). */
export function recordingFirstArguments<G extends object>(g: G, seen: Set<unknown>): G {
  return new Proxy(g, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        seen.add(args[0]);
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export interface RandomGraphShape {
  readonly order: number;
  readonly size: number;
  readonly types?: readonly string[];
  /** Share of nodes with integer-like keys ("17"), which graphology's adjacency lists first. */
  readonly numericKeys?: number;
  /** Nodes that are the source or target of many edges. */
  readonly hubs?: number;
  /** Share of edges that touch a hub. */
  readonly hubShare?: number;
}

/** A random multigraph with self-loops, parallel edges (both ways), hubs and integer-like node keys. */
export function randomShapedGraph(seed: number, shape: RandomGraphShape): TestGraph {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const { order, size, types = ["A", "B", "C"], numericKeys = 0.3, hubs = 2, hubShare = 0.3 } = shape;
  const g: TestGraph = new MultiDirectedGraph();
  const keys: string[] = [];
  for (let i = 0; i < order; i++) {
    const key = random() < numericKeys ? String(i) : `n${i}`;
    keys.push(key);
    g.addNode(key);
  }
  const node = () => keys[random() < hubShare && hubs > 0 ? pick(Math.min(hubs, order)) * 7 % order : pick(order)]!;
  const added: string[] = [];
  for (let i = 0; i < size; i++) {
    const roll = random();
    let source = node();
    let target = node();
    if (roll < 0.04) target = source;
    else if (roll < 0.14 && added.length > 0) {
      const twin = added[pick(added.length)]!;
      [source, target] = random() < 0.5 ? [g.source(twin), g.target(twin)] : [g.target(twin), g.source(twin)];
    }
    const key = random() < 0.2 ? String(1000 + i) : `r${i}`;
    const type = types[pick(types.length)]!;
    random(); // drawn where mixed graphs chose undirected edges, so each seed still gives the graph it always gave
    g.addDirectedEdgeWithKey(key, source, target, { type });
    added.push(key);
  }
  return g;
}
