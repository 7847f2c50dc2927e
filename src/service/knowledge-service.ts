/**
 * The knowledge service: every question the API and the command line can ask
 * of the graph, as plain method calls. It resolves ids to records, applies
 * filters and pagination, and wraps the traversal algorithms; it knows nothing
 * of GraphQL or HTTP.
 */
import type { Direction, GraphProfile, Path } from "../algorithms/index.js";
import { BadInputError, NotFoundError } from "../errors.js";
import type { Knowledge } from "../graph/knowledge.js";
import { parsePartialDate } from "../model/dates.js";
import type { EntityKind, EventType, RelationType } from "../model/ontology.js";
import type { DateRecord, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../model/records.js";
import { paginate } from "./pagination.js";
import type { Page } from "./pagination.js";
import type { DateView, PathView, RetaliationChainView, SubgraphView } from "./views.js";

export interface WalkArgs {
  readonly relationTypes?: readonly RelationType[] | null | undefined;
  readonly direction?: Direction | null | undefined;
}

/** A slice of a list: `first` items after skipping `offset`; the whole list when absent. */
export interface Slice {
  readonly first: number;
  readonly offset: number;
}

function sliced<T>(items: T[], slice: Slice | undefined): T[] {
  return slice ? items.slice(slice.offset, slice.offset + slice.first) : items;
}

export interface TimelineFilter {
  /** Earliest day (inclusive), as YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly from?: string | null | undefined;
  /** Latest day (inclusive), as YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly to?: string | null | undefined;
  readonly types?: readonly EventType[] | null | undefined;
  /** Only events joined to this entity by some relation. */
  readonly involving?: string | null | undefined;
}

function dateBound(argument: "from" | "to", value: string): string {
  const parsed = parsePartialDate(value);
  if (typeof parsed === "string" || parsed.precision === "RANGE") {
    throw new BadInputError(argument, `must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  }
  return argument === "from" ? parsed.earliest : parsed.latest;
}

export interface ServiceOptions {
  /** Most edge visits one traversal may make (BudgetExceededError past it); default unlimited. */
  readonly traversalBudget?: number;
}

export class KnowledgeService {
  private readonly budget: number | undefined;

  constructor(
    private readonly knowledge: Knowledge,
    options: ServiceOptions = {},
  ) {
    this.budget = options.traversalBudget;
  }

  private get graph() {
    return this.knowledge.graph;
  }

  private get traversals() {
    return this.knowledge.traversals;
  }

  /** Upper bounds on what queries can return, for the cost analysis. */
  get profile(): GraphProfile {
    return this.knowledge.profile;
  }

  /** Sizes of the loaded graph. */
  stats(): { entities: number; relations: number; sources: number } {
    return { entities: this.graph.order, relations: this.graph.size, sources: this.knowledge.sources.size };
  }

  entity(id: string): EntityRecord {
    if (!this.graph.hasNode(id)) throw new NotFoundError("entity", id);
    return this.graph.getNodeAttribute(id, "record");
  }

  relation(id: string): RelationRecord {
    if (!this.graph.hasEdge(id)) throw new NotFoundError("relation", id);
    return this.graph.getEdgeAttribute(id, "record");
  }

  source(id: string): SourceDocument {
    const source = this.knowledge.sources.get(id);
    if (!source) throw new NotFoundError("source document", id);
    return source;
  }

  sources(): SourceDocument[] {
    return [...this.knowledge.sources.values()];
  }

  /** Entities by kind and/or name search (ids, names and aliases; see Lookups.search). */
  entities(filter: { kind?: EntityKind | null; search?: string | null }, first: number, after?: string | null): Page<EntityRecord> {
    const { lookups } = this.knowledge;
    let ids: readonly string[];
    if (filter.search != null) {
      ids = lookups.search(filter.search);
      if (filter.kind != null) ids = ids.filter((id) => this.graph.getNodeAttribute(id, "kind") === filter.kind);
    } else if (filter.kind != null) {
      ids = lookups.ofKind(filter.kind);
    } else {
      ids = this.graph.nodes();
    }
    return paginate(ids, first, after).mapped((id) => this.entity(id));
  }

  /** Entities by id, in the order given; null where an id names no entity. */
  entitiesById(ids: readonly string[]): Array<EntityRecord | null> {
    return ids.map((id) => (this.graph.hasNode(id) ? this.entity(id) : null));
  }

  /** Every entity, in data order. */
  allEntities(): EntityRecord[] {
    return this.graph.mapNodes((_id, node) => node.record);
  }

  /** Every relation, in data order. */
  allRelations(): RelationRecord[] {
    return this.graph.mapEdges((_id, edge) => edge.record);
  }

  /**
   * An entity given by id or by name, as a person types it: the exact id, else
   * the one entity whose name or alias matches, else the one search match.
   * Otherwise the closest candidates (several matches, or the nearest spellings).
   */
  resolve(text: string): { entity: EntityRecord } | { candidates: EntityRecord[]; ambiguous: boolean } {
    if (this.graph.hasNode(text)) return { entity: this.entity(text) };
    const named = this.knowledge.lookups.byName(text);
    if (named.length === 1) return { entity: this.entity(named[0]!) };
    const found = named.length > 1 ? named : this.knowledge.lookups.search(text);
    if (found.length === 1) return { entity: this.entity(found[0]!) };
    const ambiguous = found.length > 1;
    const candidates = ambiguous ? found.slice(0, 10) : this.knowledge.lookups.closest(text, 5);
    return { candidates: candidates.map((id) => this.entity(id)), ambiguous };
  }

  /** Entities whose name, alias or id equals `text` once normalised. */
  entitiesNamed(text: string): EntityRecord[] {
    return this.knowledge.lookups.byName(text).map((id) => this.entity(id));
  }

  relations(filter: { type?: RelationType | null; sourceId?: string | null; targetId?: string | null }, first: number, after?: string | null): Page<RelationRecord> {
    const { sourceId, targetId, type } = filter;
    if (sourceId != null) this.entity(sourceId);
    if (targetId != null) this.entity(targetId);
    let edges: string[];
    if (sourceId != null && targetId != null) edges = this.graph.directedEdges(sourceId, targetId);
    else if (sourceId != null) edges = this.graph.outEdges(sourceId);
    else if (targetId != null) edges = this.graph.inEdges(targetId);
    else edges = this.graph.edges();
    if (type != null) edges = edges.filter((e) => this.graph.getEdgeAttribute(e, "type") === type);
    return paginate(edges, first, after).mapped((e) => this.relation(e));
  }

  /** Ids of the relations touching an entity: outgoing (FORWARD), incoming (BACKWARD) or both, in data order. */
  private edgesOf(id: string, args: WalkArgs): string[] {
    this.entity(id);
    const direction = args.direction ?? "either";
    const edges =
      direction === "forward" ? this.graph.outEdges(id) : direction === "backward" ? this.graph.inEdges(id) : this.graph.edges(id);
    const types = args.relationTypes && args.relationTypes.length > 0 ? new Set<string>(args.relationTypes) : null;
    return types === null ? edges : edges.filter((e) => types.has(this.graph.getEdgeAttribute(e, "type")));
  }

  /** Relations touching an entity: outgoing (FORWARD), incoming (BACKWARD) or both; a slice of them when asked. */
  relationsOf(id: string, args: WalkArgs = {}, slice?: Slice): RelationRecord[] {
    return sliced(this.edgesOf(id, args), slice).map((e) => this.relation(e));
  }

  /** How many relations `relationsOf` would give without a slice. */
  degreeOf(id: string, args: WalkArgs = {}): number {
    return this.edgesOf(id, args).length;
  }

  /** Entities at the other end of `relationsOf`, each once, in relation order; a slice of them when asked. */
  neighborsOf(id: string, args: WalkArgs = {}, slice?: Slice): EntityRecord[] {
    const seen = new Set<string>();
    for (const e of this.edgesOf(id, args)) {
      const source = this.graph.source(e);
      seen.add(source === id ? this.graph.target(e) : source);
    }
    return sliced([...seen], slice).map((n) => this.entity(n));
  }

  /** Events as a timeline, ordered by earliest possible date, then id; a slice of them when asked. */
  events(filter: TimelineFilter = {}, slice?: Slice): EntityRecord[] {
    const from = filter.from != null ? dateBound("from", filter.from) : null;
    const to = filter.to != null ? dateBound("to", filter.to) : null;
    if (from !== null && to !== null && from > to) throw new BadInputError("to", `must not be before from (${filter.from} > ${filter.to})`);
    const types = filter.types && filter.types.length > 0 ? new Set<string>(filter.types) : null;
    const involved = filter.involving != null ? new Set(this.graph.neighbors(this.entity(filter.involving).id)) : null;
    const matching = this.knowledge.lookups.datedIds.filter((id) => {
      const node = this.graph.getNodeAttributes(id);
      if (node.record.kind !== "Event" || node.date === null) return false;
      if (from !== null && node.date.latest < from) return false;
      if (to !== null && node.date.earliest > to) return false;
      if (types !== null && !types.has(node.record.eventType)) return false;
      return involved === null || involved.has(id);
    });
    return sliced(matching, slice).map((id) => this.entity(id));
  }

  /** The parsed date of a date record, with its precision and inference note. */
  dateView(date: DateRecord): DateView {
    const parsed = parsePartialDate(date.value);
    if (typeof parsed === "string") throw new Error(`unvalidated date: ${parsed}`);
    return {
      ...parsed,
      asWritten: date.asWritten ?? null,
      yearInferred: date.yearInferred !== undefined,
      yearInference: date.yearInferred ?? null,
    };
  }

  attributedTo(evidence: Evidence): EntityRecord[] {
    return (evidence.attributedTo ?? []).map((id) => this.entity(id));
  }

  neighborhood(id: string, args: WalkArgs & { depth: number; limit: number }): SubgraphView {
    const result = this.traversals.neighborhood(id, { ...this.walkOptions(args), depth: args.depth, limit: args.limit });
    return {
      center: id,
      depth: args.depth,
      nodes: result.nodes.map((n) => ({ depth: n.depth, entity: this.entity(n.id) })),
      edges: result.edges.map((e) => this.relation(e)),
      truncated: result.truncated,
    };
  }

  shortestPath(from: string, to: string, args: WalkArgs = {}): PathView | null {
    const path = this.traversals.shortestPath(from, to, this.walkOptions(args));
    return path === null ? null : this.pathView(path);
  }

  allShortestPaths(from: string, to: string, args: WalkArgs & { limit: number }): PathView[] {
    return this.traversals.allShortestPaths(from, to, { ...this.walkOptions(args), limit: args.limit }).map((p) => this.pathView(p));
  }

  paths(from: string, to: string, args: WalkArgs & { maxLength: number; limit: number }): PathView[] {
    return this.traversals
      .kShortestPaths(from, to, { ...this.walkOptions(args), maxLength: args.maxLength, limit: args.limit })
      .map((p) => this.pathView(p));
  }

  retaliationChain(eventId: string): RetaliationChainView {
    const event = this.entity(eventId);
    if (event.kind !== "Event") throw new BadInputError("eventId", `"${eventId}" is a ${event.kind}, not an Event`);
    const chain = this.traversals.retaliationChain(eventId, {
      dateOf: (id) => this.graph.getNodeAttribute(id, "date")?.earliest ?? null,
      budget: this.budget,
    });
    const toRecords = (ids: readonly string[]) => ids.map((id) => this.entity(id));
    return {
      event,
      events: toRecords(chain.events),
      before: toRecords(chain.before),
      after: toRecords(chain.after),
      relations: chain.edges.map((e) => this.relation(e)),
    };
  }

  private walkOptions(args: WalkArgs) {
    return { relationTypes: args.relationTypes ?? undefined, direction: args.direction ?? undefined, budget: this.budget };
  }

  private pathView(path: Path): PathView {
    return {
      length: path.steps.length,
      nodes: path.nodes.map((id) => this.entity(id)),
      steps: path.steps.map((s) => ({
        from: this.entity(s.from),
        relation: this.relation(s.edge),
        to: this.entity(s.to),
        direction: s.reversed ? "BACKWARD" : "FORWARD",
      })),
    };
  }
}
