/**
 * Many sources: which documents state a fact (corroboration, per relation and
 * per claim) and what a document states (SourceDocument.supports), first on a
 * two-document data set built by hand, then on the bundled data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { broken, list, writeFixture } from "../loading/fixture-data.js";
import { startTestServer } from "../http/harness.js";
import type { TestServer } from "../http/harness.js";
import { RelationCorroborationDocument, SourceSupportsDocument, SourcesDocument } from "../generated/operations.js";

/** The fixture, with a wire report that restates the ATTACKS relation and the claim, and states one relation of its own. */
function twoDocuments() {
  return broken((f) => {
    (f["sources.yaml"] as Array<Record<string, unknown>>).push({ id: "wire", title: "A wire report", covers: { value: "2021-06-27" } });
    const wire = (excerpt: string) => ({ document: "wire", excerpt, attribution: "Reuters" });
    list(f, "relations/all.yaml")[1]!.evidence.push(wire("U.S. jets struck Kataib Hezbollah"), wire("the strikes hit the group's depots"));
    list(f, "relations/all.yaml").push({ id: "us-condemns-nothing", type: "ATTACKS", source: "us-strike-2021-06-27", target: "iran-government", evidence: [wire("near an Iranian post")] });
    list(f, "entities/events.yaml")[0]!.claims[0].corroboration = [wire("casualties were not reported")];
  });
}

describe("on two documents", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dataDir: writeFixture(twoDocuments()) });
  });
  afterAll(() => server.close());

  it("counts a relation stated by both documents once per document, with every entry", async () => {
    const { data } = await server.execute(RelationCorroborationDocument, { id: "strike-attacks-kh" });
    const corroboration = data!.relation.corroboration;
    expect(corroboration.documentCount).toBe(2);
    expect(corroboration.documents.map((d) => d.id)).toEqual(["doc", "wire"]);
    expect(corroboration.evidence.map((e) => e.document.id)).toEqual(["doc", "wire", "wire"]);
  });

  it("counts one document for a relation only one states", async () => {
    const { data } = await server.execute(RelationCorroborationDocument, { id: "us-carried-out-strike" });
    expect(data!.relation.corroboration.documentCount).toBe(1);
  });

  it("lists what a document supports, entities then relations then claims, each once", async () => {
    const { data } = await server.execute(SourceSupportsDocument, { id: "wire", first: 50 });
    const supports = data!.source.supports;
    expect(supports.map((s) => [s.kind, s.relation?.id ?? s.entity?.id])).toEqual([
      ["RELATION", "strike-attacks-kh"],
      ["RELATION", "us-condemns-nothing"],
      ["CLAIM", "us-strike-2021-06-27"],
    ]);
    // The first of the relation's two excerpts from the wire is the one shown.
    expect(supports[0]!.evidence.excerpt).toBe("U.S. jets struck Kataib Hezbollah");
    expect(supports[2]!.claim).toMatchObject({ measure: "CASUALTIES", qualifier: "UNSPECIFIED" });
    expect(data!.source.supportCount).toBe(3);
  });

  it("filters by record kind and relation type, and pages with first and offset", async () => {
    const claims = await server.execute(SourceSupportsDocument, { id: "wire", kinds: ["CLAIM"] });
    expect(claims.data!.source.supports.map((s) => s.kind)).toEqual(["CLAIM"]);
    expect(claims.data!.source.supportCount).toBe(1);
    const condemnations = await server.execute(SourceSupportsDocument, { id: "wire", kinds: ["RELATION"], types: ["CONDEMNS"] });
    expect(condemnations.data!.source.supportCount).toBe(0);
    const second = await server.execute(SourceSupportsDocument, { id: "wire", first: 1, offset: 1 });
    expect(second.data!.source.supports.map((s) => s.relation?.id)).toEqual(["us-condemns-nothing"]);
  });

  it("answers an unknown document with NOT_FOUND, and a bad kind as the schema's validation error", async () => {
    const missing = await server.execute(SourceSupportsDocument, { id: "no-such-document" });
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const bad = await server.execute(SourceSupportsDocument, { id: "wire", kinds: ["PLACE" as never] });
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("on the bundled data", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("the article supports every RETALIATES_FOR relation, each excerpt with its position in the text", async () => {
    const { data } = await server.execute(SourceSupportsDocument, { id: "us-strikes-iran-backed-militias", kinds: ["RELATION"], types: ["RETALIATES_FOR"], first: 100 });
    const retaliations = server.app.service.allRelations().filter((r) => r.type === "RETALIATES_FOR");
    expect(data!.source.supportCount).toBe(retaliations.length);
    expect(data!.source.supports.map((s) => s.relation!.id).sort()).toEqual(retaliations.map((r) => r.id).sort());
    for (const support of data!.source.supports) {
      expect(support.evidence.position).not.toBeNull();
      const { start, end } = support.evidence.position!;
      // Positions count code points; the article's excerpts are plain text, so the span is the excerpt's length or more (a line break inside).
      expect(end - start).toBeGreaterThanOrEqual(support.evidence.excerpt.length - 2);
    }
  });

  it("the article and the gazetteers together support every record, and no record counts one document twice", async () => {
    const service = server.app.service;
    let total = 0;
    for (const document of service.sources()) total += service.supportCount(document, {});
    const records = service.allEntities().length + service.allRelations().length + service.claims({ first: 500, ranks: ["PREFERRED", "NORMAL", "DEPRECATED"] }).length;
    // Each record cites at least one document; a record citing two documents counts once for each.
    const cited = (evidence: ReadonlyArray<{ document: string }>) => new Set(evidence.map((e) => e.document)).size;
    const expected =
      service.allEntities().reduce((sum, e) => sum + cited(e.evidence), 0) +
      service.allRelations().reduce((sum, r) => sum + cited(r.evidence), 0) +
      service.allEntities().reduce((sum, e) => sum + (e.claims ?? []).reduce((n, c) => n + cited([c.evidence, ...(c.corroboration ?? [])]), 0), 0);
    expect(total).toBe(expected);
    expect(total).toBeGreaterThanOrEqual(records);
  });

  it("counts, for every filter, exactly the records supports lists", () => {
    const service = server.app.service;
    const kindSets = [null, ["ENTITY"], ["RELATION"], ["CLAIM"], ["RELATION", "CLAIM"], ["CLAIM", "CLAIM"]];
    const typeSets = [null, ["ATTACKS"], ["ATTACKS", "LOCATED_IN", "ATTACKS"], ["CONDEMNS"]];
    for (const document of service.sources()) {
      for (const kinds of kindSets) {
        for (const types of typeSets) {
          const filters = { kinds, types };
          let listed = 0;
          for (let offset = 0; ; offset += 500) {
            const page = service.supportsOf(document, { ...filters, first: 500, offset });
            listed += page.length;
            if (page.length < 500) break;
          }
          expect(service.supportCount(document, filters), `${document.id} ${JSON.stringify(filters)}`).toBe(listed);
        }
      }
    }
  });

  it("dates the article's publication as precisely as the text allows: on or after July 8, 2021", async () => {
    const { data } = await server.execute(SourcesDocument, {});
    const article = data!.sources.find((source) => source.id === "us-strikes-iran-backed-militias")!;
    expect(article.published).toMatchObject({ value: "2021-07-08/..", precision: "RANGE", earliest: "2021-07-08", latest: null });
    expect(data!.sources.filter((source) => source.kind === "GAZETTEER").every((source) => source.published === null)).toBe(true);
  });

  it("gives each relation of the one article a document count of one", async () => {
    const { data } = await server.execute(RelationCorroborationDocument, { id: "iran-government-backs-kataib-hezbollah" });
    expect(data!.relation.corroboration).toMatchObject({ documentCount: 1, documents: [{ id: "us-strikes-iran-backed-militias" }] });
  });
});
