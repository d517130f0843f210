// Contract of customers: the filtered list, the detail route, and the manual fields a person edits.
import { z } from "zod";
import { CUSTOMER_KINDS } from "../records";
import { cursorSchema, isoDateSchema, limitSchema, nonNegativeMoneySchema, queryBooleanSchema } from "./common";
import { customerDetailResponseSchema, customerSchema } from "./customer-detail";
import { registerRoute } from "./openapi";

export const CUSTOMER_SORTS = ["name", "tier", "score", "credit", "overdue", "followUp", "replyBy", "updated"] as const;
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
  /** Customers whose next follow-up falls on or before this day (YYYY-MM-DD; "due or overdue" when it is today). */
  followUpBy: isoDateSchema.optional(),
  /** `true`: customers with an email waiting for a reply (their grade has a reply deadline); `false`: graded ones
   * with none waiting. */
  replyDue: queryBooleanSchema.optional(),
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
  /** The day the next follow-up is due (YYYY-MM-DD), from the grade. (A server older than this field omits it.) */
  nextFollowUp: z.string().nullable().default(null),
  /** By when to answer the email waiting (ISO timestamp, the tier's reply target), null when none waits. (Older
   * servers omit it.) */
  replyBy: z.string().nullable().default(null),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const customerListResponseSchema = z.object({
  items: z.array(customerListItemSchema),
  nextCursor: z.string().nullable(),
});
export type CustomerListResponse = z.infer<typeof customerListResponseSchema>;

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
