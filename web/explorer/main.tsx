/**
 * The graph explorer at /explorer: wires the form, the URL, the API, the
 * graph model, the layouts, the sigma renderer, the details panel and the
 * downloads together. A view (neighbourhood, paths or retaliation chain) is
 * loaded from the URL on arrival and on the browser's back and forward
 * buttons; running the form or expanding a node pushes a new URL.
 *
 * Testing hook: `window.__explorer` exposes the graph drawn (`graph`, a
 * graphology MultiDirectedGraph keyed by entity and relation ids), the sigma
 * instance (`sigma`, for graphToViewport and the like) and the time the last
 * view took to lay out and draw (`lastRenderMs`, `lastRender`). Browser tests
 * use it to find where a node or edge is on screen; nothing else should.
 */
import { Component, StrictMode, useCallback, useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, BOUNDS, entitiesById, fetchNeighborhood, fetchPaths, fetchRetaliationChain, fetchSchemaEnums } from "./api.js";
import type { EntitySummary, Neighborhood, PathResult, SchemaEnums } from "./api.js";
import { QueryForm } from "./controls.js";
import type { Draft, PickedEntity } from "./controls.js";
import { saveBlob, saveText, toGraphML, toNodeLink, toPngBlob } from "./downloads.js";
import { chainGraph, createGraph, kindColor, mergeNeighborhood, neighborhoodGraph, pathsGraph } from "./graph-model.js";
import type { ExplorerGraph } from "./graph-model.js";
import { layoutAfterMerge, neighborhoodLayout, pathsLayout, timeLayout, warmUpLayout } from "./layout.js";
import type { TimeAxis } from "./layout.js";
import { DetailsPanel } from "./panel.js";
import type { PanelActions, Selection } from "./panel.js";
import { createRenderer, DOUBLE_CLICK_MS } from "./render.js";
import type { ExplorerSigma, Renderer } from "./render.js";
import { DEFAULT_STATE, formatState, parseState } from "./url-state.js";
import type { ViewState } from "./url-state.js";
import "./explorer.css";

/** How long the last view took: graph built and laid out, then drawn until the next frame. */
export interface RenderTiming {
  readonly totalMs: number;
  readonly layoutMs: number;
  readonly drawMs: number;
  readonly nodes: number;
  readonly edges: number;
}

/** The testing hook (see the header comment). */
export interface ExplorerHook {
  readonly graph: ExplorerGraph;
  readonly sigma: ExplorerSigma | null;
  lastRenderMs: number | null;
  lastRender: RenderTiming | null;
}

declare global {
  interface Window {
    __explorer?: ExplorerHook;
  }
}

interface ViewInfo {
  readonly nodes: number;
  readonly edges: number;
  readonly truncated: boolean;
  readonly kinds: ReadonlyArray<readonly [string, number]>;
  readonly timing: RenderTiming | null;
}

const EMPTY_INFO: ViewInfo = { nodes: 0, edges: 0, truncated: false, kinds: [], timing: null };

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function describeKinds(graph: ExplorerGraph): Array<[string, number]> {
  const counts = new Map<string, number>();
  graph.forEachNode((_node, { kind }) => counts.set(kind, (counts.get(kind) ?? 0) + 1));
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Client-side checks of a view, so that the server never has to refuse one. */
function problemsOf(state: ViewState): string[] {
  const problems: string[] = [];
  const check = (name: keyof typeof BOUNDS, label: string, value: number) => {
    const { min, max } = BOUNDS[name];
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${label} must be an integer from ${min} to ${max}.`);
  };
  if (!state.id) problems.push(state.mode === "path" ? "Choose the entity the paths start from: type a name and pick a result." : "Choose an entity: type a name and pick a result.");
  if (state.mode === "path" && !state.to) problems.push("Choose the entity the paths end at: type a name in “To” and pick a result.");
  if (state.mode === "neighborhood") {
    check("depth", "Depth", state.depth);
    check("limit", "Limit", state.limit);
  }
  if (state.mode === "path" && state.paths !== "shortest") check("k", "The number of paths", state.k);
  if (state.mode === "path" && state.paths === "k") check("maxLength", "Max steps", state.maxLength);
  return problems;
}

const picked = (entity: EntitySummary | null | undefined): PickedEntity | null => (entity ? { id: entity.id, name: entity.name, kind: entity.kind } : null);

function App() {
  const containerRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<Renderer | null>(null);
  const axisRef = useRef<TimeAxis | null>(null);
  const viewRef = useRef<ViewState | null>(null);
  const sequence = useRef(0);
  const [enums, setEnums] = useState<SchemaEnums | null>(null);
  const [draft, setDraft] = useState<Draft>({ state: DEFAULT_STATE, from: null, to: null });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [info, setInfo] = useState<ViewInfo>(EMPTY_INFO);
  const [paths, setPaths] = useState<readonly PathResult[] | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  /** Views loaded or refused so far (the status line's data-generation), so a test can wait for the next one. */
  const [generation, setGeneration] = useState(0);
  const finished = useCallback(() => setGeneration((count) => count + 1), []);

  const select = useCallback((next: Selection | null) => {
    setSelection(next);
    // The details panel covers the right of the graph (min(380px, 60%), explorer.css).
    const width = containerRef.current?.clientWidth ?? 0;
    rendererRef.current?.select(next ? (next.node !== undefined ? { node: next.node } : { edge: next.edge }) : null, Math.min(380, width * 0.6));
  }, []);

  /** The graph drawn (empty before the renderer starts). */
  const drawn = useCallback(() => rendererRef.current?.graph ?? createGraph(), []);

  /**
   * Draws a graph built and laid out off screen (a new view, or the current
   * one expanded) and records the time since `started` (before the graph was
   * built): layout until `laidOut`, then drawing until the next frame.
   */
  const draw = useCallback(async (graph: ExplorerGraph, started: number, laidOut: number, newView: boolean, truncated: boolean) => {
    const renderer = rendererRef.current;
    if (!renderer) throw new Error("The graph cannot be drawn: the renderer did not start.");
    renderer.show(graph, { axis: axisRef.current, resetCamera: newView });
    await nextFrame();
    const finished = performance.now();
    const timing: RenderTiming = { totalMs: finished - started, layoutMs: laidOut - started, drawMs: finished - laidOut, nodes: graph.order, edges: graph.size };
    if (window.__explorer && graph.order > 0) {
      window.__explorer.lastRenderMs = timing.totalMs;
      window.__explorer.lastRender = timing;
    }
    setInfo({ nodes: renderer.graph.order, edges: renderer.graph.size, truncated, kinds: describeKinds(renderer.graph), timing });
  }, []);

  /** Empties the graph (after a view that cannot be shown, so the last one is not taken for its answer). */
  const clearView = useCallback(async () => {
    viewRef.current = null;
    axisRef.current = null;
    setPaths(null);
    if (rendererRef.current) await draw(createGraph(), performance.now(), performance.now(), true, false);
  }, [draw]);

  /** Loads a view: checks its ids, asks the API, builds, lays out and draws the graph. */
  const load = useCallback(
    async (state: ViewState, history: "push" | "none") => {
      const run = ++sequence.current;
      const stale = () => run !== sequence.current;
      if (history === "push" && window.location.search !== formatState(state)) window.history.pushState(null, "", `${window.location.pathname}${formatState(state)}`);
      setError(null);
      setNotice(null);
      select(null);
      if (!state.id && !state.to) {
        await clearView();
        setNotice("Search for an entity, choose what to show and press Run.");
        finished();
        return;
      }
      const problems = problemsOf(state);
      if (problems.length > 0) {
        await clearView();
        setError(problems.join(" "));
        finished();
        return;
      }
      setBusy(true);
      try {
        // Every id the view names, checked first: an unknown one is a clear message, not a failed query.
        const ids = [...new Set([state.id, ...(state.mode === "path" ? [state.to] : []), ...state.expand])];
        const found = await entitiesById(ids);
        if (stale()) return;
        const byId = new Map(ids.map((id, index) => [id, found[index] ?? null]));
        const unknown = ids.filter((id) => byId.get(id) === null);
        setDraft({ state: { ...state, expand: [] }, from: picked(byId.get(state.id)), to: state.mode === "path" ? picked(byId.get(state.to)) : null });
        if (unknown.length > 0) throw new ApiError(`No entity with id ${unknown.map((id) => `“${id}”`).join(", ")}. Search for it by name instead.`, "NOT_FOUND");
        const main = byId.get(state.id)!;
        if (state.mode === "chain" && main.kind !== "EVENT") {
          throw new ApiError(`${main.name} (${main.id}) is ${main.kind.toLowerCase().replace(/_/g, " ")}, not an event: a retaliation chain starts from an event.`, "BAD_USER_INPUT");
        }
        const filters = { relationTypes: state.mode === "chain" ? [] : state.types, direction: state.mode === "chain" ? ("EITHER" as const) : state.direction };

        // Ask for everything first, so the timing below is layout and drawing alone.
        let neighborhood: Neighborhood | null = null;
        let foundPaths: readonly PathResult[] = [];
        let chain: Awaited<ReturnType<typeof fetchRetaliationChain>> | null = null;
        if (state.mode === "neighborhood") neighborhood = await fetchNeighborhood({ id: state.id, depth: state.depth, limit: state.limit, ...filters });
        else if (state.mode === "path") foundPaths = await fetchPaths({ from: state.id, to: state.to, kind: state.paths, k: state.k, maxLength: state.maxLength, ...filters });
        else chain = await fetchRetaliationChain(state.id);
        const expansions: Array<[string, Neighborhood]> = [];
        for (const id of state.expand) expansions.push([id, await fetchNeighborhood({ id, depth: 1, limit: state.limit, ...filters })]);
        if (stale()) return;

        const started = performance.now();
        let graph: ExplorerGraph;
        let axis: TimeAxis | null = null;
        if (neighborhood) {
          graph = neighborhoodGraph(neighborhood, state.id);
          neighborhoodLayout(graph);
        } else if (chain) {
          graph = chainGraph(chain);
          axis = timeLayout(graph);
        } else {
          graph = pathsGraph(foundPaths, state.id, state.to);
          pathsLayout(graph);
        }
        for (const [id, result] of expansions) layoutAfterMerge(graph, mergeNeighborhood(graph, result), id, state.mode !== "neighborhood");
        const laidOut = performance.now();
        viewRef.current = state;
        axisRef.current = axis;
        setPaths(state.mode === "path" ? foundPaths : null);
        await draw(graph, started, laidOut, true, neighborhood?.truncated ?? false);
        if (stale()) return;
        if (state.mode === "path" && foundPaths.length === 0) {
          setNotice(`No path from ${main.name} to ${byId.get(state.to)?.name ?? state.to} with these relation types and direction${state.paths === "k" ? ` within ${state.maxLength} steps` : ""}.`);
        } else if (state.mode === "chain" && chain && chain.events.length <= 1) {
          setNotice(`${main.name} is in no retaliation chain: nothing it answered or that answered it.`);
        }
      } catch (failure) {
        if (stale()) return;
        await clearView();
        setError(messageOf(failure));
      } finally {
        if (!stale()) {
          setBusy(false);
          finished();
        }
      }
    },
    [draw, select, finished, clearView],
  );

  /** Adds an entity's neighbours (depth 1, the view's filters) to the graph in place, and lays out again from the positions there are. */
  const expand = useCallback(
    async (id: string) => {
      const state = viewRef.current;
      if (!state || !drawn().hasNode(id)) return;
      const next: ViewState = { ...state, expand: [...state.expand.filter((other) => other !== id), id] };
      const run = ++sequence.current;
      window.history.pushState(null, "", `${window.location.pathname}${formatState(next)}`);
      setError(null);
      setBusy(true);
      try {
        const result = await fetchNeighborhood({
          id,
          depth: 1,
          limit: state.limit,
          relationTypes: state.mode === "chain" ? [] : state.types,
          direction: state.mode === "chain" ? "EITHER" : state.direction,
        });
        if (run !== sequence.current) return;
        const started = performance.now();
        const graph = drawn().copy();
        const added = mergeNeighborhood(graph, result);
        layoutAfterMerge(graph, added, id, state.mode !== "neighborhood");
        const laidOut = performance.now();
        viewRef.current = next;
        await draw(graph, started, laidOut, false, info.truncated);
        setNotice(`Expanded ${graph.getNodeAttribute(id, "name")}: ${added.length === 0 ? "no new entities" : `${added.length} new ${added.length === 1 ? "entity" : "entities"}`}.`);
      } catch (failure) {
        if (run === sequence.current) setError(messageOf(failure));
      } finally {
        if (run === sequence.current) {
          setBusy(false);
          finished();
        }
      }
    },
    [draw, drawn, finished, info.truncated],
  );

  // Handlers the renderer calls: kept in a ref so sigma's listeners always reach the current ones.
  const handlers = useRef({ expand, select });
  handlers.current = { expand, select };
  // A click on a node opens its panel once it is clear that no second click makes it a double-click
  // (which expands the node instead): the panel or the camera moving would make that second click miss.
  const pendingClick = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelPendingClick = () => {
    if (pendingClick.current !== null) clearTimeout(pendingClick.current);
    pendingClick.current = null;
  };

  // The schema's enums, then the view the URL names; back and forward load the view of their URL.
  // (Declared first, so the request is on its way while the renderer below compiles its WebGL programs.)
  useEffect(() => {
    let live = true;
    const restore = (relationTypes: readonly string[]) => {
      const { state, problems } = parseState(window.location.search, relationTypes);
      if (problems.length > 0) {
        sequence.current++;
        setDraft((current) => ({ ...current, state: { ...state, expand: [] } }));
        select(null);
        void clearView().then(() => {
          setError(`This address cannot be shown: ${problems.join(" ")}`);
          finished();
        });
        return;
      }
      void load(state, "none");
    };
    let relationTypes: readonly string[] = [];
    const onPopState = () => restore(relationTypes);
    const enumsRequest = fetchSchemaEnums();
    // While the schema is on its way.
    warmUpLayout();
    enumsRequest.then(
      (result) => {
        if (!live) return;
        setEnums(result);
        relationTypes = result.relationTypes.map((type) => type.name);
        window.addEventListener("popstate", onPopState);
        restore(relationTypes);
      },
      (failure: unknown) => live && setError(`The explorer could not read the schema: ${messageOf(failure)}`),
    );
    return () => {
      live = false;
      window.removeEventListener("popstate", onPopState);
    };
  }, [load, finished, clearView, select]);

  // The renderer and the testing hook, once.
  useEffect(() => {
    const container = containerRef.current!;
    try {
      rendererRef.current = createRenderer(container, {
        onNodeClick: (node) => {
          cancelPendingClick();
          pendingClick.current = setTimeout(() => {
            pendingClick.current = null;
            handlers.current.select({ node });
          }, DOUBLE_CLICK_MS);
        },
        onNodeDoubleClick: (node) => {
          cancelPendingClick();
          void handlers.current.expand(node);
        },
        onEdgeClick: (edge) => {
          cancelPendingClick();
          handlers.current.select({ edge });
        },
        onStageClick: () => {
          cancelPendingClick();
          handlers.current.select(null);
        },
      });
    } catch (failure) {
      setError(`This browser cannot draw the graph (sigma needs WebGL 2): ${messageOf(failure)}`);
    }
    window.__explorer = {
      get graph() {
        return drawn();
      },
      get sigma() {
        return rendererRef.current?.sigma ?? null;
      },
      lastRenderMs: null,
      lastRender: null,
    };
    return () => {
      cancelPendingClick();
      rendererRef.current?.kill();
      rendererRef.current = null;
      delete window.__explorer;
    };
  }, [drawn]);

  const run = (next: Draft) => {
    const state = { ...next.state, expand: [] };
    const problems = problemsOf(state);
    if (problems.length > 0) {
      setError(problems.join(" "));
      return;
    }
    void load(state, "push");
  };

  const goTo = (state: ViewState) => void load(state, "push");

  const actions: PanelActions = {
    onExpand: (id) => void expand(id),
    onCentre: (id) => goTo({ ...(viewRef.current ?? DEFAULT_STATE), mode: "neighborhood", id, to: "", expand: [] }),
    onChain: (id) => goTo({ ...DEFAULT_STATE, mode: "chain", id }),
    onSelectNode: (id) => select({ node: id }),
    onClose: () => select(null),
    onError: (message) => setError(message),
  };

  const description = () => {
    const state = viewRef.current ?? draft.state;
    return {
      description: "Conflict knowledge graph, as drawn by the explorer",
      mode: state.mode,
      ...(state.mode === "path" ? { from: state.id, to: state.to, paths: state.paths, k: state.k, maxLength: state.maxLength } : { id: state.id }),
      ...(state.mode === "neighborhood" ? { depth: state.depth, limit: state.limit, truncated: info.truncated } : {}),
      ...(state.mode !== "chain" ? { relationTypes: state.types, direction: state.direction } : {}),
      expanded: state.expand,
      url: `${window.location.origin}/explorer${formatState(state)}`,
    };
  };
  const fileStem = () => {
    const state = viewRef.current ?? draft.state;
    return [state.mode, state.id, state.mode === "path" ? state.to : null, state.mode === "neighborhood" ? `depth-${state.depth}` : null].filter(Boolean).join("-");
  };
  const downloads = {
    json: () => saveText(`${JSON.stringify(toNodeLink(drawn(), description()), null, 2)}\n`, "application/json", `${fileStem()}.node-link.json`),
    graphml: () => saveText(toGraphML(drawn(), description()), "application/graphml+xml", `${fileStem()}.graphml`),
    png: () => {
      const sigma = rendererRef.current?.sigma;
      if (sigma) toPngBlob(sigma).then((blob) => saveBlob(blob, `${fileStem()}.png`), (failure: unknown) => setError(`The PNG could not be made: ${messageOf(failure)}`));
    },
  };

  const examples: Array<[string, ViewState]> = [
    ["Kataib Hezbollah's neighbourhood", { ...DEFAULT_STATE, id: "kataib-hezbollah" }],
    ["Kataib Sayyid al Shuhada to Joe Biden", { ...DEFAULT_STATE, mode: "path", id: "kataib-sayyid-al-shuhada", to: "joe-biden", paths: "k" }],
    ["The retaliation chain of the June 27, 2021 strikes", { ...DEFAULT_STATE, mode: "chain", id: "us-strike-2021-06-27" }],
  ];
  const empty = info.nodes === 0;

  return (
    <div className="explorer">
      <header className="topbar">
        <h1>Conflict graph explorer</h1>
        <nav>
          <a href="/" data-testid="ide-link">
            GraphiQL IDE
          </a>
        </nav>
      </header>
      <aside className="sidebar">
        <QueryForm draft={draft} relationTypes={enums?.relationTypes ?? []} busy={busy} onChange={setDraft} onRun={run} onError={setError} />
        <section className="stats" aria-live="polite">
          <div>
            Nodes <strong data-testid="node-count">{info.nodes}</strong> · Edges <strong data-testid="edge-count">{info.edges}</strong>
            {info.truncated && (
              <span className="truncated" data-testid="truncated" title="The limit was reached: the entities farthest from the centre were left out.">
                {" "}
                · truncated
              </span>
            )}
          </div>
          <div className="muted" data-testid="status" data-busy={busy ? "true" : "false"} data-generation={generation}>
            {busy ? "Loading…" : (notice ?? (empty ? "Nothing shown yet." : "Click a node or an edge for its evidence; double-click a node to expand it."))}
          </div>
        </section>
        {paths && paths.length > 0 && <PathList paths={paths} onSelect={(id) => select({ node: id })} />}
        {info.kinds.length > 0 && (
          <section className="legend" data-testid="legend">
            <h2>Kinds</h2>
            <ul>
              {info.kinds.map(([kind, count]) => (
                <li key={kind} data-testid="legend-item" data-kind={kind}>
                  <span className="swatch" style={{ background: kindColor(kind) }} /> {kind.replace(/_/g, " ").toLowerCase()} <span className="muted">{count}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className="downloads">
          <h2>Download this view</h2>
          <div className="row">
            <button type="button" data-testid="download-json" disabled={empty} onClick={downloads.json} title="networkx node-link JSON: networkx.node_link_graph(data, edges='links')">
              Node-link JSON
            </button>
            <button type="button" data-testid="download-graphml" disabled={empty} onClick={downloads.graphml}>
              GraphML
            </button>
            <button type="button" data-testid="download-png" disabled={empty} onClick={downloads.png}>
              PNG
            </button>
          </div>
        </section>
        {empty && !busy && (
          <section className="examples">
            <h2>Examples</h2>
            <ul>
              {examples.map(([label, state]) => (
                <li key={label}>
                  <a
                    href={`/explorer${formatState(state)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      goTo(state);
                    }}
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <footer className="muted render-time" data-testid="render-ms">
          {info.timing ? `Laid out and drawn in ${Math.round(info.timing.totalMs)} ms (layout ${Math.round(info.timing.layoutMs)} ms).` : ""}
        </footer>
      </aside>
      <main className="stage">
        {error && (
          <div className="error" role="alert" data-testid="error">
            <span>{error}</span>
            <button type="button" aria-label="Dismiss" onClick={() => setError(null)}>
              ×
            </button>
          </div>
        )}
        <div className="graph" ref={containerRef} data-testid="graph" />
        {/* Over the graph, not beside it: opening it must not move what is drawn (a double-click's second click would miss). */}
        {selection && <DetailsPanel selection={selection} actions={actions} inGraph={selection.node !== undefined && drawn().hasNode(selection.node)} />}
      </main>
    </div>
  );
}

function PathList({ paths, onSelect }: { paths: readonly PathResult[]; onSelect: (id: string) => void }) {
  return (
    <section className="paths" data-testid="path-list">
      <h2>
        {paths.length} path{paths.length === 1 ? "" : "s"}
      </h2>
      <ol>
        {paths.map((path, index) => (
          <li key={index} data-testid="path">
            <span className="muted">{path.length} steps: </span>
            {path.nodes.map((node, position) => {
              const step = path.steps[position];
              return (
                <span key={position}>
                  <button type="button" className="link-button" data-testid="path-node" data-id={node.id} onClick={() => onSelect(node.id)}>
                    {node.shortName ?? node.name}
                  </button>
                  {step && <span className="step">{step.direction === "FORWARD" ? ` —${step.relation.type}→ ` : ` ←${step.relation.type}— `}</span>}
                </span>
              );
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Shows a rendering failure as a message rather than a blank page. */
class ErrorBoundary extends Component<{ children: ReactNode }, { failure: string | null }> {
  override state = { failure: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { failure: messageOf(error) };
  }
  override render() {
    if (this.state.failure) {
      return (
        <div className="error fatal" role="alert" data-testid="error">
          The explorer stopped: {this.state.failure}. <a href="/explorer">Start again</a> or use the <a href="/">GraphiQL IDE</a>.
        </div>
      );
    }
    return this.props.children;
  }
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
