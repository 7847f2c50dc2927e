/**
 * Casualty and count claims about the event a clause is about, each with a
 * qualifier as ClaimSchema has them (EXACT, AT_LEAST, MORE_THAN, SEVERAL,
 * UNSPECIFIED, NONE_REPORTED) and the attribution of its clause:
 *
 * - killed, wounded: "four men were killed", "killed seven people",
 *   "three commandos, two officers and one civilian", "sustained injuries";
 * - none: "No casualties were reported", "no injuries or damage";
 * - unspecified: "did not report casualties";
 * - rockets and drones: "three rockets landed", "a drone attacked";
 * - targets: "struck three ... facilities ... and two in eastern Syria";
 * - attacks in a series: "a string of at least six drone attacks";
 * - responsibility: "No group claimed responsibility".
 *
 * Claims are grouped into accounts when the draft is assembled: one source's
 * version of one measure, as data/entities/events.yaml encodes them.
 */
import type { ClaimMeasure, ClaimQualifier } from "../model/ontology.js";
import type { Attribution, Clause } from "./attribution.js";
import type { EventLocator, EventTable } from "./events.js";
import type { Token, TaggedSentence } from "./tokens.js";
import { NUMBER_WORDS } from "./vocabulary.js";

export interface ClaimProposal {
  readonly event: string;
  readonly measure: ClaimMeasure;
  readonly qualifier: ClaimQualifier;
  readonly count?: number;
  readonly subject: string;
  readonly sentence: number;
  readonly attribution: Attribution;
}

interface Amount {
  readonly first: number;
  /** The index after the amount's words. */
  readonly last: number;
  readonly qualifier: ClaimQualifier;
  readonly count?: number;
}

const KILLED = new Set(["killed", "dead", "died"]);
const WOUNDED = new Set(["wounded", "injured"]);
const PASSIVE = new Set(["was", "were", "been", "are", "is"]);
const TARGET_NOUNS = /^(?:facilities|facility|targets?|buildings?|sites?|locations?|depots?|bases?|positions?|compounds?)$/;
const ROCKET_NOUNS = /^(?:rockets?|katyushas?|missiles?|mortars?)$/;
const DRONE_NOUNS = /^(?:drones?|uavs?|uas)$/;
const ORDINALS = new Set(["first", "second", "third", "fourth", "fifth"]);
const SUBJECT_STOPS = new Set(["in", "including", "near", "at", "during", "on", "from", "and", "that", "which", "who", "while", "but", "of"]);

/** An amount starting at token i: "at least seven", "more than 60", "several", "four", "25", "a"/"an"/"another" (one). */
function amountAt(tokens: readonly Token[], i: number, articles: boolean): Amount | null {
  const t = tokens[i];
  if (!t?.word) return null;
  const number = (j: number): number | null => {
    const w = tokens[j];
    if (!w?.word) return null;
    if (/^\d{1,6}$/.test(w.text)) return Number(w.text);
    const n = NUMBER_WORDS.get(w.lower);
    return n !== undefined && n >= 1 && !["a", "an", "another", "single"].includes(w.lower) ? n : null;
  };
  if (t.lower === "at" && tokens[i + 1]?.lower === "least") {
    const n = number(i + 2);
    return n === null ? null : { first: i, last: i + 3, qualifier: "AT_LEAST", count: n };
  }
  if ((t.lower === "more" && tokens[i + 1]?.lower === "than") || t.lower === "over") {
    const at = t.lower === "over" ? i + 1 : i + 2;
    const n = number(at);
    return n === null ? null : { first: i, last: at + 1, qualifier: "MORE_THAN", count: n };
  }
  if (t.lower === "several" || t.lower === "dozens" || (t.lower === "a" && tokens[i + 1]?.lower === "number" && tokens[i + 2]?.lower === "of")) {
    return { first: i, last: t.lower === "a" ? i + 3 : t.lower === "dozens" && tokens[i + 1]?.lower === "of" ? i + 2 : i + 1, qualifier: "SEVERAL" };
  }
  const n = number(i);
  if (n !== null) {
    if (tokens[i + 1]?.lower === "of" && tokens[i + 2]?.lower === "the") return null; // "48 of the 329 seats"
    return { first: i, last: i + 1, qualifier: "EXACT", count: n };
  }
  if (articles && ["a", "an", "another", "one"].includes(t.lower)) {
    const skip = ORDINALS.has(tokens[i + 1]?.lower ?? "") ? 2 : 1;
    return { first: i, last: i + skip, qualifier: "EXACT", count: 1 };
  }
  return null;
}

/** The longest amount that ends at token j ("at least six", not "six"). */
function amountEndingAt(tokens: readonly Token[], j: number, from: number, articles: boolean): Amount | null {
  for (let k = Math.max(from, j - 2); k <= j; k++) {
    const a = amountAt(tokens, k, articles);
    if (a && a.last === j + 1) return a;
  }
  return null;
}

const words = (tokens: readonly Token[], from: number, to: number) =>
  tokens
    .slice(from, to)
    .filter((t) => t.word)
    .map((t) => t.text)
    .join(" ");

/** Finds the claims of a sentence. */
export function findClaims(tagged: TaggedSentence, clauses: readonly Clause[], attributions: readonly Attribution[], locate: EventLocator, events: EventTable): ClaimProposal[] {
  const tokens = tagged.tokens;
  const found: ClaimProposal[] = [];
  clauses.forEach((clause, c) => {
    const attribution = attributions[c] ?? attributions[0]!;
    const push = (at: number, measure: ClaimMeasure, amount: Pick<Amount, "qualifier" | "count">, subject: string) => {
      const event = locate.at(at);
      if (event === null) return;
      if (measure !== "ATTACKS" && events.events.get(event)?.type === "ATTACK_SERIES" && !["CASUALTIES", "KILLED", "WOUNDED"].includes(measure)) return;
      found.push({ event, measure, qualifier: amount.qualifier, ...(amount.count !== undefined ? { count: amount.count } : {}), subject: subject || "people", sentence: tagged.index, attribution });
    };
    let lastSubject = "";
    for (let i = clause.first; i < clause.last; i++) {
      const t = tokens[i]!;
      if (!t.word || t.quoted) continue;

      // "No casualties were reported", "no injuries or damage".
      if (t.lower === "no") {
        const scope = tokens.slice(i + 1, Math.min(clause.last, i + 5)).filter((x) => x.word).map((x) => x.lower);
        if (scope.some((w) => ["casualties", "injuries", "deaths", "fatalities"].includes(w))) push(i, "CASUALTIES", { qualifier: "NONE_REPORTED" }, "casualties");
        if (scope.includes("damage")) push(i, "DAMAGED", { qualifier: "NONE_REPORTED" }, "damage");
        if (scope[0] === "group" && scope.includes("claimed") && scope.includes("responsibility")) push(i, "RESPONSIBILITY_CLAIMS", { qualifier: "NONE_REPORTED" }, "claims of responsibility");
        continue;
      }
      // "did not report casualties"
      if (t.lower === "did" && tokens[i + 1]?.lower === "not" && tokens[i + 2]?.lower === "report" && ["casualties", "deaths"].includes(tokens[i + 3]?.lower ?? "")) {
        push(i, "CASUALTIES", { qualifier: "UNSPECIFIED" }, "casualties");
        continue;
      }
      // "four men were killed", "Two American and one British service members were killed"
      if ((KILLED.has(t.lower) || WOUNDED.has(t.lower)) && PASSIVE.has(tokens[i - 1]?.lower ?? "")) {
        const measure: ClaimMeasure = KILLED.has(t.lower) ? "KILLED" : "WOUNDED";
        let from = i - 2;
        while (from >= clause.first && tokens[from]!.text !== "," && !(tokens[from]!.lower === "and" && tokens[from - 1]?.text === ",") && !(tokens[from]!.lower === "that") && !(tokens[from]!.lower === "and" && KILLED.has(tokens[from - 1]?.lower ?? ""))) from--;
        for (const [amount, subject] of amountsIn(tokens, from + 1, i - 1)) {
          lastSubject = subject || lastSubject;
          push(amount.first, measure, amount, subject || lastSubject);
        }
        continue;
      }
      // "killed seven people", "killed one militant and injured two others"
      if (KILLED.has(t.lower) || WOUNDED.has(t.lower)) {
        const measure: ClaimMeasure = KILLED.has(t.lower) ? "KILLED" : "WOUNDED";
        let to = i + 1;
        while (to < clause.last && !["including", "but", "while"].includes(tokens[to]!.lower) && !(tokens[to]!.lower === "and" && tokens[to + 1]?.word && (KILLED.has(tokens[to + 1]!.lower) || WOUNDED.has(tokens[to + 1]!.lower))) && tokens[to]!.text !== ";") to++;
        for (const [amount, subject] of amountsIn(tokens, i + 1, to)) push(amount.first, measure, amount, subject);
        continue;
      }
      // "Two base personnel sustained minor injuries"
      if (t.lower === "sustained" && tokens.slice(i + 1, i + 3).some((x) => x.lower === "injuries" || x.lower === "wounds")) {
        for (const [amount, subject] of amountsIn(tokens, clause.first, i)) push(amount.first, "WOUNDED", amount, subject);
        continue;
      }
      // "struck three Kataib Hezbollah facilities in western Iraq and two in eastern Syria"
      if (["struck", "targeted", "hit"].includes(t.lower) || (/^(?:airstrikes|strikes)$/.test(t.lower) && tokens[i + 1]?.lower === "against")) {
        const start = t.lower === "struck" || t.lower === "targeted" || t.lower === "hit" ? i + 1 : i + 2;
        const amount = amountAt(tokens, start, false);
        if (amount) {
          let noun = amount.last;
          while (noun < clause.last && noun < amount.last + 5 && tokens[noun]!.word && !TARGET_NOUNS.test(tokens[noun]!.lower)) noun++;
          if (tokens[noun] && TARGET_NOUNS.test(tokens[noun]!.lower)) {
            let end = noun + 1;
            while (end < clause.last && tokens[end]!.word && !["and", "used", "operated", "that", "which"].includes(tokens[end]!.lower)) end++;
            const subject = words(tokens, amount.last, end);
            push(start, "TARGETS", amount, subject);
            // "... and two in eastern Syria"
            if (tokens[end]?.lower === "and") {
              const second = amountAt(tokens, end + 1, false);
              if (second) {
                let stop = second.last;
                while (stop < clause.last && tokens[stop]!.word && !["used", "operated", "that", "which", "and"].includes(tokens[stop]!.lower)) stop++;
                push(end + 1, "TARGETS", second, `${words(tokens, amount.last, noun + 1)} ${words(tokens, second.last, stop)}`.trim());
              }
            }
          }
        }
      }
      // "three rockets landed", "a drone carrying explosives", "20 rockets and three drones"
      if (ROCKET_NOUNS.test(t.lower) || DRONE_NOUNS.test(t.lower)) {
        const next = tokens[i + 1]?.lower ?? "";
        if (/^(?:attacks?|strikes?|operations?)$/.test(next)) continue;
        let j = i - 1;
        if (tokens[j]?.word && tokens[j]!.capital && !ROCKET_NOUNS.test(tokens[j]!.lower) && amountAt(tokens, j, true) === null) j--; // "two Katyusha rockets"
        const amount = amountEndingAt(tokens, j, clause.first, true);
        const measure: ClaimMeasure = ROCKET_NOUNS.test(t.lower) ? "ROCKETS" : "DRONES";
        if (amount) push(i, measure, amount, words(tokens, amount.last, i + 1));
        else if (/s$/.test(t.lower) && (i === clause.first || !tokens[i - 1]!.word) && PASSIVE.has(next)) push(i, measure, { qualifier: "UNSPECIFIED" }, t.text);
        continue;
      }
      // "a string of at least six drone attacks", "five drone attacks"
      if (/^attacks$/.test(t.lower)) {
        let j = i - 1;
        while (j > clause.first && tokens[j]!.word && /^(?:drone|rocket|uav|one-way|separate|missile)$/i.test(tokens[j]!.text)) j--;
        const amount = amountEndingAt(tokens, j, clause.first, false);
        const event = locate.at(i);
        if (amount && event && events.events.get(event)?.type === "ATTACK_SERIES") push(i, "ATTACKS", amount, words(tokens, amount.last, i + 1));
      }
    }
  });
  return found;
}

/** The amounts of a phrase and what each counts: "four American and two Iraqi service members" is 4 American service members and 2 Iraqi service members. */
function amountsIn(tokens: readonly Token[], from: number, to: number): Array<[Amount, string]> {
  const amounts: Amount[] = [];
  for (let i = from; i < to; i++) {
    const a = amountAt(tokens, i, i === from || tokens[i - 1]?.lower === "and" || tokens[i - 1]?.text === ",");
    if (a) {
      amounts.push(a);
      i = a.last - 1;
    }
  }
  const result: Array<[Amount, string]> = [];
  amounts.forEach((amount, k) => {
    const next = amounts[k + 1];
    let end = next ? next.first : to;
    while (end > amount.last && (!tokens[end - 1]!.word || ["and", "or"].includes(tokens[end - 1]!.lower))) end--;
    let stop = amount.last;
    while (stop < end && !SUBJECT_STOPS.has(tokens[stop]!.lower) && tokens[stop]!.text !== ",") stop++;
    result.push([amount, words(tokens, amount.last, stop)]);
  });
  // A shared head: "four American and two Iraqi service members".
  if (result.length > 1) {
    const lastSubject = result[result.length - 1]![1].split(" ");
    for (const entry of result.slice(0, -1)) {
      const subject = entry[1].split(" ").filter((w) => w !== "");
      const hasNoun = subject.some((w) => /s$|er$|man$|men$|or$|ian$|ist$/.test(w) && !/^[A-Z]/.test(w));
      if (!hasNoun && lastSubject.length > subject.length) entry[1] = [...subject, ...lastSubject.slice(-2)].join(" ");
    }
  }
  return result;
}
