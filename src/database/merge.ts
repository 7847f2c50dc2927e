/**
 * `merge --database`: folds a reviewed draft into the store in one
 * transaction. It takes the writers' lock, reads the data as committed
 * (so a second merge plans against the first one's result: nothing is
 * lost), decides and checks the merge exactly as for a data directory
 * (prepareMerge, over the files the store holds), writes only the records
 * that change, bumps the data version (every replica reloads) and commits;
 * any refusal or error rolls back, leaving the store as it was.
 */
import type pg from "pg";
import type { RawData } from "../loading/read-files.js";
import type { KnowledgeBase } from "../loading/validate.js";
import { prepareMerge } from "../curation/merge/merge-draft.js";
import type { MergeResult, MergeSource } from "../curation/merge/merge-draft.js";
import { applyChanges } from "./apply-changes.js";
import { dataSetFiles, openingComment, placedDataSet, rawDataOf } from "./data-directory.js";
import { requireCurrentSchema } from "./migrate.js";
import { readDataSet } from "./store.js";
import type { DataSet } from "./store.js";
import { inWriteTransaction } from "./transaction.js";

export interface DatabaseMergeOptions {
  readonly draft: string;
  /** How reports name the store (`user@host/database`). */
  readonly name: string;
  readonly dryRun: boolean;
}

/** Raised inside the transaction to roll a refused merge back. */
class Refused extends Error {
  constructor(readonly result: MergeResult) {
    super("refused");
  }
}

function storeSource(data: DataSet, name: string): MergeSource {
  const texts = dataSetFiles(data);
  return { name, raw: rawDataOf(data), relativeFile: (file) => file, display: (file) => file, read: (file) => texts.get(file) ?? null };
}

/** The data set the merged records make: placement from the raw records, values as validated, new files with their opening comments. */
function dataSetAfter(before: DataSet, after: RawData, validated: KnowledgeBase, texts: ReadonlyMap<string, string>): DataSet {
  const files = new Map(before.files.map((f) => [f.path, f]));
  for (const [path, text] of texts) if (!files.has(path)) files.set(path, { path, comment: openingComment(text) });
  return placedDataSet(after, validated, [...files.values()]);
}

export async function mergeIntoDatabase(client: pg.ClientBase, options: DatabaseMergeOptions): Promise<MergeResult> {
  await requireCurrentSchema(client, options.name);
  try {
    return await inWriteTransaction(client, async () => {
      const before = await readDataSet(client);
      const prepared = prepareMerge(storeSource(before, options.name), options.draft);
      if (!prepared.ok) throw new Refused(prepared);
      // A data directory takes new places and bases and waits for `npm run geocode`; the store, which
      // every replica loads, cannot hold one without its location, and geocoding works on directories.
      if (prepared.plan.awaitingGeocoding.length > 0) {
        throw new Refused({
          ok: false,
          reason: "the store cannot take places or bases without a location",
          problems: prepared.plan.awaitingGeocoding.map((id) => ({
            file: options.draft,
            id,
            field: "-",
            message: "is a new place or base: it needs a location from the gazetteer, which `npm run geocode` writes into a data directory. Export the store (`db export DIR`), merge the draft into DIR (`merge DRAFT --data DIR`), copy your `gazetteer-queries.yaml` into DIR and run `npm run geocode -- --data DIR`, and import it back (`db import --data DIR --replace`)",
          })),
        });
      }
      const write = !options.dryRun && prepared.changes.length > 0;
      if (write) {
        const texts = new Map(prepared.changes.map((c) => [c.file, c.after]));
        await applyChanges(client, before, dataSetAfter(before, prepared.after, prepared.knowledgeBase, texts));
        await client.query("SELECT bump_data_version($1)", [`merge of ${options.draft}`]);
      } else {
        throw new Refused({ ok: true, report: prepared.report(false) });
      }
      return { ok: true, report: prepared.report(true) };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
