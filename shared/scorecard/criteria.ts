// Points of one scorecard criterion for one customer, with the message that explains them.
import type { Criterion } from "../config";
import type { CreditRating, CriterionResult, CustomerFacts } from "../grade/types";
import type { MessageRef } from "../i18n/types";
import type { CustomerRecord } from "../records";

export interface CriterionContext {
  customer: CustomerRecord;
  facts: CustomerFacts;
  credit: CreditRating;
  /** Percentile rank (0–1) of this customer for a percentile criterion's metric. */
  percentile: (criterionIndex: number) => number;
}

/**
 * The label shown for a criterion: the admin's own text, else the catalogue's name for the id.
 * @example
 * criterionLabel({ id: "profit" } as Criterion) // { key: "criterion.profit", params: { fallback: "profit" } }
 */
export function criterionLabel(c: Criterion): MessageRef {
  return c.label
    ? { key: "literal", params: { text: c.label } }
    : { key: `criterion.${c.id}`, params: { fallback: c.id } };
}

/** Points of a growth criterion: full at `fullAtPercent`, linear from 0, 0 at or below no growth. */
export function growthPoints(growth: number | null, weight: number, fullAtPercent: number, noHistoryPercent: number) {
  if (growth === null) return (weight * noHistoryPercent) / 100;
  return weight * Math.min(1, Math.max(0, (growth * 100) / fullAtPercent));
}

/** Points of a bands criterion: the highest band whose `from` the value reaches; none below the first. */
export function bandPoints(value: number | null, bands: readonly { from: number; points: number }[]): number {
  if (value === null) return 0;
  let points = 0;
  for (const b of bands) if (value >= b.from) points = b.points;
  return points;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Evaluates criterion `i` of the scorecard; `rated` is false for a manual criterion nobody rated.
 * @example
 * evaluateCriterion({ id: "credit", kind: "credit", weight: 20, percentOfWeight: { good: 100, fair: 75, unknown: 50, watch: 40, hold: 0 } }, 0, ctx).points // 15 when ctx.credit is "fair"
 */
export function evaluateCriterion(
  c: Criterion,
  i: number,
  ctx: CriterionContext,
): CriterionResult & { rated: boolean } {
  const base = { id: c.id, label: criterionLabel(c), max: c.weight, rated: true };
  switch (c.kind) {
    case "manual": {
      const levelId = ctx.customer.ratings[c.id];
      const level = c.levels.find((l) => l.id === levelId);
      if (!level) return { ...base, value: null, points: 0, rated: false, message: { key: "explain.unrated" } };
      return {
        ...base,
        value: level.id,
        points: level.points,
        message: { key: `level.${level.id}`, params: { fallback: level.id } },
      };
    }
    case "percentile": {
      if (ctx.facts.orderCount === 0)
        return { ...base, value: ctx.facts[c.metric], points: 0, message: { key: "explain.noOrders" } };
      const rank = ctx.percentile(i);
      return {
        ...base,
        value: ctx.facts[c.metric],
        points: rank * c.weight,
        message: { key: "explain.percentile", params: { percent: round1(rank * 100) } },
      };
    }
    case "bands": {
      const value = ctx.facts[c.metric];
      return {
        ...base,
        value,
        points: bandPoints(value, c.bands),
        message: { key: "explain.band", params: { value: value ?? "–" } },
      };
    }
    case "credit":
      return {
        ...base,
        value: ctx.credit,
        points: (c.weight * c.percentOfWeight[ctx.credit]) / 100,
        message: { key: `credit.${ctx.credit}` },
      };
    case "growth": {
      const g = ctx.facts.growth;
      return {
        ...base,
        value: g,
        points: growthPoints(g, c.weight, c.fullAtPercent, c.noHistoryPercent),
        message:
          g === null ? { key: "explain.noHistory" } : { key: "explain.growth", params: { percent: round1(g * 100) } },
      };
    }
    case "nature":
      return {
        ...base,
        value: ctx.customer.nature,
        points: c.points[ctx.customer.nature],
        message: { key: `nature.${ctx.customer.nature}` },
      };
  }
}
