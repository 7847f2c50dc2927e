/**
 * What a curator must still decide about a draft that validates (printed by
 * `conflict-graph validate --draft`): how many records of each kind are
 * still proposed, the candidate entities and the kinds guessed for them, the
 * dates whose year was inferred, the relations that join candidates, the
 * claims no source is named for, the places and bases that need a location,
 * and the drafter's own notes (undecided relations, warnings).
 */
import type { KnowledgeBase } from "../loading/validate.js";
import type { EntityRecord, RelationRecord, SourceDocument } from "../model/records.js";

/** How many items of a list are printed; the rest are counted. */
const SHOWN = 12;

export interface DraftRecords {
  readonly sources: readonly SourceDocument[];
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
  /** The drafter's notes, as read (loading/read-draft.ts). */
  readonly notes: Readonly<Record<string, unknown>>;
}

const proposed = (r: { status?: string | undefined }) => r.status === "proposed";

function list<T>(title: string, items: readonly T[], show: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const lines = [`${title} (${items.length}):`, ...items.slice(0, SHOWN).map((item) => `  - ${show(item)}`)];
  if (items.length > SHOWN) lines.push(`  ... and ${items.length - SHOWN} more`);
  return lines;
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
}

/** The draft's records that are still to be decided, as lines to print. */
export function reviewDraft(draft: DraftRecords, knowledgeBase: KnowledgeBase): string[] {
  const entities = draft.entities.filter(proposed);
  const events = entities.filter((e) => e.kind === "Event");
  const candidates = entities.filter((e) => e.kind !== "Event" && e.kind !== "Statement");
  const relations = draft.relations.filter(proposed);
  const claims = draft.entities.flatMap((e) => (e.claims ?? []).filter(proposed).map((claim) => ({ holder: e.id, claim })));
  const accepted = [...draft.sources, ...draft.entities, ...draft.relations].filter((r) => r.status === "accepted").length;
  const draftIds = new Set(draft.entities.map((e) => e.id));
  const known = new Set(knowledgeBase.entities.map((e) => e.id).filter((id) => !draftIds.has(id)));
  const draftRelationIds = new Set(draft.relations.map((r) => r.id));
  const existing = new Set(knowledgeBase.relations.filter((r) => !draftRelationIds.has(r.id)).map((r) => `${r.type}|${r.source}|${r.target}`));

  const lines: string[] = [];
  lines.push(
    `Still proposed: ${draft.sources.filter(proposed).length} source document(s), ${candidates.length} entities${candidates.length > 0 ? ` (${countBy(candidates.map((e) => e.kind))})` : ""}, ${events.length} events, ${relations.length} relations${relations.length > 0 ? ` (${countBy(relations.map((r) => r.type))})` : ""}, ${claims.length} claims; ${accepted} accepted.`,
  );
  lines.push("Each is for a curator to accept (set `status: accepted` or remove it), correct or delete; then `conflict-graph merge` folds the draft into data/ (`--dry-run` first says what it would change).");
  const sections: string[][] = [
    list("Candidate entities, each with a guessed kind: check the kind, the name and the aliases, and whether the graph has it under another name", candidates, (e) => `${e.id}: ${e.kind} "${e.name}"`),
    list(
      "Dates whose year was inferred: check the year",
      events.filter((e) => e.kind === "Event" && e.date.yearInferred !== undefined),
      (e) => (e.kind === "Event" ? `${e.id}: "${e.date.asWritten ?? e.date.value}" taken as ${e.date.value}` : e.id),
    ),
    list(
      "Relations with a candidate at one end: they stand or fall with it",
      relations.filter((r) => !known.has(r.source) || !known.has(r.target)),
      (r) => `${r.id}: ${r.source} ${r.type} ${r.target}`,
    ),
    list(
      "Relations the graph already has (the same type and ends): the merge adds their evidence to the existing relation, as corroboration",
      relations.filter((r) => existing.has(`${r.type}|${r.source}|${r.target}`)),
      (r) => `${r.id}: ${r.source} ${r.type} ${r.target}`,
    ),
    list(
      "New relations between entities the graph already has: check them against its relations",
      relations.filter((r) => known.has(r.source) && known.has(r.target) && !existing.has(`${r.type}|${r.source}|${r.target}`)),
      (r) => `${r.id}: ${r.source} ${r.type} ${r.target}`,
    ),
    list(
      "Claims no source is named for (attributed to the document itself): check who says so",
      claims.filter(({ claim }) => (claim.evidence.attributedTo ?? []).length === 0),
      ({ holder, claim }) => `${holder}: ${claim.measure} ${claim.qualifier}${claim.count !== undefined ? ` ${claim.count}` : ""} (${claim.subject}), "${claim.evidence.attribution}"`,
    ),
    list(
      "Places and bases without a location: after the merge, `npm run geocode` resolves them (or say why it cannot)",
      candidates.filter((e) => e.kind === "Place" || e.kind === "Base"),
      (e) => `${e.id}: ${e.name}`,
    ),
    list(
      "Events told again: an event of the same type on the same day is already in the graph",
      events.filter((e) => e.kind === "Event" && knowledgeBase.entities.some((k) => !draftIds.has(k.id) && k.kind === "Event" && k.eventType === e.eventType && k.date.value === e.date.value)),
      (e) => e.id,
    ),
  ];
  const undecided = Array.isArray(draft.notes["undecided"]) ? (draft.notes["undecided"] as Array<{ text?: unknown; reason?: unknown }>) : [];
  sections.push(list("Found by the drafter but left undecided (see `undecided` in the draft)", undecided, (u) => `${String(u.text)}: ${String(u.reason)}`));
  const mentions = Array.isArray(draft.notes["mentions"]) ? (draft.notes["mentions"] as Array<{ entity?: unknown; text?: unknown; bySound?: unknown; alternatives?: unknown }>) : [];
  const ambiguous = mentions.filter((m) => Array.isArray(m.alternatives) && m.alternatives.length > 0);
  const bySound = mentions.filter((m) => m.bySound === true);
  sections.push(list("Mentions of known entities spelt differently (found by sound): check they are the same", bySound, (m) => `"${String(m.text)}" taken as ${String(m.entity)}`));
  const ambiguousNames = [...new Map(ambiguous.map((m) => [String(m.text), m])).values()];
  sections.push(list("Names several known entities share: the relations chose by kind; check", ambiguousNames, (m) => `"${String(m.text)}": ${String(m.entity)} or ${(m.alternatives as string[]).join(", ")}`));
  const header = draft.notes["draft"] as { warnings?: unknown } | undefined;
  const warnings = Array.isArray(header?.warnings) ? (header.warnings as unknown[]).map(String) : [];
  sections.push(list("Warnings from the drafter", warnings, (w) => w));
  for (const section of sections) if (section.length > 0) lines.push("", ...section);
  const total = mentions.reduce((n, m) => n + (Array.isArray((m as { at?: unknown }).at) ? ((m as { at: unknown[] }).at.length) : 1), 0);
  if (mentions.length > 0) lines.push("", `Mentions of ${new Set(mentions.map((m) => String(m.entity))).size} entities the graph already has (${total} in all) are listed under \`mentions\`; they need no record.`);
  return lines;
}
