/**
 * Transactions on the store. Writers (`db import`, `merge`) hold one
 * transaction-scoped advisory lock, so that two writers run one after the
 * other and the second plans against what the first committed: nothing is
 * lost. Readers take a REPEATABLE READ, READ ONLY snapshot, so that a load
 * never sees half of a write.
 */
import type pg from "pg";

/** The advisory lock every writer takes (an arbitrary constant: "cgwrite" in ASCII). */
export const WRITE_LOCK = 0x63677772697465;

/** Runs `work` between `begin` and COMMIT, rolling back when it throws. */
async function inTransaction<T>(client: pg.ClientBase, begin: string, work: () => Promise<T>): Promise<T> {
  await client.query(begin);
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export function inWriteTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  return inTransaction(client, "BEGIN", async () => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    return work();
  });
}

export function inReadSnapshot<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  return inTransaction(client, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
}
