// One atomic D1 batch over a list of statements built conditionally (drizzle's batch wants a non-empty tuple).
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../env";

export type Statement = BatchItem<"sqlite">;

/** Runs `statements` as one D1 batch (a single transaction); an empty list runs nothing. */
export async function runBatch(db: Db, statements: Statement[]): Promise<unknown[]> {
  if (statements.length === 0) return [];
  return db.batch(statements as [Statement, ...Statement[]]);
}
