/**
 * How a draft is scored against the curated records of the same text (used
 * by scripts/draft-score.ts). Everything is matched by where it is in the
 * text or by name, never by id, since a cold draft makes its own ids:
 *
 * - Entities: the named entities the curated data cites from the article
 *   (officials, militias, umbrella groups, blocs, governments, organisations,
 *   places, bases and media whose name or an alias is a proper name: every
 *   word capitalised but particles such as "al", "of", "the") against the
 *   draft's candidates of those kinds. A candidate matches a curated entity
 *   when one of its names equals one of the entity's (name or alias;
 *   normaliseName, a leading "the"/"a" dropped), one to one, the same kind
 *   first. Precision counts a candidate right when it matches any curated
 *   entity of those kinds (named or described, such as "U.S. forces").
 * - Events: a curated event and a draft event are one when their evidence
 *   overlaps in the text (the same type preferred); a date is exact when the
 *   values are equal.
 * - Relations: (type, source, target) after mapping draft ids to curated ids
 *   (entities by name as above, events by evidence).
 * - Attributions: a curated claim and a draft claim are one when their
 *   evidence overlaps and they count the same measure (and number); the
 *   attribution is right when both name the same entities (attributedTo,
 *   mapped), or both are the document's own voice.
 */
import type { KnowledgeBase } from "../src/loading/validate.js";
import { normaliseName } from "../src/model/names.js";
import type { EntityKind, RelationType } from "../src/model/ontology.js";
import type { Claim, EntityRecord, Evidence, RelationRecord } from "../src/model/records.js";
import type { Draft } from "../src/drafting/draft.js";
import { codePointOffsets } from "../src/drafting/draft.js";

export type Span = readonly [number, number];

export const NAMED_KINDS: readonly EntityKind[] = ["Official", "Militia", "UmbrellaGroup", "PoliticalBloc", "Government", "Organization", "Place", "Base", "MediaSource"];
export const PATTERN_TYPES: readonly RelationType[] = ["RETALIATES_FOR", "CONDEMNS", "BACKS", "ATTACKS", "INTERCEPTED", "KILLED_IN"];
const PARTICLES = new Set(["al", "el", "bin", "ibn", "of", "the", "on", "and", "in", "for", "de", "a"]);
const FAMILY: Record<string, string> = { Official: "person", Place: "site", Base: "site", Government: "actor", Organization: "actor", Militia: "actor", UmbrellaGroup: "actor", PoliticalBloc: "actor", MediaSource: "actor" };

/** Locates excerpts in the text as the evidence check does (quotes and runs of white space do not matter), in code points as Evidence.position counts. */
export class TextLocator {
  private readonly normalised: string;
  private readonly rawIndex: number[] = [];
  /** UTF-16 index -> code point offset. */
  readonly at: (utf16: number) => number;

  constructor(text: string) {
    this.at = codePointOffsets(text);
    let out = "";
    let space = false;
    for (let i = 0; i < text.length; i++) {
      let c = text[i]!;
      if (/\s/.test(c)) {
        if (space || out === "") continue;
        c = " ";
        space = true;
      } else space = false;
      c = c.replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/, '"').replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC`]/, "'");
      out += c;
      this.rawIndex.push(i);
    }
    this.normalised = out;
    this.rawIndex.push(text.length);
  }

  /** Every place the excerpt occurs, as raw [start, end). */
  locate(excerpt: string): Span[] {
    const needle = excerpt.replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"').replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC`]/g, "'").replace(/\s+/g, " ").trim();
    const found: Span[] = [];
    if (needle === "") return found;
    for (let at = this.normalised.indexOf(needle); at >= 0; at = this.normalised.indexOf(needle, at + 1)) {
      found.push([this.at(this.rawIndex[at]!), this.at(this.rawIndex[at + needle.length - 1]! + 1)]);
    }
    return found;
  }
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
export const insideAny = (span: Span, ranges: readonly Span[]) => ranges.some((r) => span[0] >= r[0] && span[1] <= r[1]);

/** A name's key: normalised, a leading article dropped. */
export const key = (name: string) => normaliseName(name).replace(/^(?:the|a|an) /, "");
export const namesOf = (e: EntityRecord) => [e.name, ...(e.aliases ?? [])];

/** A proper name: every word but particles begins with a capital or a digit ("Kataib Sayyid al Shuhada", "K1"). */
export function isProperName(name: string): boolean {
  const words = name.split(/[\s]+/).filter((w) => w !== "");
  return words.length > 0 && words.every((w) => PARTICLES.has(w.toLowerCase()) || /^[\p{Lu}\p{N}"“'(]/u.test(w));
}

export const citesArticle = (evidence: readonly Evidence[], document: string) => evidence.some((e) => e.document === document);

export interface Ratio {
  readonly hit: number;
  readonly of: number;
}
export const ratio = (hit: number, of: number): Ratio => ({ hit, of });

export interface EntityScore {
  readonly recallNamed: Ratio;
  readonly recallAll: Ratio;
  readonly precision: Ratio;
  readonly kindAgreement: Ratio;
  readonly missed: string[];
  readonly wrong: string[];
  /** Draft entity id -> curated entity id, one to one where matched, else by name. */
  readonly map: Map<string, string>;
}

/** Matches draft candidates to curated entities by name (see the module comment). */
export function scoreEntities(curated: readonly EntityRecord[], draft: readonly EntityRecord[], article: string, expected?: ReadonlySet<string>): EntityScore {
  const reference = curated.filter((e) => NAMED_KINDS.includes(e.kind) && citesArticle(e.evidence, article) && (expected === undefined || expected.has(e.id)));
  const named = reference.filter((e) => namesOf(e).some(isProperName));
  const pool = curated.filter((e) => NAMED_KINDS.includes(e.kind));
  const candidates = draft.filter((e) => NAMED_KINDS.includes(e.kind));
  const byKey = new Map<string, EntityRecord[]>();
  for (const e of pool) for (const name of namesOf(e)) byKey.set(key(name), [...(byKey.get(key(name)) ?? []), e]);
  const pairs: Array<{ d: EntityRecord; c: EntityRecord; rank: number }> = [];
  for (const d of candidates) {
    const seen = new Set<string>();
    for (const name of namesOf(d)) {
      for (const c of byKey.get(key(name)) ?? []) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        const inReference = reference.includes(c) ? 0 : 3;
        pairs.push({ d, c, rank: inReference + (c.kind === d.kind ? 0 : FAMILY[c.kind] === FAMILY[d.kind] ? 1 : 2) });
      }
    }
  }
  pairs.sort((a, b) => a.rank - b.rank);
  const usedD = new Set<string>();
  const usedC = new Set<string>();
  const map = new Map<string, string>();
  let sameKind = 0;
  for (const { d, c } of pairs) {
    if (usedD.has(d.id) || usedC.has(c.id)) continue;
    usedD.add(d.id);
    usedC.add(c.id);
    map.set(d.id, c.id);
    if (d.kind === c.kind) sameKind++;
  }
  // For relations and attributions, an unmatched candidate still stands for the entity its name names.
  for (const { d, c } of pairs) if (!map.has(d.id)) map.set(d.id, c.id);
  const matchedNamed = named.filter((e) => usedC.has(e.id));
  return {
    recallNamed: ratio(matchedNamed.length, named.length),
    recallAll: ratio(reference.filter((e) => usedC.has(e.id)).length, reference.length),
    precision: ratio(usedD.size, candidates.length),
    kindAgreement: ratio(sameKind, usedD.size),
    missed: named.filter((e) => !usedC.has(e.id)).map((e) => e.name),
    wrong: candidates.filter((d) => !usedD.has(d.id)).map((d) => `${d.name} (${d.kind})`),
    map,
  };
}

/** Where a draft record's evidence is (Evidence.position). */
const positions = (evidence: readonly Evidence[]): Span[] => evidence.flatMap((e) => (e.position ? [[e.position.start, e.position.end] as const] : []));

const curatedSpans = (locator: TextLocator, evidence: readonly Evidence[], article: string): Span[] => evidence.filter((e) => e.document === article).flatMap((e) => locator.locate(e.excerpt));

export interface EventScore {
  readonly exact: Ratio;
  readonly found: Ratio;
  readonly wrong: string[];
  /** Draft event id -> curated event id. */
  readonly map: Map<string, string>;
}

/** Aligns draft events with curated ones by evidence; scores the dates of curated events dated to the day. */
export function scoreEvents(curated: readonly EntityRecord[], draft: Draft, locator: TextLocator, article: string, expected?: ReadonlySet<string>): EventScore {
  const curatedEvents = curated.filter((e): e is Extract<EntityRecord, { kind: "Event" }> => e.kind === "Event" && citesArticle(e.evidence, article));
  const draftEvents = draft.entities.filter((e): e is Extract<EntityRecord, { kind: "Event" }> => e.kind === "Event");
  const spans = new Map(curatedEvents.map((e) => [e.id, curatedSpans(locator, e.evidence, article)]));
  const map = new Map<string, string>();
  for (const d of draftEvents) {
    const mine = positions(d.evidence);
    let best: { id: string; score: number } | null = null;
    for (const c of curatedEvents) {
      const shared = mine.reduce((sum, a) => sum + spans.get(c.id)!.reduce((s, b) => s + overlap(a, b), 0), 0);
      if (shared === 0) continue;
      const score = (c.eventType === d.eventType ? 1e6 : 0) + (c.date.value === d.date.value ? 1e5 : 0) + shared;
      if (!best || score > best.score) best = { id: c.id, score };
    }
    if (best) map.set(d.id, best.id);
  }
  // Events the draft resolved to the graph's (leave-one-section-out) are found with their dates.
  const resolved = new Set(draft.mentions.map((m) => m.entity));
  const daily = curatedEvents.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date.value) && (expected === undefined || expected.has(e.id)));
  let exact = 0;
  let found = 0;
  const wrong: string[] = [];
  for (const c of daily) {
    const drafts = draftEvents.filter((d) => map.get(d.id) === c.id);
    if (drafts.length === 0 && !resolved.has(c.id)) {
      wrong.push(`${c.id}: not found`);
      continue;
    }
    found++;
    if (resolved.has(c.id) || drafts.some((d) => d.date.value === c.date.value)) exact++;
    else wrong.push(`${c.id}: ${drafts.map((d) => d.date.value).join(", ")}`);
  }
  return { exact: ratio(exact, daily.length), found: ratio(found, daily.length), wrong, map };
}

export interface RelationScore {
  readonly recall: Ratio;
  readonly precision: Ratio;
  readonly byType: Map<RelationType, { recall: Ratio; precision: Ratio }>;
  readonly missed: string[];
  readonly wrong: string[];
}

export function scoreRelations(curated: readonly RelationRecord[], draft: readonly RelationRecord[], map: (id: string) => string, article: string, types: readonly RelationType[], expected?: (r: RelationRecord) => boolean): RelationScore {
  const triple = (type: string, source: string, target: string) => `${type} ${source} -> ${target}`;
  const all = new Set(curated.filter((r) => types.includes(r.type) && citesArticle(r.evidence, article)).map((r) => triple(r.type, r.source, r.target)));
  // Recall over the relations the drafted part tells; precision over all curated ones (a true relation told elsewhere too is right).
  const gold = new Set(curated.filter((r) => types.includes(r.type) && citesArticle(r.evidence, article) && (expected === undefined || expected(r))).map((r) => triple(r.type, r.source, r.target)));
  const mine = draft.filter((r) => types.includes(r.type));
  const mapped = new Set(mine.map((r) => triple(r.type, map(r.source), map(r.target))));
  const byType = new Map<RelationType, { recall: Ratio; precision: Ratio }>();
  for (const type of types) {
    const g = [...gold].filter((t) => t.startsWith(`${type} `));
    const m = mine.filter((r) => r.type === type).map((r) => triple(r.type, map(r.source), map(r.target)));
    byType.set(type, { recall: ratio(g.filter((t) => mapped.has(t)).length, g.length), precision: ratio(m.filter((t) => all.has(t)).length, m.length) });
  }
  return {
    recall: ratio([...gold].filter((t) => mapped.has(t)).length, gold.size),
    precision: ratio(mine.filter((r) => all.has(triple(r.type, map(r.source), map(r.target)))).length, mine.length),
    byType,
    missed: [...gold].filter((t) => !mapped.has(t)),
    wrong: mine.map((r) => triple(r.type, map(r.source), map(r.target))).filter((t) => !all.has(t)),
  };
}

export interface AttributionScore {
  readonly right: Ratio;
  readonly claimsFound: Ratio;
  readonly wrong: string[];
}

const ARTICLE_VOICE = "(the document)";

export function scoreAttributions(curated: readonly EntityRecord[], draft: Draft, locator: TextLocator, map: (id: string) => string, article: string, expected?: (span: Span) => boolean): AttributionScore {
  const sources = (evidence: Evidence, mapIds: boolean) => {
    const ids = (evidence.attributedTo ?? []).map((id) => (mapIds ? map(id) : id));
    return ids.length === 0 && evidence.attribution === "the article" ? [ARTICLE_VOICE] : [...new Set(ids)].sort();
  };
  const draftClaims: Array<{ claim: Claim; span: Span }> = [];
  for (const e of draft.entities) {
    for (const claim of e.claims ?? []) for (const span of positions([claim.evidence])) draftClaims.push({ claim, span });
  }
  let matched = 0;
  let right = 0;
  let total = 0;
  const wrong: string[] = [];
  for (const holder of curated) {
    for (const claim of holder.claims ?? []) {
      if (claim.evidence.document !== article) continue;
      const spans = locator.locate(claim.evidence.excerpt);
      if (expected && !spans.some(expected)) continue;
      total++;
      const candidates = draftClaims.filter(({ claim: d, span }) => d.measure === claim.measure && spans.some((s) => overlap(s, span) > 0) && (d.count === claim.count || d.qualifier === claim.qualifier));
      if (candidates.length === 0) continue;
      matched++;
      const want = sources(claim.evidence, false).join(", ");
      const best = candidates.find(({ claim: d }) => sources(d.evidence, true).join(", ") === want) ?? candidates[0]!;
      const got = sources(best.claim.evidence, true).join(", ");
      if (got === want) right++;
      else wrong.push(`${holder.id} ${claim.measure} ${claim.count ?? claim.qualifier}: curated [${want}], draft [${got}] ("${best.claim.evidence.attribution}")`);
    }
  }
  return { right: ratio(right, matched), claimsFound: ratio(matched, total), wrong };
}

/** The curated records as a graph knows them when one part of the text is held out: those with evidence elsewhere. */
export function withoutSection(kb: KnowledgeBase, locator: TextLocator, article: string, held: readonly Span[]): KnowledgeBase {
  const outside = (evidence: readonly Evidence[]) =>
    evidence.some((e) => {
      if (e.document !== article) return true;
      const spans = locator.locate(e.excerpt);
      return spans.length === 0 || spans.some((s) => !insideAny(s, held));
    });
  const entities = kb.entities
    .filter((e) => outside(e.evidence))
    .map((e) => (e.claims ? { ...e, claims: e.claims.filter((c) => outside([c.evidence])) } : e));
  const ids = new Set(entities.map((e) => e.id));
  const relations = kb.relations.filter((r) => ids.has(r.source) && ids.has(r.target) && outside(r.evidence));
  return { sources: kb.sources, entities, relations, locations: kb.locations.filter((l) => ids.has(l.entity)) };
}
