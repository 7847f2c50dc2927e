/**
 * `npm run bench:draft [-- ARTICLE]`: how long `conflict-graph draft` takes on
 * the seed article (the median of 5 runs, each a fresh process, as a person
 * runs it), and its time and peak memory (resident set size, the whole
 * process) on a generated 10 MB text: the article repeated with its days
 * shifted in each copy, so that every copy has events of its own. Beside
 * each figure, a reference from the same run: reading the text and splitting
 * it into sentences, which every draft does first.
 *
 * It measures the compiled command line (dist/, compiled here first when it
 * is older than src/), the way `npx conflict-graph` runs. Targets: at most
 * 5 s on the seed article; under 300 MB on the 10 MB text.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/paths.js";

const SEED_PUBLISHED = "2021-07-08";
const BIG_BYTES = 10 * 1024 * 1024;
const RUNS = 5;

const articlePath = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? join(PACKAGE_ROOT, "..", "shared", "seed", "000_f5a8a94412535d4e.txt");

/** The child's own work: `draft` (the command line) or `reference` (read and split into sentences). Prints seconds and peak RSS as JSON. */
async function child(mode: string, text: string, output: string): Promise<void> {
  const started = performance.now();
  if (mode === "reference") {
    const { analyseStructure } = await import(join(PACKAGE_ROOT, "dist", "src", "drafting", "sentences.js"));
    const sentences = (analyseStructure(readFileSync(text, "utf8")) as { sentences: unknown[] }).sentences.length;
    console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, sentences }));
    return;
  }
  const { runCli } = await import(join(PACKAGE_ROOT, "dist", "src", "cli", "run.js"));
  const lines: string[] = [];
  const code = await runCli(["draft", text, "--published", SEED_PUBLISHED, "--output", output], { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) });
  console.log(JSON.stringify({ code, seconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, lines }));
}

/** Compiles dist/ when a module of src/ is newer than its compiled file. */
function ensureCompiled(): void {
  const stale = (dir: string): boolean =>
    readdirSync(join(PACKAGE_ROOT, dir), { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return stale(path);
      if (!entry.name.endsWith(".ts")) return false;
      const compiled = join(PACKAGE_ROOT, "dist", path.replace(/\.ts$/, ".js"));
      return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(join(PACKAGE_ROOT, path)).mtimeMs;
    });
  if (stale("src")) {
    console.log("compiling dist/ (tsc -p tsconfig.build.json) ...");
    spawnSync(process.execPath, [join(PACKAGE_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(PACKAGE_ROOT, "tsconfig.build.json")], { stdio: "ignore" });
  }
}

function run(mode: string, text: string, output: string): { seconds: number; maxRssMb: number; code?: number; lines?: string[] } {
  const out = execFileSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, "--child", mode, text, output], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()!) as { seconds: number; maxRssMb: number; code?: number; lines?: string[] };
}

/** The article repeated to `bytes`, each copy's days shifted, so that each copy tells events of its own. */
function bigText(article: string, bytes: number): { text: string; copies: number } {
  const months = "January|February|March|April|May|June|July|August|September|October|November|December";
  const parts: string[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    const shifted = article.replace(new RegExp(`\\b(${months}) (\\d{1,2})\\b`, "g"), (_m, month: string, day: string) => `${month} ${((Number(day) + copy) % 28) + 1}`);
    parts.push(shifted);
    size += Buffer.byteLength(shifted) + 2;
  }
  return { text: parts.join("\n\n"), copies: parts.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
  if (!existsSync(articlePath)) {
    console.error(`error: the seed article is not at ${articlePath}; give its path: npm run bench:draft -- <path>`);
    process.exitCode = 1;
    return;
  }
  ensureCompiled();
  const dir = mkdtempSync(join(tmpdir(), "conflict-graph-bench-draft-"));
  try {
    const seed = { drafts: [] as number[], references: [] as number[], rss: 0 };
    for (let i = 0; i < RUNS; i++) {
      const draft = run("draft", articlePath, join(dir, "seed.draft.yaml"));
      if (draft.code !== 0) throw new Error(`draft failed: ${draft.lines?.join("\n")}`);
      seed.drafts.push(draft.seconds);
      seed.rss = Math.max(seed.rss, draft.maxRssMb);
      seed.references.push(run("reference", articlePath, "-").seconds);
    }
    const { text, copies } = bigText(readFileSync(articlePath, "utf8"), BIG_BYTES);
    const bigPath = join(dir, "big.txt");
    writeFileSync(bigPath, text);
    const big = run("draft", bigPath, join(dir, "big.draft.yaml"));
    if (big.code !== 0) throw new Error(`draft of the 10 MB text failed: ${big.lines?.join("\n")}`);
    const bigReference = run("reference", bigPath, "-");
    const megabytes = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
    const rows: Array<[string, string, string]> = [
      ["", "draft", "reference: read + split into sentences"],
      [`seed article (${(statSync(articlePath).size / 1024).toFixed(0)} KB): median of ${RUNS} runs`, `${median(seed.drafts).toFixed(2)} s (runs ${seed.drafts.map((s) => s.toFixed(2)).join(", ")})`, `${median(seed.references).toFixed(3)} s`],
      ["seed article: peak RSS", `${seed.rss.toFixed(0)} MB`, ""],
      [`${megabytes} MB text (the article x ${copies}, days shifted): time`, `${big.seconds.toFixed(1)} s (${((Buffer.byteLength(text) / 1024) / big.seconds).toFixed(0)} KB/s)`, `${bigReference.seconds.toFixed(2)} s`],
      [`${megabytes} MB text: peak RSS`, `${big.maxRssMb.toFixed(0)} MB`, `${bigReference.maxRssMb.toFixed(0)} MB`],
    ];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(`Draft benchmark: compiled command line, Node ${process.version}, one process per run; each time covers loading the code and the data, drafting in its worker and writing, not Node's own start-up.\n`);
    for (const row of rows) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("   ")}`);
    const timeMet = median(seed.drafts) <= 5;
    const memoryMet = big.maxRssMb < 300;
    console.log(`\nTargets: seed article at most 5 s: ${timeMet ? "met" : "NOT met"}; 10 MB text under 300 MB: ${memoryMet ? "met" : "NOT met"}.`);
    console.log(`10 MB draft: ${big.lines?.filter((l) => /proposed|noted/.test(l)).map((l) => l.trim()).join("; ")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
