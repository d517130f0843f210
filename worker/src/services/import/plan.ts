// An import's plan per record type (counts, row errors, rows to write) and how it is written: rows travel as one
// JSON parameter per statement (json_each), in chunks of ≤ 2,000 rows / ≈ 1 MB, each chunk one db.batch, i.e.
// one transaction, so a chunk commits whole or not at all.
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { ImportError } from "../../../../shared/contract/import";
import { runBatch, type Statement } from "../../db/batch";
import { canonicalJson } from "../../db/bulk";
import { jsonChunks, jsonLayout, jsonUpsert } from "../../db/json-rows";
import type { Db } from "../../env";

/** How a plan's rows are written: each row as a JSON array, each chunk's JSON text into its statements. */
export interface PlanWriter<W> {
  encode: (row: W) => unknown[];
  statements: (db: Db, json: string) => Statement[];
}

/** What one record type's import decided: counts, row errors, and the rows to write with how to write them. */
export interface ImportPlan<W> extends PlanWriter<W> {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  writes: W[];
  /** Whether written rows feed the lookup (contacts, domains, names): then data_version is bumped. */
  touchesLookup: boolean;
}

/** Writes a plan chunk by chunk; each chunk is one batch, so it commits whole or not at all. */
export async function writePlan<W>(db: Db, plan: ImportPlan<W>, extra: (db: Db) => Statement[] = () => []) {
  for (const { json } of jsonChunks(plan.writes, (row) => JSON.stringify(plan.encode(row)))) {
    await runBatch(db, [...plan.statements(db, json), ...extra(db)]);
  }
}

type Key<T extends SQLiteTable> = keyof T["$inferInsert"] & string;

/** Writes rows of `table` (workspace `workspaceId`) by upsert on `target`, rewriting only rows that differ. */
export function upsertWriter<T extends SQLiteTable>(
  table: T,
  workspaceId: string,
  keys: Key<T>[],
  target: Key<T>[],
  update: Key<T>[],
  compared: Key<T>[] = update,
): PlanWriter<T["$inferInsert"]> {
  const layout = jsonLayout(table, keys);
  const fixed = { workspaceId } as unknown as Partial<T["$inferInsert"]>;
  return {
    encode: (row) => layout.encode(row),
    statements: (db, json) => [jsonUpsert(db, layout, fixed, json, target, update, compared)],
  };
}

/** Counts a row as created, updated or unchanged and queues it when it must be written. */
export function tally<W>(plan: ImportPlan<W>, existed: boolean, same: boolean, write: W) {
  if (!existed) plan.created++;
  else if (same) {
    plan.unchanged++;
    return;
  } else plan.updated++;
  plan.writes.push(write);
}

/** Whether the stored row already holds every given value (objects compared by content). */
export function sameValues<W extends object>(stored: Partial<W>, incoming: W, keys: (keyof W)[]): boolean {
  return keys.every((k) => {
    const a = stored[k];
    const b = incoming[k];
    if (a && b && typeof a === "object" && typeof b === "object") return canonicalJson(a) === canonicalJson(b);
    return (a ?? null) === (b ?? null);
  });
}

/** A field left out of the row keeps its stored value (or the default for a new row). */
export const keep = <T>(incoming: T | undefined, stored: T | undefined, fallback: T): T =>
  incoming !== undefined ? incoming : stored !== undefined ? stored : fallback;

export function newPlan<W>(how: PlanWriter<W> & Pick<ImportPlan<W>, "touchesLookup">): ImportPlan<W> {
  return { created: 0, updated: 0, unchanged: 0, errors: [], writes: [], ...how };
}
