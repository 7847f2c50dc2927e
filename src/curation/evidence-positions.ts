/**
 * `npm run positions`: finds where each evidence excerpt is in its document's
 * text and writes it into the data files as `position: {start, end}` (Unicode
 * code points, end exclusive), leaving every other byte of the files as it
 * was. An excerpt is found as the evidence check compares it: quotes and
 * whitespace normalised. With `check`, writes nothing and fails when any
 * position is missing or differs from what it would write.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isMap, parseDocument, visit } from "yaml";
import type { Document, YAMLMap } from "yaml";
import { DocumentText } from "../loading/evidence-text.js";

export interface PositionsReport {
  /** Evidence entries given a position (or, with check, that would be). */
  readonly written: number;
  /** Entries whose position was already right. */
  readonly unchanged: number;
  /** Problems: excerpts not found, positions wrong (with check), by file. */
  readonly problems: readonly string[];
}

const isEvidence = (node: YAMLMap) => node.has("document") && node.has("excerpt") && node.has("attribution");

function yamlFiles(dataDir: string): string[] {
  return (readdirSync(dataDir, { recursive: true }) as string[]).filter((name) => name.endsWith(".yaml")).sort();
}

/** Adds or checks the position of every evidence entry citing one of `texts` (document id -> text), in every data file. */
export function positionEvidence(dataDir: string, texts: ReadonlyMap<string, DocumentText>, options: { check: boolean }): PositionsReport {
  let written = 0;
  let unchanged = 0;
  const problems: string[] = [];
  for (const name of yamlFiles(dataDir)) {
    const path = join(dataDir, name);
    const source = readFileSync(path, "utf8");
    const document: Document = parseDocument(source);
    let changed = false;
    visit(document, {
      Map(_key, node) {
        if (!isEvidence(node)) return;
        const text = texts.get(String(node.get("document")));
        if (!text) return;
        const excerpt = String(node.get("excerpt"));
        const found = text.locate(excerpt);
        if (!found) {
          problems.push(`${relative(dataDir, path)}: excerpt not found in "${String(node.get("document"))}": "${excerpt.slice(0, 80)}"`);
          return;
        }
        const current = node.get("position");
        if (isMap(current) && current.get("start") === found.start && current.get("end") === found.end) {
          unchanged++;
          return;
        }
        if (options.check) {
          problems.push(`${relative(dataDir, path)}: position of "${excerpt.slice(0, 60)}" is ${isMap(current) ? `${String(current.get("start"))}-${String(current.get("end"))}` : "missing"}; the text has it at ${found.start}-${found.end}`);
          return;
        }
        const position = document.createNode({ start: found.start, end: found.end }, { flow: true });
        node.set("position", position);
        written++;
        changed = true;
      },
    });
    if (changed) writeFileSync(path, document.toString({ lineWidth: 0, flowCollectionPadding: false }));
  }
  return { written, unchanged, problems };
}
