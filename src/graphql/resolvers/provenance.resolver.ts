/** Relations, evidence, source documents and coordinates: resolving the ids they hold. */
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { DocumentKind, Rank } from "../../model/ontology.js";
import type { Coordinates, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../../model/records.js";
import type { DateView } from "../../service/views.js";
import type { GraphQLContext } from "../context.js";
import { DocumentKindEnum, RankEnum } from "../enums.js";
import { EntityInterface } from "../types/entity.type.js";
import { EvidenceObject } from "../types/evidence.type.js";
import { CoordinatesObject } from "../types/geography.type.js";
import { PartialDateObject } from "../types/partial-date.type.js";
import { RelationObject } from "../types/relation.type.js";
import { SourceDocumentObject } from "../types/source-document.type.js";
import { CorroborationObject, SupportObject } from "../types/support.type.js";
import { SupportFilterArgs, SupportsArgs } from "../args/supports.args.js";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import type { CorroborationView, SupportView } from "../../service/views.js";

@Resolver(() => RelationObject)
export class RelationResolver {
  @FieldResolver(() => EntityInterface)
  source(@Root() relation: RelationRecord, @Ctx() { service }: GraphQLContext): EntityRecord {
    return service.entity(relation.source);
  }

  @FieldResolver(() => EntityInterface)
  target(@Root() relation: RelationRecord, @Ctx() { service }: GraphQLContext): EntityRecord {
    return service.entity(relation.target);
  }

  @FieldResolver(() => PartialDateObject, { nullable: true })
  date(@Root() relation: RelationRecord, @Ctx() { service }: GraphQLContext): DateView | null {
    return relation.date ? service.dateView(relation.date) : null;
  }

  @FieldResolver(() => RankEnum)
  rank(@Root() relation: RelationRecord): Rank {
    return relation.rank ?? "NORMAL";
  }

  @FieldResolver(() => CorroborationObject, { description: "The documents that state this relation: how many, which, and each one's evidence." })
  corroboration(@Root() relation: RelationRecord, @Ctx() { service }: GraphQLContext): CorroborationView {
    return service.corroborationOf(relation.evidence);
  }
}

@Resolver(() => EvidenceObject)
export class EvidenceResolver {
  @FieldResolver(() => SourceDocumentObject)
  document(@Root() evidence: Evidence, @Ctx() { service }: GraphQLContext): SourceDocument {
    return service.source(evidence.document);
  }

  @FieldResolver(() => [EntityInterface])
  attributedTo(@Root() evidence: Evidence, @Ctx() { service }: GraphQLContext): EntityRecord[] {
    return service.attributedTo(evidence);
  }
}

@Resolver(() => SourceDocumentObject)
export class SourceDocumentResolver {
  @FieldResolver(() => DocumentKindEnum)
  kind(@Root() document: SourceDocument): DocumentKind {
    return document.kind ?? "ARTICLE";
  }

  @FieldResolver(() => PartialDateObject, { nullable: true })
  covers(@Root() document: SourceDocument, @Ctx() { service }: GraphQLContext): DateView | null {
    return document.covers ? service.dateView(document.covers) : null;
  }

  @FieldResolver(() => PartialDateObject, { nullable: true })
  published(@Root() document: SourceDocument, @Ctx() { service }: GraphQLContext): DateView | null {
    return document.published ? service.dateView(document.published) : null;
  }

  @FieldResolver(() => [String])
  publicationNotes(@Root() document: SourceDocument): string[] {
    return document.publicationNotes ?? [];
  }

  @FieldResolver(() => [SupportObject], {
    description: "The entities, relations and claims this document supports (an evidence entry cites it), in data order: entities, then relations, then claims; `first` at a time after `offset`.",
  })
  @Cost(FIELD_COSTS.supports)
  supports(@Root() document: SourceDocument, @Args(() => SupportsArgs) args: SupportsArgs, @Ctx() { service }: GraphQLContext): SupportView[] {
    return service.supportsOf(document, args);
  }

  @FieldResolver(() => Int, { description: "How many records `supports` holds under the same filters." })
  supportCount(@Root() document: SourceDocument, @Args(() => SupportFilterArgs) args: SupportFilterArgs, @Ctx() { service }: GraphQLContext): number {
    return service.supportCount(document, args);
  }
}

@Resolver(() => CoordinatesObject)
export class CoordinatesResolver {
  @FieldResolver(() => EntityInterface, {
    nullable: true,
    description: "The place or base whose position these are, when not the entity's own: the city a base is near, the site an event occurred at.",
  })
  via(@Root() coordinates: Coordinates, @Ctx() { service }: GraphQLContext): EntityRecord | null {
    return coordinates.via === undefined ? null : service.entity(coordinates.via);
  }
}
