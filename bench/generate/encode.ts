// Encodes generated rows for the loader: one line per INSERT, `<table>\t<JSON array of rows>`, each JSON array
// under MAX_JSON_CHARS (local D1 refuses a bound text much over 1 MB with SQLITE_TOOBIG).
import { type RowsByTable, TABLE_NAMES, type TableName } from "./tables";

export const MAX_JSON_CHARS = 900_000;

export function encodeRows(rows: RowsByTable): string {
  const lines: string[] = [];
  for (const table of TABLE_NAMES) {
    let chunk: string[] = [];
    let chars = 0;
    const flush = () => {
      if (chunk.length > 0) lines.push(`${table}\t[${chunk.join(",")}]`);
      chunk = [];
      chars = 0;
    };
    for (const row of rows[table]) {
      const text = JSON.stringify(row);
      if (chars + text.length + 1 > MAX_JSON_CHARS) flush();
      chunk.push(text);
      chars += text.length + 1;
    }
    flush();
  }
  return lines.join("\n");
}

/** Splits an encoded body back into (table, JSON text) pairs, rejecting unknown tables. */
export function decodeLines(body: string): { table: TableName; json: string }[] {
  const out: { table: TableName; json: string }[] = [];
  for (const line of body.split("\n")) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const table = line.slice(0, tab) as TableName;
    if (tab < 0 || !TABLE_NAMES.includes(table)) throw new Error(`bad seed line for table "${line.slice(0, 30)}"`);
    out.push({ table, json: line.slice(tab + 1) });
  }
  return out;
}
