// The CSV mapping of the import contract: snake_case columns onto the camelCase JSON row schemas.
// An empty cell clears an optional value (null, no domains, no ratings, not verified); for `kind`, `nature`,
// `lifecycle_stage`, `cost` and `stage_changed_at` it keeps the stored value (the default for a new row).
import type { z } from "zod";
import { type ImportType, importRowSchemas } from "./import";

/** `customerExternalId` → `customer_external_id`. */
export const toSnake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toCamel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A header cell as written by people and spreadsheets: trimmed, any case, spaces or dashes, even camelCase. */
export const normaliseHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/[\s-]+/g, "_")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase();

const LISTS = new Set(["domains"]);
const OBJECTS = new Set(["ratings", "attributes"]);
const BOOLEANS = new Set(["legalVerified"]);
const INTEGERS = new Set(["quantity", "probability"]);
const TRUE = new Set(["true", "1", "yes", "y", "是"]);
const FALSE = new Set(["false", "0", "no", "n", "否"]);

const shapeOf = (type: ImportType) => importRowSchemas[type].shape as Record<string, z.ZodType>;

/** The CSV columns of a record type, in the order of its JSON fields. */
export function csvColumns(type: ImportType): string[] {
  return Object.keys(shapeOf(type)).map(toSnake);
}

/** The columns a CSV file of `type` must have. */
export function requiredCsvColumns(type: ImportType): string[] {
  const shape = shapeOf(type);
  return Object.entries(shape)
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([field]) => toSnake(field));
}

export interface CsvCellError {
  field: string;
  message: string;
}

/**
 * One CSV record (cells under normalised headers) → a JSON-shaped row for the type's schema, plus
 * the cells that could not be read (bad JSON). Values stay strings where the schema reads strings.
 * @example
 * csvRecordToRow("customers", { external_id: "C1", domains: "a.com; b.com" }).row
 * // { externalId: "C1", domains: ["a.com", "b.com"] }
 */
export function csvRecordToRow(
  type: ImportType,
  cells: Record<string, string>,
): { row: Record<string, unknown>; errors: CsvCellError[] } {
  const shape = shapeOf(type);
  const row: Record<string, unknown> = {};
  const errors: CsvCellError[] = [];
  for (const [column, raw] of Object.entries(cells)) {
    const field = toCamel(column);
    const schema = shape[field];
    const cell = raw.trim();
    if (!schema) {
      row[field] = cell; // the strict schema names the unknown column
      continue;
    }
    if (cell === "") {
      const empty = emptyValue(field, schema);
      if (empty !== undefined) row[field] = empty;
      continue;
    }
    if (LISTS.has(field))
      row[field] = cell
        .split(/[;\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
    else if (OBJECTS.has(field)) {
      try {
        row[field] = JSON.parse(cell);
      } catch {
        errors.push({ field: column, message: 'Expected a JSON object such as {"relationship":"strong"}.' });
      }
    } else if (BOOLEANS.has(field)) row[field] = readBoolean(cell);
    else if (INTEGERS.has(field)) row[field] = /^[+-]?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    else row[field] = cell;
  }
  return { row, errors };
}

function emptyValue(field: string, schema: z.ZodType): unknown {
  if (LISTS.has(field)) return [];
  if (OBJECTS.has(field)) return {};
  if (BOOLEANS.has(field)) return false;
  if (schema.safeParse(null).success) return null;
  if (schema.safeParse(undefined).success) return undefined;
  return ""; // a required field: the schema reports it
}

function readBoolean(cell: string): boolean | string {
  const lower = cell.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return cell;
}

/** Names a JSON path in the words of the CSV file: `ratings.relationship` stays, `customerExternalId` → column. */
export function csvFieldName(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  const [first, ...rest] = path.map(String);
  return [toSnake(first ?? ""), ...rest].join(".");
}
