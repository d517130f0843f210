// The default workspace configuration: every number of DOMAIN.md, in one place.
import type { ScoringConfig } from "./schema";
import { type ScorecardTemplate, scorecardTemplate } from "./templates";

/** DOMAIN.md gives service costs in major units of the currency; the config keeps minor units (×100). */
const MINOR = 100;

/**
 * The configuration a new workspace starts with.
 * @example
 * defaultConfig().scorecard.thresholds // { a: 75, b: 60 }
 * defaultConfig("property").scorecard.template // "property"
 */
export function defaultConfig(template: ScorecardTemplate = "existing"): ScoringConfig {
  return {
    currency: "CNY",
    timeZone: "Asia/Shanghai",
    windowDays: 365,
    headline: "scorecard",
    scorecard: scorecardTemplate(template),
    abc: { basis: "revenue", aPercent: 80, bPercent: 95 },
    pyramid: { vipPercent: 1, keyPercent: 4, majorPercent: 15, ordinaryPercent: 30 },
    rfm: { highScore: 3 },
    value: { horizonYears: 3, retention: 0.8, discount: 0.1, mostValuablePercent: 5, secondTierPercent: 20 },
    kaism: {
      split: 50,
      attractiveness: [
        { factor: "size", weight: 30 },
        { factor: "growth", weight: 25 },
        { factor: "profit", weight: 25 },
        { factor: "strategicFit", weight: 20 },
      ],
      strength: [
        { factor: "relationship", weight: 40 },
        { factor: "shareOfWallet", weight: 30 },
        { factor: "tenure", weight: 30 },
      ],
      tenureFullYears: 3,
      growthFullPercent: 20,
    },
    man: { deciderContactDays: 90, stages: ["target_market", "prospect", "target"] },
    credit: {
      graceDays: 0,
      fair: { minOnTimePercent: 90, maxDaysLate: 15 },
      watch: { maxDaysLate: 60 },
      hold: { overdueDays: 60, minOnTimePercent: 50 },
    },
    relationship: { minTenureYears: 1, maxCv: 0.5, minOrders: 4 },
    churn: { highMultiple: 2, mediumMultiple: 1.5, dropMonths: 6, dropPercent: 30 },
    funnel: {
      probabilities: {
        first_contact: 10,
        needs_understood: 25,
        proposal: 50,
        negotiation: 75,
        won: 90,
        paid: 100,
        lost: 0,
      },
      staleDays: 14,
    },
    service: {
      cadenceDays: { A: 7, B: 15, C: 30 },
      reply: {
        A: { unit: "hours", value: 4 },
        B: { unit: "workingDays", value: 1 },
        C: { unit: "workingDays", value: 3 },
      },
      followUpDueDays: 2,
      accountManagerTiers: ["A"],
    },
    serviceCost: {
      visit: 500 * MINOR,
      meeting: 300 * MINOR,
      call: 50 * MINOR,
      email: 10 * MINOR,
      wechat: 10 * MINOR,
      note: 10 * MINOR,
    },
    facts: { recentDays: 30 },
    suggest: { crossSellPercent: 30 },
  };
}
