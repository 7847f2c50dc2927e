/** Subgraphs and paths as files: networkx node-link JSON and the other export formats. */
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { pathExport, subgraphExport } from "../../export/exports.js";
import { serialize, toNodeLink } from "../../export/formats.js";
import type { EdgesKey, ExportFormat } from "../../export/formats.js";
import type { PathView, SubgraphView } from "../../service/views.js";
import type { GraphQLContext } from "../context.js";
import { EdgesKeyEnum, ExportFormatEnum } from "../enums.js";
import { PathObject, SubgraphObject } from "../types/traversal.type.js";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";

const NODE_LINK_DESCRIPTION =
  "The subgraph as networkx node-link JSON (directed multigraph; nodes carry `id`, edges `source`, `target` and `key`; all attributes kept). Load it with networkx.node_link_graph.";
const EDGES_KEY_DESCRIPTION = "Where to put the edge list; default LINKS.";
const EXPORT_DESCRIPTION = "The subgraph serialised in a file format, as text.";
const FORMAT_DESCRIPTION = "The file format.";

@Resolver(() => SubgraphObject)
export class SubgraphExportResolver {
  @FieldResolver(() => GraphQLJSONObject, { description: NODE_LINK_DESCRIPTION })
  @Cost(FIELD_COSTS.subgraphExport)
  nodeLink(
    @Root() view: SubgraphView,
    @Arg("edgesKey", () => EdgesKeyEnum, { defaultValue: "links", description: EDGES_KEY_DESCRIPTION }) edgesKey: EdgesKey,
    @Ctx() { service }: GraphQLContext,
  ) {
    return toNodeLink(subgraphExport(service, view), edgesKey);
  }

  @FieldResolver(() => String, { description: EXPORT_DESCRIPTION })
  @Cost(FIELD_COSTS.subgraphExport)
  export(@Root() view: SubgraphView, @Arg("format", () => ExportFormatEnum, { description: FORMAT_DESCRIPTION }) format: ExportFormat, @Ctx() { service }: GraphQLContext) {
    return serialize(subgraphExport(service, view), format);
  }
}

@Resolver(() => PathObject)
export class PathExportResolver {
  @FieldResolver(() => GraphQLJSONObject, { description: NODE_LINK_DESCRIPTION })
  @Cost(FIELD_COSTS.pathExport)
  nodeLink(
    @Root() view: PathView,
    @Arg("edgesKey", () => EdgesKeyEnum, { defaultValue: "links", description: EDGES_KEY_DESCRIPTION }) edgesKey: EdgesKey,
    @Ctx() { service }: GraphQLContext,
  ) {
    return toNodeLink(pathExport(service, view), edgesKey);
  }

  @FieldResolver(() => String, { description: EXPORT_DESCRIPTION })
  @Cost(FIELD_COSTS.pathExport)
  export(@Root() view: PathView, @Arg("format", () => ExportFormatEnum, { description: FORMAT_DESCRIPTION }) format: ExportFormat, @Ctx() { service }: GraphQLContext) {
    return serialize(pathExport(service, view), format);
  }
}
