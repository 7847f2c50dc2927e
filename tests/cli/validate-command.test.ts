import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { SOURCE_TEXT, list, validFixture, writeFixture } from "../loading/fixture-data.js";

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

function sourceFile(text = SOURCE_TEXT): string {
  const path = join(tmpdir(), `article-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(path, text);
  return path;
}

describe("validate", () => {
  it("prints counts per kind and per relation type and exits 0 on valid data", async () => {
    const { code, stdout } = await run(["validate", "--data", writeFixture(validFixture())]);
    expect(code).toBe(0);
    expect(stdout).toContain("Valid: 4 entities, 3 relations, 1 source document(s) in 4 files.");
    expect(stdout).toMatch(/Government\s+2/);
    expect(stdout).toMatch(/CONDEMNS\s+1/);
    expect(stdout).toContain("Evidence: structure only");
  });

  it("checks evidence against --source", async () => {
    const { code, stdout } = await run(["validate", "--data", writeFixture(validFixture()), "--source", sourceFile()]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Evidence: all 8 excerpts occur verbatim, at their positions, in /);
  });

  it("exits 1 naming file, id and field when the data is broken", async () => {
    const files = validFixture();
    list(files, "relations/all.yaml")[0]!.source = "usa";
    const { code, stderr } = await run(["validate", "--data", writeFixture(files)]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/relations\/all\.yaml: us-carried-out-strike: source: unknown entity "usa"/);
    expect(stderr).toContain("1 problem in");
  });

  it("exits 1 when an excerpt is not in the source text", async () => {
    const { code, stderr } = await run(["validate", "--data", writeFixture(validFixture()), "--source", sourceFile("Unrelated text.")]);
    expect(code).toBe(1);
    expect(stderr).toContain("does not occur verbatim");
  });

  it("exits 2 on bad usage", async () => {
    expect((await run(["validate", "--source", "/no/such/file.txt"])).code).toBe(2);
    expect((await run(["validate", "--bogus"])).code).toBe(2);
    expect((await run(["frobnicate"])).stderr).toContain('unknown command "frobnicate"');
    expect((await run(["validate", "--data", writeFixture(validFixture()), "--source", `nope=${sourceFile()}`])).stderr).toContain(
      '--source: no source document "nope" (known: doc)',
    );
  });
});

describe("validate --source-dir", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  /** The fixture, its article recording the SHA-256 of SOURCE_TEXT. */
  const dataWithHash = () => {
    const files = validFixture();
    (files["sources.yaml"] as Array<Record<string, unknown>>)[0]!.sha256 = sha256(SOURCE_TEXT);
    return writeFixture(files);
  };
  const folderWith = (texts: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "texts-"));
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it("finds each document's text by its SHA-256, whatever the file is called, and checks excerpts and positions", async () => {
    const dir = folderWith({ "a-name-that-says-nothing.txt": SOURCE_TEXT, "notes.txt": "unrelated" });
    const { code, stdout } = await run(["validate", "--data", dataWithHash(), "--source-dir", dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Evidence: all 8 excerpts occur verbatim, at their positions, in doc (from ${dir}).`);
    expect(stdout).toContain(`note: ${join(dir, "notes.txt")} is the text of no source document`);
  });

  it("reports a document whose text is not in the folder by its id, and exits 1", async () => {
    const { code, stderr } = await run(["validate", "--data", dataWithHash(), "--source-dir", folderWith({ "other.txt": "unrelated" })]);
    expect(code).toBe(1);
    expect(stderr).toContain(`source document "doc": no file in`);
    expect(stderr).toContain("1 source document without a text in");
  });

  it("reports a document that records no SHA-256, since no text can be matched to it", async () => {
    const { code, stderr } = await run(["validate", "--data", writeFixture(validFixture()), "--source-dir", folderWith({ "a.txt": SOURCE_TEXT })]);
    expect(code).toBe(1);
    expect(stderr).toContain('source document "doc" records no sha256');
  });

  it("finds a wrong position through the folder's text too", async () => {
    const files = validFixture();
    (files["sources.yaml"] as Array<Record<string, unknown>>)[0]!.sha256 = sha256(SOURCE_TEXT);
    list(files, "relations/all.yaml")[1]!.evidence[0].position = { start: 0, end: 5 };
    const { code, stderr } = await run(["validate", "--data", writeFixture(files), "--source-dir", folderWith({ "a.txt": SOURCE_TEXT })]);
    expect(code).toBe(1);
    expect(stderr).toContain("strike-attacks-kh: evidence.0.position: {start: 0, end: 5} does not hold the excerpt");
  });

  it("refuses a folder that does not exist as bad usage (exit 2)", async () => {
    const { code, stderr } = await run(["validate", "--source-dir", join(tmpdir(), "no-such-folder-for-texts")]);
    expect(code).toBe(2);
    expect(stderr).toContain("--source-dir: no such folder");
  });
});
