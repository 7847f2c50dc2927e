/**
 * The comparison used by the evidence check: an excerpt matches a document when
 * it occurs in it after both are normalised for whitespace and quote characters
 * (curly and straight quotes are the same; runs of spaces and line breaks are one space).
 */

const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC`]/g;
const WHITESPACE = /\s+/g;

export function normaliseForEvidence(text: string): string {
  return text.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'").replace(WHITESPACE, " ").trim();
}
