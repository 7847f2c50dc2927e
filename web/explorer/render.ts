/**
 * Sigma (v4, WebGL 2) set up for the explorer: nodes coloured by kind and
 * labelled, directed edges with arrowheads labelled by relation type, parallel
 * relations between two entities drawn as separate curves, self-loops as
 * loops. Clicks and double-clicks on nodes and edges go to the handlers; the
 * selected node or edge is highlighted. A 2D canvas behind the graph draws the
 * time axis and lanes of a retaliation chain.
 */
import Sigma, { DEFAULT_STYLES } from "sigma";
import { extremityArrow, layerPlain, pathCurved, pathLine, pathLoop } from "sigma/rendering";
import { addEntity, addRelation, createGraph } from "./graph-model.js";
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from "./graph-model.js";
import type { TimeAxis } from "./layout.js";

export type ExplorerSigma = Sigma<NodeAttributes, EdgeAttributes>;

export interface RenderHandlers {
  onNodeClick(node: string): void;
  onNodeDoubleClick(node: string): void;
  onEdgeClick(edge: string): void;
  onStageClick(): void;
}

export interface Renderer {
  readonly sigma: ExplorerSigma;
  /** The graph sigma draws: always this one instance, whose content each view replaces. */
  readonly graph: ExplorerGraph;
  /**
   * Shows a graph built elsewhere: its nodes and edges replace the drawn
   * graph's, and it is drawn at once. `resetCamera`: fit the whole graph (a
   * new view) rather than keep the camera (an expansion).
   */
  show(next: ExplorerGraph, options: { axis?: TimeAxis | null; resetCamera: boolean }): void;
  /**
   * Highlights one node or edge (or nothing). When it lies under the panel
   * that covers the graph's right-hand `obscuredRight` pixels, the camera
   * pans to bring it into the part left visible.
   */
  select(selection: { node?: string; edge?: string } | null, obscuredRight?: number): void;
  kill(): void;
}

/** Two clicks closer than this are a double-click (sigma's doubleClickTimeout). */
export const DOUBLE_CLICK_MS = 300;

const LABEL_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/*
 * Sigma is given one graph for its whole life, and each view is copied into
 * it: sigma 4.0.4's index of parallel edges keeps the graph sigma was created
 * with, so after setGraph() parallel edges would be drawn on top of each other
 * and adding an edge would fail.
 */
export function createRenderer(container: HTMLElement, handlers: RenderHandlers): Renderer {
  const graph = createGraph();
  const sigma: ExplorerSigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    primitives: {
      nodes: { label: { font: { family: LABEL_FONT } } },
      edges: {
        paths: [pathLine(), pathCurved(), pathLoop()],
        extremities: [extremityArrow()],
        layers: [layerPlain()],
        label: { textBorder: { width: 3, color: "#ffffff" } },
      },
    },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        {
          size: (attributes, state) => (state.isHighlighted ? attributes.size * 1.5 : state.isHovered ? attributes.size * 1.2 : attributes.size),
          labelSize: 12,
          labelColor: "#222",
        },
        { whenState: "isHighlighted", then: { labelVisibility: "visible", depth: "topNodes", backdropVisibility: "visible" } },
        { whenData: "focus", then: { labelVisibility: "visible" } },
        { whenData: "forceLabel", then: { labelVisibility: "visible" } },
      ],
      edges: [
        DEFAULT_STYLES.edges,
        {
          path: "straight",
          selfLoopPath: "loop",
          parallelPath: "curved",
          head: "arrow",
          labelSize: 10,
          labelColor: "#666",
          labelFont: LABEL_FONT,
        },
        { whenState: "isHovered", then: { color: "#6a6a8a", size: 2.5 } },
        { whenState: "isHighlighted", then: { color: "#222244", size: 3.5, labelColor: "#000", labelVisibility: "visible" } },
      ],
      stage: { background: "#ffffff" },
    },
    settings: {
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      itemSizesReference: "screen",
      autoRescaleContent: "labels",
      stagePadding: 40,
      labelRenderedSizeThreshold: 4,
      labelDensity: 0.8,
      edgePickingPadding: 6,
      allowInvalidContainer: true,
      doubleClickTimeout: DOUBLE_CLICK_MS,
      doubleClickZoomingRatio: 1,
    },
  });

  sigma.on("clickNode", ({ node }) => handlers.onNodeClick(node));
  sigma.on("doubleClickNode", (event) => {
    event.preventSigmaDefault();
    handlers.onNodeDoubleClick(event.node);
  });
  sigma.on("clickEdge", ({ edge }) => handlers.onEdgeClick(edge));
  sigma.on("clickStage", () => handlers.onStageClick());

  let axis: TimeAxis | null = null;
  const axisCanvas = sigma.createCanvas("time-axis", { beforeLayer: "stage", style: { pointerEvents: "none" } });
  sigma.on("afterRender", () => drawAxis(sigma, axisCanvas, axis));

  // The panel opening or the window changing size resizes the container: draw again at the new size.
  const resizing = new ResizeObserver(() => sigma.scheduleRender());
  resizing.observe(container);

  const replace = (next: ExplorerGraph) => {
    graph.clear();
    graph.import(next);
  };
  warmUp(sigma, replace);

  let selected: { node?: string; edge?: string } | null = null;
  const applySelection = () => {
    const current = sigma.getGraph();
    if (selected?.node && current.hasNode(selected.node)) sigma.setNodeState(selected.node, { isHighlighted: true });
    if (selected?.edge && current.hasEdge(selected.edge)) sigma.setEdgeState(selected.edge, { isHighlighted: true });
  };
  const clearSelection = () => {
    const current = sigma.getGraph();
    if (selected?.node && current.hasNode(selected.node)) sigma.setNodeState(selected.node, { isHighlighted: false });
    if (selected?.edge && current.hasEdge(selected.edge)) sigma.setEdgeState(selected.edge, { isHighlighted: false });
  };

  return {
    sigma,
    graph,
    show(next, options) {
      axis = options.axis ?? null;
      replace(next);
      if (options.resetCamera) {
        selected = null;
        sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      } else {
        applySelection();
      }
      sigma.refresh();
    },
    select(selection, obscuredRight = 0) {
      clearSelection();
      selected = selection;
      applySelection();
      sigma.refresh({ schedule: true });
      if (selection && obscuredRight > 0) reveal(sigma, selection, obscuredRight);
    },
    kill() {
      resizing.disconnect();
      sigma.kill();
    },
  };
}

/** Pans the camera so that a node (or an edge's middle) left under a panel on the right comes into view. */
function reveal(sigma: ExplorerSigma, selection: { node?: string; edge?: string }, obscuredRight: number): void {
  const graph = sigma.getGraph();
  const ends = selection.node !== undefined ? [selection.node] : selection.edge !== undefined && graph.hasEdge(selection.edge) ? graph.extremities(selection.edge) : [];
  if (ends.length === 0 || !ends.every((node) => graph.hasNode(node))) return;
  const points = ends.map((node) => sigma.graphToViewport(graph.getNodeAttributes(node)));
  const x = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const y = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const { width, height } = sigma.getDimensions();
  const visible = width - obscuredRight;
  if (x < visible - 40 || visible < 120) return;
  // Put it in the middle of the visible part: the view's centre moves right by the difference.
  const centre = sigma.viewportToFramedGraph({ x: width / 2 + (x - visible / 2), y: height / 2 + (y < 40 || y > height - 40 ? y - height / 2 : 0) });
  void sigma.getCamera().animate({ x: centre.x, y: centre.y }, { duration: 300 });
}

const WARM_UP_TEXT = ["ABCDEFGHIJKLMNOPQRSTUVWXYZ_", "abcdefghijklmnopqrstuvwxyz", "0123456789 ,.-/…()'’"];

/**
 * Draws a small graph once, in the task that creates sigma, and goes back to
 * `graph` before the browser paints: WebGL programs are compiled and the
 * label glyphs rasterised while the first request is in flight, instead of
 * during the first view. (Without it the first view took about a second
 * longer under SwiftShader.)
 */
function warmUp(sigma: ExplorerSigma, replace: (next: ExplorerGraph) => void): void {
  const warm = createGraph();
  WARM_UP_TEXT.forEach((text, index) => {
    addEntity(warm, { id: `warm-${index}`, name: text, kind: "EVENT", shortName: text });
    warm.mergeNodeAttributes(`warm-${index}`, { x: index, y: index % 2, focus: true });
  });
  WARM_UP_TEXT.forEach((text, index) => {
    addRelation(warm, { id: `warm-edge-${index}`, type: text, source: { id: `warm-${index}` }, target: { id: `warm-${(index + 1) % WARM_UP_TEXT.length}` } });
    addRelation(warm, { id: `warm-parallel-${index}`, type: text, source: { id: `warm-${index}` }, target: { id: `warm-${(index + 1) % WARM_UP_TEXT.length}` } });
  });
  addRelation(warm, { id: "warm-loop", type: "LOOP", source: { id: "warm-0" }, target: { id: "warm-0" } });
  replace(warm);
  sigma.refresh();
  replace(createGraph());
  sigma.refresh();
}

/** Month (or year) ticks and lane names of a retaliation chain, on the canvas behind the graph. */
function drawAxis(sigma: ExplorerSigma, canvas: HTMLCanvasElement, axis: TimeAxis | null): void {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const context = canvas.getContext("2d");
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  if (!axis) return;
  context.font = `11px ${LABEL_FONT}`;
  context.textBaseline = "top";
  for (const tick of axis.ticks) {
    const { x } = sigma.graphToViewport({ x: tick.x, y: 0 });
    if (x < 0 || x > width) continue;
    context.strokeStyle = "#eeeeee";
    context.beginPath();
    context.moveTo(x, 0);
    context.lineTo(x, height - 18);
    context.stroke();
    context.fillStyle = "#888888";
    context.fillText(tick.label, x + 3, height - 16);
  }
  context.textBaseline = "bottom";
  for (const lane of axis.lanes) {
    const { y } = sigma.graphToViewport({ x: 0, y: lane.y });
    if (y < 0 || y > height) continue;
    context.fillStyle = "#999999";
    context.fillText(lane.label.replace(/_/g, " ").toLowerCase(), 6, y - 10);
  }
}
