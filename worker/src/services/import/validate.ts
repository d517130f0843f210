// Validates raw import rows against the type's schema and rejects a key repeated within one request.
import type { z } from "zod";
import {
  type ImportError,
  type ImportRow,
  type ImportType,
  importRowSchemas,
} from "../../../../shared/contract/import";
import type { RawRows } from "./body";

/** A valid row with its 1-based data row number. */
export interface Numbered<T> {
  row: number;
  data: T;
}

/** The field that identifies a row of each type within a workspace: the upsert key. */
const KEY_FIELD = {
  customers: "externalId",
  contacts: "email",
  orders: "externalId",
  invoices: "externalId",
  opportunities: "externalId",
  interactions: "id",
} as const satisfies Record<ImportType, string>;

export function validateRows<T extends ImportType>(
  type: T,
  raw: RawRows,
): { valid: Numbered<ImportRow<T>>[]; errors: ImportError[] } {
  const schema = importRowSchemas[type] as unknown as z.ZodType<ImportRow<T>>;
  const key = (row: ImportRow<T>) => String((row as Record<string, unknown>)[KEY_FIELD[type]]);
  const errors: ImportError[] = [...raw.errors];
  const valid: Numbered<ImportRow<T>>[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, value } of raw.rows) {
    const result = schema.safeParse(value);
    if (!result.success) {
      errors.push(...issuesToErrors(result.error, row, value, raw.fieldName));
      continue;
    }
    const k = key(result.data);
    const first = firstRowOf.get(k);
    if (first !== undefined) {
      const field = raw.fieldName([KEY_FIELD[type]]);
      errors.push({ row, field, message: `Also in row ${first}: each ${field} may appear once per import.` });
      continue;
    }
    firstRowOf.set(k, row);
    valid.push({ row, data: result.data });
  }
  return { valid, errors };
}

function issuesToErrors(
  error: z.ZodError,
  row: number,
  value: Record<string, unknown>,
  fieldName: (path: readonly PropertyKey[]) => string | null,
): ImportError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({ row, field: fieldName([...issue.path, k]), message: "Unknown field." }));
    }
    const missing = issue.path.length === 1 && value[String(issue.path[0])] === undefined;
    const message = missing ? "Required." : issue.message;
    return [{ row, field: fieldName(issue.path), message }];
  });
}

/** Sorts errors by row, keeping each row's errors in the order they were found. */
export const byRow = (a: ImportError, b: ImportError) => a.row - b.row;
