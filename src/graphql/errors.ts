/**
 * GraphQL's error formatting: a domain error is reported as the one mapping
 * says (service/error-reports.ts: code, message, extensions). GraphQL's own
 * errors (syntax, validation, variables, cost) keep their code and message.
 * Anything unexpected is masked as INTERNAL_SERVER_ERROR and logged; no stack
 * trace reaches a client.
 */
import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { reportOf } from "../service/error-reports.js";

export type ErrorLogger = (error: unknown) => void;

export function createErrorFormatter(logUnexpected: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { locations, path } = formatted;
    const base = { ...(locations ? { locations } : {}), ...(path ? { path } : {}) };
    const report = reportOf(original);
    if (report) return { message: report.message, ...base, extensions: { ...report.extensions } };
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
