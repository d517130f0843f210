// An import's plan per record type (counts, row errors, rows to write) and how it is written: in chunks,
// each chunk one db.batch, i.e. one transaction, so a chunk commits whole or not at all.
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { ImportError } from "../../../../shared/contract/import";
import { canonicalJson, chunk, rowsPerStatement, STATEMENTS_PER_BATCH, type Statement } from "../../db/bulk";
import type { Db } from "../../env";

/** What one record type's import decided: counts, row errors, and the rows to write with how to write them. */
export interface ImportPlan<W> {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  writes: W[];
  /** Rows per atomic chunk; `statements` turns one chunk into at most STATEMENTS_PER_BATCH statements. */
  rowsPerChunk: number;
  statements: (db: Db, rows: W[]) => Statement[];
  /** Whether written rows feed the lookup (contacts, domains, names): then data_version is bumped. */
  touchesLookup: boolean;
}

/** Writes a plan chunk by chunk; each chunk is one batch, so it commits whole or not at all. */
export async function writePlan<W>(db: Db, plan: ImportPlan<W>, extra: (db: Db) => Statement[] = () => []) {
  for (const rows of chunk(plan.writes, plan.rowsPerChunk)) {
    const items = [...plan.statements(db, rows), ...extra(db)];
    if (items.length) await db.batch(items as [Statement, ...Statement[]]);
  }
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

/** The chunk size for a table: whole statements of `rowsPerStatement` rows, STATEMENTS_PER_BATCH of them. */
export const chunkFor = (table: SQLiteTable, statementsPerRow = 1) =>
  Math.floor((rowsPerStatement(table) * STATEMENTS_PER_BATCH) / statementsPerRow);

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

export function newPlan<W>(how: Pick<ImportPlan<W>, "rowsPerChunk" | "statements" | "touchesLookup">): ImportPlan<W> {
  return { created: 0, updated: 0, unchanged: 0, errors: [], writes: [], ...how };
}
