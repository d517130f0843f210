// RFM (DOMAIN.md §3.4): recency, frequency, monetary scored 1–5 by quintiles, and the eight segments.
import type { ScoringConfig } from "../config";
import type { CustomerFacts, RfmSegment } from "../grade/types";
import { percentileRanks } from "../percentile";

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/**
 * Quintile score 1–5 of a percentile rank: [0, 0.2) → 1 … [0.8, 1] → 5.
 * @example
 * quintileScore(0.2) // 2
 * quintileScore(1)   // 5
 */
export function quintileScore(rank: number): number {
  return Math.min(5, 1 + Math.floor(rank * 5 + 1e-9));
}

/**
 * The segment of three scores: M decides important / general, R and F decide value / development /
 * retention / win-back. A dimension is high when its score ≥ `highScore`.
 * @example
 * rfmSegment(5, 1, 4, 3) // "important_development"
 */
export function rfmSegment(r: number, f: number, m: number, highScore: number): RfmSegment {
  const prefix = m >= highScore ? "important" : "general";
  const rHigh = r >= highScore;
  const fHigh = f >= highScore;
  const kind = rHigh ? (fHigh ? "value" : "development") : fHigh ? "retention" : "winback";
  return `${prefix}_${kind}`;
}

/**
 * RFM for every customer; null for a customer without orders in the window. Quintiles over the
 * customers with orders, via the percentile rank (ties share a score); fewer days since the last
 * order scores higher. `revenueRanks` may pass the revenue ranks already computed for the workspace.
 * Equal scores are one shared frozen object.
 * @example
 * scoreRfm(facts, defaultConfig())[0] // { r: 5, f: 3, m: 4, segment: "important_value" }
 */
export function scoreRfm(
  facts: readonly CustomerFacts[],
  config: ScoringConfig,
  revenueRanks?: Float64Array,
): (RfmScore | null)[] {
  const active = (f: CustomerFacts) => f.orderCount > 0;
  const r = percentileRanks(facts.map((f) => (active(f) ? -(f.recencyDays as number) : null)));
  const fr = percentileRanks(facts.map((f) => (active(f) ? f.orderCount : null)));
  // The same ranking as the scorecard's order amount: pass it in to sort once.
  const m = revenueRanks ?? percentileRanks(facts.map((f) => (active(f) ? f.revenue : null)));
  return facts.map((f, i) => {
    if (!active(f)) return null;
    const rs = quintileScore(r[i] as number);
    const fs = quintileScore(fr[i] as number);
    const ms = quintileScore(m[i] as number);
    return sharedScore(rs, fs, ms, config.rfm.highScore);
  });
}

/** The 125 possible scores per `highScore`, frozen and shared: grading 100k customers allocates none. */
const scoreTables = new Map<number, RfmScore[]>();

function sharedScore(r: number, f: number, m: number, highScore: number): RfmScore {
  let table = scoreTables.get(highScore);
  if (!table) {
    table = new Array(125);
    scoreTables.set(highScore, table);
  }
  const k = (r - 1) * 25 + (f - 1) * 5 + (m - 1);
  let score = table[k];
  if (!score) {
    score = Object.freeze({ r, f, m, segment: rfmSegment(r, f, m, highScore) });
    table[k] = score;
  }
  return score;
}
