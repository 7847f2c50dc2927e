/**
 * The rules of the data model's accounts, ranks, proximity, disputes and
 * geography: each broken once in a tiny fixture, each reported with file,
 * record id and field.
 */
import { describe, expect, it } from "vitest";
import { SOURCE_TEXT, broken, geographyFixture, list, problemsOf, validFixture } from "./fixture-data.js";
import type { Loose } from "./fixture-data.js";

const claim = (fields: Loose): Loose => ({
  measure: "KILLED",
  qualifier: "EXACT",
  count: 4,
  subject: "men",
  account: "ap",
  evidence: { document: "doc", excerpt: "conducted airstrikes", attribution: "the AP", position: { start: 30, end: 50 } },
  ...fields,
});
const claimsOf = (files: Loose) => list(files as never, "entities/events.yaml")[0]!.claims as Loose[];

describe("claim accounts", () => {
  it("accept claims of one account that add up, and alternative accounts", () => {
    const files = broken((f) => claimsOf(f).push(claim({}), claim({ count: 2 }), claim({ account: "monitor", qualifier: "AT_LEAST", count: 7, evidence: { ...claim({}).evidence, attribution: "a monitor" } })));
    expect(problemsOf(files, SOURCE_TEXT)).toEqual([]);
  });

  it("require every claim to name its account", () => {
    const problems = problemsOf(broken((f) => delete claimsOf(f)[0]!.account));
    expect(problems).toEqual([expect.stringMatching(/entities\/events\.yaml: us-strike-2021-06-27: claims\.0\.account: /)]);
  });

  it("reject an account mixing measures", () => {
    const problems = problemsOf(broken((f) => claimsOf(f).push(claim({}), claim({ measure: "WOUNDED" }))));
    expect(problems).toEqual([
      'entities/events.yaml: us-strike-2021-06-27: claims.2.measure: account "ap" mixes measures: WOUNDED here, KILLED at claims.1; an account counts one measure',
    ].map((p) => expect.stringContaining(p)));
  });

  it("reject an account mixing sources or scopes", () => {
    const problems = problemsOf(
      broken((f) => claimsOf(f).push(claim({}), claim({ evidence: { ...claim({}).evidence, attribution: "Reuters" } }), claim({ scope: "fighters" }))),
    );
    expect(problems).toEqual([
      expect.stringContaining('us-strike-2021-06-27: claims.2.evidence.attribution: account "ap" mixes sources: "Reuters" here, "the AP" at claims.1'),
      expect.stringContaining('us-strike-2021-06-27: claims.3.scope: account "ap" mixes scopes'),
    ]);
  });

  it("give 'none reported' one encoding: EXACT 0 is refused", () => {
    const problems = problemsOf(broken((f) => claimsOf(f).push(claim({ count: 0 }))));
    expect(problems).toEqual([expect.stringContaining("us-strike-2021-06-27: claims.1.qualifier: none reported is written NONE_REPORTED, with no count")]);
  });
});

describe("ranks", () => {
  it("require a reason for a rank other than NORMAL, on claims and relations", () => {
    const problems = problemsOf(
      broken((f) => {
        claimsOf(f)[0]!.rank = "PREFERRED";
        list(f, "relations/all.yaml")[1]!.rank = "DEPRECATED";
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining("entities/events.yaml: us-strike-2021-06-27: claims.0.rankReason: is required when rank is PREFERRED"),
      expect.stringContaining("relations/all.yaml: strike-attacks-kh: rankReason: is required when rank is DEPRECATED"),
    ]);
  });

  it("refuse a reason without a rank to explain", () => {
    const problems = problemsOf(broken((f) => (list(f, "relations/all.yaml")[1]!.rankReason = "Because.")));
    expect(problems).toEqual([expect.stringContaining("relations/all.yaml: strike-attacks-kh: rank: must be PREFERRED or DEPRECATED when a rankReason is given")]);
  });
});

describe("proximity and disputes", () => {
  it("require NEAR to give the relation as written", () => {
    const problems = problemsOf(broken((f) => delete list(f, "relations/places.yaml")[1]!.role, geographyFixture()));
    expect(problems).toEqual([expect.stringContaining("relations/places.yaml: camp-near-baghdad: role: is required for NEAR: the relation as written")]);
  });

  it("require DISPUTES to name an account the disputed event has", () => {
    const dispute = (account?: string): Loose => ({
      id: "iran-disputes-strike",
      type: "DISPUTES",
      source: "iran-government",
      target: "us-strike-2021-06-27",
      ...(account ? { account } : {}),
      evidence: [{ document: "doc", excerpt: "Iran condemned the strikes", attribution: "the article" }],
    });
    expect(problemsOf(broken((f) => list(f, "relations/all.yaml").push(dispute("article"))))).toEqual([]);
    expect(problemsOf(broken((f) => list(f, "relations/all.yaml").push(dispute())))).toEqual([
      expect.stringContaining("relations/all.yaml: iran-disputes-strike: account: is required for DISPUTES"),
    ]);
    expect(problemsOf(broken((f) => list(f, "relations/all.yaml").push(dispute("telegram"))))).toEqual([
      expect.stringContaining('relations/all.yaml: iran-disputes-strike: account: "us-strike-2021-06-27" has no claims in an account "telegram"'),
    ]);
  });

  it("keep `account` to DISPUTES relations", () => {
    const problems = problemsOf(broken((f) => (list(f, "relations/all.yaml")[1]!.account = "article")));
    expect(problems).toEqual([expect.stringContaining("relations/all.yaml: strike-attacks-kh: account: belongs to DISPUTES relations only (this is ATTACKS)")]);
  });
});

describe("geography", () => {
  it("accepts places with locations and countries", () => {
    expect(problemsOf(geographyFixture())).toEqual([]);
  });

  it("refuses a gazetteer fact attributed to the article", () => {
    const problems = problemsOf(broken((f) => (list(f, "relations/places.yaml")[2]!.evidence[0].attribution = "the article"), geographyFixture()));
    expect(problems).toEqual([
      expect.stringContaining('relations/places.yaml: camp-located-in-iraq: evidence.0.attribution: "gaz" is a gazetteer, not the article: attribute the fact to the gazetteer'),
    ]);
  });

  it("takes coordinates from a gazetteer only", () => {
    const problems = problemsOf(broken((f) => (list(f, "geography/locations.yaml")[1]!.coordinates.evidence.document = "doc"), geographyFixture()));
    expect(problems).toEqual([expect.stringContaining('geography/locations.yaml: baghdad: coordinates.evidence.document: coordinates come from a gazetteer, not from an article ("doc")')]);
  });

  it("requires a location record for every place and base", () => {
    const problems = problemsOf(broken((f) => list(f, "geography/locations.yaml").pop(), geographyFixture()));
    expect(problems).toEqual([expect.stringContaining("entities/places.yaml: camp: -: has no location in data/geography/")]);
  });

  it("requires either coordinates or the reason there are none", () => {
    const problems = problemsOf(broken((f) => (list(f, "geography/locations.yaml")[2]!.unresolved = "Unknown."), geographyFixture()));
    expect(problems).toEqual([expect.stringContaining("geography/locations.yaml: camp: coordinates: give either coordinates or `unresolved`")]);
  });

  it("requires every place and base to lie in a country, and NEAR is not inside", () => {
    const problems = problemsOf(broken((f) => list(f, "relations/places.yaml").pop(), geographyFixture()));
    expect(problems).toEqual([expect.stringContaining("entities/places.yaml: camp: -: lies in no country: add a LOCATED_IN chain to a COUNTRY place")]);
  });

  it("does not count a deprecated LOCATED_IN", () => {
    const problems = problemsOf(
      broken((f) => Object.assign(list(f, "relations/places.yaml")[2]!, { rank: "DEPRECATED", rankReason: "Wrong." }), geographyFixture()),
    );
    expect(problems).toEqual([expect.stringContaining("camp: -: lies in no country")]);
  });

  it("requires a gazetteer to say its publisher, version and licence", () => {
    const problems = problemsOf(broken((f) => delete (f["sources.yaml"] as Loose[])[1]!.licence, geographyFixture()));
    expect(problems).toEqual([expect.stringContaining("sources.yaml: gaz: licence: is required for a GAZETTEER")]);
  });

  it("names the coordinates' `via` entity among the known ones", () => {
    const problems = problemsOf(broken((f) => (list(f, "geography/locations.yaml")[2]!.coordinates.via = "bagdad"), geographyFixture()));
    expect(problems).toEqual([expect.stringContaining('geography/locations.yaml: camp: coordinates.via: unknown entity "bagdad"')]);
  });
});

describe("open-ended dates", () => {
  it("accept an interval open at one end, and refuse one open at both", () => {
    expect(problemsOf(broken((f) => (list(f, "entities/events.yaml")[0]!.date.value = "../2021-06-27")))).toEqual([]);
    expect(problemsOf(broken((f) => (list(f, "entities/events.yaml")[0]!.date.value = "../..")))).toEqual([
      expect.stringContaining('us-strike-2021-06-27: date.value: interval "../.." is open at both ends'),
    ]);
  });

  it("are valid in the untouched fixture", () => {
    expect(problemsOf(validFixture())).toEqual([]);
  });
});
