/**
 * Name normalisation for lookups and search: case, accents, apostrophes and
 * hyphens do not matter ("Kata'ib Hezbollah", "Kataib Hezbollah" and
 * "KATAIB-HEZBOLLAH" are the same name).
 */

const DIACRITICS = /\p{M}+/gu;
const APOSTROPHES = /['\u2018\u2019\u02BC\u02BB`´]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

export function normaliseName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(DIACRITICS, "")
    .replace(APOSTROPHES, "")
    .toLowerCase()
    .replace(SEPARATORS, " ")
    .trim();
}
