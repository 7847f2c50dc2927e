/**
 * The explorer's view as a URL, and back: what is shown (mode, entities,
 * depth, relation types, direction, limit, which paths, expansions) lives in
 * the query string, so a link reproduces the view and the browser's back
 * button returns to the last one. Parsing checks every value against the
 * API's bounds and enums and says what is wrong, instead of sending a request
 * the server would refuse.
 *
 *   /explorer?mode=neighborhood&id=kataib-hezbollah&depth=2&types=BACKS,MEMBER_OF&direction=FORWARD&limit=100
 *   /explorer?mode=path&from=kataib-sayyid-al-shuhada&to=joe-biden&paths=k&k=5&maxLength=4
 *   /explorer?mode=chain&id=us-strike-2021-06-27
 */
import { BOUNDS, DIRECTIONS } from "./api.js";
import type { Direction } from "./api.js";

export type Mode = "neighborhood" | "path" | "chain";
export type PathKind = "shortest" | "all" | "k";
export const MODES: readonly Mode[] = ["neighborhood", "path", "chain"];
export const PATH_KINDS: readonly PathKind[] = ["shortest", "all", "k"];

export interface ViewState {
  readonly mode: Mode;
  /** The centre (neighbourhood), the start (path) or the event (chain). */
  readonly id: string;
  /** The end of a path. */
  readonly to: string;
  readonly depth: number;
  readonly limit: number;
  readonly types: readonly string[];
  readonly direction: Direction;
  readonly paths: PathKind;
  /** How many paths (all shortest, k shortest). */
  readonly k: number;
  readonly maxLength: number;
  /** Entities expanded in place, in order. */
  readonly expand: readonly string[];
}

export const DEFAULT_STATE: ViewState = {
  mode: "neighborhood",
  id: "",
  to: "",
  depth: 1,
  limit: 100,
  types: [],
  direction: "EITHER",
  paths: "shortest",
  k: 3,
  maxLength: 4,
  expand: [],
};

export interface ParsedState {
  readonly state: ViewState;
  /** What was wrong with the URL, one message per parameter. */
  readonly problems: readonly string[];
}

const KNOWN = new Set(["mode", "id", "from", "to", "depth", "limit", "types", "direction", "paths", "k", "maxLength", "expand"]);

function list(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Reads a view from a query string; `relationTypes` are the enum's values (from the schema). */
export function parseState(search: string, relationTypes: readonly string[]): ParsedState {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const integer = (name: keyof typeof BOUNDS, fallback: number): number => {
    const raw = params.get(name);
    if (raw === null || raw === "") return fallback;
    const { min, max } = BOUNDS[name];
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = params.get(name);
    if (raw === null || raw === "") return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(", ")} (got "${raw}").`);
    return fallback;
  };

  const mode = oneOf("mode", MODES, DEFAULT_STATE.mode);
  const types = list(params.get("types"));
  const unknownTypes = relationTypes.length > 0 ? types.filter((type) => !relationTypes.includes(type)) : [];
  if (unknownTypes.length > 0) problems.push(`Unknown relation type${unknownTypes.length > 1 ? "s" : ""} in types: ${unknownTypes.join(", ")}.`);
  for (const name of params.keys()) if (!KNOWN.has(name)) problems.push(`Unknown URL parameter "${name}".`);

  const state: ViewState = {
    mode,
    id: (mode === "path" ? (params.get("from") ?? params.get("id")) : params.get("id"))?.trim() ?? "",
    to: params.get("to")?.trim() ?? "",
    depth: integer("depth", DEFAULT_STATE.depth),
    limit: integer("limit", DEFAULT_STATE.limit),
    types: types.filter((type) => !unknownTypes.includes(type)),
    direction: oneOf("direction", DIRECTIONS, DEFAULT_STATE.direction),
    paths: oneOf("paths", PATH_KINDS, DEFAULT_STATE.paths),
    k: integer("k", DEFAULT_STATE.k),
    maxLength: integer("maxLength", DEFAULT_STATE.maxLength),
    expand: list(params.get("expand")),
  };
  return { state, problems };
}

/** The query string of a view (leading "?"), with only what differs from the defaults and what its mode uses. */
export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set("mode", state.mode);
  if (state.mode === "path") {
    if (state.id) params.set("from", state.id);
    if (state.to) params.set("to", state.to);
  } else if (state.id) {
    params.set("id", state.id);
  }
  if (state.mode === "neighborhood") {
    if (state.depth !== DEFAULT_STATE.depth) params.set("depth", String(state.depth));
    if (state.limit !== DEFAULT_STATE.limit) params.set("limit", String(state.limit));
  }
  if (state.mode !== "chain") {
    if (state.types.length > 0) params.set("types", state.types.join(","));
    if (state.direction !== DEFAULT_STATE.direction) params.set("direction", state.direction);
  }
  if (state.mode === "path") {
    if (state.paths !== DEFAULT_STATE.paths) params.set("paths", state.paths);
    if (state.paths !== "shortest" && state.k !== DEFAULT_STATE.k) params.set("k", String(state.k));
    if (state.paths === "k" && state.maxLength !== DEFAULT_STATE.maxLength) params.set("maxLength", String(state.maxLength));
  }
  if (state.expand.length > 0) params.set("expand", state.expand.join(","));
  // Commas are safe in a query string; keep lists readable.
  return `?${params.toString().replace(/%2C/gi, ",")}`;
}

/** Whether two views are the same (so that re-running one does not push a history entry). */
export function sameState(a: ViewState, b: ViewState): boolean {
  return formatState(a) === formatState(b);
}
