// What a regrade compares with, from grade_history in one window query: each customer's latest snapshot before
// `asOf` (grade-drop, key-account promotion) and its tier a month before (the dashboard's grade migration).
import { sql } from "drizzle-orm";
import type { PreviousGrade } from "../../../shared/records";
import type { Db } from "../env";

export interface PreviousGrades {
  previous: PreviousGrade[];
  /** Tier of the latest snapshot on or before `monthAgo`, by customer id. */
  monthAgo: Map<string, string>;
}

export async function loadPreviousGrades(
  db: Db,
  workspaceId: string,
  asOf: string,
  monthAgo: string,
): Promise<PreviousGrades> {
  // Per customer, the latest row on or before monthAgo (old = 1) and the latest after it but before asOf (old = 0).
  const rows = await db.values<[string, string, number, number]>(sql`
    SELECT customer_id, tier, key_account, old FROM (
      SELECT customer_id, tier, key_account, as_of <= ${monthAgo} AS old,
        row_number() OVER (PARTITION BY customer_id, as_of <= ${monthAgo} ORDER BY as_of DESC, id DESC) AS rank
      FROM grade_history WHERE workspace_id = ${workspaceId} AND as_of < ${asOf}
    ) WHERE rank = 1`);
  const latest = new Map<string, PreviousGrade>();
  const month = new Map<string, string>();
  for (const [customerId, tier, keyAccount, old] of rows) {
    if (old) month.set(customerId, tier);
    if (!old || !latest.has(customerId)) latest.set(customerId, { customerId, tier, keyAccount: Boolean(keyAccount) });
  }
  return { previous: [...latest.values()], monthAgo: month };
}
