/**
 * The tables the README and docs/data-model.md show from the bundled data:
 * counts per kind and relation type, and the low / best / high estimates of
 * every event with casualty claims; the events table's ACLED mapping (README)
 * and every analyst table's columns (docs/tables.md). `npm run tables` prints them;
 * tests/readme.test.ts checks that the documents show exactly these.
 */
import "reflect-metadata";
import { pathToFileURL } from "node:url";
import { loadService } from "../src/service/load-service.js";
import { ENTITY_KINDS, RELATION_TYPE_NAMES } from "../src/model/ontology.js";
import type { KnowledgeService } from "../src/service/knowledge-service.js";
import type { EstimateView } from "../src/service/estimates.js";
import { TABLE_NAMES, tableColumns } from "../src/export/tables.js";

const CASUALTY_MEASURES = ["KILLED", "WOUNDED", "CASUALTIES"] as const;

const cell = (estimate: EstimateView | undefined): string => {
  if (!estimate) return "";
  const figures = estimate.low === null ? "no figure" : `${estimate.low} / ${estimate.best} / ${estimate.high}`;
  const accounts = estimate.accounts.length === 1 ? "" : ` (${estimate.accounts.length} accounts)`;
  return `${figures}${accounts}${estimate.disputed ? ", disputed" : ""}`;
};

/** One row per event with casualty claims, in timeline order: low / best / high per casualty measure. */
export function estimatesTable(service: KnowledgeService): string {
  const rows = service
    .events({ first: 500 })
    .map((event) => ({ event, estimates: service.estimatesOf(event, { measures: [...CASUALTY_MEASURES] }) }))
    .filter(({ estimates }) => estimates.length > 0)
    .map(({ event, estimates }) => {
      const of = (measure: string) => cell(estimates.find((e) => e.measure === measure));
      return `| \`${event.id}\` | ${of("KILLED")} | ${of("WOUNDED")} | ${of("CASUALTIES")} |`;
    });
  return ["| event | killed | wounded | casualties in general |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** Entities per kind beside relations per type, as `npm run validate` counts them. */
export function countsTable(service: KnowledgeService): string {
  const entities = service.allEntities();
  const relations = service.allRelations();
  const kinds = ENTITY_KINDS.map((kind) => [kind, entities.filter((e) => e.kind === kind).length] as const).filter(([, n]) => n > 0);
  const types = RELATION_TYPE_NAMES.map((type) => [type, relations.filter((r) => r.type === type).length] as const).filter(([, n]) => n > 0);
  const rows = Array.from({ length: Math.max(kinds.length, types.length) }, (_, i) => {
    const [kind, n] = kinds[i] ?? ["", ""];
    const [type, m] = types[i] ?? ["", ""];
    return `| ${kind ? `\`${kind}\`` : ""} | ${n} | ${type ? `\`${type}\`` : ""} | ${m} |`;
  });
  return ["| entities by kind | | relations by type | |", "| --- | ---: | --- | ---: |", ...rows].join("\n");
}

/** The events table's columns that have an ACLED counterpart, with it. */
export function acledTable(service: KnowledgeService): string {
  const rows = tableColumns(service)
    .events.filter((c) => c.acled !== undefined)
    .map((c) => `| \`${c.name}\` | \`${c.acled}\` | ${c.description} |`);
  return ["| column | ACLED | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

/** Every column of every analyst table, with its type, ACLED counterpart and meaning. */
export function columnsDoc(service: KnowledgeService): string {
  const columns = tableColumns(service);
  return TABLE_NAMES.map((name) =>
    [`### ${name}`, "", "| column | type | ACLED | meaning |", "| --- | --- | --- | --- |", ...columns[name].map((c) => `| \`${c.name}\` | ${c.type} | ${c.acled ? `\`${c.acled}\`` : ""} | ${c.description} |`)].join("\n"),
  ).join("\n\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const service = loadService();
  console.log(`${countsTable(service)}\n\n${estimatesTable(service)}\n\n${acledTable(service)}\n\n${columnsDoc(service)}`);
}
