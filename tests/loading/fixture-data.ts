/**
 * A tiny valid data set, written to a temporary directory as YAML, that each
 * validation test breaks in exactly one way.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { formatProblem } from "../../src/loading/problems.js";
import { readDataDirectory } from "../../src/loading/read-files.js";
import { validateRecords } from "../../src/loading/validate.js";
import { DocumentText } from "../../src/loading/evidence-text.js";

export const SOURCE_TEXT = `On June 27, the United States conducted airstrikes against Kataib Hezbollah.
Iran condemned the strikes, “a blatant violation”,  Foreign Ministry spokesman said.`;

const TEXT = new DocumentText(SOURCE_TEXT);
/** An evidence entry quoting SOURCE_TEXT, with the excerpt's position in it. */
const evidence = (excerpt: string, attribution = "the article") => ({ document: "doc", excerpt, attribution, position: TEXT.locate(excerpt) ?? undefined });

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
        claims: [{ measure: "CASUALTIES", qualifier: "UNSPECIFIED", subject: "people at the sites", account: "article", evidence: evidence("conducted airstrikes") }],
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

/** Every problem the validator reports for the files (checking excerpts against `sourceText` when given), formatted as `npm run validate` prints them. */
export function problemsOf(files: Record<string, unknown>, sourceText?: string): string[] {
  const result = validateRecords(readDataDirectory(writeFixture(files)), {
    sourceTexts: sourceText === undefined ? undefined : new Map([["doc", sourceText]]),
  });
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** The valid fixture, changed by `mutate`. */
export function broken(mutate: (files: FixtureFiles) => void, files: FixtureFiles = validFixture()): FixtureFiles {
  mutate(files);
  return files;
}

const gazetteer = (excerpt: string) => ({ document: "gaz", excerpt, attribution: "the test gazetteer" });

/**
 * The valid fixture with geography: a gazetteer source, a country, a city
 * inside it (article) and a base near the city (article) placed in the
 * country by the gazetteer, each with its location record.
 */
export function geographyFixture(): FixtureFiles {
  const files = validFixture();
  (files["sources.yaml"] as Loose[]).push({ id: "gaz", kind: "GAZETTEER", title: "Test gazetteer", publisher: "Tests", version: "1.0", licence: "CC0-1.0" });
  files["entities/places.yaml"] = [
    { id: "iraq", kind: "Place", placeType: "COUNTRY", name: "Iraq", description: "Iraq.", evidence: [evidence("Kataib Hezbollah")] },
    { id: "baghdad", kind: "Place", placeType: "CITY", name: "Baghdad", description: "A city.", evidence: [evidence("Kataib Hezbollah")] },
    { id: "camp", kind: "Base", facilityType: "MILITARY_BASE", name: "Camp", description: "A base.", evidence: [evidence("Kataib Hezbollah")] },
  ];
  files["relations/places.yaml"] = [
    { id: "baghdad-located-in-iraq", type: "LOCATED_IN", source: "baghdad", target: "iraq", evidence: [evidence("Kataib Hezbollah")] },
    { id: "camp-near-baghdad", type: "NEAR", source: "camp", target: "baghdad", role: "near", evidence: [evidence("Kataib Hezbollah")] },
    { id: "camp-located-in-iraq", type: "LOCATED_IN", source: "camp", target: "iraq", note: "Inferred from Baghdad.", evidence: [gazetteer("Baghdad (IQ): 33.3, 44.4")] },
  ];
  files["geography/locations.yaml"] = [
    { entity: "iraq", coordinates: { latitude: 33, longitude: 44, precision: "COUNTRY", evidence: gazetteer("Iraq (IQ): 33, 44") } },
    { entity: "baghdad", coordinates: { latitude: 33.3, longitude: 44.4, precision: "SITE", evidence: gazetteer("Baghdad (IQ): 33.3, 44.4") } },
    { entity: "camp", coordinates: { latitude: 33.3, longitude: 44.4, precision: "CITY", via: "baghdad", evidence: gazetteer("Baghdad (IQ): 33.3, 44.4") } },
  ];
  return files;
}
