/**
 * Writes a draft as one YAML file: the records under `sources`, `entities`
 * and `relations` (the schemas of data/, loading/read-draft.ts reads them
 * back), then the notes. The file is written record by record to a
 * temporary file in the same directory and renamed into place, so that no
 * reader ever sees part of a draft and a failure leaves no file behind.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { stringify } from "yaml";
import type { Draft } from "./draft.js";

const YAML_OPTIONS = { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" } as const;

/** The draft as YAML, piece by piece (each record on its own, so that a large draft never becomes one string). */
export function* draftYaml(draft: Draft): Generator<string> {
  const { header } = draft;
  yield [
    `# Draft written by ${header.generator} from ${header.text}`,
    `# (sha256 ${header.sha256}), published ${header.published}, against ${header.graph}.`,
    "# Every record is `status: proposed`: a curator accepts (edit, or set `status: accepted`), corrects or deletes each,",
    "# then folds the draft into data/ with `conflict-graph merge <this file>` (`--dry-run` first). `conflict-graph validate --draft <this file>`",
    "# checks it against the data and lists what is still to decide. Every evidence entry gives its excerpt's",
    "# position in the text (Unicode code points, end exclusive); the notes after the records list the known",
    "# entities the text mentions, every date with how its year was inferred, and what was left undecided.",
    "",
  ].join("\n");
  yield stringify({ draft: header }, YAML_OPTIONS);
  for (const [key, records] of [
    ["sources", draft.sources],
    ["entities", draft.entities],
    ["relations", draft.relations],
  ] as const) {
    yield `\n${key}:${records.length === 0 ? " []" : ""}\n`;
    for (const record of records) yield indent(stringify([record], YAML_OPTIONS));
  }
  yield "\n# Mentions of entities already in the graph, found with its search index: the name, alias or variant that matched\n# (EVENT: an event of the graph of the same type on the same day), once per way it is written, with [start, end) of each\n# place it is written so, in code points.\n";
  yield* listSection("mentions", draft.mentions);
  yield "\n# Every date found, with its value and, where the text leaves the year out, how it was inferred.\n";
  yield* listSection("dates", draft.dates);
  yield "\n# What the drafter found but could not propose as a valid record: decide each by hand.\n";
  yield* listSection("undecided", draft.undecided);
}

/**
 * A note as a YAML flow mapping, written without the yaml package: notes are
 * small, flat and many (a long text has a mention for every name), and a
 * JSON string or number is a valid YAML flow scalar.
 */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${/^[A-Za-z][A-Za-z0-9]*$/.test(k) ? k : JSON.stringify(k)}: ${flow(v)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

function indent(yaml: string): string {
  return yaml.replace(/^(?=.)/gm, "  ");
}

function* listSection(key: string, items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield `${key}: []\n`;
    return;
  }
  yield `${key}:\n`;
  for (const item of items) yield `  - ${flow(item)}\n`;
}

/** The temporary file a draft is written to before it is renamed to `path`. */
export const temporaryPath = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);

/** Writes the draft to `path` atomically: a temporary file beside it, renamed into place; on failure nothing is left. */
export function writeDraftFile(draft: Draft, path: string, temporary = temporaryPath(path)): void {
  let fd: number | null = null;
  try {
    fd = openSync(temporary, "wx", 0o644);
    for (const piece of draftYaml(draft)) writeSync(fd, piece);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}
