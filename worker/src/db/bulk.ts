// Bulk SQL inside D1's limits: JSON-array lookups (one parameter for any number of keys) and multi-row
// upserts of at most 100 bound parameters, for statements run in db.batch (one transaction per batch).
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import type { Db } from "../env";

/** D1 allows at most 100 bound parameters per statement. */
export const D1_MAX_PARAMS = 100;
/** Statements per db.batch: small enough for one request to D1, large enough to be fast. */
export const STATEMENTS_PER_BATCH = 250;
/** Keys per JSON-array lookup, far below D1's 2 MB limit for one value. */
const KEYS_PER_LOOKUP = 5_000;

export type Statement = BatchItem<"sqlite">;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `column IN (keys)` with one bound parameter, however many keys: a JSON array read by json_each. */
export const inJson = (column: SQLiteColumn, keys: readonly string[]): SQL =>
  sql`${column} in (select value from json_each(${JSON.stringify(keys)}))`;

/** Runs `query` over distinct `keys` in slices and concatenates the rows. */
export async function selectInSlices<T>(keys: Iterable<string>, query: (slice: string[]) => Promise<T[]>) {
  const slices = chunk([...new Set(keys)], KEYS_PER_LOOKUP);
  const results = await Promise.all(slices.map(query));
  return results.flat();
}

/** Rows per multi-row INSERT so that even a row binding every column stays within 100 parameters. */
export const rowsPerStatement = (table: SQLiteTable) =>
  Math.floor(D1_MAX_PARAMS / Object.keys(getTableColumns(table)).length);

/** `SET col = excluded.col` for the given properties of an upsert. */
export function excludedSet<T extends SQLiteTable>(table: T, keys: (keyof T["$inferInsert"] & string)[]) {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  return Object.fromEntries(
    keys.map((key) => {
      const column = columns[key];
      if (!column) throw new Error(`no column ${key}`);
      return [key, sql.raw(`excluded."${column.name}"`)];
    }),
  );
}

/** JSON with sorted keys: two objects with the same content compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Multi-row `INSERT … ON CONFLICT (target) DO UPDATE SET update = excluded.update`, split within 100 parameters. */
export function upserts<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: T["$inferInsert"][],
  target: SQLiteColumn[],
  update: (keyof T["$inferInsert"] & string)[],
): Statement[] {
  const set = excludedSet(table, update) as SQLiteUpdateSetSource<T>;
  return chunk(rows, rowsPerStatement(table)).map((slice) =>
    db.insert(table).values(slice).onConflictDoUpdate({ target, set }),
  );
}
