/**
 * A data problem found while loading: where it is (file, record id, field) and
 * what is wrong. Loading collects every problem before it gives up.
 */

export interface DataProblem {
  /** Path of the data file, relative to the data directory's parent where possible. */
  readonly file: string;
  /** The record's id, or `#N` (its position in the file) when it has no usable id; `-` for file-level problems. */
  readonly id: string;
  /** Dotted path of the field inside the record (`evidence.0.excerpt`); `-` for whole-record problems. */
  readonly field: string;
  readonly message: string;
}

export function formatProblem(p: DataProblem): string {
  return `${p.file}: ${p.id}: ${p.field}: ${p.message}`;
}

/** Thrown when data fails validation; nothing has been built from it. */
export class DataValidationError extends Error {
  override readonly name = "DataValidationError";
  constructor(readonly problems: readonly DataProblem[]) {
    super(
      `Data failed validation with ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
  }
}
