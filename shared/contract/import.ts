// The import contract (issue #4): one zod schema per record type for JSON rows (camelCase), and the response.
// CSV rows are mapped onto the same schemas by ./import-csv.ts. Amounts become integer minor units here.
import { z } from "zod";
import {
  CUSTOMER_KINDS,
  CUSTOMER_NATURES,
  DECISION_ROLES,
  INTERACTION_KINDS,
  LIFECYCLE_STAGES,
  OPPORTUNITY_STAGES,
} from "../records";
import { importValues as v } from "./import-values";
import { registerRoute } from "./openapi";

export const IMPORT_TYPES = ["customers", "contacts", "orders", "invoices", "opportunities", "interactions"] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

/** At most this many rows in one request (50,000 must work; beyond this, split the file). */
export const MAX_IMPORT_ROWS = 100_000;
/** At most this many bytes of body in one request. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

const text = (max: number) => z.string().trim().min(1, "Required.").max(max);
/** Optional free text: an empty string is stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s === "" ? null : s));
const externalId = () => text(200);
const jsonObject = <T extends z.ZodType>(value: T) =>
  z.record(z.string().min(1).max(100), value).refine((o) => JSON.stringify(o).length <= 10_000, {
    message: "At most 10,000 characters of JSON.",
  });

const amount = v.amount();

/** One schema per record type: the JSON row as sent (camelCase) → the values to store (amounts in minor units). */
export const importRowSchemas = {
  customers: z.strictObject({
    externalId: externalId(),
    name: text(300),
    kind: z.enum(CUSTOMER_KINDS).optional(),
    nature: z.enum(CUSTOMER_NATURES).optional(),
    /** Beyond the field list: the funnel position of imported customers (default prospect). */
    lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
    industry: optionalText(100),
    region: optionalText(100),
    /** A user of the workspace; null or empty = unowned. */
    ownerEmail: v.email().nullable().optional(),
    /** Replaces the customer's domains when given; never a free-mail domain. */
    domains: z.array(v.domain()).max(50).optional(),
    legalVerified: z.boolean().optional(),
    creditLimit: amount.nullable().optional(),
    wallet: amount.nullable().optional(),
    /** Manual scorecard ratings: criterion id → level id. */
    ratings: jsonObject(z.string().min(1).max(100)).optional(),
    attributes: jsonObject(z.unknown()).optional(),
  }),
  contacts: z.strictObject({
    customerExternalId: externalId(),
    name: text(200),
    email: v.email(),
    phone: optionalText(50),
    role: z.enum(DECISION_ROLES).nullable().optional(),
  }),
  orders: z.strictObject({
    externalId: externalId(),
    customerExternalId: externalId(),
    date: v.date(),
    amount,
    cost: amount.optional(),
    product: optionalText(200),
    quantity: z.number().int().min(0).max(1e12).nullable().optional(),
  }),
  invoices: z.strictObject({
    externalId: externalId(),
    customerExternalId: externalId(),
    /** When given, an order of the same customer imported before. */
    orderExternalId: optionalText(200),
    dueDate: v.date(),
    amount,
    paidDate: v.date().nullable().optional(),
    paidAmount: amount.nullable().optional(),
  }),
  opportunities: z.strictObject({
    externalId: externalId(),
    customerExternalId: externalId(),
    name: text(300),
    stage: z.enum(OPPORTUNITY_STAGES),
    amount,
    expectedClose: v.date().nullable(),
    /** Percent 0–100; absent or null = the stage's default probability. */
    probability: z.number().int().min(0).max(100).nullable().optional(),
    /** Beyond the field list: when the stage last changed (default: when the import sees a new stage). */
    stageChangedAt: v.timestamp().optional(),
  }),
  interactions: z.strictObject({
    /** The client's UUID: the same id with the same content is unchanged, with other content an error. */
    id: z.uuid({ error: "Expected a UUID." }),
    customerExternalId: externalId(),
    kind: z.enum(INTERACTION_KINDS),
    occurredAt: v.timestamp(),
    summary: z.string().trim().max(5000),
    /** Beyond the field list: "in" marks an incoming email (it drives reply-due). */
    direction: z.enum(["in", "out"]).nullable().optional(),
    /** Optional: the address of the customer's contact touched; links the interaction to it (MAN authority). */
    contactEmail: v.email().optional(),
  }),
};

export type ImportRowSchemas = typeof importRowSchemas;
export type ImportRow<T extends ImportType> = z.output<ImportRowSchemas[T]>;

export const importQuerySchema = z.object({
  /** `?dryRun=true` validates everything and writes nothing. */
  dryRun: z.enum(["true", "false", "1", "0"]).optional(),
});

/** One problem with one row. `row` is the 1-based data row (CSV: the header is not counted; JSON: index + 1). */
export const importErrorSchema = z.object({
  row: z.number().int().min(1),
  /** The field (JSON: camelCase) or column (CSV: snake_case); null when the whole row is unreadable. */
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

for (const type of IMPORT_TYPES) {
  registerRoute({
    method: "post",
    path: `/import/${type}`,
    summary: `Import ${type} (CSV or JSON)`,
    description:
      "Upserts rows (customers, orders, invoices, opportunities by `externalId`; contacts by `email`; interactions " +
      "by `id`, never rewritten). Valid rows are written in atomic chunks; invalid rows are listed in `errors` with " +
      "their 1-based data row (the CSV header is not counted) and field, and not written. Amounts are decimals in " +
      "the workspace currency. A field left out keeps its stored value. `?dryRun=true` validates and writes nothing. " +
      `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows and ${MAX_IMPORT_BYTES / 1024 / 1024} MB per request ` +
      "(413 beyond); any other Content-Type answers 415.",
    tag: "Import and export",
    auth: "token",
    roles: ["admin"],
    query: importQuerySchema,
    body: z.array(importRowSchemas[type]),
    bodyContentTypes: {
      "text/csv":
        "A header row of snake_case columns (customer_external_id, due_date …); `domains` separated by `;`; " +
        "`ratings` and `attributes` as JSON in a cell.",
    },
    responses: { 200: { description: "Counts and row errors.", schema: importResultSchema } },
  });
}
