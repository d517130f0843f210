// The key-account matrix KAISM (DOMAIN.md §3.6): attractiveness × our strength → four quadrants.
import type { ScoringConfig } from "../config";
import type { CustomerFacts, KaismQuadrant, RelationshipType } from "../grade/types";
import type { CustomerRecord } from "../records";

export interface KaismInput {
  customer: Pick<CustomerRecord, "ratings" | "wallet">;
  facts: Pick<CustomerFacts, "revenue" | "growth" | "tenureDays" | "orderCount">;
  relationship: RelationshipType;
  /** Percentile ranks (0–1) of revenue and profit among customers with orders. */
  revenueRank: number;
  profitRank: number;
}

/**
 * Manual levels a rep may set for the two judgement factors. On the attractiveness axis unknown
 * counts as nothing (unrated fit, growth without a previous year): key accounts need evidence, and
 * counting unknowns as the middle put the median customer exactly on the split.
 */
const FIT_LEVELS: Record<string, number> = { high: 1, medium: 0.5, low: 0 };
const RELATIONSHIP_LEVELS: Record<string, number> = { close: 1, normal: 0.5, weak: 0 };

/**
 * Each factor as a share 0–1. Strategic fit reads the rating `strategic_fit` (high / medium / low, unrated 0);
 * relationship reads the rating `relationship` (close / normal / weak), else the relationship type;
 * share of wallet is unknown (0.5) without a wallet estimate.
 * @example
 * kaismFactor("tenure", input, defaultConfig()) // 0.5 after 1.5 years with a 3-year full tenure
 */
export function kaismFactor(factor: string, k: KaismInput, config: ScoringConfig): number {
  const f = k.facts;
  switch (factor) {
    case "size":
      return k.revenueRank;
    case "profit":
      return k.profitRank;
    case "growth":
      return f.growth === null ? 0 : Math.min(1, Math.max(0, (f.growth * 100) / config.kaism.growthFullPercent));
    case "strategicFit":
      return FIT_LEVELS[k.customer.ratings.strategic_fit ?? ""] ?? 0;
    case "relationship": {
      const rated = RELATIONSHIP_LEVELS[k.customer.ratings.relationship ?? ""];
      if (rated !== undefined) return rated;
      return k.relationship === "relationship" ? 1 : f.orderCount > 0 ? 0.4 : 0;
    }
    case "shareOfWallet":
      return k.customer.wallet && k.customer.wallet > 0 ? Math.min(1, f.revenue / k.customer.wallet) : 0.5;
    case "tenure":
      return f.tenureDays === null ? 0 : Math.min(1, f.tenureDays / (365 * config.kaism.tenureFullYears));
    default:
      return 0;
  }
}

/** One axis: Σ weight × factor, two decimals. */
function axis(list: readonly { factor: string; weight: number }[], k: KaismInput, config: ScoringConfig): number {
  let sum = 0;
  for (const x of list) sum += x.weight * kaismFactor(x.factor, k, config);
  return Math.round(sum * 100) / 100;
}

/**
 * The two axes (0–100, two decimals) and the quadrant: at or above the split on both is strategic,
 * attractive but weak is develop, strong but unattractive is maintain, else opportunistic.
 * @example
 * placeKaism(input, defaultConfig()) // { quadrant: "develop", attractiveness: 72.5, strength: 31 }
 */
export function placeKaism(
  k: KaismInput,
  config: ScoringConfig,
): { quadrant: KaismQuadrant; attractiveness: number; strength: number } {
  const attractiveness = axis(config.kaism.attractiveness, k, config);
  const strength = axis(config.kaism.strength, k, config);
  const split = config.kaism.split;
  const high = attractiveness >= split;
  const strong = strength >= split;
  const quadrant = high ? (strong ? "strategic" : "develop") : strong ? "maintain" : "opportunistic";
  return { quadrant, attractiveness, strength };
}
