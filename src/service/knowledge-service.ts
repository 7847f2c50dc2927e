/**
 * The knowledge service: every question the API, the export routes and the
 * command line can ask of the graph, as plain method calls. Each method takes
 * its arguments as given (see requests.ts), parses and bounds them first, then
 * resolves ids to records, filters, pages and runs traversals. It knows
 * nothing of GraphQL or HTTP.
 */
import { createHash } from "node:crypto";
import { AmbiguousNameError, BadInputError, NotFoundError } from "../errors.js";
import { parsePartialDate } from "../model/dates.js";
import { RANKS, RELATION_TYPES } from "../model/ontology.js";
import type { EventType, Rank, RelationType } from "../model/ontology.js";
import type { Claim, Coordinates, DateRecord, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../model/records.js";
import type { KnowledgeGraph, RelationEdge } from "../graph/types.js";
import { allShortestPaths, kShortestPaths, neighborhood, retaliationChain, shortestPath } from "../traversal/index.js";
import type { Neighborhood, NeighborhoodOptions, Path, WalkOptions } from "../traversal/index.js";
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
  claimsRequest,
  relationsRequest,
  requiredText,
  searchRequest,
  sliceRequest,
  supportsRequest,
} from "./requests.js";
import type { EventsRequest, RequestInput, Slice, WalkRequest } from "./requests.js";
import type { ClaimEntry, CorroborationView, DateView, PathView, RetaliationChainView, SearchHitView, SubgraphView, SupportView } from "./views.js";
import { DocumentSupport, citedDocuments } from "../graph/document-support.js";
import type { Support } from "../graph/document-support.js";

export interface ServiceOptions {
  /** Most edge visits one traversal may make (BudgetExceededError past it); default unlimited. */
  readonly traversalBudget?: number;
  /**
   * Where the API's `neighborhood` and `shortestPath` run instead of the
   * in-memory index (see database-traversals.ts); each may answer undefined
   * (it cannot answer for this graph now), and memory answers instead.
   */
  readonly traversals?: ExternalTraversals;
}

/** Traversals run elsewhere (the PostgreSQL store), with the in-memory functions' options, answers and errors. */
export interface ExternalTraversals {
  /** "database": for /health. */
  readonly name: string;
  neighborhood(id: string, options: NeighborhoodOptions): Promise<Neighborhood | undefined>;
  shortestPath(from: string, to: string, options: WalkOptions): Promise<Path | null | undefined>;
}

const sliced = <T>(items: T[], slice: Slice | undefined): T[] => (slice ? items.slice(slice.offset, slice.offset + slice.first) : items);

/** `first` items after `offset` of a lazy sequence, reading no further than them. */
function taken<T>(items: Iterable<T>, { first, offset }: Slice): T[] {
  const page: T[] = [];
  let skipped = 0;
  for (const item of items) {
    if (skipped++ < offset) continue;
    page.push(item);
    if (page.length === first) break;
  }
  return page;
}

export class KnowledgeService {
  private readonly budget: number | undefined;
  private readonly traversals: ExternalTraversals | undefined;
  private version: string | undefined;
  private support: DocumentSupport | undefined;

  constructor(
    private readonly knowledge: Knowledge,
    options: ServiceOptions = {},
  ) {
    this.budget = options.traversalBudget;
    this.traversals = options.traversals;
  }

  /** Where the API's neighbourhoods and shortest paths run: "memory", or the external traversals' name. */
  get traversal(): string {
    return this.traversals?.name ?? "memory";
  }

  private get graph() {
    return this.knowledge.graph;
  }

  /** Upper bounds on what queries can return, for the cost analysis. */
  get profile(): GraphProfile {
    return this.knowledge.profile;
  }

  /**
   * A digest of every record served (sources, entities, relations, locations
   * as loaded), computed on first use: what HTTP ETags are derived from, so
   * a cached answer is current exactly while the data is the same.
   */
  dataVersion(): string {
    if (this.version === undefined) {
      const hash = createHash("sha256");
      for (const source of this.knowledge.sources.values()) hash.update(JSON.stringify(source));
      this.graph.forEachNode((_id, node) => hash.update(JSON.stringify(node.record)));
      this.graph.forEachEdge((_id, edge) => hash.update(JSON.stringify(edge.record)));
      for (const id of this.graph.nodes()) {
        const at = this.knowledge.geography.coordinatesOf(id);
        if (at) hash.update(`${id}:${at.latitude},${at.longitude},${at.precision}`);
      }
      this.version = hash.digest("base64url").slice(0, 16);
    }
    return this.version;
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

  sourceById(input: RequestInput): SourceDocument {
    return this.source(requiredText(input, "id"));
  }

  source(id: string): SourceDocument {
    const source = this.knowledge.sources.get(id);
    if (!source) throw new NotFoundError("source document", id);
    return source;
  }

  sources(): SourceDocument[] {
    return [...this.knowledge.sources.values()];
  }

  /** Source documents in data order, `first` after `offset`. */
  sourcesPage(input: RequestInput): SourceDocument[] {
    return sliced(this.sources(), sliceRequest(input));
  }

  /** Entities by kind and/or search (see graph/search-index.ts), best match first, a page at a time. */
  entities(input: RequestInput): Page<EntityRecord> {
    const { kind, search, first, after } = entitiesRequest(input);
    if (search !== null) return paginate(this.knowledge.search.search(search, kind), first, after).mapped((hit) => this.entity(hit.id));
    const ids = kind !== null ? this.knowledge.lookups.ofKind(kind) : this.graph.nodes();
    return paginate(ids, first, after).mapped((id) => this.entity(id));
  }

  /** Search hits with their score and the field that matched, a page at a time. */
  search(input: RequestInput): Page<SearchHitView> {
    const { kind, text, first, after } = searchRequest(input);
    return paginate(this.knowledge.search.search(text, kind), first, after).mapped((hit) => ({ ...hit, entity: this.entity(hit.id) }));
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
   * An entity given by id or by name, as a person types it (see
   * SearchIndex.resolve), among the entities `role` allows (every entity by
   * default): the entity, or the candidates when the name is ambiguous or
   * matches nothing.
   */
  resolve(text: string, role: EntityRole = "any"): { entity: EntityRecord } | { candidates: EntityRecord[]; ambiguous: boolean } {
    const fits = ROLES[role];
    const found = this.knowledge.search.resolve(text, (id) => fits(this.entity(id)));
    if ("id" in found) return { entity: this.entity(found.id) };
    return { candidates: found.candidates.slice(0, 10).map((id) => this.entity(id)), ambiguous: found.ambiguous };
  }

  /** `resolve`, for an argument: the entity's id, or AmbiguousNameError / NotFoundError naming the argument and the candidates. */
  resolveId(argument: string, text: string, role: EntityRole = "any"): string {
    const found = this.resolve(text, role);
    if ("entity" in found) return found.entity.id;
    if (found.ambiguous) throw new AmbiguousNameError(argument, text, found.candidates.map((e) => e.id));
    const nearest = found.candidates.length > 0 ? `; nearest: ${found.candidates.map((e) => e.id).join(", ")}` : "";
    throw new NotFoundError("entity", text, `No ${role === "any" ? "entity" : ROLE_NOUNS[role]} matches "${text}"${nearest}`);
  }

  relations(input: RequestInput): Page<RelationRecord> {
    const { sourceId, targetId, types, first, after, ranks: shownRanks } = relationsRequest(input);
    if (sourceId !== null) this.entity(sourceId);
    if (targetId !== null) this.entity(targetId);
    let edges: string[];
    if (sourceId !== null && targetId !== null) edges = this.graph.directedEdges(sourceId, targetId);
    else if (sourceId !== null) edges = this.graph.outEdges(sourceId);
    else if (targetId !== null) edges = this.graph.inEdges(targetId);
    else edges = this.graph.edges();
    if (types !== null) {
      const wanted = new Set<string>(types);
      edges = edges.filter((e) => wanted.has(this.graph.getEdgeAttribute(e, "type")));
    }
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
    const buckets: Record<Rank, Array<[order: number, edge: string]>> = { PREFERRED: [], NORMAL: [], DEPRECATED: [] };
    for (const edge of edges) {
      const { record, order } = this.graph.getEdgeAttributes(edge);
      const rank = record.rank ?? "NORMAL";
      if (shownRanks.includes(rank)) buckets[rank].push([order, edge]);
    }
    return RANKS.flatMap((rank) => inDataOrder(buckets[rank]));
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
    const request = eventsRequest(input);
    return taken(this.matchingEvents(request), request);
  }

  /** Every event the timeline filters let through, in timeline order, one at a time (for tables that stream); the filters are checked at once. */
  eventsMatching(input: RequestInput = {}): Generator<EntityRecord> {
    return this.matchingEvents(eventsRequest(input));
  }

  /** The events a request lets through, lazily; every id in it is checked (NotFoundError, BadInputError) before this returns. */
  private matchingEvents({ from, to, within, types, involving, perpetrators, targets, country }: EventsRequest): Generator<EntityRecord> {
    const typeSet = types ? new Set<string>(types) : null;
    const involved = involving !== null ? new Set(this.graph.neighbors(this.entity(involving).id)) : null;
    const byPerpetrator = perpetrators !== null ? this.eventsJoined(perpetrators, "CARRIED_OUT", "out") : null;
    const byTarget = targets !== null ? this.eventsJoined(targets, "ATTACKS", "in") : null;
    if (country !== null) this.requireCountry(country);
    const { geography, lookups } = this.knowledge;
    const graph = this.graph;
    return (function* () {
      for (const id of lookups.datedIds) {
        const node = graph.getNodeAttributes(id);
        if (node.record.kind !== "Event" || node.date === null) continue;
        const { earliest, latest } = node.date;
        if (within) {
          if (from !== null && (earliest === null || earliest < from)) continue;
          if (to !== null && (latest === null || latest > to)) continue;
        } else {
          if (from !== null && latest !== null && latest < from) continue;
          if (to !== null && earliest !== null && earliest > to) continue;
        }
        if (typeSet !== null && !typeSet.has(node.record.eventType)) continue;
        if (byPerpetrator !== null && !byPerpetrator.has(id)) continue;
        if (byTarget !== null && !byTarget.has(id)) continue;
        if (country !== null && !geography.countriesOf(id).includes(country)) continue;
        if (involved !== null && !involved.has(id)) continue;
        yield node.record;
      }
    })();
  }

  /** Events joined to any of `ids` by relations of `type` (not deprecated) leaving those entities ("out") or reaching them ("in"). */
  private eventsJoined(ids: readonly string[], type: RelationType, side: "out" | "in"): Set<string> {
    const events = new Set<string>();
    for (const id of ids) {
      this.entity(id);
      const visit = (_e: string, edge: RelationEdge, source: string, target: string) => {
        if (edge.type === type && edge.record.rank !== "DEPRECATED") events.add(side === "out" ? target : source);
      };
      if (side === "out") this.graph.forEachOutEdge(id, visit);
      else this.graph.forEachInEdge(id, visit);
    }
    return events;
  }

  /**
   * A short label for plots: the government that carried it out when one did
   * ("US strikes"), else the kind of event ("Rocket attack"), and the date:
   * "US strikes, 2021-06-27", "Rocket attack, 2019-12-27". `perpetrators`,
   * when the caller has them, saves reading them again.
   */
  shortNameOf(event: EntityRecord, perpetrators?: readonly EntityRecord[]): string {
    if (event.kind !== "Event") return event.name;
    const governments = (perpetrators ?? this.relationsOf(event.id, { types: ["CARRIED_OUT"], direction: "BACKWARD" }).map((r) => this.entity(r.source))).filter(
      (e) => e.kind === "Government",
    );
    const actor = governments.length === 1 ? shortLabel(governments[0]!) : null;
    const what = EVENT_PHRASES[event.eventType];
    return `${actor !== null ? `${actor} ${what.plural}` : capitalise(what.singular)}, ${event.date.value}`;
  }

  /** Claims of every entity (or one `subject`), filtered by measure, attribution and rank, in data order, `first` after `offset`. */
  claims(input: RequestInput = {}): ClaimEntry[] {
    return taken(this.claimsMatching(input), claimsRequest(input));
  }

  /** Every claim the `claims` filters let through, one at a time; the filters are checked at once. */
  claimsMatching(input: RequestInput = {}): Generator<ClaimEntry> {
    const { measures: shownMeasures, subject, attribution, ranks: shownRanks } = claimsRequest(input);
    const holders = subject !== null ? [this.entity(subject).id] : this.knowledge.lookups.claimHolders;
    const wanted = attribution?.toLowerCase() ?? null;
    const entity = (id: string) => this.entity(id);
    return (function* () {
      for (const id of holders) {
        const subjectRecord = entity(id);
        for (const claim of subjectRecord.claims ?? []) {
          if (shownMeasures !== null && !shownMeasures.includes(claim.measure)) continue;
          if (!shownRanks.includes(claim.rank ?? "NORMAL")) continue;
          if (wanted !== null && !claim.evidence.attribution.toLowerCase().includes(wanted) && !(claim.evidence.attributedTo ?? []).includes(wanted)) continue;
          yield { subject: subjectRecord, claim };
        }
      }
    })();
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

  /** The records a document supports (see SourceDocument.supports), filtered by record kind and relation type, `first` after `offset`. */
  supportsOf(document: SourceDocument, input: RequestInput = {}): SupportView[] {
    return taken(this.supportsMatching(document, input), supportsRequest(input)).map((support) => this.supportView(support));
  }

  /** How many records the filters of `supportsOf` let through. */
  supportCount(document: SourceDocument, input: RequestInput = {}): number {
    const { kinds, types } = supportsRequest(input);
    return this.documentSupport().count(document.id, kinds === null ? null : [...new Set(kinds)], types);
  }

  private documentSupport(): DocumentSupport {
    this.support ??= new DocumentSupport(this.graph);
    return this.support;
  }

  private supportsMatching(document: SourceDocument, input: RequestInput): Generator<Support> {
    const { kinds, types } = supportsRequest(input);
    const supports = this.documentSupport().of(document.id);
    const graph = this.graph;
    return (function* () {
      for (const support of supports) {
        if (kinds !== null && !kinds.includes(support.kind)) continue;
        if (types !== null && support.kind === "RELATION" && !types.includes(graph.getEdgeAttribute(support.relation, "record").type)) continue;
        yield support;
      }
    })();
  }

  private supportView(support: Support): SupportView {
    switch (support.kind) {
      case "ENTITY":
        return { kind: support.kind, entity: this.entity(support.entity), relation: null, claim: null, evidence: support.evidence };
      case "RELATION":
        return { kind: support.kind, entity: null, relation: this.relation(support.relation), claim: null, evidence: support.evidence };
      case "CLAIM":
        return { kind: support.kind, entity: this.entity(support.entity), relation: null, claim: support.claim, evidence: support.evidence };
    }
  }

  /** The documents among a record's evidence: how many, which (in the order first cited), and every entry. */
  corroborationOf(evidence: readonly Evidence[]): CorroborationView {
    const documents = citedDocuments(evidence).map((id) => this.source(id));
    return { documentCount: documents.length, documents, evidence };
  }

  attributedTo(evidence: Evidence): EntityRecord[] {
    return (evidence.attributedTo ?? []).map((id) => this.entity(id));
  }

  neighborhood(input: RequestInput): SubgraphView {
    const request = neighborhoodRequest(input);
    return this.subgraphView(request, neighborhood(this.knowledge.index, request.id, { ...request, budget: this.budget }));
  }

  /** `neighborhood` for the API: from the external traversals when the service has them, else (or when they cannot answer) from memory. */
  answerNeighborhood(input: RequestInput): SubgraphView | Promise<SubgraphView> {
    if (this.traversals === undefined) return this.neighborhood(input);
    const request = neighborhoodRequest(input);
    return this.traversals.neighborhood(request.id, { ...request, budget: this.budget }).then((result) => (result === undefined ? this.neighborhood(input) : this.subgraphView(request, result)));
  }

  private subgraphView(request: { id: string; depth: number }, result: Neighborhood): SubgraphView {
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

  /** `shortestPath` for the API, as `answerNeighborhood` is for `neighborhood`. */
  answerShortestPath(input: RequestInput): PathView | null | Promise<PathView | null> {
    if (this.traversals === undefined) return this.shortestPath(input);
    const request = pathRequest(input);
    return this.traversals.shortestPath(request.from, request.to, { ...request, budget: this.budget }).then((path) => (path === undefined ? this.shortestPath(input) : path === null ? null : this.pathView(path)));
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
function inDataOrder(edges: Array<[order: number, edge: string]>): string[] {
  for (let i = 1; i < edges.length; i++) {
    if (edges[i]![0] < edges[i - 1]![0]) {
      edges.sort((a, b) => a[0] - b[0]);
      break;
    }
  }
  return edges.map(([, edge]) => edge);
}

const EVENT_PHRASES: Record<EventType, { singular: string; plural: string }> = {
  AIRSTRIKE: { singular: "airstrike", plural: "strikes" },
  DRONE_ATTACK: { singular: "drone attack", plural: "drone attack" },
  ROCKET_ATTACK: { singular: "rocket attack", plural: "rocket attack" },
  ATTACK_SERIES: { singular: "attacks", plural: "attacks" },
  STORMING: { singular: "storming", plural: "storming" },
  EXCHANGE_OF_FIRE: { singular: "exchange of fire", plural: "return fire" },
  TERRITORIAL_CAPTURE: { singular: "territorial capture", plural: "territorial capture" },
  FOUNDING: { singular: "founding", plural: "founding" },
  INSTITUTIONAL_CHANGE: { singular: "institutional change", plural: "institutional change" },
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An entity's shortest alias written in capitals (US, KH), else its name. */
function shortLabel(entity: EntityRecord): string {
  const acronyms = (entity.aliases ?? []).filter((alias) => /^[A-Z][A-Z.]{1,5}$/.test(alias) && !alias.includes(".."));
  return acronyms.sort((a, b) => a.length - b.length)[0] ?? entity.name;
}

/** What an entity argument stands for, which narrows the names it may resolve to. */
export type EntityRole = "any" | "country" | "perpetrator" | "target";
const ROLES: Record<EntityRole, (entity: EntityRecord) => boolean> = {
  any: () => true,
  country: (entity) => entity.kind === "Place" && entity.placeType === "COUNTRY",
  perpetrator: (entity) => RELATION_TYPES.CARRIED_OUT.signatures.some((s) => (s.from as readonly string[]).includes(entity.kind)),
  target: (entity) => RELATION_TYPES.ATTACKS.signatures.some((s) => (s.to as readonly string[]).includes(entity.kind)),
};
const ROLE_NOUNS: Record<EntityRole, string> = { any: "entity", country: "country", perpetrator: "possible perpetrator", target: "possible target" };
