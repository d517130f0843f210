// The three scorecards that ship (DOMAIN.md §3.1): existing customer (default), prospect, property services.
import type { Scorecard } from "./schema";

export const SCORECARD_TEMPLATES = ["existing", "prospect", "property"] as const;
export type ScorecardTemplate = (typeof SCORECARD_TEMPLATES)[number];

const thresholds = { a: 75, b: 60 };

/** Computable from records alone, so every customer with orders gets a tier without manual ratings. */
function existing(): Scorecard {
  return {
    template: "existing",
    thresholds: { ...thresholds },
    criteria: [
      { id: "order_amount", kind: "percentile", metric: "revenue", weight: 30 },
      { id: "profit", kind: "percentile", metric: "profit", weight: 30 },
      {
        id: "credit",
        kind: "credit",
        weight: 20,
        percentOfWeight: { good: 100, fair: 75, unknown: 50, watch: 40, hold: 0 },
      },
      { id: "development", kind: "growth", weight: 20, fullAtPercent: 20, noHistoryPercent: 50 },
    ],
  };
}

/** Three levels per manual criterion: the top level earns the full weight, the middle 60 %, the low one 20 %. */
function threeLevels(weight: number, ids: [string, string, string]) {
  return [
    { id: ids[0], points: weight },
    { id: ids[1], points: weight * 0.6 },
    { id: ids[2], points: weight * 0.2 },
  ];
}

/** For prospects: everything is a rep's judgement except nature, which the customer record holds. */
function prospect(): Scorecard {
  return {
    template: "prospect",
    thresholds: { ...thresholds },
    criteria: [
      {
        id: "nature",
        kind: "nature",
        weight: 20,
        // Scaled from the property case (15 / 10 / 5 of 15): SOE and government first.
        points: { government: 20, soe: 20, listed: 13, private: 7, foreign: 7, other: 0 },
      },
      { id: "asset_scale", kind: "manual", weight: 20, levels: threeLevels(20, ["large", "medium", "small"]) },
      { id: "revenue", kind: "manual", weight: 20, levels: threeLevels(20, ["large", "medium", "small"]) },
      { id: "growth_speed", kind: "manual", weight: 20, levels: threeLevels(20, ["fast", "steady", "slow"]) },
      { id: "potential_need", kind: "manual", weight: 20, levels: threeLevels(20, ["high", "medium", "low"]) },
    ],
  };
}

/**
 * The property-services case from the seeds. The seeds give ranges ("strong 10–15, average 5–10,
 * weak < 5"); a level earns the top of its range when it is the best level (the best deserve full
 * marks) and the midpoint of its range otherwise: strong 15, average 7.5, weak 2.5.
 */
function property(): Scorecard {
  return {
    template: "property",
    thresholds: { ...thresholds },
    criteria: [
      {
        id: "nature",
        kind: "nature",
        weight: 15,
        // Foreign firms count as private ones; "other" (e.g. individuals) earns nothing.
        points: { government: 15, soe: 15, listed: 10, private: 5, foreign: 5, other: 0 },
      },
      rangeCriterion("strength", 15, ["strong", "average", "weak"], [15, 7.5, 2.5]),
      rangeCriterion("growth", 15, ["high", "mid", "low"], [15, 7.5, 2.5]),
      rangeCriterion("profit_contribution", 15, ["large", "average", "small"], [15, 7.5, 2.5]),
      rangeCriterion("top_relationship", 20, ["close", "senior", "none"], [20, 12.5, 5]),
      rangeCriterion("strategic_importance", 20, ["very", "important", "not"], [20, 12.5, 5]),
    ],
  };
}

function rangeCriterion(id: string, weight: number, levels: string[], points: number[]) {
  return {
    id,
    kind: "manual" as const,
    weight,
    levels: levels.map((level, i) => ({ id: level, points: points[i] ?? 0 })),
  };
}

/**
 * A fresh copy of a shipped scorecard.
 * @example
 * scorecardTemplate("property").criteria.map((c) => c.weight) // [15, 15, 15, 15, 20, 20]
 */
export function scorecardTemplate(template: ScorecardTemplate): Scorecard {
  if (template === "prospect") return prospect();
  if (template === "property") return property();
  return existing();
}
