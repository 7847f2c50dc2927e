/**
 * Analysts' questions answered from the bundled data, through the service
 * layer (no GraphQL): the graph must answer what the article supports.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadService } from "../../src/app.js";
import type { KnowledgeService } from "../../src/service/knowledge-service.js";
import type { EntityRecord } from "../../src/model/records.js";

let service: KnowledgeService;
beforeAll(() => {
  service = loadService();
});

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
const claimsOf = (id: string) => service.entity(id).claims ?? [];
const dateOf = (id: string) => {
  const entity = service.entity(id) as Extract<EntityRecord, { date: unknown }>;
  return service.dateView(entity.date);
};

describe("who backs whom", () => {
  it("Iran backs Kataib Hezbollah, Kataib Sayyid al Shuhada and the Iran-backed militias", () => {
    const backed = ids(service.neighborsOf("iran-government", { types: ["BACKS"], direction: "forward" }));
    expect(backed).toEqual(expect.arrayContaining(["kataib-hezbollah", "kataib-sayyid-al-shuhada", "iran-backed-militias"]));
  });

  it("says how Iran backs the two militias, with the article's words", () => {
    const [relation] = service.relations({ type: "BACKS", sourceId: "iran-government", targetId: "kataib-hezbollah", first: 10 }).items;
    expect(relation!.evidence.map((e) => e.excerpt).join(" ")).toContain("trained, armed, funded and sometimes directed by Iran");
  });

  it("the United States backs the SDF", () => {
    expect(ids(service.neighborsOf("sdf", { types: ["BACKS"], direction: "backward" }))).toEqual(["us-government"]);
  });

  it("both militias struck on June 27, 2021 belong to the PMF and the IRCC", () => {
    for (const militia of ["kataib-hezbollah", "kataib-sayyid-al-shuhada"]) {
      expect(ids(service.neighborsOf(militia, { relationTypes: ["MEMBER_OF"], direction: "forward" }))).toEqual(
        expect.arrayContaining(["pmf", "ircc"]),
      );
    }
  });
});

describe("what retaliated for what", () => {
  it("the January 3, 2020 strike answered the storming of the embassy on December 31, 2019", () => {
    expect(ids(service.neighborsOf("us-strike-2020-01-03", { types: ["RETALIATES_FOR"], direction: "forward" }))).toEqual([
      "embassy-storming-2019-12-31",
    ]);
  });

  it("each strike in the timeline answered the attack the Pentagon named", () => {
    const answered = (strike: string) => ids(service.neighborsOf(strike, { types: ["RETALIATES_FOR"], direction: "forward" }));
    expect(answered("us-strike-2019-12-29")).toEqual(["rocket-attack-2019-12-27"]);
    expect(answered("us-strike-2020-03-13")).toEqual(["rocket-attack-2020-03-11"]);
    expect(answered("us-strike-2021-02-25")).toEqual(expect.arrayContaining(["rocket-attacks-2021-02", "rocket-attack-2021-02-15"]));
    expect(answered("us-strike-2021-06-27")).toEqual(
      expect.arrayContaining(["drone-attacks-2021-04-to-2021-06", "drone-attack-2021-04-14", "drone-attack-2021-05-08", "drone-attack-2021-06-26"]),
    );
  });

  it("the retaliation chain of the June 27, 2021 strikes runs from the spring drone attacks to the July rockets, in date order", () => {
    const chain = service.retaliationChain({ eventId: "us-strike-2021-06-27" });
    expect(ids(chain.before)).toContain("drone-attack-2021-04-14");
    expect(ids(chain.after)).toEqual(expect.arrayContaining(["rocket-attack-2021-06-28", "rocket-attack-2021-07-08", "us-return-fire-2021-06-28"]));
    const days = chain.events.map((e) => dateOf(e.id).earliest);
    expect(days).toEqual([...days].sort());
  });
});

describe("reactions", () => {
  it("Iran, Iraq and the Fatah Coalition condemned the June 27, 2021 strikes", () => {
    expect(ids(service.neighborsOf("us-strike-2021-06-27", { types: ["CONDEMNS"], direction: "backward" })).sort()).toEqual([
      "fatah-coalition",
      "iran-government",
      "iraq-government",
    ]);
  });

  it("the IRCC pledged retaliation, and Biden directed the strikes", () => {
    expect(ids(service.neighborsOf("us-strike-2021-06-27", { types: ["PLEDGES_RETALIATION"], direction: "backward" }))).toEqual(["ircc"]);
    expect(ids(service.neighborsOf("us-strike-2021-06-27", { types: ["DIRECTED"], direction: "backward" }))).toEqual(["joe-biden"]);
  });
});

describe("disagreeing sources stay separate, each attributed", () => {
  it("keeps both death tolls for the June 27, 2021 strikes, and the militia's own count", () => {
    const killed = claimsOf("us-strike-2021-06-27").filter((c) => c.measure === "KILLED");
    expect(killed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ qualifier: "EXACT", count: 4, evidence: expect.objectContaining({ attribution: "Iraqi military officials told The Associated Press" }) }),
        expect.objectContaining({ qualifier: "AT_LEAST", count: 7, evidence: expect.objectContaining({ attribution: "a Britain-based monitor" }) }),
        expect.objectContaining({ qualifier: "EXACT", count: 4, evidence: expect.objectContaining({ attribution: "Kataib Sayyid al Shuhada" }) }),
      ]),
    );
  });

  it("keeps each count of the drone attacks that preceded the June 27 strikes", () => {
    const counts = claimsOf("drone-attacks-2021-04-to-2021-06")
      .filter((c) => c.measure === "ATTACKS")
      .map((c) => [c.qualifier, c.count, c.evidence.attribution]);
    expect(counts).toEqual(
      expect.arrayContaining([
        ["AT_LEAST", 6, "the article"],
        ["AT_LEAST", 5, "White House Press Secretary Jen Psaki"],
        ["EXACT", 5, "the article"],
      ]),
    );
  });

  it("keeps the Pentagon's unspecified toll beside Iraqi sources' figures for December 29, 2019", () => {
    const claims = claimsOf("us-strike-2019-12-29").map((c) => [c.measure, c.qualifier, c.count ?? null]);
    expect(claims).toEqual(expect.arrayContaining([["KILLED", "SEVERAL", null], ["KILLED", "EXACT", 25], ["WOUNDED", "EXACT", 55]]));
  });

  it("keeps the militias' claim of 20 rockets beside the coalition's one drone on July 6, 2021", () => {
    const claims = claimsOf("drone-attack-2021-07-06").map((c) => [c.measure, c.count]);
    expect(claims).toEqual(expect.arrayContaining([["ROCKETS", 20], ["DRONES", 3], ["DRONES", 1]]));
  });
});

describe("dates", () => {
  it.each([
    ["rocket-attack-2019-12-27", "2019-12-27"],
    ["us-strike-2019-12-29", "2019-12-29"],
    ["embassy-storming-2019-12-31", "2019-12-31"],
    ["us-strike-2020-01-03", "2020-01-03"],
    ["us-strike-2020-03-13", "2020-03-13"],
    ["us-strike-2021-02-25", "2021-02-25"],
    ["drone-attack-2021-04-14", "2021-04-14"],
    ["rocket-attack-2021-07-08", "2021-07-08"],
  ])("infers the year the article leaves out: %s is %s", (id, day) => {
    expect(dateOf(id)).toMatchObject({ value: day, precision: "DAY", yearInferred: true });
    expect(dateOf(id).yearInference).toBeTruthy();
  });

  it("does not mark a year as inferred where the article states it", () => {
    expect(dateOf("kirby-statement-2021-06-27")).toMatchObject({ value: "2021-06-27", precision: "DAY", yearInferred: false });
  });

  it("gives 'since April' as a range", () => {
    expect(dateOf("drone-attacks-2021-04-to-2021-06")).toMatchObject({ precision: "RANGE", earliest: "2021-04-01", latest: "2021-06-26" });
  });

  it("lists the US strikes in date order", () => {
    expect(ids(service.events({ types: ["AIRSTRIKE"] }))).toEqual([
      "us-strike-2019-12-29",
      "us-strike-2020-01-03",
      "us-strike-2020-03-13",
      "us-strike-2021-02-25",
      "us-strike-2021-06-27",
    ]);
  });
});

describe("people", () => {
  it("Soleimani and al Muhandis were killed in the January 3, 2020 strike", () => {
    expect(ids(service.neighborsOf("us-strike-2020-01-03", { types: ["KILLED_IN"], direction: "backward" })).sort()).toEqual([
      "abu-mahdi-al-muhandis",
      "qassem-soleimani",
    ]);
  });

  it("al Muhandis was a Kataib Hezbollah commander and deputy commander of the PMF", () => {
    const offices = service.relationsOf("abu-mahdi-al-muhandis", { types: ["HOLDS_OFFICE_IN"], direction: "forward" });
    expect(offices.map((r) => [r.target, r.role])).toEqual(
      expect.arrayContaining([
        ["kataib-hezbollah", expect.stringMatching(/senior commander/)],
        ["pmf", expect.stringMatching(/deputy commander/)],
      ]),
    );
  });
});

describe("names", () => {
  it.each(["Kataib Hezbollah", "Kata'ib Hezbollah", "kata’ib-hezbollah", "KH"])("finds Kataib Hezbollah as %s", (name) => {
    expect(service.resolve(name)).toEqual({ entity: service.entity("kataib-hezbollah") });
  });
});

describe("provenance", () => {
  it("every relation and every entity carries evidence from a known document", () => {
    const documents = new Set(service.sources().map((s) => s.id));
    const records = [...service.allEntities(), ...service.allRelations()];
    expect(records.length).toBe(service.stats().entities + service.stats().relations);
    for (const record of records) {
      expect(record.evidence.length, record.id).toBeGreaterThan(0);
      for (const evidence of record.evidence) {
        expect(documents.has(evidence.document), record.id).toBe(true);
        expect(evidence.attribution.trim(), record.id).not.toBe("");
      }
    }
  });
});

describe("where things are", () => {
  const countries = (id: string) => ids(service.countriesOf(id));

  it("every place and base lies in a country, except the regions that span several", () => {
    const sites = service.entities({ kind: "PLACE", first: 100 }).items.concat(service.entities({ kind: "BASE", first: 100 }).items);
    const without = sites.filter((site) => countries(site.id).length === 0 && !(site.kind === "Place" && ["COUNTRY", "TRANSNATIONAL_REGION"].includes(site.placeType)));
    expect(ids(without)).toEqual([]);
  });

  it("K1, Baghdad International Airport and the Baghdad Diplomatic Support Center are in Iraq, and the events there are found by country", () => {
    for (const site of ["k1-air-base", "baghdad-international-airport", "baghdad-diplomatic-support-center"]) expect(countries(site)).toEqual(["iraq"]);
    const inIraq = ids(service.events({ country: "iraq", first: 100 }));
    expect(inIraq).toEqual(expect.arrayContaining(["rocket-attack-2019-12-27", "us-strike-2020-01-03", "drone-attack-2021-06-09"]));
    expect(inIraq).not.toContain("us-strike-2021-02-25");
    expect(ids(service.events({ country: "syria", first: 100 }))).toContain("us-strike-2021-02-25");
  });

  it("a country filter names a COUNTRY place", () => {
    expect(() => service.events({ country: "baghdad" })).toThrow(/"baghdad" is a CITY, not a COUNTRY place/);
  });

  it("containment stays true: Balad and Camp Taji are near Baghdad, not in it", () => {
    const inside = (id: string) => ids(service.neighborsOf(id, { types: ["LOCATED_IN"], direction: "forward" }));
    const near = (id: string) => service.relationsOf(id, { types: ["NEAR"], direction: "forward" }).map((r) => [r.target, r.role]);
    expect(inside("balad-air-base")).not.toContain("baghdad");
    expect(near("balad-air-base")).toEqual([["baghdad", "north of"]]);
    expect(near("camp-taji")).toEqual([["baghdad", "near"]]);
    expect(ids(service.neighborsOf("baghdad", { types: ["LOCATED_IN"], direction: "backward" }))).not.toEqual(expect.arrayContaining(["balad-air-base"]));
  });

  it("near-misses are STRUCK_NEAR, not ATTACKS", () => {
    const struckNear = (id: string) => ids(service.neighborsOf(id, { types: ["STRUCK_NEAR"], direction: "forward" }));
    expect(struckNear("rocket-attack-2021-07-08")).toEqual(["us-embassy-baghdad"]);
    expect(struckNear("drone-attack-2021-06-26")).toEqual(["us-consulate-erbil-new-site"]);
    expect(ids(service.neighborsOf("rocket-attack-2021-07-08", { types: ["ATTACKS"], direction: "forward" }))).not.toContain("us-embassy-baghdad");
  });

  it("the article's two placings of Ain al Asad stand side by side, central Iraq preferred and listed first", () => {
    const placings = service.relationsOf("ain-al-asad-air-base", { types: ["LOCATED_IN"], direction: "forward" });
    expect(placings.map((r) => [r.target, r.rank ?? "NORMAL"])).toEqual([
      ["central-iraq", "PREFERRED"],
      ["northern-iraq", "NORMAL"],
    ]);
  });

  it("coordinates come from the gazetteer, with their precision and what they are the position of", () => {
    expect(service.coordinatesOf("kirkuk")).toMatchObject({ precision: "SITE", evidence: { document: "geonames-cities" } });
    expect(service.coordinatesOf("k1-air-base")).toMatchObject({ precision: "CITY", via: "kirkuk" });
    expect(service.coordinatesOf("us-strike-2020-01-03")).toMatchObject({ precision: "CITY", via: "baghdad-international-airport" });
    expect(service.unresolvedOf("iraq-syria-border-region")).toMatch(/more than one country/);
  });
});

describe("disputes", () => {
  it("the Pentagon disputes the Telegram channels' figures for July 6; it does not report the attack", () => {
    const disputes = service.relationsOf("drone-attack-2021-07-06", { types: ["DISPUTES"], direction: "backward" });
    expect(disputes.map((r) => [r.source, r.account])).toEqual([
      ["pentagon", "telegram-channels-rockets"],
      ["pentagon", "telegram-channels-drones"],
    ]);
    expect(ids(service.neighborsOf("drone-attack-2021-07-06", { types: ["REPORTED_BY"], direction: "forward" }))).not.toContain("pentagon");
  });
});

describe("offices", () => {
  it("no official lists the same body twice, and every office has its role", () => {
    for (const official of service.entities({ kind: "OFFICIAL", first: 100 }).items) {
      const offices = service.relationsOf(official.id, { types: ["HOLDS_OFFICE_IN", "SPEAKS_FOR"], direction: "forward" });
      const bodies = offices.map((r) => r.target);
      expect(new Set(bodies).size, official.id).toBe(bodies.length);
      for (const office of offices.filter((r) => r.type === "HOLDS_OFFICE_IN")) expect(office.role, office.id).toBeTruthy();
    }
  });

  it("Fatah is a pro-Iran bloc, the second largest in parliament", () => {
    expect(service.relationsOf("fatah-coalition", { types: ["AFFILIATED_WITH"], direction: "forward" }).map((r) => [r.target, r.role])).toEqual([["iran-government", "pro-Iran"]]);
    expect(service.entity("fatah-coalition").claims?.map((c) => [c.measure, c.count])).toEqual([
      ["SEATS", 48],
      ["SIZE_RANK", 2],
    ]);
  });
});
