/**
 * The one mapping from domain errors to what callers report: a code, the
 * extensions a GraphQL or JSON error carries, the HTTP status of a reply that
 * is only this error, and the command line's exit code. GraphQL, the export
 * routes and the command line all read it.
 */
import { AmbiguousNameError, BadInputError, BudgetExceededError, NotFoundError } from "../errors.js";

export const ERROR_CODES = {
  /** An id names nothing; the request itself was fine. */
  NOT_FOUND: { httpStatus: 404, exitCode: 1 },
  /** A name matches several entities equally well; `candidates` lists their ids. */
  AMBIGUOUS_NAME: { httpStatus: 409, exitCode: 1 },
  /** An argument is out of range or malformed. */
  BAD_USER_INPUT: { httpStatus: 400, exitCode: 2 },
  /** A traversal needed more work than one request may spend. */
  TRAVERSAL_BUDGET_EXCEEDED: { httpStatus: 400, exitCode: 1 },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorReport {
  readonly code: ErrorCode;
  readonly message: string;
  /** `code` and what else a client needs: the id, the argument, the budget. */
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly httpStatus: number;
  readonly exitCode: number;
}

/** The report of a domain error; null for anything else (unexpected: logged and masked by the caller). */
export function reportOf(error: unknown): ErrorReport | null {
  let code: ErrorCode;
  let detail: Record<string, unknown>;
  if (error instanceof NotFoundError) [code, detail] = ["NOT_FOUND", { id: error.key }];
  else if (error instanceof AmbiguousNameError) [code, detail] = ["AMBIGUOUS_NAME", { argument: error.argument, candidates: [...error.candidates] }];
  else if (error instanceof BadInputError) [code, detail] = ["BAD_USER_INPUT", { argument: error.argument }];
  else if (error instanceof BudgetExceededError) [code, detail] = ["TRAVERSAL_BUDGET_EXCEEDED", { budget: error.budget }];
  else return null;
  return { code, message: error.message, extensions: { code, ...detail }, ...ERROR_CODES[code] };
}
