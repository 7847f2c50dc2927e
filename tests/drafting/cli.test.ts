/**
 * `conflict-graph draft` and `validate --draft` as a person uses them: exit
 * codes 0 (written), 1 (a text or data that cannot be drafted from), 2 (bad
 * usage); a clear message and never a stack trace; the output written whole
 * or not at all. Most cases run the drafting in this thread
 * (CONFLICT_GRAPH_DRAFT_WORKER=off); one runs it in its worker.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../../src/cli/run.js";
import { MAX_TEXT_BYTES } from "../../src/drafting/text-input.js";
import { validFixture, writeFixture } from "../loading/fixture-data.js";

async function cli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

const TEXT = `Strikes in the Desert

On June 27, the United States conducted airstrikes against Kataib Hezbollah, an Iraqi militia backed by Iran, at the Imam Ali Base.

Iran condemned the strikes. Four fighters were killed, the Pentagon said.
`;

let dir: string;
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
/** Files left in the directory besides the inputs: never a temporary or partial file. */
const leftovers = () => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "conflict-graph-draft-"));
  process.env["CONFLICT_GRAPH_DRAFT_WORKER"] = "off";
});
afterAll(() => {
  delete process.env["CONFLICT_GRAPH_DRAFT_WORKER"];
});

describe("draft", () => {
  it("writes one YAML file of proposed records and prints what it wrote (exit 0)", async () => {
    const output = join(dir, "ok.draft.yaml");
    const { code, stdout } = await cli("draft", file("ok.txt", TEXT), "--published", "2021-07-08", "--output", output, "--data", writeFixture(validFixture()));
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote ${output}`);
    expect(stdout).toContain("Review it, then: conflict-graph validate --draft");
    const draft = parse(readFileSync(output, "utf8")) as Record<string, Array<{ status?: string }>>;
    expect(Object.keys(draft)).toEqual(["draft", "sources", "entities", "relations", "mentions", "dates", "undecided"]);
    for (const group of ["sources", "entities", "relations"]) for (const record of draft[group]!) expect(record.status).toBe("proposed");
    expect(leftovers()).toEqual([]);
  });

  it("runs in a worker thread with a bounded heap", async () => {
    delete process.env["CONFLICT_GRAPH_DRAFT_WORKER"];
    try {
      const output = join(dir, "worker.draft.yaml");
      const { code, stdout } = await cli("draft", file("worker.txt", TEXT), "--published", "2021-07-08", "--output", output, "--data", writeFixture(validFixture()));
      expect(code).toBe(0);
      expect(stdout).toContain("proposed:");
      expect(readFileSync(output, "utf8")).toContain("status: \"proposed\"");
    } finally {
      process.env["CONFLICT_GRAPH_DRAFT_WORKER"] = "off";
    }
  });

  it("writes a draft with a warning for a text with no dates (exit 0)", async () => {
    const output = join(dir, "undated.draft.yaml");
    const { code, stderr } = await cli("draft", file("undated.txt", "Kataib Hezbollah militants met officials in Baghdad.\n"), "--published", "2021-07-08", "--output", output);
    expect(code).toBe(0);
    expect(stderr).toContain("warning: No dates found: no events were proposed.");
    expect(readFileSync(output, "utf8")).toContain("No dates found");
  });

  it.each([
    ["an empty file", "empty.txt", "", "is empty: there is nothing to draft"],
    ["white space only", "blank.txt", " \n\n\t\n", "holds only white space"],
    ["a binary file", "binary.bin", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]), "is a binary file (a NUL byte at byte 4)"],
    ["text that is not UTF-8", "latin1.txt", new Uint8Array([0x53, 0x74, 0x72, 0x69, 0x6b, 0x65, 0x20, 0xe9, 0x74, 0xe9, 0x0a]), "is not UTF-8 text (an invalid byte sequence at byte 7)"],
  ])("refuses %s with a clear message (exit 1), writing nothing", async (_label, name, content, message) => {
    const output = join(dir, `${name}.draft.yaml`);
    const { code, stderr, stdout } = await cli("draft", file(name, content), "--published", "2021-07-08", "--output", output);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe("");
    expect(readdirSync(dir)).not.toContain(`${name}.draft.yaml`);
    expect(leftovers()).toEqual([]);
  });

  it("refuses a text larger than it drafts at once (exit 1)", async () => {
    const big = file("huge.txt", Buffer.alloc(MAX_TEXT_BYTES + 1, "a"));
    const { code, stderr } = await cli("draft", big, "--published", "2021-07-08", "--output", join(dir, "huge.draft.yaml"));
    expect(code).toBe(1);
    expect(stderr).toContain("split the text");
  });

  it.each([
    ["no --published", ["--output", "x.yaml"], "draft needs --published YYYY-MM-DD"],
    ["an unparseable --published", ["--published", "last Tuesday"], '--published must be a real day written YYYY-MM-DD, between 1900 and 2100 (got "last Tuesday")'],
    ["a day that does not exist", ["--published", "2021-02-30"], "--published must be a real day"],
    ["an output in no directory", ["--published", "2021-07-08", "--output", "/no/such/dir/x.yaml"], '--output: no such directory "/no/such/dir"'],
  ])("exits 2 for %s", async (_label, options, message) => {
    const { code, stderr } = await cli("draft", file("usage.txt", TEXT), ...options);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Run with --help for usage.");
  });

  it("exits 2 for a text that does not exist, and for no text at all", async () => {
    expect(await cli("draft", join(dir, "missing.txt"), "--published", "2021-07-08")).toMatchObject({ code: 2, stderr: expect.stringContaining(`no such file "${join(dir, "missing.txt")}"`) });
    expect((await cli("draft", "--published", "2021-07-08")).code).toBe(2);
  });

  it("leaves an existing output untouched when it cannot draft, and replaces it whole when it can", async () => {
    const output = file("kept.draft.yaml", "previous: draft\n");
    expect((await cli("draft", file("empty2.txt", ""), "--published", "2021-07-08", "--output", output)).code).toBe(1);
    expect(readFileSync(output, "utf8")).toBe("previous: draft\n");
    expect((await cli("draft", file("kept.txt", TEXT), "--published", "2021-07-08", "--output", output)).code).toBe(0);
    expect(readFileSync(output, "utf8")).toContain("entities:");
    expect(leftovers()).toEqual([]);
  });
});

describe("validate --draft", () => {
  it("accepts a draft with the data it will join, and lists what a curator must still decide (exit 0)", async () => {
    const output = join(dir, "review.draft.yaml");
    const data = writeFixture(validFixture());
    expect((await cli("draft", file("review.txt", `${TEXT}\nOn June 26, a drone attacked the Imam Ali Base.\n`), "--published", "2021-07-08", "--output", output, "--data", data)).code).toBe(0);
    const { code, stdout } = await cli("validate", "--draft", output, "--data", data);
    expect(code).toBe(0);
    expect(stdout).toContain(`Valid draft: ${output}`);
    expect(stdout).toMatch(/Still proposed: 1 source document\(s\), \d+ entities/);
    expect(stdout).toContain("Candidate entities, each with a guessed kind");
    expect(stdout).toContain("Dates whose year was inferred");
  });

  it("checks the draft's excerpts and positions against the text with --source", async () => {
    const text = file("sourced.txt", TEXT);
    const output = join(dir, "sourced.draft.yaml");
    expect((await cli("draft", text, "--published", "2021-07-08", "--output", output)).code).toBe(0);
    const { code, stdout } = await cli("validate", "--draft", output, "--source", text);
    expect(code).toBe(0);
    expect(stdout).toContain("Evidence: every excerpt occurs verbatim");
  });

  it("exits 1 naming file, record and field when a draft is broken", async () => {
    const output = join(dir, "broken.draft.yaml");
    expect((await cli("draft", file("broken.txt", TEXT), "--published", "2021-07-08", "--output", output)).code).toBe(0);
    writeFileSync(output, readFileSync(output, "utf8").replace(/target: "([a-z0-9-]+)"/, 'target: "no-such-entity"'));
    const { code, stderr } = await cli("validate", "--draft", output);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.draft\.yaml: [a-z0-9-]+: target: unknown entity "no-such-entity"/);
  });

  it("exits 2 for a draft that does not exist", async () => {
    expect((await cli("validate", "--draft", join(dir, "nope.yaml"))).code).toBe(2);
  });
});
