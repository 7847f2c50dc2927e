/**
 * Dates: found with chrono-node, and the years a text leaves out inferred by
 * reasoning each date records (src/drafting/dates.ts).
 */
import { describe, expect, it } from "vitest";
import { findDates, parsePublication } from "../../src/drafting/dates.js";
import { analyseStructure } from "../../src/drafting/sentences.js";

const datesIn = (text: string, published = "2021-07-08") => findDates(analyseStructure(text), parsePublication(published)!);
const values = (text: string, published?: string) => datesIn(text, published).map((d) => [d.asWritten, d.value]);

const TIMELINE = `Timeline of Strikes

December 29: The United States struck three facilities.

The airstrikes were in response to a rocket attack on December 27, officials said.

January 3: The United States struck a convoy.

The airstrikes were in response to the storming of an embassy on December 31.

March 13: The United States struck five facilities.

February 25: The United States struck 11 buildings.

June 27: The United States struck two facilities.`;

describe("a dated list read in text order", () => {
  it("starts a new year at each entry in an earlier month than the one before, anchored by the publication date", () => {
    const entries = datesIn(TIMELINE).filter((d) => d.entry);
    expect(entries.map((d) => d.value)).toEqual(["2019-12-29", "2020-01-03", "2020-03-13", "2021-02-25", "2021-06-27"]);
    expect(entries.every((d) => d.rule === "list")).toBe(true);
    expect(entries[0]!.yearInferred).toContain("run December 29, January 3, March 13, February 25, June 27");
    expect(entries[0]!.yearInferred).toContain("starts the next year (2 times)");
    expect(entries[0]!.yearInferred).toContain("latest one not after the publication date 2021-07-08");
  });

  it("dates what a paragraph under an entry tells by the entry: the nearest such day", () => {
    expect(values(TIMELINE)).toContainEqual(["December 27", "2019-12-27"]);
    expect(values(TIMELINE)).toContainEqual(["December 31", "2019-12-31"]);
    const nested = datesIn(TIMELINE).find((d) => d.asWritten === "December 31")!;
    expect(nested.rule).toBe("list-entry");
    expect(nested.yearInferred).toContain("January 3 (2020-01-03)");
  });

  it("is anchored by an entry that writes its year", () => {
    const text = "• On December 30, 2020, a rocket hit a base.\n• On January 2, drones attacked.\n• On January 9, rockets landed.";
    expect(values(text, "2022-05-01")).toEqual([
      ["December 30, 2020", "2020-12-30"],
      ["January 2", "2021-01-02"],
      ["January 9", "2021-01-09"],
    ]);
  });

  it("reads a list of one form at a time: a paragraph dated in another form is not one of its entries", () => {
    const text = "On June 27, strikes hit two sites.\n\nThe attacks included:\n\n• On April 14, a drone hit a hangar.\n• On June 26, drones hit a house.";
    expect(values(text)).toEqual([
      ["June 27", "2021-06-27"],
      ["April 14", "2021-04-14"],
      ["June 26", "2021-06-26"],
    ]);
  });

  it("says whether a day the text also writes with its year agrees", () => {
    const date = datesIn(`${TIMELINE}\n\nKirby on June 27, 2021: “We struck.”`).find((d) => d.asWritten === "June 27")!;
    expect(date.yearInferred).toContain('The text also writes "June 27, 2021", which agrees.');
  });
});

describe("other dates", () => {
  it("takes the latest day not after the publication date", () => {
    expect(values("On June 27, the United States conducted airstrikes.")).toEqual([["June 27", "2021-06-27"]]);
    expect(values("On June 27, the United States conducted airstrikes.", "2021-06-20")).toEqual([["June 27", "2020-06-27"]]);
    expect(datesIn("On June 27, strikes.")[0]!.yearInferred).toBe("The text gives no year; taken as the latest June 27 not after the publication date 2021-07-08.");
  });

  it("takes the year nearest the date written before it in the paragraph", () => {
    expect(values("The first was on February 25, when strikes hit. In June, a senator said so.", "2021-12-31")).toEqual([
      ["February 25", "2021-02-25"],
      ["June", "2021-06"],
    ]);
  });

  it("reads ranges, months, qualified years and years written out", () => {
    expect(values("Five drone attacks happened between April and June 2021.")).toEqual([["between April and June 2021", "2021-04/2021-06"]]);
    expect(values("At least six attacks since April.")).toEqual([["since April", "2021-04/.."]]);
    expect(values("The group formed in mid-2014; in 2016 it was integrated.")).toEqual([
      ["mid-2014", "2014"],
      ["2016", "2016"],
    ]);
    expect(datesIn("The group formed in mid-2014.")[0]!.precision).toBe("YEAR");
  });

  it("does not read a count after a date as a two-digit year, a name's number as a year, or a weekday as a date", () => {
    expect(values("On July 7, 14 rockets were fired at the base.")).toEqual([["July 7", "2021-07-07"]]);
    expect(values("The 2002 AUMF was cited on Saturday and tomorrow.")).toEqual([]);
  });
});
