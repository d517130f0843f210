// After touches are logged: their customers' stored grades refreshed for them (gradeAfterTouch), as statements for
// the same write batch, so the card and the customer page stop asking for the follow-up or reply just made.
import { and, eq, inArray, sql } from "drizzle-orm";
import { timestampMs } from "../../../shared/dates";
import { type CustomerGrade, gradeAfterTouch } from "../../../shared/grade";
import type { Statement } from "../db/batch";
import { grades } from "../db/schema";
import type { Db } from "../env";
import { loadActiveConfig } from "../jobs/active-config";
import { hash53, replyByOf } from "../jobs/grade-rows";
import { list } from "./interaction-match";
import type { Plan } from "./interaction-plan";

/**
 * One update per graded customer whose grade the new touches change (none for a customer not graded yet: the next
 * regrade grades it). Touches apply in time order. The tier, the summary columns and the history stay as the
 * regrade left them; so does everything gradeAfterTouch leaves to the next regrade, which recomputes it all.
 */
export async function gradeRefreshes(db: Db, workspaceId: string, plans: readonly Plan[]): Promise<Statement[]> {
  // A touch dated more than a day ahead never gets here (parseItem refuses it); within that day it counts at once.
  const byCustomer = new Map<string, Plan["item"][]>();
  for (const p of plans) {
    const touches = byCustomer.get(p.customerId);
    if (touches) touches.push(p.item);
    else byCustomer.set(p.customerId, [p.item]);
  }
  if (byCustomer.size === 0) return [];
  const [rows, { config }] = await Promise.all([
    db
      .select({ customerId: grades.customerId, result: grades.result })
      .from(grades)
      .where(and(eq(grades.workspaceId, workspaceId), inArray(grades.customerId, list(byCustomer.keys())))),
    loadActiveConfig(db, workspaceId),
  ]);
  const statements: Statement[] = [];
  for (const row of rows) {
    if (!refreshable(row.result)) continue;
    const stored = row.result;
    let grade = stored;
    const touches = [...(byCustomer.get(row.customerId) ?? [])].sort(
      (a, b) => timestampMs(a.occurredAt) - timestampMs(b.occurredAt),
    );
    try {
      for (const t of touches)
        grade =
          gradeAfterTouch(grade, { occurredAt: t.occurredAt, kind: t.kind, direction: t.direction ?? null }, config) ??
          grade;
    } catch {
      // A stored grade the refresh cannot read (a date it cannot parse): logging goes on, the regrade rewrites it.
      continue;
    }
    if (grade === stored) continue;
    statements.push(gradeUpdate(db, workspaceId, row.customerId, grade));
  }
  return statements;
}

/** The statement storing a refreshed grade with its summary columns (the tier's and the history stay). */
export function gradeUpdate(db: Db, workspaceId: string, customerId: string, grade: CustomerGrade): Statement {
  // Serialised once: the stored text is the hashed text (a JSON column given the object would stringify it again).
  const json = JSON.stringify(grade);
  return db
    .update(grades)
    .set({
      result: sql`${json}`,
      hash: hash53(json),
      nextFollowUp: grade.serviceLevel.nextFollowUp,
      replyBy: replyByOf(grade),
    })
    .where(and(eq(grades.workspaceId, workspaceId), eq(grades.customerId, customerId)));
}

/** Whether a stored result has what gradeAfterTouch reads (results written by older code or by hand may not). */
export function refreshable(result: unknown): result is CustomerGrade {
  const g = result as Partial<CustomerGrade> | null;
  return (
    typeof g === "object" &&
    g !== null &&
    typeof g.tier === "string" &&
    typeof g.asOf === "string" &&
    Array.isArray(g.suggestions) &&
    typeof g.facts === "object" &&
    g.facts !== null &&
    (g.facts.lastContact === null || typeof g.facts.lastContact === "string") &&
    typeof g.serviceLevel === "object" &&
    g.serviceLevel !== null &&
    typeof g.serviceLevel.cadenceDays === "number"
  );
}
