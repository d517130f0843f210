// The export contract (issue #4): GET /api/v1/export/{customers|grades} as CSV, safe to open in a spreadsheet.
import { z } from "zod";
import { registerRoute } from "./openapi";

export const EXPORT_TYPES = ["customers", "grades"] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

/** The customers export has exactly the import's columns, so an edited export imports back. */
export const CUSTOMER_EXPORT_COLUMNS = [
  "external_id",
  "name",
  "kind",
  "nature",
  "lifecycle_stage",
  "industry",
  "region",
  "owner_email",
  "domains",
  "legal_verified",
  "credit_limit",
  "wallet",
  "ratings",
  "attributes",
] as const;

export const GRADE_EXPORT_COLUMNS = [
  "customer_id",
  "external_id",
  "name",
  "owner_email",
  "tier",
  "score",
  "key_account",
  "negative_value",
  "incomplete",
  "credit",
  "overdue_amount",
  "churn",
  "abc",
  "pyramid",
  "rfm_segment",
  "value_class",
  "as_of",
  "config_version",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet will not run as a formula (CSV injection): a leading = + - @ tab or CR
 * gets a leading apostrophe.
 * @example
 * safeCell("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 */
export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Integer minor units → a decimal string in major units, exactly (no float formatting).
 * @example
 * minorToDecimal(123405) // "1234.05"
 * minorToDecimal(-5) // "-0.05"
 */
export function minorToDecimal(minor: number): string {
  const abs = Math.abs(minor);
  return `${minor < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const csvResponse = {
  description: "A CSV file (UTF-8 with BOM, header row, snake_case columns), sent as an attachment.",
  schema: z.string(),
  contentType: "text/csv",
};

registerRoute({
  method: "get",
  path: "/export/customers",
  summary: "Export customers as CSV",
  description:
    `Columns: ${CUSTOMER_EXPORT_COLUMNS.join(", ")} — the customers import's columns, so an edited file imports ` +
    "back. Amounts in major units; domains `;`-separated; ratings and attributes as JSON. Reps get the " +
    "customers they own plus unowned ones. Text cells starting with = + - @ are prefixed with ' so spreadsheets do not run them.",
  tag: "Import and export",
  auth: "token",
  responses: { 200: csvResponse },
});

registerRoute({
  method: "get",
  path: "/export/grades",
  summary: "Export current grades as CSV",
  description: `Columns: ${GRADE_EXPORT_COLUMNS.join(", ")}. One row per graded customer the caller may see.`,
  tag: "Import and export",
  auth: "token",
  responses: { 200: csvResponse },
});
