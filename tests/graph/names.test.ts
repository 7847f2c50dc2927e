import { describe, expect, it } from "vitest";
import { normaliseName } from "../../src/model/names.js";

describe("name normalisation ignores case, accents, apostrophes and hyphens", () => {
  it.each([
    ["Kata'ib Hezbollah", "kataib hezbollah"],
    ["Kata’ib Hezbollah", "kataib hezbollah"],
    ["KATAIB-HEZBOLLAH", "kataib hezbollah"],
    ["Kata'ib Sayyid al-Shuhada", "kataib sayyid al shuhada"],
    ["Qāsem Soleimānī", "qasem soleimani"],
    ["  Ain  al-Asad ", "ain al asad"],
  ])("%s -> %s", (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});
