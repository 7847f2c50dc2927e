/**
 * The one place domain errors become GraphQL errors: NotFoundError ->
 * NOT_FOUND, BadInputError -> BAD_USER_INPUT, BudgetExceededError ->
 * TRAVERSAL_BUDGET_EXCEEDED. GraphQL's own errors (syntax,
 * validation, variables) keep their code and message. Anything unexpected is
 * masked as INTERNAL_SERVER_ERROR and logged; no stack trace reaches a client.
 */
import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { BadInputError, BudgetExceededError, NotFoundError } from "../errors.js";

export type ErrorLogger = (error: unknown) => void;

export function createErrorFormatter(logUnexpected: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { locations, path } = formatted;
    const base = { ...(locations ? { locations } : {}), ...(path ? { path } : {}) };
    if (original instanceof NotFoundError) {
      return { message: original.message, ...base, extensions: { code: "NOT_FOUND", id: original.key } };
    }
    if (original instanceof BadInputError) {
      return { message: original.message, ...base, extensions: { code: "BAD_USER_INPUT", argument: original.argument } };
    }
    if (original instanceof BudgetExceededError) {
      return { message: original.message, ...base, extensions: { code: "TRAVERSAL_BUDGET_EXCEEDED", budget: original.budget } };
    }
    const code = formatted.extensions?.["code"];
    if (typeof code !== "string" || code === "INTERNAL_SERVER_ERROR") {
      logUnexpected(original);
      return { message: "Internal server error", ...base, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    const extensions: Record<string, unknown> = { code };
    for (const key of ["cost", "maxCost"]) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    return { message: formatted.message, ...base, extensions };
  };
}
