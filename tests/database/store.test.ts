/**
 * The PostgreSQL store, on a real PostgreSQL 15 the harness starts: the
 * schema's vocabulary is the ontology's; `db import` then `db export` gives
 * back the bundled data record for record; the database itself refuses what
 * the loader refuses (kinds a relation may not join, a record without
 * evidence, a proposed record); `merge --database` writes what the file merge
 * writes, and two merges at once lose nothing; the roles can do what
 * docs/operations.md says and no more; the password never reaches the output.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runCli } from "../../src/cli/run.js";
import { loadKnowledgeBase } from "../../src/loading/load.js";
import { CLAIM_MEASURES, CLAIM_QUALIFIERS, COUNTED_QUALIFIERS, ENTITY_KINDS, RELATION_TYPES, RELATION_TYPE_NAMES } from "../../src/model/ontology.js";
import { BUNDLED_DATA_DIR } from "../../src/paths.js";
import { postgresAvailable, startPostgres } from "../support/postgres.js";
import type { TestPostgres } from "../support/postgres.js";

async function cli(env: Record<string, string | undefined>, ...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    const code = await runCli(args, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
    return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Runs `statements` in one transaction as the given connection; resolves with the error it fails with (or null). */
async function attempt(url: string, statements: string[]): Promise<Error | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const sql of statements) await client.query(sql);
    await client.query("COMMIT");
    return null;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    return error as Error;
  } finally {
    await client.end();
  }
}

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A reviewed draft citing a new document: evidence for a relation the data has, and a new entity with a relation. */
function draftFile(document: string, newEntity: string): string {
  const evidence = (excerpt: string) => ({ document, excerpt, attribution: "the report" });
  const draft = {
    sources: [{ id: document, kind: "ARTICLE", title: `Report ${document}`, covers: { value: "2021-06-27" }, status: "accepted" }],
    entities: [
      { id: newEntity, kind: "Official", name: `Spokesman ${newEntity}`, description: "A spokesman the report quotes.", evidence: [evidence(`spokesman ${newEntity} said`)], status: "accepted" },
    ],
    relations: [
      { id: `${newEntity}-condemns-us-strike-2021-06-27`, type: "CONDEMNS", source: newEntity, target: "us-strike-2021-06-27", evidence: [evidence(`${newEntity} condemned the strikes`)], status: "accepted" },
      { id: `kh-backed-${document}`, type: "BACKS", source: "iran-government", target: "kataib-hezbollah", evidence: [evidence(`Iran backs Kataib Hezbollah (${document})`)], status: "accepted" },
    ],
  };
  const path = join(tmp("conflict-graph-db-draft-"), `${document}.draft.yaml`);
  writeFileSync(path, stringify(draft));
  return path;
}

describe.skipIf(!postgresAvailable())("the PostgreSQL store", () => {
  let server: TestPostgres;
  let database = 0;
  /** A new, migrated database's URL. */
  const migrated = async () => {
    const url = await server.createDatabase(`store_${++database}`);
    expect((await cli({ DATABASE_URL: url }, "db", "migrate")).code).toBe(0);
    return url;
  };
  const imported = async () => {
    const url = await migrated();
    const result = await cli({ DATABASE_URL: url }, "db", "import");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return url;
  };

  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => server?.stop());

  describe("schema", () => {
    it("db migrate creates it once; a second run has nothing to do", async () => {
      const url = await server.createDatabase("schema_once");
      const first = await cli({ DATABASE_URL: url }, "db", "migrate");
      expect(first).toMatchObject({ code: 0 });
      expect(first.stdout).toContain("applied 0001_knowledge-graph");
      const second = await cli({ DATABASE_URL: url }, "db", "migrate");
      expect(second.stdout).toContain("the schema is current");
    });

    it("holds the ontology's vocabulary: entity kinds, the kinds each relation type may join, claim measures and qualifiers", async () => {
      const url = await migrated();
      const kinds = (await query<{ name: string }>(url, "SELECT name FROM entity_kind")).map((r) => r.name);
      expect(kinds.sort()).toEqual([...ENTITY_KINDS].sort());
      const signatures = (await query<{ s: string }>(url, "SELECT type || ' ' || source_kind || ' ' || target_kind AS s FROM relation_signature")).map((r) => r.s);
      const expected = new Set<string>();
      for (const type of RELATION_TYPE_NAMES) for (const { from, to } of RELATION_TYPES[type].signatures) for (const f of from) for (const t of to) expected.add(`${type} ${f} ${t}`);
      expect(signatures.sort()).toEqual([...expected].sort());
      expect((await query<{ name: string }>(url, "SELECT name FROM claim_measure")).map((r) => r.name).sort()).toEqual([...CLAIM_MEASURES].sort());
      const qualifiers = await query<{ name: string; counted: boolean }>(url, "SELECT name, counted FROM claim_qualifier");
      expect(qualifiers.map((q) => q.name).sort()).toEqual([...CLAIM_QUALIFIERS].sort());
      expect(qualifiers.filter((q) => q.counted).map((q) => q.name).sort()).toEqual([...COUNTED_QUALIFIERS].sort());
    });

    it("a command on a database without the schema says to run db migrate", async () => {
      const url = await server.createDatabase("no_schema");
      const result = await cli({ DATABASE_URL: url }, "db", "import");
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("has no conflict-graph schema: run `conflict-graph db migrate` first");
    });
  });

  describe("import and export", () => {
    it("a round trip gives data that validates and equals the bundled data record for record", async () => {
      const url = await imported();
      const out = join(tmp("conflict-graph-export-"), "data");
      const exported = await cli({ DATABASE_URL: url }, "db", "export", out);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/^Exported data version 1 of conflict_graph_test@127\.0\.0\.1:\d+\/store_\d+ to /);
      const original = loadKnowledgeBase(BUNDLED_DATA_DIR);
      const back = loadKnowledgeBase(out);
      for (const group of ["sources", "entities", "relations", "locations"] as const) {
        expect(back[group]).toHaveLength(original[group].length);
        back[group].forEach((record, i) => expect(record).toStrictEqual(original[group][i]));
      }
      expect(readdirSync(join(out, "entities")).sort()).toEqual(readdirSync(join(BUNDLED_DATA_DIR, "entities")).sort());
      // Each file keeps its opening comment.
      expect(readFileSync(join(out, "relations", "attacks.yaml"), "utf8").split("\n")[0]).toBe(readFileSync(join(BUNDLED_DATA_DIR, "relations", "attacks.yaml"), "utf8").split("\n")[0]);
    });

    it("an exported directory imported again exports byte for byte the same files", async () => {
      const first = join(tmp("conflict-graph-export-"), "data");
      expect((await cli({ DATABASE_URL: await imported() }, "db", "export", first)).code).toBe(0);
      const url = await migrated();
      expect((await cli({ DATABASE_URL: url }, "db", "import", "--data", first)).code).toBe(0);
      const second = join(tmp("conflict-graph-export-"), "data");
      expect((await cli({ DATABASE_URL: url }, "db", "export", second)).code).toBe(0);
      for (const dir of ["entities", "relations", "geography"]) {
        for (const name of readdirSync(join(first, dir))) expect(readFileSync(join(second, dir, name), "utf8")).toBe(readFileSync(join(first, dir, name), "utf8"));
      }
    });

    it("importing into a store that holds data is refused without --replace, and with it replaces everything in one version", async () => {
      const url = await imported();
      const again = await cli({ DATABASE_URL: url }, "db", "import");
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("already holds data: give --replace");
      const replaced = await cli({ DATABASE_URL: url }, "db", "import", "--replace");
      expect(replaced.code).toBe(0);
      expect(replaced.stdout).toContain("Replaced the data of");
      expect(replaced.stdout).toContain("Data version 2");
      const [row] = await query<{ count: string }>(url, "SELECT count(*) FROM relation");
      expect(Number(row?.count)).toBe(loadKnowledgeBase(BUNDLED_DATA_DIR).relations.length);
    });

    it("invalid data is refused before anything reaches the database", async () => {
      const url = await migrated();
      const dir = join(tmp("conflict-graph-bad-"), "data");
      cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
      const file = join(dir, "relations", "attacks.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("type: CARRIED_OUT", "type: CONDEMNS_LOUDLY"));
      const result = await cli({ DATABASE_URL: url }, "db", "import", "--data", dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Not imported");
      expect(await query(url, "SELECT 1 FROM entity LIMIT 1")).toEqual([]);
    });

    it("export refuses a directory that is not empty, and writes nothing", async () => {
      const url = await imported();
      const dir = tmp("conflict-graph-full-");
      writeFileSync(join(dir, "keep.txt"), "mine");
      const result = await cli({ DATABASE_URL: url }, "db", "export", dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("is not empty");
      expect(readdirSync(dir)).toEqual(["keep.txt"]);
    });
  });

  describe("the database refuses what the loader refuses", () => {
    let url: string;
    beforeAll(async () => {
      url = await imported();
    });
    const evidenceFor = (column: string, id: string) =>
      `INSERT INTO evidence (role, ${column}, position, document, excerpt, attribution) VALUES ('record', '${id}', 0, 'us-strikes-iran-backed-militias', 'x', 'the article')`;

    it("a relation joining kinds its type does not allow", async () => {
      const error = await attempt(url, [
        "INSERT INTO relation (id, type, source, source_kind, target, target_kind, file, position) VALUES ('bad', 'BACKS', 'us-strike-2021-06-27', 'Event', 'kataib-hezbollah', 'Militia', 'relations/attacks.yaml', 9999)",
        evidenceFor("relation", "bad"),
      ]);
      expect(error?.message).toContain("relation_joins_allowed_kinds");
    });

    it("a relation whose stated kind is not its entity's kind", async () => {
      const error = await attempt(url, [
        "INSERT INTO relation (id, type, source, source_kind, target, target_kind, file, position) VALUES ('bad', 'BACKS', 'iran-government', 'Government', 'kataib-hezbollah', 'UmbrellaGroup', 'relations/attacks.yaml', 9999)",
        evidenceFor("relation", "bad"),
      ]);
      expect(error?.message).toMatch(/violates foreign key constraint/);
    });

    it("an entity or relation without evidence, when the transaction commits", async () => {
      const entity = await attempt(url, ["INSERT INTO entity (id, kind, name, description, file, position) VALUES ('no-evidence', 'Official', 'N', 'D', 'entities/officials.yaml', 9999)"]);
      expect(entity?.message).toBe('entity "no-evidence" has no evidence: at least one evidence entry is required');
      const relation = await attempt(url, ["INSERT INTO relation (id, type, source, source_kind, target, target_kind, file, position) VALUES ('no-evidence', 'BACKS', 'iran-government', 'Government', 'kataib-hezbollah', 'Militia', 'relations/attacks.yaml', 9999)"]);
      expect(relation?.message).toBe('relation "no-evidence" has no evidence: at least one evidence entry is required');
      const removed = await attempt(url, ["DELETE FROM evidence WHERE relation = 'iran-government-backs-kataib-hezbollah'"]);
      expect(removed?.message).toBe('relation "iran-government-backs-kataib-hezbollah" would have no evidence left');
    });

    it("a proposed record, a bad id, an excerpt over 400 characters, a rank without its reason", async () => {
      expect((await attempt(url, ["UPDATE entity SET status = 'proposed' WHERE id = 'kataib-hezbollah'"]))?.message).toContain("review_status");
      expect((await attempt(url, ["UPDATE entity SET id = 'Kataib Hezbollah' WHERE id = 'kataib-hezbollah'"]))?.message).toContain("record_id");
      expect((await attempt(url, [`UPDATE evidence SET excerpt = repeat('x', 401) WHERE id = (SELECT min(id) FROM evidence)`]))?.message).toContain("evidence_excerpt_check");
      expect((await attempt(url, ["UPDATE relation SET rank = 'DEPRECATED' WHERE id = 'iran-government-backs-kataib-hezbollah'"]))?.message).toContain("ranked_with_a_reason");
    });
  });

  describe("merge --database", () => {
    it("writes the records the file merge writes, in one version", async () => {
      const url = await imported();
      const draft = draftFile("report-one", "ali-one");
      const dir = join(tmp("conflict-graph-db-merge-"), "data");
      cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
      const files = await cli({}, "merge", draft, "--data", dir);
      expect(files.code).toBe(0);
      const merged = await cli({ DATABASE_URL: url }, "merge", draft, "--database");
      expect(merged.stderr).toBe("");
      expect(merged.code).toBe(0);
      expect(merged.stdout).toMatch(/^Merged .* into conflict_graph_test@127\.0\.0\.1:\d+\/store_\d+/);
      const out = join(tmp("conflict-graph-export-"), "data");
      expect((await cli({ DATABASE_URL: url }, "db", "export", out)).code).toBe(0);
      expect(loadKnowledgeBase(out)).toStrictEqual(loadKnowledgeBase(dir));
      expect(await query(url, "SELECT version, change FROM data_version")).toEqual([{ version: "2", change: `merge of ${draft}` }]);
    });

    it("a new place or base is refused: the store cannot hold one without its location, which geocoding writes into a directory", async () => {
      const url = await imported();
      const path = draftFile("report-place", "ali-place");
      const withPlace = readFileSync(path, "utf8").replace(
        "relations:",
        "  - id: new-village\n    kind: Place\n    name: New Village\n    placeType: CITY\n    description: A village the report names.\n    evidence:\n      - document: report-place\n        excerpt: near New Village\n        attribution: the report\n    status: accepted\nrelations:",
      );
      writeFileSync(path, withPlace);
      const result = await cli({ DATABASE_URL: url }, "merge", path, "--database");
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("new-village: -: is a new place or base: it needs a location from the gazetteer");
      expect(result.stderr).toContain("Not merged: the store cannot take places or bases without a location");
      expect(await query(url, "SELECT version FROM data_version")).toEqual([{ version: "1" }]);
      // Written by hand, the database refuses it too.
      const error = await attempt(url, [
        "INSERT INTO entity (id, kind, name, description, subtype, file, position) VALUES ('hand-village', 'Place', 'V', 'D', 'CITY', 'entities/sites.yaml', 9999)",
        "INSERT INTO evidence (role, entity, position, document, excerpt, attribution) VALUES ('record', 'hand-village', 0, 'us-strikes-iran-backed-militias', 'x', 'the article')",
      ]);
      expect(error?.message).toBe('place "hand-village" has no location: every place and base needs one (npm run geocode writes it)');
    });

    it("with DATABASE_URL set, a merge must say where it goes: --database or --data", async () => {
      const result = await cli({ DATABASE_URL: "postgresql://u:p@127.0.0.1:1/x" }, "merge", draftFile("report-where", "ali-where"));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("DATABASE_URL is set: give --database to merge into the store it names, or --data DIR");
    });

    it("--dry-run and a refused merge change nothing", async () => {
      const url = await imported();
      const dry = await cli({ DATABASE_URL: url }, "merge", draftFile("report-dry", "ali-dry"), "--database", "--dry-run");
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("Dry run");
      const proposed = draftFile("report-proposed", "ali-proposed");
      writeFileSync(proposed, readFileSync(proposed, "utf8").replace("status: accepted", "status: proposed"));
      const refused = await cli({ DATABASE_URL: url }, "merge", proposed, "--database");
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("is still proposed");
      expect(await query(url, "SELECT version FROM data_version")).toEqual([{ version: "1" }]);
      expect(await query(url, "SELECT id FROM source_document WHERE id LIKE 'report-%'")).toEqual([]);
    });

    it("two merges at once both land: the second plans against the first one's result", async () => {
      const url = await imported();
      // Two connections, each in its own transaction: without the writers' lock, the second would overwrite the first one's evidence.
      const drafts = [draftFile("report-a", "ali-a"), draftFile("report-b", "ali-b")];
      const saved = process.env["DATABASE_URL"];
      process.env["DATABASE_URL"] = url;
      try {
        const codes = await Promise.all(drafts.map((draft) => runCli(["merge", draft, "--database"], { log: () => {}, error: () => {} })));
        expect(codes).toEqual([0, 0]);
      } finally {
        if (saved === undefined) delete process.env["DATABASE_URL"];
        else process.env["DATABASE_URL"] = saved;
      }
      const out = join(tmp("conflict-graph-export-"), "data");
      expect((await cli({ DATABASE_URL: url }, "db", "export", out)).code).toBe(0);
      const kb = loadKnowledgeBase(out);
      expect(kb.sources.map((s) => s.id)).toEqual(expect.arrayContaining(["report-a", "report-b"]));
      expect(kb.entities.map((e) => e.id)).toEqual(expect.arrayContaining(["ali-a", "ali-b"]));
      const backing = kb.relations.find((r) => r.id === "iran-government-backs-kataib-hezbollah")!;
      expect(backing.evidence.map((e) => e.document)).toEqual(expect.arrayContaining(["report-a", "report-b"]));
      expect(await query(url, "SELECT version FROM data_version")).toEqual([{ version: "3" }]);
    });
  });

  describe("roles and credentials", () => {
    it("the reader role reads and cannot write; the writer imports and merges but cannot change the schema", async () => {
      const url = await imported();
      const name = url.split("/").pop()!;
      await server.admin("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_reader') THEN CREATE ROLE app_reader LOGIN PASSWORD 'reader-secret' IN ROLE conflict_graph_reader; END IF; END $$");
      await server.admin("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_writer') THEN CREATE ROLE app_writer LOGIN PASSWORD 'writer-secret' IN ROLE conflict_graph_writer; END IF; END $$");
      const reader = server.url(name, "app_reader", "reader-secret");
      const writer = server.url(name, "app_writer", "writer-secret");
      expect(await query(reader, "SELECT count(*)::int AS n FROM entity")).toEqual([{ n: loadKnowledgeBase(BUNDLED_DATA_DIR).entities.length }]);
      expect((await attempt(reader, ["DELETE FROM relation"]))?.message).toContain("permission denied");
      expect((await attempt(reader, ["SELECT bump_data_version('x')"]))?.message).toContain("permission denied");
      const readerImport = await cli({ DATABASE_URL: reader }, "db", "import", "--replace");
      expect(readerImport.code).toBe(1);
      expect(readerImport.stderr).toContain("may not do that");
      expect((await cli({ DATABASE_URL: writer }, "db", "import", "--replace")).code).toBe(0);
      expect((await cli({ DATABASE_URL: writer }, "merge", draftFile("report-w", "ali-w"), "--database")).code).toBe(0);
      expect((await attempt(writer, ["DROP TABLE relation"]))?.message).toContain("must be owner");
      expect((await attempt(writer, ["INSERT INTO relation_signature VALUES ('BACKS', 'Event', 'Event')"]))?.message).toContain("permission denied");
      expect((await attempt(writer, ["DELETE FROM pgmigrations"]))?.message).toContain("permission denied");
    });

    it("a wrong password, an unreachable server, a missing DATABASE_URL: one clear line, never the password", async () => {
      const name = (await migrated()).split("/").pop()!;
      const wrong = await cli({ DATABASE_URL: server.url(name, "conflict_graph_test", "not-the-password-42") }, "db", "status");
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/^error: PostgreSQL refused the login to conflict_graph_test@127\.0\.0\.1:\d+\/db_|^error: PostgreSQL refused the login/);
      expect(wrong.stderr).not.toContain("not-the-password-42");
      const closed = await cli({ DATABASE_URL: "postgresql://someone:secret-99@127.0.0.1:1/nowhere" }, "db", "status");
      expect(closed.code).toBe(1);
      expect(closed.stderr).toBe("error: cannot reach PostgreSQL at someone@127.0.0.1:1/nowhere (ECONNREFUSED): is the server running, and are host and port right?");
      const unset = await cli({ DATABASE_URL: undefined }, "db", "import");
      expect(unset.code).toBe(2);
      expect(unset.stderr).toContain("db import needs DATABASE_URL");
      const notUrl = await cli({ DATABASE_URL: "mysql://x@y/z" }, "db", "status");
      expect(notUrl.code).toBe(1);
      expect(notUrl.stderr).toContain("must be a URL starting with postgresql://");
    });
  });
});
