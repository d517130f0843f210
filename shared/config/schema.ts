// The zod schema of a workspace's scoring configuration: every number of DOMAIN.md is a field here.
import { z } from "zod";
import { CUSTOMER_NATURES, INTERACTION_KINDS, LIFECYCLE_STAGES, OPPORTUNITY_STAGES } from "../records";
import { checkConsistency } from "./consistency";

/** Derived facts a metric criterion may read (see `CustomerFacts`). */
export const METRICS = [
  "revenue",
  "profit",
  "orderCount",
  "recencyDays",
  "growth",
  "tenureDays",
  "lifetimeOrderCount",
  "onTimeShare",
  "maxDaysLate",
  "overdueAmount",
  "outstanding",
  "interactions30d",
  "serviceCost",
] as const;
export type Metric = (typeof METRICS)[number];

export const HEADLINE_MODELS = ["scorecard", "abc", "pyramid", "value", "kaism"] as const;
export const KAISM_ATTRACTIVENESS_FACTORS = ["size", "growth", "profit", "strategicFit"] as const;
export const KAISM_STRENGTH_FACTORS = ["relationship", "shareOfWallet", "tenure"] as const;

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "use lower-case letters, digits and _");
const points = z.number().min(0).max(100);
const percent = z.number().min(0).max(100);
const days = z.number().int().min(0);
const minor = z.number().int().min(0);
const tierRecord = <T extends z.ZodType>(t: T) => z.object({ A: t, B: t, C: t });

const base = { id, weight: points, label: z.string().min(1).optional() };

const manualCriterion = z.object({
  ...base,
  kind: z.literal("manual"),
  levels: z.array(z.object({ id, points })).min(1),
});
const percentileCriterion = z.object({ ...base, kind: z.literal("percentile"), metric: z.enum(METRICS) });
const bandsCriterion = z.object({
  ...base,
  kind: z.literal("bands"),
  metric: z.enum(METRICS),
  /** A value ≥ `from` earns `points` of the highest such band; below the first band earns 0. */
  bands: z.array(z.object({ from: z.number(), points })).min(1),
});
const creditCriterion = z.object({
  ...base,
  kind: z.literal("credit"),
  /** Percent of the weight each rating earns. */
  percentOfWeight: z.object({ good: percent, fair: percent, unknown: percent, watch: percent, hold: percent }),
});
const growthCriterion = z.object({
  ...base,
  kind: z.literal("growth"),
  /** Growth (in percent) that earns the full weight; linear from 0 up to it. */
  fullAtPercent: z.number().positive(),
  /** Percent of the weight when growth is undefined (no revenue in the year before the window). */
  noHistoryPercent: percent,
});
const natureCriterion = z.object({
  ...base,
  kind: z.literal("nature"),
  points: z.object(
    Object.fromEntries(CUSTOMER_NATURES.map((n) => [n, points])) as Record<
      (typeof CUSTOMER_NATURES)[number],
      typeof points
    >,
  ),
});

export const criterionSchema = z.discriminatedUnion("kind", [
  manualCriterion,
  percentileCriterion,
  bandsCriterion,
  creditCriterion,
  growthCriterion,
  natureCriterion,
]);

export const scorecardSchema = z.object({
  /** Which template this scorecard started from (`custom` once an admin edits it). */
  template: z.enum(["existing", "prospect", "property", "custom"]),
  criteria: z.array(criterionSchema).min(1),
  /** Score ≥ a is tier A, ≥ b is B, below is C. */
  thresholds: z.object({ a: points, b: points }),
});

const kaismFactor = <T extends readonly [string, ...string[]]>(factors: T) =>
  z.array(z.object({ factor: z.enum(factors), weight: points })).min(1);

const replyTarget = z.object({ unit: z.enum(["hours", "workingDays"]), value: z.number().positive() });

const shape = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** IANA zone for working days and follow-up dates. */
  timeZone: z.string().min(1),
  windowDays: z.number().int().positive(),
  headline: z.enum(HEADLINE_MODELS),
  scorecard: scorecardSchema,
  abc: z.object({ basis: z.enum(["revenue", "profit"]), aPercent: percent, bPercent: percent }),
  /** Width of each layer from the top, in percent of customers. */
  pyramid: z.object({ vipPercent: percent, keyPercent: percent, majorPercent: percent, ordinaryPercent: percent }),
  rfm: z.object({ highScore: z.number().int().min(1).max(5) }),
  value: z.object({
    horizonYears: z.number().int().positive(),
    retention: z.number().min(0).max(1),
    discount: z.number().min(0),
    mostValuablePercent: percent,
    secondTierPercent: percent,
  }),
  kaism: z.object({
    split: percent,
    attractiveness: kaismFactor(KAISM_ATTRACTIVENESS_FACTORS),
    strength: kaismFactor(KAISM_STRENGTH_FACTORS),
    /** Tenure at which the tenure factor is full. */
    tenureFullYears: z.number().positive(),
    /** Growth (percent) at which the growth factor is full. */
    growthFullPercent: z.number().positive(),
  }),
  man: z.object({ deciderContactDays: days, stages: z.array(z.enum(LIFECYCLE_STAGES)) }),
  credit: z.object({
    graceDays: days,
    fair: z.object({ minOnTimePercent: percent, maxDaysLate: days }),
    watch: z.object({ maxDaysLate: days }),
    hold: z.object({ overdueDays: days, minOnTimePercent: percent }),
  }),
  relationship: z.object({ minTenureYears: z.number().min(0), maxCv: z.number().min(0), minOrders: z.number().int() }),
  churn: z.object({
    highMultiple: z.number().positive(),
    mediumMultiple: z.number().positive(),
    dropMonths: z.number().int().positive(),
    dropPercent: percent,
  }),
  funnel: z.object({
    probabilities: z.object(
      Object.fromEntries(OPPORTUNITY_STAGES.map((s) => [s, percent])) as Record<
        (typeof OPPORTUNITY_STAGES)[number],
        typeof percent
      >,
    ),
    staleDays: days,
  }),
  service: z.object({
    cadenceDays: tierRecord(z.number().int().positive()),
    reply: tierRecord(replyTarget),
    followUpDueDays: days,
    accountManagerTiers: z.array(z.enum(["A", "B", "C"])),
  }),
  /** Cost of one interaction by kind, minor units. */
  serviceCost: z.object(
    Object.fromEntries(INTERACTION_KINDS.map((k) => [k, minor])) as Record<
      (typeof INTERACTION_KINDS)[number],
      typeof minor
    >,
  ),
  facts: z.object({ recentDays: z.number().int().positive() }),
  suggest: z.object({ crossSellPercent: percent }),
});

export const scoringConfigSchema = shape.superRefine(checkConsistency);

export type ScoringConfig = z.infer<typeof shape>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Scorecard = z.infer<typeof scorecardSchema>;
