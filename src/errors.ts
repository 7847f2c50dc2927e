/**
 * Domain errors, thrown anywhere below the API and mapped once to GraphQL error
 * codes (and HTTP statuses) at the edge. They carry messages fit for a client.
 */

/** A referenced entity, relation or other keyed thing does not exist. */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  constructor(
    readonly what: string,
    readonly key: string,
    message = `No ${what} with id "${key}"`,
  ) {
    super(message);
  }
}

/** A name given where an entity is expected matches several entities equally well; `candidates` are their ids. */
export class AmbiguousNameError extends Error {
  override readonly name = "AmbiguousNameError";
  constructor(
    readonly argument: string,
    readonly text: string,
    readonly candidates: readonly string[],
  ) {
    super(`${argument}: "${text}" matches several entities equally well; give one of these ids: ${candidates.join(", ")}`);
  }
}

/** An argument is malformed or out of its allowed range; `argument` names it. */
export class BadInputError extends Error {
  override readonly name = "BadInputError";
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/** A traversal needed more work than one request may spend; `budget` is the limit in edge visits. */
export class BudgetExceededError extends Error {
  override readonly name = "BudgetExceededError";
  constructor(
    readonly operation: string,
    readonly budget: number,
  ) {
    super(`${operation} needed more than ${budget} edge visits, the most one request may spend; narrow it with relationTypes, direction, a smaller depth or maxLength`);
  }
}
