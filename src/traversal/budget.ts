/**
 * The work one traversal call may do, in edge visits: one per adjacency entry
 * examined (entries of other types included) and one per step a depth-first
 * search takes from a remembered list. A call that would need more throws
 * BudgetExceededError instead of running on. Every scan of entries [a, b) is
 * budgeted the same way:
 *
 *   const stop = budget.stop(a, b);
 *   let j = a;
 *   for (; j < stop; j++) { ... break when found ... }
 *   budget.scanned(a, j, stop, b);
 */
import { BudgetExceededError } from "../errors.js";

export class Budget {
  spent = 0;

  constructor(
    readonly operation: string,
    readonly limit: number,
  ) {}

  /** Counts `n` more edge visits. */
  charge(n: number): void {
    if ((this.spent += n) > this.limit) throw new BudgetExceededError(this.operation, this.limit);
  }

  /** Where a scan of [a, b) must stop to stay within the budget. */
  stop(a: number, b: number): number {
    const room = this.limit - this.spent;
    return b - a > room ? a + room : b;
  }

  /** After a scan of [a, b) cut at `stop` ended at `j`: a break before `stop` examined j - a + 1 entries. */
  scanned(a: number, j: number, stop: number, b: number): void {
    if (j < stop) {
      this.charge(j - a + 1);
      return;
    }
    this.charge(stop - a);
    if (stop < b) throw new BudgetExceededError(this.operation, this.limit);
  }
}
