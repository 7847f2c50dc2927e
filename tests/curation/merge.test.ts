/**
 * `conflict-graph merge DRAFT [--dry-run]`: a reviewed draft folded into a
 * data directory. What the data already has becomes corroborating evidence
 * (a relation's or an entity's further evidence, a claim's corroboration),
 * another figure a separate account, and the rest is added in files named
 * after the draft's document; the result is validated before anything is
 * written, and written all or nothing, every untouched byte kept. A draft
 * with a record still proposed, or whose result would not validate, is
 * refused with the list of what is wrong, and nothing changes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runCli } from "../../src/cli/run.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { BUNDLED_DATA_DIR, PACKAGE_ROOT } from "../../src/paths.js";
import type { Claim, EntityRecord, RelationRecord } from "../../src/model/records.js";
import { geographyFixture, list, validFixture, writeFixture } from "../loading/fixture-data.js";
import type { FixtureFiles } from "../loading/fixture-data.js";

async function cli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

/** The relations file of the data, written by hand: comments, quoting and blank lines the merge must keep. */
const RELATIONS = `# Who did what on June 27, 2021 (hand-written: the merge keeps these bytes).

- id: us-carried-out-strike
  type: CARRIED_OUT
  source: us-government
  target: us-strike-2021-06-27
  evidence:
    - document: doc
      excerpt: "the United States conducted airstrikes"
      attribution: "the article"
      position: {start: 15, end: 53}

- id: strike-attacks-kh # the militia struck
  type: ATTACKS
  source: us-strike-2021-06-27
  target: kataib-hezbollah
  evidence:
    - document: doc
      excerpt: 'airstrikes against Kataib Hezbollah'
      attribution: "the article"
      position: {start: 40, end: 75}

- id: iran-condemns-strike
  type: CONDEMNS
  source: iran-government
  target: us-strike-2021-06-27
  evidence:
    - document: doc
      excerpt: "Iran condemned the strikes, \\"a blatant violation\\", Foreign Ministry"
      attribution: "Foreign Ministry spokesman"
`;

/** The fixture, with the relations file above and a second account on the strike: a monitor's four killed. */
function data(files: FixtureFiles = validFixture()): string {
  const strike = list(files, "entities/events.yaml")[0]!;
  strike.claims.push({ measure: "KILLED", qualifier: "EXACT", count: 4, subject: "fighters", account: "monitor", evidence: { document: "doc", excerpt: "conducted airstrikes", attribution: "a monitor" } });
  files["relations/all.yaml"] = RELATIONS;
  return writeFixture(files);
}

/** The second document a draft brings: its record, and evidence quoting it. */
const SECOND = { id: "second-report", kind: "ARTICLE", title: "A second report", covers: { value: "2021-06-27" }, status: "accepted" };
const second = (excerpt: string, attribution = "the article") => ({ document: "second-report", excerpt, attribution });

function draft(content: { sources?: unknown[]; entities?: unknown[]; relations?: unknown[] }): string {
  const path = join(mkdtempSync(join(tmpdir(), "conflict-graph-merge-")), "second.draft.yaml");
  writeFileSync(path, stringify({ sources: [SECOND], entities: [], relations: [], ...content }));
  return path;
}

/** Every file of a directory and its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith(".yaml")).sort();
  return new Map(files.map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

const strikeOf = (dir: string) => loadKnowledgeBase(dir).entities.find((e) => e.id === "us-strike-2021-06-27")!;
const relationOf = (dir: string, id: string) => loadKnowledgeBase(dir).relations.find((r) => r.id === id)!;

/** The strike again, as the second report tells it (id the data's), with `claims`. */
const strikeAgain = (claims: unknown[]) => ({
  id: "us-strike-2021-06-27",
  kind: "Event",
  eventType: "AIRSTRIKE",
  name: "US strikes",
  description: "The strikes.",
  date: { value: "2021-06-27" },
  evidence: [second("U.S. aircraft struck militia sites on Sunday")],
  claims,
  status: "accepted",
});
const killed = (count: number, attribution: string, account: string, excerpt = "four fighters were killed") => ({
  measure: "KILLED", qualifier: "EXACT", count, subject: "fighters", account, evidence: second(excerpt, attribution), status: "accepted",
});

describe("a relation the data already has", () => {
  it("gains the draft's evidence entry: nothing is duplicated, and every other byte of the data is unchanged", async () => {
    const dir = data();
    const before = snapshot(dir);
    const path = draft({
      relations: [{ id: "second-strike-hit-kh", type: "ATTACKS", source: "us-strike-2021-06-27", target: "kataib-hezbollah", evidence: [second("U.S. jets hit Kataib Hezbollah")], status: "accepted" }],
    });
    const { code, stdout, stderr } = await cli("merge", path, "--data", dir);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("relations/all.yaml\n  evidence appended (1 entry on 1 record):\n    strike-attacks-kh +1");

    const after = snapshot(dir);
    expect(after.get("relations/all.yaml")).toBe(
      before.get("relations/all.yaml")!.replace(
        "      position: {start: 40, end: 75}\n",
        '      position: {start: 40, end: 75}\n    - document: second-report\n      excerpt: "U.S. jets hit Kataib Hezbollah"\n      attribution: "the article"\n',
      ),
    );
    expect(after.get("sources.yaml")!.startsWith(before.get("sources.yaml")!)).toBe(true);
    expect(parse(after.get("sources.yaml")!)).toContainEqual({ id: "second-report", kind: "ARTICLE", title: "A second report", covers: { value: "2021-06-27" } });
    for (const file of ["entities/actors.yaml", "entities/events.yaml"]) expect(after.get(file)).toBe(before.get(file));
    expect([...after.keys()]).toEqual([...before.keys()]);

    const kb = loadKnowledgeBase(dir);
    expect(kb.relations).toHaveLength(3);
    expect(relationOf(dir, "strike-attacks-kh").evidence.map((e) => e.document)).toEqual(["doc", "second-report"]);
  });

  it("is matched through an entity the data knows by another name, and a passage it already cites is not added again", async () => {
    const dir = data();
    const path = draft({
      entities: [{ id: "kata-ib-hezbollah", kind: "Militia", name: "Kata'ib Hezbollah", aliases: ["Hezbollah Brigades"], description: "A militia.", evidence: [second("Kata'ib Hezbollah")], status: "accepted" }],
      relations: [
        {
          id: "strike-attacks-kata-ib-hezbollah",
          type: "ATTACKS",
          source: "us-strike-2021-06-27",
          target: "kata-ib-hezbollah",
          evidence: [second("struck Kata'ib Hezbollah"), { document: "doc", excerpt: "On June 27, the United States conducted airstrikes against Kataib Hezbollah.", attribution: "the article" }],
          status: "accepted",
        },
      ],
    });
    const { code, stdout } = await cli("merge", path, "--data", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("entities.0 kata-ib-hezbollah is kataib-hezbollah (by name)");
    expect(stdout).toContain("Already in the data, so not added again: 1 evidence entry");
    const kb = loadKnowledgeBase(dir);
    expect(kb.entities.map((e) => e.id)).not.toContain("kata-ib-hezbollah");
    const kh = kb.entities.find((e) => e.id === "kataib-hezbollah")!;
    expect(kh.aliases).toEqual(["KH", "Hezbollah Brigades"]);
    expect(kh.evidence.map((e) => e.excerpt)).toEqual(["Kataib Hezbollah", "Kata'ib Hezbollah"]);
    expect(relationOf(dir, "strike-attacks-kh").evidence.map((e) => e.excerpt)).toEqual(["airstrikes against Kataib Hezbollah", "struck Kata'ib Hezbollah"]);
  });
});

describe("claims", () => {
  it("the same figure from the same source is corroborated by the new document (once; never by the claim's own document)", async () => {
    const dir = data();
    const path = draft({ entities: [strikeAgain([killed(4, "a monitor", "monitor-killed"), { ...killed(4, "a monitor", "again"), evidence: { document: "doc", excerpt: "conducted airstrikes", attribution: "a monitor" } }])] });
    const { code, stdout } = await cli("merge", path, "--data", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("corroborations added (1):\n    us-strike-2021-06-27 claims.1 (KILLED EXACT 4, account monitor): second-report");
    const claims = strikeOf(dir).claims!;
    expect(claims).toHaveLength(2);
    expect(claims[1]!.corroboration).toEqual([{ document: "second-report", excerpt: "four fighters were killed", attribution: "a monitor" }]);
    expect(strikeOf(dir).evidence.map((e) => e.document)).toEqual(["doc", "second-report"]);
  });

  it("a different figure is a separate account on the data's entity, under a label of its own", async () => {
    const dir = data();
    const path = draft({ entities: [strikeAgain([killed(7, "a monitor", "monitor", "at least seven were killed"), killed(4, "the Pentagon", "pentagon")])] });
    const { code, stdout } = await cli("merge", path, "--data", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("accounts added (2):\n    us-strike-2021-06-27: monitor-2 (KILLED, 1 claim)\n    us-strike-2021-06-27: pentagon (KILLED, 1 claim)");
    expect(stdout).toContain("account us-strike-2021-06-27: monitor -> monitor-2");
    const claims = strikeOf(dir).claims!;
    expect(claims.map((c: Claim) => `${c.account} ${c.count ?? "-"} ${c.evidence.attribution}`)).toEqual(["article - the article", "monitor 4 a monitor", "monitor-2 7 a monitor", "pentagon 4 the Pentagon"]);
    expect(claims.every((c) => c.status === undefined && c.corroboration === undefined)).toBe(true);
  });
});

describe("records the data does not have", () => {
  it("are added, without status, to files named after the draft's document; a clashing id is renamed and its references remapped", async () => {
    const dir = data();
    const path = draft({
      entities: [{ id: "john-kirby", kind: "Official", name: "John Kirby", description: "The Pentagon's press secretary.", evidence: [second("Pentagon Press Secretary John Kirby")], status: "accepted" }],
      relations: [
        { id: "strike-attacks-kh", type: "JUSTIFIES", source: "john-kirby", target: "us-strike-2021-06-27", evidence: [second("Kirby defended the strikes", "John Kirby")], status: "accepted" },
        { id: "kirby-speaks-for-us", type: "SPEAKS_FOR", source: "john-kirby", target: "us-government", role: "Pentagon press secretary", evidence: [second("Pentagon Press Secretary John Kirby")] },
      ],
    });
    const { code, stdout } = await cli("merge", path, "--data", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("entities/second-report.yaml (new file)\n  records added (1):\n    john-kirby");
    expect(stdout).toContain("relations/second-report.yaml (new file)\n  records added (2):\n    strike-attacks-kh-2\n    kirby-speaks-for-us");
    expect(stdout).toContain('relation strike-attacks-kh -> strike-attacks-kh-2: the data has a relation "strike-attacks-kh" joining other entities');
    const text = readFileSync(join(dir, "entities", "second-report.yaml"), "utf8");
    expect(text).toBe(
      [
        '# Entities first stated by the source document "second-report" (see sources.yaml), merged from a reviewed draft by `conflict-graph merge`.',
        "",
        "- id: john-kirby",
        "  kind: Official",
        '  name: "John Kirby"',
        `  description: "The Pentagon's press secretary."`,
        "  evidence:",
        "    - document: second-report",
        '      excerpt: "Pentagon Press Secretary John Kirby"',
        '      attribution: "the article"',
        "",
      ].join("\n"),
    );
    const kb = loadKnowledgeBase(dir);
    expect(kb.relations.find((r) => r.id === "strike-attacks-kh-2")).toMatchObject({ type: "JUSTIFIES", source: "john-kirby" });
    expect(kb.relations.find((r) => r.id === "strike-attacks-kh")).toMatchObject({ type: "ATTACKS" });
    expect([...kb.entities, ...kb.relations].every((r) => r.status === undefined)).toBe(true);
  });

  it("an event with a new id is the data's event when it has its type, a day within its date and its place; at another place it is another event", async () => {
    const files = geographyFixture();
    list(files, "relations/places.yaml").push({ id: "strike-at-camp", type: "OCCURRED_AT", source: "us-strike-2021-06-27", target: "camp", evidence: [{ document: "doc", excerpt: "airstrikes", attribution: "the article" }] });
    const dir = data(files);
    const event = (id: string, date: string) => ({ id, kind: "Event", eventType: "AIRSTRIKE", name: `Strikes (${id})`, description: "Strikes.", date: { value: date }, evidence: [second(`strikes ${id}`)], status: "accepted" });
    const at = (id: string, place: string) => ({ id: `${id}-at-${place}`, type: "OCCURRED_AT", source: id, target: place, evidence: [second(`strikes ${id} at ${place}`)], status: "accepted" });
    const path = draft({ entities: [event("june-strikes", "2021-06"), event("baghdad-strikes", "2021-06-27")], relations: [at("june-strikes", "camp"), at("baghdad-strikes", "baghdad")] });
    const { code, stdout } = await cli("merge", path, "--data", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("entities.0 june-strikes is us-strike-2021-06-27 (by type, date and place)");
    const kb = loadKnowledgeBase(dir);
    expect(kb.entities.filter((e) => e.kind === "Event").map((e) => e.id)).toEqual(["us-strike-2021-06-27", "baghdad-strikes"]);
    expect(kb.relations.find((r) => r.id === "strike-at-camp")!.evidence.map((e) => e.excerpt)).toEqual(["airstrikes", "strikes june-strikes at camp"]);
    expect(kb.relations.filter((r) => r.type === "OCCURRED_AT").map((r) => `${r.source} ${r.target}`)).toEqual(["us-strike-2021-06-27 camp", "baghdad-strikes baghdad"]);
  });

  it("a place or base added is spared only the location and country that `npm run geocode` gives it, and the merge says so", async () => {
    const dir = data(geographyFixture());
    const path = draft({ entities: [{ id: "al-qaim", kind: "Place", placeType: "CITY", name: "al Qaim", description: "A town.", evidence: [second("al Qaim")], status: "accepted" }] });
    const { code, stdout } = await cli("merge", path, "--data", dir);
    expect(code).toBe(0);
    expect(stdout).toContain(`Next: \`npm run geocode -- --data ${dir}\`: 1 place or base added (al-qaim) need a location and a country`);
    expect(() => loadKnowledgeBase(dir)).toThrow(/al-qaim: -: has no location/);
  });

  it("merged a second time, the same draft changes nothing", async () => {
    const dir = data();
    const path = draft({
      entities: [strikeAgain([killed(7, "a monitor", "monitor", "at least seven")]), { id: "john-kirby", kind: "Official", name: "John Kirby", description: "Kirby.", evidence: [second("John Kirby")], status: "accepted" }],
      relations: [{ id: "kirby-justifies", type: "JUSTIFIES", source: "john-kirby", target: "us-strike-2021-06-27", evidence: [second("Kirby defended the strikes")], status: "accepted" }],
    });
    expect((await cli("merge", path, "--data", dir)).code).toBe(0);
    const once = snapshot(dir);
    const { code, stdout } = await cli("merge", path, "--data", dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Nothing to merge: /);
    expect(snapshot(dir)).toEqual(once);
  });
});

describe("a draft that is not ready, or a result that would not validate, is refused and nothing is written", () => {
  it("records still proposed are listed by file, record and field (exit 1)", async () => {
    const dir = data();
    const before = snapshot(dir);
    const path = draft({
      entities: [strikeAgain([{ ...killed(7, "a monitor", "monitor"), status: "proposed" }])],
      relations: [{ id: "kirby-justifies", type: "JUSTIFIES", source: "us-government", target: "us-strike-2021-06-27", evidence: [second("defended")], status: "proposed" }],
    });
    const { code, stderr } = await cli("merge", path, "--data", dir);
    expect(code).toBe(1);
    expect(stderr.split("\n")).toEqual([
      `${path}: us-strike-2021-06-27: claims.0.status: is still proposed: accept it (\`status: accepted\`), correct it or delete it before merging (entities.0)`,
      `${path}: kirby-justifies: status: is still proposed: accept it (\`status: accepted\`), correct it or delete it before merging (relations.0)`,
      "",
      `Not merged: the draft ${path} is not ready to merge (2 problems). Nothing was written.`,
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a result that would not validate: every problem, where the record would be and where it is in the draft (exit 1)", async () => {
    const dir = data();
    const before = snapshot(dir);
    const path = draft({
      relations: [
        { id: "kh-condemns-iran", type: "CONDEMNS", source: "kataib-hezbollah", target: "iran-government", evidence: [second("KH condemned Iran")], status: "accepted" },
        { id: "strike-attacks-pmf", type: "ATTACKS", source: "us-strike-2021-06-27", target: "pmf", evidence: [second("struck the PMF")], status: "accepted" },
      ],
    });
    const { code, stderr } = await cli("merge", path, "--data", dir);
    expect(code).toBe(1);
    expect(stderr).toContain("relations/second-report.yaml: kh-condemns-iran: type: CONDEMNS may not join Militia -> Government");
    expect(stderr).toContain("(the draft's relations.0)");
    expect(stderr).toContain('relations/second-report.yaml: strike-attacks-pmf: target: unknown entity "pmf" (the draft\'s relations.1)');
    expect(stderr).toContain("Not merged: the merged data would not validate (2 problems). Nothing was written.");
    expect(snapshot(dir)).toEqual(before);
  });

  it("a data file the YAML writer would not give back byte for byte is not edited: the merge names the line", async () => {
    const files = validFixture();
    const dir = data(files);
    writeFileSync(join(dir, "relations", "all.yaml"), RELATIONS.replace("- id: strike-attacks-kh # the", "- id: strike-attacks-kh   # the"));
    const before = snapshot(dir);
    const path = draft({ relations: [{ id: "x", type: "ATTACKS", source: "us-strike-2021-06-27", target: "kataib-hezbollah", evidence: [second("hit KH")], status: "accepted" }] });
    const { code, stderr } = await cli("merge", path, "--data", dir);
    expect(code).toBe(1);
    expect(stderr).toContain('relations/all.yaml: -: -: the YAML writer would change bytes the merge does not touch, from line 13 ("- id: strike-attacks-kh   # the militia struck" would be written "- id: strike-attacks-kh # the militia struck")');
    expect(snapshot(dir)).toEqual(before);
  });

  it("a draft record that matches several records of the data is for the curator to settle", async () => {
    const files = validFixture();
    list(files, "entities/actors.yaml").push({ id: "kh-splinter", kind: "Militia", name: "KH splinter", aliases: ["KH"], description: "Another.", evidence: [{ document: "doc", excerpt: "KH", attribution: "the article" }] });
    const dir = data(files);
    const before = snapshot(dir);
    const path = draft({ entities: [{ id: "kh", kind: "Militia", name: "KH", description: "A militia.", evidence: [second("KH")], status: "accepted" }] });
    const { code, stderr } = await cli("merge", path, "--data", dir);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path}: kh: name: matches 2 Militia entities of the data by name (kataib-hezbollah, kh-splinter): give it the id of the one it is`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("data that does not validate as it is, or a file that is not a draft, stops the merge (exit 1)", async () => {
    const broken = validFixture();
    list(broken, "relations/all.yaml")[0]!.target = "nowhere";
    const path = draft({});
    expect((await cli("merge", path, "--data", writeFixture(broken))).stderr).toContain("Not merged: the data in");
    const notDraft = join(mkdtempSync(join(tmpdir(), "conflict-graph-merge-")), "x.yaml");
    writeFileSync(notDraft, "sources: [\n");
    const { code, stderr } = await cli("merge", notDraft, "--data", data());
    expect(code).toBe(1);
    expect(stderr).toContain("YAML syntax error");
  });
});

describe("--dry-run", () => {
  it("prints what the merge would change, file by file, and writes nothing", async () => {
    const dir = data();
    const before = snapshot(dir);
    const path = draft({
      entities: [strikeAgain([killed(4, "a monitor", "monitor"), killed(9, "the Pentagon", "pentagon")]), { id: "john-kirby", kind: "Official", name: "John Kirby", description: "Kirby.", evidence: [second("John Kirby")], status: "accepted" }],
      relations: [
        { id: "kirby-justifies", type: "JUSTIFIES", source: "john-kirby", target: "us-strike-2021-06-27", evidence: [second("Kirby defended the strikes")], status: "accepted" },
        { id: "second-strike-hit-kh", type: "ATTACKS", source: "us-strike-2021-06-27", target: "kataib-hezbollah", evidence: [second("U.S. jets hit Kataib Hezbollah")], status: "accepted" },
      ],
    });
    const { code, stdout } = await cli("merge", path, "--data", dir, "--dry-run");
    expect(code).toBe(0);
    const name = dir.split("/").pop();
    expect(stdout).toBe(
      [
        `Dry run: merging ${path} into ${dir} would change 5 files; nothing was written.`,
        "",
        `${name}/entities/events.yaml`,
        "  evidence appended (1 entry on 1 record):",
        "    us-strike-2021-06-27 +1",
        "  corroborations added (1):",
        "    us-strike-2021-06-27 claims.1 (KILLED EXACT 4, account monitor): second-report",
        "  accounts added (1):",
        "    us-strike-2021-06-27: pentagon (KILLED, 1 claim)",
        "",
        `${name}/relations/all.yaml`,
        "  evidence appended (1 entry on 1 record):",
        "    strike-attacks-kh +1",
        "",
        `${name}/sources.yaml`,
        "  records added (1):",
        "    second-report",
        "",
        `${name}/entities/second-report.yaml (new file)`,
        "  records added (1):",
        "    john-kirby",
        "",
        `${name}/relations/second-report.yaml (new file)`,
        "  records added (1):",
        "    kirby-justifies",
        "",
        "Matched in the data: 0 source documents, 1 entity, 1 relation (the same type, source and target).",
        "  entities.0 us-strike-2021-06-27 is us-strike-2021-06-27 (by id)",
      ].join("\n"),
    );
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, "entities", "second-report.yaml"))).toBe(false);
  });
});

describe("bad usage (exit 2)", () => {
  it("no such draft, no such data directory, no draft given", async () => {
    expect(await cli("merge", "/nonexistent/x.draft.yaml")).toMatchObject({ code: 2, stderr: expect.stringContaining('no such draft file "/nonexistent/x.draft.yaml"') });
    expect(await cli("merge", draft({}), "--data", "/nonexistent/data")).toMatchObject({ code: 2, stderr: expect.stringContaining('--data: no such directory "/nonexistent/data"') });
    expect((await cli("merge")).code).toBe(2);
    expect((await cli("merge", draft({}), "--output", "x")).stderr).toContain("--output does not apply to merge");
  });
});

const ARTICLE = join(PACKAGE_ROOT, "..", "shared", "seed", "000_f5a8a94412535d4e.txt");

describe.skipIf(!existsSync(ARTICLE))("the seed article, drafted against the bundled data and merged back into a copy of it", () => {
  it("validates with every excerpt checked; the relations the graph had gain evidence and none is duplicated", async () => {
    process.env["CONFLICT_GRAPH_DRAFT_WORKER"] = "off";
    try {
      const work = mkdtempSync(join(tmpdir(), "conflict-graph-merge-seed-"));
      const dir = join(work, "data");
      cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
      const output = join(work, "seed.draft.yaml");
      expect((await cli("draft", ARTICLE, "--published", "2021-07-08", "--output", output, "--data", dir)).code).toBe(0);
      writeFileSync(output, readFileSync(output, "utf8").replaceAll('status: "proposed"', 'status: "accepted"'));
      const drafted = parse(readFileSync(output, "utf8")) as { entities: EntityRecord[]; relations: RelationRecord[] };
      const before = loadKnowledgeBase(dir);

      const { code, stdout } = await cli("merge", output, "--data", dir);
      expect(code).toBe(0);
      const after = loadKnowledgeBase(dir);
      expect((await cli("validate", "--data", dir, "--source", ARTICLE)).code).toBe(0);

      const key = (r: RelationRecord) => `${r.type} ${r.source} ${r.target}`;
      const known = new Set(before.relations.map(key));
      const repeated = drafted.relations.filter((r) => known.has(key(r)));
      expect(repeated.length).toBeGreaterThan(40);
      expect(stdout).toContain(`${repeated.length} relations (the same type, source and target)`);
      expect(after.relations).toHaveLength(before.relations.length + drafted.relations.length - repeated.length);
      expect(new Set(after.relations.map(key)).size - new Set(before.relations.map(key)).size).toBe(after.relations.length - before.relations.length);
      const grown = after.relations.filter((r) => r.evidence.length > before.relations.find((b) => b.id === r.id)!.evidence.length);
      expect(grown.length).toBeGreaterThan(5);
      for (const relation of grown) expect(relation.evidence.length).toBeGreaterThanOrEqual(2);
      expect(after.entities).toHaveLength(before.entities.length + drafted.entities.length);
    } finally {
      delete process.env["CONFLICT_GRAPH_DRAFT_WORKER"];
    }
  }, 60_000);
});

