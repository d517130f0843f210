// Contract of the lookup the extension calls for every address it sees: tier, credit and top next steps.
import { z } from "zod";
import { suggestionSchema } from "./customer-detail";
import { MAX_EMAIL_LENGTH } from "./email";
import { registerRoute } from "./openapi";

export const MAX_LOOKUP_EMAILS = 50;

/** Addresses are not validated one by one: an invalid one answers `match: null`. */
export const lookupRequestSchema = z.object({
  emails: z
    .array(z.string().max(MAX_EMAIL_LENGTH + 66))
    .min(1)
    .max(MAX_LOOKUP_EMAILS),
});
export type LookupRequest = z.infer<typeof lookupRequestSchema>;

export const lookupCustomerSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Grade fields are null while the customer has not been graded. */
  tier: z.string().nullable(),
  keyAccount: z.boolean().nullable(),
  negativeValue: z.boolean().nullable(),
  credit: z.object({ rating: z.string().nullable(), overdueAmount: z.number().nullable() }),
  churn: z.string().nullable(),
  serviceLevel: z.record(z.string(), z.unknown()).nullable(),
  /** The first 3 of the grade's suggestions (the engine orders them by priority). */
  suggestions: z.array(suggestionSchema).max(3),
});
export type LookupCustomer = z.infer<typeof lookupCustomerSchema>;

/**
 * `restricted`: the address belongs to a customer another rep owns; a rep gets no details (customer null),
 * so the extension can say "owned by a colleague" and not offer to create a prospect.
 */
export const LOOKUP_MATCHES = ["contact", "domain", "restricted"] as const;

export const lookupResultSchema = z.object({
  /** As asked (not normalised), so results pair with requests. */
  email: z.string(),
  match: z.enum(LOOKUP_MATCHES).nullable(),
  customer: lookupCustomerSchema.nullable(),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

export const lookupResponseSchema = z.object({ results: z.array(lookupResultSchema) });
export type LookupResponse = z.infer<typeof lookupResponseSchema>;

registerRoute({
  method: "post",
  path: "/lookup",
  tag: "lookup",
  auth: "token",
  summary: "Customers behind up to 50 addresses, in the order asked",
  description:
    "An exact contact address wins over a domain; a free-mail domain never matches by domain; an invalid address answers match null. The ETag covers the workspace's data version, the addresses asked and, for reps, the caller; send it back in If-None-Match for a 304.",
  body: lookupRequestSchema,
  responses: {
    200: {
      description: "One result per address.",
      schema: lookupResponseSchema,
      headers: { ETag: "Validator of this answer." },
    },
    304: { description: "Unchanged since the ETag sent in If-None-Match." },
  },
});
