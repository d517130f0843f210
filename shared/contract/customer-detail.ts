// Contract of one customer as the API shows it: the record, contacts, full grade, suggestions and recent activity.
import { z } from "zod";
import { type CustomerGrade, SUGGESTION_CODES } from "../grade/types";
import { CUSTOMER_KINDS, CUSTOMER_NATURES, DECISION_ROLES, LIFECYCLE_STAGES } from "../records";
import { interactionSchema } from "./interactions";

const messageRefSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** A next step as the engine stores it (DOMAIN.md §5, `Suggestion` of shared/grade); money in `facts` is minor units. */
export const suggestionSchema = z.object({
  code: z.enum(SUGGESTION_CODES),
  /** 1 (act now) … 5 (when there is time). */
  priority: z.number().int().min(1).max(5),
  due: z.string().optional(),
  title: messageRefSchema,
  facts: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const customerSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  nature: z.enum(CUSTOMER_NATURES),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  legalVerified: z.boolean(),
  creditLimit: z.number().nullable(),
  wallet: z.number().nullable(),
  serviceCost: z.number().nullable(),
  ratings: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(DECISION_ROLES).nullable(),
});

export const orderSchema = z.object({
  id: z.number(),
  externalId: z.string().nullable(),
  date: z.string(),
  amount: z.number(),
  cost: z.number(),
  product: z.string().nullable(),
  quantity: z.number().nullable(),
});

export const invoiceSchema = z.object({
  id: z.number(),
  externalId: z.string().nullable(),
  orderExternalId: z.string().nullable(),
  dueDate: z.string(),
  amount: z.number(),
  paidDate: z.string().nullable(),
  paidAmount: z.number().nullable(),
});

export const opportunitySchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  stage: z.string(),
  amount: z.number(),
  expectedClose: z.string().nullable(),
  probability: z.number().nullable(),
  ownerId: z.string().nullable(),
  stageChangedAt: z.string(),
});

export const customerDetailResponseSchema = z.object({
  customer: customerSchema,
  contacts: z.array(contactSchema),
  domains: z.array(z.string()),
  /**
   * The engine's `CustomerGrade` verbatim (tier, scorecard, every model, explanation); null until graded.
   * Unlike the rest of the API, money inside it stays in integer minor units, as its message params expect.
   */
  grade: z
    .custom<CustomerGrade>((v) => typeof v === "object" && v !== null)
    .nullable()
    .meta({ description: "shared/grade CustomerGrade; money in minor units" }),
  suggestions: z.array(suggestionSchema),
  /** The 50 most recent. */
  interactions: z.array(interactionSchema),
  /** The 50 most recent. */
  orders: z.array(orderSchema),
  /** Every unpaid invoice plus the 50 most recent by due date. */
  invoices: z.array(invoiceSchema),
  opportunities: z.array(opportunitySchema),
});
export type CustomerDetailResponse = z.infer<typeof customerDetailResponseSchema>;
