// Bulk SQL inside D1's limits: JSON-array lookups (one parameter for any number of keys) and content comparison.
// Bulk writes bind one JSON parameter per statement too: see json-rows.ts.
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** D1 allows at most 100 bound parameters per statement. */
export const D1_MAX_PARAMS = 100;
/** Keys per JSON-array lookup, far below D1's 2 MB limit for one value. */
const KEYS_PER_LOOKUP = 5_000;

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

/** JSON with sorted keys: two objects with the same content compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
