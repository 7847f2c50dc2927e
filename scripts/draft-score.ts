/**
 * `npm run draft:score [-- ARTICLE] [--verbose]`: drafts the seed article and
 * scores the draft against the curated data/ (scripts/draft-scoring.ts says
 * how things are matched).
 *
 * - Cold: the draft is made against an empty graph, so it sees none of the
 *   curated records.
 * - Leave one section out: the graph holds only the curated records with
 *   evidence in the other sections of the article (each excerpt is located
 *   in the text), and the draft covers the held-out section, so that
 *   resolving mentions against known entities is measured too.
 *
 * It prints one table with every figure and the targets. The article is the
 * one argument (default ../shared/seed/000_f5a8a94412535d4e.txt beside the
 * repository); nothing else is read outside the repository.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { draftText } from "../src/drafting/draft.js";
import type { Draft } from "../src/drafting/draft.js";
import { parsePublication } from "../src/drafting/dates.js";
import { DraftInputError, readSourceText } from "../src/drafting/text-input.js";
import { loadKnowledgeBase } from "../src/loading/load.js";
import type { KnowledgeBase } from "../src/loading/validate.js";
import { normaliseName } from "../src/model/names.js";
import { BUNDLED_DATA_DIR, PACKAGE_ROOT } from "../src/paths.js";
import type { Ratio, Span } from "./draft-scoring.js";
import { NAMED_KINDS, PATTERN_TYPES, TextLocator, insideAny, key, namesOf, ratio, scoreAttributions, scoreEntities, scoreEvents, scoreRelations, withoutSection } from "./draft-scoring.js";

/**
 * The publication date to draft the seed article with: the last dated event
 * in the text is July 8, 2021, and the article says only that some of its
 * information was first published on June 28, 2021, so this version is of
 * July 8, 2021 or later; the earliest date consistent with the text is used.
 */
export const SEED_PUBLISHED = "2021-07-08";

/** The sections held out, each as the text it begins with and the text the next part begins with. */
const SECTIONS: ReadonlyArray<{ name: string; ranges: ReadonlyArray<readonly [string, string | null]> }> = [
  { name: "timeline", ranges: [["Timeline of U.S. Airstrikes on Iraqi Militias", null]] },
  {
    name: "reactions",
    ranges: [
      ["Iran condemned the strikes", "The U.S. strikes were in response"],
      ["In a statement, the Iraqi Resistance Coordination Commission", "Militias Respond to Airstrikes"],
    ],
  },
  { name: "responses", ranges: [["Militias Respond to Airstrikes", "The following are statements"]] },
];

const EMPTY: KnowledgeBase = { sources: [], entities: [], relations: [], locations: [] };
const TARGETS = { entityRecall: 0.8, entityPrecision: 0.6, eventDates: 0.9, relationRecall: 0.5, relationPrecision: 0.7, attributions: 0.7 };

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const articlePath = args.find((a) => !a.startsWith("--")) ?? join(PACKAGE_ROOT, "..", "shared", "seed", "000_f5a8a94412535d4e.txt");
if (!existsSync(articlePath)) {
  console.error(`error: the seed article is not at ${articlePath}; give its path: npm run draft:score -- <path to 000_f5a8a94412535d4e.txt>`);
  process.exit(1);
}
let source;
try {
  source = readSourceText(articlePath);
} catch (error) {
  console.error(`error: ${error instanceof DraftInputError ? error.message : String(error)}`);
  process.exit(1);
}
const kb = loadKnowledgeBase(BUNDLED_DATA_DIR);
const articleDoc = kb.sources.find((s) => s.sha256 === source.sha256) ?? kb.sources.find((s) => (s.kind ?? "ARTICLE") === "ARTICLE");
if (!articleDoc) {
  console.error("error: data/sources.yaml describes no article");
  process.exit(1);
}
if (articleDoc.sha256 && articleDoc.sha256 !== source.sha256) console.error(`note: ${articlePath} differs from the text the curated evidence was checked against`);
const article = articleDoc.id;
const text = source.text;
const locator = new TextLocator(text);
const publication = parsePublication(SEED_PUBLISHED)!;
const curatedRelations = kb.relations;

interface Column {
  readonly name: string;
  readonly cells: Map<string, string>;
  readonly details: string[];
}

const pct = (r: Ratio) => (r.of === 0 ? "n/a" : `${((100 * r.hit) / r.of).toFixed(0)}% (${r.hit}/${r.of})`);
const meets = (r: Ratio, target: number) => r.of > 0 && r.hit / r.of >= target;

function relationMap(entityMap: Map<string, string>, eventMap: Map<string, string>) {
  return (id: string) => entityMap.get(id) ?? eventMap.get(id) ?? id;
}

function score(draft: Draft, name: string, heldUtf16: readonly Span[] | null, graph: KnowledgeBase): Column {
  const held = heldUtf16 === null ? null : heldUtf16.map(([a, b]) => [locator.at(a), locator.at(b)] as const);
  const cells = new Map<string, string>();
  const details: string[] = [];
  const inHeld = (span: Span) => held === null || insideAny(span, held);
  const heldText = heldUtf16 === null ? text : heldUtf16.map(([a, b]) => text.slice(a, b)).join("\n");
  const heldNorm = ` ${normaliseName(heldText)} `;
  // The curated entities the drafted part names: evidence located there, or a name or alias written there.
  const expected = new Set(
    kb.entities
      .filter((e) => NAMED_KINDS.includes(e.kind) || e.kind === "Event")
      .filter((e) => e.evidence.some((ev) => ev.document === article && locator.locate(ev.excerpt).some(inHeld)) || (held !== null && e.kind !== "Event" && namesOf(e).some((n) => heldNorm.includes(` ${key(n)} `))))
      .map((e) => e.id),
  );
  const inGraph = new Set(graph.entities.map((e) => e.id));
  const newOnes = new Set([...expected].filter((id) => !inGraph.has(id)));
  const entities = scoreEntities(kb.entities, draft.entities, article, held === null ? undefined : newOnes);
  cells.set("entities.recall", pct(entities.recallNamed));
  cells.set("entities.precision", pct(entities.precision));
  cells.set("entities.recallAll", pct(entities.recallAll));
  cells.set("entities.kind", pct(entities.kindAgreement));
  if (held !== null) {
    const knownExpected = [...expected].filter((id) => inGraph.has(id) && NAMED_KINDS.includes(kb.entities.find((e) => e.id === id)!.kind));
    const mentioned = new Set(draft.mentions.flatMap((m) => [m.entity, ...(m.alternatives ?? [])]));
    const resolved = ratio(knownExpected.filter((id) => mentioned.has(id)).length, knownExpected.length);
    cells.set("entities.resolved", pct(resolved));
    details.push(`  known entities not resolved: ${knownExpected.filter((id) => !mentioned.has(id)).join(", ") || "none"}`);
  } else cells.set("entities.resolved", "n/a (empty graph)");
  details.push(`  named entities missed: ${entities.missed.join(", ") || "none"}`);
  details.push(`  candidates matching no curated entity: ${entities.wrong.join(", ") || "none"}`);

  const events = scoreEvents(kb.entities, draft, locator, article, held === null ? undefined : expected);
  cells.set("events.exact", pct(events.exact));
  cells.set("events.found", pct(events.found));
  details.push(`  dated events not exact: ${events.wrong.join("; ") || "none"}`);
  const timeline = ["us-strike-2019-12-29", "us-strike-2020-01-03", "us-strike-2020-03-13", "us-strike-2021-02-25", "us-strike-2021-06-27"];
  const years = timeline.map((id) => {
    const d = draft.entities.find((e) => events.map.get(e.id) === id && e.kind === "Event");
    const resolved = draft.mentions.some((m) => m.entity === id);
    const curated = kb.entities.find((e) => e.id === id);
    return d && d.kind === "Event" ? d.date.value.slice(0, 4) : resolved && curated?.kind === "Event" ? `${curated.date.value.slice(0, 4)} (known)` : "-";
  });
  cells.set("events.timeline", years.join(", "));

  const map = relationMap(entities.map, events.map);
  const expectRelation = held === null ? undefined : (r: (typeof curatedRelations)[number]) => r.evidence.some((e) => e.document === article && locator.locate(e.excerpt).some(inHeld));
  const relations = scoreRelations(curatedRelations, draft.relations, map, article, PATTERN_TYPES, expectRelation);
  cells.set("relations.recall", pct(relations.recall));
  cells.set("relations.precision", pct(relations.precision));
  for (const [type, s] of relations.byType) cells.set(`relations.${type}`, `${pct(s.recall)} / ${pct(s.precision)}`);
  const carried = scoreRelations(curatedRelations, draft.relations, map, article, ["CARRIED_OUT"], expectRelation);
  cells.set("relations.CARRIED_OUT", `${pct(carried.recall)} / ${pct(carried.precision)}`);
  details.push(`  pattern relations missed: ${relations.missed.join("; ") || "none"}`);
  details.push(`  pattern relations not curated: ${relations.wrong.join("; ") || "none"}`);

  const attributions = scoreAttributions(kb.entities, draft, locator, map, article, held === null ? undefined : inHeld);
  cells.set("claims.attribution", pct(attributions.right));
  cells.set("claims.found", pct(attributions.claimsFound));
  details.push(`  attributions wrong: ${attributions.wrong.join("; ") || "none"}`);
  return { name, cells, details };
}

function locateSection(ranges: ReadonlyArray<readonly [string, string | null]>): Span[] {
  return ranges.map(([from, to]) => {
    const start = text.indexOf(from);
    const end = to === null ? text.length : text.indexOf(to, start);
    if (start < 0 || end < 0) throw new Error(`section boundary not found in the article: "${start < 0 ? from : to}"`);
    return [start, end] as const;
  });
}

const t0 = performance.now();
const cold = draftText({ text, sha256: source.sha256, name: "000_f5a8a94412535d4e.txt", publication, knowledgeBase: EMPTY, graphLabel: "an empty graph" });
const coldMs = performance.now() - t0;
const columns: Column[] = [score(cold, "cold", null, EMPTY)];
for (const section of SECTIONS) {
  const held = locateSection(section.ranges);
  const graph = withoutSection(kb, locator, article, held.map(([a, b]) => [locator.at(a), locator.at(b)] as const));
  const draft = draftText({ text, sha256: source.sha256, name: "000_f5a8a94412535d4e.txt", publication, knowledgeBase: graph, graphLabel: `data/ without the ${section.name}`, ranges: held });
  columns.push(score(draft, `${section.name} held out`, held, graph));
}

const coldCells = columns[0]!.cells;
const ROWS: ReadonlyArray<readonly [string, string, string, (() => boolean) | null]> = [
  ["entities.recall", "Entities: recall, named", ">= 80%", null],
  ["entities.precision", "Entities: precision", ">= 60%", null],
  ["entities.recallAll", "Entities: recall, named and described", "-", null],
  ["entities.kind", "Entities: kind agrees, of those matched", "-", null],
  ["entities.resolved", "Known entities resolved (mentions)", "-", null],
  ["events.exact", "Event dates exact (days)", ">= 90%", null],
  ["events.found", "Events found (days)", "-", null],
  ["events.timeline", "Timeline years (Dec 29 ... Jun 27)", "2019, 2020, 2020, 2021, 2021", null],
  ["relations.recall", "Pattern relations: recall", ">= 50%", null],
  ["relations.precision", "Pattern relations: precision", ">= 70%", null],
  ...PATTERN_TYPES.map((type) => [`relations.${type}`, `  ${type}: recall / precision`, "-", null] as const),
  ["relations.CARRIED_OUT", "  CARRIED_OUT (not a target): recall / precision", "-", null],
  ["claims.attribution", "Attributions right, of claims matched", ">= 70%", null],
  ["claims.found", "Curated claims matched", "-", null],
];
const coldScore = (name: string) => {
  const s = coldCells.get(name) ?? "";
  const m = /\((\d+)\/(\d+)\)/.exec(s);
  return m ? ratio(Number(m[1]), Number(m[2])) : null;
};
const met = (name: string): string => {
  const r = coldScore(name);
  const target = { "entities.recall": TARGETS.entityRecall, "entities.precision": TARGETS.entityPrecision, "events.exact": TARGETS.eventDates, "relations.recall": TARGETS.relationRecall, "relations.precision": TARGETS.relationPrecision, "claims.attribution": TARGETS.attributions }[name];
  if (name === "events.timeline") return coldCells.get(name) === "2019, 2020, 2020, 2021, 2021" ? "yes" : "NO";
  if (target === undefined || r === null) return "";
  return meets(r, target) ? "yes" : "NO";
};

const header = ["", "cold", "target", "met", ...columns.slice(1).map((c) => c.name)];
const rows = ROWS.map(([name, label, target]) => [label, coldCells.get(name) ?? "", target, met(name), ...columns.slice(1).map((c) => c.cells.get(name) ?? "")]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(`Drafting score: ${articlePath}, published ${SEED_PUBLISHED}, against data/ (${kb.entities.length} entities, ${kb.relations.length} relations); cold draft in ${(coldMs / 1000).toFixed(1)} s`);
console.log("");
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
if (verbose) {
  for (const column of columns) {
    console.log(`\n${column.name}:`);
    for (const detail of column.details) console.log(detail);
  }
}
const unmet = ["entities.recall", "entities.precision", "events.exact", "relations.recall", "relations.precision", "claims.attribution", "events.timeline"].filter((n) => met(n) === "NO");
console.log(`\nTargets met: ${7 - unmet.length} of 7${unmet.length > 0 ? ` (not met: ${unmet.join(", ")})` : ""}. Matching rules: scripts/draft-scoring.ts; --verbose lists every miss.`);
