// The weighted scorecard (DOMAIN.md §3.1): criteria → points → score 0–100 → tier A/B/C.
import type { Criterion, Metric, Scorecard, ScoringConfig } from "../config";
import type { CriterionResult, CustomerFacts, Tier } from "../grade/types";
import { type PercentileRanking, percentileRanking } from "../percentile";
import { type CriterionContext, type CriterionOutcome, criterionLabel, evaluateCriterion } from "./criteria";

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
  memo: Map<string, PercentileRanking> = new Map(),
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
  memo: Map<string, PercentileRanking>,
): Float64Array {
  return metricRanking(metric, facts, memo).ranks;
}

/**
 * Percentile ranks of one fact and its ranked values ascending (customers with orders in the window), once per
 * metric via `memo`: the scorecard, KAISM, RFM and the move-up ladders share one sort.
 * @example
 * metricRanking("revenue", facts, new Map()).sorted // Float64Array of the ranked revenues, ascending
 */
export function metricRanking(
  metric: Metric,
  facts: readonly CustomerFacts[],
  memo: Map<string, PercentileRanking>,
): PercentileRanking {
  let ranking = memo.get(metric);
  if (!ranking) {
    ranking = percentileRanking(facts.map((f) => (f.orderCount > 0 ? f[metric] : null)));
    memo.set(metric, ranking);
  }
  return ranking;
}

/**
 * Scores one customer: the sum of criterion points, rounded to 2 decimals; the tier reads the rounded score.
 * Pass one `shared` map (`new Map()`) for a whole run to share the frozen results of judgement criteria.
 * @example
 * scoreCustomer(defaultConfig().scorecard, ctx).tier // "A" when the score reaches 75
 */
export function scoreCustomer(
  scorecard: Scorecard,
  ctx: CriterionContext,
  shared: JudgementCache | null = null,
): ScorecardResult {
  const criteria: CriterionResult[] = new Array(scorecard.criteria.length);
  let unrated: string[] = NONE_UNRATED;
  let sum = 0;
  for (let i = 0; i < scorecard.criteria.length; i++) {
    const c = scorecard.criteria[i] as Criterion;
    const key = shared === null ? null : judgementKey(c, ctx);
    let result: CriterionResult;
    let rated = true;
    if (key !== null) {
      // A judgement (level, credit rating, nature) gives the same result to every customer with that answer: share it.
      const hit = sharedResult(shared as JudgementCache, c, i, key, ctx);
      result = hit.result;
      rated = hit.rated;
    } else {
      // Read at once into the result: one scratch outcome for every customer, not a new object per criterion.
      const outcome = evaluateCriterion(c, i, ctx, scratch);
      result = toResult(c, outcome);
      rated = outcome.rated;
    }
    if (!rated) {
      if (unrated === NONE_UNRATED) unrated = [];
      unrated.push(c.id);
    }
    sum += result.points;
    criteria[i] = result;
  }
  const score = Math.min(100, Math.max(0, Math.round(sum * 100) / 100));
  return { score, tier: tierForScore(score, scorecard.thresholds), incomplete: unrated.length > 0, criteria, unrated };
}

const NONE_UNRATED = Object.freeze([]) as unknown as string[];
const scratch: CriterionOutcome = { value: null, points: 0, message: { key: "" }, rated: true };

function toResult(c: Criterion, outcome: CriterionOutcome): CriterionResult {
  return {
    id: c.id,
    label: criterionLabel(c),
    value: outcome.value,
    points: Math.round(outcome.points * 100) / 100,
    max: c.weight,
    message: outcome.message,
  };
}

/** The answer that alone decides a judgement criterion's result, or null for criteria that read facts. */
function judgementKey(c: Criterion, ctx: CriterionContext): string | null {
  switch (c.kind) {
    case "manual":
      return ctx.customer.ratings[c.id] ?? "\u0000unrated";
    case "credit":
      return ctx.credit;
    case "nature":
      return ctx.customer.nature;
    default:
      return null;
  }
}

/**
 * Results of judgement criteria shared within one grading run (one per criterion and answer). Scoped to a run, not
 * global, so an edited configuration object can never be answered from a stale entry.
 */
export type JudgementCache = Map<Criterion, Map<string, { result: CriterionResult; rated: boolean }>>;

function sharedResult(cache: JudgementCache, c: Criterion, i: number, key: string, ctx: CriterionContext) {
  let byKey = cache.get(c);
  if (!byKey) {
    byKey = new Map();
    cache.set(c, byKey);
  }
  let hit = byKey.get(key);
  if (!hit) {
    const outcome = evaluateCriterion(c, i, ctx);
    hit = { result: Object.freeze(toResult(c, outcome)) as CriterionResult, rated: outcome.rated };
    // Free-text ratings could grow the cache without bound; a few hundred distinct answers is plenty.
    if (byKey.size > 500) byKey.clear();
    byKey.set(key, hit);
  }
  return hit;
}
