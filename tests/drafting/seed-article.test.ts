/**
 * The real article (../shared/seed, beside the repository; skipped without
 * it): a cold draft gets the timeline's years right, and the draft made
 * against the bundled data validates as a draft with every excerpt checked
 * against the text.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { draftOf, events } from "./helpers.js";

const ARTICLE = join(PACKAGE_ROOT, "..", "shared", "seed", "000_f5a8a94412535d4e.txt");
/** The article's last dated event is July 8, 2021 (data/sources.yaml, publicationNotes). */
const PUBLISHED = "2021-07-08";

describe.skipIf(!existsSync(ARTICLE))("the seed article", () => {
  it("cold: the timeline December 29, January 3, March 13, February 25, June 27 comes out 2019, 2020, 2020, 2021, 2021, with the reasoning", () => {
    const draft = draftOf(readFileSync(ARTICLE, "utf8"), { published: PUBLISHED });
    const strikes = events(draft).filter((e) => e.eventType === "AIRSTRIKE");
    const timeline = ["December 29", "January 3", "March 13", "February 25", "June 27"].map((day) => strikes.find((e) => e.date.asWritten === day)!.date);
    expect(timeline.map((d) => d.value)).toEqual(["2019-12-29", "2020-01-03", "2020-03-13", "2021-02-25", "2021-06-27"]);
    expect(timeline[0]!.yearInferred).toContain("starts the next year (2 times)");
    expect(draft.sources).toHaveLength(1);
    expect(draft.sources[0]).toMatchObject({ status: "proposed", kind: "ARTICLE", title: "U.S. Strikes Iran-Backed Militias in Iraq, Syria" });
  });

  it("against the bundled data: the draft validates as a draft, excerpts and positions checked against the text", async () => {
    process.env["CONFLICT_GRAPH_DRAFT_WORKER"] = "off";
    try {
      const output = join(mkdtempSync(join(tmpdir(), "conflict-graph-seed-")), "seed.draft.yaml");
      const lines: string[] = [];
      const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
      expect(await runCli(["draft", ARTICLE, "--published", PUBLISHED, "--output", output], out)).toBe(0);
      expect(lines.join("\n")).toContain('the text is source document "us-strikes-iran-backed-militias"');
      lines.length = 0;
      expect(await runCli(["validate", "--draft", output, "--source", ARTICLE], out)).toBe(0);
      expect(lines[0]).toMatch(/^Valid draft: /);
      expect(lines.join("\n")).toContain("Relations the graph already has");
    } finally {
      delete process.env["CONFLICT_GRAPH_DRAFT_WORKER"];
    }
  });
});
