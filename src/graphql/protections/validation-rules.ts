/**
 * The validation rules this API adds to GraphQL's own, with their limits:
 * operation types, introspection, depth, aliases and directives (see
 * rules/document-limits.ts).
 */
import type { ValidationRule } from "graphql";
import { REQUEST_LIMITS } from "../../service/limits.js";
import { introspectionLimitsRule, knownOperationTypesRule, maxAliasesRule, maxDepthRule, maxDirectivesRule } from "./document-limits.js";

export const VALIDATION_RULES: readonly ValidationRule[] = [
  knownOperationTypesRule,
  introspectionLimitsRule(REQUEST_LIMITS.maxIntrospectionFields, REQUEST_LIMITS.maxOfTypeDepth),
  maxDepthRule(REQUEST_LIMITS.maxDepth),
  maxAliasesRule(REQUEST_LIMITS.maxAliases),
  maxDirectivesRule(REQUEST_LIMITS.maxDirectives),
];
