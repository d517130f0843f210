// The output of grading: what the HTTP API returns per customer and per workspace (issue #3).
import type { MessageRef } from "../i18n/types";

export const TIERS = ["A", "B", "C"] as const;
export type Tier = (typeof TIERS)[number];

export const ABC_CLASSES = ["A", "B", "C"] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

/** From the top of the pyramid down; `loss` (negative profit) sits below it. */
export const PYRAMID_LEVELS = ["vip", "key", "major", "ordinary", "small", "loss"] as const;
export type PyramidLevel = (typeof PYRAMID_LEVELS)[number];

export const RFM_SEGMENTS = [
  "important_value",
  "important_development",
  "important_retention",
  "important_winback",
  "general_value",
  "general_development",
  "general_retention",
  "general_winback",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const VALUE_CLASSES = ["negative", "most_valuable", "second_tier", "ordinary"] as const;
export type ValueClass = (typeof VALUE_CLASSES)[number];

export const KAISM_QUADRANTS = ["strategic", "develop", "maintain", "opportunistic"] as const;
export type KaismQuadrant = (typeof KAISM_QUADRANTS)[number];

export const MAN_ANSWERS = ["yes", "no", "unknown"] as const;
export type ManAnswer = (typeof MAN_ANSWERS)[number];
export const MAN_STATUSES = ["qualified", "partial", "unqualified"] as const;
export type ManStatus = (typeof MAN_STATUSES)[number];

export const CREDIT_RATINGS = ["good", "fair", "watch", "hold", "unknown"] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];

export const CHURN_RISKS = ["none", "medium", "high"] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];

export const RELATIONSHIP_TYPES = ["relationship", "transactional"] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const SUGGESTION_CODES = [
  "credit-hold",
  "collect-overdue",
  "reply-due",
  "follow-up-overdue",
  "follow-up-due",
  "churn-risk",
  "find-decision-maker",
  "qualify-need",
  "qualify-budget",
  "verify-legal",
  "advance-opportunity",
  "cross-sell",
  "promote-key-account",
  "grade-drop",
  "reduce-service",
  "rate-criteria",
] as const;
export type SuggestionCode = (typeof SUGGESTION_CODES)[number];

/** Facts derived from the records as of `asOf` (DOMAIN.md §2). Money in minor units, dates ISO. */
export interface CustomerFacts {
  /** Revenue, profit and orders in the window (the `windowDays` before asOf, asOf included). */
  revenue: number;
  profit: number;
  orderCount: number;
  /** Revenue in the window before the window; growth is null when it is 0. */
  previousRevenue: number;
  growth: number | null;
  /** Days since the last order on or before asOf; null without orders. */
  recencyDays: number | null;
  lastOrderDate: string | null;
  firstOrderDate: string | null;
  tenureDays: number | null;
  /** Orders on or before asOf, over the whole history (cycle and regularity use them). */
  lifetimeOrderCount: number;
  /** Median days between consecutive order dates; null with fewer than two order dates. */
  cycleDays: number | null;
  /** Coefficient of variation of those intervals; null with fewer than two order dates. */
  cycleCv: number | null;
  revenueLast6Months: number;
  revenuePrevious6Months: number;
  /** Invoices due in the window; on-time share is null when there are none. */
  invoicesDue: number;
  onTimeShare: number | null;
  avgDaysLate: number | null;
  maxDaysLate: number;
  overdueAmount: number;
  oldestOverdueDays: number;
  outstanding: number;
  /** Latest interaction (ISO timestamp) and the number in the last 30 days. */
  lastContact: string | null;
  interactions30d: number;
  /** Yearly cost to serve: the customer's own figure, else interactions in the window × cost per kind. */
  serviceCost: number;
  /** Distinct products bought in the window, sorted. */
  products: string[];
}

export interface CriterionResult {
  id: string;
  label: MessageRef;
  /** The level id, the fact's value, or null when unrated / unknown. */
  value: number | string | null;
  points: number;
  max: number;
  /** Why these points, e.g. "percentile 83 %". */
  message: MessageRef;
}

/** Priority 1 (act now) … 5 (when there is time); suggestions come sorted by priority then due. */
export type SuggestionPriority = 1 | 2 | 3 | 4 | 5;

export interface Suggestion {
  code: SuggestionCode;
  priority: SuggestionPriority;
  /** ISO date or timestamp by which to act. */
  due?: string;
  title: MessageRef;
  facts: Record<string, number | string | boolean | null>;
}

/** The smallest change of one fact that lifts the tier, e.g. profit +4 800 000 fen: B → A. */
export interface MoveUp {
  criterion: string;
  fact: string;
  delta: number;
  fromTier: Tier;
  toTier: Tier;
  message: MessageRef;
}

/**
 * One customer's grade. Treat it as read-only: message refs and small lists that repeat across
 * customers (labels, level names, percent explanations, MAN `missing`) are shared frozen objects.
 */
export interface CustomerGrade {
  customerId: string;
  tier: Tier;
  /** 0–100, two decimals; the tier is decided on this rounded score. */
  score: number;
  keyAccount: boolean;
  negativeValue: boolean;
  incomplete: boolean;
  scorecard: { template: string; criteria: CriterionResult[] };
  abc: AbcClass;
  pyramid: PyramidLevel;
  rfm: { r: number; f: number; m: number; segment: RfmSegment } | null;
  value: { class: ValueClass; actualValue: number; strategicValue: number };
  kaism: { quadrant: KaismQuadrant; attractiveness: number; strength: number };
  man: { money: ManAnswer; authority: ManAnswer; need: ManAnswer; status: ManStatus; missing: string[] };
  credit: {
    rating: CreditRating;
    overLimit: boolean;
    overdueAmount: number;
    oldestOverdueDays: number;
    onTimeShare: number | null;
    maxDaysLate: number;
    outstanding: number;
  };
  churn: ChurnRisk;
  relationship: RelationshipType;
  serviceLevel: {
    cadenceDays: number;
    /** The reply target in working hours (Mon–Fri clock time); a working day counts 24 hours. */
    replyHours: number;
    replyWorkingDays?: number;
    /** ISO date: last contact + cadence (asOf when never contacted). */
    nextFollowUp: string;
    accountManager: boolean;
  };
  moveUp: MoveUp[];
  suggestions: Suggestion[];
  facts: CustomerFacts;
  asOf: string;
  configVersion: string | number;
}

/** The stable subset of a grade: when it differs from the last snapshot, the grade changed. */
export interface GradeSummary {
  tier: Tier;
  score: number;
  keyAccount: boolean;
  negativeValue: boolean;
  credit: CreditRating;
  churn: ChurnRisk;
  abc: AbcClass;
  pyramid: PyramidLevel;
  segment: RfmSegment | null;
  valueClass: ValueClass;
}

export interface FunnelReport {
  byStage: { stage: string; count: number; amount: number; weighted: number }[];
  /** Weighted forecast Σ amount × probability for opportunities expected to close in the period. */
  months: { period: string; count: number; amount: number; weighted: number }[];
  quarters: { period: string; count: number; amount: number; weighted: number }[];
  /** Share of opportunities that reached `from` and went on to reach `to`; null when none reached `from`. */
  conversion: { from: string; to: string; rate: number | null }[];
  stale: { opportunityId: string; customerId: string; stage: string; days: number }[];
  /** Customers per lifecycle stage (target market → prospect → target → signed → qualified, or lost). */
  lifecycle: Record<string, number>;
}

export interface ParetoReport {
  basis: "revenue" | "profit";
  /** Sum of positive values. */
  total: number;
  /** Cumulative value share (0–1) at every 5 % of ranked customers, from 0 to 1. */
  points: { customerShare: number; valueShare: number }[];
  /** "The top 20 % of customers bring N % of revenue." */
  top: { customerPercent: number; valuePercent: number };
  counts: Record<AbcClass, number>;
}

export interface WorkspaceGrades {
  asOf: string;
  configVersion: string | number;
  /** One per customer, in the order of `input.customers`. */
  customers: CustomerGrade[];
  funnel: FunnelReport;
  pareto: ParetoReport;
  pyramid: Record<PyramidLevel, number>;
  tierCounts: Record<Tier, number>;
}
