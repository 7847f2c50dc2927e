import { DocumentText } from "../../src/loading/evidence-text.js";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { DataValidationError } from "../../src/loading/problems.js";
import { SOURCE_TEXT, broken, list, problemsOf, validFixture, writeFixture } from "./fixture-data.js";

describe("the loader accepts valid data", () => {
  it("loads every record of a valid data set", () => {
    const kb = loadKnowledgeBase(writeFixture(validFixture()), { sourceTexts: new Map([["doc", SOURCE_TEXT]]) });
    expect(kb.entities.map((e) => e.id)).toEqual(["us-government", "iran-government", "kataib-hezbollah", "us-strike-2021-06-27"]);
    expect(kb.relations).toHaveLength(3);
    expect(kb.sources.map((s) => s.id)).toEqual(["doc"]);
  });
});

describe("each validation rule names file, record id and field", () => {
  it("reports YAML syntax errors with the line", () => {
    const files = { ...validFixture(), "entities/actors.yaml": "- id: a\n  name: [unclosed\n" };
    // References into the unreadable file are not reported as dangling: the syntax error is the cause.
    expect(problemsOf(files)).toEqual([expect.stringMatching(/entities\/actors\.yaml: -: -: YAML syntax error at line 3, column 1: Flow sequence in block collection/)]);
  });

  it("requires each file to be a list of records", () => {
    const problems = problemsOf({ ...validFixture(), "relations/all.yaml": { id: "x" } });
    expect(problems).toEqual([expect.stringContaining("relations/all.yaml: -: -: must be a YAML list of records")]);
  });

  it("requires entity and relation files to exist", () => {
    const problems = problemsOf({ ...validFixture(), "relations/all.yaml": undefined });
    expect(problems).toEqual([expect.stringContaining("relations/*.yaml: -: -: no relations file found")]);
  });

  it("rejects duplicate ids, naming where the first one is", () => {
    const problems = problemsOf(broken((f) => list(f, "entities/events.yaml").push({ ...list(f, "entities/actors.yaml")[2] })));
    expect(problems).toEqual([
      expect.stringMatching(/entities\/events\.yaml: kataib-hezbollah: id: duplicate entity id \(first defined in .*entities\/actors\.yaml\)$/),
    ]);
  });

  it("rejects relations whose source or target does not exist", () => {
    const problems = problemsOf(
      broken((f) => {
        list(f, "relations/all.yaml")[1]!.target = "kataib-hizbollah";
        list(f, "relations/all.yaml")[0]!.source = "usa";
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining('relations/all.yaml: us-carried-out-strike: source: unknown entity "usa"'),
      expect.stringContaining('relations/all.yaml: strike-attacks-kh: target: unknown entity "kataib-hizbollah"'),
    ]);
  });

  it("rejects unknown entity kinds, listing the known ones", () => {
    const problems = problemsOf(broken((f) => (list(f, "entities/actors.yaml")[2]!.kind = "Gang")));
    expect(problems[0]).toContain('entities/actors.yaml: kataib-hezbollah: kind: unknown entity kind "Gang"; expected one of Militia, UmbrellaGroup');
    // The entity's id is still known, so relations to it are not reported as dangling.
    expect(problems).toHaveLength(1);
  });

  it("rejects unknown relation types", () => {
    const problems = problemsOf(broken((f) => (list(f, "relations/all.yaml")[2]!.type = "HATES")));
    expect(problems).toEqual([expect.stringMatching(/relations\/all\.yaml: iran-condemns-strike: type: Invalid option: expected one of .*"BACKS"/)]);
  });

  it("rejects a relation joining kinds its type does not allow", () => {
    const problems = problemsOf(
      broken((f) => list(f, "relations/all.yaml").push({ id: "kh-condemns-us", type: "RETALIATES_FOR", source: "kataib-hezbollah", target: "us-government", evidence: [{ document: "doc", excerpt: "Kataib Hezbollah", attribution: "the article" }] })),
    );
    expect(problems).toEqual([expect.stringContaining("relations/all.yaml: kh-condemns-us: type: RETALIATES_FOR may not join Militia -> Government; it allows Event -> Event")]);
  });

  it("rejects a relation from an entity to itself", () => {
    const problems = problemsOf(broken((f) => (list(f, "relations/all.yaml")[1]!.target = "us-strike-2021-06-27")));
    expect(problems).toEqual([
      expect.stringContaining("relations/all.yaml: strike-attacks-kh: target: a relation must join two different entities"),
      expect.stringContaining("strike-attacks-kh: type: ATTACKS may not join Event -> Event"),
    ]);
  });

  it.each([
    ["2021-13-01", 'month 13 in "2021-13-01" does not exist'],
    ["2021-02-30", 'day 30 in "2021-02-30" does not exist (2021-02 has 28 days)'],
    ["June 27", '"June 27" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)'],
    ["2021-06/2021-04", 'interval "2021-06/2021-04" ends before it starts'],
    ["0021-06-27", 'year 21 in "0021-06-27" is out of range 1900..2100'],
  ])("rejects the malformed or impossible date %s", (value, message) => {
    const problems = problemsOf(broken((f) => (list(f, "entities/events.yaml")[0]!.date.value = value)));
    expect(problems).toEqual([expect.stringContaining(`entities/events.yaml: us-strike-2021-06-27: date.value: ${message}`)]);
  });

  it("rejects a year written as a number (unquoted in YAML)", () => {
    const problems = problemsOf(broken((f) => (list(f, "entities/events.yaml")[0]!.date.value = 2021)));
    expect(problems).toEqual([expect.stringContaining("us-strike-2021-06-27: date.value: Invalid input: expected string, received number")]);
  });

  it("requires events to be dated", () => {
    const problems = problemsOf(broken((f) => delete list(f, "entities/events.yaml")[0]!.date));
    expect(problems).toEqual([expect.stringContaining("entities/events.yaml: us-strike-2021-06-27: date: Invalid input")]);
  });

  it("requires provenance on every relation and entity", () => {
    const problems = problemsOf(
      broken((f) => {
        list(f, "relations/all.yaml")[0]!.evidence = [];
        delete list(f, "entities/actors.yaml")[1]!.evidence;
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining("entities/actors.yaml: iran-government: evidence: Invalid input: expected array, received undefined"),
      expect.stringContaining("relations/all.yaml: us-carried-out-strike: evidence: at least one evidence entry is required"),
    ]);
  });

  it("requires each evidence entry to name a document, an excerpt and an attribution", () => {
    const problems = problemsOf(broken((f) => (list(f, "relations/all.yaml")[1]!.evidence = [{ document: "doc", excerpt: "  " }])));
    expect(problems).toEqual([
      expect.stringContaining("strike-attacks-kh: evidence.0.excerpt: must not be empty"),
      expect.stringContaining("strike-attacks-kh: evidence.0.attribution: Invalid input: expected string, received undefined"),
    ]);
  });

  it("rejects evidence citing an unknown document or attributing to an unknown entity", () => {
    const problems = problemsOf(
      broken((f) => {
        const claim = list(f, "entities/events.yaml")[0]!.claims[0];
        claim.evidence.document = "other-doc";
        list(f, "relations/all.yaml")[2]!.evidence[0].attributedTo = ["iran-foreign-ministry"];
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining('us-strike-2021-06-27: claims.0.evidence.document: unknown source document "other-doc"'),
      expect.stringContaining('iran-condemns-strike: evidence.0.attributedTo.0: unknown entity "iran-foreign-ministry"'),
    ]);
  });

  it("keeps excerpts short", () => {
    const problems = problemsOf(broken((f) => (list(f, "entities/actors.yaml")[0]!.evidence[0].excerpt = "x".repeat(401))));
    expect(problems).toEqual([expect.stringContaining("us-government: evidence.0.excerpt: must be at most 400 characters")]);
  });

  it("requires a count exactly when the claim's qualifier carries one", () => {
    const problems = problemsOf(
      broken((f) => {
        const event = list(f, "entities/events.yaml")[0]!;
        event.claims.push({ ...event.claims[0], measure: "KILLED", qualifier: "AT_LEAST" });
        event.claims[0].count = 3;
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining("us-strike-2021-06-27: claims.0.count: must be absent when qualifier is UNSPECIFIED"),
      expect.stringContaining("us-strike-2021-06-27: claims.1.count: is required when qualifier is AT_LEAST"),
    ]);
  });

  it("requires readable ids and names records without one by position", () => {
    const problems = problemsOf(
      broken((f) => {
        list(f, "entities/actors.yaml")[0]!.id = "US Government";
        delete list(f, "relations/all.yaml")[2]!.id;
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("entities/actors.yaml: US Government: id: must be lower-case words joined by hyphens, e.g. kataib-hezbollah"),
        expect.stringContaining("relations/all.yaml: #2: id: Invalid input: expected string, received undefined"),
      ]),
    );
  });

  it("rejects fields the schema does not know", () => {
    const problems = problemsOf(broken((f) => (list(f, "entities/actors.yaml")[2]!.alias = ["KH"])));
    expect(problems).toEqual([expect.stringContaining('kataib-hezbollah: -: Unrecognized key: "alias"')]);
  });

  it("reports every problem at once, not just the first", () => {
    const problems = problemsOf(
      broken((f) => {
        list(f, "entities/actors.yaml")[2]!.kind = "Gang";
        list(f, "relations/all.yaml")[0]!.source = "usa";
        list(f, "entities/events.yaml")[0]!.date.value = "2021-02-30";
      }),
    );
    expect(problems).toHaveLength(3);
  });

  it("builds nothing from data that failed validation", () => {
    const dir = writeFixture(broken((f) => (list(f, "relations/all.yaml")[0]!.source = "usa")));
    expect(() => loadKnowledgeBase(dir)).toThrow(DataValidationError);
    expect(() => loadKnowledgeBase(dir)).toThrow(/relations\/all\.yaml: us-carried-out-strike: source: unknown entity "usa"/);
  });
});

describe("the evidence check", () => {
  it("accepts excerpts that differ from the text only in whitespace and quote characters", () => {
    expect(problemsOf(validFixture(), SOURCE_TEXT)).toEqual([]);
  });

  it("rejects an excerpt that does not occur verbatim, naming the field", () => {
    const problems = problemsOf(
      broken((f) => (list(f, "relations/all.yaml")[1]!.evidence[0].excerpt = "airstrikes against Kata'ib Hezbollah")),
      SOURCE_TEXT,
    );
    expect(problems).toEqual([expect.stringContaining('strike-attacks-kh: evidence.0.excerpt: does not occur verbatim in source document "doc"')]);
  });

  it("checks claim evidence too", () => {
    const problems = problemsOf(broken((f) => (list(f, "entities/events.yaml")[0]!.claims[0].evidence.excerpt = "four killed")), SOURCE_TEXT);
    expect(problems).toEqual([expect.stringContaining("us-strike-2021-06-27: claims.0.evidence.excerpt: does not occur verbatim")]);
  });

  it("checks structure only when no text is given", () => {
    expect(problemsOf(broken((f) => (list(f, "entities/events.yaml")[0]!.claims[0].evidence.excerpt = "four killed")))).toEqual([]);
  });
});

describe("evidence positions (code points in the document's text, end exclusive)", () => {
  it("rejects a position that does not hold the excerpt, saying where it is", () => {
    const problems = problemsOf(broken((f) => (list(f, "relations/all.yaml")[1]!.evidence[0].position = { start: 0, end: 10 })), SOURCE_TEXT);
    expect(problems).toEqual([expect.stringContaining('strike-attacks-kh: evidence.0.position: {start: 0, end: 10} does not hold the excerpt in "doc"; it is at {start: 40, end: 75}')]);
  });

  it("requires a position wherever the text is checked, and says what it should be", () => {
    const problems = problemsOf(broken((f) => delete list(f, "relations/all.yaml")[1]!.evidence[0].position), SOURCE_TEXT);
    expect(problems).toEqual([expect.stringContaining("strike-attacks-kh: evidence.0.position: is missing: the excerpt is at {start: 40, end: 75}")]);
  });

  it("counts code points, not UTF-16 units: a position after an emoji is one less than JavaScript's index", () => {
    const text = new DocumentText("🚀 rockets hit Erbil");
    expect(text.locate("rockets hit")).toEqual({ start: 2, end: 13 });
    expect("🚀 rockets hit Erbil".indexOf("rockets")).toBe(3);
    expect(text.slice({ start: 2, end: 13 })).toBe("rockets hit");
  });

  it("finds an excerpt whose quotes and spaces differ from the text's", () => {
    const text = new DocumentText("Iran condemned the strikes, \u201ca blatant violation\u201d,  Foreign Ministry");
    expect(text.locate('strikes, "a blatant violation", Foreign')).toEqual({ start: 19, end: 59 });
  });

  it("refuses shapes that are not a span", () => {
    expect(problemsOf(broken((f) => (list(f, "relations/all.yaml")[1]!.evidence[0].position = { start: 5, end: 5 })))).toEqual([
      expect.stringContaining("evidence.0.position.end: end must be greater than start"),
    ]);
    expect(problemsOf(broken((f) => (list(f, "relations/all.yaml")[1]!.evidence[0].position = { start: -1, end: 5 })))).toEqual([
      expect.stringContaining("evidence.0.position.start"),
    ]);
  });
});

describe("claim corroboration", () => {
  it("accepts the same figure from a further document, and checks that entry's excerpt too", () => {
    const files = broken((f) => {
      (f["sources.yaml"] as Array<Record<string, unknown>>).push({ id: "wire", title: "A wire report", covers: { value: "2021-06-27" } });
      list(f, "entities/events.yaml")[0]!.claims[0].corroboration = [{ document: "wire", excerpt: "the strikes hit militia sites", attribution: "Reuters" }];
    });
    expect(problemsOf(files)).toEqual([]);
    expect(problemsOf(files, SOURCE_TEXT)).toEqual([]);
  });

  it("refuses a corroborating entry from the claim's own document", () => {
    const problems = problemsOf(broken((f) => (list(f, "entities/events.yaml")[0]!.claims[0].corroboration = [{ document: "doc", excerpt: "Kataib Hezbollah", attribution: "the article" }])));
    expect(problems).toEqual([expect.stringContaining('claims.0.corroboration.0.document: "doc" is already this claim\'s source')]);
  });
});
