// Contract of customers: the filtered list, the detail with its full grade, and the manual fields a person edits.
import { z } from "zod";
import { type CustomerGrade, SUGGESTION_CODES } from "../grade/types";
import { CUSTOMER_KINDS, CUSTOMER_NATURES, DECISION_ROLES, LIFECYCLE_STAGES } from "../records";
import { cursorSchema, limitSchema, nonNegativeMoneySchema, queryBooleanSchema } from "./common";
import { interactionSchema } from "./interactions";
import { registerRoute } from "./openapi";

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

export const CUSTOMER_SORTS = ["name", "tier", "score", "credit", "overdue", "updated"] as const;
const sortSchema = z.enum([...CUSTOMER_SORTS, ...CUSTOMER_SORTS.map((s) => `-${s}` as const)]);
const token = z.string().trim().min(1).max(64);

export const customerListQuerySchema = z.object({
  tier: token.optional(),
  credit: token.optional(),
  /** A user id, `me`, or `none` (unowned). */
  owner: z.string().trim().min(1).max(100).optional(),
  keyAccount: queryBooleanSchema.optional(),
  churn: token.optional(),
  /** RFM segment. */
  segment: token.optional(),
  /** Value class (negative, most_valuable, …). */
  value: token.optional(),
  /** Matches name, contact email or domain (case-insensitive substring). */
  q: z.string().trim().min(1).max(200).optional(),
  sort: sortSchema.default("name"),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const customerListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** Grade summary: null until the customer is graded. */
  tier: z.string().nullable(),
  score: z.number().nullable(),
  keyAccount: z.boolean().nullable(),
  negativeValue: z.boolean().nullable(),
  credit: z.string().nullable(),
  overdueAmount: z.number().nullable(),
  churn: z.string().nullable(),
  segment: z.string().nullable(),
  valueClass: z.string().nullable(),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const customerListResponseSchema = z.object({
  items: z.array(customerListItemSchema),
  nextCursor: z.string().nullable(),
});
export type CustomerListResponse = z.infer<typeof customerListResponseSchema>;

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

/** `null` in a ratings/attributes entry removes that key; other keys are kept (merge). */
export const updateCustomerRequestSchema = z
  .object({
    ownerId: z.string().min(1).max(100).nullable().optional(),
    ratings: z.record(z.string().min(1).max(100), z.string().min(1).max(100).nullable()).optional(),
    legalVerified: z.boolean().optional(),
    creditLimit: nonNegativeMoneySchema.nullable().optional(),
    wallet: nonNegativeMoneySchema.nullable().optional(),
    attributes: z.record(z.string().min(1).max(100), z.unknown()).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Give at least one field to change.");
export type UpdateCustomerRequest = z.infer<typeof updateCustomerRequestSchema>;

export const customerResponseSchema = z.object({ customer: customerSchema });

registerRoute({
  method: "get",
  path: "/customers",
  tag: "customers",
  auth: "token",
  summary: "A page of customers with their grade summary",
  description: "Reps see customers they own and unowned ones. Sort by a field, `-field` for descending.",
  query: customerListQuerySchema,
  responses: {
    200: { description: "A page; pass `nextCursor` back as `cursor`.", schema: customerListResponseSchema },
  },
});
registerRoute({
  method: "get",
  path: "/customers/{id}",
  tag: "customers",
  auth: "token",
  summary: "A customer with contacts, domains, full grade, suggestions and recent activity",
  responses: { 200: { description: "The customer.", schema: customerDetailResponseSchema } },
});
registerRoute({
  method: "patch",
  path: "/customers/{id}",
  tag: "customers",
  auth: "token",
  summary: "Change owner, manual ratings, legal-verified flag, credit limit, wallet or attributes",
  description: "Reps may only claim a customer for themselves. Amounts are decimals. Audited.",
  body: updateCustomerRequestSchema,
  responses: { 200: { description: "The updated customer.", schema: customerResponseSchema } },
});
