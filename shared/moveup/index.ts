// "What would move the tier up": per metric criterion, the smallest change of one fact reaching the next threshold.
import type { Criterion, Scorecard } from "../config";
import type { CustomerFacts, MoveUp, Tier } from "../grade/types";
import { lowerBound, upperBound } from "../percentile";
import type { ScorecardResult } from "../scorecard";

/** Money and count facts move in whole units; ratios in hundredths. */
const RATIO_METRICS = new Set(["growth", "onTimeShare"]);
const MONEY_FACTS = new Set(["revenue", "profit", "overdueAmount", "outstanding", "serviceCost"]);

/**
 * Percentile rank a customer would have with `value`, against all ranked values of the workspace
 * (`sorted`, ascending, including the customer's own `own` when it is ranked).
 * @example
 * rankWithValue(new Float64Array([10, 20, 30]), 10, 25) // others 20, 30 → (1 + 0) / 2 = 0.5
 */
export function rankWithValue(sorted: Float64Array, own: number | null, value: number): number {
  const n = own === null ? sorted.length + 1 : sorted.length;
  if (n === 1) return 1;
  const lo = lowerBound(sorted, value);
  const hi = upperBound(sorted, value);
  let less = lo;
  let equal = hi - lo;
  if (own !== null) {
    if (own < value) less--;
    else if (own === value) equal--;
  }
  return (less + equal / 2) / (n - 1);
}

/**
 * Smallest value above `own` whose percentile rank reaches `target` (0–1), by binary search over the
 * candidates "each ranked value" and "each ranked value + 1" (facts in minor units are integers).
 * @example
 * smallestValueReaching(new Float64Array([10, 20, 30]), 10, 1) // 31
 */
export function smallestValueReaching(sorted: Float64Array, own: number | null, target: number): number | null {
  const base = own ?? 0;
  // The rank only changes at a ranked value or one above it; before the first such point it is the rank of base + 1.
  if (rankWithValue(sorted, own, base + 1) >= target) return base + 1;
  const candidate = (k: number) => (sorted[k >> 1] as number) + (k & 1);
  let lo = 0;
  let hi = 2 * sorted.length;
  // Skip candidates not above the current value.
  {
    let a = 0;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (candidate(mid) <= base) a = mid + 1;
      else b = mid;
    }
    lo = a;
  }
  if (lo >= hi || rankWithValue(sorted, own, candidate(hi - 1)) < target) return null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rankWithValue(sorted, own, candidate(mid)) >= target) hi = mid;
    else lo = mid + 1;
  }
  return candidate(lo);
}

function bandDelta(value: number, bands: Criterion & { kind: "bands" }, needed: number): number | null {
  const step = RATIO_METRICS.has(bands.metric) ? 0.01 : 1;
  let best: number | null = null;
  bands.bands.forEach((b, i) => {
    if (b.points < needed) return;
    const next = bands.bands[i + 1]?.from ?? Number.POSITIVE_INFINITY;
    let delta = 0;
    if (value < b.from) delta = b.from - value;
    else if (value >= next) delta = next - step - value;
    if (delta !== 0 && (best === null || Math.abs(delta) < Math.abs(best))) best = delta;
  });
  return best;
}

export interface MoveUpContext {
  scorecard: Scorecard;
  result: ScorecardResult;
  facts: CustomerFacts;
  /** Ascending ranked values per criterion index (percentile criteria only). */
  sortedValues: (Float64Array | null)[];
}

function nextTier(tier: Tier): Tier | null {
  return tier === "C" ? "B" : tier === "B" ? "A" : null;
}

/**
 * For every metric criterion, the smallest change of its fact that alone lifts the score to the next
 * tier's threshold. Manual, nature and credit criteria are judgements, not facts, and are skipped.
 * @example
 * moveUpOptions(ctx) // [{ criterion: "profit", fact: "profit", delta: 4800000, fromTier: "B", toTier: "A", message }]
 */
export function moveUpOptions(ctx: MoveUpContext): MoveUp[] {
  const { scorecard, result, facts } = ctx;
  const to = nextTier(result.tier);
  if (!to) return [];
  const gap = (to === "A" ? scorecard.thresholds.a : scorecard.thresholds.b) - result.score;
  const out: MoveUp[] = [];
  scorecard.criteria.forEach((c, i) => {
    const current = result.criteria[i]?.points ?? 0;
    const needed = current + gap - 1e-9;
    if (needed > c.weight) return;
    let fact: string | null = null;
    let delta: number | null = null;
    if (c.kind === "percentile") {
      const sorted = ctx.sortedValues[i];
      const own = facts.orderCount > 0 ? facts[c.metric] : null;
      const target = smallestValueReaching(sorted ?? new Float64Array(), own, needed / c.weight);
      if (target !== null) [fact, delta] = [c.metric, target - (own ?? 0)];
    } else if (c.kind === "bands" && facts[c.metric] !== null) {
      [fact, delta] = [c.metric, bandDelta(facts[c.metric] as number, c, needed)];
    } else if (c.kind === "growth" && facts.previousRevenue > 0) {
      // Said as revenue, which a rep can act on: previous × (1 + growth needed) − revenue now.
      const growthNeeded = ((needed / c.weight) * c.fullAtPercent) / 100;
      const revenueNeeded = Math.ceil(facts.previousRevenue * (1 + growthNeeded));
      if (revenueNeeded > facts.revenue) [fact, delta] = ["revenue", revenueNeeded - facts.revenue];
    }
    if (fact === null || delta === null) return;
    const key = MONEY_FACTS.has(fact) ? `moveup.${fact}` : "moveup.metric";
    const params: Record<string, string | number> = MONEY_FACTS.has(fact)
      ? { amount: delta, from: result.tier, to }
      : { metric: fact, delta: Math.round(delta * 100) / 100, from: result.tier, to };
    out.push({ criterion: c.id, fact, delta, fromTier: result.tier, toTier: to, message: { key, params } });
  });
  return out.sort((a, b) => Math.abs(a.delta) - Math.abs(b.delta));
}
