// Rules across fields that a plain schema cannot say: weights sum to 100, thresholds and cut-offs in order.
import type { z } from "zod";
import type { ScoringConfig } from "./schema";

type Ctx = z.RefinementCtx;
const EPS = 1e-9;

function problem(ctx: Ctx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}

function maxPointsOf(c: ScoringConfig["scorecard"]["criteria"][number]): number[] {
  if (c.kind === "manual") return c.levels.map((l) => l.points);
  if (c.kind === "bands") return c.bands.map((b) => b.points);
  if (c.kind === "nature") return Object.values(c.points);
  return [];
}

function checkScorecard(sc: ScoringConfig["scorecard"], ctx: Ctx): void {
  const total = sc.criteria.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(total - 100) > EPS) problem(ctx, ["scorecard", "criteria"], `weights sum to ${total}, not 100`);
  const seen = new Set<string>();
  sc.criteria.forEach((c, i) => {
    if (seen.has(c.id)) problem(ctx, ["scorecard", "criteria", i, "id"], `duplicate criterion id "${c.id}"`);
    seen.add(c.id);
    maxPointsOf(c).forEach((p) => {
      if (p > c.weight + EPS) problem(ctx, ["scorecard", "criteria", i, "weight"], `a level gives ${p} > weight`);
    });
    if (c.kind === "manual") {
      const levels = new Set<string>();
      c.levels.forEach((l, j) => {
        if (levels.has(l.id))
          problem(ctx, ["scorecard", "criteria", i, "levels", j, "id"], `duplicate level "${l.id}"`);
        levels.add(l.id);
      });
    }
    if (c.kind === "bands") {
      c.bands.forEach((b, j) => {
        const prev = c.bands[j - 1];
        if (prev && !(b.from > prev.from))
          problem(ctx, ["scorecard", "criteria", i, "bands", j, "from"], "bands must start at increasing values");
      });
    }
  });
  if (!(sc.thresholds.a > sc.thresholds.b))
    problem(ctx, ["scorecard", "thresholds", "b"], "threshold B must be below threshold A");
}

function checkWeights(list: { weight: number; factor: string }[], path: string[], ctx: Ctx): void {
  const total = list.reduce((s, f) => s + f.weight, 0);
  if (Math.abs(total - 100) > EPS) problem(ctx, path, `weights sum to ${total}, not 100`);
  const seen = new Set<string>();
  list.forEach((f, i) => {
    if (seen.has(f.factor)) problem(ctx, [...path, i, "factor"], `duplicate factor "${f.factor}"`);
    seen.add(f.factor);
  });
}

/**
 * Adds one issue per inconsistency, each with the path of the field to fix.
 * @example
 * scoringConfigSchema.safeParse({ ...defaultConfig(), abc: { basis: "revenue", aPercent: 95, bPercent: 80 } }) // issue at ["abc", "bPercent"]
 */
export function checkConsistency(c: ScoringConfig, ctx: Ctx): void {
  checkScorecard(c.scorecard, ctx);
  if (!(c.abc.aPercent < c.abc.bPercent)) problem(ctx, ["abc", "bPercent"], "B cut-off must be above A cut-off");
  const p = c.pyramid;
  if (p.vipPercent + p.keyPercent + p.majorPercent + p.ordinaryPercent > 100 + EPS)
    problem(ctx, ["pyramid"], "pyramid layers cover more than 100 %");
  if (c.value.secondTierPercent <= 0 && c.value.mostValuablePercent <= 0)
    problem(ctx, ["value"], "at least one value class cut-off must be positive");
  checkWeights(c.kaism.attractiveness, ["kaism", "attractiveness"], ctx);
  checkWeights(c.kaism.strength, ["kaism", "strength"], ctx);
  const cr = c.credit;
  if (cr.fair.maxDaysLate > cr.watch.maxDaysLate)
    problem(ctx, ["credit", "fair", "maxDaysLate"], "fair delay must not exceed watch delay");
  if (cr.hold.minOnTimePercent > cr.fair.minOnTimePercent)
    problem(ctx, ["credit", "hold", "minOnTimePercent"], "hold on-time share must not exceed fair's");
  if (!(c.churn.mediumMultiple < c.churn.highMultiple))
    problem(ctx, ["churn", "mediumMultiple"], "medium multiple must be below high multiple");
  const cad = c.service.cadenceDays;
  if (!(cad.A <= cad.B && cad.B <= cad.C))
    problem(ctx, ["service", "cadenceDays"], "better tiers must not be followed up less often");
}
