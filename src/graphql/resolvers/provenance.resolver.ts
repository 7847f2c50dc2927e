/** Relations, evidence and source documents: resolving the ids they hold. */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DateRecord, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../../model/records.js";
import type { DateView } from "../../service/views.js";
import type { GraphQLContext } from "../context.js";
import { EntityInterface } from "../types/entity.type.js";
import { EvidenceObject } from "../types/evidence.type.js";
import { PartialDateObject } from "../types/partial-date.type.js";
import { RelationObject } from "../types/relation.type.js";
import { SourceDocumentObject } from "../types/source-document.type.js";

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
  @FieldResolver(() => PartialDateObject)
  covers(@Root() document: SourceDocument & { covers: DateRecord }, @Ctx() { service }: GraphQLContext): DateView {
    return service.dateView(document.covers);
  }
}
