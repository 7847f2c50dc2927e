/**
 * The gazetteer script on tiny hand-built data and a hand-built gazetteer:
 * each rule of src/curation/geocode.ts once, then the files it writes and the
 * check CI runs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gazetteerOf } from "../../src/curation/gazetteer.js";
import type { GazetteerCity, GazetteerCountry } from "../../src/curation/gazetteer.js";
import { geocode } from "../../src/curation/geocode.js";
import type { GazetteerQuery } from "../../src/curation/geocode.js";
import { GENERATED_FILES, runGeocode } from "../../src/curation/geocode-files.js";
import type { EntityRecord, RelationRecord } from "../../src/model/records.js";
import { readDataDirectory } from "../../src/loading/read-files.js";
import { validateRecords } from "../../src/loading/validate.js";
import { validFixture, writeFixture } from "../loading/fixture-data.js";

const document = (id: string) => ({ id, title: id, publisher: "tests", version: `${id} 1.0`, licence: "CC0-1.0", url: "https://example.org", attribution: `the ${id}` });
const city = (name: string, country: string, latitude: number, admin1 = "01"): GazetteerCity => ({ name, country, latitude, longitude: 44, admin1 });
const country = (code: string, name: string, ...names: string[]): GazetteerCountry => ({ code, code3: `${code}X`, name, names: [name, ...names], latitude: 30, longitude: 40 });
const gazetteer = gazetteerOf(
  [city("Baghdad", "IQ", 33.3), city("Kirkuk", "IQ", 35.4), city("Springfield", "US", 39, "IL"), city("Springfield", "US", 42, "MA"), city("Ālbū Kamāl", "SY", 34.4)],
  [country("IQ", "Iraq", "Republic of Iraq"), country("SY", "Syria"), country("US", "United States"), country("GB", "United Kingdom", "UK")],
  { cities: document("cities"), countries: document("countries") },
);

const evidence = [{ document: "doc", excerpt: "x", attribution: "the article" }];
const place = (id: string, placeType: string, name = id): EntityRecord => ({ id, kind: "Place", placeType, name, description: ".", evidence }) as EntityRecord;
const base = (id: string): EntityRecord => ({ id, kind: "Base", facilityType: "AIR_BASE", name: id, description: ".", evidence }) as EntityRecord;
const relation = (type: "LOCATED_IN" | "NEAR", source: string, target: string): RelationRecord => ({ id: `${source}-${type.toLowerCase().replace("_", "-")}-${target}`, type, source, target, role: "near", evidence });

const entities = [
  place("iraq", "COUNTRY", "Iraq"),
  place("britain", "COUNTRY", "Britain"),
  place("baghdad", "CITY", "Baghdad"),
  place("kirkuk", "CITY", "Kirkuk"),
  place("central-iraq", "REGION"),
  place("border-region", "TRANSNATIONAL_REGION"),
  place("crossing", "BORDER_CROSSING"),
  base("k1"),
  base("camp"),
  base("airbase"),
  base("border-base"),
];
const relations = [
  relation("LOCATED_IN", "baghdad", "iraq"),
  relation("LOCATED_IN", "central-iraq", "iraq"),
  relation("NEAR", "k1", "kirkuk"),
  relation("LOCATED_IN", "camp", "baghdad"),
  relation("LOCATED_IN", "airbase", "central-iraq"),
  relation("NEAR", "border-base", "crossing"),
];
const queries: GazetteerQuery[] = [
  { entity: "britain", countryCode: "GB", note: "Britain is the United Kingdom." },
  { entity: "crossing", city: { name: "Albu Kamal", country: "SY" }, countries: ["SY", "IQ"], note: "Joins two countries." },
];
const run = (extra: Partial<{ entities: EntityRecord[]; relations: RelationRecord[]; queries: GazetteerQuery[] }> = {}) =>
  geocode(extra.entities ?? entities, extra.relations ?? relations, extra.queries ?? queries, gazetteer);
const locationOf = (id: string, result = run()) => result.locations.find((l) => l.entity === id);

describe("coordinates", () => {
  it("a country takes its centre; a name the gazetteer lacks needs a code", () => {
    expect(locationOf("iraq")!.coordinates).toMatchObject({ precision: "COUNTRY", evidence: { document: "countries", excerpt: "Iraq (IQ, IQX): 30, 40", attribution: "the countries" } });
    expect(locationOf("britain")!.coordinates!.evidence.excerpt).toBe("United Kingdom (GB, GBX): 30, 40");
    expect(run({ queries: [] }).problems).toEqual(expect.arrayContaining([{ entity: "britain", message: "no country of that name in the gazetteer: add a query with `countryCode`" }]));
  });

  it("a city is found by its name (in the country the article puts it in), at SITE precision", () => {
    expect(locationOf("kirkuk")!.coordinates).toMatchObject({ latitude: 35.4, precision: "SITE", evidence: { excerpt: "Kirkuk (IQ, admin1 01): 35.4, 44" } });
  });

  it("anything else takes its anchor's position, coarsened, and names it", () => {
    expect(locationOf("k1")!.coordinates).toMatchObject({ latitude: 35.4, precision: "CITY", via: "kirkuk" });
    expect(locationOf("camp")!.coordinates).toMatchObject({ precision: "CITY", via: "baghdad" });
    expect(locationOf("airbase")!.coordinates).toMatchObject({ precision: "COUNTRY", via: "iraq" });
  });

  it("never takes a position across the border from the site's own country", () => {
    const result = run({
      entities: [...entities, base("iraqi-side")],
      relations: [...relations, relation("NEAR", "iraqi-side", "crossing"), relation("LOCATED_IN", "iraqi-side", "iraq")],
    });
    expect(locationOf("iraqi-side", result)!.coordinates).toMatchObject({ precision: "COUNTRY", via: "iraq" });
    expect(locationOf("border-base", result)!.coordinates).toMatchObject({ precision: "CITY", via: "crossing", latitude: 34.4 });
  });

  it("a region spanning countries has a reason instead", () => {
    expect(locationOf("border-region")).toEqual({ entity: "border-region", unresolved: "It spans more than one country: no single position stands for it." });
  });

  it("a query names the city (accents and apostrophes aside) and its note travels with the position", () => {
    expect(locationOf("crossing")!.coordinates).toMatchObject({ latitude: 34.4, precision: "CITY", note: "Joins two countries." });
  });

  it("an ambiguous city name is a problem naming the divisions to choose from", () => {
    const result = run({ entities: [...entities, place("springfield", "CITY", "Springfield")] });
    expect(result.problems).toContainEqual({ entity: "springfield", message: "2 GeoNames cities match its names (Springfield, US; Springfield, US): add a query with `city`" });
    const queried = run({ entities: [...entities, base("fort")], queries: [...queries, { entity: "fort", city: { name: "Springfield", country: "US" }, note: "." }] });
    expect(queried.problems).toContainEqual({ entity: "fort", message: '2 cities named "Springfield" in US: add `admin1` (one of IL, MA)' });
  });
});

describe("countries", () => {
  const located = (id: string, result = run()) => result.relations.filter((r) => r.source === id).map((r) => [r.target, r.evidence.map((e) => e.excerpt)]);

  it("come from the city's record where the article gives none", () => {
    expect(located("kirkuk")).toEqual([["iraq", ["Kirkuk (IQ, admin1 01): 35.4, 44", "Iraq (IQ, IQX): 30, 40"]]]);
  });

  it("are inferred through a NEAR anchor, and the note says so", () => {
    const [k1] = run().relations.filter((r) => r.source === "k1");
    expect(k1).toMatchObject({ type: "LOCATED_IN", target: "iraq", note: "Inferred: it lies in or near Kirkuk (the article), which lies in Iraq (GeoNames)." });
  });

  it("are not added where the article already gives one", () => {
    expect(located("camp")).toEqual([]);
    expect(located("baghdad")).toEqual([]);
  });

  it("are never inferred from a border crossing; a query gives them, each on its own records", () => {
    expect(run().problems).toEqual([{ entity: "border-base", message: expect.stringContaining("lies in no country") }]);
    expect(located("crossing")).toEqual([
      ["syria", ["Ālbū Kamāl (SY, admin1 01): 34.4, 44", "Syria (SY, SYX): 30, 40"]],
      ["iraq", ["Iraq (IQ, IQX): 30, 40"]],
    ]);
    const twoCities = run({ queries: [queries[0]!, { ...queries[1]!, city: [{ name: "Albu Kamal", country: "SY" }, { name: "Kirkuk", country: "IQ" }] }] });
    expect(located("crossing", twoCities)[1]).toEqual(["iraq", ["Kirkuk (IQ, admin1 01): 35.4, 44", "Iraq (IQ, IQX): 30, 40"]]);
    expect(locationOf("crossing", twoCities)!.coordinates!.latitude).toBe(34.4);
  });

  it("a country the data lacks is added as a place, with its location", () => {
    const result = run({ entities: [...entities.filter((e) => e.id !== "border-base"), place("springfield-il", "CITY", "Springfield")], queries: [...queries, { entity: "springfield-il", city: { name: "Springfield", country: "US", admin1: "IL" }, note: "." }] });
    expect(result.problems).toEqual([]);
    expect(result.countries.map((c) => c.id)).toEqual(["syria", "united-states"]);
    expect(result.countries[1]).toMatchObject({ kind: "Place", placeType: "COUNTRY", name: "United States", evidence: [{ document: "countries", excerpt: "United States (US, USX): 30, 40" }] });
    expect(located("springfield-il", result)).toEqual([["united-states", expect.any(Array)]]);
    expect(locationOf("united-states", result)!.coordinates!.precision).toBe("COUNTRY");
  });
});

describe("the files", () => {
  const data = () => {
    const files = validFixture();
    files["entities/places.yaml"] = [place("iraq", "COUNTRY", "Iraq"), place("kirkuk", "CITY", "Kirkuk"), base("k1")];
    files["relations/places.yaml"] = [relation("NEAR", "k1", "kirkuk")];
    return writeFixture(files);
  };
  const quiet = { log: () => {}, error: () => {} };

  it("are written so that the data validates, then found up to date, then stale when edited", () => {
    const dir = data();
    const valid = () => validateRecords(readDataDirectory(dir)).ok;
    expect(valid()).toBe(false);
    expect(runGeocode({ dataDir: dir, check: true }, gazetteer, quiet)).toBe(1);
    expect(runGeocode({ dataDir: dir, check: false }, gazetteer, quiet)).toBe(0);
    expect(valid()).toBe(true);
    expect(runGeocode({ dataDir: dir, check: true }, gazetteer, quiet)).toBe(0);
    expect(readFileSync(join(dir, "sources.yaml"), "utf8")).toContain("kind: GAZETTEER");
    const relationsFile = join(dir, GENERATED_FILES.relations);
    expect(readFileSync(relationsFile, "utf8")).toContain('target: "iraq"');
    writeFileSync(relationsFile, readFileSync(relationsFile, "utf8").replace("35.4", "35.5"));
    const errors: string[] = [];
    expect(runGeocode({ dataDir: dir, check: true }, gazetteer, { log: () => {}, error: (line) => errors.push(line) })).toBe(1);
    expect(errors.join("\n")).toContain(`Out of date with the gazetteer (run \`npm run geocode\`): ${relationsFile}`);
  });

  it("write nothing when a problem remains", () => {
    const dir = data();
    writeFileSync(join(dir, "gazetteer-queries.yaml"), "- entity: kirkuk\n  city: { name: Kirkuk, country: SY }\n  note: wrong\n");
    const errors: string[] = [];
    expect(runGeocode({ dataDir: dir, check: false }, gazetteer, { log: () => {}, error: (line) => errors.push(line) })).toBe(1);
    expect(errors[0]).toBe('kirkuk: no city named "Kirkuk" in SY in cities 1.0');
    expect(() => readFileSync(join(dir, GENERATED_FILES.locations))).toThrow();
  });
});
