/** Claims and accounts: ranks defaulted, disputes looked up. */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Rank } from "../../model/ontology.js";
import type { Claim, RelationRecord } from "../../model/records.js";
import type { AccountView } from "../../service/estimates.js";
import type { GraphQLContext } from "../context.js";
import { RankEnum } from "../enums.js";
import { Cost } from "../protections/cost.js";
import { FIELD_COSTS } from "../protections/field-costs.js";
import { AccountObject, ClaimObject } from "../types/claim.type.js";
import { RelationObject } from "../types/relation.type.js";
import { CorroborationObject } from "../types/support.type.js";
import { claimEvidence } from "../../graph/document-support.js";
import type { CorroborationView } from "../../service/views.js";

@Resolver(() => ClaimObject)
export class ClaimResolver {
  @FieldResolver(() => RankEnum)
  rank(@Root() claim: Claim): Rank {
    return claim.rank ?? "NORMAL";
  }

  @FieldResolver(() => CorroborationObject, { description: "The documents that state this figure: its source first, then any other document that states the same figure for the same account." })
  corroboration(@Root() claim: Claim, @Ctx() { service }: GraphQLContext): CorroborationView {
    return service.corroborationOf(claimEvidence(claim));
  }
}

@Resolver(() => AccountObject)
export class AccountResolver {
  @FieldResolver(() => [RelationObject], { description: "DISPUTES relations that reject or question this account, each with who disputes it and the evidence." })
  @Cost(FIELD_COSTS.disputes)
  disputedBy(@Root() account: AccountView, @Ctx() { service }: GraphQLContext): RelationRecord[] {
    return service.disputesOf(account);
  }
}
