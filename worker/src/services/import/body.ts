// Reads an import body — CSV (header row, snake_case columns) or a JSON array — into numbered raw rows.
import Papa from "papaparse";
import { type ImportError, type ImportType, MAX_IMPORT_ROWS } from "../../../../shared/contract/import";
import {
  csvColumns,
  csvFieldName,
  csvRecordToRow,
  normaliseHeader,
  requiredCsvColumns,
} from "../../../../shared/contract/import-csv";
import { ApiError } from "../../lib/errors";

export type ImportFormat = "csv" | "json";

/** A row as sent: `row` is its 1-based data row number (CSV header not counted; JSON index + 1). */
export interface RawRow {
  row: number;
  value: Record<string, unknown>;
}

export interface RawRows {
  format: ImportFormat;
  rows: RawRow[];
  /** Rows that could not even be read (bad quoting, not an object): reported, never written. */
  errors: ImportError[];
  /** Names a zod path in the words of the body (CSV columns or JSON fields). */
  fieldName: (path: readonly PropertyKey[]) => string | null;
}

/** The body's format from its Content-Type, or 415. */
export function importFormat(contentType: string | undefined): ImportFormat {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/json") return "json";
  if (mediaType === "text/csv" || mediaType === "application/csv") return "csv";
  throw new ApiError(
    415,
    "unsupported_media_type",
    "Send the rows as text/csv (a header row with snake_case columns) or application/json (an array of objects).",
    [{ field: "Content-Type", message: `Got "${contentType ?? "nothing"}".` }],
  );
}

export function parseImportBody(type: ImportType, format: ImportFormat, text: string): RawRows {
  const parsed = format === "csv" ? parseCsv(type, text) : parseJson(text);
  if (parsed.rows.length + parsed.errors.length > MAX_IMPORT_ROWS) {
    throw new ApiError(413, "too_many_rows", `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows per request.`);
  }
  return parsed;
}

const jsonFieldName = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join(".") : null);

/** A lone UTF-16 surrogate (only a JSON `\\u` escape can make one): it has no UTF-8 form. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Lone surrogates become U+FFFD, as UTF-8 storage would make them: keys then compare equal on the next import. */
const wellFormed = (_key: string, value: unknown) =>
  typeof value === "string" ? value.replace(LONE_SURROGATE, "\ufffd") : value;

function parseJson(text: string): RawRows {
  let body: unknown;
  try {
    body = /\\u[dD][89abAB]|\\u[dD][c-fC-F]/.test(text) ? JSON.parse(text, wellFormed) : JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body must be valid JSON: an array of row objects.");
  }
  if (!Array.isArray(body)) {
    throw new ApiError(400, "validation_failed", "The body must be a JSON array of row objects.");
  }
  const rows: RawRow[] = [];
  const errors: ImportError[] = [];
  body.forEach((value: unknown, index) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      rows.push({ row: index + 1, value: value as Record<string, unknown> });
    } else errors.push({ row: index + 1, field: null, message: "Expected an object." });
  });
  return { format: "json", rows, errors, fieldName: jsonFieldName };
}

function parseCsv(type: ImportType, text: string): RawRows {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", skipEmptyLines: false });
  const [header = [], ...records] = result.data;
  const columns = header.map(normaliseHeader);
  checkHeader(type, columns);
  const badRecords = new Map<number, string>();
  for (const e of result.errors) {
    if (e.row !== undefined && e.row > 0 && !badRecords.has(e.row)) badRecords.set(e.row, e.message);
  }
  const rows: RawRow[] = [];
  const errors: ImportError[] = [];
  records.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every((cell) => cell.trim() === "")) return; // a blank line: counted, not a row
    const problem = badRecords.get(row) ?? fieldCountProblem(cells.length, columns.length);
    if (problem) {
      errors.push({ row, field: null, message: problem });
      return;
    }
    const named: Record<string, string> = {};
    columns.forEach((column, i) => {
      named[column] = cells[i] ?? "";
    });
    const converted = csvRecordToRow(type, named);
    if (converted.errors.length) errors.push(...converted.errors.map((e) => ({ row, ...e })));
    else rows.push({ row, value: converted.row });
  });
  return { format: "csv", rows, errors, fieldName: csvFieldName };
}

function fieldCountProblem(got: number, expected: number): string | undefined {
  return got === expected ? undefined : `Expected ${expected} cells as in the header, got ${got}.`;
}

/** A CSV must name each column once, only known columns, and every required one: else 400 before any row. */
function checkHeader(type: ImportType, columns: string[]) {
  const known = new Set(csvColumns(type));
  const details = [
    ...columns.filter((c) => !known.has(c)).map((c) => ({ field: c || "(empty)", message: "Unknown column." })),
    ...columns.filter((c, i) => columns.indexOf(c) !== i).map((c) => ({ field: c, message: "Duplicate column." })),
    ...requiredCsvColumns(type)
      .filter((c) => !columns.includes(c))
      .map((c) => ({ field: c, message: "Required column is missing." })),
  ];
  if (details.length) {
    throw new ApiError(400, "validation_failed", `The CSV header does not fit ${type}.`, details);
  }
}
