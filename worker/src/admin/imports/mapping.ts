// Column mapping for uploaded CSV files: guess each header's contract column, and rewrite the file to the mapping.
import Papa from "papaparse";
import type { ImportType } from "../../../../shared/contract/import";
import { csvColumns, normaliseHeader } from "../../../../shared/contract/import-csv";

export interface Upload {
  headers: string[];
  /** The first data rows, for the preview. */
  sample: string[][];
  rowCount: number;
}

export const PREVIEW_ROWS = 5;

export function readUpload(text: string): Upload {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", skipEmptyLines: "greedy" });
  const [headers = [], ...rows] = parsed.data;
  return { headers, sample: rows.slice(0, PREVIEW_ROWS), rowCount: rows.length };
}

/** The contract column a header most likely means ("Customer External ID" → customer_external_id), or "". */
export function guessColumn(type: ImportType, header: string): string {
  const known = csvColumns(type);
  const n = normaliseHeader(header);
  if (known.includes(n)) return n;
  const squashed = n.replace(/_/g, "");
  return known.find((k) => k.replace(/_/g, "") === squashed) ?? "";
}

/** The file with its header replaced by the mapped columns; unmapped columns are left out. */
export function applyMapping(text: string, mapping: string[]): string {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", skipEmptyLines: false });
  const [, ...rows] = parsed.data;
  const keep = mapping.map((m, i) => (m ? i : -1)).filter((i) => i >= 0);
  const header = keep.map((i) => mapping[i] as string);
  const body = rows.map((r) => (r.length === 1 && r[0] === "" ? r : keep.map((i) => r[i] ?? "")));
  return Papa.unparse([header, ...body], { newline: "\n" });
}
