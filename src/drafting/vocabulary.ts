/**
 * The generic words the drafter reads the text with: nouns that tell what
 * kind of thing a name is ("militia", "base", "ministry"), titles before a
 * person's name, words for attacks and for counting. Never names: every name
 * the drafter proposes comes from the text, found by compromise's tagging or
 * by the graph's search index.
 */
import type { EntityKind, EventType } from "../model/ontology.js";

/** A kind, and the subtype its record needs (facilityType, placeType, organizationType, mediaType, instrumentType). */
export interface KindGuess {
  readonly kind: EntityKind;
  readonly subtype?: string;
}

const k = (kind: EntityKind, subtype?: string): KindGuess => (subtype === undefined ? { kind } : { kind, subtype });

/** The last word of a name (or its first, for camp and fort) and what it makes the name. */
export const NAME_HEADS: ReadonlyMap<string, KindGuess> = new Map([
  ...["base", "barracks", "garrison", "outpost"].map((w) => [w, k("Base", "MILITARY_BASE")] as const),
  ...["airbase", "airfield"].map((w) => [w, k("Base", "AIR_BASE")] as const),
  ["airport", k("Base", "AIRPORT")],
  ...["embassy", "consulate"].map((w) => [w, k("Base", "DIPLOMATIC_FACILITY")] as const),
  ...["center", "centre", "hangar", "compound", "complex", "facility"].map((w) => [w, k("Base", "OTHER_FACILITY")] as const),
  ["crossing", k("Place", "BORDER_CROSSING")],
  ...["border", "region", "province", "governorate", "valley", "desert", "mountains", "east", "west", "north", "south"].map((w) => [w, k("Place", "REGION")] as const),
  ["district", k("Place", "DISTRICT")],
  ...["city", "town", "village"].map((w) => [w, k("Place", "CITY")] as const),
  ["oilfield", k("Place", "OIL_FIELD")],
  ...["ministry", "department", "office", "house", "commission", "council", "agency", "bureau", "administration"].map((w) => [w, k("Organization", "GOVERNMENT_BODY")] as const),
  ...["committee", "subcommittee", "congress", "senate", "parliament", "assembly"].map((w) => [w, k("Organization", "LEGISLATIVE_BODY")] as const),
  ...["force", "forces", "army", "navy", "guard", "guards", "corps", "military", "police", "command", "defenses", "defences"].map((w) => [w, k("Organization", "ARMED_FORCE")] as const),
  ...["intelligence"].map((w) => [w, k("Organization", "INTELLIGENCE_AGENCY")] as const),
  ...["coalition", "alliance"].map((w) => [w, k("Organization", "MILITARY_COALITION")] as const),
  ["network", k("Organization", "NETWORK")],
  ["government", k("Government")],
  ...["militia", "militias", "brigade", "brigades", "battalion", "battalions"].map((w) => [w, k("Militia")] as const),
  ...["bloc", "party"].map((w) => [w, k("PoliticalBloc")] as const),
  ...["press", "news", "times", "post", "tribune", "herald", "journal", "gazette"].map((w) => [w, k("MediaSource", "NEWS_AGENCY")] as const),
  ...["tv", "television", "radio", "channel", "channels"].map((w) => [w, k("MediaSource", "MEDIA_OUTLETS")] as const),
  ...["monitor", "observatory"].map((w) => [w, k("MediaSource", "MONITOR")] as const),
  ["act", k("LegalInstrument", "STATUTE")],
  ["law", k("LegalInstrument", "STATUTE")],
  ["constitution", k("LegalInstrument", "CONSTITUTION")],
  ...["article", "amendment", "clause"].map((w) => [w, k("LegalInstrument", "CONSTITUTIONAL_PROVISION")] as const),
  ...["treaty", "agreement", "accord", "convention", "charter", "deal"].map((w) => [w, k("LegalInstrument", "INTERNATIONAL_AGREEMENT")] as const),
  ["resolution", k("LegalInstrument", "AUTHORIZATION")],
]);
/** Two words that head a name together ("Balad Air Base"). */
export const TWO_WORD_HEADS: ReadonlyMap<string, KindGuess> = new Map([
  ["air base", k("Base", "AIR_BASE")],
  ["air force", k("Organization", "ARMED_FORCE")],
  ["news agency", k("MediaSource", "NEWS_AGENCY")],
  ["oil field", k("Place", "OIL_FIELD")],
]);
/** Words that head a name from its start ("Camp Taji"). */
export const LEADING_HEADS: ReadonlyMap<string, KindGuess> = new Map([
  ["camp", k("Base", "MILITARY_BASE")],
  ["fort", k("Base", "MILITARY_BASE")],
  ["article", k("LegalInstrument", "CONSTITUTIONAL_PROVISION")],
]);

/** Lower-case site words that, written right after a name, belong to it ("K1 military airbase", "al Omar oil field", "Kurdistan region"). */
export const SITE_SUFFIXES: ReadonlyArray<readonly [readonly string[], KindGuess]> = [
  [["border", "crossing"], k("Place", "BORDER_CROSSING")],
  [["crossing"], k("Place", "BORDER_CROSSING")],
  [["border", "region"], k("Place", "REGION")],
  [["border"], k("Place", "REGION")],
  [["region"], k("Place", "REGION")],
  [["province"], k("Place", "REGION")],
  [["oil", "field"], k("Place", "OIL_FIELD")],
  [["oilfield"], k("Place", "OIL_FIELD")],
  [["military", "airbase"], k("Base", "AIR_BASE")],
  [["military", "base"], k("Base", "MILITARY_BASE")],
  [["air", "base"], k("Base", "AIR_BASE")],
  [["airbase"], k("Base", "AIR_BASE")],
  [["airport"], k("Base", "AIRPORT")],
  [["base"], k("Base", "MILITARY_BASE")],
];

/** Descriptions in apposition ("X, an umbrella group of ...", "militias—X and Y—"): what they make the name. Longest first. */
export const DESCRIPTORS: ReadonlyArray<readonly [readonly string[], KindGuess]> = [
  [["umbrella", "group"], k("UmbrellaGroup")],
  [["umbrella", "organization"], k("UmbrellaGroup")],
  [["umbrella", "organisation"], k("UmbrellaGroup")],
  [["news", "agency"], k("MediaSource", "NEWS_AGENCY")],
  [["militia", "groups"], k("Militia")],
  [["militia", "group"], k("Militia")],
  [["armed", "group"], k("Militia")],
  ...["militia", "militias", "militants", "faction", "factions", "proxy", "proxies", "rebels", "insurgents", "group", "groups"].map((w) => [[w], k("Militia")] as const),
  ...["bloc", "party", "parties", "coalition"].map((w) => [[w], k("PoliticalBloc")] as const),
  ...["ministry", "department", "agency", "body", "committee", "network", "force", "forces", "army"].map((w) => [[w], k("Organization")] as const),
  ...["government", "state", "administration"].map((w) => [[w], k("Government")] as const),
  ...["monitor", "newspaper", "broadcaster", "channel", "outlet", "website"].map((w) => [[w], k("MediaSource")] as const),
  ...["spokesman", "spokeswoman", "spokesperson", "secretary", "senator", "commander", "leader", "head", "president", "minister", "chairman", "official", "general", "colonel", "officer", "cleric"].map((w) => [[w], k("Official")] as const),
  ...["base", "airbase", "airport", "facility", "compound"].map((w) => [[w], k("Base")] as const),
  ...["city", "town", "village", "province", "region", "country", "crossing"].map((w) => [[w], k("Place")] as const),
];

/** Nouns written after a group's name for its people ("Kataib Hezbollah militants"): the name is an armed group. */
export const MEMBER_NOUNS = new Set(["militants", "fighters", "supporters", "commander", "commanders", "members", "militiamen", "gunmen", "operatives"]);

/** Titles written before a person's name ("Major General", "Press Secretary", "Col."). */
export const TITLES = new Set(
  "president vice secretary senator sen. representative rep. congressman congresswoman governor gov. mayor minister premier general gen. col. colonel lt. lieutenant major maj. captain capt. sgt. sergeant admiral adm. commander chairman chairwoman chair director chief spokesman spokeswoman spokesperson ambassador envoy king queen prince sheikh ayatollah leader deputy mr. mrs. ms. dr. judge justice".split(" "),
);
/** Words that are titles only before another title ("Press Secretary", "Prime Minister", "Vice President"). */
export const TITLE_QUALIFIERS = new Set(["press", "prime", "vice", "foreign", "defense", "defence", "deputy", "senior", "state"]);
/** Lower-case role words before a name ("spokesman Saeed Khatibzadeh"). */
export const ROLE_WORDS = new Set(["spokesman", "spokeswoman", "spokesperson", "commander", "leader", "official", "minister", "secretary", "senator", "envoy", "ambassador", "chief", "head", "general", "colonel"]);

/** Particles inside names ("Abu Mahdi al Muhandis", "Department of Defense", "Subcommittee on Near East"). */
export const NAME_PARTICLES = new Set(["al", "el", "bin", "ibn", "de", "du", "von", "van", "of", "on"]);

/** Nouns for a country's armed forces ("U.S. forces", "Iraqi air defenses"), by the force they name. */
export const FORCE_NOUNS: ReadonlyArray<readonly [readonly string[], string]> = [
  [["military", "forces"], "forces"],
  [["security", "forces"], "security forces"],
  [["air", "defenses"], "air defense"],
  [["air", "defense"], "air defense"],
  [["air", "defences"], "air defense"],
  [["air", "force"], "air force"],
  [["forces"], "forces"],
  [["troops"], "forces"],
  [["personnel"], "forces"],
  [["warplanes"], "forces"],
  [["military"], "forces"],
  [["army"], "forces"],
  [["navy"], "navy"],
];

/** Nouns for a collective of armed groups ("Iran-backed militias", "PMF militias"). */
export const COLLECTIVE_NOUNS: ReadonlyArray<readonly string[]> = [["militia", "groups"], ["militia", "group"], ["militias"], ["militia"], ["militants"], ["groups"], ["proxies"]];

/** "X-backed", "X-based", "pro-X": the modifier and what it says of X. */
export const MODIFIER_SUFFIXES = new Set(["backed", "based", "led", "run", "funded", "trained", "armed", "affiliated", "allied", "aligned", "sponsored", "supported", "linked", "controlled"]);
export const BACKING_MODIFIERS = new Set(["backed", "funded", "trained", "armed", "sponsored", "supported"]);

/** Directions that make a region of a place ("northern Iraq"). */
export const DIRECTIONS = new Set("northern southern eastern western central north south east west northeast northwest southeast southwest northeastern northwestern southeastern southwestern".split(" "));

/** Month and weekday names, never part of an entity's name. */
export const CALENDAR_WORDS = new Set(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split(" "),
);

/** Words for an attack, and the event type each gives; the strike family is an airstrike. */
export const ATTACK_WORDS: ReadonlyArray<readonly [RegExp, EventType | null]> = [
  [/^(?:airstrikes?|air-?strikes?|strikes?|struck|striking|bombed|bombing|bombings|raids?|warplanes?)$/, "AIRSTRIKE"],
  [/^(?:rockets?|katyushas?|mortars?|missiles?|shelling|shelled)$/, "ROCKET_ATTACK"],
  [/^(?:drones?|uavs?|uas|unmanned)$/, "DRONE_ATTACK"],
  [/^(?:storming|stormed|storm)$/, "STORMING"],
  [/^(?:attacks?|attacked|targeted|hit|fired|fire|explosives?|explosion|shot|foiled|intercepted)$/, null],
];
/** "returned fire": an exchange of fire. */
export const EXCHANGE_OF_FIRE = /\breturned fire\b|\bexchange(?:d)? (?:of )?fire\b|\bclash(?:ed|es)\b/i;

/** Verbs that make their subject the source of what a clause says. */
export const SPEECH_VERBS = ["said", "says", "stated", "added", "claimed", "claims", "reported", "reports", "tweeted", "confirmed", "announced", "noted", "wrote", "told", "alleged", "insisted"];

/** Nouns for sources that are not named ("Iraqi sources", "U.S. officials", "a Britain-based monitor", "Telegram channels"). */
export const SOURCE_NOUNS: ReadonlyMap<string, string> = new Map([
  ["sources", "UNNAMED_SOURCES"],
  ["source", "UNNAMED_SOURCES"],
  ["officials", "UNNAMED_SOURCES"],
  ["witnesses", "UNNAMED_SOURCES"],
  ["residents", "UNNAMED_SOURCES"],
  ["monitor", "MONITOR"],
  ["observatory", "MONITOR"],
  ["channels", "SOCIAL_MEDIA_CHANNELS"],
  ["accounts", "SOCIAL_MEDIA_CHANNELS"],
  ["media", "MEDIA_OUTLETS"],
  ["outlets", "MEDIA_OUTLETS"],
]);

/** Number words, for counts. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
    .split(" ")
    .map((w, i) => [w, i + 1] as const)
    .concat([["thirty", 30], ["forty", 40], ["fifty", 50], ["sixty", 60], ["seventy", 70], ["eighty", 80], ["ninety", 90], ["hundred", 100], ["a", 1], ["an", 1], ["another", 1], ["single", 1]]),
);
