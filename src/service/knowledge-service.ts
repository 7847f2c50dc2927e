/**
 * The knowledge service: every question the API, the export routes and the
 * command line can ask of the graph, as plain method calls. Each method takes
 * its arguments as given (see requests.ts), parses and bounds them first, then
 * resolves ids to records, filters, pages and runs traversals. It knows
 * nothing of GraphQL or HTTP.
 */
import { BadInputError, NotFoundError } from "../errors.js";
import { parsePartialDate } from "../model/dates.js";
import { RANKS } from "../model/ontology.js";
import type { Rank } from "../model/ontology.js";
import type { Claim, Coordinates, DateRecord, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../model/records.js";
import type { KnowledgeGraph } from "../graph/types.js";
import { allShortestPaths, kShortestPaths, neighborhood, retaliationChain, shortestPath } from "../traversal/index.js";
import type { Path } from "../traversal/index.js";
import { estimatesOf } from "./estimates.js";
import type { AccountView, EstimateView } from "./estimates.js";
import type { GraphProfile } from "./graph-profile.js";
import type { Knowledge } from "./knowledge.js";
import { paginate } from "./pagination.js";
import type { Page } from "./pagination.js";
import {
  allShortestPathsRequest,
  entitiesRequest,
  eventsRequest,
  DEFAULT_RANKS,
  idList,
  measures,
  neighborhoodRequest,
  pathRequest,
  pathsRequest,
  ranks,
  relationFilter,
  relationsRequest,
  requiredText,
  sliceRequest,
} from "./requests.js";
import type { RequestInput, Slice, WalkRequest } from "./requests.js";
import type { DateView, PathView, RetaliationChainView, SubgraphView } from "./views.js";

export interface ServiceOptions {
  /** Most edge visits one traversal may make (BudgetExceededError past it); default unlimited. */
  readonly traversalBudget?: number;
}

const sliced = <T>(items: T[], slice: Slice | undefined): T[] => (slice ? items.slice(slice.offset, slice.offset + slice.first) : items);

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

  /** `entity` for an `id` argument as given (checked like every other argument). */
  entityById(input: RequestInput): EntityRecord {
    return this.entity(requiredText(input, "id"));
  }

  relation(id: string): RelationRecord {
    if (!this.graph.hasEdge(id)) throw new NotFoundError("relation", id);
    return this.graph.getEdgeAttribute(id, "record");
  }

  relationById(input: RequestInput): RelationRecord {
    return this.relation(requiredText(input, "id"));
  }

  source(id: string): SourceDocument {
    const source = this.knowledge.sources.get(id);
    if (!source) throw new NotFoundError("source document", id);
    return source;
  }

  sources(): SourceDocument[] {
    return [...this.knowledge.sources.values()];
  }

  /** Entities by kind and/or name search (ids, names and aliases; see Lookups.search), a page at a time. */
  entities(input: RequestInput): Page<EntityRecord> {
    const { kind, search, first, after } = entitiesRequest(input);
    const { lookups } = this.knowledge;
    let ids: readonly string[];
    if (search !== null) {
      ids = lookups.search(search);
      if (kind !== null) ids = ids.filter((id) => this.graph.getNodeAttribute(id, "kind") === kind);
    } else if (kind !== null) {
      ids = lookups.ofKind(kind);
    } else {
      ids = this.graph.nodes();
    }
    return paginate(ids, first, after).mapped((id) => this.entity(id));
  }

  /** Entities by id, in the order given; null where an id names no entity. */
  entitiesById(input: RequestInput): Array<EntityRecord | null> {
    return idList(input).map((id) => (this.graph.hasNode(id) ? this.entity(id) : null));
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

  relations(input: RequestInput): Page<RelationRecord> {
    const { sourceId, targetId, type, first, after, ranks: shownRanks } = relationsRequest(input);
    if (sourceId !== null) this.entity(sourceId);
    if (targetId !== null) this.entity(targetId);
    let edges: string[];
    if (sourceId !== null && targetId !== null) edges = this.graph.directedEdges(sourceId, targetId);
    else if (sourceId !== null) edges = this.graph.outEdges(sourceId);
    else if (targetId !== null) edges = this.graph.inEdges(targetId);
    else edges = this.graph.edges();
    if (type !== null) edges = edges.filter((e) => this.graph.getEdgeAttribute(e, "type") === type);
    return paginate(this.byRank(edges, shownRanks), first, after).mapped((e) => this.relation(e));
  }

  /**
   * Ids of the relations touching an entity: outgoing (forward), incoming
   * (backward) or both, of the given ranks (default: not deprecated),
   * PREFERRED first, then in data order.
   */
  private edgesOf(id: string, { relationTypes, direction }: WalkRequest, shownRanks: readonly Rank[] = DEFAULT_RANKS): string[] {
    this.entity(id);
    const edges = direction === "forward" ? this.graph.outEdges(id) : direction === "backward" ? this.graph.inEdges(id) : this.graph.edges(id);
    const types = relationTypes ? new Set<string>(relationTypes) : null;
    return this.byRank(types === null ? edges : edges.filter((e) => types.has(this.graph.getEdgeAttribute(e, "type"))), shownRanks);
  }

  /** Relations of the given ranks, PREFERRED first, NORMAL next, DEPRECATED last, each in data order. */
  private byRank(edges: string[], shownRanks: readonly Rank[]): string[] {
    const rankOf = (e: string): Rank => this.graph.getEdgeAttribute(e, "record").rank ?? "NORMAL";
    return RANKS.flatMap((rank) => (shownRanks.includes(rank) ? inDataOrder(this.graph, edges.filter((e) => rankOf(e) === rank)) : []));
  }

  /** Relations touching an entity, filtered by `types` and `direction`, `first` after `offset`. */
  relationsOf(id: string, input: RequestInput): RelationRecord[] {
    const filter = relationFilter(input);
    return sliced(this.edgesOf(id, filter, filter.ranks), sliceRequest(input)).map((e) => this.relation(e));
  }

  /** How many relations `relationsOf` would give without a slice. */
  degreeOf(id: string, input: RequestInput): number {
    const filter = relationFilter(input);
    return this.edgesOf(id, filter, filter.ranks).length;
  }

  /** Entities at the other end of `relationsOf`, each once, in relation order, `first` after `offset`. */
  neighborsOf(id: string, input: RequestInput): EntityRecord[] {
    const filter = relationFilter(input);
    return this.neighbors(id, filter, sliceRequest(input), filter.ranks);
  }

  /** Entities one relation of the given types away, each once, `first` after `offset`. */
  related(id: string, walk: WalkRequest, input: RequestInput): EntityRecord[] {
    return this.neighbors(id, walk, sliceRequest(input));
  }

  private neighbors(id: string, walk: WalkRequest, slice: Slice, shownRanks: readonly Rank[] = DEFAULT_RANKS): EntityRecord[] {
    const seen = new Set<string>();
    for (const e of this.edgesOf(id, walk, shownRanks)) {
      const source = this.graph.source(e);
      seen.add(source === id ? this.graph.target(e) : source);
    }
    return sliced([...seen], slice).map((n) => this.entity(n));
  }

  /** Events as a timeline, ordered by earliest possible date, then id, `first` after `offset`. */
  events(input: RequestInput = {}): EntityRecord[] {
    const { from, to, types, involving, country, ...slice } = eventsRequest(input);
    const typeSet = types ? new Set<string>(types) : null;
    const involved = involving !== null ? new Set(this.graph.neighbors(this.entity(involving).id)) : null;
    if (country !== null) this.requireCountry(country);
    const { geography } = this.knowledge;
    const matching = this.knowledge.lookups.datedIds.filter((id) => {
      const node = this.graph.getNodeAttributes(id);
      if (node.record.kind !== "Event" || node.date === null) return false;
      if (from !== null && node.date.latest !== null && node.date.latest < from) return false;
      if (to !== null && node.date.earliest !== null && node.date.earliest > to) return false;
      if (typeSet !== null && !typeSet.has(node.record.eventType)) return false;
      if (country !== null && !geography.countriesOf(id).includes(country)) return false;
      return involved === null || involved.has(id);
    });
    return sliced(matching, slice).map((id) => this.entity(id));
  }

  /** The parsed date of a date record, with its precision and inference note. */
  dateView(date: DateRecord): DateView {
    const parsed = parsePartialDate(date.value);
    if (typeof parsed === "string") throw new Error(`unvalidated date: ${parsed}`);
    return { ...parsed, asWritten: date.asWritten ?? null, yearInferred: date.yearInferred !== undefined, yearInference: date.yearInferred ?? null };
  }

  /** An entity's claims of the given ranks (default: not deprecated), PREFERRED first. */
  claimsOf(entity: EntityRecord, input: RequestInput = {}): Claim[] {
    const shownRanks = ranks(input);
    const claims = entity.claims ?? [];
    return RANKS.flatMap((rank) => (shownRanks.includes(rank) ? claims.filter((c) => (c.rank ?? "NORMAL") === rank) : []));
  }

  /** An entity's estimates, one per measure (all measures, or `measures`). */
  estimatesOf(entity: EntityRecord, input: RequestInput = {}): EstimateView[] {
    return estimatesOf(entity, measures(input) ?? [], this.disputedAccounts(entity.id));
  }

  /** The account labels the (not deprecated) DISPUTES relations to an entity name. */
  private disputedAccounts(id: string): Set<string> {
    const labels = new Set<string>();
    this.graph.forEachInEdge(id, (_e, edge) => {
      if (edge.type === "DISPUTES" && edge.record.rank !== "DEPRECATED" && edge.record.account) labels.add(edge.record.account);
    });
    return labels;
  }

  /** The DISPUTES relations that name an account, deprecated ones aside. */
  disputesOf(account: AccountView): RelationRecord[] {
    return this.graph
      .inEdges(account.entity)
      .map((e) => this.relation(e))
      .filter((r) => r.type === "DISPUTES" && r.account === account.label && r.rank !== "DEPRECATED");
  }

  /** The countries an entity lies in: a place's or base's, through LOCATED_IN; an event's, through its sites. */
  countriesOf(id: string): EntityRecord[] {
    return this.knowledge.geography.countriesOf(id).map((country) => this.entity(country));
  }

  coordinatesOf(id: string): Coordinates | null {
    return this.knowledge.geography.coordinatesOf(id);
  }

  unresolvedOf(id: string): string | null {
    return this.knowledge.geography.unresolvedOf(id);
  }

  private requireCountry(id: string): void {
    const country = this.entity(id);
    if (country.kind !== "Place" || country.placeType !== "COUNTRY") throw new BadInputError("country", `"${id}" is a ${country.kind === "Place" ? country.placeType : country.kind}, not a COUNTRY place`);
  }

  attributedTo(evidence: Evidence): EntityRecord[] {
    return (evidence.attributedTo ?? []).map((id) => this.entity(id));
  }

  neighborhood(input: RequestInput): SubgraphView {
    const request = neighborhoodRequest(input);
    const result = neighborhood(this.knowledge.index, request.id, { ...request, budget: this.budget });
    return {
      center: request.id,
      depth: request.depth,
      nodes: result.nodes.map((n) => ({ depth: n.depth, entity: this.entity(n.id) })),
      edges: result.edges.map((e) => this.relation(e)),
      truncated: result.truncated,
    };
  }

  shortestPath(input: RequestInput): PathView | null {
    const request = pathRequest(input);
    const path = shortestPath(this.knowledge.index, request.from, request.to, { ...request, budget: this.budget });
    return path === null ? null : this.pathView(path);
  }

  allShortestPaths(input: RequestInput): PathView[] {
    const request = allShortestPathsRequest(input);
    return allShortestPaths(this.knowledge.index, request.from, request.to, { ...request, budget: this.budget }).map((p) => this.pathView(p));
  }

  paths(input: RequestInput): PathView[] {
    const request = pathsRequest(input);
    return kShortestPaths(this.knowledge.index, request.from, request.to, { ...request, budget: this.budget }).map((p) => this.pathView(p));
  }

  retaliationChain(input: RequestInput): RetaliationChainView {
    const eventId = requiredText(input, "eventId");
    const event = this.entity(eventId);
    if (event.kind !== "Event") throw new BadInputError("eventId", `"${eventId}" is a ${event.kind}, not an Event`);
    const chain = retaliationChain(this.knowledge.index, eventId, {
      // Undated events go last; an open start ("no earlier bound") goes first, as in the timeline.
      dateOf: (id) => {
        const date = this.graph.getNodeAttribute(id, "date");
        return date ? (date.earliest ?? "") : null;
      },
      budget: this.budget,
    });
    const records = (ids: readonly string[]) => ids.map((id) => this.entity(id));
    return { event, events: records(chain.events), before: records(chain.before), after: records(chain.after), relations: chain.edges.map((e) => this.relation(e)) };
  }

  private pathView(path: Path): PathView {
    return {
      length: path.steps.length,
      nodes: path.nodes.map((id) => this.entity(id)),
      steps: path.steps.map((s) => ({ from: this.entity(s.from), relation: this.relation(s.edge), to: this.entity(s.to), direction: s.reversed ? "backward" : "forward" })),
    };
  }
}

/** Edges sorted by their position in the data; graphology lists an entity's edges grouped by neighbour, mostly in order already. */
function inDataOrder(graph: KnowledgeGraph, edges: string[]): string[] {
  const order = edges.map((e) => graph.getEdgeAttribute(e, "order"));
  for (let i = 1; i < order.length; i++) {
    if (order[i]! < order[i - 1]!) {
      const positions = edges.map((_e, j) => j).sort((a, b) => order[a]! - order[b]!);
      return positions.map((j) => edges[j]!);
    }
  }
  return edges;
}
