// What /admin/today reads about the caller's own customers: a few counts, the follow-ups due (most overdue first), the
// credit to watch (largest overdue first) and the first next steps of each listed customer from its stored grade.
// Every query is scoped to the caller's workspace and to customers the caller owns.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { CustomerListItem } from "../../../../shared/contract";
import type { Suggestion } from "../../../../shared/grade/types";
import { customers, grades } from "../../db/schema";
import type { Caller, Db } from "../../env";
import { listCustomers } from "../../services/customer-list";

/** Rows of each list; the rest is one link away in the customer list. */
export const DUE_ROWS = 15;
export const CREDIT_ROWS = 10;
/** Next steps kept per customer (its grade's first, by priority then due date); a list may leave some out. */
const STEPS_KEPT = 3;

export interface TodayCounts {
  /** My customers whose next follow-up was before today, and those due today. */
  overdue: number;
  dueToday: number;
  /** My customers on credit hold, and on watch. */
  hold: number;
  watch: number;
  /** Overdue receivables of my customers, minor units. */
  overdueAmount: number;
}

export interface Today {
  counts: TodayCounts;
  due: CustomerListItem[];
  dueMore: boolean;
  credit: CustomerListItem[];
  creditMore: boolean;
  /** Next steps and last contact of each listed customer, by customer id. */
  notes: Map<string, GradeNotes>;
}

async function countsOf(db: Db, caller: Caller, today: string): Promise<TodayCounts> {
  const n = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(sum(${expr}), 0)`;
  const [row] = await db
    .select({
      overdue: n(sql`${grades.nextFollowUp} < ${today}`),
      dueToday: n(sql`${grades.nextFollowUp} = ${today}`),
      hold: n(sql`${grades.credit} = 'hold'`),
      watch: n(sql`${grades.credit} = 'watch'`),
      overdueAmount: n(sql`${grades.overdueAmount}`),
    })
    .from(customers)
    .innerJoin(grades, and(eq(grades.workspaceId, customers.workspaceId), eq(grades.customerId, customers.id)))
    .where(and(eq(customers.workspaceId, caller.workspaceId), eq(customers.ownerId, caller.userId)));
  return {
    overdue: Number(row?.overdue ?? 0),
    dueToday: Number(row?.dueToday ?? 0),
    hold: Number(row?.hold ?? 0),
    watch: Number(row?.watch ?? 0),
    overdueAmount: Number(row?.overdueAmount ?? 0),
  };
}

/** What the list shows from a customer's stored grade beyond the summary columns. */
export interface GradeNotes {
  /** Its first next steps (by priority, then due date). */
  steps: Suggestion[];
  /** The last touch (ISO timestamp), null when never contacted. */
  lastContact: string | null;
}

/** The notes of each listed customer, read from the grade JSON for these few rows only. */
async function notesOf(db: Db, caller: Caller, ids: string[]): Promise<Map<string, GradeNotes>> {
  const notes = new Map<string, GradeNotes>();
  if (ids.length === 0) return notes;
  const rows = await db
    .select({
      id: grades.customerId,
      suggestions: sql<string | null>`json_extract(${grades.result}, '$.suggestions')`,
      lastContact: sql<string | null>`json_extract(${grades.result}, '$.facts.lastContact')`,
    })
    .from(grades)
    .where(and(eq(grades.workspaceId, caller.workspaceId), inArray(grades.customerId, ids)));
  for (const r of rows) {
    const list: unknown = r.suggestions ? JSON.parse(r.suggestions) : [];
    notes.set(r.id, {
      steps: Array.isArray(list) ? (list.slice(0, STEPS_KEPT) as Suggestion[]) : [],
      lastContact: typeof r.lastContact === "string" ? r.lastContact : null,
    });
  }
  return notes;
}

/** Everything the page shows; `today` is the reader's day (YYYY-MM-DD) in the workspace's time zone. */
export async function loadToday(db: Db, caller: Caller, today: string): Promise<Today> {
  const [counts, due, credit] = await Promise.all([
    countsOf(db, caller, today),
    listCustomers(db, caller, { owner: "me", followUpBy: today, sort: "followUp", limit: DUE_ROWS }),
    listCustomers(db, caller, { owner: "me", credit: "hold,watch", sort: "-overdue", limit: CREDIT_ROWS }),
  ]);
  const ids = [...new Set([...due.items, ...credit.items].map((c) => c.id))];
  return {
    counts,
    due: due.items,
    dueMore: due.nextCursor !== null,
    credit: credit.items,
    creditMore: credit.nextCursor !== null,
    notes: await notesOf(db, caller, ids),
  };
}
