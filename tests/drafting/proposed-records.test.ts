/**
 * Proposed records (`status: proposed`) are drafts: the loader refuses every
 * one in a data directory, so that `npm start` never serves them, naming the
 * file, the record and the field; only `validate --draft` accepts them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { DataValidationError } from "../../src/loading/problems.js";
import { PROPOSED_MESSAGE } from "../../src/loading/proposed.js";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { list, validFixture, writeFixture } from "../loading/fixture-data.js";

function withProposals() {
  const files = validFixture();
  (list(files, "entities/actors.yaml")[2] as Record<string, unknown>).status = "proposed";
  (list(files, "relations/all.yaml")[0] as Record<string, unknown>).status = "proposed";
  const event = list(files, "entities/events.yaml")[0] as { claims: Array<Record<string, unknown>> };
  event.claims[0]!.status = "proposed";
  return writeFixture(files);
}

describe("proposed records in a data directory", () => {
  it("are refused by the loader, each named by file, record and field", () => {
    let error: unknown;
    try {
      loadKnowledgeBase(withProposals());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataValidationError);
    const problems = (error as DataValidationError).problems.map((p) => `${p.file.split("/").slice(-2).join("/")}: ${p.id}: ${p.field}: ${p.message}`);
    expect(problems).toEqual([
      `entities/actors.yaml: kataib-hezbollah: status: ${PROPOSED_MESSAGE}`,
      `entities/events.yaml: us-strike-2021-06-27: claims.0.status: ${PROPOSED_MESSAGE}`,
      `relations/all.yaml: us-carried-out-strike: status: ${PROPOSED_MESSAGE}`,
    ]);
    expect(PROPOSED_MESSAGE).toBe("a proposed record belongs in a draft: review it there (`conflict-graph validate --draft`), and bring it into the data once accepted with `conflict-graph merge`");
  });

  it("make validate (and so npm start) fail with exit 1; accepted records are served", async () => {
    const stderr: string[] = [];
    const code = await runCli(["validate", "--data", withProposals()], { log: () => {}, error: (l) => stderr.push(l) });
    expect(code).toBe(1);
    expect(stderr.join("\n")).toContain("status: a proposed record");
    const files = validFixture();
    (list(files, "entities/actors.yaml")[2] as Record<string, unknown>).status = "accepted";
    expect(loadKnowledgeBase(writeFixture(files)).entities).toHaveLength(4);
  });
});

describe("the drafting assistant's place in the code", () => {
  it("is imported only by the command line and the scripts: data flows one way", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith(".ts") && !path.includes(`${join("src", "drafting")}`) && !path.includes(`${join("src", "cli")}`)) {
          if (/from "[^"]*drafting\//.test(readFileSync(path, "utf8"))) offenders.push(relative(PACKAGE_ROOT, path));
        }
      }
    };
    walk(join(PACKAGE_ROOT, "src"));
    expect(offenders).toEqual([]);
  });
});
