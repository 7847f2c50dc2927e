/**
 * Accounts and low / best / high estimates, in the manner of UCDP GED.
 *
 * An account is one source's version of one measure for one entity: the
 * claims that share an `account` label. Claims of an account add up (three
 * commandos, two police officers and one civilian: six). Accounts of the same
 * measure and scope are alternatives (four killed, at least seven, four
 * fighters); accounts with different scopes count different people and add up.
 * Deprecated claims take no part.
 *
 * Each claim gives a low, best and high figure:
 *   EXACT n -> n, n, n;  AT_LEAST n -> n, n, n (no higher figure is stated);
 *   MORE_THAN n -> n+1, n+1, n+1;  SEVERAL -> 2, 3, 3;  NONE_REPORTED -> 0, 0, 0;
 *   UNSPECIFIED -> no figure.
 * An account's figures are the sums of its claims'; it has none when none of
 * its claims has one. Within a scope: low is the lowest account low, high the
 * highest account high, and best the best of the highest-ranked account when
 * one is PREFERRED, else the median of the accounts' bests (the lower middle
 * one), taken over the accounts that give a number when any does, so that
 * "several" does not outvote a count. An account another source disputes
 * (a DISPUTES relation names it) only widens `high` while an undisputed
 * account of its scope remains; alone, it counts as usual, and the estimate
 * says it is disputed. The estimate adds the scopes up.
 */
import type { ClaimMeasure, ClaimQualifier, Rank } from "../model/ontology.js";
import type { Claim, EntityRecord, Evidence } from "../model/records.js";

export interface Figures {
  readonly low: number;
  readonly best: number;
  readonly high: number;
}

/** Figures as an account or estimate shows them: null when none is given. */
export interface FigureView {
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
}

export interface AccountView extends FigureView {
  /** `entity#label`, unique in the graph. */
  readonly id: string;
  readonly label: string;
  readonly entity: string;
  readonly measure: ClaimMeasure;
  readonly scope: string | null;
  readonly attribution: string;
  readonly evidence: Evidence[];
  readonly claims: Claim[];
  /** PREFERRED when a claim is, DEPRECATED when all are. */
  readonly rank: Rank;
  /** Whether a DISPUTES relation names it. */
  readonly disputed: boolean;
}

export interface EstimateView extends FigureView {
  readonly entity: string;
  readonly measure: ClaimMeasure;
  /** Every account of the measure, deprecated ones included (they take no part in the figures). */
  readonly accounts: AccountView[];
  /** Whether a figure rests on a disputed account (one with no undisputed alternative). */
  readonly disputed: boolean;
}

const shown = (figures: Figures | null): FigureView => figures ?? { low: null, best: null, high: null };
const figuresOf = (view: FigureView): Figures | null => (view.low === null ? null : (view as Figures));

const FIGURES: Record<ClaimQualifier, (count: number) => Figures | null> = {
  EXACT: (n) => ({ low: n, best: n, high: n }),
  AT_LEAST: (n) => ({ low: n, best: n, high: n }),
  MORE_THAN: (n) => ({ low: n + 1, best: n + 1, high: n + 1 }),
  SEVERAL: () => ({ low: 2, best: 3, high: 3 }),
  NONE_REPORTED: () => ({ low: 0, best: 0, high: 0 }),
  UNSPECIFIED: () => null,
};
const NUMBERED = new Set<ClaimQualifier>(["EXACT", "AT_LEAST", "MORE_THAN", "NONE_REPORTED"]);
const RANK_ORDER: Record<Rank, number> = { PREFERRED: 0, NORMAL: 1, DEPRECATED: 2 };

const sum = (a: Figures, b: Figures): Figures => ({ low: a.low + b.low, best: a.best + b.best, high: a.high + b.high });

/** The accounts of an entity, in the order their first claims appear; `disputed` holds the labels DISPUTES relations name. */
export function accountsOf(entity: EntityRecord, disputed: ReadonlySet<string> = new Set()): AccountView[] {
  const grouped = new Map<string, Claim[]>();
  for (const claim of entity.claims ?? []) grouped.set(claim.account, [...(grouped.get(claim.account) ?? []), claim]);
  return [...grouped].map(([label, claims]) => {
    const [first] = claims as [Claim, ...Claim[]];
    const counted = claims.filter((c) => c.rank !== "DEPRECATED");
    const parts = counted.map((c) => FIGURES[c.qualifier](c.count ?? 0)).filter((f): f is Figures => f !== null);
    const ranks = claims.map((c) => c.rank ?? "NORMAL");
    const rank: Rank = ranks.includes("PREFERRED") ? "PREFERRED" : ranks.every((r) => r === "DEPRECATED") ? "DEPRECATED" : "NORMAL";
    const excerpts = new Map(claims.map((c) => [c.evidence.excerpt, c.evidence]));
    return {
      id: `${entity.id}#${label}`,
      label,
      entity: entity.id,
      measure: first.measure,
      scope: first.scope ?? null,
      attribution: first.evidence.attribution,
      evidence: [...excerpts.values()],
      claims,
      rank,
      disputed: disputed.has(label),
      ...shown(parts.length > 0 ? parts.reduce(sum) : null),
    };
  });
}

/** The estimate of each measure of an entity (all measures when `measures` is empty), in measure order of first appearance. */
export function estimatesOf(entity: EntityRecord, measures: readonly ClaimMeasure[] = [], disputed: ReadonlySet<string> = new Set()): EstimateView[] {
  const byMeasure = new Map<ClaimMeasure, AccountView[]>();
  for (const account of accountsOf(entity, disputed)) {
    if (measures.length > 0 && !measures.includes(account.measure)) continue;
    byMeasure.set(account.measure, [...(byMeasure.get(account.measure) ?? []), account]);
  }
  return [...byMeasure].map(([measure, accounts]) => {
    const { figures, disputed: restsOnDispute } = estimate(accounts);
    return { entity: entity.id, measure, accounts, disputed: restsOnDispute, ...shown(figures) };
  });
}

function estimate(accounts: readonly AccountView[]): { figures: Figures | null; disputed: boolean } {
  const scopes = new Map<string, AccountView[]>();
  for (const account of accounts) {
    if (account.rank === "DEPRECATED" || account.low === null) continue;
    const key = account.scope ?? "";
    scopes.set(key, [...(scopes.get(key) ?? []), account]);
  }
  const groups = [...scopes.values()];
  const perScope = groups.map(alternatives);
  return {
    figures: perScope.length > 0 ? perScope.reduce(sum) : null,
    disputed: groups.some((group) => group.every((account) => account.disputed)),
  };
}

/** low / best / high over alternative accounts of one scope (each with figures); disputed ones only widen `high` beside undisputed ones. */
function alternatives(all: AccountView[]): Figures {
  const undisputed = all.filter((a) => !a.disputed);
  const accounts = undisputed.length > 0 ? undisputed : all;
  const low = Math.min(...accounts.map((a) => figuresOf(a)!.low));
  const high = Math.max(...all.map((a) => figuresOf(a)!.high));
  const top = Math.min(...accounts.map((a) => RANK_ORDER[a.rank]));
  if (top === RANK_ORDER.PREFERRED) return { low, best: accounts.find((a) => a.rank === "PREFERRED")!.best!, high };
  const numbered = accounts.filter((a) => a.claims.some((c) => c.rank !== "DEPRECATED" && NUMBERED.has(c.qualifier)));
  const bests = (numbered.length > 0 ? numbered : accounts).map((a) => a.best!).sort((a, b) => a - b);
  return { low, best: bests[Math.floor((bests.length - 1) / 2)]!, high };
}

/** One claim's own low, best and high figures (the rule above); nulls for UNSPECIFIED. */
export const claimFigures = (claim: Claim): FigureView => shown(FIGURES[claim.qualifier](claim.count ?? 0));
