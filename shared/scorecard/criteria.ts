// Points of one scorecard criterion for one customer, with the message that explains them.
import type { Criterion } from "../config";
import type { CreditRating, CustomerFacts } from "../grade/types";
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
  const cached = labels.get(c);
  if (cached) return cached;
  const label = Object.freeze(makeLabel(c)) as MessageRef;
  labels.set(c, label);
  return label;
}

const labels = new WeakMap<Criterion, MessageRef>();

function makeLabel(c: Criterion): MessageRef {
  return c.label
    ? { key: "literal", params: { text: c.label } }
    : { key: `criterion.${c.id}`, params: { fallback: c.id } };
}

/**
 * Points of a growth criterion: full at `fullAtPercent`, linear from 0, 0 at or below no growth.
 * @example
 * growthPoints(0.1, 20, 20, 50) // 10 (half way to +20 %)
 * growthPoints(null, 20, 20, 50) // 10 (no previous year: half)
 */
export function growthPoints(growth: number | null, weight: number, fullAtPercent: number, noHistoryPercent: number) {
  if (growth === null) return (weight * noHistoryPercent) / 100;
  return weight * Math.min(1, Math.max(0, (growth * 100) / fullAtPercent));
}

/**
 * Points of a bands criterion: the highest band whose `from` the value reaches; none below the first.
 * @example
 * bandPoints(45, [{ from: 0, points: 10 }, { from: 30, points: 5 }]) // 5
 */
export function bandPoints(value: number | null, bands: readonly { from: number; points: number }[]): number {
  if (value === null) return 0;
  let points = 0;
  for (const b of bands) if (value >= b.from) points = b.points;
  return points;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Messages without parameters are shared (and frozen) across customers: grading 100k customers allocates less. */
const shared = new Map<string, MessageRef>();
function constant(key: string, fallback?: string): MessageRef {
  let ref = shared.get(key);
  if (!ref) {
    ref = Object.freeze(fallback === undefined ? { key } : { key, params: Object.freeze({ fallback }) }) as MessageRef;
    shared.set(key, ref);
  }
  return ref;
}

/**
 * Percent messages repeat across customers (one decimal): one frozen object per key and value, found without building
 * a string. Tenths from −1000 % to +1000 % sit in an array by index (no hashing of a double); the rest in a map.
 */
const percents = new Map<string, { byTenth: (MessageRef | undefined)[]; other: Map<number, MessageRef> }>();
const TENTHS = 10_000;
function percentMessage(key: string, percent: number): MessageRef {
  let table = percents.get(key);
  if (!table) {
    table = { byTenth: new Array(2 * TENTHS + 1).fill(undefined), other: new Map() };
    percents.set(key, table);
  }
  const tenth = Math.round(percent * 10);
  // percent is already rounded to one decimal, so tenth / 10 gives it back; -0 shares the slot of 0 as in a Map.
  const slot = tenth >= -TENTHS && tenth <= TENTHS && tenth / 10 === percent ? tenth + TENTHS : -1;
  let ref = slot >= 0 ? table.byTenth[slot] : table.other.get(percent);
  if (!ref) {
    ref = Object.freeze({ key, params: Object.freeze({ percent }) }) as MessageRef;
    if (slot >= 0) table.byTenth[slot] = ref;
    else {
      if (table.other.size > 20_000) table.other.clear();
      table.other.set(percent, ref);
    }
  }
  return ref;
}

export interface CriterionOutcome {
  value: number | string | null;
  points: number;
  message: MessageRef;
  /** False for a manual criterion nobody rated. */
  rated: boolean;
}

/** The outcome in `into` when given (a caller that reads it at once reuses one object), else a new one. */
function outcome(
  into: CriterionOutcome | undefined,
  value: CriterionOutcome["value"],
  points: number,
  message: MessageRef,
  rated: boolean,
): CriterionOutcome {
  if (!into) return { value, points, message, rated };
  into.value = value;
  into.points = points;
  into.message = message;
  into.rated = rated;
  return into;
}

/**
 * Evaluates criterion `i` of the scorecard for one customer; with `into`, the outcome is written there and returned.
 * @example
 * evaluateCriterion({ id: "credit", kind: "credit", weight: 20, percentOfWeight: { good: 100, fair: 75, unknown: 50, watch: 40, hold: 0 } }, 0, ctx).points // 15 when ctx.credit is "fair"
 */
export function evaluateCriterion(
  c: Criterion,
  i: number,
  ctx: CriterionContext,
  into?: CriterionOutcome,
): CriterionOutcome {
  switch (c.kind) {
    case "manual": {
      const levelId = ctx.customer.ratings[c.id];
      const level = c.levels.find((l) => l.id === levelId);
      if (!level) return outcome(into, null, 0, constant("explain.unrated"), false);
      return outcome(into, level.id, level.points, constant(`level.${level.id}`, level.id), true);
    }
    case "percentile": {
      const value = ctx.facts[c.metric];
      if (ctx.facts.orderCount === 0) return outcome(into, value, 0, constant("explain.noOrders"), true);
      const rank = ctx.percentile(i);
      const message = percentMessage("explain.percentile", round1(rank * 100));
      return outcome(into, value, rank * c.weight, message, true);
    }
    case "bands": {
      const value = ctx.facts[c.metric];
      const message = { key: "explain.band", params: { value: value ?? "–" } };
      return outcome(into, value, bandPoints(value, c.bands), message, true);
    }
    case "credit": {
      const points = (c.weight * c.percentOfWeight[ctx.credit]) / 100;
      return outcome(into, ctx.credit, points, constant(`credit.${ctx.credit}`), true);
    }
    case "growth": {
      const g = ctx.facts.growth;
      const points = growthPoints(g, c.weight, c.fullAtPercent, c.noHistoryPercent);
      const message = g === null ? constant("explain.noHistory") : percentMessage("explain.growth", round1(g * 100));
      return outcome(into, g, points, message, true);
    }
    case "nature": {
      const nature = ctx.customer.nature;
      return outcome(into, nature, c.points[nature], constant(`nature.${nature}`), true);
    }
  }
}
