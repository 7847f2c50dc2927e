/**
 * The query commands as a person or a script uses them: by id or name, tables
 * or --json, and exit codes 0 (found), 1 (not found, no path), 2 (bad usage).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGraphml } from "graphology-graphml";
import { parse as parseCsv } from "csv-parse/sync";
import { parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { list, validFixture, writeFixture } from "../loading/fixture-data.js";

async function cli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("path", () => {
  it("finds a path between entities given by name, drawn with arrows", async () => {
    const { code, stdout } = await cli("path", "KH", "Joe Biden");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ steps?:/);
    expect(stdout).toContain("Kataib Hezbollah (kataib-hezbollah, MILITIA)");
    expect(stdout).toMatch(/(<--|--)[A-Z_]+(-->|--) Joe Biden \(joe-biden, OFFICIAL\)$/);
  });

  it("prints JSON for scripts", async () => {
    const { code, stdout } = await cli("path", "kataib-hezbollah", "iran-government", "--types", "BACKS", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ length: 1, steps: [{ type: "BACKS", direction: "BACKWARD", from: "kataib-hezbollah", to: "iran-government" }] });
  });

  it("exits 1 when there is no path", async () => {
    const { code, stderr } = await cli("path", "kataib-hezbollah", "iran-government", "--types", "BACKS", "--direction", "forward");
    expect(code).toBe(1);
    expect(stderr).toContain("No path from Kataib Hezbollah (kataib-hezbollah, MILITIA) to Iran (iran-government, GOVERNMENT)");
  });

  it("takes names as people spell them", async () => {
    const { code, stdout } = await cli("path", "Hizbolah", "Biden");
    expect(code).toBe(0);
    expect(stdout).toContain("Kataib Hezbollah (kataib-hezbollah, MILITIA)");
    expect(stdout).toContain("Joe Biden (joe-biden, OFFICIAL)");
  });

  it("exits 1 for a name that matches nothing", async () => {
    const { code, stderr } = await cli("path", "Narnia", "Biden");
    expect(code).toBe(1);
    expect(stderr).toContain('No entity matches "Narnia".');
  });

  it("exits 1 listing the candidates for an ambiguous name", async () => {
    const { code, stderr } = await cli("path", "Rocket attack on Ain al Asad airbase", "Biden");
    expect(code).toBe(1);
    expect(stderr).toContain('"Rocket attack on Ain al Asad airbase" matches several entities; give one of these ids:');
    expect(stderr).toContain("rocket-attack-2021-07-05");
    expect(stderr).toContain("rocket-attack-2021-07-07");
  });

  it.each([
    [["path", "KH"], "path takes 2 arguments (got 1)"],
    [["path", "KH", "Biden", "--direction", "up"], '--direction: must be FORWARD, BACKWARD or EITHER (got "up")'],
    [["path", "KH", "Biden", "--types", "HATES"], '--types: unknown relation type "HATES"'],
    [["path", "KH", "Biden", "--depth", "2"], "--depth does not apply to path"],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("path --all and --k", () => {
  it("prints every shortest path, or the k shortest, numbered", async () => {
    const all = await cli("path", "KH", "Biden", "--all", "--json");
    const paths = JSON.parse(all.stdout) as Array<{ length: number }>;
    expect(paths.length).toBeGreaterThan(1);
    expect(new Set(paths.map((p) => p.length))).toEqual(new Set([2]));
    const k = await cli("path", "KH", "Biden", "--k", "3");
    expect(k.stdout).toContain("Path 3 of 3:");
  });

  it("exits 2 for --all with --k, and for --k out of range", async () => {
    expect((await cli("path", "KH", "Biden", "--all", "--k", "2")).code).toBe(2);
    const { code, stderr } = await cli("path", "KH", "Biden", "--k", "99");
    expect(code).toBe(2);
    expect(stderr).toContain("--k: must be an integer from 1 to 50 (got 99)");
  });
});

describe("events and claims", () => {
  it("prints the timeline with the API's filters and names where ids go", async () => {
    const { code, stdout } = await cli("events", "--perpetrators", "US", "--from", "2021", "--within", "--to", "2021-12-31");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^event_date\s+event_type\s+short_name\s+country\s+fatalities_best\s+event_id$/);
    expect(stdout).toMatch(/2021-06-27\s+AIRSTRIKE\s+US strikes, 2021-06-27\s+.*\s4\s+us-strike-2021-06-27/);
    expect(stdout).toContain("2 events.");
  });

  it("writes every column as CSV or JSON Lines", async () => {
    const csv = (await cli("events", "--country", "Syria", "--csv")).stdout.split("\n");
    expect(csv[0]).toMatch(/^event_id,event_date,earliest,latest,/);
    const lines = (await cli("events", "--country", "Syria", "--json")).stdout.split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBe(csv.length - 1);
    expect(lines.every((row) => String(row["country_ids"]).includes("syria"))).toBe(true);
  });

  it("lists claims with their accounts and attribution", async () => {
    const { code, stdout } = await cli("claims", "--subject", "us-strike-2021-06-27", "--measures", "KILLED");
    expect(code).toBe(0);
    expect(stdout).toMatch(/us-strike-2021-06-27\s+KILLED\s+AT_LEAST\s+7\s+britain-based-monitor\s+a Britain-based monitor/);
  });

  it("exits 1 when nothing matches, 2 on a bad filter", async () => {
    expect((await cli("events", "--from", "2030")).code).toBe(1);
    const { code, stderr } = await cli("events", "--from", "June");
    expect(code).toBe(2);
    expect(stderr).toContain("--from: must be a date as YYYY, YYYY-MM or YYYY-MM-DD");
    expect((await cli("events", "--csv", "--json")).code).toBe(2);
  });
});

describe("neighbors", () => {
  it("lists entities within --depth hops as a table", async () => {
    const { code, stdout } = await cli("neighbors", "Kata'ib Sayyid al-Shuhada", "--depth", "1");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^depth\s+id\s+kind\s+name$/);
    expect(stdout).toMatch(/^0\s+kataib-sayyid-al-shuhada\s+MILITIA\s+Kataib Sayyid al Shuhada$/m);
    expect(stdout).toMatch(/entities, \d+ relations within 1 hop of Kataib Sayyid al Shuhada/);
  });

  it("says when --limit truncated the result", async () => {
    const { stdout } = await cli("neighbors", "pmf", "--depth", "2", "--limit", "3");
    expect(stdout).toContain("Truncated at --limit 3: the closest entities are shown.");
  });

  it("prints JSON with nodes and edges", async () => {
    const { stdout } = await cli("neighbors", "pmf", "--depth", "0", "--json");
    expect(JSON.parse(stdout)).toEqual({ center: "pmf", depth: 0, truncated: false, nodes: [expect.objectContaining({ id: "pmf", depth: 0 })], edges: [] });
  });

  it("applies the API's bounds", async () => {
    const { code, stderr } = await cli("neighbors", "pmf", "--depth", "9");
    expect(code).toBe(2);
    expect(stderr).toContain("--depth: must be an integer from 0 to 4 (got 9)");
    expect((await cli("neighbors", "pmf", "--limit", "many")).stderr).toContain('--limit: must be an integer (got "many")');
  });
});

describe("search", () => {
  it("lists matches, best first", async () => {
    const { code, stdout } = await cli("search", "hezbolla");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^score\s+matched\s+id\s+kind\s+name$/);
    expect(stdout.split("\n")[2]).toMatch(/^0\.85\s+NAME\s+kataib-hezbollah\s+MILITIA\s+Kataib Hezbollah$/);
  });

  it("filters by kind and prints JSON", async () => {
    const { stdout } = await cli("search", "iraq", "--kind", "government", "--json");
    const { entities } = JSON.parse(stdout);
    expect(entities[0]).toMatchObject({ id: "iraq-government", kind: "GOVERNMENT", field: "NAME" });
  });

  it("exits 1 when nothing matches, 2 for an unknown kind", async () => {
    expect((await cli("search", "narnia")).code).toBe(1);
    const { code, stderr } = await cli("search", "iraq", "--kind", "country");
    expect(code).toBe(2);
    expect(stderr).toContain('--kind: unknown kind "country"');
  });
});

describe("export", () => {
  it("writes the whole graph as node-link JSON to standard output", async () => {
    const { code, stdout } = await cli("export");
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { directed: boolean; multigraph: boolean; nodes: unknown[]; links: unknown[] };
    expect(data).toMatchObject({ directed: true, multigraph: true });
    expect(data.nodes.length).toBeGreaterThan(100);
    expect(data.links.length).toBeGreaterThan(300);
  });

  it("writes a neighbourhood as GraphML to a file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "export-")), "kh.graphml");
    const { code, stderr } = await cli("export", "--format", "graphml", "--id", "KH", "--depth", "1", "--output", file);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^wrote \d+ entities and \d+ relations as graphml to /);
    const graph = parseGraphml(MultiDirectedGraph, readFileSync(file, "utf8"));
    expect(graph.getNodeAttribute("kataib-hezbollah", "depth")).toBe(0);
  });

  it("writes a path, and exits 1 when there is none", async () => {
    const { stdout } = await cli("export", "--from", "KH", "--to", "Joe Biden", "--format", "node-link", "--edges-key", "edges");
    expect(JSON.parse(stdout).edges.length).toBeGreaterThan(0);
    expect((await cli("export", "--from", "KH", "--to", "Joe Biden", "--types", "CITES")).code).toBe(1);
  });

  it.each([
    [["export", "--format", "pdf"], '--format: must be one of node-link, graphology, gexf, graphml, cytoscape (got "pdf")'],
    [["export", "--id", "KH", "--from", "pmf"], "export takes either --id (a neighbourhood) or --from and --to (a path), not both"],
    [["export", "--from", "KH"], "export --from needs --to"],
    [["export", "--depth", "2"], "--depth needs --id"],
    [["export", "--edges-key", "arcs"], '--edges-key: must be "links" or "edges" (got "arcs")'],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("export --table", () => {
  it("writes each table in each format to a file, the same rows in each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tables-"));
    for (const format of ["csv", "jsonl", "parquet"]) {
      const { code, stderr } = await cli("export", "--table", "events", "--format", format, "--output", join(dir, `events.${format}`));
      expect(code).toBe(0);
      expect(stderr).toContain(`wrote the events table as ${format}`);
    }
    const csv = parseCsv(readFileSync(join(dir, "events.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>;
    const jsonl = readFileSync(join(dir, "events.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const parquet = (await parquetReadObjects({ file: new Uint8Array(readFileSync(join(dir, "events.parquet"))).buffer })) as Array<Record<string, unknown>>;
    expect(jsonl.map((r) => r["event_id"])).toEqual(csv.map((r) => r.event_id));
    expect(parquet).toEqual(jsonl);
  });

  it("refuses graph options with a table, an unknown table, and Parquet to a terminal", async () => {
    expect((await cli("export", "--table", "events", "--id", "KH")).stderr).toContain("--id does not apply to --table");
    expect((await cli("export", "--table", "people")).stderr).toContain("--table must be one of events, claims, relations, entities");
    expect((await cli("export", "--table", "claims", "--format", "parquet")).stderr).toContain("--format parquet needs --output FILE here");
  });
});

describe("the command line as a whole", () => {
  it("exits 1 with every problem when the data does not validate", async () => {
    const files = validFixture();
    list(files, "relations/all.yaml")[0]!.source = "usa";
    const { code, stderr } = await cli("search", "iran", "--data", writeFixture(files));
    expect(code).toBe(1);
    expect(stderr).toContain('us-carried-out-strike: source: unknown entity "usa"');
  });

  it("prints help with exit 0", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("path <A> <B>");
  });

  it("runs as the installed bin, the way `npx conflict-graph` runs it", async () => {
    const bin = fileURLToPath(new URL("../../bin/conflict-graph.mjs", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "search", "KH", "--json"]);
    expect(JSON.parse(stdout).entities[0].id).toBe("kataib-hezbollah");
    await expect(promisify(execFile)(process.execPath, [bin, "search", "narnia"])).rejects.toMatchObject({ code: 1 });
  });
});

describe("names and filters that do not fit", () => {
  it("says which entity a name stood for, and takes Iraq as the country where a country is meant", async () => {
    const { code, stderr } = await cli("events", "--country", "Iraq", "--types", "AIRSTRIKE");
    expect(code).toBe(0);
    expect(stderr).toContain('--country "Iraq": Iraq (iraq, PLACE)');
  });

  it("refuses a filter that does not apply to the table, and a table filter without --table", async () => {
    expect((await cli("export", "--table", "events", "--measures", "KILLED")).stderr).toContain("--measures does not apply to --table events");
    expect((await cli("export", "--table", "entities", "--country", "syria")).stderr).toContain("--country does not apply to --table entities; it takes no filters");
    expect((await cli("export", "--perpetrators", "KH")).stderr).toContain("--perpetrators needs --table");
  });

  it("reports a file it cannot write with the reason, exit 1", async () => {
    const { code, stderr } = await cli("export", "--table", "events", "--output", "/nonexistent-dir/e.csv");
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: cannot write \/nonexistent-dir\/e\.csv: ENOENT/);
  });
});
