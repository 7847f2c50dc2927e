/** Relations, evidence and source documents: resolving the ids they hold. */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DateRecord, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../../model/records.js";
import type { DateView } from "../../service/views.js";
import type { GraphQLContext } from "../context.js";
import { Entity } from "../types/entity.type.js";
import { EvidenceType } from "../types/evidence.type.js";
import { PartialDateType } from "../types/partial-date.type.js";
import { RelationObject } from "../types/relation.type.js";
import { SourceDocumentType } from "../types/source-document.type.js";

@Resolver(() => RelationObject)
export class RelationResolver {
  @FieldResolver(() => Entity)
  source(@Root() relation: RelationRecord, @Ctx() { service }: GraphQLContext): EntityRecord {
    return service.entity(relation.source);
  }

  @FieldResolver(() => Entity)
  target(@Root() relation: RelationRecord, @Ctx() { service }: GraphQLContext): EntityRecord {
    return service.entity(relation.target);
  }

  @FieldResolver(() => PartialDateType, { nullable: true })
  date(@Root() relation: RelationRecord, @Ctx() { service }: GraphQLContext): DateView | null {
    return relation.date ? service.dateView(relation.date) : null;
  }
}

@Resolver(() => EvidenceType)
export class EvidenceResolver {
  @FieldResolver(() => SourceDocumentType)
  document(@Root() evidence: Evidence, @Ctx() { service }: GraphQLContext): SourceDocument {
    return service.source(evidence.document);
  }

  @FieldResolver(() => [Entity])
  attributedTo(@Root() evidence: Evidence, @Ctx() { service }: GraphQLContext): EntityRecord[] {
    return service.attributedTo(evidence);
  }
}

@Resolver(() => SourceDocumentType)
export class SourceDocumentResolver {
  @FieldResolver(() => PartialDateType)
  covers(@Root() document: SourceDocument & { covers: DateRecord }, @Ctx() { service }: GraphQLContext): DateView {
    return service.dateView(document.covers);
  }
}
