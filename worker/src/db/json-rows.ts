// Bulk writes with ONE bound JSON parameter per statement: rows travel as JSON arrays that SQLite expands with
// json_each, so a statement binds 1 + (fixed values) parameters however many rows it writes (D1 allows 100);
// optionally one large text column bound per row beside it (up to that limit).
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../env";
import type { Statement } from "./batch";

/** Rows per JSON parameter at most: small enough for one D1 statement, large enough to be fast. */
export const JSON_CHUNK_ROWS = 2_000;
/** UTF-8 bytes per JSON parameter at most (D1 takes values up to about 2 MB). */
export const JSON_CHUNK_BYTES = 1_000_000;

type Key<T extends SQLiteTable> = keyof T["$inferInsert"] & string;

/**
 * A raw SQL statement that db.batch runs with its parameters. drizzle's `db.run(sql)` runs alone but, inside a D1
 * batch, looks for a prepared statement it never made; this one carries it (on D1's own binding).
 */
export function rawStatement(db: Db, query: SQL): Statement {
  const raw = db.run(query) as unknown as { getQuery(): { sql: string; params: unknown[] }; _prepare(): unknown };
  const client = (db as unknown as { $client: D1Database }).$client;
  raw._prepare = () => {
    const built = raw.getQuery();
    return { getQuery: () => built, stmt: client.prepare(built.sql), mapResult: (result: unknown) => result };
  };
  return raw as unknown as Statement;
}
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** How rows of `table` are laid out in the JSON: one array per row, `keys` in order. */
export interface JsonLayout<T extends SQLiteTable> {
  table: T;
  keys: Key<T>[];
  /** One row as an array of stored (driver) values. */
  encode(row: Partial<T["$inferInsert"]>): unknown[];
  /** SQL reading `key` of the current json_each row `j`. */
  at(key: Key<T>): SQL;
  column(key: Key<T>): string;
}

/**
 * A layout for `keys` of `table`. Values are stored as drizzle would store them (booleans 0/1, JSON columns as
 * text); a `nested` JSON column holding an object travels as nested JSON instead of an escaped string.
 */
export function jsonLayout<T extends SQLiteTable>(table: T, keys: Key<T>[], nested: Key<T>[] = []): JsonLayout<T> {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const cols = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`no column ${k} in ${getTableName(table)}`);
    return column;
  });
  const inline = keys.map((k) => nested.includes(k));
  return {
    table,
    keys,
    encode(row) {
      const r = row as Record<string, unknown>;
      return keys.map((k, i) => {
        const v = r[k];
        if (v === undefined || v === null) return null;
        if (inline[i] && typeof v === "object") return v;
        return (cols[i] as SQLiteColumn).mapToDriverValue(v);
      });
    },
    at: (key) => sql.raw(`j.value->>'$[${keys.indexOf(key)}]'`),
    column: (key) => quote((columns[key] as SQLiteColumn).name),
  };
}

/** Values bound one per row beside the JSON rows: row `i` of the JSON takes `values[i]` in `column`. */
export interface BoundColumn<T extends SQLiteTable> {
  column: Key<T>;
  values: readonly string[];
}

/**
 * `INSERT INTO table (fixed…, keys…) SELECT ?, …, j.value->>'$[i]', … FROM json_each(?) AS j WHERE true`; with a
 * bound column, `WITH b(k, v) AS (VALUES (0, ?), …)` first and `b.v` joined on the row's index.
 */
function insertSelect<T extends SQLiteTable>(
  layout: JsonLayout<T>,
  fixed: Partial<T["$inferInsert"]>,
  json: string,
  bound?: BoundColumn<T>,
) {
  const columns = getTableColumns(layout.table) as Record<string, SQLiteColumn>;
  const fixedKeys = Object.keys(fixed) as Key<T>[];
  const names = [...fixedKeys, ...layout.keys, ...(bound ? [bound.column] : [])].map((k) =>
    quote((columns[k] as SQLiteColumn).name),
  );
  const values = [
    ...fixedKeys.map(
      (k) => sql`${(columns[k] as SQLiteColumn).mapToDriverValue((fixed as Record<string, unknown>)[k])}`,
    ),
    ...layout.keys.map((k) => layout.at(k)),
    ...(bound ? [sql.raw("b.v")] : []),
  ];
  const into = sql`INSERT INTO ${sql.raw(quote(getTableName(layout.table)))} (${sql.raw(names.join(", "))})`;
  if (!bound) return sql`${into} SELECT ${sql.join(values, sql`, `)} FROM json_each(${json}) AS j WHERE true`;
  const rows = sql.join(
    bound.values.map((v, i) => sql`(${sql.raw(String(i))}, ${v})`),
    sql`, `,
  );
  return sql`WITH b(k, v) AS (VALUES ${rows}) ${into} SELECT ${sql.join(values, sql`, `)} FROM json_each(${json}) AS j JOIN b ON b.k = j.key WHERE true`;
}

/**
 * Upsert of a JSON chunk: `ON CONFLICT (target) DO UPDATE SET update = excluded.update WHERE <a compared column
 * differs>`, so rows equal to the stored ones are not rewritten. A `bound` column (large texts such as a stored
 * JSON document) travels as one parameter per row instead of inside the JSON, which SQLite would have to parse and
 * print again: at most D1_MAX_PARAMS − 1 − fixed rows per statement then.
 */
export function jsonUpsert<T extends SQLiteTable>(
  db: Db,
  layout: JsonLayout<T>,
  fixed: Partial<T["$inferInsert"]>,
  json: string,
  target: Key<T>[],
  update: Key<T>[],
  compared: Key<T>[] = update,
  bound?: BoundColumn<T>,
): Statement {
  const col = (k: Key<T>) => layout.column(k);
  const table = quote(getTableName(layout.table));
  const set = update.map((k) => `${col(k)} = excluded.${col(k)}`).join(", ");
  const changed = compared.map((k) => `${table}.${col(k)} IS NOT excluded.${col(k)}`).join(" OR ");
  const conflict = `ON CONFLICT (${target.map(col).join(", ")}) DO UPDATE SET ${set} WHERE ${changed || "true"}`;
  return rawStatement(db, sql`${insertSelect(layout, fixed, json, bound)} ${sql.raw(conflict)}`);
}

/** Plain insert of a JSON chunk; `ignore` adds ON CONFLICT DO NOTHING. */
export function jsonInsert<T extends SQLiteTable>(
  db: Db,
  layout: JsonLayout<T>,
  fixed: Partial<T["$inferInsert"]>,
  json: string,
  ignore = false,
): Statement {
  return rawStatement(db, sql`${insertSelect(layout, fixed, json)}${sql.raw(ignore ? " ON CONFLICT DO NOTHING" : "")}`);
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Collects row JSON texts into JSON array texts of at most `maxRows` rows and about `maxBytes` UTF-8 bytes. */
export class JsonBuffer {
  private parts: string[] = [];
  private bytes = 2;
  constructor(
    readonly maxRows = JSON_CHUNK_ROWS,
    readonly maxBytes = JSON_CHUNK_BYTES,
  ) {}
  get size() {
    return this.parts.length;
  }
  /** Adds a row; when it does not fit with the rows held, returns those as a full chunk first (else null). */
  push(rowJson: string): string | null {
    const size = utf8Length(rowJson) + 1;
    const full = this.parts.length > 0 && (this.parts.length >= this.maxRows || this.bytes + size > this.maxBytes);
    const chunk = full ? this.take() : null;
    this.parts.push(rowJson);
    this.bytes += size;
    return chunk;
  }
  /** The JSON array text of the rows held, emptying the buffer. */
  take(): string {
    const json = `[${this.parts.join(",")}]`;
    this.parts = [];
    this.bytes = 2;
    return json;
  }
}

/** Groups items into JSON array texts (see JsonBuffer), keeping each chunk's items alongside. */
export function jsonChunks<T>(
  items: readonly T[],
  toJson: (item: T) => string,
  maxRows = JSON_CHUNK_ROWS,
  maxBytes = JSON_CHUNK_BYTES,
): { json: string; items: T[] }[] {
  const out: { json: string; items: T[] }[] = [];
  const buffer = new JsonBuffer(maxRows, maxBytes);
  let held: T[] = [];
  for (const item of items) {
    const full = buffer.push(toJson(item));
    if (full !== null) {
      out.push({ json: full, items: held });
      held = [];
    }
    held.push(item);
  }
  if (buffer.size) out.push({ json: buffer.take(), items: held });
  return out;
}
