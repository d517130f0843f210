// Building blocks of the HTTP contract: roles, the error shape, amounts, dates, addresses and pagination.
import { z } from "zod";
import { isValidEmail, MAX_EMAIL_LENGTH } from "./email";
import { isMoneyAmount } from "./money";

export const ROLES = ["admin", "manager", "rep"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Every 4xx/5xx answer: validation details name the field (dotted path) and, for rows, the row. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string().optional(), row: z.number().int().optional(), message: z.string() })),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** An id in a path or body: opaque; unknown ids answer 404, so only the length is checked here. */
export const idSchema = z.string().min(1).max(100);

/** A normalised (trimmed, lower-cased) email address. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH)
  .refine(isValidEmail, "Must be an email address.");

/** A decimal amount in the workspace currency with at most 2 decimals (stored as integer minor units). */
export const moneySchema = z.number().refine(isMoneyAmount, "Must be an amount with at most 2 decimals.");
export const nonNegativeMoneySchema = moneySchema.refine((n) => n >= 0, "Must not be negative.");

/** A calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();
/** A timestamp with a zone (`Z` or an offset), or a plain date. */
export const timestampSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** Page size for lists: 1–200, default 50. */
export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);
/** An opaque cursor from a previous page's `nextCursor`. */
export const cursorSchema = z.string().max(200).optional();

/** A boolean in a query string: `true`/`false`/`1`/`0`. */
export const queryBooleanSchema = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** The caller's workspace as the API shows it. */
export const workspaceSummarySchema = z.object({ id: z.string(), name: z.string() });

/** A user as the API shows it (never a password hash). */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** Answer of a successful DELETE or no-content write. */
export const okSchema = z.object({ ok: z.literal(true) });
