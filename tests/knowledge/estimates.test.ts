/**
 * Low / best / high estimates: the rule on hand-built claims, one qualifier
 * or combination at a time, then the article's own hard cases through the
 * service on the bundled data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadService } from "../../src/app.js";
import type { ClaimQualifier } from "../../src/model/ontology.js";
import type { Claim, EntityRecord } from "../../src/model/records.js";
import { estimatesOf } from "../../src/service/estimates.js";
import type { KnowledgeService } from "../../src/service/knowledge-service.js";

const claim = (account: string, qualifier: ClaimQualifier, count?: number, extra: Partial<Claim> = {}): Claim => ({
  measure: "KILLED",
  qualifier,
  ...(count === undefined ? {} : { count }),
  subject: "people",
  account,
  evidence: { document: "doc", excerpt: `${account} ${qualifier} ${count ?? ""}`, attribution: account },
  ...extra,
});
const event = (...claims: Claim[]): EntityRecord =>
  ({ id: "e", kind: "Event", eventType: "AIRSTRIKE", name: "E", description: "E.", date: { value: "2021" }, evidence: [], claims }) as EntityRecord;
const figures = (...claims: Claim[]) => {
  const [estimate] = estimatesOf(event(...claims));
  return estimate ? [estimate.low, estimate.best, estimate.high] : null;
};

describe("what each qualifier gives", () => {
  it.each([
    ["EXACT 4", claim("a", "EXACT", 4), [4, 4, 4]],
    ["AT_LEAST 7 (no higher figure is stated)", claim("a", "AT_LEAST", 7), [7, 7, 7]],
    ["MORE_THAN 10", claim("a", "MORE_THAN", 10), [11, 11, 11]],
    ["SEVERAL", claim("a", "SEVERAL"), [2, 3, 3]],
    ["NONE_REPORTED", claim("a", "NONE_REPORTED"), [0, 0, 0]],
    ["UNSPECIFIED", claim("a", "UNSPECIFIED"), [null, null, null]],
  ] as const)("%s", (_name, c, expected) => {
    expect(figures(c)).toEqual(expected);
  });
});

describe("how accounts combine", () => {
  it("claims of one account add up", () => {
    expect(figures(claim("army", "EXACT", 3), claim("army", "EXACT", 2), claim("army", "EXACT", 1))).toEqual([6, 6, 6]);
  });

  it("alternative accounts give the range, and the median of their figures as best (the lower middle one)", () => {
    expect(figures(claim("a", "EXACT", 4), claim("b", "AT_LEAST", 7), claim("c", "EXACT", 4))).toEqual([4, 4, 7]);
    expect(figures(claim("a", "EXACT", 4), claim("b", "EXACT", 10))).toEqual([4, 4, 10]);
  });

  it("'several' widens the range but does not outvote a count", () => {
    expect(figures(claim("a", "SEVERAL"), claim("b", "EXACT", 25))).toEqual([2, 25, 25]);
  });

  it("a PREFERRED account gives the best figure", () => {
    expect(figures(claim("a", "EXACT", 4), claim("b", "EXACT", 9, { rank: "PREFERRED", rankReason: "Better." }))).toEqual([4, 9, 9]);
  });

  it("DEPRECATED claims take no part", () => {
    expect(figures(claim("a", "EXACT", 4), claim("b", "EXACT", 90, { rank: "DEPRECATED", rankReason: "Wrong." }))).toEqual([4, 4, 4]);
  });

  it("accounts of different scopes count different people and add up", () => {
    expect(figures(claim("us", "SEVERAL", undefined, { scope: "militants" }), claim("army", "EXACT", 6, { scope: "soldiers" }))).toEqual([8, 9, 9]);
  });

  it("a disputed account only widens `high` beside an undisputed one; alone it counts, flagged", () => {
    const [beside] = estimatesOf(event(claim("a", "EXACT", 1), claim("t", "EXACT", 3)), [], new Set(["t"]));
    expect(beside).toMatchObject({ low: 1, best: 1, high: 3, disputed: false });
    const [alone] = estimatesOf(event(claim("t", "EXACT", 20)), [], new Set(["t"]));
    expect(alone).toMatchObject({ low: 20, best: 20, high: 20, disputed: true });
  });

  it("measures are estimated apart, in order of first claim, and can be chosen", () => {
    const e = event(claim("a", "EXACT", 2, { measure: "WOUNDED" }), claim("a2", "EXACT", 1));
    expect(estimatesOf(e).map((x) => x.measure)).toEqual(["WOUNDED", "KILLED"]);
    expect(estimatesOf(e, ["KILLED"]).map((x) => x.measure)).toEqual(["KILLED"]);
  });
});

describe("the article's cases", () => {
  let service: KnowledgeService;
  beforeAll(() => {
    service = loadService();
  });
  const estimate = (id: string, measure: string) => service.estimatesOf(service.entity(id)).find((e) => e.measure === measure)!;
  const labels = (id: string, measure: string) => estimate(id, measure).accounts.map((a) => [a.label, a.attribution, a.low]);

  it("2021-06-27 killed: four (Iraqi military officials to AP), at least seven (a Britain-based monitor), four fighters (KSS)", () => {
    expect(estimate("us-strike-2021-06-27", "KILLED")).toMatchObject({ low: 4, best: 4, high: 7 });
    expect(labels("us-strike-2021-06-27", "KILLED")).toEqual([
      ["ap-iraqi-military", "Iraqi military officials told The Associated Press", 4],
      ["britain-based-monitor", "a Britain-based monitor", 7],
      ["kss", "Kataib Sayyid al Shuhada", 4],
    ]);
  });

  it("2020-03-13 killed: U.S. officials' several militants and the Iraqi military's 3 + 2 + 1 count different people", () => {
    expect(estimate("us-strike-2020-03-13", "KILLED")).toMatchObject({ low: 8, best: 9, high: 9 });
    const iraqi = estimate("us-strike-2020-03-13", "KILLED").accounts.find((a) => a.label === "iraqi-military")!;
    expect(iraqi.claims.map((c) => c.count)).toEqual([3, 2, 1]);
    expect(iraqi).toMatchObject({ low: 6, best: 6, high: 6 });
  });

  it("2019-12-29: the Pentagon's unnumbered 'several' beside Iraqi sources' 25 killed and 55 wounded (via Reuters)", () => {
    expect(estimate("us-strike-2019-12-29", "KILLED")).toMatchObject({ low: 2, best: 25, high: 25 });
    expect(labels("us-strike-2019-12-29", "KILLED").map(([label, attribution]) => [label, attribution])).toEqual([
      ["pentagon", "the Pentagon"],
      ["iraqi-sources-killed", "Iraqi sources, as reported by Reuters"],
    ]);
    expect(estimate("us-strike-2019-12-29", "WOUNDED")).toMatchObject({ low: 55, best: 55, high: 55 });
  });

  it("2020-01-03: seven killed, including two named", () => {
    expect(estimate("us-strike-2020-01-03", "KILLED")).toMatchObject({ low: 7, best: 7, high: 7 });
    expect(service.neighborsOf("us-strike-2020-01-03", { types: ["KILLED_IN"], direction: "backward" }).map((e) => e.id)).toEqual(
      expect.arrayContaining(["qassem-soleimani", "abu-mahdi-al-muhandis"]),
    );
  });

  it("2021-07-06: the Telegram channels' rockets stand alone and disputed; their drones only widen the range", () => {
    expect(estimate("drone-attack-2021-07-06", "ROCKETS")).toMatchObject({ low: 20, best: 20, high: 20, disputed: true });
    expect(estimate("drone-attack-2021-07-06", "DRONES")).toMatchObject({ low: 1, best: 1, high: 3, disputed: false });
    const rockets = estimate("drone-attack-2021-07-06", "ROCKETS").accounts[0]!;
    expect(service.disputesOf(rockets).map((r) => r.source)).toEqual(["pentagon"]);
  });

  it("'none reported' has one encoding", () => {
    const claims = service.entities({ kind: "EVENT", first: 100 }).items.flatMap((e) => e.claims ?? []);
    expect(claims.filter((c) => c.count === 0)).toEqual([]);
    expect(claims.filter((c) => c.qualifier === "NONE_REPORTED").length).toBeGreaterThan(10);
  });
});
