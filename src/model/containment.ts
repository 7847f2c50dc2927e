/**
 * Containment: the countries a place or base lies in, through chains of
 * LOCATED_IN relations ("inside", so transitive), deprecated ones aside. One
 * rule, shared by the validator, the gazetteer script and the service.
 */
import type { EntityRecord, RelationRecord } from "./records.js";

export const isCountry = (entity: EntityRecord | undefined): boolean => entity?.kind === "Place" && entity.placeType === "COUNTRY";

/** Places and bases that lie inside countries; a transnational region overlaps several instead. */
export const liesInCountries = (entity: EntityRecord): boolean =>
  entity.kind === "Base" || (entity.kind === "Place" && entity.placeType !== "COUNTRY" && entity.placeType !== "TRANSNATIONAL_REGION");

/** For each id, the COUNTRY places its LOCATED_IN chains reach, nearest first; memoised. */
export function countriesWithin(entities: Iterable<EntityRecord>, relations: Iterable<RelationRecord>): (id: string) => readonly string[] {
  const byId = new Map<string, EntityRecord>();
  for (const entity of entities) byId.set(entity.id, entity);
  const within = new Map<string, string[]>();
  for (const relation of relations) {
    if (relation.type !== "LOCATED_IN" || relation.rank === "DEPRECATED") continue;
    within.set(relation.source, [...(within.get(relation.source) ?? []), relation.target]);
  }
  const found = new Map<string, readonly string[]>();
  return (id) => {
    let countries = found.get(id);
    if (countries) return countries;
    const reached: string[] = [];
    const seen = new Set([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      const at = queue[i]!;
      if (at !== id && isCountry(byId.get(at))) reached.push(at);
      for (const next of within.get(at) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    countries = reached;
    found.set(id, countries);
    return countries;
  };
}
