// Small builders for the plain records, so each test states only the fields it is about.

import { defaultConfig, type ScoringConfig } from "../../shared/config";
import { type CustomerGrade, gradeWorkspace } from "../../shared/grade";
import type {
  ContactRecord,
  CustomerRecord,
  InteractionRecord,
  InvoiceRecord,
  OpportunityRecord,
  OrderRecord,
} from "../../shared/records";

export function customer(id: string, over: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    id,
    name: id,
    kind: "enterprise",
    nature: "private",
    industry: "tools",
    region: null,
    ownerId: null,
    lifecycleStage: "signed",
    legalVerified: true,
    creditLimit: null,
    wallet: null,
    serviceCost: null,
    ratings: {},
    attributes: {},
    ...over,
  };
}

export function order(
  customerId: string,
  date: string,
  amount: number,
  cost = 0,
  product: string | null = null,
): OrderRecord {
  return { customerId, date, amount, cost, product, quantity: null };
}

export function invoice(
  customerId: string,
  dueDate: string,
  amount: number,
  paidDate: string | null,
  paidAmount: number | null = paidDate ? amount : null,
): InvoiceRecord {
  return { customerId, dueDate, amount, paidDate, paidAmount };
}

let seq = 0;
export function interaction(
  customerId: string,
  occurredAt: string,
  over: Partial<InteractionRecord> = {},
): InteractionRecord {
  seq++;
  return { id: `i${seq}`, customerId, kind: "call", direction: "out", occurredAt, ...over };
}

export function contact(id: string, customerId: string, role: ContactRecord["role"]): ContactRecord {
  return { id, customerId, name: id, email: null, role };
}

export function opportunity(id: string, customerId: string, over: Partial<OpportunityRecord> = {}): OpportunityRecord {
  return {
    id,
    customerId,
    name: id,
    stage: "proposal",
    amount: 1000,
    expectedClose: null,
    probability: null,
    stageChangedAt: "2026-03-01",
    ...over,
  };
}

/** Shifts an ISO date by whole days. */
export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export const ASOF = "2026-03-01";

/** The grade of customer "c1" alone, with these orders and touches, as of ASOF. */
export function gradeOfOne(
  orders: OrderRecord[],
  interactions: InteractionRecord[],
  config: ScoringConfig = defaultConfig(),
): CustomerGrade {
  const [grade] = gradeWorkspace({
    customers: [customer("c1")],
    contacts: [],
    orders,
    invoices: [],
    interactions,
    opportunities: [],
    config,
    configVersion: 1,
    asOf: ASOF,
  }).customers;
  if (!grade) throw new Error("no grade");
  return grade;
}
