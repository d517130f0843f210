// The weighted scorecard (DOMAIN.md §3.1): criteria → points → score 0–100 → tier A/B/C.
import type { Criterion, Metric, Scorecard, ScoringConfig } from "../config";
import type { CriterionResult, CustomerFacts, Tier } from "../grade/types";
import { percentileRanks } from "../percentile";
import { type CriterionContext, criterionLabel, evaluateCriterion } from "./criteria";

export type { CriterionContext, CriterionOutcome } from "./criteria";
export { bandPoints, criterionLabel, evaluateCriterion, growthPoints } from "./criteria";

export interface ScorecardResult {
  score: number;
  tier: Tier;
  incomplete: boolean;
  criteria: CriterionResult[];
  /** Ids of the manual criteria nobody rated. */
  unrated: string[];
}

/**
 * The tier of a score: ≥ a → A, ≥ b → B, else C.
 * @example
 * tierForScore(75, { a: 75, b: 60 })    // "A"
 * tierForScore(74.99, { a: 75, b: 60 }) // "B"
 */
export function tierForScore(score: number, thresholds: Scorecard["thresholds"]): Tier {
  if (score >= thresholds.a) return "A";
  if (score >= thresholds.b) return "B";
  return "C";
}

/**
 * Percentile ranks for every percentile criterion, computed once for the workspace (index = criterion index).
 * Only customers with orders in the window are ranked; the others get 0.
 * @example
 * rankPercentileCriteria(defaultConfig(), facts)[0] // Float64Array of order-amount ranks
 */
export function rankPercentileCriteria(
  config: ScoringConfig,
  facts: readonly CustomerFacts[],
  memo: Map<string, Float64Array> = new Map(),
): (Float64Array | null)[] {
  return config.scorecard.criteria.map((c: Criterion) => {
    if (c.kind !== "percentile") return null;
    return metricRanks(c.metric, facts, memo);
  });
}

/**
 * Percentile ranks of one fact among customers with orders in the window, computed once per metric via `memo`.
 * @example
 * metricRanks("revenue", facts, new Map())[0] // 0.75
 */
export function metricRanks(
  metric: Metric,
  facts: readonly CustomerFacts[],
  memo: Map<string, Float64Array>,
): Float64Array {
  let ranks = memo.get(metric);
  if (!ranks) {
    ranks = percentileRanks(facts.map((f) => (f.orderCount > 0 ? f[metric] : null)));
    memo.set(metric, ranks);
  }
  return ranks;
}

/**
 * Scores one customer: the sum of criterion points, rounded to 2 decimals; the tier reads the rounded score.
 * @example
 * scoreCustomer(defaultConfig().scorecard, ctx).tier // "A" when the score reaches 75
 */
export function scoreCustomer(scorecard: Scorecard, ctx: CriterionContext): ScorecardResult {
  const criteria: CriterionResult[] = [];
  const unrated: string[] = [];
  let sum = 0;
  scorecard.criteria.forEach((c, i) => {
    const outcome = evaluateCriterion(c, i, ctx);
    if (!outcome.rated) unrated.push(c.id);
    const points = Math.round(outcome.points * 100) / 100;
    sum += points;
    criteria.push({
      id: c.id,
      label: criterionLabel(c),
      value: outcome.value,
      points,
      max: c.weight,
      message: outcome.message,
    });
  });
  const score = Math.min(100, Math.max(0, Math.round(sum * 100) / 100));
  return { score, tier: tierForScore(score, scorecard.thresholds), incomplete: unrated.length > 0, criteria, unrated };
}
