/**
 * What the drafter reads from tiny texts: candidate entities and their kinds,
 * events, attributions, claims with their qualifiers and accounts, and the
 * pattern relations (src/drafting/). Every record is `status: proposed`.
 */
import { describe, expect, it } from "vitest";
import { claimsOf, draftOf, events, named, relationLines } from "./helpers.js";

describe("candidate entities", () => {
  const draft = draftOf(
    [
      "On June 27, the United States conducted airstrikes against two Iraqi militias—Kataib Hezbollah and Kataib Sayyid al Shuhada—that are trained, armed, funded and sometimes directed by Iran.",
      "In a statement, Pentagon Press Secretary John Kirby said that the strikes were necessary.",
      "The two groups were part of the Popular Mobilization Forces (PMF), an umbrella group formed in mid-2014.",
      "The PMF were integrated into Iraq’s security forces.",
      "A drone attacked Balad Air Base north of Baghdad.",
    ].join(" "),
  );

  it("guesses a kind from the words around a name, and says why", () => {
    expect(named(draft, "Kataib Hezbollah")).toMatchObject({ kind: "Militia", status: "proposed" });
    expect(named(draft, "Kataib Hezbollah")!.description).toContain('listed after "militias"');
    expect(named(draft, "John Kirby")).toMatchObject({ kind: "Official" });
    expect(named(draft, "John Kirby")!.description).toContain('the title "Press Secretary"');
    expect(named(draft, "Pentagon")).toMatchObject({ kind: "Organization" });
    expect(named(draft, "Popular Mobilization Forces")).toMatchObject({ kind: "UmbrellaGroup" });
    expect(named(draft, "Balad Air Base")).toMatchObject({ kind: "Base", facilityType: "AIR_BASE" });
  });

  it("makes a country acting a government, and a country things are in a place", () => {
    expect(named(draft, "Iran")).toMatchObject({ kind: "Government" });
    expect(named(draft, "United States")).toMatchObject({ kind: "Government", id: "united-states-government" });
  });

  it("takes an acronym written after a name as its alias", () => {
    expect(named(draft, "Popular Mobilization Forces")!.aliases).toContain("PMF");
  });

  it("cites the sentence each is named in, with its position", () => {
    const kh = named(draft, "Kataib Hezbollah")!;
    const evidence = kh.evidence[0]!;
    expect(evidence.excerpt.startsWith("On June 27, the United States")).toBe(true);
    const text = draft.entities.length > 0 ? evidence.excerpt : "";
    expect(evidence.position!.end - evidence.position!.start).toBe(text.length);
  });
});

describe("events", () => {
  it("proposes an event for a dated sentence with an attack, typed by the attack word nearest its date, one per type and day", () => {
    const draft = draftOf(
      "December 29: The United States struck three facilities.\n\nThe airstrikes were in response to a rocket attack on a base on December 27.\n\nOn December 29, more strikes hit a depot.",
      { published: "2020-01-10" },
    );
    expect(events(draft).map((e) => [e.eventType, e.date.value])).toEqual([
      ["AIRSTRIKE", "2019-12-29"],
      ["ROCKET_ATTACK", "2019-12-27"],
    ]);
    expect(events(draft)[0]!.evidence).toHaveLength(2);
  });

  it("proposes no event for a date in a statement's heading or a quotation", () => {
    const draft = draftOf("On June 28, President Joe Biden told reporters, “I directed last night's airstrikes on militia sites used in attacks.”");
    expect(events(draft)).toEqual([]);
  });
});

describe("attributions, guessed from the sentence", () => {
  const claim = (text: string) => claimsOf(draftOf(`On June 27, rockets hit a base. ${text}`))[0]!;

  it('reads "..., X said." and "X said that ..."', () => {
    expect(claim("Four men were killed, the Pentagon said.").evidence.attribution).toBe("the Pentagon");
    // A speaker's leading article is written in lower case, as the data writes attributions.
    expect(claim("The Pentagon said that four men were killed.").evidence.attribution).toBe("the Pentagon");
  });

  it('reads "according to X" and "X reported"', () => {
    expect(claim("Three soldiers were wounded, according to the Iraqi military.").evidence.attribution).toBe("the Iraqi military");
    expect(claim("Two civilians were killed, Reuters reported.").evidence.attribution).toBe("Reuters");
  });

  it('reads "X told Y that ..." and "X claimed that ..., Y reported"', () => {
    expect(claim("Iraqi military officials told The Associated Press that four men were killed.").evidence.attribution).toBe("Iraqi military officials told The Associated Press");
    expect(claim("Iraqi sources claimed that 25 militants were killed, Reuters reported.").evidence.attribution).toBe("Iraqi sources, as reported by Reuters");
  });

  it("names the sources in attributedTo, making a source the text does not name a candidate of its own", () => {
    const draft = draftOf("On June 27, rockets hit a base. Iraqi sources claimed that 25 militants were killed, Reuters reported.");
    const evidence = claimsOf(draft)[0]!.evidence;
    expect(evidence.attributedTo).toEqual([named(draft, "Iraqi sources")!.id, named(draft, "Reuters")!.id]);
    expect(named(draft, "Iraqi sources")).toMatchObject({ kind: "MediaSource", mediaType: "UNNAMED_SOURCES" });
  });

  it('gives "he" the person last named as a source, and defaults to the document itself', () => {
    const draft = draftOf("• On July 7, rockets hit the base, spokesman Col. Wayne Marotto tweeted. Two base personnel sustained minor injuries, he added.");
    const wounded = claimsOf(draft).find((c) => c.measure === "WOUNDED")!;
    expect(wounded.evidence.attribution).toBe("spokesman Col. Wayne Marotto");
    expect(claim("No casualties were reported.").evidence.attribution).toBe("the article");
  });
});

describe("claims, with qualifiers and accounts", () => {
  const claims = (text: string) => claimsOf(draftOf(`On June 27, strikes hit a depot. ${text}`)).map((c) => [c.measure, c.qualifier, c.count ?? null, c.subject]);

  it("reads exact, at least, more than, several and none", () => {
    expect(claims("At least seven were killed, a monitor reported.")).toEqual([["KILLED", "AT_LEAST", 7, "people"]]);
    expect(claims("More than 60 fighters were wounded.")).toEqual([["WOUNDED", "MORE_THAN", 60, "fighters"]]);
    expect(claims("Several militants were killed, but the Pentagon did not specify how many.")).toEqual([["KILLED", "SEVERAL", null, "militants"]]);
    expect(claims("No casualties were reported.")).toEqual([["CASUALTIES", "NONE_REPORTED", null, "casualties"]]);
    expect(claims("The Pentagon did not report casualties.")).toEqual([["CASUALTIES", "UNSPECIFIED", null, "casualties"]]);
  });

  it("splits a list of counts, and keeps one source's figures for one measure in one account", () => {
    const draft = draftOf("On June 27, rockets hit a base. Four American and two Iraqi service members were wounded.");
    const wounded = claimsOf(draft);
    expect(wounded.map((c) => [c.count, c.subject])).toEqual([
      [4, "American service members"],
      [2, "Iraqi service members"],
    ]);
    expect(new Set(wounded.map((c) => c.account)).size).toBe(1);
    expect(wounded.every((c) => c.status === "proposed")).toBe(true);
  });

  it("makes each source's version an account of its own", () => {
    const draft = draftOf("On June 27, strikes hit a depot. Iraqi military officials told The Associated Press that four men were killed, while a Britain-based monitor reported that at least seven were killed.");
    const killed = claimsOf(draft);
    expect(killed.map((c) => [c.qualifier, c.count, c.evidence.attribution])).toEqual([
      ["EXACT", 4, "Iraqi military officials told The Associated Press"],
      ["AT_LEAST", 7, "a Britain-based monitor"],
    ]);
    expect(killed[0]!.account).not.toBe(killed[1]!.account);
  });

  it("counts rockets and drones", () => {
    expect(claims("Three rockets landed on the perimeter.")).toContainEqual(["ROCKETS", "EXACT", 3, "rockets"]);
    expect(claims("A third rocket hit a residential area.")).toContainEqual(["ROCKETS", "EXACT", 1, "rocket"]);
  });
});

describe("pattern relations, each with its sentence as evidence", () => {
  it("retaliation: the event told before the words answers the ones told after them", () => {
    const draft = draftOf("December 29: The United States struck three facilities.\n\nThe airstrikes were in response to a rocket attack on a base on December 27, the Pentagon said.", { published: "2020-01-10" });
    expect(relationLines(draft)).toContain("RETALIATES_FOR AIRSTRIKE 2019-12-29 -> ROCKET_ATTACK 2019-12-27");
    const retaliation = draft.relations.find((r) => r.type === "RETALIATES_FOR")!;
    expect(retaliation).toMatchObject({ status: "proposed", evidence: [{ attribution: "the Pentagon" }] });
  });

  it("retaliation for attacks listed after the sentence", () => {
    const draft = draftOf("On June 27, the United States conducted airstrikes on militia sites.\n\nThe U.S. strikes were in response to a string of drone attacks since April. The attacks included:\n\n• On April 14, a drone attacked a base.\n• On May 8, a drone attacked an airport.");
    const lines = relationLines(draft);
    expect(lines).toContain("RETALIATES_FOR AIRSTRIKE 2021-06-27 -> DRONE_ATTACK 2021-04-14");
    expect(lines).toContain("RETALIATES_FOR AIRSTRIKE 2021-06-27 -> DRONE_ATTACK 2021-05-08");
    expect(lines).toContain("RETALIATES_FOR AIRSTRIKE 2021-06-27 -> ATTACK_SERIES 2021-04/..");
  });

  it("condemnation, backing, attacks and targets, interception, killed in", () => {
    const draft = draftOf(
      [
        "On June 27, the United States struck two Kataib Hezbollah facilities near the border. Several Kataib Hezbollah militants were killed.",
        "Iran condemned the strikes.",
        "Many of the PMF militias had been trained, armed or backed by Iran.",
        "On July 7, the U.S.-backed Syrian Democratic Forces (SDF) foiled a drone attack on the Omar Base.",
        "January 3: The United States struck a convoy. The drone strike killed seven people including General Qassem Soleimani, a commander.",
      ].join(" "),
      { published: "2021-07-08" },
    );
    const lines = relationLines(draft);
    expect(lines).toContain("CONDEMNS Iran -> AIRSTRIKE 2021-06-27");
    expect(lines).toContain("BACKS Iran -> PMF militias");
    expect(lines).toContain("BACKS United States -> Syrian Democratic Forces");
    expect(lines).toContain("ATTACKS AIRSTRIKE 2021-06-27 -> Kataib Hezbollah");
    expect(lines).toContain("ATTACKS DRONE_ATTACK 2021-07-07 -> Omar Base");
    expect(lines).toContain("INTERCEPTED Syrian Democratic Forces -> DRONE_ATTACK 2021-07-07");
    expect(lines).toContain("KILLED_IN Qassem Soleimani -> AIRSTRIKE 2021-01-03");
    expect(lines).toContain("CARRIED_OUT United States -> AIRSTRIKE 2021-06-27");
  });

  it("proposes only relations whose kinds the ontology allows, and notes the others as undecided", () => {
    const draft = draftOf("On June 27, strikes hit a depot. The drone strike killed seven people including the Revolutionary Guards.");
    expect(draft.relations.filter((r) => r.type === "KILLED_IN")).toEqual([]);
    expect(draft.undecided.some((u) => u.what === "relation" && u.text.includes("KILLED_IN"))).toBe(true);
  });
});
