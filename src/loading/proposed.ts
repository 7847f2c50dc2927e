/**
 * Records a draft proposes (`status: proposed`, see model/records.ts) are
 * never served: in a data directory each is a problem, and only a draft
 * being validated (`validate --draft`) may hold them.
 */

export const PROPOSED_MESSAGE = "a proposed record belongs in a draft: review it there (`conflict-graph validate --draft`), and bring it into the data once accepted with `conflict-graph merge`";

interface MaybeProposed {
  readonly status?: string | undefined;
  readonly claims?: ReadonlyArray<{ readonly status?: string | undefined }> | undefined;
}

/** Whether the record itself is proposed. */
export const isProposed = (record: MaybeProposed): boolean => record.status === "proposed";

/** The fields of a record that mark something proposed: `status` (the record) and `claims.N.status`. */
export function proposedFields(record: MaybeProposed): string[] {
  const fields = isProposed(record) ? ["status"] : [];
  record.claims?.forEach((claim, i) => {
    if (claim.status === "proposed") fields.push(`claims.${i}.status`);
  });
  return fields;
}
