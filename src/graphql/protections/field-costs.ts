/**
 * The cost of every field whose cost is not 1 plus its selections: one table,
 * so that the README's cost rules and the schema descriptions can be read off
 * it. Arguments are clamped to their bounds (see `bounded`).
 */
import type { Direction } from "../../traversal/index.js";
import type { RelationType } from "../../model/ontology.js";
import { bounded } from "./cost.js";
import type { CostInput, FieldCost } from "./cost.js";
import { LIMITS } from "../../service/limits.js";

const first = ({ args }: CostInput, max: number) => bounded(args["first"], max);

/** A shortest path's steps: at most what the data allows in the walk's direction. */
const pathScope = ({ args, profile }: CostInput) => {
  const types = args["relationTypes"] as readonly string[] | null | undefined;
  return { steps: profile.longestShortestPath((args["direction"] as Direction | undefined) ?? "either", types ?? null) };
};

export const FIELD_COSTS = {
  /** `entities`: a page of at most `first` entities. */
  entityPage: { scope: (input) => ({ page: Math.min(first(input, LIMITS.pageSize.max), input.profile.entities) }) },
  /** `relations`: a page of at most `first` relations (deprecated ones included, which the traversal profile leaves out). */
  relationPage: {
    scope: (input) => ({ page: Math.min(first(input, LIMITS.pageSize.max), input.profile.relations + input.profile.records.deprecatedRelationsTotal) }),
  },
  /** A connection's `edges` or `nodes`: the page's items. */
  pageItems: { items: ({ scope }) => scope.page ?? 1 },
  /** `entitiesById`: one item per id asked for. */
  entitiesById: { items: ({ args }) => Math.min(Array.isArray(args["ids"]) ? args["ids"].length : 0, LIMITS.ids) },
  /** Root `claims`: at most `first` claims. */
  claimList: { items: (input) => first(input, LIMITS.timeline.max) },
  /** `events`: at most `first` events. */
  timeline: { items: (input) => Math.min(first(input, LIMITS.timeline.max), input.profile.entities) },
  /**
   * `Entity.relations` and `Entity.neighbors`: at most `first`, and at most the
   * most relations of those types one entity has (plus its deprecated ones,
   * when `ranks` asks for them).
   */
  entityRelations: {
    items: (input) => {
      const deprecated = Array.isArray(input.args["ranks"]) && input.args["ranks"].includes("DEPRECATED") ? input.profile.records.deprecatedRelations : 0;
      const most = input.profile.maxDegree(input.args["types"] as string[] | null, (input.args["direction"] as Direction) ?? "either") + deprecated;
      return Math.min(first(input, LIMITS.relatedItems.max), most);
    },
  },
  /** `neighborhood`: traversal work grows with depth; the subgraph holds at most `limit` entities and the relations among them. */
  neighborhood: {
    base: ({ args }) => 10 * (bounded(args["depth"], LIMITS.depth.max) + 1),
    scope: ({ args, profile }) => {
      const nodes = Math.min(bounded(args["limit"], LIMITS.subgraphNodes.max), profile.entities);
      return { nodes, relations: profile.maxRelationsAmong(nodes) };
    },
  },
  /** `shortestPath`: one search; a shortest path is no longer than the graph's widest connected part allows (see GraphProfile). */
  shortestPath: { base: 20, scope: (input) => pathScope(input) },
  /** `allShortestPaths`: up to `limit` shortest paths. */
  allShortestPaths: {
    base: 50,
    items: ({ args }) => bounded(args["limit"], LIMITS.paths.max),
    scope: (input) => pathScope(input),
  },
  /** `paths`: up to `limit` paths of at most `maxLength` steps. */
  paths: {
    base: 50,
    items: ({ args }) => bounded(args["limit"], LIMITS.paths.max),
    scope: (input) => ({ steps: Math.min(bounded(input.args["maxLength"], LIMITS.pathLength.max), input.profile.entities - 1) }),
  },
  /** `retaliationChain`: at most every event with a RETALIATES_FOR relation, and those relations. */
  retaliationChain: {
    base: 20,
    scope: ({ profile }) => ({ nodes: profile.entitiesWithType("RETALIATES_FOR"), relations: profile.relationsOfType("RETALIATES_FOR") }),
  },
  /** Entities of a subgraph, path or chain. */
  scopeNodes: { items: ({ scope }) => scope.nodes ?? 1 },
  /** Relations of a subgraph or chain. */
  scopeRelations: { items: ({ scope }) => scope.relations ?? 1 },
  /** Entities along a path. */
  pathNodes: { items: ({ scope }) => (scope.steps ?? 0) + 1 },
  /** Steps of a path. */
  pathSteps: { items: ({ scope }) => scope.steps ?? 1 },
  /** An entity's claims, as many as the most any entity has. */
  claims: { items: ({ profile }) => profile.records.claims },
  /** An entity's accounts or estimates, or an account's claims or excerpts: no more than the most claims any entity has. */
  accounts: { items: ({ profile }) => profile.records.claims },
  /** The DISPUTES relations of an account: at most the most DISPUTES relations one event has. */
  disputes: { items: ({ profile }) => profile.maxDegree(["DISPUTES"], "backward") },
  /** An entity's countries: at most every COUNTRY place. */
  countries: { items: ({ profile }) => profile.records.countries },
  /** An entity's evidence, as many entries as the most any entity has. */
  entityEvidence: { items: ({ profile }) => profile.records.entityEvidence },
  /** A relation's evidence, as many entries as the most any relation has. */
  relationEvidence: { items: ({ profile }) => profile.records.relationEvidence },
  /** A record's corroboration: its evidence entries or documents, as many as the most any entity, relation or claim has. */
  corroborationEvidence: { items: ({ profile }) => Math.max(profile.records.entityEvidence, profile.records.relationEvidence, profile.records.claimEvidence) },
  /** `SourceDocument.supports`: at most `first`, and at most the most records one document supports. */
  supports: { items: (input) => Math.min(first(input, LIMITS.timeline.max), input.profile.records.supportsPerDocument) },
  /** The entities an evidence entry is attributed to. */
  attributedTo: { items: ({ profile }) => profile.records.attributedTo },
  /** The source documents. */
  sources: { items: (input) => Math.min(first(input, LIMITS.relatedItems.max), input.profile.records.sources) },
  /** A subgraph serialised once: one per entity and relation it can hold. */
  subgraphExport: { base: ({ scope }) => 1 + (scope.nodes ?? 1) + (scope.relations ?? 1) },
  /** A path serialised once: one per entity and step. */
  pathExport: { base: ({ scope }) => 2 + 2 * (scope.steps ?? 1) },
} satisfies Record<string, FieldCost>;

/** A kind's own list along fixed relation types: at most `first`, and at most what one entity has of them. */
export function relatedCost(types: readonly RelationType[], direction: Direction): FieldCost {
  return { items: (input) => Math.min(first(input, LIMITS.relatedItems.max), input.profile.maxDegree(types, direction)) };
}
