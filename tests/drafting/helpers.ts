/**
 * Drafting tiny texts in tests: a cold draft (an empty graph) or one against
 * the records given, and the records it proposes found by what they say.
 */
import { draftText } from "../../src/drafting/draft.js";
import type { Draft } from "../../src/drafting/draft.js";
import { parsePublication } from "../../src/drafting/dates.js";
import type { KnowledgeBase } from "../../src/loading/validate.js";
import type { EntityRecord } from "../../src/model/records.js";

export const EMPTY: KnowledgeBase = { sources: [], entities: [], relations: [], locations: [] };

export function draftOf(text: string, options: { published?: string; knowledgeBase?: KnowledgeBase } = {}): Draft {
  return draftText({
    text,
    sha256: "0".repeat(64),
    name: "test.txt",
    publication: parsePublication(options.published ?? "2021-07-08")!,
    knowledgeBase: options.knowledgeBase ?? EMPTY,
    graphLabel: "test",
  });
}

export const events = (draft: Draft) => draft.entities.filter((e): e is Extract<EntityRecord, { kind: "Event" }> => e.kind === "Event");
export const named = (draft: Draft, name: string) => draft.entities.find((e) => e.name === name || (e.aliases ?? []).includes(name));
export const claimsOf = (draft: Draft) => events(draft).flatMap((e) => (e.claims ?? []).map((c) => ({ event: e.id, ...c })));
/** Relations as "TYPE source-name -> target-name" (events by their date). */
export function relationLines(draft: Draft): string[] {
  const label = (id: string) => {
    const e = draft.entities.find((x) => x.id === id);
    return e === undefined ? id : e.kind === "Event" ? `${e.eventType} ${e.date.value}` : e.name;
  };
  return draft.relations.map((r) => `${r.type} ${label(r.source)} -> ${label(r.target)}`);
}
