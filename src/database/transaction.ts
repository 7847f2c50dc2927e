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

export async function inWriteTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export async function inReadSnapshot<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
