// "What would move the tier up": per metric criterion, the smallest change of one fact reaching the next threshold.
import type { Criterion, Scorecard } from "../config";
import { sortSmall } from "../grade/small-sort";
import type { CustomerFacts, MoveUp, Tier } from "../grade/types";
import type { ScorecardResult } from "../scorecard";
import { type RankLadder, smallestValueReaching } from "./ladder";

export { type RankLadder, rankLadder, rankWithValue, smallestValueReaching } from "./ladder";

/** Money and count facts move in whole units; ratios in hundredths. */
const RATIO_METRICS = new Set(["growth", "onTimeShare"]);
const MONEY_FACTS = ["revenue", "profit", "overdueAmount", "outstanding", "serviceCost"];
/** Message key per money fact, built once (a template per option made a new string for every customer). */
const MONEY_KEYS = new Map(MONEY_FACTS.map((f) => [f, `moveup.${f}`]));

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
  /** Ranked values per criterion index (percentile criteria only), see `rankLadder`. */
  ladders: (RankLadder | null)[];
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
  const out = scratch;
  out.length = 0;
  const criteria = scorecard.criteria;
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i] as Criterion;
    const current = result.criteria[i]?.points ?? 0;
    const needed = current + gap - 1e-9;
    if (needed > c.weight) continue;
    // Plain locals, no [fact, delta] pairs: this runs for every customer below A.
    let fact: string | null = null;
    let delta: number | null = null;
    if (c.kind === "percentile") {
      const ladder = ctx.ladders[i];
      const own = facts.orderCount > 0 ? facts[c.metric] : null;
      // The criterion's points are rank × weight: the customer's own rank, a hint of where it sits on the ladder.
      const target = ladder ? smallestValueReaching(ladder, own, needed / c.weight, current / c.weight) : null;
      if (target !== null) {
        fact = c.metric;
        delta = target - (own ?? 0);
      }
    } else if (c.kind === "bands" && facts[c.metric] !== null) {
      fact = c.metric;
      delta = bandDelta(facts[c.metric] as number, c, needed);
    } else if (c.kind === "growth" && facts.previousRevenue > 0) {
      // Said as revenue, which a rep can act on: previous × (1 + growth needed) − revenue now.
      const growthNeeded = ((needed / c.weight) * c.fullAtPercent) / 100;
      const revenueNeeded = Math.ceil(facts.previousRevenue * (1 + growthNeeded));
      if (revenueNeeded > facts.revenue) {
        fact = "revenue";
        delta = revenueNeeded - facts.revenue;
      }
    }
    if (fact === null || delta === null) continue;
    const moneyKey = MONEY_KEYS.get(fact);
    const message: MoveUp["message"] =
      moneyKey !== undefined
        ? { key: moneyKey, params: { amount: delta, from: result.tier, to } }
        : {
            key: "moveup.metric",
            params: { metric: fact, delta: Math.round(delta * 100) / 100, from: result.tier, to },
          };
    out.push({ criterion: c.id, fact, delta, fromTier: result.tier, toTier: to, message });
  }
  if (out.length > 1) sortSmall(out, byDeltaSize);
  // Exact-size copy: a list grown by push keeps room for 17, and grades live as long as the report.
  const list = out.slice();
  out.length = 0;
  return list;
}

const byDeltaSize = (a: MoveUp, b: MoveUp) => Math.abs(a.delta) - Math.abs(b.delta);

/** Reused between customers while a list is built; only its exact-size copy leaves moveUpOptions. */
const scratch: MoveUp[] = [];
