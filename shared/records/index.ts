// The plain records the scoring engine grades: what the worker reads from D1 and tests build by hand.
// Money is integer minor units (fen / cents); dates are ISO `YYYY-MM-DD` (timestamps where noted).

export const CUSTOMER_KINDS = ["enterprise", "intermediary", "nonprofit", "individual"] as const;
export const CUSTOMER_NATURES = ["government", "soe", "listed", "private", "foreign", "other"] as const;
export const LIFECYCLE_STAGES = ["target_market", "prospect", "target", "signed", "qualified", "lost"] as const;
export const DECISION_ROLES = ["initiator", "influencer", "gatekeeper", "decider", "buyer", "user"] as const;
export const INTERACTION_KINDS = ["email", "call", "visit", "meeting", "wechat", "note"] as const;
export const OPPORTUNITY_STAGES = [
  "first_contact",
  "needs_understood",
  "proposal",
  "negotiation",
  "won",
  "paid",
  "lost",
] as const;

export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type CustomerNature = (typeof CUSTOMER_NATURES)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type DecisionRole = (typeof DECISION_ROLES)[number];
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export interface CustomerRecord {
  id: string;
  name: string;
  kind: CustomerKind;
  nature: CustomerNature;
  industry: string | null;
  region: string | null;
  ownerId: string | null;
  lifecycleStage: LifecycleStage;
  legalVerified: boolean;
  /** Minor units; null = no limit set. */
  creditLimit: number | null;
  /** Estimated yearly spend in our category, minor units; null = unknown. */
  wallet: number | null;
  /** Optional yearly cost to serve, minor units; null = derive from interactions. */
  serviceCost: number | null;
  /** Manual scorecard ratings: criterion id → level id. */
  ratings: Record<string, string>;
  attributes: Record<string, unknown>;
}

export interface ContactRecord {
  id: string;
  customerId: string;
  name: string;
  email: string | null;
  role: DecisionRole | null;
}

export interface OrderRecord {
  customerId: string;
  date: string;
  amount: number;
  cost: number;
  product: string | null;
  quantity: number | null;
}

export interface InvoiceRecord {
  customerId: string;
  dueDate: string;
  amount: number;
  paidDate: string | null;
  paidAmount: number | null;
}

export interface InteractionRecord {
  id: string;
  customerId: string;
  kind: InteractionKind;
  direction: "in" | "out" | null;
  /** ISO timestamp. */
  occurredAt: string;
  /** The contact touched, when known (MAN authority: decider contacted in the last 90 days). */
  contactId?: string | null;
}

export interface OpportunityRecord {
  id: string;
  customerId: string;
  name: string;
  stage: OpportunityStage;
  amount: number;
  expectedClose: string | null;
  /** Percent 0–100; null = the configuration's stage default. */
  probability: number | null;
  /** ISO date or timestamp of the last stage change (stale after 14 days by default). */
  stageChangedAt: string;
}

/** A grade as stored before this run, to detect `grade-drop` and key-account promotion. */
export interface PreviousGrade {
  customerId: string;
  tier: string;
  keyAccount: boolean;
}
