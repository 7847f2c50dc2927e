/**
 * The edge-visit budget of a push-down call: the in-memory Budget, charged
 * with the same visits, plus charges known only within bounds until asked
 * for. Where memory scans a node's whole walk to find one step, the push-down
 * reads only the relations toward the step's targets; the visits that scan
 * cost depend on where the step sits in the walk, which takes the whole walk
 * to know. Such a charge is taken at its least at once and settled exactly
 * (the whole walk read) only when its most could exceed the budget. Visits
 * only add up, so a call fails if and only if its exact total exceeds the
 * budget, whatever the order of charging: the same calls fail as in memory.
 */
import { Budget } from "../../traversal/budget.js";

export class PushdownBudget {
  readonly exact: Budget;
  private readonly pending: Array<{ least: number; most: number; settle: () => Promise<number> }> = [];

  constructor(operation: string, limit: number) {
    this.exact = new Budget(operation, limit);
  }

  /** Whether the call has a limit at all (without one, nothing needs counting). */
  get limited(): boolean {
    return this.exact.limit !== Infinity;
  }

  charge(n: number): void {
    this.exact.charge(n);
  }

  /** A charge between `least` and `most`, which `settle` computes exactly. */
  chargeBetween(least: number, most: number, settle: () => Promise<number>): void {
    this.exact.charge(least);
    if (most > least) this.pending.push({ least, most, settle });
  }

  /** Settles the pending charges exactly if, at their most, they could exceed the budget (BudgetExceededError then if they do). */
  async settle(): Promise<void> {
    const slack = this.pending.reduce((sum, charge) => sum + charge.most - charge.least, 0);
    if (this.exact.spent + slack <= this.exact.limit) return;
    for (const charge of this.pending.splice(0)) this.exact.charge((await charge.settle()) - charge.least);
  }
}
