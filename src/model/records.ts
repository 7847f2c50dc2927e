/**
 * Record schemas for the files in data/: what one source document, entity or
 * relation looks like before it enters the graph. The TypeScript types are
 * inferred from these schemas, never written twice.
 */
import { z } from "zod";
import {
  CLAIM_MEASURES,
  CLAIM_QUALIFIERS,
  COUNTED_QUALIFIERS,
  DOCUMENT_KINDS,
  GEO_PRECISIONS,
  RANKS,
  EVENT_TYPES,
  FACILITY_TYPES,
  INSTRUMENT_TYPES,
  MEDIA_TYPES,
  NAME_VARIANT_TYPES,
  ORGANIZATION_TYPES,
  PLACE_TYPES,
  RELATION_TYPE_NAMES,
  STATEMENT_TYPES,
} from "./ontology.js";
import { parsePartialDate } from "./dates.js";

/** Lower-case words joined by single hyphens: `kataib-hezbollah`, `us-strike-2021-06-27`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Evidence is a phrase or one sentence, never a paragraph. */
export const MAX_EXCERPT_LENGTH = 400;

const id = z.string().regex(ID_PATTERN, "must be lower-case words joined by hyphens, e.g. kataib-hezbollah");
const text = z.string().trim().min(1, "must not be empty");
/** An entity or record id, and a non-empty text, for the schemas of other data files. */
export const IdSchema = id;
export const TextSchema = text;

export const EvidenceSchema = z.strictObject({
  /** Id of the source document the excerpt comes from. */
  document: id,
  /** A short verbatim excerpt from the document. */
  excerpt: text.max(MAX_EXCERPT_LENGTH, `must be at most ${MAX_EXCERPT_LENGTH} characters: quote a phrase or one sentence`),
  /** Who said it, in the article's terms ("Iraqi military officials told The Associated Press"). */
  attribution: text,
  /** Entities the attribution names, where they are in the graph. */
  attributedTo: z.array(id).optional(),
  /**
   * Where the excerpt is in the document's text: character offsets counted in
   * Unicode code points, `end` exclusive, as the W3C Web Annotation model's
   * TextPositionSelector counts them (Python's `text[start:end]`).
   */
  position: z
    .strictObject({ start: z.int().min(0), end: z.int().min(1) })
    .refine((position) => position.end > position.start, { message: "end must be greater than start", path: ["end"] })
    .optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const evidenceList = z.array(EvidenceSchema).min(1, "at least one evidence entry is required");

/**
 * Where a record stands in review. `proposed`: written by the drafting
 * assistant (`conflict-graph draft`) for a curator to accept, edit or delete;
 * the loader refuses it in served data, and only `validate --draft` accepts it.
 * `accepted`: a curator reviewed it. Absent: curated by hand (the same as accepted).
 */
export const RECORD_STATUSES = ["proposed", "accepted"] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
const reviewStatus = { status: z.enum(RECORD_STATUSES).optional() };

const dateValue = z.string().superRefine((value, ctx) => {
  const parsed = parsePartialDate(value);
  if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
});

/** A date in a data file: the ISO value, plus how the article words it and how a missing year was inferred. */
export const DateSchema = z.strictObject({
  value: dateValue,
  /** The article's own wording ("June 27", "since April", "mid-2014"). */
  asWritten: text.optional(),
  /** Present when the article leaves the year out: how it was inferred. */
  yearInferred: text.optional(),
});
export type DateRecord = z.infer<typeof DateSchema>;

/** A rank other than NORMAL needs its reason; a reason needs a rank to explain. */
const ranked = {
  rank: z.enum(RANKS).optional(),
  /** Why the rank is what it is ("stated twice against once"). */
  rankReason: text.optional(),
};
function checkRank(record: { rank?: string | undefined; rankReason?: string | undefined }, ctx: z.RefinementCtx): void {
  if (record.rank !== undefined && record.rank !== "NORMAL" && record.rankReason === undefined) {
    ctx.addIssue({ code: "custom", path: ["rankReason"], message: `is required when rank is ${record.rank}` });
  }
  if (record.rankReason !== undefined && (record.rank === undefined || record.rank === "NORMAL")) {
    ctx.addIssue({ code: "custom", path: ["rank"], message: "must be PREFERRED or DEPRECATED when a rankReason is given" });
  }
}

export const ClaimSchema = z
  .strictObject({
    measure: z.enum(CLAIM_MEASURES),
    qualifier: z.enum(CLAIM_QUALIFIERS),
    count: z.number().int().nonnegative().optional(),
    /** Who or what is counted ("men killed in Syria", "Kataib Sayyid al Shuhada fighters"). */
    subject: text,
    /**
     * The account the claim belongs to: one source's version of one measure.
     * Claims of one account add up; accounts of the same measure and scope are
     * alternatives (see service/accounts.ts).
     */
    account: id,
    /** What an account counts, where accounts of one measure count different people ("Kataib Hezbollah militants"); absent: all of them. */
    scope: text.optional(),
    note: text.optional(),
    ...ranked,
    ...reviewStatus,
    evidence: EvidenceSchema,
    /** The same figure as other documents state it: one entry per further document (see Claim.corroboration). */
    corroboration: z.array(EvidenceSchema).optional(),
  })
  .superRefine((claim, ctx) => {
    const counted = (COUNTED_QUALIFIERS as readonly string[]).includes(claim.qualifier);
    if (counted && claim.count === undefined) {
      ctx.addIssue({ code: "custom", path: ["count"], message: `is required when qualifier is ${claim.qualifier}` });
    }
    if (!counted && claim.count !== undefined) {
      ctx.addIssue({ code: "custom", path: ["count"], message: `must be absent when qualifier is ${claim.qualifier}` });
    }
    if (claim.qualifier === "EXACT" && claim.count === 0) {
      ctx.addIssue({ code: "custom", path: ["qualifier"], message: "none reported is written NONE_REPORTED, with no count" });
    }
    checkRank(claim, ctx);
  });
export type Claim = z.infer<typeof ClaimSchema>;

/**
 * A name an entity goes by elsewhere that the sources do not use: another
 * transliteration (Hizballah), spelling (Mobilisation), acronym (IRGC), full
 * name or the name in its own script. Curated so that search finds the
 * entity; marked as a variant, never cited as evidence.
 */
export const NameVariantSchema = z.strictObject({
  name: text,
  type: z.enum(NAME_VARIANT_TYPES),
  /** What the variant is, where that is not obvious ("the PMF's Arabic name, transliterated"). */
  note: text.optional(),
});
export type NameVariant = z.infer<typeof NameVariantSchema>;

const entityBase = {
  id,
  name: text,
  /** Names the sources use for the entity. */
  aliases: z.array(text).optional(),
  /** Other spellings and names, for search (see NameVariantSchema). */
  variants: z.array(NameVariantSchema).optional(),
  description: text,
  /** Where the article mentions or describes the entity. */
  evidence: evidenceList,
  /** Figures the article reports about the entity, each with its source. */
  claims: z.array(ClaimSchema).optional(),
  ...reviewStatus,
};

/** Where a place or base is, as a reference gazetteer gives it (never the article). */
export const CoordinatesSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** What the coordinates are the coordinates of: the site itself, or the city, region or country it is in or near. */
  precision: z.enum(GEO_PRECISIONS),
  /** The entity whose gazetteer position these are, when it is not this one (a base near Kirkuk takes Kirkuk's). */
  via: id.optional(),
  /** How a curator chose the gazetteer record ("Baghdad's airport, as its name says"). */
  note: text.optional(),
  evidence: EvidenceSchema,
});
export type Coordinates = z.infer<typeof CoordinatesSchema>;

/**
 * Where one place or base is, written by `npm run geocode` into
 * data/geography/: its coordinates from the gazetteer, or why the gazetteer
 * cannot give any. Every place and base has exactly one.
 */
export const LocationSchema = z
  .strictObject({
    entity: id,
    coordinates: CoordinatesSchema.optional(),
    /** Why there are no coordinates. */
    unresolved: text.optional(),
  })
  .superRefine((location, ctx) => {
    if ((location.coordinates === undefined) === (location.unresolved === undefined)) {
      ctx.addIssue({ code: "custom", path: ["coordinates"], message: "give either coordinates or `unresolved` (why there are none), not both and not neither" });
    }
  });
export type LocationRecord = z.infer<typeof LocationSchema>;

export const EntitySchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...entityBase, kind: z.literal("Militia") }),
  z.strictObject({ ...entityBase, kind: z.literal("UmbrellaGroup") }),
  z.strictObject({ ...entityBase, kind: z.literal("PoliticalBloc") }),
  z.strictObject({ ...entityBase, kind: z.literal("Government") }),
  z.strictObject({ ...entityBase, kind: z.literal("Official") }),
  z.strictObject({ ...entityBase, kind: z.literal("Organization"), organizationType: z.enum(ORGANIZATION_TYPES) }),
  z.strictObject({ ...entityBase, kind: z.literal("Base"), facilityType: z.enum(FACILITY_TYPES) }),
  z.strictObject({ ...entityBase, kind: z.literal("Place"), placeType: z.enum(PLACE_TYPES) }),
  z.strictObject({ ...entityBase, kind: z.literal("MediaSource"), mediaType: z.enum(MEDIA_TYPES) }),
  z.strictObject({ ...entityBase, kind: z.literal("LegalInstrument"), instrumentType: z.enum(INSTRUMENT_TYPES) }),
  z.strictObject({ ...entityBase, kind: z.literal("Event"), eventType: z.enum(EVENT_TYPES), date: DateSchema }),
  z.strictObject({ ...entityBase, kind: z.literal("Statement"), statementType: z.enum(STATEMENT_TYPES), date: DateSchema }),
]);
export type EntityRecord = z.infer<typeof EntitySchema>;

export const RelationSchema = z
  .strictObject({
    id,
    type: z.enum(RELATION_TYPE_NAMES),
    source: id,
    target: id,
    /** When the relation held or happened, where the article says. */
    date: DateSchema.optional(),
    /** The capacity in which it holds ("deputy commander", "trains, arms and funds"), or for NEAR the relation as written ("north of"). */
    role: text.optional(),
    /** For DISPUTES: the account (of claims on the target event) disputed. */
    account: id.optional(),
    note: text.optional(),
    ...ranked,
    ...reviewStatus,
    evidence: evidenceList,
  })
  .superRefine((relation, ctx) => {
    if (relation.type === "NEAR" && relation.role === undefined) {
      ctx.addIssue({ code: "custom", path: ["role"], message: "is required for NEAR: the relation as written ('near', 'north of', 'within a 30-mile radius of')" });
    }
    if (relation.type === "DISPUTES" && relation.account === undefined) {
      ctx.addIssue({ code: "custom", path: ["account"], message: "is required for DISPUTES: the account of claims on the target event it disputes" });
    }
    if (relation.type !== "DISPUTES" && relation.account !== undefined) {
      ctx.addIssue({ code: "custom", path: ["account"], message: `belongs to DISPUTES relations only (this is ${relation.type})` });
    }
    checkRank(relation, ctx);
  });
export type RelationRecord = z.infer<typeof RelationSchema>;

export const SourceDocumentSchema = z
  .strictObject({
    id,
    /** ARTICLE (default): a text whose excerpts are checked verbatim; GAZETTEER: reference data, cited record by record. */
    kind: z.enum(DOCUMENT_KINDS).optional(),
    title: text,
    /** Who publishes it, its version and its licence (required for a gazetteer). */
    publisher: text.optional(),
    version: text.optional(),
    licence: text.optional(),
    url: z.url().optional(),
    /** The span of events an article covers. */
    covers: DateSchema.optional(),
    /** When the document was published, as precisely as known ("2021-07-08/..": on or after July 8, 2021). */
    published: DateSchema.optional(),
    /** Publication facts the document itself states. */
    publicationNotes: z.array(text).optional(),
    /** SHA-256 of the document text the evidence was checked against. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits").optional(),
    ...reviewStatus,
  })
  .superRefine((document, ctx) => {
    if (document.kind === "GAZETTEER") {
      for (const field of ["publisher", "version", "licence"] as const) {
        if (document[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: "is required for a GAZETTEER" });
      }
    } else if (document.covers === undefined) {
      ctx.addIssue({ code: "custom", path: ["covers"], message: "is required for an ARTICLE: the span of events it covers" });
    }
  });
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

export const EntityFileSchema = z.array(EntitySchema);
export const RelationFileSchema = z.array(RelationSchema);
export const SourceFileSchema = z.array(SourceDocumentSchema);
export const LocationFileSchema = z.array(LocationSchema);
