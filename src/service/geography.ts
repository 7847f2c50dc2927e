/**
 * Where things are: each place's and base's countries (the COUNTRY places a
 * chain of LOCATED_IN relations reaches, deprecated ones aside; a country is
 * its own) and coordinates (from data/geography/, written by `npm run
 * geocode`), and each event's, through the sites it occurred at (else the
 * sites it struck or struck near; an event at a city is located to the
 * city, whatever the city's own precision). An event that occurred at a country
 * directly ("in Syria") takes that country, not every country a border site
 * beside it touches. Computed once at load.
 */
import type { KnowledgeBase } from "../loading/validate.js";
import { countriesWithin, isCountry } from "../model/containment.js";
import type { GeoPrecision } from "../model/ontology.js";
import type { Coordinates, EntityRecord } from "../model/records.js";

export interface Geography {
  /** Ids of the COUNTRY places an entity lies in (an event: its sites'), nearest first; empty when unknown. */
  countriesOf(id: string): readonly string[];
  /** An entity's coordinates (an event: its most precise site's, `via` that site), or null. */
  coordinatesOf(id: string): Coordinates | null;
  /** Why a place or base has no coordinates, or null. */
  unresolvedOf(id: string): string | null;
}

const PRECISION_ORDER: Record<GeoPrecision, number> = { SITE: 0, CITY: 1, REGION: 2, COUNTRY: 3 };
/** For an event, a place's own position locates it only as well as the place's extent: an event "in Baghdad" is known to the city. */
const SCALE_OF_PLACE: Partial<Record<string, GeoPrecision>> = { CITY: "CITY", DISTRICT: "CITY", REGION: "REGION", TRANSNATIONAL_REGION: "REGION", COUNTRY: "COUNTRY" };
const placeTypeOf = (entity: EntityRecord | undefined) => (entity?.kind === "Place" ? entity.placeType : "");
const coarser = (a: GeoPrecision, b: GeoPrecision): GeoPrecision => (PRECISION_ORDER[a] >= PRECISION_ORDER[b] ? a : b);
const isSite = (entity: EntityRecord | undefined) => entity?.kind === "Place" || entity?.kind === "Base";

export function buildGeography(kb: KnowledgeBase): Geography {
  const byId = new Map(kb.entities.map((entity) => [entity.id, entity]));
  const locations = new Map(kb.locations.map((location) => [location.entity, location]));
  const within = countriesWithin(kb.entities, kb.relations);
  const siteCountries = (id: string): readonly string[] => (isCountry(byId.get(id)) ? [id] : within(id));

  const occurredAt = new Map<string, string[]>();
  const struck = new Map<string, string[]>();
  for (const relation of kb.relations) {
    if (relation.rank === "DEPRECATED" || !isSite(byId.get(relation.target)) || byId.get(relation.source)?.kind !== "Event") continue;
    const into = relation.type === "OCCURRED_AT" ? occurredAt : relation.type === "ATTACKS" || relation.type === "STRUCK_NEAR" ? struck : null;
    into?.set(relation.source, [...(into.get(relation.source) ?? []), relation.target]);
  }
  const sitesOf = (event: string): readonly string[] => occurredAt.get(event) ?? struck.get(event) ?? [];

  return {
    countriesOf(id) {
      const entity = byId.get(id);
      if (isSite(entity)) return siteCountries(id);
      if (entity?.kind !== "Event") return [];
      const sites = sitesOf(id);
      const named = sites.filter((site) => isCountry(byId.get(site)));
      return named.length > 0 ? named : [...new Set(sites.flatMap(siteCountries))];
    },
    coordinatesOf(id) {
      const entity = byId.get(id);
      if (isSite(entity)) return locations.get(id)?.coordinates ?? null;
      if (entity?.kind !== "Event") return null;
      let best: Coordinates | null = null;
      for (const site of sitesOf(id)) {
        const at = locations.get(site)?.coordinates;
        if (!at) continue;
        const precision = coarser(at.precision, SCALE_OF_PLACE[placeTypeOf(byId.get(site))] ?? "SITE");
        if (best === null || PRECISION_ORDER[precision] < PRECISION_ORDER[best.precision]) best = { ...at, precision, via: site };
      }
      return best;
    },
    unresolvedOf: (id) => locations.get(id)?.unresolved ?? null,
  };
}
