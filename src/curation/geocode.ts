/**
 * Resolves every place and base against the gazetteer, when the data is
 * curated (`npm run geocode`): coordinates for each, and a country for each
 * the article leaves without one. Pure: records and a gazetteer in, records
 * out; scripts/geocode.ts reads and writes the files.
 *
 * Coordinates. A COUNTRY place takes its country's centre (COUNTRY
 * precision). A place or base with a GeoNames city (named in
 * data/gazetteer-queries.yaml, or a CITY place whose name matches exactly one
 * city) takes the city's position: SITE precision for the city itself, CITY
 * for anything else. Anything else takes the most precise position among the
 * places it lies in (LOCATED_IN) or near (NEAR) and that lie in its own
 * country, coarsened to what it says about this one (at best CITY; REGION
 * through a region; COUNTRY through a country) and naming the entity it came
 * `via`. A
 * transnational region, or anything a query marks `unresolved`, gets none;
 * nor does anything with no such anchor: each is written with its reason.
 *
 * Countries, for each place or base no LOCATED_IN chain leads to a country
 * from: the query's `countries`; else its city's country; else the one
 * country every place it lies in or near is in (the note says so), unless
 * one of those is a border crossing or a transnational region. Each becomes
 * a LOCATED_IN relation whose evidence is the gazetteer record it rests on.
 * A country the data has no place for is added as a COUNTRY place.
 */
import { z } from "zod";
import { countriesWithin, isCountry, liesInCountries } from "../model/containment.js";
import { GEO_PRECISIONS } from "../model/ontology.js";
import type { GeoPrecision } from "../model/ontology.js";
import { IdSchema, TextSchema } from "../model/records.js";
import type { Coordinates, EntityRecord, Evidence, LocationRecord, RelationRecord, SourceDocument } from "../model/records.js";
import { cityExcerpt, countryExcerpt } from "./gazetteer.js";
import type { Gazetteer, GazetteerCity, GazetteerCountry, GazetteerDocument } from "./gazetteer.js";

const iso2 = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code, e.g. IQ");
const citySchema = z.strictObject({ name: TextSchema, country: iso2, admin1: TextSchema.optional() });

/** One curated instruction for the gazetteer (data/gazetteer-queries.yaml). */
export const GazetteerQuerySchema = z
  .strictObject({
    entity: IdSchema,
    /**
     * The GeoNames city whose position the entity takes: its name, country
     * and, where the name recurs in the country, first-level division. A list
     * names one city per country a border site joins: the first gives the
     * position, each its country's evidence.
     */
    city: z.union([citySchema, z.array(citySchema).min(1)]).optional(),
    /** For a COUNTRY place whose name the gazetteer does not know ("Britain"): its code. */
    countryCode: iso2.optional(),
    /** The countries it lies in, where the article names none and its city does not settle it (a border crossing lies in two). */
    countries: z.array(iso2).min(1).optional(),
    /** The precision of the city's position for this entity (default SITE for the city itself, else CITY). */
    precision: z.enum(GEO_PRECISIONS).optional(),
    /** Why it has no coordinates. */
    unresolved: TextSchema.optional(),
    /** Why the query says what it says; copied into the records it produces. */
    note: TextSchema,
  })
  .superRefine((query, ctx) => {
    if (query.unresolved !== undefined && query.city !== undefined) ctx.addIssue({ code: "custom", path: ["unresolved"], message: "a query with a city is not unresolved" });
    if (query.precision !== undefined && query.city === undefined) ctx.addIssue({ code: "custom", path: ["precision"], message: "applies to a city's position: give `city`" });
  });
export type GazetteerQuery = z.infer<typeof GazetteerQuerySchema>;
export const GazetteerQueryFileSchema = z.array(GazetteerQuerySchema);

export interface GeocodeProblem {
  readonly entity: string;
  readonly message: string;
}

export interface GeocodeResult {
  /** One per place and base, in data order. */
  readonly locations: LocationRecord[];
  /** LOCATED_IN relations to countries, resting on gazetteer records. */
  readonly relations: RelationRecord[];
  /** COUNTRY places the gazetteer adds (a country the data had no place for). */
  readonly countries: EntityRecord[];
  /** The gazetteer documents the records cite. */
  readonly sources: SourceDocument[];
  readonly problems: GeocodeProblem[];
}

const PRECISION_ORDER: Record<GeoPrecision, number> = { SITE: 0, CITY: 1, REGION: 2, COUNTRY: 3 };
const coarser = (a: GeoPrecision, b: GeoPrecision): GeoPrecision => (PRECISION_ORDER[a] >= PRECISION_ORDER[b] ? a : b);
/** What an anchor's position says about what lies in or near it: a country's, a region's, else a city's worth. */
const levelOf = (anchor: EntityRecord | undefined): GeoPrecision =>
  anchor?.kind === "Place" && anchor.placeType === "COUNTRY" ? "COUNTRY" : anchor?.kind === "Place" && anchor.placeType === "REGION" ? "REGION" : "CITY";
type Site = EntityRecord & { kind: "Place" | "Base" };
const isSite = (entity: EntityRecord | undefined): entity is Site => entity?.kind === "Place" || entity?.kind === "Base";
const placeTypeOf = (entity: EntityRecord | undefined) => (entity?.kind === "Place" ? entity.placeType : null);
const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export function geocode(entities: readonly EntityRecord[], relations: readonly RelationRecord[], queries: readonly GazetteerQuery[], gazetteer: Gazetteer): GeocodeResult {
  const problems: GeocodeProblem[] = [];
  const problem = (entity: string, message: string) => problems.push({ entity, message });
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const queryOf = new Map<string, GazetteerQuery>();
  for (const query of queries) {
    if (queryOf.has(query.entity)) problem(query.entity, "has more than one query in data/gazetteer-queries.yaml");
    else if (!isSite(byId.get(query.entity))) problem(query.entity, byId.has(query.entity) ? "is not a place or base: only they are geocoded" : "is no entity in data/");
    queryOf.set(query.entity, query);
  }
  const cited = new Set<GazetteerDocument>();
  const evidenceFrom = (document: GazetteerDocument, excerpt: string): Evidence => {
    cited.add(document);
    return { document: document.id, excerpt, attribution: document.attribution };
  };
  const cityEvidence = (city: GazetteerCity) => evidenceFrom(gazetteer.cities, cityExcerpt(city));
  const countryEvidence = (country: GazetteerCountry) => evidenceFrom(gazetteer.countries, countryExcerpt(country));
  const sites = entities.filter(isSite);
  const anchorsOf = (id: string): string[] =>
    relations.filter((r) => r.source === id && (r.type === "LOCATED_IN" || r.type === "NEAR") && r.rank !== "DEPRECATED" && isSite(byId.get(r.target))).map((r) => r.target);

  // Which country each COUNTRY place is.
  const countryOfPlace = new Map<string, GazetteerCountry>();
  for (const place of sites.filter(isCountry)) {
    const code = queryOf.get(place.id)?.countryCode;
    const matches = code
      ? [gazetteer.countryWithCode(code)].filter((c): c is GazetteerCountry => c !== undefined)
      : [...new Set([place.name, ...(place.aliases ?? [])].flatMap((name) => gazetteer.countriesNamed(name)))];
    if (matches.length === 1) countryOfPlace.set(place.id, matches[0]!);
    else if (code) problem(place.id, `no country with code ${code} in ${gazetteer.countries.version}`);
    else problem(place.id, matches.length === 0 ? "no country of that name in the gazetteer: add a query with `countryCode`" : `matches ${matches.map((c) => c.code).join(", ")}: add a query with \`countryCode\``);
  }
  const placeOfCode = new Map([...countryOfPlace].map(([id, country]) => [country.code, id]));
  const articleCountries = countriesWithin(entities, relations);

  // Each site's own GeoNames cities: the first gives its position.
  const citiesOf = new Map<string, GazetteerCity[]>();
  for (const site of sites) {
    const query = queryOf.get(site.id);
    if (query?.city) {
      for (const { name, country, admin1 } of [query.city].flat()) {
        const found = gazetteer.citiesNamed(name, country, admin1);
        if (found.length === 1) citiesOf.set(site.id, [...(citiesOf.get(site.id) ?? []), found[0]!]);
        else if (found.length === 0) problem(site.id, `no city named "${name}" in ${country}${admin1 ? ` (admin1 ${admin1})` : ""} in ${gazetteer.cities.version}`);
        else problem(site.id, `${found.length} cities named "${name}" in ${country}: add \`admin1\` (one of ${found.map((c) => c.admin1).join(", ")})`);
      }
    } else if (placeTypeOf(site) === "CITY" && query?.unresolved === undefined) {
      const codes = new Set(articleCountries(site.id).map((id) => countryOfPlace.get(id)?.code));
      const named = [...new Set([site.name, ...(site.aliases ?? [])].flatMap((name) => gazetteer.citiesNamed(name)))];
      const found = codes.size > 0 ? named.filter((city) => codes.has(city.country)) : named;
      if (found.length === 1) citiesOf.set(site.id, [found[0]!]);
      else if (found.length > 1) problem(site.id, `${found.length} GeoNames cities match its names (${found.map((c) => `${c.name}, ${c.country}`).join("; ")}): add a query with \`city\``);
    }
  }

  // Coordinates: own, else the most precise anchor's that lies in the site's own country.
  const coordinates = new Map<string, Coordinates | null>();
  /** The country a site's position lies in (its city's, its country's, or its anchor's). */
  const positionCountry = new Map<string, string>();
  const articleCodes = (id: string) => articleCountries(id).map((place) => countryOfPlace.get(place)?.code);
  const resolving = new Set<string>();
  const coordinatesOf = (id: string): Coordinates | null => {
    if (coordinates.has(id)) return coordinates.get(id)!;
    const site = byId.get(id);
    if (!isSite(site) || resolving.has(id)) return null;
    resolving.add(id);
    const query = queryOf.get(id);
    const city = citiesOf.get(id)?.[0];
    const country = countryOfPlace.get(id);
    let found: Coordinates | null = null;
    if (country) {
      found = { latitude: country.latitude, longitude: country.longitude, precision: "COUNTRY", evidence: countryEvidence(country) };
      positionCountry.set(id, country.code);
    } else if (city) {
      const precision = query?.precision ?? (placeTypeOf(site) === "CITY" ? "SITE" : "CITY");
      found = { latitude: city.latitude, longitude: city.longitude, precision, ...(query?.note ? { note: query.note } : {}), evidence: cityEvidence(city) };
      positionCountry.set(id, city.country);
    } else if (query?.unresolved === undefined && placeTypeOf(site) !== "TRANSNATIONAL_REGION") {
      const ownCodes = articleCodes(id);
      for (const anchor of anchorsOf(id)) {
        const at = coordinatesOf(anchor);
        const code = positionCountry.get(anchor);
        // A site the article puts in Iraq does not take the position of a border crossing's Syrian side.
        if (!at || (ownCodes.length > 0 && code !== undefined && !ownCodes.includes(code))) continue;
        const precision = coarser(coarser(at.precision, levelOf(byId.get(anchor))), "CITY");
        if (found === null || PRECISION_ORDER[precision] < PRECISION_ORDER[found.precision]) {
          found = { latitude: at.latitude, longitude: at.longitude, precision, via: at.via ?? anchor, evidence: at.evidence };
          if (code !== undefined) positionCountry.set(id, code);
        }
      }
    }
    resolving.delete(id);
    coordinates.set(id, found);
    return found;
  };

  const locations: LocationRecord[] = sites.map((site) => {
    const found = coordinatesOf(site.id);
    if (found) return { entity: site.id, coordinates: found };
    return { entity: site.id, unresolved: unresolvedReason(site, queryOf.get(site.id)) };
  });

  // Countries for sites the article leaves without one.
  const added = new Map<string, EntityRecord>();
  const placeFor = (country: GazetteerCountry): string => {
    const existing = placeOfCode.get(country.code);
    if (existing) return existing;
    let id = slug(country.name);
    if (byId.has(id)) id = `${id}-country`;
    added.set(id, {
      id,
      kind: "Place",
      placeType: "COUNTRY",
      name: country.name,
      description: `The territory of ${country.name}: places in the data lie in it, but the article does not name it as a place, so the gazetteer adds it.`,
      evidence: [countryEvidence(country)],
    });
    placeOfCode.set(country.code, id);
    countryOfPlace.set(id, country);
    return id;
  };
  /** A site's countries from the gazetteer: ISO code -> the evidence for it. */
  type FoundCountries = { evidence: Map<string, Evidence[]>; note: string };
  const gazetteerCountries = new Map<string, FoundCountries | null>();
  const inferring = new Set<string>();
  const countryCodesOf = (id: string): string[] => {
    const fromArticle = articleCountries(id).map((place) => countryOfPlace.get(place)?.code).filter((code): code is string => code !== undefined);
    return fromArticle.length > 0 ? fromArticle : [...(gazetteerCountriesOf(id)?.evidence.keys() ?? [])];
  };
  const gazetteerCountriesOf = (id: string): FoundCountries | null => {
    if (gazetteerCountries.has(id)) return gazetteerCountries.get(id)!;
    const site = byId.get(id);
    if (!isSite(site) || !liesInCountries(site) || articleCountries(id).length > 0 || inferring.has(id)) return null;
    inferring.add(id);
    const query = queryOf.get(id);
    const city = citiesOf.get(id)?.[0];
    const countryRecords = (codes: readonly string[]) => codes.map((code) => gazetteer.countryWithCode(code)).filter((c): c is GazetteerCountry => c !== undefined);
    // Each country rests on its own record, and on the city's when the city lies in it.
    const evidenceFor = (records: readonly GazetteerCountry[], cities: readonly GazetteerCity[]) =>
      new Map(records.map((country) => [country.code, [...cities.filter((c) => c.country === country.code).map(cityEvidence), countryEvidence(country)]]));
    let found: FoundCountries | null = null;
    if (query?.countries) {
      const records = countryRecords(query.countries);
      if (records.length < query.countries.length) problem(id, `unknown country code among ${query.countries.join(", ")}`);
      found = { evidence: evidenceFor(records, citiesOf.get(id) ?? []), note: query.note };
    } else if (city) {
      const records = countryRecords([city.country]);
      found = { evidence: evidenceFor(records, [city]), note: query?.note ?? `GeoNames places ${city.name} in ${records[0]?.name ?? city.country}.` };
    } else {
      const anchors = anchorsOf(id);
      const codes = new Set(anchors.flatMap(countryCodesOf));
      const crossing = anchors.some((a) => ["BORDER_CROSSING", "TRANSNATIONAL_REGION"].includes(placeTypeOf(byId.get(a)) ?? ""));
      if (codes.size === 1 && !crossing) {
        const code = [...codes][0]!;
        const records = countryRecords([code]);
        const via = anchors.filter((a) => countryCodesOf(a).includes(code));
        const cities = via.flatMap((a) => citiesOf.get(a)?.slice(0, 1) ?? []);
        found = {
          evidence: evidenceFor(records, cities),
          note: `Inferred: it lies in or near ${via.map((a) => byId.get(a)!.name).join(" and ")} (the article), which lies in ${records[0]?.name ?? code}${cities.length > 0 ? " (GeoNames)" : ""}.`,
        };
      }
    }
    inferring.delete(id);
    gazetteerCountries.set(id, found);
    return found;
  };

  const located: RelationRecord[] = [];
  for (const site of sites) {
    if (!liesInCountries(site) || articleCountries(site.id).length > 0) continue;
    const found = gazetteerCountriesOf(site.id);
    if (!found) {
      problem(site.id, "lies in no country, and neither the gazetteer nor the places it lies in or near settle which: add a query with `countries`");
      continue;
    }
    for (const [code, evidence] of found.evidence) {
      const target = placeFor(gazetteer.countryWithCode(code)!);
      located.push({ id: `${site.id}-located-in-${target}`, type: "LOCATED_IN", source: site.id, target, note: found.note, evidence });
    }
  }
  for (const country of added.values()) {
    const place = countryOfPlace.get(country.id)!;
    locations.push({ entity: country.id, coordinates: { latitude: place.latitude, longitude: place.longitude, precision: "COUNTRY", evidence: countryEvidence(place) } });
  }

  return {
    locations,
    relations: located,
    countries: [...added.values()],
    sources: [gazetteer.cities, gazetteer.countries].filter((d) => cited.has(d)).map(sourceDocument),
    problems,
  };
}

function unresolvedReason(site: Site, query: GazetteerQuery | undefined): string {
  if (query?.unresolved) return query.unresolved;
  if (placeTypeOf(site) === "TRANSNATIONAL_REGION") return "It spans more than one country: no single position stands for it.";
  return "The gazetteer has no record of it, and nothing it lies in or near has coordinates.";
}

const sourceDocument = (document: GazetteerDocument): SourceDocument => ({
  id: document.id,
  kind: "GAZETTEER",
  title: document.title,
  publisher: document.publisher,
  version: document.version,
  licence: document.licence,
  url: document.url,
});
