/**
 * Drafts one text: reads it sentence by sentence (so that memory stays
 * bounded on long texts), finds mentions of known entities, candidate
 * entities, dates, events, pattern relations, attributions and claims, and
 * assembles them into records in the schemas of data/, every one `status:
 * proposed`, with the notes a curator reviews them by: the mentions of
 * known entities, the dates and how their years were inferred, where each
 * excerpt is in the text, and the relations that need a decision.
 */
import { buildGraph } from "../graph/build.js";
import { SearchIndex } from "../graph/search-index.js";
import type { KnowledgeBase } from "../loading/validate.js";
import { parsePartialDate } from "../model/dates.js";
import type { EntityKind, RelationType } from "../model/ontology.js";
import { FACILITY_TYPES, INSTRUMENT_TYPES, MEDIA_TYPES, ORGANIZATION_TYPES, PLACE_TYPES, relationAllows, describeSignatures } from "../model/ontology.js";
import type { Claim, EntityRecord, Evidence, RelationRecord, SourceDocument } from "../model/records.js";
import { MAX_EXCERPT_LENGTH } from "../model/records.js";
import type { Attribution } from "./attribution.js";
import { Attributor, clausesOf, DOCUMENT_ATTRIBUTION } from "./attribution.js";
import type { CandidateEntry, EntityRef } from "./candidate-table.js";
import { CandidateTable, mergeAliases, nameKey, topKind } from "./candidate-table.js";
import { findCandidates } from "./candidates.js";
import type { ClaimProposal } from "./claims.js";
import { findClaims } from "./claims.js";
import type { DateMention, Publication } from "./dates.js";
import { findDates } from "./dates.js";
import type { EventCandidate } from "./events.js";
import { EventTable, eventName, eventTypeSlug, makeEventLocator } from "./events.js";
import { IdAllocator, slugify } from "./ids.js";
import type { MatchedField } from "./mentions.js";
import { KnownNames } from "./mentions.js";
import type { Endpoint, RelationProposal } from "./relations.js";
import { RelationFinder } from "./relations.js";
import { analyseStructure } from "./sentences.js";
import type { TextStructure } from "./sentences.js";
import { tagSentence } from "./tokens.js";

export interface DraftInput {
  readonly text: string;
  readonly sha256: string;
  /** The file name, for the notes. */
  readonly name: string;
  readonly publication: Publication;
  readonly title?: string;
  /** The graph's records (empty: a cold draft that knows nothing). */
  readonly knowledgeBase: KnowledgeBase;
  /** Where the graph came from, for the notes ("data/", "an empty graph"). */
  readonly graphLabel: string;
  /** Draft only the sentences inside these [start, end) ranges of the text (the rest is read for dates). */
  readonly ranges?: ReadonlyArray<readonly [number, number]>;
}

/** Where the text names an entity of the graph, one note per way it is written: every place it is written so, in code points. */
export interface MentionNote {
  readonly entity: string;
  /** Other entities with the same name, when the text does not say which. */
  readonly alternatives?: string[];
  readonly text: string;
  readonly matched: string;
  /** The name field that matched; EVENT: an event of the same type on the same day. */
  readonly field: MatchedField | "EVENT";
  readonly bySound?: true;
  /** [start, end) of each mention. */
  readonly at: Array<[number, number]>;
}

/** Mentions grouped as they are written, so that a long text's thousands of mentions take little memory. */
class MentionLog {
  private readonly notes = new Map<string, { note: Omit<MentionNote, "at">; positions: number[] }>();
  count = 0;

  add(note: Omit<MentionNote, "at">, start: number, end: number): void {
    const key = `${note.entity}|${note.alternatives?.join(",") ?? ""}|${note.text}|${note.field}`;
    let entry = this.notes.get(key);
    if (!entry) {
      entry = { note, positions: [] };
      this.notes.set(key, entry);
    }
    entry.positions.push(start, end);
    this.count++;
  }

  has(entity: string): boolean {
    for (const { note } of this.notes.values()) if (note.entity === entity) return true;
    return false;
  }

  list(): MentionNote[] {
    return [...this.notes.values()].map(({ note, positions }) => ({ ...note, at: Array.from({ length: positions.length / 2 }, (_, i) => [positions[2 * i]!, positions[2 * i + 1]!] as [number, number]) }));
  }
}

export interface DateNote {
  readonly start: number;
  readonly end: number;
  readonly asWritten: string;
  readonly value: string;
  readonly precision: string;
  readonly rule: string;
  readonly yearInferred?: string;
}

export interface UndecidedNote {
  readonly what: "relation" | "claim" | "event";
  readonly text: string;
  readonly reason: string;
  readonly start: number;
  readonly end: number;
}

export interface DraftHeader {
  readonly text: string;
  readonly sha256: string;
  readonly published: string;
  readonly title: string;
  readonly document: string;
  readonly graph: string;
  readonly generator: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}

export interface Draft {
  readonly header: DraftHeader;
  readonly sources: SourceDocument[];
  readonly entities: EntityRecord[];
  readonly relations: RelationRecord[];
  readonly mentions: MentionNote[];
  readonly dates: DateNote[];
  readonly undecided: UndecidedNote[];
}

export const GENERATOR = "conflict-graph draft (compromise 14, chrono-node 2)";

/**
 * Offsets as the data writes them (Evidence.position): Unicode code points,
 * not the UTF-16 indexes JavaScript strings count in. The same for a text
 * without characters outside the Basic Multilingual Plane.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const before = new Uint32Array(text.length + 1);
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    before[i] = surrogates;
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) surrogates++;
  }
  before[text.length] = surrogates;
  return (i) => i - before[Math.max(0, Math.min(i, text.length))]!;
}

/** Where a sentence's clauses begin and who each says said it (only sentences with a source other than the document). */
type SentenceSources = Map<number, Array<readonly [number, Attribution]>>;

/** An excerpt of at most MAX_EXCERPT_LENGTH characters of a sentence, around [focusStart, focusEnd). */
function excerptOf(text: string, start: number, end: number, focusStart = start, focusEnd = focusStart): { excerpt: string; start: number; end: number } {
  let a = start;
  let b = end;
  if (b - a > MAX_EXCERPT_LENGTH) {
    const middle = Math.max(a, Math.min(focusStart, b));
    a = Math.max(start, Math.min(middle - 150, end - MAX_EXCERPT_LENGTH));
    b = Math.min(end, a + MAX_EXCERPT_LENGTH);
    if (focusEnd > b) {
      b = Math.min(end, focusEnd + 20);
      a = Math.max(start, b - MAX_EXCERPT_LENGTH);
    }
    while (a < b && a > start && /\S/.test(text[a - 1]!)) a++;
    while (b > a && b < end && /\S/.test(text[b]!)) b--;
  }
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return { excerpt: text.slice(a, b), start: a, end: b };
}

export function draftText(input: DraftInput): Draft {
  const { text, publication } = input;
  const structure = analyseStructure(text);
  const warnings: string[] = [];
  const ranges = input.ranges ?? [[0, text.length] as const];
  const inRange = (start: number, end: number) => ranges.some(([a, b]) => start >= a && end <= b);

  const dates = findDates(structure, publication);
  const datesBySentence = new Map<number, DateMention[]>();
  for (const date of dates) datesBySentence.set(date.sentence, [...(datesBySentence.get(date.sentence) ?? []), date]);

  const graph = buildGraph(input.knowledgeBase);
  const index = new SearchIndex(graph);
  const known = new KnownNames(graph, index);
  const table = new CandidateTable();
  const events = new EventTable(graph, table, publication.iso);
  const attributor = new Attributor(table, known);
  const finder = new RelationFinder(events, structure);

  const at = codePointOffsets(text);
  const proposals: RelationProposal[] = [];
  const claims: ClaimProposal[] = [];
  const mentions = new MentionLog();
  const acronyms: Array<[string, string]> = [];
  const sources: SentenceSources = new Map();
  let cut = 0;

  structure.sentences.forEach((sentence, i) => {
    if (!inRange(sentence.start, sentence.end)) return;
    if (sentence.end - sentence.start >= 1200) cut++;
    const tagged = tagSentence(structure, i);
    const found = known.find(tagged.tokens, tagged.text, tagged.start);
    const heading = structure.blocks[tagged.block]!.kind === "heading";
    const { spans, links, acronyms: written } = findCandidates(tagged, found, table, heading);
    acronyms.push(...written);
    for (const span of spans) {
      if (!span.known) continue;
      // A name several entities share ("Iraq"): a place where the text puts something in it, else the actor.
      const site = (id: string) => ["Place", "Base"].includes(known.record(id)!.kind);
      const ids = span.known.ids.length < 2 ? span.known.ids : [...span.known.ids].sort((a, b) => (span.context === "locative" ? Number(site(b)) - Number(site(a)) : Number(site(a)) - Number(site(b))));
      mentions.add({ entity: ids[0]!, ...(ids.length > 1 ? { alternatives: ids.slice(1) } : {}), text: span.surface, matched: span.known.matched, field: span.known.field }, at(span.start), at(span.end));
    }
    if (heading) return;
    const told = events.detect(tagged, datesBySentence.get(i) ?? [], structure);
    const clauses = clausesOf(tagged.tokens);
    const attributions = attributor.attribute(tagged, spans, clauses);
    if (attributions.some((a) => a.how !== "document")) sources.set(i, clauses.map((c, k) => [tagged.tokens[c.first]?.start ?? tagged.start, attributions[k]!] as const));
    const locate = makeEventLocator(tagged, spans, told, clauses, events);
    proposals.push(...finder.find(tagged, spans, links, told, clauses, attributions, locate));
    claims.push(...findClaims(tagged, clauses, attributions, locate, events));
  });

  mergeAliases(table, acronyms);
  mergeSoundAlikes(table);
  if (cut > 0) warnings.push(`${cut} sentence(s) longer than 1,200 characters were read in pieces: check their records.`);
  const draftedDates = dates.filter((d) => inRange(d.start, d.end));
  if (draftedDates.length === 0) warnings.push("No dates found: no events were proposed.");
  const late = draftedDates.find((d) => d.rule === "written" && (parsePartialDate(d.value) as { earliest: string | null }).earliest! > publication.iso);
  if (late) warnings.push(`The text writes "${late.asWritten}", after the publication date ${publication.iso}: check --published.`);

  return new Assembler(input, structure, known, table, events, sources, warnings).assemble(proposals, claims, mentions, draftedDates);
}

/**
 * Names the text spells two ways ("Ain al Asad", "Ain al Assad"): the graph's
 * search index, built over the candidates, finds one by the sound of the
 * other when it covers a name whole.
 */
function mergeSoundAlikes(table: CandidateTable): void {
  const proper = [...table.entries.values()].filter((e) => !e.descriptive && !e.country);
  if (proper.length < 2) return;
  const records: EntityRecord[] = proper.map((entry, n) => ({
    id: `c${n}`,
    kind: "Militia",
    name: [...entry.surfaces.keys()][0]!,
    aliases: [...entry.surfaces.keys()].slice(1),
    description: "candidate",
    evidence: [{ document: "draft", excerpt: "-", attribution: "-" }],
  }));
  const graph = buildGraph({ sources: [], entities: records, relations: [], locations: [] });
  const names = new KnownNames(graph, new SearchIndex(graph));
  proper.forEach((entry, n) => {
    const decision = topKind(entry);
    if (decision !== null && decision.weight >= 2.5) return;
    for (const surface of entry.surfaces.keys()) {
      const match = names.bySound(surface, `c${n}`);
      if (!match) continue;
      const target = proper[Number(match.id.slice(1))]!;
      if (table.entry(target.key) && table.find(target.key) !== table.find(entry.key)) table.merge(entry.key, target.key);
      return;
    }
  });
}

interface ResolvedEntity {
  readonly id: string;
  readonly kind: EntityKind;
}

const KIND_LABEL: Record<EntityKind, string> = {
  Militia: "militia",
  UmbrellaGroup: "umbrella group",
  PoliticalBloc: "political bloc",
  Government: "government",
  Organization: "organization",
  Official: "official",
  Base: "base or facility",
  Place: "place",
  MediaSource: "media source",
  LegalInstrument: "legal instrument",
  Event: "event",
  Statement: "statement",
};

class Assembler {
  private readonly ids: IdAllocator;
  private readonly documentId: string;
  private readonly sourceRecords: SourceDocument[] = [];
  private readonly entities: EntityRecord[] = [];
  /** Code-point offsets, as Evidence.position and the notes give them. */
  private readonly at: (utf16: number) => number;
  private readonly undecided: UndecidedNote[] = [];
  /** Candidate key -> the records made of it (two for a country: its government and the place). */
  private readonly byCandidate = new Map<string, ResolvedEntity[]>();
  private readonly byEvent = new Map<string, ResolvedEntity>();

  constructor(
    private readonly input: DraftInput,
    private readonly structure: TextStructure,
    private readonly known: KnownNames,
    private readonly table: CandidateTable,
    private readonly events: EventTable,
    private readonly sources: SentenceSources,
    private readonly warnings: string[],
  ) {
    const kb = input.knowledgeBase;
    this.at = codePointOffsets(input.text);
    this.ids = new IdAllocator([...kb.entities.map((e) => e.id), ...kb.relations.map((r) => r.id), ...kb.sources.map((s) => s.id)]);
    const same = kb.sources.find((s) => s.sha256 === input.sha256);
    this.documentId = same?.id ?? this.ids.allocate(this.title().split(/\s+/).slice(0, 8).join(" "));
  }

  private title(): string {
    if (this.input.title) return this.input.title;
    const first = this.structure.blocks[0];
    if (first?.kind === "heading") return this.input.text.slice(first.start, first.end).trim();
    return this.input.name.replace(/\.[^.]+$/, "");
  }

  private attributionAt(sentence: number, offset: number): Attribution | null {
    const clauses = this.sources.get(sentence);
    if (!clauses) return null;
    let found: Attribution | null = null;
    for (const [start, attribution] of clauses) if (start <= offset || found === null) found = attribution;
    return found;
  }

  /** Evidence from a sentence: an excerpt of it (around the focus, when it is long), its position, who says it. */
  private evidence(sentence: number, focus: number, focusEnd: number, attribution: Attribution | null): Evidence {
    const s = this.structure.sentences[sentence]!;
    const { excerpt, start, end } = excerptOf(this.input.text, s.start, s.end, focus >= 0 ? focus : s.start, focusEnd);
    const a = attribution ?? this.attributionAt(sentence, focus) ?? { text: DOCUMENT_ATTRIBUTION, refs: [], how: "document" as const };
    const attributedTo = [...new Set(a.refs.map((ref) => this.resolveRef(ref)[0]?.id).filter((id): id is string => id !== undefined))];
    return { document: this.documentId, excerpt, position: { start: this.at(start), end: this.at(end) }, attribution: a.text, ...(attributedTo.length > 0 ? { attributedTo } : {}) };
  }

  /** The records a reference stands for, best first. */
  private resolveRef(ref: EntityRef): ResolvedEntity[] {
    if ("known" in ref) return ref.known.map((id) => ({ id, kind: this.known.record(id)!.kind }));
    return this.byCandidate.get(this.table.find(ref.candidate)) ?? [];
  }

  private resolveEndpoint(endpoint: Endpoint): ResolvedEntity[] {
    if ("event" in endpoint && endpoint.event.startsWith("known:")) return [{ id: endpoint.event.slice("known:".length), kind: "Event" }];
    if ("event" in endpoint) {
      const event = this.byEvent.get(endpoint.event);
      return event ? [event] : [];
    }
    return this.resolveRef(endpoint.entity);
  }

  private mentions = new MentionLog();

  assemble(proposals: readonly RelationProposal[], claims: readonly ClaimProposal[], mentions: MentionLog, dates: readonly DateMention[]): Draft {
    this.mentions = mentions;
    this.makeSource(dates);
    this.makeCandidates(mentions);
    this.makeEvents(claims);
    const relations = this.makeRelations(proposals);
    const counts: Record<string, number> = {
      sources: this.sourceRecords.length,
      entities: this.entities.filter((e) => e.kind !== "Event").length,
      events: this.entities.filter((e) => e.kind === "Event").length,
      claims: this.entities.reduce((n, e) => n + (e.claims?.length ?? 0), 0),
      relations: relations.length,
      mentions: mentions.count,
      dates: dates.length,
      undecided: this.undecided.length,
    };
    if (this.entities.length === 0 && mentions.count === 0) this.warnings.push("No entities found: the text names nothing the drafter recognises.");
    const header: DraftHeader = {
      text: this.input.name,
      sha256: this.input.sha256,
      published: this.input.publication.iso,
      title: this.title(),
      document: this.documentId,
      graph: this.input.graphLabel,
      generator: GENERATOR,
      counts,
      warnings: this.warnings,
    };
    return {
      header,
      sources: this.sourceRecords,
      entities: this.entities,
      relations,
      dates: dates.map((d) => ({ start: this.at(d.start), end: this.at(d.end), asWritten: d.asWritten, value: d.value, precision: d.precision, rule: d.rule, ...(d.yearInferred !== undefined ? { yearInferred: d.yearInferred } : {}) })),
      mentions: mentions.list(),
      undecided: this.undecided.map((u) => ({ ...u, start: this.at(u.start), end: this.at(u.end) })),
    };
  }

  private makeSource(dates: readonly DateMention[]): void {
    if (this.input.knowledgeBase.sources.some((s) => s.id === this.documentId)) return;
    let earliest: string | null = null;
    let latest: string | null = null;
    for (const date of dates) {
      const parsed = parsePartialDate(date.value);
      if (typeof parsed === "string") continue;
      if (parsed.earliest && (earliest === null || parsed.earliest < earliest)) earliest = parsed.earliest;
      if (parsed.latest && (latest === null || parsed.latest > latest)) latest = parsed.latest;
    }
    const value = earliest && latest ? (earliest === latest ? earliest : `${earliest}/${latest}`) : this.input.publication.iso;
    this.sourceRecords.push({
      id: this.documentId,
      kind: "ARTICLE",
      title: this.title(),
      covers: { value, asWritten: earliest ? "the dates the text gives" : "the publication date (the text gives no dates)" },
      publicationNotes: [`Published on ${this.input.publication.iso}, as given to \`conflict-graph draft --published\`; review it.`],
      sha256: this.input.sha256,
      status: "proposed",
    });
  }

  private makeCandidates(mentions: MentionLog): void {
    for (const entry of [...this.table.entries.values()].sort((a, b) => (a.sentences[0] ?? 0) - (b.sentences[0] ?? 0))) {
      // A candidate the graph knows by another spelling is a mention of it.
      if (!this.known.empty) {
        const name = this.nameOf(entry);
        const match = this.known.bySound(name);
        if (match) {
          this.byCandidate.set(entry.key, [{ id: match.id, kind: this.known.record(match.id)!.kind }]);
          const sentence = this.structure.sentences[entry.sentences[0]!]!;
          const at = entry.offsets[0]! >= 0 ? entry.offsets[0]! : sentence.start;
          mentions.add({ entity: match.id, text: name, matched: match.matched, field: match.field, bySound: true }, this.at(at), this.at(at + name.length));
          continue;
        }
      }
      const made: ResolvedEntity[] = [];
      if (entry.country) {
        const { actor, locative } = entry.roles;
        const government = actor >= 2 || (actor >= 1 && actor * 4 >= locative);
        const place = locative >= 2 || (locative >= 1 && locative * 4 >= actor);
        if (government) made.push(this.makeEntity(entry, "Government", undefined, [`named as an actor ${actor} time(s) ("${this.nameOf(entry)} condemned", "by ${this.nameOf(entry)}")`], "-government"));
        if (place) made.push(this.makeEntity(entry, "Place", "COUNTRY", [`named as a place ${locative} time(s) ("in ${this.nameOf(entry)}")`, "compromise tags it a country"]));
      } else {
        const decision = topKind(entry);
        if (decision && decision.weight >= 1 && decision.kind !== "Event" && decision.kind !== "Statement") made.push(this.makeEntity(entry, decision.kind, decision.subtype, decision.reasons));
      }
      if (made.length > 0) this.byCandidate.set(entry.key, made);
    }
  }

  /**
   * The name a candidate goes by: a proper name before a description, a
   * person's fullest name, otherwise the spelling the text uses most (an
   * acronym only when there is nothing else); of equals, the longest.
   */
  private nameOf(entry: CandidateEntry, kind?: EntityKind): string {
    const clean = (surface: string) => surface.replace(/^(?:the|a|an)\s+/i, "");
    const proper = (surface: string) => clean(surface).split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:al|el|bin|of|on|the|and|in)$/.test(w));
    const acronym = (surface: string) => /^[\p{Lu}.\s]+$/u.test(surface);
    const words = (surface: string) => clean(surface).split(/\s+/).length;
    const ranked = [...entry.surfaces].sort(
      ([a, n], [b, m]) =>
        Number(acronym(a)) - Number(acronym(b)) ||
        Number(proper(b)) - Number(proper(a)) ||
        (kind === "Official" ? words(b) - words(a) : 0) ||
        m - n ||
        clean(b).length - clean(a).length,
    );
    return clean(ranked[0]![0]);
  }

  private makeEntity(entry: CandidateEntry, kind: EntityKind, subtype: string | undefined, reasons: readonly string[], idSuffix = ""): ResolvedEntity {
    const name = this.nameOf(entry, kind);
    const id = this.ids.allocate(`${name}${idSuffix.replace(/-/g, " ")}`);
    const keys = new Set([nameKey(name)]);
    const aliases: string[] = [];
    for (const surface of entry.surfaces.keys()) {
      const clean = surface.replace(/^(?:the|a|an)\s+/i, "");
      if (keys.has(nameKey(clean)) || aliases.length >= 12) continue;
      keys.add(nameKey(clean));
      aliases.push(clean);
    }
    const evidence: Evidence[] = [];
    entry.sentences.forEach((sentence, k) => {
      const at = entry.offsets[k] ?? -1;
      const e = this.evidence(sentence, at, at + name.length, null);
      if (!evidence.some((x) => x.excerpt === e.excerpt)) evidence.push(e);
    });
    const description = `Proposed ${KIND_LABEL[kind]}${entry.descriptive ? " (a description the text uses as a name)" : ""}: ${reasons.slice(0, 3).join("; ")}. Named ${entry.mentions} time(s). Review the kind, the name and the aliases.`;
    const base = { id, kind, name, ...(aliases.length > 0 ? { aliases } : {}), description, evidence, status: "proposed" as const };
    const pick = <T extends string>(allowed: readonly T[], fallback: T): T => (subtype !== undefined && (allowed as readonly string[]).includes(subtype) ? (subtype as T) : fallback);
    let record: EntityRecord;
    switch (kind) {
      case "Organization":
        record = { ...base, kind: "Organization", organizationType: pick(ORGANIZATION_TYPES, "GOVERNMENT_BODY") };
        break;
      case "Base":
        record = { ...base, kind: "Base", facilityType: pick(FACILITY_TYPES, "OTHER_FACILITY") };
        break;
      case "Place":
        record = { ...base, kind: "Place", placeType: pick(PLACE_TYPES, "REGION") };
        break;
      case "MediaSource":
        record = { ...base, kind: "MediaSource", mediaType: pick(MEDIA_TYPES, "NEWS_AGENCY") };
        break;
      case "LegalInstrument":
        record = { ...base, kind: "LegalInstrument", instrumentType: pick(INSTRUMENT_TYPES, "STATUTE") };
        break;
      case "Militia":
      case "UmbrellaGroup":
      case "PoliticalBloc":
      case "Government":
      case "Official":
        record = { ...base, kind };
        break;
      default:
        throw new Error(`no candidate entity of kind ${kind}`);
    }
    this.entities.push(record);
    return { id, kind };
  }

  private makeEvents(claims: readonly ClaimProposal[]): void {
    const claimsOf = new Map<string, ClaimProposal[]>();
    for (const claim of claims) claimsOf.set(claim.event, [...(claimsOf.get(claim.event) ?? []), claim]);
    for (const event of this.events.events.values()) {
      if (event.knownId !== null) {
        this.byEvent.set(event.key, { id: event.knownId, kind: "Event" });
        const [, start] = event.told[0]!;
        this.mentions.add({ entity: event.knownId, text: event.date.asWritten, matched: `${event.type} on ${event.date.value}` , field: "EVENT" }, this.at(event.date.start), this.at(event.date.end));
        void start;
        for (const claim of claimsOf.get(event.key) ?? []) {
          const s = this.structure.sentences[claim.sentence]!;
          this.undecided.push({ what: "claim", text: `${claim.measure} ${claim.qualifier}${claim.count !== undefined ? ` ${claim.count}` : ""} (${claim.subject}), according to ${claim.attribution.text}`, reason: `about ${event.knownId}, which the graph already has: add it there, or write it as a claim of a record with the event's id in the draft, which \`conflict-graph merge\` makes corroboration or a separate account`, start: s.start, end: s.end });
        }
        continue;
      }
      this.byEvent.set(event.key, { id: this.makeEvent(event, claimsOf.get(event.key) ?? []), kind: "Event" });
    }
  }

  private makeEvent(event: EventCandidate, proposals: readonly ClaimProposal[]): string {
    const id = this.ids.allocate(`${eventTypeSlug(event.type)} ${event.date.value}`);
    const evidence: Evidence[] = [];
    for (const [sentence] of event.told) {
      const e = this.evidence(sentence, event.date.start, event.date.end, null);
      if (!evidence.some((x) => x.excerpt === e.excerpt)) evidence.push(e);
    }
    const claims: Claim[] = [];
    const accounts = new Map<string, { label: string; sentence: number }>();
    const labels = new Set<string>();
    const seen = new Set<string>();
    for (const proposal of proposals) {
      const same = `${proposal.measure}|${proposal.qualifier}|${proposal.count}|${proposal.subject}|${proposal.attribution.text}`;
      if (seen.has(same)) continue;
      seen.add(same);
      // An account: one source's version of one measure; the same source restating it elsewhere is another account.
      const accountKey = `${proposal.attribution.text}|${proposal.measure}`;
      let account = accounts.get(accountKey);
      if (!account || account.sentence !== proposal.sentence) {
        let label = slugify(`${proposal.attribution.text.split(/\s+/).slice(0, 5).join(" ")} ${proposal.measure}`);
        for (let n = 2; labels.has(label); n++) label = `${slugify(`${proposal.attribution.text.split(/\s+/).slice(0, 5).join(" ")} ${proposal.measure}`)}-${n}`;
        labels.add(label);
        account = { label, sentence: proposal.sentence };
        accounts.set(accountKey, account);
      }
      const e = this.evidence(proposal.sentence, -1, -1, proposal.attribution);
      claims.push({
        measure: proposal.measure,
        qualifier: proposal.qualifier,
        ...(proposal.count !== undefined ? { count: proposal.count } : {}),
        subject: proposal.subject,
        account: account.label,
        status: "proposed",
        evidence: e,
      });
    }
    const date = { value: event.date.value, asWritten: event.date.asWritten, ...(event.date.yearInferred !== undefined ? { yearInferred: event.date.yearInferred } : {}) };
    const told = this.structure.sentences[event.told[0]![0]]!;
    const firstTold = excerptOf(this.input.text, told.start, told.end).excerpt;
    this.entities.push({
      id,
      kind: "Event",
      name: eventName(event),
      description: `Proposed event: ${event.type}${event.memberType ? ` of ${event.memberType}` : ""}, guessed from "${event.typeWords}", on ${event.date.value} (${event.date.asWritten}). First told: "${firstTold.length > 200 ? `${firstTold.slice(0, 197)}...` : firstTold}"`,
      eventType: event.type,
      date,
      evidence,
      ...(claims.length > 0 ? { claims } : {}),
      status: "proposed",
    });
    return id;
  }

  private makeRelations(proposals: readonly RelationProposal[]): RelationRecord[] {
    const relations = new Map<string, RelationRecord>();
    for (const proposal of proposals) {
      const sources = this.resolveEndpoint(proposal.source);
      const targets = this.resolveEndpoint(proposal.target);
      const sentence = this.structure.sentences[proposal.sentence]!;
      if (sources.length === 0 || targets.length === 0) continue;
      let pair: [ResolvedEntity, ResolvedEntity] | null = null;
      for (const s of sources) for (const t of targets) if (pair === null && s.id !== t.id && relationAllows(proposal.type, s.kind, t.kind)) pair = [s, t];
      if (pair === null) {
        const [s, t] = [sources[0]!, targets[0]!];
        if (s.id !== t.id) this.undecided.push({ what: "relation", text: `${s.id} ${proposal.type} ${t.id} ("${proposal.pattern}")`, reason: `${s.id} is a ${s.kind} and ${t.id} a ${t.kind}; ${proposal.type} joins ${describeSignatures(proposal.type as RelationType)}: decide the kinds, or drop it`, start: sentence.start, end: sentence.end });
        continue;
      }
      const [source, target] = pair;
      // A name before the noun of what was struck is struck itself when it is an armed group ("Kataib Hezbollah facilities")
      // or the site the noun names again ("Camp Taji base"), not when it owns it ("a CIA hangar", "a U.S. base").
      if (proposal.owner && !["Militia", "UmbrellaGroup", "Base", "Place"].includes(target.kind)) continue;
      const key = `${proposal.type}|${source.id}|${target.id}`;
      const existing = relations.get(key);
      const evidence = this.evidence(proposal.sentence, -1, -1, proposal.attribution);
      if (existing) {
        if (existing.evidence.length < 3 && !existing.evidence.some((e) => e.excerpt === evidence.excerpt)) existing.evidence.push(evidence);
        continue;
      }
      const id = this.ids.allocate(`${source.id} ${proposal.type.toLowerCase().replace(/_/g, " ")} ${target.id}`);
      relations.set(key, {
        id,
        type: proposal.type,
        source: source.id,
        target: target.id,
        ...(proposal.role !== undefined ? { role: proposal.role } : {}),
        note: `Proposed from "${proposal.pattern}".`,
        status: "proposed",
        evidence: [evidence],
      });
    }
    return [...relations.values()];
  }
}
