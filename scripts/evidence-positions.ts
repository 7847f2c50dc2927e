/**
 * `npm run positions -- --source PATH [--source PATH ...] [--check] [--data DIR]`:
 * writes each evidence excerpt's position in its document's text into data/
 * (see src/curation/evidence-positions.ts). Each text is matched to the source
 * document whose SHA-256 it has; `--check` writes nothing and exits 1 when a
 * position is missing or wrong.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { positionEvidence } from "../src/curation/evidence-positions.js";
import { DocumentText } from "../src/loading/evidence-text.js";
import { BUNDLED_DATA_DIR } from "../src/paths.js";

const { values } = parseArgs({ options: { source: { type: "string", multiple: true, default: [] }, check: { type: "boolean", default: false }, data: { type: "string" } } });
const dataDir = values.data ?? BUNDLED_DATA_DIR;
const documents = parse(readFileSync(join(dataDir, "sources.yaml"), "utf8")) as Array<{ id: string; sha256?: string }>;
if (values.source.length === 0) {
  console.error("Give the document texts: --source PATH (each is matched to a source document by its SHA-256)");
  process.exit(2);
}
const texts = new Map<string, DocumentText>();
for (const path of values.source) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    console.error(`--source: cannot read "${path}"`);
    process.exit(2);
  }
  const digest = createHash("sha256").update(bytes).digest("hex");
  const document = documents.find((candidate) => candidate.sha256 === digest);
  if (!document) {
    console.error(`--source: no source document in ${join(dataDir, "sources.yaml")} has the SHA-256 of "${path}" (${digest})`);
    process.exit(1);
  }
  texts.set(document.id, new DocumentText(bytes.toString("utf8")));
}
const report = positionEvidence(dataDir, texts, { check: values.check });
for (const problem of report.problems) console.error(problem);
console.log(
  values.check
    ? `${report.unchanged} positions right, ${report.problems.length} problem(s)`
    : `${report.written} positions written, ${report.unchanged} already right, ${report.problems.length} problem(s)`,
);
process.exitCode = report.problems.length > 0 ? 1 : 0;
