import { describe, expect, it } from "vitest";
import { parsePartialDate } from "../../src/model/dates.js";

describe("partial dates carry their precision and the days they may refer to", () => {
  it.each([
    ["2021-06-27", "DAY", "2021-06-27", "2021-06-27"],
    ["2021-06", "MONTH", "2021-06-01", "2021-06-30"],
    ["2020-02", "MONTH", "2020-02-01", "2020-02-29"],
    ["2014", "YEAR", "2014-01-01", "2014-12-31"],
    ["2021-04/2021-06-26", "RANGE", "2021-04-01", "2021-06-26"],
    ["2019-12-27/2021-07-08", "RANGE", "2019-12-27", "2021-07-08"],
  ])("%s is %s precision, %s to %s", (value, precision, earliest, latest) => {
    expect(parsePartialDate(value)).toEqual({ value, precision, earliest, latest });
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parsePartialDate("2020-02-29")).toMatchObject({ precision: "DAY" });
    expect(parsePartialDate("2021-02-29")).toBe('day 29 in "2021-02-29" does not exist (2021-02 has 28 days)');
  });

  it("rejects intervals with more than two ends", () => {
    expect(parsePartialDate("2021/2022/2023")).toBe('"2021/2022/2023" has more than one "/"');
  });
});
