/**
 * A tiny valid data set, written to a temporary directory as YAML, that each
 * validation test breaks in exactly one way.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";

export const SOURCE_TEXT = `On June 27, the United States conducted airstrikes against Kataib Hezbollah.
Iran condemned the strikes, “a blatant violation”,  Foreign Ministry spokesman said.`;

const evidence = (excerpt: string, attribution = "the article") => ({ document: "doc", excerpt, attribution });

export interface FixtureFiles {
  "sources.yaml": unknown;
  "entities/actors.yaml": unknown;
  "entities/events.yaml": unknown;
  "relations/all.yaml": unknown;
  [extra: string]: unknown;
}

export function validFixture(): FixtureFiles {
  return {
    "sources.yaml": [{ id: "doc", title: "Test article", covers: { value: "2021-06-27" }, publicationNotes: [] }],
    "entities/actors.yaml": [
      { id: "us-government", kind: "Government", name: "United States", aliases: ["U.S."], description: "The US.", evidence: [evidence("the United States conducted airstrikes")] },
      { id: "iran-government", kind: "Government", name: "Iran", description: "Iran.", evidence: [evidence("Iran condemned the strikes")] },
      { id: "kataib-hezbollah", kind: "Militia", name: "Kataib Hezbollah", aliases: ["KH"], description: "A militia.", evidence: [evidence("Kataib Hezbollah")] },
    ],
    "entities/events.yaml": [
      {
        id: "us-strike-2021-06-27",
        kind: "Event",
        eventType: "AIRSTRIKE",
        name: "US airstrikes of June 27, 2021",
        description: "Strikes.",
        date: { value: "2021-06-27", asWritten: "June 27", yearInferred: "Dated 2021 elsewhere in the article." },
        evidence: [evidence("On June 27, the United States conducted airstrikes")],
        claims: [{ measure: "CASUALTIES", qualifier: "UNSPECIFIED", subject: "people at the sites", evidence: evidence("conducted airstrikes") }],
      },
    ],
    "relations/all.yaml": [
      { id: "us-carried-out-strike", type: "CARRIED_OUT", source: "us-government", target: "us-strike-2021-06-27", evidence: [evidence("the United States conducted airstrikes")] },
      { id: "strike-attacks-kh", type: "ATTACKS", source: "us-strike-2021-06-27", target: "kataib-hezbollah", evidence: [evidence("airstrikes against Kataib Hezbollah")] },
      { id: "iran-condemns-strike", type: "CONDEMNS", source: "iran-government", target: "us-strike-2021-06-27", evidence: [evidence('Iran condemned the strikes, "a blatant violation", Foreign Ministry', "Foreign Ministry spokesman")] },
    ],
  };
}

/** Writes the files (objects as YAML, strings verbatim) and returns the data directory. */
export function writeFixture(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "conflict-graph-data-"));
  for (const [name, content] of Object.entries(files)) {
    if (content === undefined) continue;
    const path = join(dir, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, typeof content === "string" ? content : stringify(content));
  }
  return dir;
}

/** Lists inside the fixture, typed loosely so a test can break any field. */
export type Loose = Record<string, any>;
export const list = (files: FixtureFiles, name: keyof FixtureFiles) => files[name] as Loose[];
