/**
 * The explorer's only way to the data: GraphQL operations POSTed as JSON to
 * this server's public endpoint, /graphql, each with a typed result. Errors
 * (GraphQL's `errors`, HTTP failures, network failures) become ApiError, whose
 * message is the server's own, ready to show.
 */

export type Direction = "FORWARD" | "BACKWARD" | "EITHER";
export const DIRECTIONS: readonly Direction[] = ["EITHER", "FORWARD", "BACKWARD"];

/** Limits the API enforces (README, "Limits"): checked here first, so that a bad value never costs a 400. */
export const BOUNDS = {
  depth: { min: 0, max: 4 },
  limit: { min: 1, max: 500 },
  k: { min: 1, max: 50 },
  maxLength: { min: 1, max: 8 },
} as const;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: ReadonlyArray<{ readonly message: string; readonly extensions?: { readonly code?: string } }>;
}

/** Runs one operation; resolves with its data, or rejects with ApiError. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(`The server could not be reached (${error instanceof Error ? error.message : String(error)}).`, "NETWORK");
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without a GraphQL response.`, "HTTP");
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!response.ok || body.data == null) throw new ApiError(`The server answered ${response.status} without data.`, "HTTP");
  return body.data;
}

// ---------------------------------------------------------------- types

export interface EntitySummary {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Events only: a plot label ("US strikes, 2021-06-27"). */
  readonly shortName?: string;
  /** Events and statements: their date. */
  readonly date?: { readonly value: string; readonly earliest: string | null; readonly latest: string | null };
  /** Events only. */
  readonly eventType?: string;
}

export interface RelationSummary {
  readonly id: string;
  readonly type: string;
  readonly source: { readonly id: string };
  readonly target: { readonly id: string };
}

export interface SearchHit {
  readonly score: number;
  readonly field: string;
  readonly entity: EntitySummary;
}

export interface Neighborhood {
  readonly truncated: boolean;
  readonly nodes: ReadonlyArray<{ readonly depth: number; readonly entity: EntitySummary }>;
  readonly edges: readonly RelationSummary[];
}

export interface PathResult {
  readonly length: number;
  readonly nodes: readonly EntitySummary[];
  readonly steps: ReadonlyArray<{ readonly relation: RelationSummary; readonly direction: "FORWARD" | "BACKWARD" }>;
}

export interface RetaliationChain {
  readonly event: { readonly id: string };
  readonly events: readonly EntitySummary[];
  readonly before: ReadonlyArray<{ readonly id: string }>;
  readonly after: ReadonlyArray<{ readonly id: string }>;
  readonly relations: readonly RelationSummary[];
}

export interface Evidence {
  readonly excerpt: string;
  readonly attribution: string;
  readonly document: { readonly id: string; readonly title: string; readonly url: string | null; readonly kind: string };
}

export interface PartialDate {
  readonly value: string;
  readonly asWritten: string | null;
  readonly precision: string;
  readonly yearInferred: boolean;
  readonly yearInference: string | null;
}

export interface Claim {
  readonly measure: string;
  readonly qualifier: string;
  readonly count: number | null;
  readonly subject: string;
  readonly account: string;
  readonly scope: string | null;
  readonly rank: string;
  readonly rankReason: string | null;
  readonly note: string | null;
  readonly evidence: Evidence;
}

export interface Account {
  readonly id: string;
  readonly label: string;
  readonly attribution: string;
  readonly scope: string | null;
  readonly rank: string;
  readonly disputed: boolean;
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
  readonly evidence: readonly Evidence[];
}

export interface Estimate {
  readonly measure: string;
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
  readonly disputed: boolean;
  readonly accounts: readonly Account[];
}

export interface EntityDetails {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  readonly aliases: readonly string[];
  readonly degree: number;
  readonly provenance: readonly Evidence[];
  readonly claims: readonly Claim[];
  readonly shortName?: string;
  readonly eventType?: string;
  readonly date?: PartialDate;
  readonly estimates?: readonly Estimate[];
}

export interface RelationDetails {
  readonly id: string;
  readonly type: string;
  readonly role: string | null;
  readonly account: string | null;
  readonly rank: string;
  readonly rankReason: string | null;
  readonly note: string | null;
  readonly date: PartialDate | null;
  readonly source: { readonly id: string; readonly name: string; readonly kind: string };
  readonly target: { readonly id: string; readonly name: string; readonly kind: string };
  readonly evidence: readonly Evidence[];
}

export interface SchemaEnums {
  readonly relationTypes: ReadonlyArray<{ readonly name: string; readonly description: string | null }>;
  readonly entityKinds: ReadonlyArray<{ readonly name: string; readonly description: string | null }>;
}

// ---------------------------------------------------------------- documents

const SUMMARY = `fragment Summary on Entity { id name kind ... on Event { shortName eventType date { value earliest latest } } ... on Statement { date { value earliest latest } } }`;
const RELATION = `fragment RelationSummary on Relation { id type source { id } target { id } }`;
const EVIDENCE = `fragment EvidenceFields on Evidence { excerpt attribution document { id title url kind } }`;
const DATE = `fragment DateFields on PartialDate { value asWritten precision yearInferred yearInference }`;

export interface PathFilters {
  readonly relationTypes: readonly string[];
  readonly direction: Direction;
}

const filterArgs = (filters: PathFilters) => ({ relationTypes: filters.relationTypes.length > 0 ? filters.relationTypes : null, direction: filters.direction });

// ---------------------------------------------------------------- operations

/** The RelationType and EntityKind enums, by introspection (with their descriptions, for tooltips). */
export async function fetchSchemaEnums(): Promise<SchemaEnums> {
  const data = await graphql<{
    relationTypes: { enumValues: SchemaEnums["relationTypes"] } | null;
    entityKinds: { enumValues: SchemaEnums["entityKinds"] } | null;
  }>(`query ExplorerEnums {
    relationTypes: __type(name: "RelationType") { enumValues { name description } }
    entityKinds: __type(name: "EntityKind") { enumValues { name description } }
  }`);
  if (!data.relationTypes || !data.entityKinds) throw new ApiError("The schema has no RelationType or EntityKind enum.");
  return { relationTypes: data.relationTypes.enumValues, entityKinds: data.entityKinds.enumValues };
}

/** Entities by name, alias, variant, id or description, best first (optionally of one kind: EVENT for a chain). */
export async function searchEntities(text: string, kind: string | null, signal?: AbortSignal): Promise<{ totalCount: number; hits: readonly SearchHit[] }> {
  const data = await graphql<{ search: { totalCount: number; nodes: SearchHit[] } }>(
    `query ExplorerSearch($text: String!, $kind: EntityKind) { search(text: $text, kind: $kind, first: 10) { totalCount nodes { score field entity { ...Summary } } } } ${SUMMARY}`,
    { text, kind },
    signal,
  );
  return { totalCount: data.search.totalCount, hits: data.search.nodes };
}

/** Entities by id, in the order asked; null for an id that names no entity (never an error). */
export async function entitiesById(ids: readonly string[]): Promise<ReadonlyArray<EntitySummary | null>> {
  if (ids.length === 0) return [];
  const data = await graphql<{ entitiesById: Array<EntitySummary | null> }>(`query ExplorerEntities($ids: [ID!]!) { entitiesById(ids: $ids) { ...Summary } } ${SUMMARY}`, { ids });
  return data.entitiesById;
}

/**
 * A neighbourhood in two requests run together, each well under the server's
 * cost limit however large the graph: the entities with their depth (typed
 * summaries), and the relations among them read from `nodeLink`, which costs
 * one per relation once. (Asking for `edges { id type source { id } target
 * { id } }` costs six per relation the busiest entities could have, which on
 * a graph with hubs exceeds the limit from about 50 entities.)
 */
export async function fetchNeighborhood(args: { id: string; depth: number; limit: number } & PathFilters): Promise<Neighborhood> {
  const variables = { id: args.id, depth: args.depth, limit: args.limit, ...filterArgs(args) };
  const head = `$id: ID!, $depth: Int!, $limit: Int!, $relationTypes: [RelationType!], $direction: Direction!`;
  const pass = `id: $id, depth: $depth, limit: $limit, relationTypes: $relationTypes, direction: $direction`;
  const [entities, relations] = await Promise.all([
    graphql<{ neighborhood: Pick<Neighborhood, "truncated" | "nodes"> }>(
      `query ExplorerNeighborhood(${head}) { neighborhood(${pass}) { truncated nodes { depth entity { ...Summary } } } } ${SUMMARY}`,
      variables,
    ),
    graphql<{ neighborhood: { nodeLink: { links?: ReadonlyArray<{ source: string; target: string; key: string; type: string }> } } }>(
      `query ExplorerNeighborhoodRelations(${head}) { neighborhood(${pass}) { nodeLink(edgesKey: LINKS) } }`,
      variables,
    ),
  ]);
  const links = relations.neighborhood.nodeLink.links ?? [];
  return {
    truncated: entities.neighborhood.truncated,
    nodes: entities.neighborhood.nodes,
    edges: links.map((link) => ({ id: link.key, type: link.type, source: { id: link.source }, target: { id: link.target } })),
  };
}

const PATH_FIELDS = `length nodes { ...Summary } steps { direction relation { ...RelationSummary } }`;

/** One shortest path (`shortestPath`), every shortest path (`allShortestPaths`) or the k shortest simple paths (`paths`). */
export async function fetchPaths(
  args: { from: string; to: string; kind: "shortest" | "all" | "k"; k: number; maxLength: number } & PathFilters,
): Promise<readonly PathResult[]> {
  const common = { from: args.from, to: args.to, ...filterArgs(args) };
  const head = `$from: ID!, $to: ID!, $relationTypes: [RelationType!], $direction: Direction!`;
  const pass = `from: $from, to: $to, relationTypes: $relationTypes, direction: $direction`;
  const tail = `${SUMMARY} ${RELATION}`;
  if (args.kind === "shortest") {
    const data = await graphql<{ shortestPath: PathResult | null }>(`query ExplorerShortestPath(${head}) { shortestPath(${pass}) { ${PATH_FIELDS} } } ${tail}`, common);
    return data.shortestPath ? [data.shortestPath] : [];
  }
  if (args.kind === "all") {
    const data = await graphql<{ allShortestPaths: PathResult[] }>(
      `query ExplorerAllShortestPaths(${head}, $limit: Int!) { allShortestPaths(${pass}, limit: $limit) { ${PATH_FIELDS} } } ${tail}`,
      { ...common, limit: args.k },
    );
    return data.allShortestPaths;
  }
  const data = await graphql<{ paths: PathResult[] }>(
    `query ExplorerKShortestPaths(${head}, $limit: Int!, $maxLength: Int!) { paths(${pass}, limit: $limit, maxLength: $maxLength) { ${PATH_FIELDS} } } ${tail}`,
    { ...common, limit: args.k, maxLength: args.maxLength },
  );
  return data.paths;
}

export async function fetchRetaliationChain(eventId: string): Promise<RetaliationChain> {
  const data = await graphql<{ retaliationChain: RetaliationChain }>(
    `query ExplorerRetaliationChain($eventId: ID!) {
      retaliationChain(eventId: $eventId) { event { id } events { ...Summary } before { id } after { id } relations { ...RelationSummary } }
    } ${SUMMARY} ${RELATION}`,
    { eventId },
  );
  return data.retaliationChain;
}

export async function fetchEntityDetails(id: string): Promise<EntityDetails> {
  const data = await graphql<{ entity: EntityDetails }>(
    `query ExplorerEntityDetails($id: ID!) {
      entity(id: $id) {
        id name kind description aliases degree
        provenance { ...EvidenceFields }
        claims { measure qualifier count subject account scope rank rankReason note evidence { ...EvidenceFields } }
        ... on Event {
          shortName eventType date { ...DateFields }
          estimates { measure low best high disputed accounts { id label attribution scope rank disputed low best high evidence { ...EvidenceFields } } }
        }
        ... on Statement { date { ...DateFields } }
      }
    } ${EVIDENCE} ${DATE}`,
    { id },
  );
  return data.entity;
}

export async function fetchRelationDetails(id: string): Promise<RelationDetails> {
  const data = await graphql<{ relation: RelationDetails }>(
    `query ExplorerRelationDetails($id: ID!) {
      relation(id: $id) {
        id type role account rank rankReason note date { ...DateFields }
        source { id name kind } target { id name kind }
        evidence { ...EvidenceFields }
      }
    } ${EVIDENCE} ${DATE}`,
    { id },
  );
  return data.relation;
}
