// The value matrix (DOMAIN.md §3.5): actual value (NPV of profit), strategic value, and the four classes.
import { rankDescending } from "../abc";
import type { ScoringConfig } from "../config";
import type { CustomerFacts, ValueClass } from "../grade/types";

/**
 * Net present value of the expected profit: Σ t=1..H (profit − service cost) × rᵗ / (1 + d)ᵗ, in minor units.
 * @example
 * actualValue(1000_00, 0, defaultConfig().value) // ≈ 1000_00 × (0.727 + 0.529 + 0.385) = 164_125
 */
export function actualValue(profit: number, serviceCost: number, v: ScoringConfig["value"]): number {
  const factor = v.retention / (1 + v.discount);
  let sum = 0;
  let weight = 1;
  for (let t = 1; t <= v.horizonYears; t++) {
    weight *= factor;
    sum += weight;
  }
  return Math.round((profit - serviceCost) * sum);
}

/**
 * Strategic value: (wallet − our revenue) × our margin when the wallet is known; without it growth
 * is the proxy: profit × growth (what another year at this growth would add). Never negative.
 * @example
 * strategicValue({ revenue: 100, profit: 20, growth: null } as CustomerFacts, 600) // (600 − 100) × 0.2 = 100
 */
export function strategicValue(f: Pick<CustomerFacts, "revenue" | "profit" | "growth">, wallet: number | null): number {
  if (wallet !== null) {
    const margin = f.revenue > 0 ? f.profit / f.revenue : 0;
    return Math.max(0, Math.round((wallet - f.revenue) * margin));
  }
  return Math.max(0, Math.round(f.profit * Math.max(0, f.growth ?? 0)));
}

function topCount(percent: number, n: number): number {
  return Math.ceil((percent * n) / 100 - 1e-9);
}

/**
 * The class of every customer: negative (actual < 0), most valuable (top 5 % of all customers by
 * actual value), second-tier (top 20 % by strategic value, not most valuable), else ordinary.
 * Only positive values qualify for the top classes; ties break by id.
 * @example
 * classifyValue([500, -1, 10], [0, 0, 90], ["a", "b", "c"], defaultConfig().value) // ["most_valuable", "negative", "second_tier"]
 */
export function classifyValue(
  actual: readonly number[],
  strategic: readonly number[],
  ids: readonly string[],
  v: ScoringConfig["value"],
  tieOrder?: Int32Array,
): ValueClass[] {
  const n = actual.length;
  const classes: ValueClass[] = actual.map((a) => (a < 0 ? "negative" : "ordinary"));
  rankDescending(actual, ids, tieOrder)
    .slice(0, topCount(v.mostValuablePercent, n))
    .forEach((i) => {
      classes[i] = "most_valuable";
    });
  rankDescending(strategic, ids, tieOrder)
    .slice(0, topCount(v.secondTierPercent, n))
    .forEach((i) => {
      if (classes[i] === "ordinary") classes[i] = "second_tier";
    });
  return classes;
}
