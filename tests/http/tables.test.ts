/**
 * The analyst tables over HTTP, on the bundled data: the events header is the
 * documented one, one row per event, the same rows in CSV, JSON Lines and
 * Parquet, the timeline's filters as query parameters, names where ids go.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadInputError, NotFoundError } from "../../src/errors.js";
import { tableOf } from "../../src/export/tables.js";
import { startTestServer } from "./harness.js";
import type { TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The events table's columns, in order; the README documents each with its ACLED counterpart. */
export const EVENT_COLUMNS = [
  "event_id", "event_date", "earliest", "latest", "date_precision", "year_inference", "event_type", "short_name", "name",
  "country", "country_ids", "location_ids", "location", "latitude", "longitude", "geo_precision",
  "actor1", "actor1_ids", "actor1_attribution", "actor2", "actor2_ids",
  "fatalities_low", "fatalities_best", "fatalities_high", "fatality_accounts", "retaliates_for", "sources", "notes",
];

type ErrorBody = { errors: Array<{ extensions: Record<string, unknown> }> };

const csvRows = async (path: string) => parseCsv(await (await server.request(path)).text(), { columns: true }) as Array<Record<string, string>>;

describe("/export/events", () => {
  it("has the documented header and one row per event, in timeline order", async () => {
    const response = await server.request("/export/events.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    expect(text.split("\n")[0]).toBe(EVENT_COLUMNS.join(","));
    const rows = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
    const timeline = server.app.service.events({ first: 500 }).map((e) => e.id);
    expect(rows.map((r) => r.event_id)).toEqual(timeline);
  });

  it("gives the June 27, 2021 strikes their figures, actors and place", async () => {
    const row = (await csvRows("/export/events.csv")).find((r) => r.event_id === "us-strike-2021-06-27")!;
    expect(row).toMatchObject({ event_date: "2021-06-27", date_precision: "DAY", event_type: "AIRSTRIKE", short_name: "US strikes, 2021-06-27" });
    expect(row.actor1_ids!.split("; ")).toContain("us-government");
    expect(row.country_ids!.split("; ").sort()).toEqual(["iraq", "syria"]);
    expect(Number(row.fatalities_low)).toBeLessThanOrEqual(Number(row.fatalities_best));
    expect(Number(row.fatality_accounts)).toBeGreaterThanOrEqual(3);
  });

  it("serves the same rows as JSON Lines and as Parquet, with typed columns", async () => {
    const csv = await csvRows("/export/events.csv");
    const jsonl = (await (await server.request("/export/events.jsonl")).text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const parquet = (await parquetReadObjects({ file: await (await server.request("/export/events.parquet")).arrayBuffer() })) as Array<Record<string, unknown>>;
    expect(jsonl.map((r) => r["event_id"])).toEqual(csv.map((r) => r.event_id));
    expect(parquet).toEqual(jsonl);
    const strike = parquet.find((r) => r["event_id"] === "us-strike-2020-01-03")!;
    expect(typeof strike["fatalities_best"]).toBe("number");
    expect(typeof strike["latitude"]).toBe("number");
    expect(Object.keys(strike)).toEqual(EVENT_COLUMNS);
  });

  it("narrows a name by what the parameter stands for: country=Iraq is the country, not the government", async () => {
    for (const country of ["Iraq", "iraq"]) {
      const rows = await csvRows(`/export/events.csv?country=${country}&types=AIRSTRIKE`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.country_ids!.split("; ").includes("iraq"))).toBe(true);
    }
    expect((await server.request("/export/neighborhood.node-link.json?id=iraq&depth=0")).status).toBe(200);
    const us = await csvRows("/export/events.csv?perpetrators=United States");
    expect(us.length).toBeGreaterThan(0);
  });

  it("filters as GraphQL's events does, with names where ids go", async () => {
    const rows = await csvRows("/export/events.csv?perpetrators=US&from=2021&to=2021-12-31&within=true");
    expect(rows.map((r) => r.event_id)).toEqual(["us-strike-2021-02-25", "us-strike-2021-06-27"]);
    const overlapping = await csvRows("/export/events.csv?from=2021-06-28&to=2021-06-28");
    const inside = await csvRows("/export/events.csv?from=2021-06-28&to=2021-06-28&within=true");
    expect(overlapping.length).toBeGreaterThan(inside.length);
    expect(inside.every((r) => r.earliest === "2021-06-28" && r.latest === "2021-06-28")).toBe(true);
    const inSyria = await csvRows("/export/events.csv?country=Syria&types=AIRSTRIKE");
    expect(inSyria.every((r) => r.country_ids!.includes("syria") && r.event_type === "AIRSTRIKE")).toBe(true);
  });

  it("answers 409 with the candidates for an ambiguous name, 400 for an unknown parameter or a bad value, 404 for a name that matches nothing", async () => {
    const ambiguous = await server.request("/export/events.csv?involving=Rocket attack on Ain al Asad airbase");
    expect(ambiguous.status).toBe(409);
    expect(((await ambiguous.json()) as ErrorBody).errors[0]!.extensions).toMatchObject({ code: "AMBIGUOUS_NAME", argument: "involving", candidates: ["rocket-attack-2021-07-05", "rocket-attack-2021-07-07"] });
    const unknown = await server.request("/export/events.csv?first=3");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).errors[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "first" });
    expect((await server.request("/export/events.csv?within=maybe")).status).toBe(400);
    expect((await server.request("/export/events.parquet?from=2021-13")).status).toBe(400);
    expect((await server.request("/export/events.csv?involving=Narnia")).status).toBe(404);
  });
});

describe("tableOf", () => {
  it("checks every filter before the first row is made, so a download fails before its headers go out", () => {
    expect(() => tableOf(server.app.service, "events", { involving: "nobody-at-all" })).toThrow(NotFoundError);
    expect(() => tableOf(server.app.service, "events", { country: "iraq-government" })).toThrow(BadInputError);
    expect(() => tableOf(server.app.service, "claims", { measures: "DEAD" })).toThrow(BadInputError);
  });
});

describe("/export/claims, /export/relations, /export/entities", () => {
  it("gives one row per claim, with its account, figures and attribution", async () => {
    const rows = await csvRows("/export/claims.csv?measures=KILLED&subject=us-strike-2021-06-27");
    const claims = server.app.service.entity("us-strike-2021-06-27").claims!.filter((c) => c.measure === "KILLED" && c.rank !== "DEPRECATED");
    expect(rows).toHaveLength(claims.length);
    expect(new Set(rows.map((r) => r.account)).size).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.attribution !== "" && r.excerpt !== "" && r.document !== "")).toBe(true);
  });

  it("lists every entity, and the relations of the ranks asked for (deprecated ones only when asked), with kinds spelled as in the API", async () => {
    const { entities, relations } = server.app.service.stats();
    const relationRows = await csvRows("/export/relations.csv");
    const everyRelation = await csvRows("/export/relations.csv?ranks=PREFERRED,NORMAL,DEPRECATED");
    const entityRows = await csvRows("/export/entities.csv");
    expect([entityRows.length, everyRelation.length]).toEqual([entities, relations]);
    expect(relationRows.length).toBe(server.app.service.relations({ first: 1 }).totalCount);
    expect(relationRows.every((r) => r.rank !== "DEPRECATED")).toBe(true);
    expect(entityRows.find((r) => r.entity_id === "pmf")).toMatchObject({ kind: "UMBRELLA_GROUP", name: "Popular Mobilization Forces" });
    expect(relationRows[0]).toHaveProperty("source_kind");
  });
});
