/**
 * The validated-data snapshot: a second load with nothing changed comes from
 * the snapshot and equals a full load; a changed data file is loaded in full
 * again; invalid data is never kept.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_DATA_DIR, loadKnowledgeBase } from "../../src/loading/load.js";
import { loadWithSnapshot } from "../../src/loading/snapshot.js";
import { DataValidationError } from "../../src/loading/problems.js";

function counted(dataDir: string) {
  let calls = 0;
  return {
    load: async () => {
      calls++;
      return loadKnowledgeBase(dataDir);
    },
    calls: () => calls,
  };
}

describe("loadWithSnapshot", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "snapshot-"));
  cpSync(BUNDLED_DATA_DIR, dataDir, { recursive: true });
  // A data set of its own, so that no other test's snapshot answers for it.
  const sources = join(dataDir, "sources.yaml");
  writeFileSync(sources, `${readFileSync(sources, "utf8")}\n# ${dataDir}\n`);

  it("loads in full once, then from the snapshot, with the same records", async () => {
    const first = counted(dataDir);
    const full = await loadWithSnapshot(dataDir, first.load);
    const second = counted(dataDir);
    const again = await loadWithSnapshot(dataDir, second.load);
    expect([first.calls(), second.calls()]).toEqual([1, 0]);
    expect(again).toEqual(full);
  });

  it("loads in full again when a data file changes, and keeps nothing when the data is invalid", async () => {
    const entities = join(dataDir, "entities", "groups.yaml");
    writeFileSync(entities, `${readFileSync(entities, "utf8")}\n- id: Not An Id\n`);
    const broken = counted(dataDir);
    await expect(loadWithSnapshot(dataDir, broken.load)).rejects.toBeInstanceOf(DataValidationError);
    const retried = counted(dataDir);
    await expect(loadWithSnapshot(dataDir, retried.load)).rejects.toBeInstanceOf(DataValidationError);
    expect([broken.calls(), retried.calls()]).toEqual([1, 1]);
  });
});
