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
  EVENT_TYPES,
  FACILITY_TYPES,
  INSTRUMENT_TYPES,
  MEDIA_TYPES,
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

export const EvidenceSchema = z.strictObject({
  /** Id of the source document the excerpt comes from. */
  document: id,
  /** A short verbatim excerpt from the document. */
  excerpt: text.max(MAX_EXCERPT_LENGTH, `must be at most ${MAX_EXCERPT_LENGTH} characters: quote a phrase or one sentence`),
  /** Who said it, in the article's terms ("Iraqi military officials told The Associated Press"). */
  attribution: text,
  /** Entities the attribution names, where they are in the graph. */
  attributedTo: z.array(id).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const evidenceList = z.array(EvidenceSchema).min(1, "at least one evidence entry is required");

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

export const ClaimSchema = z
  .strictObject({
    measure: z.enum(CLAIM_MEASURES),
    qualifier: z.enum(CLAIM_QUALIFIERS),
    count: z.number().int().nonnegative().optional(),
    /** Who or what is counted ("men killed in Syria", "Kataib Sayyid al Shuhada fighters"). */
    subject: text,
    note: text.optional(),
    evidence: EvidenceSchema,
  })
  .superRefine((claim, ctx) => {
    const counted = (COUNTED_QUALIFIERS as readonly string[]).includes(claim.qualifier);
    if (counted && claim.count === undefined) {
      ctx.addIssue({ code: "custom", path: ["count"], message: `is required when qualifier is ${claim.qualifier}` });
    }
    if (!counted && claim.count !== undefined) {
      ctx.addIssue({ code: "custom", path: ["count"], message: `must be absent when qualifier is ${claim.qualifier}` });
    }
  });
export type Claim = z.infer<typeof ClaimSchema>;

const entityBase = {
  id,
  name: text,
  aliases: z.array(text).optional(),
  description: text,
  /** Where the article mentions or describes the entity. */
  evidence: evidenceList,
  /** Figures the article reports about the entity, each with its source. */
  claims: z.array(ClaimSchema).optional(),
};

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

export const RelationSchema = z.strictObject({
  id,
  type: z.enum(RELATION_TYPE_NAMES),
  source: id,
  target: id,
  /** When the relation held or happened, where the article says. */
  date: DateSchema.optional(),
  /** The capacity in which it holds ("deputy commander", "trains, arms and funds"). */
  role: text.optional(),
  note: text.optional(),
  evidence: evidenceList,
});
export type RelationRecord = z.infer<typeof RelationSchema>;

export const SourceDocumentSchema = z.strictObject({
  id,
  title: text,
  /** The span of events the document covers. */
  covers: DateSchema,
  /** Publication facts the document itself states. */
  publicationNotes: z.array(text),
  /** SHA-256 of the document text the evidence was checked against. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits").optional(),
});
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

export const EntityFileSchema = z.array(EntitySchema);
export const RelationFileSchema = z.array(RelationSchema);
export const SourceFileSchema = z.array(SourceDocumentSchema);
